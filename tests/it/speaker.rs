//! The speaker view on a 1024-pixel-wide screen (issue 23: the next-slide preview was
//! too small to read and the buttons wrapped to a second row): in its own window and
//! inside the page, in Chromium and Firefox, the preview of the next slide takes at
//! least a third of the width and the controls sit on one row.

use crate::common::browser::{build_deck, chromium, file_url, seed_lecture, Driver, Engine};
use crate::common::firefox::firefox;
use lectern::Options;

/// (preview width, view width, rows of controls, the controls' lowest bottom over the
/// view's height).
const MEASURE: &str = r#"(() => {
  const spk = document.querySelector('.lx-spk') || document.body;
  const next = spk.querySelector('.lx-next');
  const tops = new Set();
  for (const el of spk.querySelectorAll('.lx-sbar > *')) {
    const r = el.getBoundingClientRect();
    if (r.width > 0 && r.height > 0) tops.add(Math.round(r.top + r.height / 2));
  }
  // controls whose middles lie within a few pixels are on one row
  const rows = [...tops].sort((a, b) => a - b).filter((t, i, a) => i === 0 || t - a[i - 1] > 8).length;
  return [next ? next.getBoundingClientRect().width : 0, spk.getBoundingClientRect().width, rows];
})()"#;

fn check(page: &impl Driver, how: &str) {
    page.set_viewport(1024, 768);
    page.wait_for(
        "document.querySelector('.lx-next') && document.querySelector('.lx-next').getBoundingClientRect().width > 0",
        "the next slide shows",
    );
    std::thread::sleep(std::time::Duration::from_millis(300));
    let (next, width, rows): (f64, f64, usize) = page.eval(MEASURE);
    assert!((width - 1024.0).abs() < 2.0, "{how}: view {width} px wide");
    assert!(
        next * 3.0 >= width,
        "{how}: next slide {next} of {width} px"
    );
    assert_eq!(rows, 1, "{how}: controls on {rows} rows");
}

fn speaker_view_at_1024<E: Engine>(engine: &E) {
    let dir = tempfile::tempdir().unwrap();
    let deck = build_deck(dir.path(), "seed", &seed_lecture(), &Options::default());
    // its own window
    let page = engine.open(&file_url(&deck, "#/5"));
    page.wait_for("document.querySelector('section.present')", "the deck runs");
    page.key("s");
    let speaker = engine.wait_for_tab("?speaker");
    check(&speaker, "window");
    speaker.screenshot(&format!("speaker-1024-{}", engine.name()));
    // inside the page, the pop-up blocked
    let page = engine.open(&file_url(&deck, "#/5"));
    page.wait_for("document.querySelector('section.present')", "the deck runs");
    page.eval::<bool>("window.open = () => null, true");
    page.key("s");
    page.wait_for(
        "document.querySelector('.lx-spk')",
        "the in-page speaker view",
    );
    check(&page, "in the page");
}

#[test]
fn speaker_view_at_1024_shows_a_legible_next_slide_and_one_row_of_controls() {
    if let Some(chrome) =
        chromium("speaker_view_at_1024_shows_a_legible_next_slide_and_one_row_of_controls")
    {
        speaker_view_at_1024(&chrome);
    }
}

#[test]
fn firefox_speaker_view_at_1024_shows_a_legible_next_slide_and_one_row_of_controls() {
    if let Some(fox) =
        firefox("firefox_speaker_view_at_1024_shows_a_legible_next_slide_and_one_row_of_controls")
    {
        speaker_view_at_1024(&fox);
    }
}
