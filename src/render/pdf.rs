//! PDF: the HTML deck printed by a Chromium-family browser found on the machine
//! (Chrome, Edge, Chromium; `LECTERN_BROWSER` names one) with its own headless print
//! (`--print-to-pdf`), in one of the deck's print layouts. The browser runs with a fresh
//! profile in a temporary folder and none of its own network traffic; the deck is opened
//! from a temporary file. Its own print is as fast as the browser gets (a DevTools session
//! waited for network quiet, opened a second tab and polled), and it waits for the load
//! event, which the deck's print layout and its fonts (data: URLs, fetched while the runtime
//! lays the pages out) hold back. A browser that exits without a PDF or never finishes is
//! reported at once or after a time limit, never waited for.

use std::fmt;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// Which print layout of the deck goes into the PDF.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Layout {
    /// One slide a page (`?print`).
    #[default]
    Slides,
    /// Slides with their notes, for handing out (`?print=handout`).
    Handout,
    /// The reading script in large type (`?print=script`).
    Script,
}

impl Layout {
    fn query(self) -> &'static str {
        match self {
            Layout::Slides => "?print",
            Layout::Handout => "?print=handout",
            Layout::Script => "?print=script",
        }
    }
}

/// Why no PDF was made.
#[derive(Debug)]
pub enum PdfError {
    /// No Chromium-family browser on this machine.
    NoBrowser,
    /// `LECTERN_BROWSER` names a file that is not there.
    NamedBrowserMissing(PathBuf),
    /// The browser would not start, load the deck or print it.
    Browser {
        path: PathBuf,
        detail: String,
    },
    /// The browser had not printed after this long and was stopped.
    Timeout {
        path: PathBuf,
        after: Duration,
    },
    Io(std::io::Error),
}

impl fmt::Display for PdfError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            PdfError::NoBrowser => f.write_str(
                "no Chrome, Edge or Chromium found to print the PDF: install one, or name it with LECTERN_BROWSER=/path/to/browser",
            ),
            PdfError::NamedBrowserMissing(p) => {
                write!(f, "LECTERN_BROWSER names {}, which does not exist", p.display())
            }
            PdfError::Browser { path, detail } => {
                write!(f, "{} could not print the deck: {detail}", path.display())
            }
            PdfError::Timeout { path, after } => write!(
                f,
                "{} had not printed the deck after {} s and was stopped: check that it is a working Chrome, Edge or Chromium (set LECTERN_PDF_TIMEOUT=seconds to wait longer)",
                path.display(),
                after.as_secs()
            ),
            PdfError::Io(e) => write!(f, "cannot prepare the deck for printing: {e}"),
        }
    }
}

impl std::error::Error for PdfError {}

/// How a headless Chromium is started here and in the tests: no GPU, and none of the
/// browser's own network traffic (updates, sync, first-run pages, crash reports).
pub const HEADLESS_FLAGS: &[&str] = &[
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-breakpad",
    "--disable-extensions",
    "--no-default-browser-check",
    "--no-first-run",
];

/// Where the usual Chromium-family browsers live, after the names on `PATH`.
const NAMES: &[&str] = &[
    "chromium",
    "chromium-browser",
    "google-chrome",
    "google-chrome-stable",
    "microsoft-edge",
    "microsoft-edge-stable",
    "msedge",
    "chrome",
];
const PLACES: &[&str] = &[
    r"C:\Program Files\Google\Chrome\Application\chrome.exe",
    r"C:\Program Files (x86)\Google\Chrome\Application\chrome.exe",
    r"C:\Program Files (x86)\Microsoft\Edge\Application\msedge.exe",
    r"C:\Program Files\Microsoft\Edge\Application\msedge.exe",
    "/Applications/Google Chrome.app/Contents/MacOS/Google Chrome",
    "/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge",
    "/Applications/Chromium.app/Contents/MacOS/Chromium",
];

/// The browser to print with: `LECTERN_BROWSER`, else the first of the usual names on
/// `PATH`, else the usual install places.
pub fn find_browser() -> Result<PathBuf, PdfError> {
    if let Some(named) = std::env::var_os("LECTERN_BROWSER").filter(|v| !v.is_empty()) {
        let named = PathBuf::from(named);
        return match on_path(&named).or_else(|| named.is_file().then(|| named.clone())) {
            Some(p) => Ok(p),
            None => Err(PdfError::NamedBrowserMissing(named)),
        };
    }
    NAMES
        .iter()
        .find_map(|n| on_path(Path::new(n)))
        .or_else(|| PLACES.iter().map(PathBuf::from).find(|p| p.is_file()))
        .ok_or(PdfError::NoBrowser)
}

/// `name` found in a folder of `PATH` (a bare name only).
fn on_path(name: &Path) -> Option<PathBuf> {
    if name.components().count() != 1 {
        return None;
    }
    let exts: &[&str] = if cfg!(windows) { &[".exe", ""] } else { &[""] };
    std::env::split_paths(&std::env::var_os("PATH")?).find_map(|dir| {
        exts.iter().find_map(|ext| {
            let mut file = name.as_os_str().to_owned();
            file.push(ext);
            let p = dir.join(file);
            p.is_file().then_some(p)
        })
    })
}

/// How long a browser may take to print a deck of `bytes` bytes: a minute, and forty
/// seconds more a megabyte — a 1,400-slide deck of 2 MB prints in 28 s on a quiet 2-core
/// machine and took up to 102 s beside two builds, so 140 s; a browser that hangs is
/// still stopped. `LECTERN_PDF_TIMEOUT` (seconds) overrides it.
fn time_limit(bytes: usize) -> Duration {
    std::env::var("LECTERN_PDF_TIMEOUT")
        .ok()
        .and_then(|v| v.trim().parse::<f64>().ok())
        .filter(|s| s.is_finite() && *s > 0.0)
        .map(Duration::from_secs_f64)
        .unwrap_or_else(|| Duration::from_secs(60 + 40 * (bytes as u64 >> 20)))
}

/// Prints `html` (a whole deck) in `layout` with the browser at `browser`.
pub fn print(html: &[u8], layout: Layout, browser: &Path) -> Result<Vec<u8>, PdfError> {
    let work = tempfile::tempdir().map_err(PdfError::Io)?;
    let deck = work.path().join("deck.html");
    std::fs::write(&deck, html).map_err(PdfError::Io)?;
    let pdf = work.path().join("deck.pdf");
    let log = work.path().join("browser.log");
    let fail = |detail: String| PdfError::Browser {
        path: browser.to_path_buf(),
        detail,
    };
    let mut command = Command::new(browser);
    command
        .arg("--headless")
        .args(HEADLESS_FLAGS)
        .args([
            "--hide-scrollbars",
            "--mute-audio",
            "--window-size=1280,720",
            "--font-render-hinting=none",
            // the PDF is the deck's pages alone (older Chrome spelt it the second way)
            "--no-pdf-header-footer",
            "--print-to-pdf-no-header",
        ])
        .arg(flag("--user-data-dir=", &work.path().join("profile")))
        .arg(flag("--print-to-pdf=", &pdf));
    // Chromium refuses its sandbox to root (containers, CI); users keep it.
    if running_as_root() {
        command.arg("--no-sandbox");
    }
    command
        .arg(format!("{}{}", file_url(&deck), layout.query()))
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(std::fs::File::create(&log).map_err(PdfError::Io)?);
    let mut child = command
        .spawn()
        .map_err(|e| fail(format!("it did not start: {e}")))?;
    let limit = time_limit(html.len());
    let started = Instant::now();
    let status = loop {
        match child.try_wait() {
            Ok(Some(status)) => break status,
            Ok(None) if started.elapsed() >= limit => {
                // (the browser's own helpers end with it: they lose their parent's pipe)
                let _ = child.kill();
                let _ = child.wait();
                return Err(PdfError::Timeout {
                    path: browser.to_path_buf(),
                    after: limit,
                });
            }
            Ok(None) => std::thread::sleep(Duration::from_millis(5)),
            Err(e) => return Err(fail(e.to_string())),
        }
    };
    match std::fs::read(&pdf) {
        Ok(bytes) if bytes.starts_with(b"%PDF-") => Ok(bytes),
        _ => {
            let said = std::fs::read_to_string(&log).unwrap_or_default();
            let last = said
                .lines()
                .rev()
                .map(str::trim)
                .find(|l| !l.is_empty())
                .map(|l| format!(": {l}"))
                .unwrap_or_default();
            Err(fail(format!(
                "it ended ({status}) after {:.1} s without writing a PDF{last}",
                started.elapsed().as_secs_f64()
            )))
        }
    }
}

/// `--name=` followed by a path, as one argument.
fn flag(name: &str, path: &Path) -> std::ffi::OsString {
    let mut arg = std::ffi::OsString::from(name);
    arg.push(path);
    arg
}

fn file_url(path: &Path) -> String {
    let path = path.to_string_lossy().replace('\\', "/");
    let mut url = String::from(if path.starts_with('/') {
        "file://"
    } else {
        "file:///"
    });
    for b in path.bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'/' | b'-' | b'_' | b'.' | b'~' | b':' => {
                url.push(b as char)
            }
            _ => url.push_str(&format!("%{b:02X}")),
        }
    }
    url
}

#[cfg(unix)]
fn running_as_root() -> bool {
    // geteuid() would need `unsafe`, which the crate forbids; Linux's /proc says it too
    // (elsewhere the answer is "no", and the sandbox stays on).
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find_map(|l| l.strip_prefix("Uid:"))
                .and_then(|ids| ids.split_whitespace().nth(1).map(|e| e == "0"))
        })
        .unwrap_or(false)
}

#[cfg(not(unix))]
fn running_as_root() -> bool {
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_urls_escape_what_a_url_cannot_hold() {
        assert_eq!(
            file_url(Path::new("/tmp/讲稿 1/deck.html")),
            "file:///tmp/%E8%AE%B2%E7%A8%BF%201/deck.html"
        );
    }
}
