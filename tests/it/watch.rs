//! `lectern watch` in a real Chromium: the served deck follows the lecture as it is
//! edited, stays on its slide, and a broken edit shows an overlay over the last good deck.

use std::io::{Read, Write};
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use crate::common::browser::{chromium, seed_lecture, Driver, Engine};
use crate::common::firefox::firefox;

/// A `lectern watch` process, stopped when dropped.
struct Watch {
    child: Child,
    url: String,
    port: u16,
}

impl Watch {
    fn start(lecture: &Path) -> Watch {
        Watch::start_with(lecture, &[], None)
    }

    /// Started with more arguments, and under a limit of `descriptors` open files.
    fn start_with(lecture: &Path, args: &[&str], descriptors: Option<u32>) -> Watch {
        let port = std::net::TcpListener::bind("127.0.0.1:0")
            .unwrap()
            .local_addr()
            .unwrap()
            .port();
        let mut command = match descriptors {
            Some(n) => {
                let mut c = Command::new("sh");
                c.args(["-c", &format!("ulimit -n {n} && exec \"$0\" \"$@\"")])
                    .arg(env!("CARGO_BIN_EXE_lectern"));
                c
            }
            None => Command::new(env!("CARGO_BIN_EXE_lectern")),
        };
        let child = command
            .args(["--lang", "en", "watch"])
            .arg(lecture)
            .args(["--port", &port.to_string()])
            .args(args)
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
        Watch { child, url, port }
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

/// Sends `head` (a request head, or anything) to the server and returns its answer.
fn ask(port: u16, head: &[u8]) -> String {
    let mut c = std::net::TcpStream::connect(("127.0.0.1", port)).unwrap();
    c.set_read_timeout(Some(Duration::from_secs(20))).unwrap();
    let _ = c.write_all(head);
    let mut answer = Vec::new();
    let _ = c.read_to_end(&mut answer);
    String::from_utf8_lossy(&answer).into_owned()
}

fn get(port: u16, host: &str) -> String {
    ask(
        port,
        format!("GET / HTTP/1.1\r\nHost: {host}\r\n\r\n").as_bytes(),
    )
}

/// A page on another site whose name is made to point here (DNS rebinding) sends its own
/// name: it gets 421, not the lecture. Addresses and localhost are served.
#[test]
fn the_server_answers_only_to_its_own_names() {
    let dir = tempfile::tempdir().unwrap();
    let lecture = dir.path().join("讲稿.txt");
    std::fs::write(&lecture, seed_lecture()).unwrap();
    let watch = Watch::start(&lecture);
    let port = watch.port;
    let evil = get(port, &format!("evil.example:{port}"));
    assert!(evil.starts_with("HTTP/1.1 421"), "{evil}");
    assert!(!evil.contains("学深悟透"), "{evil}");
    for host in [format!("127.0.0.1:{port}"), format!("localhost:{port}")] {
        let ok = get(port, &host);
        assert!(
            ok.starts_with("HTTP/1.1 200") && ok.contains("学深悟透"),
            "{host}"
        );
    }
}

/// A request head that never ends gets 431 after 8 KB (one 600 MB header line once grew
/// the process to 1.29 GB); idle connections past the limit, even past the descriptors
/// the process may open, do not stop it serving once they go.
#[test]
fn huge_heads_and_floods_of_connections_do_not_stop_the_server() {
    let dir = tempfile::tempdir().unwrap();
    let lecture = dir.path().join("讲稿.txt");
    std::fs::write(&lecture, seed_lecture()).unwrap();
    let watch = Watch::start_with(&lecture, &[], Some(64));
    let port = watch.port;
    let mut head = b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Long: ".to_vec();
    head.extend(std::iter::repeat_n(b'a', 1 << 20));
    let answer = ask(port, &head);
    assert!(
        answer.starts_with("HTTP/1.1 431"),
        "{}",
        &answer[..answer.len().min(200)]
    );

    // more idle connections than the process has descriptors
    let idle: Vec<_> = (0..150)
        .filter_map(|_| std::net::TcpStream::connect(("127.0.0.1", port)).ok())
        .collect();
    std::thread::sleep(Duration::from_millis(500));
    drop(idle);
    let end = Instant::now() + Duration::from_secs(20);
    loop {
        let ok = get(port, "127.0.0.1");
        if ok.starts_with("HTTP/1.1 200") {
            break;
        }
        assert!(Instant::now() < end, "the server stopped serving: {ok:?}");
        std::thread::sleep(Duration::from_millis(100));
    }
    let printed = watch.stop();
    assert!(!printed.contains("panicked"), "{printed}");
}

#[test]
fn listening_beyond_this_computer_is_a_warning() {
    let dir = tempfile::tempdir().unwrap();
    let lecture = dir.path().join("讲稿.txt");
    std::fs::write(&lecture, seed_lecture()).unwrap();
    let watch = Watch::start_with(&lecture, &["--host", "0.0.0.0"], None);
    std::thread::sleep(Duration::from_millis(300));
    let printed = watch.stop();
    assert!(
        printed.contains("warning: listening on 0.0.0.0:")
            && printed.contains(
                "every computer that can reach this one on the network can read the deck"
            ),
        "{printed}"
    );
    assert!(
        printed.contains("serving the deck at http://127.0.0.1:"),
        "{printed}"
    );
    assert!(!printed.contains("http://0.0.0.0"), "{printed}");
}

/// An error whose text holds `<!--<script>` (a deck setting's value, quoted back) once
/// swallowed the rest of the page: no overlay, no reload.
#[test]
fn an_error_text_with_markup_still_shows_as_the_overlay() {
    let Some(chrome) = chromium("watch: markup in an error text") else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let lecture = dir.path().join("讲稿.txt");
    let broken = format!(
        "+++\nrate = \"<!--<script></script>\"\n+++\n{}",
        seed_lecture()
    );
    std::fs::write(&lecture, broken).unwrap();
    let watch = Watch::start(&lecture);
    let page = chrome.open(&watch.url);
    page.wait_for("document.getElementById('lx-watch-error')", "the overlay");
    let overlay = page.text("#lx-watch-error");
    assert!(overlay.contains("<!--<script></script>"), "{overlay}");
    save(&lecture, &seed_lecture());
    page.wait_for(
        "document.querySelectorAll('section[data-kind]').length > 10",
        "the deck once the lecture builds",
    );
    drop(watch);
}

/// A save is swapped into the open page, not reloaded: a mark left on `window` survives,
/// the slide on screen shows the new words (and its notes), slides that did not change are
/// the same elements as before, and the keys move over the new slides. When the deck loses
/// slides the page stays on the nearest, and when slides come before the one shown it
/// follows that slide; a new theme (the deck's frame, which the runtime read at load)
/// reloads the page, on its slide.
fn a_save_is_swapped_in_on_the_same_slide<E: Engine>(engine: &E) {
    let name = engine.name();
    let dir = tempfile::tempdir().unwrap();
    let lecture = dir.path().join("讲稿.txt");
    let seed = seed_lecture();
    std::fs::write(&lecture, &seed).unwrap();
    let watch = Watch::start(&lecture);
    let page = engine.open(&format!("{}#/5", watch.url));
    page.wait_for("document.querySelector('section.present')", "the deck");
    page.expect_slide(4, "opening #/5");
    let sections = "document.querySelectorAll('.reveal > .slides > section')";
    page.eval::<bool>(&format!(
        "(window.lxMark = 1, {sections}[9].lxKept = 1, {sections}[4].lxKept = 1) === 1"
    ));

    let edited = seed.replacen("生产力是大国博弈的胜负手", "生产力是大国竞争的胜负手", 1);
    save(&lecture, &edited);
    page.wait_for(
        "document.querySelector('section.present').textContent.includes('大国竞争的胜负手')",
        "the slide shows the edit",
    );
    assert!(
        page.eval::<bool>("window.lxMark === 1"),
        "{name}: the page navigated"
    );
    page.expect_slide(4, "the swap");
    assert!(page.hash().starts_with("#/5"), "{name}: {}", page.hash());
    let kept: Vec<bool> = page.eval(&format!(
        "[{sections}[9].lxKept === 1, {sections}[4].lxKept === 1]"
    ));
    assert_eq!(
        kept,
        [true, false],
        "{name}: unchanged slides stay, the edited one is new"
    );
    assert!(page.eval::<bool>(
        "document.querySelector('section.present aside.notes').textContent.includes('大国竞争')"
    ));
    assert_eq!(page.eval::<usize>(&format!("{sections}.length")), 17);
    page.key("ArrowRight");
    page.expect_slide(5, "ArrowRight after the swap");

    // a section gone: fewer slides, and the last is still the last
    page.key("End");
    page.expect_slide(16, "End");
    let shorter: String = edited
        .lines()
        .filter(|l| !l.starts_with("(三)"))
        .map(|l| format!("{l}\n"))
        .collect();
    save(&lecture, &shorter);
    page.wait_for(&format!("{sections}.length < 17"), "the shorter deck");
    let n: i64 = page.eval(&format!("{sections}.length"));
    page.expect_slide(n - 1, "the swap to fewer slides");
    assert!(
        page.hash().starts_with(&format!("#/{n}")),
        "{name}: {}",
        page.hash()
    );
    page.key("Home");
    page.expect_slide(0, "Home");
    page.key("End");
    page.expect_slide(n - 1, "End over the new slides");
    assert!(
        page.eval::<bool>("window.lxMark === 1"),
        "{name}: navigated"
    );

    // slides come back before the one shown: it stays shown, further on
    let part_two = format!("{sections}[{}]", n - 3);
    let heading: String = page.eval(&format!("{part_two}.querySelector('h2').textContent"));
    assert!(heading.contains("乘势而上"), "{name}: {heading}");
    page.key("End");
    page.key("ArrowLeft");
    page.key("ArrowLeft");
    page.expect_slide(n - 3, "part two");
    save(&lecture, &edited);
    page.wait_for(&format!("{sections}.length === 17"), "the longer deck");
    let shown: String = page.eval("document.querySelector('section.present h2').textContent");
    assert_eq!(shown, heading, "{name}");
    page.expect_slide(14, "the swap to more slides");

    // another theme: the runtime read the deck's frame at load, so the page reloads
    page.key("Home");
    page.key("ArrowRight");
    page.key("ArrowRight");
    page.expect_slide(2, "two slides on");
    save(&lecture, &format!("+++\ntheme = \"blue\"\n+++\n{edited}"));
    page.wait_for(
        "document.querySelector('.reveal').dataset.theme === 'blue' && document.querySelector('section.present')",
        "the blue deck",
    );
    assert!(
        page.eval::<bool>("window.lxMark === undefined"),
        "{name}: a new theme is a reload"
    );
    page.expect_slide(2, "the reload");
    assert!(page.errors().is_empty(), "{name}: {:?}", page.errors());
    drop(watch);
}

#[test]
fn a_save_is_swapped_in_on_the_same_slide_in_chromium() {
    if let Some(chrome) = chromium("watch: a save is swapped in") {
        a_save_is_swapped_in_on_the_same_slide(&chrome);
    }
}

#[test]
fn a_save_is_swapped_in_on_the_same_slide_in_firefox() {
    if let Some(firefox) = firefox("watch: a save is swapped in (firefox)") {
        a_save_is_swapped_in_on_the_same_slide(&firefox);
    }
}

/// A page that says which deck it shows is sent only the slides that changed since: the
/// others are placeholders (a 1,403-slide deck's edit is one slide, not 2.2 MB to parse).
#[test]
fn the_deck_comes_with_only_the_changed_slides_for_a_page_that_has_one() {
    let dir = tempfile::tempdir().unwrap();
    let lecture = dir.path().join("讲稿.txt");
    let seed = seed_lecture();
    std::fs::write(&lecture, &seed).unwrap();
    let watch = Watch::start(&lecture);
    let deck = |from: &str| {
        ask(
            watch.port,
            format!("GET /lectern-watch/deck{from} HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n").as_bytes(),
        )
    };
    let whole = deck("");
    assert!(
        whole.contains("\r\nX-Lectern-Deck: 1\r\n"),
        "{}",
        &whole[..300]
    );
    assert_eq!(whole.matches("<section id=").count(), 17);
    save(
        &lecture,
        &seed.replacen("生产力是大国博弈的胜负手", "生产力是大国竞争的胜负手", 1),
    );
    let end = Instant::now() + Duration::from_secs(10);
    let news = loop {
        let news = deck("?from=1");
        if news.contains("\r\nX-Lectern-Deck: 2\r\n") {
            break news;
        }
        assert!(Instant::now() < end, "no second deck");
        std::thread::sleep(Duration::from_millis(50));
    };
    // the point's slide and its section's, which lists it
    assert_eq!(news.matches("<section data-lx-same></section>").count(), 15);
    assert_eq!(news.matches("<section id=").count(), 2);
    assert!(news.contains("大国竞争的胜负手") && news.contains("<title>"));
    // a deck the server no longer knows (or none): the whole deck
    assert_eq!(deck("?from=7").matches("<section id=").count(), 17);
}

/// A burst of writes (an editor writing a file in pieces, or saving again at once) ends
/// with the deck of the last: writes during a build make one more build, with no quiet
/// spell waited for first.
#[test]
fn a_burst_of_writes_ends_with_the_deck_of_the_last() {
    let dir = tempfile::tempdir().unwrap();
    let lecture = dir.path().join("讲稿.txt");
    let seed = seed_lecture();
    std::fs::write(&lecture, &seed).unwrap();
    let watch = Watch::start(&lecture);
    for i in 0..10 {
        let text = seed.replacen("强化创新驱动", &format!("第{i}稿"), 1);
        // written in place in two pieces, as some editors do
        // (the first piece may end inside a character: GB18030 then, or a failed build)
        let (a, b) = text.as_bytes().split_at(text.len() / 2);
        let mut f = std::fs::File::create(&lecture).unwrap();
        f.write_all(a).unwrap();
        std::thread::sleep(Duration::from_millis(2));
        f.write_all(b).unwrap();
        drop(f);
        std::thread::sleep(Duration::from_millis(5));
    }
    let end = Instant::now() + Duration::from_secs(10);
    loop {
        let deck = ask(
            watch.port,
            b"GET /lectern-watch/deck HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n",
        );
        if deck.contains("<title>第9稿") {
            break;
        }
        assert!(Instant::now() < end, "the last write never showed");
        std::thread::sleep(Duration::from_millis(50));
    }
    let printed = watch.stop();
    assert!(printed.contains("rebuilt: 17 slides"), "{printed}");
}

/// A theme folder's colour edited (the theme's name, size and runtime the same): the new
/// styles go into the page in place, the progress bar (whose colour the runtime took from
/// them at load) included.
#[test]
fn a_theme_colour_edit_is_swapped_in_with_the_progress_bar() {
    let Some(chrome) = chromium("watch: a theme colour edit") else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let theme = dir.path().join("dept");
    std::fs::create_dir(&theme).unwrap();
    let toml = |primary: &str| {
        format!("name = \"dept\"\nextends = \"red\"\n[colours]\nprimary = \"{primary}\"\n")
    };
    std::fs::write(theme.join("theme.toml"), toml("#B2001E")).unwrap();
    std::fs::write(dir.path().join("deck.toml"), "theme = \"./dept\"\n").unwrap();
    let lecture = dir.path().join("讲稿.txt");
    std::fs::write(&lecture, seed_lecture()).unwrap();
    let watch = Watch::start(&lecture);
    let page = chrome.open(&format!("{}#/3", watch.url));
    page.wait_for("document.querySelector('section.present')", "the deck");
    let fill = "getComputedStyle(document.querySelector('.lx-progress > span')).backgroundColor";
    assert_eq!(page.eval::<String>(fill), "rgb(178, 0, 30)");
    page.eval::<bool>("(window.lxMark = 1) === 1");
    let path = theme.join("theme.toml");
    let tmp = theme.join("theme.toml.swp");
    std::fs::write(&tmp, toml("#0B3C8C")).unwrap();
    std::fs::rename(&tmp, &path).unwrap();
    page.wait_for(&format!("{fill} === 'rgb(11, 60, 140)'"), "the new colour");
    assert!(
        page.eval::<bool>("window.lxMark === 1"),
        "the page navigated"
    );
    page.expect_slide(2, "the swap");
    drop(watch);
}
