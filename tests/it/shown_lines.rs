//! Every line a slide shows of its text is a piece of its notes word for word (issue 23:
//! "every shown piece stays a piece of the notes"): a key claim elided as `A……才B` shows
//! `A……` and `才B` on lines of their own, in the HTML deck and in the .pptx, never as one
//! line that reads as a sentence the speaker does not say.

use crate::common::browser::seed_lecture;
use crate::common::deck::{canon, text};
use crate::common::package::entries;
use lectern::render::pptx::Pptx;
use lectern::render::Writer as _;
use lectern::{Format, Options};

/// Text as the acceptance check compares it: no punctuation, no ellipsis.
fn bare(s: &str) -> String {
    canon(s)
        .chars()
        .filter(|c| !"，。、；：！？“”‘’（）《》…—·".contains(*c))
        .collect()
}

fn lectures() -> Vec<(&'static str, String, Format)> {
    let fixture =
        |name: &str| std::fs::read_to_string(crate::common::deck::fixture(name)).expect("fixture");
    vec![
        ("seed", seed_lecture(), Format::Plain),
        ("party-inline", fixture("party-inline.txt"), Format::Plain),
        ("speech-levels", fixture("speech-levels.txt"), Format::Plain),
        ("talk", fixture("talk.md"), Format::Markdown),
    ]
}

#[test]
fn each_line_of_a_key_sentence_is_in_the_notes_of_its_slide() {
    let mut elided = 0;
    for (label, lecture, format) in lectures() {
        let options = Options {
            format,
            ..Options::default()
        };
        let html = lectern::compile(lecture.as_bytes(), &options)
            .expect("compiles")
            .html;
        for (n, sec) in html.split("<section ").skip(1).enumerate() {
            let notes = sec
                .split("<aside class=\"notes\">")
                .nth(1)
                .map(|n| bare(&text(n)))
                .unwrap_or_default();
            let Some(keys) = sec.split("<ul class=\"keys\">").nth(1) else {
                continue;
            };
            let keys = &keys[..keys.find("</ul>").expect("closed")];
            for li in keys.split("<li>").skip(1) {
                let lines: Vec<String> = li.split("<br>").map(text).collect();
                if text(li).contains("……") {
                    elided += 1;
                }
                for line in &lines {
                    assert!(
                        notes.contains(&bare(line)),
                        "{label} slide {}: the line «{line}» is not in its notes",
                        n + 1
                    );
                }
            }
        }
    }
    assert!(elided > 0, "the seed elides a claim (唯有……才能)");
}

#[test]
fn the_pptx_breaks_an_elided_key_line_after_its_ellipsis() {
    let options = Options::default();
    let compiled = lectern::compile(seed_lecture().as_bytes(), &options).expect("compiles");
    let bytes = Pptx
        .write(&compiled.deck, &options.theme, compiled.aspect)
        .expect("writes");
    let mut seen = 0;
    for (name, xml) in entries(&bytes) {
        if !name.starts_with("ppt/slides/slide") {
            continue;
        }
        let xml = String::from_utf8(xml).unwrap();
        for (at, _) in xml.match_indices("……</a:t></a:r>") {
            seen += 1;
            let after = &xml[at + "……</a:t></a:r>".len()..];
            assert!(after.starts_with("<a:br>"), "{name}: no break after the ……");
        }
    }
    assert!(seen > 0, "the seed's .pptx shows an elided claim");
}
