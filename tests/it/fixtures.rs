//! Every fixture lecture: its tree and slide plan as reviewed snapshots, and the
//! nothing-lost rule checked on the built deck itself.

use crate::common::deck as util;

use std::path::Path;

use lectern::{compile, Options};
use util::{canon, slides};

/// The plan in a form a person can review: one block a slide.
fn describe(compiled: &lectern::Compiled) -> String {
    let mut out = String::new();
    for d in compiled.diagnostics() {
        out.push_str(&format!("! {}:{} {}\n", d.line, d.column, d.message));
    }
    for s in &compiled.deck.slides {
        let kind = format!("{:?}", s.kind).to_lowercase();
        out.push_str(&format!("[{}] {kind}", s.number));
        if let Some(b) = &s.badge {
            out.push_str(&format!(" ({b})"));
        }
        if !s.crumbs.is_empty() {
            out.push_str(&format!(" ‹{}›", s.crumbs.join(" › ")));
        }
        if let Some(parent) = &s.continues {
            out.push_str(&format!(" (续 {parent})"));
        }
        out.push_str(&format!("\n    {}", s.title));
        if let Some(k) = s.kicker.as_ref().filter(|_| s.number == 1) {
            out.push_str(&format!("  [kicker {k}]"));
        }
        out.push('\n');
        for (label, list) in [
            ("items", &s.items),
            ("chips", &s.chips),
            ("byline", &s.byline),
            ("keys", &s.keys),
        ] {
            if !list.is_empty() {
                out.push_str(&format!("    {label}: {}\n", list.join(" | ")));
            }
        }
        if !s.figures.is_empty() {
            let figures: Vec<String> = (s.figures.iter())
                .map(|f| format!("{} {}", f.value, f.label))
                .collect();
            out.push_str(&format!("    figures: {}\n", figures.join(" | ")));
        }
        let notes = s.notes_text();
        let chars: usize = notes.iter().map(|n| n.chars().count()).sum();
        if chars > 0 {
            let all = notes.join("¶");
            let head: String = all.chars().take(14).collect();
            let tail: String = all
                .chars()
                .rev()
                .take(8)
                .collect::<Vec<_>>()
                .into_iter()
                .rev()
                .collect();
            out.push_str(&format!(
                "    notes: {}¶ {chars}字 {}s «{head}…{tail}»\n",
                notes.len(),
                s.timing
            ));
        }
    }
    out
}

/// Images a fixture names, read from the fixtures folder.
struct FixtureFiles;

impl lectern::Assets for FixtureFiles {
    fn read(&self, path: &str, _allow_outside: bool) -> Result<Vec<u8>, String> {
        std::fs::read(util::fixture(path)).map_err(|e| e.to_string())
    }
}

fn build(path: &Path) -> lectern::Compiled {
    let opts = Options {
        format: lectern::Format::from_path(path),
        assets: Some(std::sync::Arc::new(FixtureFiles)),
        ..Options::default()
    };
    compile(&util::read(path), &opts).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

#[test]
fn fixture_trees_and_plans() {
    insta::glob!("../fixtures", "*.{txt,md}", |path| {
        let compiled = build(path);
        let tree = lectern::outline::outline_json(&compiled.parsed);
        insta::assert_json_snapshot!("tree", tree);
        insta::assert_snapshot!("plan", describe(&compiled));
    });
}

#[test]
fn seed_lecture_tree_and_plan() {
    let compiled = build(&util::root().join("decks/lecture.txt"));
    insta::assert_json_snapshot!(lectern::outline::outline_json(&compiled.parsed));
    insta::assert_snapshot!(describe(&compiled));
}

/// Read in order, the notes of all slides are the lecture from the salutation to the
/// closing, word for word; the title block is on the title slide; only the source note
/// and the web-page chrome the reader dropped (and reported) are set apart.
fn assert_nothing_lost(path: &Path) {
    let compiled = build(path);
    let lecture = &compiled.parsed.lecture;
    let text = &compiled.parsed.source.text;
    let set_apart: Vec<usize> = lecture
        .meta
        .lines
        .iter()
        .chain(&lecture.source_note)
        .chain(&lecture.dropped)
        .map(|t| t.line)
        .collect();
    let body: String = text
        .lines()
        .enumerate()
        .filter(|(i, _)| !set_apart.contains(&(i + 1)))
        .map(|(_, l)| l)
        .collect();
    let deck = slides(&compiled.html);
    let notes: String = deck.iter().map(|s| s.notes.as_str()).collect();
    let (want, got) = (canon(&body), canon(&notes));
    if want != got {
        let common = want
            .chars()
            .zip(got.chars())
            .take_while(|(a, b)| a == b)
            .count();
        let around = |s: &str| {
            s.chars()
                .skip(common.saturating_sub(10))
                .take(30)
                .collect::<String>()
        };
        panic!(
            "{}: notes differ from the lecture after {common} characters:\n lecture: {}\n notes:   {}",
            path.display(),
            around(&want),
            around(&got)
        );
    }
    let title_slide = &deck[0];
    for line in &lecture.meta.lines {
        let shown = canon(&title_slide.shown);
        let line = canon(&line.text).replacen('：', "", 1);
        assert!(
            shown.replacen('：', "", 1).contains(&line) || shown.contains(&line),
            "{}: title block line {line} is not on the title slide ({shown})",
            path.display()
        );
    }
    for note in &lecture.source_note {
        assert!(
            !canon(&notes).contains(&canon(&note.text)),
            "source note in the notes"
        );
        for s in &deck {
            assert!(
                !canon(&s.shown).contains(&canon(&note.text)),
                "{}: a {} slide shows the source note",
                path.display(),
                s.kind
            );
        }
        assert!(
            compiled.html.contains("<meta name=\"source\" content=\""),
            "{}: the source note is the deck's metadata",
            path.display()
        );
    }
    // What a slide shows of its text is a piece of its own notes, word for word.
    for s in &deck {
        // (a claim shown as A……才B: each piece)
        for key in s.keys.iter().flat_map(|k| k.split("……")) {
            assert!(
                canon(&s.notes).contains(&canon(key)),
                "{}: key sentence «{key}» is not in the notes of its slide",
                path.display()
            );
        }
    }
}

#[test]
fn nothing_is_lost_in_any_fixture() {
    insta::glob!("../fixtures", "*.txt", assert_nothing_lost);
    insta::glob!("../fixtures/docx", "*.docx", assert_nothing_lost);
    assert_nothing_lost(&util::root().join("decks/lecture.txt"));
}

/// The encoded twins (made by tests/fixtures/encode.py) plan exactly as their UTF-8
/// originals.
#[test]
fn encoded_twins_plan_like_their_originals() {
    for (twin, original) in [
        ("speech-levels.gb18030.txt", "speech-levels.txt"),
        ("party-inline.utf16.txt", "party-inline.txt"),
        ("report-halfwidth.bom-crlf.txt", "report-halfwidth.txt"),
    ] {
        let a = build(&util::fixture(twin));
        let b = build(&util::fixture(original));
        assert_ne!(
            util::read(&util::fixture(twin)),
            util::read(&util::fixture(original))
        );
        assert_eq!(a.deck.slides, b.deck.slides, "{twin}");
        assert_eq!(a.diagnostics(), b.diagnostics(), "{twin}");
    }
}

/// A report's chapter lines above its 一、: a part slide each, without an ordinal, over
/// the part slides of its 一、, which name the chapter above their ordinal.
#[test]
fn chapter_lines_above_the_parts_make_part_slides_over_parts() {
    let report = "政府工作报告\n各位代表：\n现在，我代表省人民政府向大会报告工作。\n“十四五”时期发展成就和2025年工作回顾\n五年来成绩显著，发展迈上新台阶。\n“十五五”时期主要目标和2026年重点工作\n今年是开局之年。\n一、铸牢共同体意识\n要铸牢共同体意识。\n二、全力抓好重点工作\n要抓好重点工作。\n";
    let compiled = compile(report.as_bytes(), &Options::default()).unwrap();
    let shown: Vec<(String, String, Option<String>, Vec<String>)> = compiled
        .deck
        .slides
        .iter()
        .map(|s| {
            (
                s.kind.name().to_string(),
                s.title.clone(),
                s.badge.clone(),
                s.crumbs.clone(),
            )
        })
        .collect();
    let part = |title: &str, badge: Option<&str>, crumbs: &[&str]| {
        (
            "part".to_string(),
            title.to_string(),
            badge.map(str::to_string),
            crumbs.iter().map(|c| c.to_string()).collect::<Vec<_>>(),
        )
    };
    assert_eq!(
        shown[2..5],
        [
            part("“十四五”时期发展成就和2025年工作回顾", None, &[]),
            part("“十五五”时期主要目标和2026年重点工作", None, &[]),
            part(
                "铸牢共同体意识",
                Some("第一"),
                &["“十五五”时期主要目标和2026年重点工作"]
            ),
        ]
    );
    // the outline lists the chapters
    assert_eq!(compiled.deck.slides[1].items.len(), 2);
    assert!(compiled
        .html
        .contains("<p class=\"part-of\">“十五五”时期主要目标和2026年重点工作</p>"));
}

/// A series in the closing exhortation: its points after the headings, under 结束语, the
/// words that lead into the first read with it, 谢谢大家 on the closing slide; read in
/// order, the notes are the closing as written.
#[test]
fn a_series_in_the_closing_gives_point_slides_before_the_closing_slide() {
    let closing = "同志们，新征程上，一要坚定信心，勇往直前；二要真抓实干，久久为功；三要守正创新，开拓进取。让我们团结奋斗！";
    let lecture = format!(
        "题目\n同志们：\n今天讲一点。\n一、提高认识\n要认识到位。\n{closing}\n谢谢大家！\n"
    );
    let compiled = compile(lecture.as_bytes(), &Options::default()).unwrap();
    let slides = &compiled.deck.slides;
    let tail: Vec<(&str, &str, Vec<String>)> = slides[slides.len() - 4..]
        .iter()
        .map(|s| (s.kind.name(), s.title.as_str(), s.crumbs.clone()))
        .collect();
    let crumbs = vec!["结束语".to_string()];
    assert_eq!(
        tail,
        [
            ("point", "坚定信心，勇往直前", crumbs.clone()),
            ("point", "真抓实干，久久为功", crumbs.clone()),
            ("point", "守正创新，开拓进取", crumbs),
            ("closing", "谢谢！", vec![]),
        ]
    );
    assert_eq!(
        slides[slides.len() - 4].notes_text()[0],
        "同志们，新征程上，一要坚定信心，勇往直前；"
    );
    let notes: String = slides[slides.len() - 4..]
        .iter()
        .flat_map(|s| s.notes_text())
        .collect();
    assert_eq!(notes, format!("{closing}谢谢大家！"));

    // a whole sentence before the series is a slide of its own
    let lecture = lecture.replace("同志们，新征程上，一要", "同志们！任重道远。一要");
    let compiled = compile(lecture.as_bytes(), &Options::default()).unwrap();
    let slides = &compiled.deck.slides;
    let intro = &slides[slides.len() - 5];
    assert_eq!(
        (intro.title.as_str(), intro.continues.as_deref()),
        ("同志们", Some("结束语"))
    );
}

/// A continuation slide of one long sentence is titled by its point (续) and shows the
/// sentence, word for word, not a title alone.
#[test]
fn a_continuation_of_one_long_sentence_shows_the_rest_of_it() {
    let second = "我们要坚持以人民为中心的发展思想，把人民对美好生活的向往作为奋斗目标，在发展中保障和改善民生，推进全体人民共同富裕。";
    let lecture = format!("题目\n一、民生\n民生是最大的政治，要办好民生实事。\n{second}\n");
    let mut opts = Options::default();
    // 40 characters a slide: the second paragraph goes on a slide of its own
    opts.plan.max_seconds = 10;
    let compiled = compile(lecture.as_bytes(), &opts).unwrap();
    let slide = compiled
        .deck
        .slides
        .iter()
        .find(|s| s.continues.is_some())
        .expect("a continuation slide");
    assert_eq!(slide.notes_text(), [second]);
    assert_eq!(slide.title, "民生（续）");
    assert!(!slide.keys.is_empty());
    for k in &slide.keys {
        assert!(second.contains(k.as_str()), "{k}");
    }
}
