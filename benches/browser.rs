//! How the deck feels in a real headless Chromium (`cargo bench --bench browser`):
//! time to the first painted slide of the seed deck, and how long a slide change takes
//! in a deck of about 1,400 slides (100× the seed), median of repeated runs. Prints
//! numbers; the targets (first paint ≤ 200 ms, a slide change well under a frame budget
//! a person notices) are read from them, never asserted in `cargo test`.

#[path = "../tests/it/common/browser.rs"]
#[allow(dead_code)] // the bench uses a part of the tests' harness
mod browser;

use browser::{build_deck, chromium, file_url, seed_lecture};

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(|a, b| a.total_cmp(b));
    v[v.len() / 2]
}

fn main() {
    let Some(chrome) = chromium("browser bench") else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let seed = seed_lecture();
    let lines: Vec<&str> = seed.split('\n').collect();
    let mut big: Vec<&str> = lines[..3].to_vec();
    for _ in 0..100 {
        big.extend_from_slice(&lines[3..12]);
    }
    big.extend_from_slice(&lines[12..]);
    let opts = lectern::Options::default();
    let small = build_deck(dir.path(), "seed", &seed, &opts);
    let large = build_deck(dir.path(), "big", &big.join("\n"), &opts);

    // First contentful paint, measured by the browser from navigation start.
    let paint = |deck: &std::path::Path| -> f64 {
        let page = chrome.open(&file_url(deck, ""));
        page.wait_for(
            "performance.getEntriesByName('first-contentful-paint').length > 0",
            "a first paint",
        );
        page.eval("performance.getEntriesByName('first-contentful-paint')[0].startTime")
    };
    let seed_paint = median((0..5).map(|_| paint(&small)).collect());
    let big_paint = median((0..3).map(|_| paint(&large)).collect());

    // A slide change: the key handler with the style and layout it causes, and keydown
    // to the second animation frame after it (the new slide is painted by then).
    let page = chrome.open(&file_url(&large, "#/700"));
    let slides: f64 = page.eval("document.querySelectorAll('.reveal .slides > section').length");
    page.eval::<serde_json::Value>(
        "(window.__times = [], window.__work = [], window.__step = function () {
           var t0 = performance.now();
           document.dispatchEvent(new KeyboardEvent('keydown', {code: 'ArrowRight', key: 'ArrowRight', bubbles: true}));
           void document.querySelector('.reveal .slides > section.present').getBoundingClientRect();
           window.__work.push(performance.now() - t0);
           requestAnimationFrame(function () { requestAnimationFrame(function () {
             window.__times.push(performance.now() - t0); }); });
         }, null)",
    );
    for _ in 0..30 {
        page.eval::<serde_json::Value>("(window.__step(), null)");
        std::thread::sleep(std::time::Duration::from_millis(40));
    }
    let times: Vec<f64> = page.eval("window.__times");
    let work: Vec<f64> = page.eval("window.__work");
    println!("seed deck: first contentful paint {seed_paint:.0} ms (median of 5)");
    println!(
        "{slides} slides: first contentful paint {big_paint:.0} ms (median of 3); slide change: \
         handler + style + layout {:.2} ms median, to the second frame after the key {:.1} ms median, {:.1} ms worst of {}",
        median(work),
        median(times.clone()),
        times.iter().cloned().fold(0.0, f64::max),
        times.len()
    );
}
