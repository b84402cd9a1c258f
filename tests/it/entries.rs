//! Lists where room is short (issue 23's design review): a part's entries, outline entries
//! and the crumbs' trail are as long as two lines of the deck's own shape allow (a line at
//! 16:9 holds half as much again as at 4:3), 目录（续） spaces only 目录, and a part's badge
//! reads 第一, not a lone 一 that reads as ⊖.

use crate::common::package::{entries, text};
use lectern::deck::{Kind, Slide};
use lectern::render::pptx::Pptx;
use lectern::render::Writer as _;
use lectern::{Aspect, Options};

fn compiled(path: &str, aspect: Aspect) -> lectern::Compiled {
    let text = std::fs::read(crate::common::deck::root().join(path)).expect("corpus text");
    let opts = Options {
        aspect: Some(aspect),
        ..Options::default()
    };
    lectern::compile(&text, &opts).expect("compiles")
}

const CONGRESS: &str = "tests/corpus/party-congress-2022-20th-web.txt";

fn items(slides: &[Slide], kind: Kind) -> Vec<String> {
    (slides.iter())
        .filter(|s| s.kind == kind)
        .flat_map(|s| s.items.clone())
        .collect()
}

#[test]
fn a_parts_entries_show_whole_on_up_to_two_lines_of_its_shape() {
    // were cut at 18 characters at both shapes: 完成脱贫攻坚、全面建成小康社会的…
    let whole = "完成脱贫攻坚、全面建成小康社会的历史任务，实现第一个百年奋斗目标";
    for (aspect, shown) in [
        (Aspect::Wide, whole),
        (Aspect::Standard, "完成脱贫攻坚、全面建成小康社会的历史任务"),
    ] {
        let parts = items(&compiled(CONGRESS, aspect).deck.slides, Kind::Part);
        assert!(parts.contains(&shown.to_string()), "{aspect}: {parts:?}");
    }
    // 24 characters: two lines of a column at 16:9; at 4:3 more than two, so cut
    let long = "我们对新时代党和国家事业发展作出科学完整的战略部署".to_string();
    assert!(items(&compiled(CONGRESS, Aspect::Wide).deck.slides, Kind::Part).contains(&long));
    let narrow = items(
        &compiled(CONGRESS, Aspect::Standard).deck.slides,
        Kind::Part,
    );
    assert!(!narrow.contains(&long));
    assert!(narrow.iter().all(|e| e.chars().count() <= 20), "{narrow:?}");
}

#[test]
fn outline_entries_and_crumbs_use_the_room_of_a_wide_slide() {
    let wide = compiled(CONGRESS, Aspect::Wide).deck;
    let narrow = compiled(CONGRESS, Aspect::Standard).deck;
    // an outline of fifteen in two columns: whole at 16:9, its first clause at 4:3
    let whole = "加快构建新发展格局，着力推动高质量发展".to_string();
    assert!(items(&wide.slides, Kind::Outline).contains(&whole));
    let outline = items(&narrow.slides, Kind::Outline);
    assert!(!outline.contains(&whole));
    assert!(outline.contains(&"加快构建新发展格局".to_string()));
    // a chapter › part › section trail: the band's two lines hold it at 16:9 only
    let path = "tests/corpus/gov-report-2026-inner-mongolia-web.txt";
    let part = "深化落实习近平总书记和党中央赋予的五大战略定位和使命任务";
    let wide = compiled(path, Aspect::Wide).deck.slides;
    let narrow = compiled(path, Aspect::Standard).deck.slides;
    let deep = (wide.iter())
        .find(|s| s.crumbs.len() == 3 && s.crumbs[1] == part)
        .expect("a section's point under the chapter");
    let same = narrow.iter().find(|s| s.title == deep.title).unwrap();
    assert_eq!(same.crumbs, deep.crumbs[1..]);
}

#[test]
fn a_continued_outline_spaces_only_the_letters_of_its_title() {
    let c = compiled(CONGRESS, Aspect::Wide);
    assert!(c.deck.slides.iter().any(|s| s.title == "目录（续）"));
    assert!(
        c.html
            .contains("<h2>目录<span style=\"letter-spacing:0\">（续）</span></h2>"),
        "the HTML heading"
    );
    // the .pptx: the layout's title style spaces letters; the （续） run says 0
    let bytes = Pptx
        .write(&c.deck, &Options::default().theme, c.aspect)
        .expect("writes");
    let files = entries(&bytes);
    let n = c
        .deck
        .slides
        .iter()
        .position(|s| s.title == "目录（续）")
        .unwrap()
        + 1;
    let xml = text(&files[&format!("ppt/slides/slide{n}.xml")]);
    let run = |t: &str| {
        let end = xml.find(&format!("<a:t>{t}</a:t>")).expect(t);
        let start = xml[..end].rfind("<a:rPr").unwrap();
        xml[start..end].to_string()
    };
    assert!(run("（续）").contains("spc=\"0\""), "{}", run("（续）"));
    assert!(!run("目录").contains("spc=\"0\""), "{}", run("目录"));
    // its badges count as the HTML's do: 第九, never a bare numeral
    assert!(xml.contains("<a:t>第九</a:t>"));
}

#[test]
fn a_parts_badge_is_an_ordinal_and_its_long_title_a_clause() {
    let deck = compiled(
        "tests/corpus/leader-speech-2018-cadre-training-web.txt",
        Aspect::Standard,
    )
    .deck;
    let part = deck.slides.iter().find(|s| s.kind == Kind::Part).unwrap();
    assert_eq!(part.badge.as_deref(), Some("第一"));
    // 深入学习贯彻…精神，深刻认识…的现实意义 took four lines at 4:3: its first clause
    // is the title, the rest of the sentence the line under it
    assert_eq!(
        part.title,
        "深入学习贯彻习近平总书记对浙江工作的重要指示精神"
    );
    assert_eq!(part.keys, ["深刻认识思想大解放、行动大担当的现实意义"]);
}
