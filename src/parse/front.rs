//! Front matter of genres beyond the speech: a dateline with its time and source, an
//! addressee line above a notice's report, a bracketed label where a title would be, a
//! title's decorations, and a byline that runs post and name together.

use crate::tree::{Lecture, Text};

use super::item::Item;
use super::page::{name_like, title_like};
use super::title::{is_date, is_subtitle, leading_date};

/// A dateline: a date, perhaps a clock time, perhaps the source after it
/// (`2019年03月05日10:20    来源：某某网`, `2026-01-31 07:00:44`). The date, and whether
/// a source follows.
pub fn dateline(line: &str) -> Option<(&str, bool)> {
    let t = line.trim();
    let date = leading_date(t)?;
    let rest = t[date.len()..].trim_start_matches([' ', '\u{3000}']);
    let time = rest
        .find(|c: char| !(c.is_ascii_digit() || ":：时分秒".contains(c)))
        .unwrap_or(rest.len());
    let timed = time > 0 && rest[..time].contains([':', '：', '时']);
    let rest = if timed { &rest[time..] } else { rest }.trim();
    let source = ["来源", "文章来源", "信息来源", "稿源"].iter().any(|l| {
        rest.strip_prefix(l)
            .is_some_and(|r| r.starts_with(['：', ':']))
    });
    (rest.is_empty() && timed || source).then_some((date, source))
}

/// A page line that names the source together with its date (`来源:某办公室 日期：2012-06-19`,
/// `2019年03月05日10:20 来源：某某网`): the document's provenance, the source note.
pub fn source_with_date(line: &str) -> bool {
    let t = line.trim();
    let labelled = ["来源：", "来源:"].iter().any(|p| t.starts_with(p))
        && ["日期：", "日期:", "时间：", "时间:"]
            .iter()
            .any(|d| t.contains(d));
    labelled || dateline(t).is_some_and(|(_, source)| source)
}

/// The deck's date when the title block and the sign-off give none: the first
/// dateline among the lines set apart (a date with its time, or with its source).
pub fn date_from_datelines(lecture: &Lecture) -> Option<String> {
    lecture
        .meta
        .lines
        .iter()
        .chain(&lecture.source_note)
        .find_map(|t| dateline(&t.text))
        .map(|(d, _)| d.to_string())
}

/// The speaker named at the head of a subtitle (`——俞敏洪“首都家长学校”首场讲座实录`,
/// `——张三同志在全市大会上的讲话`): two or three characters before 在, “ or 同志, in a
/// subtitle that names a talk.
pub fn speaker_in(subtitle: &str) -> Option<&str> {
    let t = subtitle.trim_start_matches(['—', '―', '-', '－', '─', '（', '(']);
    let end = ["在", "“", "同志"].iter().filter_map(|w| t.find(w)).min()?;
    let name = &t[..end];
    let han = name.chars().all(|c| ('\u{4E00}'..='\u{9FFF}').contains(&c));
    let talk = ["讲话", "讲座", "报告", "演讲", "发言", "实录", "致辞"]
        .iter()
        .any(|w| t.contains(w));
    (han && talk && (2..=3).contains(&name.chars().count())).then_some(name)
}

/// The author a page's property line names (`文章来源：本站原创 作者：王琛 发布时间：…`),
/// when it is a person's name.
pub fn page_author(line: &str) -> Option<&str> {
    let at = line.find("作者")?;
    let value = line[at + "作者".len()..]
        .strip_prefix(['：', ':'])?
        .trim_start();
    let name = value.split([' ', '\u{3000}']).next()?.trim();
    let n = name.chars().count();
    ((2..=4).contains(&n)
        && !["佚名", "本站", "未知", "管理员", "admin"]
            .iter()
            .any(|w| name.contains(w))
        && !name.contains(['：', ':']))
    .then_some(name)
}

/// What the page says when the title block did not: the speaker in the subtitle or the
/// page's author line, the date of a dateline.
pub fn fill_from_page(lecture: &mut Lecture) {
    let meta = &mut lecture.meta;
    if meta.speaker.is_none() {
        let from_subtitle = meta.subtitle.as_deref().and_then(speaker_in);
        let from_page = || meta.lines.iter().find_map(|t| page_author(&t.text));
        meta.speaker = from_subtitle.or_else(from_page).map(str::to_string);
    }
    if lecture.meta.date.is_none() {
        lecture.meta.date = date_from_datelines(lecture);
    }
}

/// An addressee line of a notice (`全体教职工：`, `各支部：`, `各位教工：`): short, ending
/// in a colon, addressed to a group.
pub fn is_addressee(line: &str) -> bool {
    let t = line.trim();
    let Some(body) = t.strip_suffix(['：', ':']) else {
        return false;
    };
    (2..=20).contains(&body.chars().count())
        && !body.contains(['。', '，', '；', '！', '？', ',', '：', ':'])
        && ["各", "全体", "致", "尊敬的"]
            .iter()
            .any(|p| body.starts_with(p))
}

/// A notice addressed to a group, with the report's own title after it (a notice's
/// sentence ending in `：` may stand between): the index of that title among `items`
/// when the addressee opens the text, or follows a headline that names the report
/// (`关于公示《…总结报告》`).
pub fn title_after_addressee(items: &[Item]) -> Option<usize> {
    let prose = |k: usize| items.get(k).and_then(Item::prose);
    let at = (0..items.len().min(2)).find(|&k| prose(k).is_some_and(|t| is_addressee(&t.text)))?;
    let candidate = |k: usize| {
        prose(k).is_some_and(|t| {
            let s = t.text.trim();
            title_like(s)
                && !items[k].is_heading()
                && !s.ends_with(['：', ':'])
                && !is_date(s)
                && !is_subtitle(s)
                && !name_like(s)
                && s.chars().count() >= 4
        })
    };
    let notice = |k: usize| {
        prose(k).is_some_and(|t| t.text.trim_end().ends_with(['：', ':']) && !items[k].is_heading())
    };
    let title = if candidate(at + 1) {
        at + 1
    } else if notice(at + 1) && candidate(at + 2) {
        at + 2
    } else {
        return None;
    };
    let named = |k: usize| {
        prose(k).is_some_and(|t| t.text.contains(prose(title).map_or("", |t| t.text.trim())))
    };
    (at == 0 || named(0)).then_some(title)
}

/// A bracketed label standing where a title would (`【个人简介】`, `[编者按]`): no title.
pub fn is_label(line: &str) -> bool {
    let t = line.trim();
    let inner = t
        .strip_prefix('【')
        .and_then(|r| r.strip_suffix('】'))
        .or_else(|| t.strip_prefix('[').and_then(|r| r.strip_suffix(']')));
    inner.is_some_and(|i| (1..=12).contains(&i.chars().count()) && !i.contains(['【', '[']))
}

/// The title without the marks that decorate it on a page (`※…※`, `★`).
pub fn undecorated(title: &str) -> &str {
    title.trim_matches(['※', '★', '☆', '◆', '◇', '■', '□', '●', '○', ' ', '\u{3000}'])
}

/// Posts that end a byline's first half (`副校长王某某`).
const POSTS: [&str; 30] = [
    "董事长",
    "总经理",
    "秘书长",
    "理事长",
    "书记",
    "校长",
    "主任",
    "局长",
    "省长",
    "市长",
    "县长",
    "区长",
    "镇长",
    "乡长",
    "部长",
    "厅长",
    "处长",
    "科长",
    "所长",
    "院长",
    "主席",
    "委员",
    "经理",
    "会长",
    "社长",
    "馆长",
    "站长",
    "总裁",
    "教授",
    "园长",
];

/// A byline that runs post and name together, split with a space (`副校长王某某` →
/// `副校长 王某某`) so the name reads apart; other lines as they are.
pub fn post_and_name(line: &str) -> String {
    let t = line.trim();
    if t.contains([' ', '\u{3000}']) {
        return t.to_string();
    }
    let split = POSTS
        .iter()
        .filter_map(|p| t.rfind(p).map(|at| at + p.len()))
        .filter(|&end| (2..=3).contains(&t[end..].chars().count()))
        .max();
    match split {
        Some(end) => format!("{} {}", &t[..end], &t[end..]),
        None => t.to_string(),
    }
}

/// Moves the report's title found after an addressee to the front, so the title block
/// reads it; what stood before the addressee (the notice's headline) is set apart with
/// the title block's lines.
pub fn reorder_for_addressee(mut items: Vec<Item>, lecture: &mut Lecture) -> Vec<Item> {
    let Some(title) = title_after_addressee(&items) else {
        return items;
    };
    let item = items.remove(title);
    let at = (0..items.len())
        .find(|&k| items[k].prose().is_some_and(|t| is_addressee(&t.text)))
        .unwrap_or(0);
    let before: Vec<Text> = items.drain(..at).map(|i| i.text().clone()).collect();
    lecture.meta.lines.extend(before);
    items.insert(0, item);
    items
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::input::source::Span;

    fn items(lines: &[&str]) -> Vec<Item> {
        lines
            .iter()
            .enumerate()
            .map(|(i, l)| Item::Text(Text::para(*l, Span::new(0, l.len()), i + 1)))
            .collect()
    }

    #[test]
    fn datelines_with_time_and_source() {
        assert_eq!(
            dateline("2019年03月05日10:20    来源：某某网"),
            Some(("2019年03月05日", true))
        );
        assert_eq!(dateline("2026-01-31 07:00:44"), Some(("2026-01-31", false)));
        assert_eq!(
            dateline("2026年02月10日 07时41分"),
            Some(("2026年02月10日", false))
        );
        // a date alone is the title block's date line, a sentence no dateline
        assert_eq!(dateline("2024年3月5日"), None);
        assert_eq!(dateline("2024年3月5日，我们召开了会议。"), None);
        assert!(source_with_date("来源:浙江省某某办公室 日期：2012-06-19"));
        assert!(source_with_date("2019年03月05日10:20    来源：某某网"));
        assert!(!source_with_date("来源：新华日报"));
    }

    #[test]
    fn addressees_labels_and_decorations() {
        for a in [
            "全体教职工：",
            "各支部：",
            "各位教工：",
            "各党支部、各部门：",
        ] {
            assert!(is_addressee(a), "{a}");
        }
        assert!(!is_addressee("主要有三点："));
        assert!(!is_addressee("各级党组织要认真落实。"));
        assert_eq!(
            title_after_addressee(&items(&[
                "全体教职工：",
                "关于2020年工作的报告",
                "一、回顾"
            ])),
            Some(1)
        );
        let notice = [
            "关于公示《领导班子总结报告》",
            "各位教工：",
            "现将领导班子总结报告公示如下：",
            "领导班子总结报告",
            "三年来，学校工作扎实推进。",
        ];
        assert_eq!(title_after_addressee(&items(&notice)), Some(3));
        // a title above the salutation keeps its place; a text without a title keeps its
        // first paragraph
        assert_eq!(
            title_after_addressee(&items(&["题目", "同志们：", "今天开会。", "思想认识问题"])),
            None
        );
        assert_eq!(
            title_after_addressee(&items(&["同志们：", "今天开会。", "思想认识问题"])),
            None
        );
        assert!(is_label("【个人简介】") && is_label("[编者按]"));
        assert!(!is_label("【打印正文】【关闭窗口】") && !is_label("【一】我们要学习。"));
        assert_eq!(undecorated("※在全校大会上的讲话※"), "在全校大会上的讲话");
    }

    #[test]
    fn speakers_in_a_subtitle_and_a_page_author_line() {
        assert_eq!(
            speaker_in("——俞敏洪“首都家长学校”首场讲座实录"),
            Some("俞敏洪")
        );
        assert_eq!(speaker_in("——张三同志在全市大会上的讲话"), Some("张三"));
        assert_eq!(speaker_in("——在全市干部大会上的讲话"), None);
        assert_eq!(speaker_in("——2026年1月27日在青海省…会议上"), None);
        assert_eq!(speaker_in("——学习贯彻“两会”精神"), None);
        assert_eq!(speaker_in("——学习“两会”精神"), None);
        assert_eq!(
            page_author("文章来源：本站原创 作者：王琛 发布时间：2020年10月29日 点击数： 次"),
            Some("王琛")
        );
        assert_eq!(
            page_author("文章来源：本站原创 作者：佚名 发布时间：2010年03月10日"),
            None
        );
        assert_eq!(
            page_author("文章来源： 作者： 发布时间：2021年02月04日 点击数： 次"),
            None
        );
    }

    #[test]
    fn bylines_that_run_post_and_name_together() {
        assert_eq!(post_and_name("副校长王某某"), "副校长 王某某");
        assert_eq!(post_and_name("市委书记张三"), "市委书记 张三");
        assert_eq!(post_and_name("党委书记、校长王琛"), "党委书记、校长 王琛");
        // a name alone, a post alone, a line already spaced
        assert_eq!(post_and_name("陈国阳"), "陈国阳");
        assert_eq!(post_and_name("王校长"), "王校长");
        assert_eq!(post_and_name("省长 罗东川"), "省长 罗东川");
    }
}
