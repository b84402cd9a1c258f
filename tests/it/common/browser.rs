//! A real Chromium for integration tests: build a deck, open it from `file://`, press
//! keys, read the page, take screenshots and PDFs, record every network request.
//!
//! Debian's `/usr/bin/chromium` is driven over CDP by `headless_chrome` (no browser
//! download). Without Chromium the tests print a loud SKIPPED line and pass, unless
//! `LECTERN_REQUIRE_BROWSER=1` (set by `.ci/run`) makes a missing browser a failure.
//!
//! A test written against [`Engine`] and [`Driver`] runs in Chromium and in Firefox ESR
//! (`super::firefox`, over WebDriver BiDi) alike.
//!
//! ```ignore
//! mod common;
//! use common::browser::{chromium, build_deck, file_url, seed_lecture};
//! let Some(chrome) = chromium("my test") else { return };
//! let dir = tempfile::tempdir().unwrap();
//! let deck = build_deck(dir.path(), "deck", &seed_lecture(), &lectern::Options::default());
//! let page = chrome.open(&file_url(&deck, ""));
//! page.key("ArrowRight");
//! page.screenshot("my-theme-point");
//! ```

use std::ffi::OsStr;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use headless_chrome::browser::tab::point::Point;
use headless_chrome::browser::tab::ModifierKey;
use headless_chrome::protocol::cdp::types::Event;
use headless_chrome::protocol::cdp::{Emulation, Input, Log, Network, Page as Cdp, Runtime};
use headless_chrome::types::PrintToPdfOptions;
use headless_chrome::{Browser, LaunchOptions, Tab};
use serde::de::DeserializeOwned;

/// Browser window size for every page the harness opens.
pub const WINDOW: (u32, u32) = (1280, 720);

/// A browser that opens pages: [`Chromium`] or `firefox::Firefox`.
pub trait Engine {
    type Page: Driver;
    /// "chromium" or "firefox", for messages.
    fn name(&self) -> &'static str;
    /// Opens `url` in a new tab of [`WINDOW`]'s size and waits until it has loaded.
    fn open(&self, url: &str) -> Self::Page;
    /// Waits up to 5 s for a tab (a pop-up, say) whose URL contains `part`.
    fn wait_for_tab(&self, part: &str) -> Self::Page;
}

/// One tab of either engine: what the tests do with a page.
pub trait Driver {
    /// `JSON.stringify((js))` evaluated in the page, or the exception's text.
    fn eval_json(&self, js: &str) -> Result<String, String>;
    /// Presses a key as puppeteer names it ("ArrowRight", "PageDown", "F5", ".", "b", "5").
    fn key(&self, key: &str) -> &Self;
    fn shift_key(&self, key: &str) -> &Self;
    /// Presses a key given by its DOM `key` and `code`, as a presenter remote or an IME
    /// sends it (`press_code("PageDown", "PageDown", 34)`, `press_code("Process", "KeyN", 229)`).
    fn press_code(&self, key: &str, code: &str, key_code: u32) -> &Self;
    /// A left click at `(x, y)` in CSS pixels.
    fn click(&self, x: f64, y: f64);
    fn reload(&self);
    /// Saves a PNG of the viewport in `target/screenshots/` and returns its path.
    fn screenshot(&self, name: &str) -> PathBuf;
    /// Sets the tab's viewport to `width` × `height` CSS pixels.
    fn set_viewport(&self, width: u32, height: u32);
    /// The page printed to PDF, backgrounds on, pages sized by the page's `@page`.
    fn pdf(&self) -> Vec<u8>;
    /// Every URL this tab asked for since it was opened.
    fn requests(&self) -> Vec<String>;
    /// JavaScript errors, `console.error` calls and error-level browser messages (a CSP
    /// violation, say) in this tab so far.
    fn errors(&self) -> Vec<String>;

    /// Waits until no CSS transition runs (the progress bar's, after a move), so that
    /// screenshots of the two engines show the same settled state.
    fn settle(&self) {
        self.wait_for(
            "document.getAnimations().every(a => a.playState !== 'running')",
            "transitions end",
        );
    }

    /// Evaluates a JavaScript expression and deserialises its value (passed as JSON, so
    /// arrays and objects come back whole).
    fn eval<T: DeserializeOwned>(&self, js: &str) -> T {
        let json = self
            .eval_json(js)
            .unwrap_or_else(|e| panic!("evaluating `{js}`: {e}"));
        serde_json::from_str(&json).unwrap_or_else(|e| panic!("`{js}` gave {json}: {e}"))
    }

    /// Polls a JavaScript condition for up to 5 s; panics naming `what` if it stays false.
    fn wait_for(&self, condition: &str, what: &str) {
        self.wait_within(condition, what, 5);
    }

    /// Waits for the page to finish loading: up to 30 s, since a 4 MB page (the studio's
    /// WebAssembly) loads in seconds when the tests share two cores with a build — a
    /// page's speed is for the benchmarks, not these tests.
    fn wait_to_load(&self, what: &str) {
        self.wait_within("document.readyState === 'complete'", what, 30);
    }

    /// Polls a JavaScript condition for up to `secs`; panics naming `what` if it stays false.
    fn wait_within(&self, condition: &str, what: &str, secs: u64) {
        let end = Instant::now() + Duration::from_secs(secs);
        let js = format!("!!({condition})");
        while self.eval_json(&js).as_deref() != Ok("true") {
            assert!(
                Instant::now() < end,
                "timed out waiting until {what} ({condition})"
            );
            std::thread::sleep(Duration::from_millis(40));
        }
    }

    /// Index (0-based) of the one slide of the deck visible in the window, or -1; panics
    /// if more than one is visible.
    fn visible_slide(&self) -> i64 {
        let shown: Vec<i64> = self.eval(
            "[...document.querySelectorAll('.reveal:not(.lx-mini) > .slides > section')].map((s, i) => {
               const r = s.getBoundingClientRect(), st = getComputedStyle(s);
               return r.width > 0 && r.height > 0 && st.display !== 'none' && st.visibility !== 'hidden'
                 && +st.opacity > 0.5 && r.left < innerWidth && r.right > 0 && r.top < innerHeight
                 && r.bottom > 0 ? i : -1 }).filter(i => i >= 0)",
        );
        assert!(
            shown.len() <= 1,
            "several slides visible at once: {shown:?}"
        );
        shown.first().copied().unwrap_or(-1)
    }

    /// Waits until slide `index` (0-based) is the one visible.
    fn expect_slide(&self, index: i64, after: &str) {
        let end = Instant::now() + Duration::from_secs(3);
        loop {
            let now = self.visible_slide();
            if now == index {
                return;
            }
            assert!(
                Instant::now() < end,
                "after {after}: slide {now} visible, want {index}"
            );
            std::thread::sleep(Duration::from_millis(30));
        }
    }

    fn hash(&self) -> String {
        self.eval("location.hash")
    }

    fn text(&self, selector: &str) -> String {
        self.eval(&format!(
            "(document.querySelector({selector:?}) || {{innerText: ''}}).innerText"
        ))
    }
}

const CANDIDATES: &[&str] = &[
    "/usr/bin/chromium",
    "/usr/bin/chromium-browser",
    "/usr/bin/google-chrome",
];

/// Where Chromium is (`LECTERN_CHROMIUM`, else the usual places), or a loud skip of
/// `test` (a failure when CI requires the browser).
pub fn chromium_path(test: &str) -> Option<PathBuf> {
    let path = std::env::var_os("LECTERN_CHROMIUM")
        .map(PathBuf::from)
        .or_else(|| CANDIDATES.iter().map(PathBuf::from).find(|p| p.exists()))
        .filter(|p| p.exists());
    let required = std::env::var("LECTERN_REQUIRE_BROWSER").is_ok_and(|v| v == "1");
    if path.is_none() {
        assert!(
            !required,
            "{test}: chromium not found and LECTERN_REQUIRE_BROWSER=1 (apt-get install chromium)"
        );
        eprintln!("\n*** SKIPPED {test}: chromium not found (install chromium or set LECTERN_CHROMIUM) ***\n");
    }
    path
}

/// A headless Chromium with a fresh profile; closed when dropped.
pub struct Chromium {
    browser: Browser,
    _profile: tempfile::TempDir,
}

/// Starts Chromium, or explains loudly why `test` did not run (and panics when CI
/// requires the browser).
pub fn chromium(test: &str) -> Option<Chromium> {
    let path = chromium_path(test)?;
    let required = std::env::var("LECTERN_REQUIRE_BROWSER").is_ok_and(|v| v == "1");
    let profile = tempfile::tempdir().expect("temp profile dir");
    let mut args: Vec<&OsStr> = lectern::render::pdf::HEADLESS_FLAGS
        .iter()
        .map(OsStr::new)
        .collect();
    args.push(OsStr::new("--font-render-hinting=none"));
    let options = LaunchOptions {
        headless: true,
        sandbox: false,
        window_size: Some(WINDOW),
        path: Some(path.clone()),
        user_data_dir: Some(profile.path().to_path_buf()),
        args,
        idle_browser_timeout: Duration::from_secs(300),
        ..LaunchOptions::default()
    };
    match Browser::new(options) {
        Ok(browser) => Some(Chromium {
            browser,
            _profile: profile,
        }),
        Err(e) if !required => {
            eprintln!(
                "\n*** SKIPPED {test}: {} did not start: {e} ***\n",
                path.display()
            );
            None
        }
        Err(e) => panic!("{test}: {} did not start: {e}", path.display()),
    }
}

impl Chromium {
    /// Opens `url` in a new tab, recording network requests from before navigation, and
    /// waits until the runtime has run (`html.js`) or the document is loaded.
    pub fn open(&self, url: &str) -> Page {
        let page = self.navigate(url, true);
        page.wait_to_load("the page loads");
        page
    }

    /// Opens `url` with JavaScript switched off.
    pub fn open_without_js(&self, url: &str) -> Page {
        self.navigate(url, false)
    }

    fn navigate(&self, url: &str, javascript: bool) -> Page {
        let tab = self.browser.new_tab().expect("new tab");
        if !javascript {
            tab.call_method(Emulation::SetScriptExecutionDisabled { value: true })
                .expect("disable JS");
        }
        fix_viewport(&tab);
        let page = Page::watch(tab);
        page.tab.navigate_to(url).expect("navigate");
        page.tab
            .wait_until_navigated()
            .expect("navigation finishes");
        page
    }

    /// Waits for a tab (a pop-up, say) whose URL contains `part`.
    pub fn wait_for_tab(&self, part: &str) -> Page {
        let end = Instant::now() + Duration::from_secs(5);
        loop {
            let found = self
                .browser
                .get_tabs()
                .lock()
                .unwrap()
                .iter()
                .find(|t| t.get_url().contains(part))
                .cloned();
            if let Some(tab) = found {
                fix_viewport(&tab);
                let page = Page::watch(tab);
                page.wait_to_load("the pop-up loads");
                return page;
            }
            assert!(
                Instant::now() < end,
                "no tab with `{part}` in its URL opened"
            );
            std::thread::sleep(Duration::from_millis(50));
        }
    }
}

impl Engine for Chromium {
    type Page = Page;
    fn name(&self) -> &'static str {
        "chromium"
    }
    fn open(&self, url: &str) -> Page {
        Chromium::open(self, url)
    }
    fn wait_for_tab(&self, part: &str) -> Page {
        Chromium::wait_for_tab(self, part)
    }
}

/// The viewport is exactly [`WINDOW`], whatever the headless window's decorations.
fn fix_viewport(tab: &Tab) {
    viewport(tab, WINDOW.0, WINDOW.1);
}

fn viewport(tab: &Tab, width: u32, height: u32) {
    tab.call_method(Emulation::SetDeviceMetricsOverride {
        width,
        height,
        device_scale_factor: 1.0,
        mobile: false,
        scale: None,
        screen_width: None,
        screen_height: None,
        position_x: None,
        position_y: None,
        dont_set_visible_size: None,
        screen_orientation: None,
        viewport: None,
        display_feature: None,
        device_posture: None,
    })
    .expect("set the viewport");
}

/// One browser tab.
pub struct Page {
    pub tab: Arc<Tab>,
    requests: Arc<Mutex<Vec<String>>>,
    errors: Arc<Mutex<Vec<String>>>,
}

impl Page {
    fn watch(tab: Arc<Tab>) -> Page {
        let requests = Arc::new(Mutex::new(Vec::new()));
        let errors = Arc::new(Mutex::new(Vec::new()));
        let (sink, error_sink) = (Arc::clone(&requests), Arc::clone(&errors));
        tab.add_event_listener(Arc::new(move |event: &Event| match event {
            Event::NetworkRequestWillBeSent(e) => {
                sink.lock().unwrap().push(e.params.request.url.clone());
            }
            Event::RuntimeExceptionThrown(e) => {
                let d = &e.params.exception_details;
                let what = d.exception.as_ref().and_then(|x| x.description.clone());
                error_sink
                    .lock()
                    .unwrap()
                    .push(what.unwrap_or_else(|| d.text.clone()));
            }
            Event::RuntimeConsoleAPICalled(e)
                if e.params.Type == Runtime::ConsoleAPICalledEventTypeOption::Error =>
            {
                error_sink.lock().unwrap().push("console.error".into());
            }
            Event::LogEntryAdded(e) if e.params.entry.level == Log::LogEntryLevel::Error => {
                error_sink.lock().unwrap().push(e.params.entry.text.clone());
            }
            _ => {}
        }))
        .expect("listen to network events");
        tab.enable_runtime().expect("runtime events");
        tab.enable_log().expect("log events");
        tab.call_method(Network::Enable {
            max_total_buffer_size: None,
            max_resource_buffer_size: None,
            max_post_data_size: None,
            report_direct_socket_traffic: None,
            enable_durable_messages: None,
        })
        .expect("enable network events");
        Page {
            tab,
            requests,
            errors,
        }
    }

    /// [`Driver::eval`], for callers that do not import the trait.
    pub fn eval<T: DeserializeOwned>(&self, js: &str) -> T {
        Driver::eval(self, js)
    }

    /// [`Driver::wait_for`], for callers that do not import the trait.
    pub fn wait_for(&self, condition: &str, what: &str) {
        Driver::wait_for(self, condition, what)
    }

    /// [`Driver::screenshot`], for callers that do not import the trait.
    pub fn screenshot(&self, name: &str) -> PathBuf {
        Driver::screenshot(self, name)
    }

    /// A one-finger swipe from `from` to `to` (CSS pixels).
    pub fn swipe(&self, from: (f64, f64), to: (f64, f64)) {
        let point = |(x, y): (f64, f64)| Input::TouchPoint {
            x,
            y,
            radius_x: None,
            radius_y: None,
            rotation_angle: None,
            force: None,
            tangential_pressure: None,
            tilt_x: None,
            tilt_y: None,
            twist: None,
            id: Some(1.0),
        };
        for (kind, points) in [
            (
                Input::DispatchTouchEventTypeOption::TouchStart,
                vec![point(from)],
            ),
            (
                Input::DispatchTouchEventTypeOption::TouchMove,
                vec![point(to)],
            ),
            (Input::DispatchTouchEventTypeOption::TouchEnd, vec![]),
        ] {
            self.tab
                .call_method(Input::DispatchTouchEvent {
                    Type: kind,
                    touch_points: points,
                    modifiers: None,
                    timestamp: None,
                })
                .expect("touch event");
        }
    }
}

impl Driver for Page {
    fn set_viewport(&self, width: u32, height: u32) {
        viewport(&self.tab, width, height);
    }

    fn eval_json(&self, js: &str) -> Result<String, String> {
        let value = self
            .tab
            .evaluate(&format!("JSON.stringify(({js}))"), false)
            .map_err(|e| e.to_string())?
            .value;
        Ok(value
            .and_then(|v| v.as_str().map(str::to_owned))
            .unwrap_or_else(|| "null".into()))
    }

    fn key(&self, key: &str) -> &Self {
        self.tab
            .press_key(key)
            .unwrap_or_else(|e| panic!("pressing {key}: {e}"));
        self
    }

    fn shift_key(&self, key: &str) -> &Self {
        self.tab
            .press_key_with_modifiers(key, Some(&[ModifierKey::Shift]))
            .unwrap_or_else(|e| panic!("pressing Shift+{key}: {e}"));
        self
    }

    fn press_code(&self, key: &str, code: &str, key_code: u32) -> &Self {
        for kind in [
            Input::DispatchKeyEventTypeOption::RawKeyDown,
            Input::DispatchKeyEventTypeOption::KeyUp,
        ] {
            self.tab
                .call_method(Input::DispatchKeyEvent {
                    Type: kind,
                    key: Some(key.into()),
                    code: Some(code.into()),
                    windows_virtual_key_code: Some(key_code),
                    native_virtual_key_code: Some(key_code),
                    modifiers: None,
                    timestamp: None,
                    text: None,
                    unmodified_text: None,
                    key_identifier: None,
                    auto_repeat: None,
                    is_keypad: None,
                    is_system_key: None,
                    location: None,
                    commands: None,
                })
                .unwrap_or_else(|e| panic!("pressing {key} ({code}): {e}"));
        }
        self
    }

    fn click(&self, x: f64, y: f64) {
        self.tab.click_point(Point { x, y }).expect("click");
    }

    fn reload(&self) {
        self.tab.reload(false, None).expect("reload");
        self.tab.wait_until_navigated().expect("reload finishes");
        self.wait_to_load("the page reloads");
    }

    fn screenshot(&self, name: &str) -> PathBuf {
        self.settle();
        let png = self
            .tab
            .capture_screenshot(Cdp::CaptureScreenshotFormatOption::Png, None, None, true)
            .expect("screenshot");
        save(&format!("{name}.png"), &png)
    }

    /// Chromium's print-to-PDF with the page's own `@page` size, backgrounds on.
    fn pdf(&self) -> Vec<u8> {
        self.tab
            .print_to_pdf(Some(PrintToPdfOptions {
                print_background: Some(true),
                prefer_css_page_size: Some(true),
                ..PrintToPdfOptions::default()
            }))
            .expect("print to PDF")
    }

    fn requests(&self) -> Vec<String> {
        self.requests.lock().unwrap().clone()
    }

    fn errors(&self) -> Vec<String> {
        self.errors.lock().unwrap().clone()
    }
}

/// `target/screenshots`, created on first use.
pub fn screenshot_dir() -> PathBuf {
    let tmp = Path::new(env!("CARGO_TARGET_TMPDIR"));
    let dir = tmp.parent().unwrap_or(tmp).join("screenshots");
    std::fs::create_dir_all(&dir).expect("create target/screenshots");
    dir
}

/// Writes `bytes` to `target/screenshots/NAME` and returns the path.
pub fn save(name: &str, bytes: &[u8]) -> PathBuf {
    let path = screenshot_dir().join(name);
    std::fs::write(&path, bytes).expect("write screenshot");
    path
}

/// The seed lecture of the repository.
pub fn seed_lecture() -> String {
    std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/decks/lecture.txt"))
        .expect("decks/lecture.txt")
}

/// Compiles `lecture` with the library into `DIR/NAME.html`.
pub fn build_deck(dir: &Path, name: &str, lecture: &str, options: &lectern::Options) -> PathBuf {
    let compiled = lectern::compile(lecture.as_bytes(), options).expect("the lecture compiles");
    let path = dir.join(format!("{name}.html"));
    std::fs::write(&path, compiled.html).expect("write deck");
    path
}

/// `file://` URL of `path` followed by `suffix` (a query and/or a hash).
pub fn file_url(path: &Path, suffix: &str) -> String {
    let abs = std::fs::canonicalize(path).expect("deck path");
    format!("file://{}{suffix}", abs.display())
}

/// Number of pages in a PDF: from poppler's `pdfinfo` (Firefox compresses its page
/// objects), else by counting the page objects Chromium writes uncompressed.
pub fn pdf_pages(pdf: &[u8]) -> usize {
    if let Some(n) = pdfinfo(pdf, "Pages:").and_then(|v| v.parse().ok()) {
        return n;
    }
    String::from_utf8_lossy(pdf)
        .split("/Type")
        .skip(1)
        .filter(|rest| {
            let rest = rest.trim_start();
            rest.starts_with("/Page") && !rest[5..].starts_with('s')
        })
        .count()
}

/// A field of `pdfinfo`'s report on `pdf` ("Pages:", "Page size:"), if poppler is installed.
fn pdfinfo(pdf: &[u8], field: &str) -> Option<String> {
    let dir = tempfile::tempdir().ok()?;
    let input = dir.path().join("in.pdf");
    std::fs::write(&input, pdf).ok()?;
    let out = std::process::Command::new("pdfinfo")
        .arg(&input)
        .output()
        .ok()?;
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .find_map(|l| l.strip_prefix(field).map(|v| v.trim().to_string()))
}

/// Renders page `page` (1-based) of `pdf` to `target/screenshots/NAME.png` with poppler's
/// `pdftoppm`, when it is installed; returns the PNG's path.
pub fn pdf_page_png(pdf: &[u8], page: usize, name: &str) -> Option<PathBuf> {
    let dir = tempfile::tempdir().ok()?;
    let input = dir.path().join("in.pdf");
    std::fs::write(&input, pdf).ok()?;
    let stem = screenshot_dir().join(name);
    let n = page.to_string();
    let status = std::process::Command::new("pdftoppm")
        .args(["-png", "-r", "60", "-singlefile", "-f", &n, "-l", &n])
        .arg(&input)
        .arg(&stem)
        .status()
        .ok()?;
    status.success().then(|| stem.with_extension("png"))
}

/// Width and height in points of the first page of a PDF: from `pdfinfo` ("1440 x 810
/// pts"), else from the first `/MediaBox` as Chromium writes it (`[0 0 1440 810]`).
pub fn pdf_page_size(pdf: &[u8]) -> Option<(f64, f64)> {
    if let Some(size) = pdfinfo(pdf, "Page size:") {
        let n: Vec<f64> = size
            .split_whitespace()
            .filter_map(|w| w.parse().ok())
            .collect();
        if let [w, h, ..] = n[..] {
            return Some((w.round(), h.round()));
        }
    }
    let text = String::from_utf8_lossy(pdf);
    let i = text.find("/MediaBox")?;
    let rest = text[i + 9..].trim_start().strip_prefix('[')?;
    let nums: Vec<f64> = rest
        .split(']')
        .next()?
        .split_whitespace()
        .map(|n| n.parse().ok())
        .collect::<Option<_>>()?;
    match nums[..] {
        [x0, y0, x1, y1] => Some(((x1 - x0).round(), (y1 - y0).round())),
        _ => None,
    }
}
