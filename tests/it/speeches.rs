//! Which slides a speech gives and where its parts hang (issue 24): footnotes kept off
//! the slides, closings and summaries on slides of their own, previews as no points.

use crate::common::deck::{canon, slides, DeckSlide};
use lectern::{compile, Format, Options};

fn deck(text: &str, format: Format) -> Vec<DeckSlide> {
    let opts = Options {
        format,
        ..Options::default()
    };
    let compiled = compile(text.as_bytes(), &opts).expect("compiles");
    slides(&compiled.html)
}

/// The slide whose notes hold `words`.
fn noting<'a>(deck: &'a [DeckSlide], words: &str) -> Vec<&'a DeckSlide> {
    deck.iter()
        .filter(|s| canon(&s.notes).contains(&canon(words)))
        .collect()
}

#[test]
fn footnotes_go_to_the_notes_of_the_slide_that_cites_them() {
    let text = "实践与认识\n\
        一、实践是认识的来源\n\
        马克思说：“人的思维是否具有客观的真理性，这是一个实践的问题。”⑴我们要在实践中学习。\n\
        二、认识反过来指导实践\n\
        理论若不和实践相联系，就会变成无对象的理论⑵。\n\
        ------------------\n\
        注　　释\n\
        〔1〕见马克思《关于费尔巴哈的提纲》。\n\
        〔2〕参见斯大林《论列宁主义基础》第三部分。\n\
        〔3〕湖南方言，内行的意思。\n";
    let d = deck(text, Format::Plain);
    // No slide shows a note or its label, and no note is a point of its own.
    for s in &d {
        for words in [
            "见马克思《关于费尔巴哈",
            "参见斯大林",
            "湖南方言",
            "注　　释",
        ] {
            assert!(
                !canon(&s.shown).contains(&canon(words)),
                "«{words}» shown on «{}»",
                s.heading
            );
        }
        assert!(
            !s.shown.contains('⑴') && !s.shown.contains('⑵'),
            "{}",
            s.heading
        );
    }
    // Each cited note is read with the text that cites it.
    let first = noting(&d, "〔1〕见马克思");
    assert_eq!(first.len(), 1);
    assert!(canon(&first[0].notes).contains("这是一个实践的问题"));
    let second = noting(&d, "〔2〕参见斯大林");
    assert_eq!(second.len(), 1);
    assert!(canon(&second[0].notes).contains("无对象的理论"));
    // A note no text cites goes to the closing slide's notes.
    let third = noting(&d, "〔3〕湖南方言");
    assert_eq!(third.len(), 1);
    assert_eq!(third[0].kind, "closing");
}

#[test]
fn a_references_section_of_numbered_entries_gives_no_points() {
    let text = "普遍价值观的探索\n\
        一、美德与人格\n\
        价值是某个事物被认为是好的特性。\n\
        二、结论\n\
        人格教育以普遍价值观为基础。\n\
        注释：\n\
        1. C.S. Lewis, The Abolition of Man.\n\
        2. Analects 15.23.\n";
    let d = deck(text, Format::Plain);
    assert!(
        d.iter()
            .all(|s| !s.shown.contains("Lewis") && !s.shown.contains("Analects")),
        "{:?}",
        d.iter().map(|s| &s.heading).collect::<Vec<_>>()
    );
    let closing = d.last().unwrap();
    assert!(closing.notes.contains("Lewis") && closing.notes.contains("Analects"));
    // two parts, no third point from the notes: title, outline, 一, 二, closing
    assert_eq!(
        d.len(),
        5,
        "{:?}",
        d.iter().map(|s| &s.heading).collect::<Vec<_>>()
    );
}

#[test]
fn a_summary_and_a_closing_salutation_are_the_closing_not_the_last_point() {
    let text = "在全市教育工作会议上的讲话\n\
        同志们：\n\
        一、回顾\n\
        一年来工作扎实推进。\n\
        二、部署\n\
        1．抓安全。安全稳定压倒一切。\n\
        2．抓质量。质量是教育的生命线。\n\
        以上两点意见，供大家参考。\n\
        同志们，教育事业责任重大。一是要树立大局意识；二是要树立责任意识。\n\
        谢谢大家！\n";
    let d = deck(text, Format::Plain);
    // The last point's slide reads its own text only.
    let last_point = noting(&d, "质量是教育的生命线");
    assert_eq!(last_point.len(), 1);
    assert!(!canon(&last_point[0].notes).contains("以上两点意见"));
    assert!(!canon(&last_point[0].notes).contains("教育事业责任重大"));
    // The summary and the closing's series are read under 结束语 and on the closing
    // slide, after the points.
    let summary = noting(&d, "以上两点意见");
    assert_eq!(summary.len(), 1);
    let at = |s: &DeckSlide| d.iter().position(|x| std::ptr::eq(x, s)).unwrap();
    assert!(at(summary[0]) > at(last_point[0]));
    // (a point of 二、部署 shows 部署 in its crumbs)
    assert!(!summary[0].shown.contains("部署"), "{}", summary[0].shown);
    assert!(last_point[0].shown.contains("部署"));
    // the closing's 一是要…二是要 are points under 结束语, not under 二、部署
    let series = noting(&d, "二是要树立责任意识");
    assert!(series
        .iter()
        .all(|s| s.shown.contains("结束语") && !s.shown.contains("部署")));
}

#[test]
fn the_turn_to_problems_after_a_review_is_a_part_of_its_own() {
    let text = "领导班子总结报告\n\
        一、加强管理\n\
        1．完善制度。制度不断健全。\n\
        2．优化服务。服务更加精细。\n\
        当然，学校工作还存在一些不足，主要如下：\n\
        1．管理有待精细化。流程还不够细。\n\
        2．积极性有待激发。激励还不够。\n";
    let opts = Options {
        format: Format::Plain,
        ..Options::default()
    };
    let compiled = compile(text.as_bytes(), &opts).expect("compiles");
    let json = lectern::outline::outline_json(&compiled.parsed);
    let top: Vec<&str> = json["nodes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|n| n["title"].as_str().unwrap())
        .collect();
    // The problems are a part after the review, with their own points under it.
    assert_eq!(top, ["加强管理", "存在的问题"]);
    let problems = &json["nodes"][1];
    assert_eq!(problems["children"].as_array().unwrap().len(), 2);
    assert_eq!(json["nodes"][0]["children"].as_array().unwrap().len(), 2);
    let d = slides(&compiled.html);
    let part = d
        .iter()
        .find(|s| s.heading.contains("存在的问题"))
        .expect("a slide");
    assert!(canon(&part.notes).contains("学校工作还存在一些不足"));
    // A turn at the end of a part under review closes that part: a section of it,
    // shown without a number.
    let text = "政府工作报告\n\
        一、过去一年的工作\n\
        （一）经济平稳运行。增长5%。\n\
        （二）民生持续改善。就业稳定。\n\
        在看到成绩的同时，我们也清醒认识到存在的不足：需求不足，动能不强。\n\
        二、今年的工作\n\
        （一）扩大内需。\n";
    let compiled = compile(text.as_bytes(), &opts).expect("compiles");
    let json = lectern::outline::outline_json(&compiled.parsed);
    let review: Vec<&str> = json["nodes"][0]["children"]
        .as_array()
        .unwrap()
        .iter()
        .map(|n| n["title"].as_str().unwrap())
        .collect();
    assert_eq!(review, ["经济平稳运行", "民生持续改善", "存在的问题"]);
    let d = slides(&compiled.html);
    let section = d
        .iter()
        .find(|s| s.heading.contains("存在的问题"))
        .expect("a slide");
    assert_eq!(section.kind, "section");
    assert!(!section.shown.contains("None"), "{}", section.shown);
    let before = d
        .iter()
        .find(|s| s.heading.contains("民生持续改善"))
        .unwrap();
    assert!(!canon(&before.notes).contains("需求不足"));
}

#[test]
fn a_preview_of_the_parts_is_the_agenda_not_points() {
    let text = "在全市教育系统工作会议上的讲话\n\
        同志们：\n\
        下面，我讲三方面内容，一是回顾去年工作；二是分析当前形势；三是部署今年任务。\n\
        一、去年工作的回顾\n\
        去年工作扎实推进。\n\
        二、当前形势\n\
        形势复杂严峻。\n\
        三、今年的任务\n\
        任务艰巨繁重。\n";
    let d = deck(text, Format::Plain);
    // no slide of its own for 一是/二是/三是: title, outline, three parts, closing
    let headings: Vec<&str> = d.iter().map(|s| s.heading.as_str()).collect();
    assert_eq!(d.len(), 6, "{headings:?}");
    assert!(!headings.iter().any(|h| h.contains("回顾去年工作")));
    // the words are read on the title slide, before the first part
    assert!(canon(&d[0].notes).contains("下面，我讲三方面内容，一是回顾去年工作"));
    // while a series that does not preview the parts stays points
    let other = text.replace("三是部署今年任务", "三是落实责任；四是加强督查");
    assert!(deck(&other, Format::Plain).len() > 6);
}

#[test]
fn a_page_of_several_reports_gives_a_part_per_report_with_its_byline_and_closing() {
    let text = "当前位置：首页 > 新闻中心> 学校公告> 党政办\n\
        党政办\n\
        学校班子成员年度述职报告\n\
        文章来源： 作者： 发布时间：2021年02月04日 点击数： 次\n\
        2020年度述职述廉报告\n\
        孙洪亮\n\
        一、履行岗位职责情况\n\
        一年来，我牢记肩上责任。\n\
        二、存在问题\n\
        1．深入学习理论有差距。学习的深入性还有不足。\n\
        我将诚恳接受领导与同志们对我的评议意见。\n\
        2020年度述职述廉报告\n\
        蒋明\n\
        一、工作收获和业绩\n\
        这一年，我认真做好校长助手。\n\
        二、后续努力方向\n\
        端正学习态度，提高学习质量。\n\
        以上是我的述职，不当之处请批评指正。\n\
        2020年度述职述廉报告\n\
        俞奇弘\n\
        一、加强学习，努力提高自身素质\n\
        深入学习党的十九届五中全会精神。\n\
        二、存在的问题\n\
        对师生的服务还不够细致。\n\
        回顾一年来的工作，虽然本人有收获，但仍需努力。\n\
        班子主要领导的报告将在期末全校教工大会上述职。\n\
        【打印正文】\n";
    let opts = Options {
        format: Format::Plain,
        ..Options::default()
    };
    let compiled = compile(text.as_bytes(), &opts).expect("compiles");
    let json = lectern::outline::outline_json(&compiled.parsed);
    // the page's headline is the deck's title; no one speaker for the deck
    assert_eq!(json["title"], "学校班子成员年度述职报告");
    assert!(json["speaker"].is_null());
    let parts = json["nodes"].as_array().unwrap();
    assert_eq!(parts.len(), 3);
    for (part, line) in parts.iter().zip([5, 12, 19]) {
        assert_eq!(part["title"], "2020年度述职述廉报告");
        assert_eq!(part["line"], line);
        // each report closes with its own 结束语, after its last point
        let last = part["children"].as_array().unwrap().last().unwrap().clone();
        assert_eq!(last["title"], "结束语", "{part}");
    }
    // each byline is read with its report
    let d = slides(&compiled.html);
    assert!(noting(&d, "孙洪亮")
        .iter()
        .all(|s| !canon(&s.notes).contains("蒋明")));
    // the page's own note after the last report is the deck's closing, not the report's
    assert_eq!(
        json["closing"].as_array().map(|c| c.len()),
        Some(1),
        "{}",
        json["closing"]
    );
    let note = noting(&d, "班子主要领导的报告");
    assert_eq!(note.len(), 1);
    assert_eq!(note[0].kind, "closing");
    let closing = noting(&d, "我将诚恳接受领导");
    assert_eq!(closing.len(), 1);
    assert!(!canon(&closing[0].notes).contains("学习的深入性还有不足"));
}

fn meta(text: &str) -> serde_json::Value {
    let opts = Options {
        format: Format::Plain,
        ..Options::default()
    };
    let compiled = compile(text.as_bytes(), &opts).expect("compiles");
    lectern::outline::outline_json(&compiled.parsed)
}

#[test]
fn front_matter_of_more_genres() {
    // a sign-off at the end, its date written without 日: the deck's date, not read out
    let m = meta("党风廉政建设情况分析会情况报告\n一、会议基本情况\n会议开得很好。\n二、下一步打算\n继续努力。\n中共某某中学委员会\n2021年1月18\n");
    assert_eq!(m["date"], "2021年1月18");
    assert_eq!(m["organisation"], "中共某某中学委员会");
    // a 讲话稿 is a 讲话; a subtitle on the title's line after ——
    assert_eq!(
        meta("家长开放日讲话稿\n各位家长：\n大家好。\n")["title"],
        "家长开放日讲话"
    );
    let m = meta("成就孩子真正的幸福——俞敏洪首场讲座实录\n家庭教育是重要环节。\n");
    assert_eq!(m["title"], "成就孩子真正的幸福");
    assert_eq!(m["subtitle"], "——俞敏洪首场讲座实录");
    // an editor's note after the page's property line: the speech's own title follows
    let m = meta(
        "陈局长《在全市教育工作会议上的讲话》\n\
         文章来源：本站原创 作者：佚名 发布时间：2010年03月10日 点击数： 次\n\
         现摘录陈局长《在全市教育工作会议上的讲话》，希全体教工认真学习！\n\
         在全市教育工作会议上的讲话\n\
         陈国阳\n\
         （2010年2月22日）\n\
         同志们：\n\
         今天我们召开会议。\n",
    );
    assert_eq!(m["title"], "在全市教育工作会议上的讲话");
    assert_eq!(m["speaker"], "陈国阳");
    assert_eq!(m["date"], "（2010年2月22日）");
}

#[test]
fn numbering_seen_in_the_wild() {
    let titles = |m: &serde_json::Value| -> Vec<String> {
        fn walk(n: &serde_json::Value, out: &mut Vec<String>) {
            for c in n.as_array().unwrap() {
                out.push(format!(
                    "{}{}",
                    c["marker"].as_str().unwrap(),
                    c["title"].as_str().unwrap()
                ));
                walk(&c["children"], out);
            }
        }
        let mut out = Vec::new();
        walk(&m["nodes"], &mut out);
        out
    };
    // a numeral alone on its line over the heading's text; 六． with a full stop
    let m = meta(
        "工作报告\n一\n加强管理\n管理有力。\n二\n优化服务\n服务到位。\n三．推进建设\n建设顺利。\n",
    );
    assert_eq!(titles(&m), ["一加强管理", "二优化服务", "三．推进建设"]);
    // questions and answers: each question a point, numbered or 问：
    let m = meta("答记者问\n一、关于改革\nQ1：为什么要改革？\n答：因为要发展。\nQ2：怎么改？\n答：稳步推进。\n二、关于保障\n问：经费从哪里来？\n答：财政保障。\n问：负担会不会更重？\n答：不会。\n");
    assert_eq!(
        titles(&m),
        [
            "一、关于改革",
            "Q1：为什么要改革",
            "Q2：怎么改",
            "二、关于保障",
            "问：经费从哪里来",
            "问：负担会不会更重"
        ]
    );
    assert_eq!(m["nodes"][1]["children"][1]["ordinal"], 2);
    // look-alikes stay text: a numeral in a sentence, 问题 and a year with a stop
    let m = meta("题目\n一、提高认识\n一年来工作扎实。\n问题是要抓落实。\n2021.3月我们开会。\n");
    assert_eq!(titles(&m), ["一、提高认识"]);
}

#[test]
fn front_matter_datelines_addressees_labels_and_bylines() {
    // a dateline with time and source: the date is the deck's, the line the source note
    let m = meta("某某讲话\n2019年03月05日10:20    来源：某某网\n同志们：\n一、回顾\n工作很好。\n二、打算\n继续努力。\n");
    assert_eq!(m["date"], "2019年03月05日");
    assert!(m["source"].as_str().unwrap().contains("来源：某某网"));
    // an addressee is not the title: the report's own title after it is, and a notice's
    // headline above the addressee is set apart
    let m =
        meta("各支部：\n关于开展主题党日活动的通知\n一、活动内容\n学习。\n二、活动要求\n认真。\n");
    assert_eq!(m["title"], "关于开展主题党日活动的通知");
    let m = meta("关于公示《领导班子总结报告》\n全体教职工：\n现将领导班子总结报告公示如下：\n领导班子总结报告\n一、回顾\n工作很好。\n二、打算\n继续努力。\n");
    assert_eq!(m["title"], "领导班子总结报告");
    // a bracketed label is no title
    let m =
        meta("【个人简介】\n张三，男，1970年生。\n一、回顾\n工作很好。\n二、打算\n继续努力。\n");
    assert!(m["title"].is_null(), "{}", m["title"]);
    // 讲话提纲 is a 讲话
    let m = meta("在全校大会上的讲话提纲\n一、回顾\n工作很好。\n二、打算\n继续努力。\n");
    assert_eq!(m["title"], "在全校大会上的讲话");
    // a decorated title, a byline of post and name run together
    let m =
        meta("※在全校大会上的讲话※\n副校长王某某\n一、回顾\n工作很好。\n二、打算\n继续努力。\n");
    assert_eq!(m["title"], "在全校大会上的讲话");
    assert_eq!(m["speaker"], "副校长 王某某");
    // the speaker named in a subtitle, or by the page's author line
    let m = meta("成就孩子真正的幸福——俞敏洪“家长学校”首场讲座实录\n家庭教育是重要环节。\n");
    assert_eq!(m["speaker"], "俞敏洪");
    let m = meta("家长开放日讲话稿\n文章来源：本站原创 作者：王琛 发布时间：2020年10月29日 点击数： 次\n家长开放日讲话稿\n2020年10月29日上午\n各位家长大家好！\n");
    assert_eq!(m["speaker"], "王琛");
    // a date said by the subtitle is not shown again on the title slide
    let d = deck(
        "政府工作报告\n——2024年3月5日在全市人民代表大会上\n各位代表：\n一、回顾\n工作很好。\n二、打算\n继续努力。\n",
        Format::Plain,
    );
    assert_eq!(d[0].kind, "title");
    assert_eq!(
        d[0].shown.matches("2024年3月5日").count(),
        1,
        "{}",
        d[0].shown
    );
}

#[test]
fn a_part_summed_up_after_its_points_keeps_the_summary_out_of_the_last_point() {
    let text = "在家长开放日上的讲话\n\
        一、如何看待我们的孩子\n\
        当今的孩子有以下特征：\n\
        一是他们都是独生子女。独处的时间多。\n\
        二是他们背负着情感负担。家长期望高。\n\
        三是他们知识面宽广。信息来得快。\n\
        我希望看完这篇文章的父母，能多理解孩子。\n\
        二、学校下一阶段的工作\n\
        抓好教学常规。\n";
    let json = meta(text);
    let part = &json["nodes"][0];
    let kids: Vec<&str> = part["children"]
        .as_array()
        .unwrap()
        .iter()
        .map(|n| n["title"].as_str().unwrap())
        .collect();
    assert_eq!(kids.last(), Some(&"小结"), "{kids:?}");
    let d = deck(text, Format::Plain);
    let third = noting(&d, "信息来得快");
    assert_eq!(third.len(), 1);
    assert!(!canon(&third[0].notes).contains("我希望看完"));
    // a paragraph after the last point that sums nothing up stays the point's text
    let plain = text.replace(
        "我希望看完这篇文章的父母，能多理解孩子。",
        "他们上网的时间也多。",
    );
    let d = deck(&plain, Format::Plain);
    assert!(canon(&noting(&d, "信息来得快")[0].notes).contains("上网的时间"));
}

#[test]
fn a_preview_inside_a_part_is_its_agenda_and_1_colon_items_mix_with_1_dot() {
    let text = "在全市教育工作会议上的讲话\n\
        一、关于今年的工作\n\
        下面，我讲三个方面：一是抓质量；二是抓安全；三是抓队伍。\n\
        （一）抓质量\n\
        质量是生命线。\n\
        （二）抓安全\n\
        安全是底线。\n\
        （三）抓队伍\n\
        队伍是关键。\n\
        二、关于保障\n\
        1．经费保障。财政优先。\n\
        2：制度保障。制度管人。\n\
        3．督查保障。督查到位。\n";
    let json = meta(text);
    let part: Vec<&str> = json["nodes"][0]["children"]
        .as_array()
        .unwrap()
        .iter()
        .map(|n| n["title"].as_str().unwrap())
        .collect();
    // no 一是/二是/三是 points repeating the sections
    assert_eq!(part, ["抓质量", "抓安全", "抓队伍"]);
    let d = deck(text, Format::Plain);
    assert!(noting(&d, "下面，我讲三个方面：一是抓质量").len() == 1);
    // 2： among 1． 3．: three points of 二、
    let second: Vec<String> = json["nodes"][1]["children"]
        .as_array()
        .unwrap()
        .iter()
        .map(|n| {
            format!(
                "{}{}",
                n["marker"].as_str().unwrap(),
                n["title"].as_str().unwrap()
            )
        })
        .collect();
    assert_eq!(second, ["1．经费保障", "2：制度保障", "3．督查保障"]);
    // look-alikes: a time and a ratio at a paragraph's head stay text
    let m = meta("题目\n一、安排\n10:20 会议开始。\n3：2 的比例不变。\n");
    assert!(m["nodes"][0]["children"].as_array().unwrap().is_empty());
}

#[test]
fn bracketed_sub_headings_with_word_bullets_are_headings() {
    let m = meta("工作报告\n一、加强党的建设\n一年来扎实推进。\n【强化理论学习】\n组织集中学习12次。\n● {压实主体责任}\n签订责任书。\n二、推进事业发展\n（一）教学\n【提高质量】\n质量提升。\n【打造队伍】\n队伍稳定。\n");
    let kids = |n: &serde_json::Value| -> Vec<String> {
        n["children"]
            .as_array()
            .unwrap()
            .iter()
            .map(|c| c["title"].as_str().unwrap().to_string())
            .collect()
    };
    assert_eq!(kids(&m["nodes"][0]), ["强化理论学习", "压实主体责任"]);
    assert_eq!(
        kids(&m["nodes"][1]["children"][0]),
        ["提高质量", "打造队伍"]
    );
    // a bracketed sentence, a label ending in a colon and one in the opening stay text
    let m = meta("题目\n【个人简介】\n一、工作\n【说明：】\n【我们要努力。】\n正文。\n");
    assert!(m["nodes"][0]["children"].as_array().unwrap().is_empty());
    assert_eq!(m["nodes"].as_array().unwrap().len(), 1);
}

#[test]
fn paragraphs_after_a_list_of_one_paragraph_items_are_the_part_s_own() {
    let text = "改造我们的学习\n\
        一、提议\n\
        依据上述意见，我有下列提议：\n\
        （一）向全党提出研究周围环境的任务。方法是调查研究。\n\
        （二）对于近百年的中国史，应分工合作地去做。\n\
        （三）对于干部的教育，应确立以研究实际问题为中心。\n\
        我们走过了许多弯路。但是错误常常是正确的先导。\n";
    let json = meta(text);
    let kids: Vec<&str> = json["nodes"][0]["children"]
        .as_array()
        .unwrap()
        .iter()
        .map(|n| n["title"].as_str().unwrap())
        .collect();
    assert_eq!(kids.len(), 4, "{kids:?}");
    assert_eq!(kids[3], "我们走过了许多弯路");
    let d = deck(text, Format::Plain);
    let third = noting(&d, "以研究实际问题为中心");
    assert!(!canon(&third[0].notes).contains("许多弯路"));
    // items that run over several paragraphs keep theirs
    let long = text.replace(
        "（二）对于近百年的中国史，应分工合作地去做。\n",
        "（二）对于近百年的中国史，应分工合作地去做。\n这是第二项的第二段。\n",
    );
    let json = meta(&long);
    assert_eq!(json["nodes"][0]["children"].as_array().unwrap().len(), 3);
}
