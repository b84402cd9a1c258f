//! Figure callouts (issue 23): a report's point of figures (targets, growth, totals)
//! shows up to four figures large, each with its label under it, word for word from
//! the text — in the HTML deck, checked on screen in Chromium and Firefox at 16:9 and
//! 4:3, and in the .pptx.

use std::path::Path;

use crate::common::browser::{build_deck, chromium, file_url, Driver, Engine};
use crate::common::firefox::firefox;
use crate::common::package::entries;
use lectern::aspect::Aspect;
use lectern::render::pptx::Pptx;
use lectern::render::Writer as _;
use lectern::Options;

const REPORT: &str = "tests/corpus/gov-report-2026-inner-mongolia-web.txt";

fn report() -> String {
    std::fs::read_to_string(crate::common::deck::root().join(REPORT)).expect("corpus text")
}

/// Text without white space, to find a label and its figure in the notes.
fn squeeze(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

#[test]
fn a_reports_targets_show_as_callouts_word_for_word() {
    let compiled = lectern::compile(report().as_bytes(), &Options::default()).expect("compiles");
    let with: Vec<_> = (compiled.deck.slides.iter())
        .filter(|s| !s.figures.is_empty())
        .collect();
    assert!(with.len() >= 3, "{} slides of figures", with.len());
    // the year's targets: 地区生产总值增长5%左右 …
    assert!(with.iter().any(|s| s
        .figures
        .iter()
        .any(|f| f.value == "5%左右" && f.label == "地区生产总值增长")));
    for s in &with {
        assert!((2..=4).contains(&s.figures.len()), "slide {}", s.number);
        let notes = squeeze(&s.notes_text().concat());
        for f in &s.figures {
            // the label and the figure stand in one clause of the notes, the label a
            // noun: no 其中 before it, no verb leading into the figure (a copula, 累计
            // 超过 …) left at its end
            let said = notes.match_indices(&f.label).any(|(at, _)| {
                let after = &notes[at + f.label.len()..];
                after.find(&f.value).is_some_and(|to| {
                    let between = &after[..to];
                    between.chars().count() <= 6 && !between.contains(['，', '。', '；'])
                })
            });
            assert!(
                !f.label.starts_with("其中")
                    && !["累计", "超过", "降至", "升至", "突破", "达到", "为"]
                        .iter()
                        .any(|v| f.label.ends_with(v)),
                "slide {}: label {} is no noun",
                s.number,
                f.label
            );
            assert!(
                said,
                "slide {}: {} {} not in its notes",
                s.number, f.label, f.value
            );
        }
    }
    // the .pptx shows them too: each figure and its label in one text box
    let theme = Options::default().theme;
    let bytes = Pptx
        .write(&compiled.deck, &theme, compiled.aspect)
        .expect("writes");
    let files = entries(&bytes);
    for s in &with {
        let xml =
            String::from_utf8(files[&format!("ppt/slides/slide{}.xml", s.number)].clone()).unwrap();
        for f in &s.figures {
            let value = format!("<a:t>{}</a:t>", f.value);
            let at = xml
                .find(&value)
                .unwrap_or_else(|| panic!("slide {}: the .pptx lacks {}", s.number, f.value));
            let shape_end = at + xml[at..].find("</p:sp>").unwrap();
            // the shape's words, line breaks aside
            let words: String = xml[at..shape_end]
                .split("<a:t>")
                .skip(1)
                .map(|t| &t[..t.find("</a:t>").unwrap()])
                .collect();
            assert!(
                words.contains(&f.label),
                "slide {}: {} under {}",
                s.number,
                f.label,
                f.value
            );
        }
    }
}

/// On screen: each figure on one line inside its own box, its label under it, no two
/// callouts overlapping, nothing under 20 px on a 1280-wide screen.
const LOOK: &str = r#"(() => {
  const sec = document.querySelector('.reveal > .slides > section.present');
  const k = sec.getBoundingClientRect().width / sec.offsetWidth;
  const screen = (sec.offsetWidth === 1440 ? 1024 : 1280) / sec.offsetWidth;
  const out = [], boxes = [];
  for (const li of sec.querySelectorAll('.figures li')) {
    const b = li.getBoundingClientRect(), f = li.querySelector('.figure'), l = li.querySelector('.figure-label');
    const fb = f.getBoundingClientRect(), lb = l.getBoundingClientRect();
    const size = (el) => parseFloat(getComputedStyle(el).fontSize) * screen;
    if (fb.right > b.right + 1) out.push('figure past its box: ' + f.textContent);
    if (fb.height > parseFloat(getComputedStyle(f).fontSize) * k * 1.6) out.push('figure on two lines: ' + f.textContent);
    if (lb.top < fb.bottom - 1) out.push('label not under its figure: ' + l.textContent);
    if (size(l) < 19.5 || size(f) < size(l) * 1.5) out.push('sizes: ' + size(f).toFixed(0) + '/' + size(l).toFixed(0));
    for (const o of boxes) if (b.left < o.right - 1 && o.left < b.right - 1 && b.top < o.bottom - 1 && o.top < b.bottom - 1) out.push('overlap: ' + f.textContent);
    boxes.push(b);
  }
  return [sec.querySelectorAll('.figures li').length, out];
})()"#;

fn look<E: Engine>(engine: &E) {
    let dir = tempfile::tempdir().unwrap();
    let mut faults = Vec::new();
    let mut seen = 0;
    for aspect in [Aspect::Wide, Aspect::Standard] {
        let options = Options {
            aspect: Some(aspect),
            ..Options::default()
        };
        let compiled = lectern::compile(report().as_bytes(), &options).expect("compiles");
        let numbers: Vec<usize> = (compiled.deck.slides.iter())
            .filter(|s| !s.figures.is_empty())
            .map(|s| s.number)
            .collect();
        let deck = build_deck(
            dir.path(),
            &format!("report-{aspect:?}"),
            &report(),
            &options,
        );
        let page = engine.open(&file_url(Path::new(&deck), "#/1"));
        page.wait_for("document.fonts.status === 'loaded'", "fonts load");
        for i in numbers {
            page.eval_json(&format!("location.hash = '#/{i}'")).unwrap();
            page.wait_for(
                &format!("document.querySelector('#s-{i}.present')"),
                "the slide shows",
            );
            let (n, found): (usize, Vec<String>) = page.eval(LOOK);
            seen += n;
            faults.extend(
                found
                    .into_iter()
                    .map(|f| format!("{aspect:?} slide {i}: {f}")),
            );
        }
    }
    assert!(seen >= 6, "{seen} callouts looked at");
    assert!(
        faults.is_empty(),
        "{}:\n{}",
        engine.name(),
        faults.join("\n")
    );
}

#[test]
fn callouts_read_on_screen() {
    if let Some(chrome) = chromium("callouts_read_on_screen") {
        look(&chrome);
    }
}

#[test]
fn firefox_callouts_read_on_screen() {
    if let Some(fox) = firefox("firefox_callouts_read_on_screen") {
        look(&fox);
    }
}
