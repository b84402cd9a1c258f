//! The deck as DESIGN §4 promises it: reveal.js markup, escaping, CSP, no external
//! reference, determinism; and the same deck from every encoding and spelling.

use crate::common::deck as util;

use lectern::{compile, Options};

fn seed() -> Vec<u8> {
    util::read(&util::root().join("decks/lecture.txt"))
}

fn html_of(bytes: &[u8]) -> String {
    compile(bytes, &Options::default()).expect("compiles").html
}

#[test]
fn reveal_markup_with_notes_and_timings() {
    let html = html_of(&seed());
    assert!(html.starts_with("<!DOCTYPE html>\n<html lang=\"zh-CN\">"));
    let slides = util::slides(&html);
    let kinds: Vec<&str> = slides.iter().map(|s| s.kind.as_str()).collect();
    assert_eq!(kinds.first(), Some(&"title"));
    assert_eq!(kinds.last(), Some(&"closing"));
    let count = |k: &str| kinds.iter().filter(|&&x| x == k).count();
    assert_eq!((count("part"), count("section"), count("point")), (2, 4, 8));
    assert_eq!(
        html.matches("<aside class=\"notes\">").count(),
        17,
        "one notes aside per slide"
    );
    // Sections sit directly under .slides: none is nested in another.
    let body = &html[html.find("<div class=\"slides\">").unwrap()..];
    let mut depth = 0;
    for (i, _) in body.match_indices("<section") {
        let closes = body[..i].matches("</section>").count();
        depth = depth.max(body[..i].matches("<section").count() - closes);
    }
    assert_eq!(depth, 0);
    for s in &slides {
        assert!(!s.heading.is_empty(), "every slide has a heading: {s:?}");
    }
    let point = slides
        .iter()
        .find(|s| s.heading.contains("生产力是大国博弈的胜负手"))
        .unwrap();
    assert!(point.notes.starts_with("第一，生产力是大国博弈的胜负手。"));
    assert!(
        point.timing > 30,
        "{} s for 161 characters at 240/min",
        point.timing
    );
    assert!(point.shown.contains("卡脖子"), "keyword chip on the slide");
}

#[test]
fn lecture_text_is_escaped_never_markup() {
    let evil = "测试讲稿\n同志们：\n一、第一部分\n（一）要注意<script>alert(1)</script>和{{ x }}。正文&内容<b>粗</b>。\n";
    let html = html_of(evil.as_bytes());
    assert!(!html.contains("<script>alert"));
    assert!(!html.contains("<b>粗"));
    assert!(html.contains("&lt;script&gt;alert(1)&lt;&#x2f;script&gt;"));
    assert!(html.contains("{{ x }}"), "template syntax stays text");
    assert_eq!(
        html.matches("<script>").count(),
        1,
        "only the runtime script"
    );
}

#[test]
fn no_external_reference_and_a_strict_csp() {
    let html = html_of(&seed());
    let csp_start = html
        .find("http-equiv=\"Content-Security-Policy\" content=\"")
        .unwrap();
    let csp = &html[csp_start..html[csp_start..].find("\">").unwrap() + csp_start];
    assert!(csp.contains("default-src 'none'"));
    assert!(csp.contains("script-src 'sha256-"));
    assert!(!csp.contains("unsafe-eval"));
    let script = &html[html.find("<script>").unwrap() + 8..html.find("</script>").unwrap()];
    assert!(csp.contains(&lectern::render::html::content_security_policy(script)[..]));
    for needle in [
        "src=\"http",
        "href=\"http",
        "url(http",
        "@import",
        "src=\"//",
        "href=\"//",
    ] {
        assert!(!html.contains(needle), "external reference {needle}");
    }
    // The one URL in the deck is the source note, shown as text on the closing slide.
    assert_eq!(util::unescape(&html).matches("https://").count(), 1);
}

#[test]
fn output_is_deterministic() {
    assert_eq!(html_of(&seed()), html_of(&seed()));
}

/// The seed in every encoding and spelling a user sends gives the same slides.
#[test]
fn every_encoding_and_spelling_gives_the_same_slides() {
    let text = String::from_utf8(seed()).unwrap();
    let reference = compile(text.as_bytes(), &Options::default()).unwrap();
    let mut utf16le = vec![0xFF, 0xFE];
    utf16le.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
    let mut utf16be = vec![0xFE, 0xFF];
    utf16be.extend(text.encode_utf16().flat_map(u16::to_be_bytes));
    let mut bom_crlf = b"\xEF\xBB\xBF".to_vec();
    bom_crlf.extend(text.replace('\n', "\r\n").bytes());
    let full = text
        .replace('(', "（")
        .replace(')', "）")
        .replace(',', "，")
        .replace(':', "：");
    let indented: String = text
        .split('\n')
        .map(|l| {
            if l.is_empty() {
                String::new()
            } else {
                format!("\u{3000}\u{3000}{l}  ")
            }
        })
        .collect::<Vec<_>>()
        .join("\n");
    let spaced = text.replace('\n', "\n\n");
    let variants: Vec<(&str, Vec<u8>)> = vec![
        ("gb18030", encoding_rs::GB18030.encode(&text).0.into_owned()),
        ("utf-16le", utf16le),
        ("utf-16be", utf16be),
        ("utf-8 bom crlf", bom_crlf),
        ("full-width", full.into_bytes()),
        ("indented", indented.into_bytes()),
        ("blank lines", spaced.into_bytes()),
    ];
    let strip = |s: &lectern::Slide| (s.kind, s.title.clone(), s.crumbs.clone(), s.notes.clone());
    for (name, bytes) in variants {
        let got = compile(&bytes, &Options::default()).unwrap_or_else(|e| panic!("{name}: {e}"));
        let a: Vec<_> = got.deck.slides.iter().map(strip).collect();
        let b: Vec<_> = reference.deck.slides.iter().map(strip).collect();
        assert_eq!(a, b, "{name}");
        let said: Vec<&str> = got
            .diagnostics()
            .iter()
            .map(|d| d.message.as_str())
            .collect();
        assert_eq!(
            said,
            [
                "一要 has no text after it: the lecture looks cut off here",
                "the text looks copied from a website: this reprint or source notice is kept \
                 out of the slides and the notes"
            ],
            "{name}: the cut-off 一要 and the reprint notice only"
        );
    }
}

#[test]
fn the_closing_slide_shows_the_date_once() {
    let text = "以实干担当作为\n2024年6月8日\n\n同志们：\n\n今天讲两点。\n\n一、提高站位\n\n要提高政治站位。\n\n二、狠抓落实\n\n要狠抓工作落实。\n\n谢谢大家！\n";
    let html = html_of(text.as_bytes());
    let slides = util::slides(&html);
    let closing = slides.last().expect("a closing slide");
    assert_eq!(closing.kind, "closing");
    assert_eq!(
        closing.shown.matches("2024年6月8日").count(),
        1,
        "{}",
        closing.shown
    );
    // the other slides keep it in their footer
    assert!(
        slides[1].shown.contains("2024年6月8日"),
        "{}",
        slides[1].shown
    );
}

#[test]
fn keep_punctuation_is_a_deck_setting_like_the_flag() {
    let lecture = "专题党课:测试\n同志们:\n一、第一部分,要点。\n谢谢大家!\n";
    let default = html_of(lecture.as_bytes());
    assert!(default.contains("第一部分，要点"), "full-width by default");
    let kept = html_of(format!("+++\nkeep_punctuation = true\n+++\n{lecture}").as_bytes());
    assert!(
        kept.contains("第一部分,要点"),
        "the setting keeps the half-width comma"
    );
    assert!(!kept.contains("第一部分，要点"));
}
