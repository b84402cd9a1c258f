//! Continuation slides (issue 23): a point whose text runs on keeps its title with （续）
//! beside it and the crumbs of its parent — never the first overflow sentence as its
//! title — and crumbs show whole (a real speech's opening was crumbed
//! `在2018年干部教育培训秋季…（续）`).

use lectern::deck::Slide;
use lectern::Options;

fn deck(path: &str) -> Vec<Slide> {
    let text = std::fs::read(crate::common::deck::root().join(path)).expect("corpus text");
    lectern::compile(&text, &Options::default())
        .expect("compiles")
        .deck
        .slides
}

/// Every continuation slide in `slides` checked against the slide it carries on.
fn check(label: &str, slides: &[Slide]) -> usize {
    let mut seen = 0;
    for (i, s) in slides.iter().enumerate() {
        let Some(parent) = &s.continues else { continue };
        if parent == "结束语" {
            continue;
        }
        seen += 1;
        assert_eq!(
            s.title,
            format!("{parent}（续）"),
            "{label} slide {}: titled by its point",
            s.number
        );
        // the slide it continues: the nearest before it with that title
        let from = slides[..i]
            .iter()
            .rev()
            .find(|p| p.continues.is_none() && p.title == *parent)
            .unwrap_or_else(|| panic!("{label} slide {}: continues nothing", s.number));
        assert_eq!(s.crumbs, from.crumbs, "{label} slide {}: crumbs", s.number);
        assert!(
            !s.keys.is_empty() || !s.content.is_empty(),
            "{label} slide {}: shows its text",
            s.number
        );
    }
    seen
}

#[test]
fn a_continuation_keeps_its_points_title_and_crumbs() {
    let mut seen = 0;
    for path in [
        "tests/corpus/leader-speech-2018-cadre-training-web.txt",
        "tests/corpus/gov-report-2026-inner-mongolia-web.txt",
    ] {
        let slides = deck(path);
        seen += check(path, &slides);
    }
    assert!(seen >= 2, "{seen} continuation slides");
}

#[test]
fn crumbs_show_first_clauses_whole() {
    let slides = deck("tests/corpus/leader-speech-2018-cadre-training-web.txt");
    for s in &slides {
        for c in &s.crumbs {
            assert!(!c.ends_with('…'), "slide {}: crumb «{c}» cut", s.number);
        }
    }
    // the opening carries on the title slide
    let title = &slides[0].title;
    assert_eq!(slides[1].title, format!("{title}（续）"));
}
