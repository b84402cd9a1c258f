//! `lectern watch` in a real Chromium: the served deck follows the lecture as it is
//! edited, stays on its slide, and a broken edit shows an overlay over the last good deck.

use std::io::Read;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use crate::common::browser::{chromium, seed_lecture, Driver};

/// A `lectern watch` process, stopped when dropped.
struct Watch {
    child: Child,
    url: String,
}

impl Watch {
    fn start(lecture: &Path) -> Watch {
        let port = std::net::TcpListener::bind("127.0.0.1:0")
            .unwrap()
            .local_addr()
            .unwrap()
            .port();
        let child = Command::new(env!("CARGO_BIN_EXE_lectern"))
            .args(["--lang", "en", "watch"])
            .arg(lecture)
            .args(["--port", &port.to_string()])
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .expect("lectern watch starts");
        let url = format!("http://127.0.0.1:{port}/");
        let end = Instant::now() + Duration::from_secs(10);
        while std::net::TcpStream::connect(("127.0.0.1", port)).is_err() {
            assert!(
                Instant::now() < end,
                "lectern watch never listened on {port}"
            );
            std::thread::sleep(Duration::from_millis(50));
        }
        Watch { child, url }
    }

    /// Stops the server and returns what it printed.
    fn stop(mut self) -> String {
        let _ = self.child.kill();
        let mut err = String::new();
        if let Some(mut e) = self.child.stderr.take() {
            let _ = e.read_to_string(&mut err);
        }
        let _ = self.child.wait();
        err
    }
}

impl Drop for Watch {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Replaces the file the way editors save: a new file renamed over the old one.
fn save(path: &Path, text: &str) {
    let tmp = path.with_extension("txt.swp");
    std::fs::write(&tmp, text).unwrap();
    std::fs::rename(&tmp, path).unwrap();
}

#[test]
fn the_page_follows_edits_on_its_slide_and_shows_a_broken_edit_over_the_last_deck() {
    let Some(chrome) = chromium("watch: the page follows edits") else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let lecture = dir.path().join("讲稿.txt");
    let seed = seed_lecture();
    std::fs::write(&lecture, &seed).unwrap();
    let watch = Watch::start(&lecture);
    let page = chrome.open(&format!("{}#/5", watch.url));
    page.wait_for(
        "document.querySelector('section[data-kind]')",
        "the deck is served",
    );
    page.expect_slide(4, "opening #/5");

    // an edit: the new words show within a second or so, still on slide 5
    let edited = seed.replacen("强化创新驱动", "强化科技创新驱动", 1);
    let saved = Instant::now();
    save(&lecture, &edited);
    page.wait_for(
        "document.title.includes('强化科技创新驱动')",
        "the page shows the edited title",
    );
    let took = saved.elapsed();
    page.expect_slide(4, "the reload");
    assert!(page.hash().starts_with("#/5"), "{}", page.hash());

    // a broken edit (a wrong deck setting is an error): an overlay over the last deck
    save(&lecture, &format!("+++\nrate = \"fast\"\n+++\n{edited}"));
    page.wait_for(
        "document.getElementById('lx-watch-error')",
        "the overlay shows the error",
    );
    let overlay = page.text("#lx-watch-error");
    assert!(
        overlay.contains("讲稿.txt:2:") && overlay.contains("\"fast\""),
        "{overlay}"
    );
    assert!(page.eval::<bool>("document.title.includes('强化科技创新驱动')"));
    page.screenshot("watch-broken-edit");

    // fixed again: the overlay goes and the deck is the new one
    save(
        &lecture,
        &edited.replacen("强化科技创新驱动", "强化创新驱动发展", 1),
    );
    page.wait_for(
        "document.title.includes('强化创新驱动发展') && !document.getElementById('lx-watch-error')",
        "the fixed deck replaces the overlay",
    );
    assert!(page.errors().is_empty(), "{:?}", page.errors());
    let printed = watch.stop();
    assert!(
        printed.contains("serving the deck at http://127.0.0.1:"),
        "{printed}"
    );
    assert!(printed.contains("rebuilt: "), "{printed}");
    eprintln!("watch: an edit reached the page in {took:?}");
}

#[test]
fn a_lecture_that_does_not_build_at_first_is_an_overlay_not_a_blank_page() {
    let Some(chrome) = chromium("watch: a first build that fails") else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let lecture = dir.path().join("讲稿.txt");
    std::fs::write(&lecture, "").unwrap();
    let watch = Watch::start(&lecture);
    let page = chrome.open(&watch.url);
    page.wait_for("document.getElementById('lx-watch-error')", "the overlay");
    assert!(page.text("#lx-watch-error").contains("empty"));
    save(&lecture, &seed_lecture());
    page.wait_for(
        "document.querySelectorAll('section[data-kind]').length > 10",
        "the deck once the lecture builds",
    );
    drop(watch);
}
