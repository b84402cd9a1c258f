//! A real Firefox ESR for integration tests, driven over WebDriver BiDi, the W3C protocol
//! Firefox speaks natively: `firefox-esr --remote-debugging-port=0` serves it on a local
//! WebSocket, so there is no geckodriver, no Node and no browser download. The client is
//! this file: JSON commands over `tungstenite` (already in the tree for `headless_chrome`).
//! Rust's BiDi crates are young, and puppeteer-core would mean writing every test twice
//! (once in JavaScript); with [`Engine`] and [`Driver`] one test body runs in both engines.
//!
//! Without Firefox the tests print a loud SKIPPED line and pass, unless
//! `LECTERN_REQUIRE_BROWSER=1` (set by `.ci/run`) makes a missing browser a failure.
//! Firefox tests of one test binary run one at a time (each starts its own browser).

use std::cell::RefCell;
use std::io::{BufRead, BufReader};
use std::net::TcpStream;
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::rc::Rc;
use std::sync::{Mutex, MutexGuard, PoisonError};
use std::time::{Duration, Instant};

use base64::Engine as _;
use serde_json::{json, Value};
use tungstenite::{Message, WebSocket};

use super::browser::{save, Driver, Engine, WINDOW};

const CANDIDATES: &[&str] = &["/usr/bin/firefox-esr", "/usr/bin/firefox"];

/// Firefox tests take turns: one browser at a time per test binary.
static TURN: Mutex<()> = Mutex::new(());

/// A headless Firefox with a fresh profile; killed when dropped.
pub struct Firefox {
    bidi: Rc<Bidi>,
}

struct Bidi {
    socket: RefCell<WebSocket<TcpStream>>,
    next_id: RefCell<u64>,
    /// Events received so far (network requests, new browsing contexts, log entries).
    events: RefCell<Vec<Value>>,
    child: RefCell<Child>,
    _profile: tempfile::TempDir,
    _turn: MutexGuard<'static, ()>,
}

/// Starts Firefox, or explains loudly why `test` did not run (and panics when CI
/// requires the browser).
pub fn firefox(test: &str) -> Option<Firefox> {
    let path = std::env::var_os("LECTERN_FIREFOX")
        .map(PathBuf::from)
        .or_else(|| CANDIDATES.iter().map(PathBuf::from).find(|p| p.exists()))
        .filter(|p| p.exists());
    let required = std::env::var("LECTERN_REQUIRE_BROWSER").is_ok_and(|v| v == "1");
    let Some(path) = path else {
        assert!(
            !required,
            "{test}: firefox-esr not found and LECTERN_REQUIRE_BROWSER=1 (apt-get install firefox-esr)"
        );
        eprintln!("\n*** SKIPPED {test}: firefox-esr not found (install firefox-esr or set LECTERN_FIREFOX) ***\n");
        return None;
    };
    let turn = TURN.lock().unwrap_or_else(PoisonError::into_inner);
    match start(&path, turn) {
        Ok(bidi) => Some(Firefox {
            bidi: Rc::new(bidi),
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

fn start(path: &std::path::Path, turn: MutexGuard<'static, ()>) -> Result<Bidi, String> {
    let profile = tempfile::tempdir().map_err(|e| e.to_string())?;
    // Firefox's remote agent sets its recommended automation prefs itself (no updates,
    // no telemetry, no first-run pages); these keep a fresh profile quiet as well.
    std::fs::write(
        profile.path().join("user.js"),
        "user_pref(\"browser.shell.checkDefaultBrowser\", false);\n\
         user_pref(\"browser.startup.homepage_override.mstone\", \"ignore\");\n\
         user_pref(\"datareporting.policy.dataSubmissionEnabled\", false);\n\
         user_pref(\"network.captive-portal-service.enabled\", false);\n\
         user_pref(\"network.connectivity-service.enabled\", false);\n",
    )
    .map_err(|e| e.to_string())?;
    let mut child = Command::new(path)
        .args([
            "--headless",
            "--no-remote",
            "--remote-debugging-port=0",
            "--profile",
        ])
        .arg(profile.path())
        .arg("about:blank")
        .env("MOZ_CRASHREPORTER_DISABLE", "1")
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| e.to_string())?;
    // Firefox says where BiDi listens on stderr; keep draining it so it never blocks.
    let stderr = child.stderr.take().expect("piped stderr");
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        for line in BufReader::new(stderr).lines().map_while(Result::ok) {
            if let Some(i) = line.find("ws://") {
                let _ = tx.send(line[i..].trim().to_string());
            }
        }
    });
    let fail = |child: &mut Child, e: String| {
        let _ = child.kill();
        let _ = child.wait();
        Err(e)
    };
    let Ok(url) = rx.recv_timeout(Duration::from_secs(60)) else {
        return fail(
            &mut child,
            "no `WebDriver BiDi listening` line in 60 s".into(),
        );
    };
    let host = url.trim_start_matches("ws://").trim_end_matches('/');
    let stream = match TcpStream::connect(host) {
        Ok(s) => s,
        Err(e) => return fail(&mut child, format!("connecting to {url}: {e}")),
    };
    stream
        .set_read_timeout(Some(Duration::from_secs(60)))
        .map_err(|e| e.to_string())?;
    let socket = match tungstenite::client(format!("{url}/session"), stream) {
        Ok((socket, _)) => socket,
        Err(e) => return fail(&mut child, format!("WebSocket handshake: {e}")),
    };
    let bidi = Bidi {
        socket: RefCell::new(socket),
        next_id: RefCell::new(0),
        events: RefCell::new(Vec::new()),
        child: RefCell::new(child),
        _profile: profile,
        _turn: turn,
    };
    bidi.call("session.new", json!({ "capabilities": {} }))?;
    bidi.call(
        "session.subscribe",
        json!({ "events": ["network.beforeRequestSent", "browsingContext.contextCreated", "log.entryAdded"] }),
    )?;
    Ok(bidi)
}

impl Bidi {
    /// Sends one command and waits for its answer; events that arrive meanwhile are kept.
    fn call(&self, method: &str, params: Value) -> Result<Value, String> {
        let id = {
            let mut n = self.next_id.borrow_mut();
            *n += 1;
            *n
        };
        let mut socket = self.socket.borrow_mut();
        let command = json!({ "id": id, "method": method, "params": params });
        socket
            .send(Message::text(command.to_string()))
            .map_err(|e| format!("{method}: {e}"))?;
        loop {
            let message = socket.read().map_err(|e| format!("{method}: {e}"))?;
            let Message::Text(text) = message else {
                continue;
            };
            let v: Value = serde_json::from_str(text.as_str()).map_err(|e| e.to_string())?;
            if v["type"] == "event" {
                self.events.borrow_mut().push(v);
            } else if v["id"] == id {
                return if v["type"] == "success" {
                    Ok(v["result"].clone())
                } else {
                    Err(format!("{method}: {} ({})", v["error"], v["message"]))
                };
            }
        }
    }

    fn must(&self, method: &str, params: Value) -> Value {
        self.call(method, params)
            .unwrap_or_else(|e| panic!("firefox: {e}"))
    }
}

impl Drop for Bidi {
    fn drop(&mut self) {
        let _ = self.call("browser.close", json!({}));
        let mut child = self.child.borrow_mut();
        let end = Instant::now() + Duration::from_secs(5);
        while Instant::now() < end {
            if let Ok(Some(_)) = child.try_wait() {
                return;
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        let _ = child.kill();
        let _ = child.wait();
    }
}

impl Engine for Firefox {
    type Page = FxPage;

    fn name(&self) -> &'static str {
        "firefox"
    }

    fn open(&self, url: &str) -> FxPage {
        let created = self
            .bidi
            .must("browsingContext.create", json!({ "type": "tab" }));
        let page = self.page(created["context"].as_str().expect("context id"));
        self.bidi.must(
            "browsingContext.navigate",
            json!({ "context": page.context, "url": url, "wait": "complete" }),
        );
        page.wait_to_load("the page loads");
        page
    }

    fn wait_for_tab(&self, part: &str) -> FxPage {
        let end = Instant::now() + Duration::from_secs(5);
        loop {
            let tree = self.bidi.must("browsingContext.getTree", json!({}));
            let found = tree["contexts"].as_array().and_then(|all| {
                all.iter()
                    .find(|c| c["url"].as_str().is_some_and(|u| u.contains(part)))
                    .and_then(|c| c["context"].as_str().map(str::to_owned))
            });
            if let Some(context) = found {
                let page = self.page(&context);
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

impl Firefox {
    fn page(&self, context: &str) -> FxPage {
        self.bidi.must(
            "browsingContext.setViewport",
            json!({ "context": context, "viewport": { "width": WINDOW.0, "height": WINDOW.1 } }),
        );
        FxPage {
            bidi: Rc::clone(&self.bidi),
            context: context.to_string(),
        }
    }
}

/// One Firefox tab (a BiDi browsing context).
pub struct FxPage {
    bidi: Rc<Bidi>,
    context: String,
}

/// WebDriver's code points for the keys the tests press, by their puppeteer names.
fn webdriver_key(name: &str) -> String {
    let special = match name {
        "Backspace" => '\u{E003}',
        "Tab" => '\u{E004}',
        "Enter" => '\u{E007}',
        "Shift" => '\u{E008}',
        "Escape" => '\u{E00C}',
        "PageUp" => '\u{E00E}',
        "PageDown" => '\u{E00F}',
        "End" => '\u{E010}',
        "Home" => '\u{E011}',
        "ArrowLeft" => '\u{E012}',
        "ArrowUp" => '\u{E013}',
        "ArrowRight" => '\u{E014}',
        "ArrowDown" => '\u{E015}',
        "F5" => '\u{E035}',
        one if one.chars().count() == 1 => return one.to_string(),
        other => panic!("no WebDriver key for {other:?}"),
    };
    special.to_string()
}

impl FxPage {
    fn keys(&self, keys: &[(&str, &str)]) {
        let actions: Vec<Value> = keys
            .iter()
            .map(|(kind, value)| json!({ "type": kind, "value": value }))
            .collect();
        self.bidi.must(
            "input.performActions",
            json!({ "context": self.context,
                    "actions": [{ "type": "key", "id": "keyboard", "actions": actions }] }),
        );
    }
}

impl Driver for FxPage {
    fn set_viewport(&self, width: u32, height: u32) {
        self.bidi.must(
            "browsingContext.setViewport",
            json!({ "context": self.context, "viewport": { "width": width, "height": height } }),
        );
    }

    fn eval_json(&self, js: &str) -> Result<String, String> {
        let r = self.bidi.call(
            "script.evaluate",
            json!({ "expression": format!("JSON.stringify(({js}))"),
                    "target": { "context": self.context }, "awaitPromise": false }),
        )?;
        match r["type"].as_str() {
            Some("success") => Ok(r["result"]["value"].as_str().unwrap_or("null").to_string()),
            _ => Err(r["exceptionDetails"]["text"]
                .as_str()
                .unwrap_or("exception")
                .to_string()),
        }
    }

    fn key(&self, key: &str) -> &Self {
        let k = webdriver_key(key);
        self.keys(&[("keyDown", &k), ("keyUp", &k)]);
        self
    }

    fn shift_key(&self, key: &str) -> &Self {
        let (shift, k) = (webdriver_key("Shift"), webdriver_key(key));
        self.keys(&[
            ("keyDown", &shift),
            ("keyDown", &k),
            ("keyUp", &k),
            ("keyUp", &shift),
        ]);
        self
    }

    /// WebDriver presses keys by their value, and a key's `code` follows from it. A key
    /// whose value is not a key (an IME's "Process") is sent as a DOM event instead.
    fn press_code(&self, key: &str, code: &str, key_code: u32) -> &Self {
        if key != "Process" {
            return self.key(key);
        }
        let js = format!(
            "['keydown', 'keyup'].forEach(t => document.dispatchEvent(new KeyboardEvent(t,
               {{ key: {key:?}, code: {code:?}, keyCode: {key_code}, bubbles: true, cancelable: true }}))), true"
        );
        let _: bool = self.eval(&js);
        self
    }

    fn click(&self, x: f64, y: f64) {
        let (x, y) = (x.round() as i64, y.round() as i64);
        self.bidi.must(
            "input.performActions",
            json!({ "context": self.context, "actions": [{
                "type": "pointer", "id": "mouse", "parameters": { "pointerType": "mouse" },
                "actions": [
                    { "type": "pointerMove", "x": x, "y": y },
                    { "type": "pointerDown", "button": 0 },
                    { "type": "pointerUp", "button": 0 }
                ] }] }),
        );
    }

    fn reload(&self) {
        self.bidi.must(
            "browsingContext.reload",
            json!({ "context": self.context, "wait": "complete" }),
        );
        self.wait_to_load("the page reloads");
    }

    /// Saved as `target/screenshots/firefox-NAME.png`.
    fn screenshot(&self, name: &str) -> PathBuf {
        self.settle();
        let r = self.bidi.must(
            "browsingContext.captureScreenshot",
            json!({ "context": self.context }),
        );
        save(&format!("firefox-{name}.png"), &base64_data(&r))
    }

    fn pdf(&self) -> Vec<u8> {
        let r = self.bidi.must(
            "browsingContext.print",
            json!({ "context": self.context, "background": true, "shrinkToFit": false,
                    "margin": { "top": 0, "bottom": 0, "left": 0, "right": 0 } }),
        );
        base64_data(&r)
    }

    fn errors(&self) -> Vec<String> {
        self.bidi
            .events
            .borrow()
            .iter()
            .filter(|e| e["method"] == "log.entryAdded")
            .map(|e| &e["params"])
            .filter(|p| p["source"]["context"] == self.context.as_str() && p["level"] == "error")
            .map(|p| p["text"].as_str().unwrap_or("?").to_string())
            .collect()
    }

    fn requests(&self) -> Vec<String> {
        self.bidi
            .events
            .borrow()
            .iter()
            .filter(|e| {
                e["method"] == "network.beforeRequestSent"
                    && e["params"]["context"] == self.context.as_str()
            })
            .filter_map(|e| e["params"]["request"]["url"].as_str().map(str::to_owned))
            .collect()
    }
}

fn base64_data(result: &Value) -> Vec<u8> {
    let data = result["data"].as_str().expect("base64 data");
    base64::engine::general_purpose::STANDARD
        .decode(data)
        .expect("valid base64")
}
