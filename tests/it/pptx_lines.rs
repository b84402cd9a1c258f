//! The .pptx breaks titles and key lines between words, as the HTML deck does (issue 23:
//! LibreOffice showed the seed's `安/全` broken at 4:3): rendered by LibreOffice, every
//! line break inside a title or a key sentence falls between two words.

use std::path::Path;
use std::process::Command;

use crate::common::office::libreoffice_pdf;
use lectern::render::pptx::Pptx;
use lectern::render::Writer as _;
use lectern::{Aspect, Options};

fn squeeze(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

fn ideograph(c: char) -> bool {
    matches!(c, '\u{3400}'..='\u{4DBF}' | '\u{4E00}'..='\u{9FFF}' | '\u{F900}'..='\u{FAFF}')
}

/// The breaks of a rendered page inside `texts`: each pair of lines that reads on inside
/// one text, where the two characters either side of the break are one word.
fn midword(page: &str, texts: &[String]) -> Vec<String> {
    let lines: Vec<String> = page
        .lines()
        .map(squeeze)
        .filter(|l| !l.is_empty())
        .collect();
    let mut out = Vec::new();
    for pair in lines.windows(2) {
        let (a, b) = (&pair[0], &pair[1]);
        let (Some(last), Some(first)) = (a.chars().next_back(), b.chars().next()) else {
            continue;
        };
        if !(ideograph(last) && ideograph(first)) {
            continue;
        }
        // the join, with a little of each line, inside one text
        let tail: String = a
            .chars()
            .rev()
            .take(4)
            .collect::<Vec<_>>()
            .into_iter()
            .rev()
            .collect();
        let head: String = b.chars().take(4).collect();
        let joined = format!("{tail}{head}");
        for t in texts {
            if let Some(at) = t.find(&joined) {
                let at = at + tail.len();
                if !lectern::words::breaks(t).contains(&at) {
                    out.push(format!("{tail}|{head}"));
                }
            }
        }
    }
    out
}

#[test]
fn libreoffice_breaks_titles_and_key_lines_between_words() {
    let have = |c: &str| Command::new(c).arg("--version").output().is_ok();
    if !(have("soffice") && have("pdftotext")) {
        assert!(
            std::env::var("LECTERN_REQUIRE_BROWSER").is_err(),
            "LibreOffice and poppler-utils are required here"
        );
        eprintln!("skipped: soffice or pdftotext missing");
        return;
    }
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("target/pptx-lines");
    std::fs::create_dir_all(&dir).unwrap();
    let seed = crate::common::browser::seed_lecture();
    let report = std::fs::read_to_string(
        crate::common::deck::root().join("tests/corpus/gov-report-2026-inner-mongolia-web.txt"),
    )
    .unwrap();
    let mut decks = Vec::new();
    for (label, text) in [("seed", &seed), ("report", &report)] {
        for aspect in [Aspect::Wide, Aspect::Standard] {
            let options = Options {
                aspect: Some(aspect),
                ..Options::default()
            };
            let compiled = lectern::compile(text.as_bytes(), &options).unwrap();
            let bytes = Pptx
                .write(&compiled.deck, &options.theme, compiled.aspect)
                .unwrap();
            let name = format!("{label}-{aspect:?}");
            std::fs::write(dir.join(format!("{name}.pptx")), bytes).unwrap();
            let _ = std::fs::remove_file(dir.join(format!("{name}.pdf")));
            decks.push((name, compiled.deck));
        }
    }
    let pptxs: Vec<_> = decks
        .iter()
        .map(|(n, _)| dir.join(format!("{n}.pptx")))
        .collect();
    libreoffice_pdf(&dir, &pptxs);
    let mut faults = Vec::new();
    let mut joins = 0;
    for (name, deck) in &decks {
        let pdf = dir.join(format!("{name}.pdf"));
        let txt = Command::new("pdftotext")
            .arg(&pdf)
            .arg("-")
            .output()
            .unwrap();
        let txt = String::from_utf8_lossy(&txt.stdout);
        let pages: Vec<&str> = txt.split('\u{c}').collect();
        for s in &deck.slides {
            let texts: Vec<String> = std::iter::once(&s.title)
                .chain(&s.keys)
                .map(|t| squeeze(t))
                .collect();
            let page = pages.get(s.number - 1).copied().unwrap_or_default();
            joins += page.lines().count();
            faults.extend(
                midword(page, &texts)
                    .into_iter()
                    .map(|f| format!("{name} slide {}: {f}", s.number)),
            );
        }
    }
    assert!(joins > 100, "LibreOffice rendered the decks");
    assert!(
        faults.is_empty(),
        "{} breaks inside a word:\n{}",
        faults.len(),
        faults.join("\n")
    );
}
