//! PDF: the HTML deck printed by a Chromium-family browser found on the machine
//! (Chrome, Edge, Chromium; `LECTERN_BROWSER` names one) over the DevTools protocol, in
//! one of the deck's print layouts. The browser runs headless with a fresh profile and
//! no network of its own; the deck is opened from a temporary file.

use std::ffi::OsStr;
use std::fmt;
use std::path::{Path, PathBuf};
use std::time::Duration;

use headless_chrome::types::PrintToPdfOptions;
use headless_chrome::{Browser, LaunchOptions};

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
            PdfError::Io(e) => write!(f, "cannot prepare the deck for printing: {e}"),
        }
    }
}

impl std::error::Error for PdfError {}

/// How a headless Chromium is started here and in the tests: no GPU, and none of the
/// browser's own network traffic (updates, sync, first-run pages).
pub const HEADLESS_FLAGS: &[&str] = &[
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
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

/// Prints `html` (a whole deck) in `layout` with the browser at `browser`.
pub fn print(html: &[u8], layout: Layout, browser: &Path) -> Result<Vec<u8>, PdfError> {
    let work = tempfile::tempdir().map_err(PdfError::Io)?;
    let deck = work.path().join("deck.html");
    std::fs::write(&deck, html).map_err(PdfError::Io)?;
    let profile = work.path().join("profile");
    let fail = |detail: String| PdfError::Browser {
        path: browser.to_path_buf(),
        detail,
    };
    let mut args: Vec<&OsStr> = HEADLESS_FLAGS.iter().map(OsStr::new).collect();
    args.push(OsStr::new("--font-render-hinting=none"));
    let options = LaunchOptions {
        headless: true,
        // Chromium refuses its sandbox to root (containers, CI); users keep it.
        sandbox: !running_as_root(),
        path: Some(browser.to_path_buf()),
        user_data_dir: Some(profile),
        window_size: Some((1280, 720)),
        args,
        idle_browser_timeout: Duration::from_secs(120),
        ..LaunchOptions::default()
    };
    let chrome = Browser::new(options).map_err(|e| fail(format!("it did not start: {e}")))?;
    let tab = chrome.new_tab().map_err(|e| fail(e.to_string()))?;
    tab.set_default_timeout(Duration::from_secs(60));
    let url = format!("{}{}", file_url(&deck), layout.query());
    tab.navigate_to(&url)
        .and_then(|t| t.wait_until_navigated())
        .map_err(|e| fail(format!("the deck did not load: {e}")))?;
    // The print layout is laid out by the deck's script; wait for its fonts as well.
    tab.evaluate("document.fonts.ready.then(() => true)", true)
        .map_err(|e| fail(e.to_string()))?;
    let pdf = tab
        .print_to_pdf(Some(PrintToPdfOptions {
            print_background: Some(true),
            prefer_css_page_size: Some(true),
            display_header_footer: Some(false),
            ..PrintToPdfOptions::default()
        }))
        .map_err(|e| fail(format!("printing failed: {e}")))?;
    drop(tab);
    drop(chrome);
    Ok(pdf)
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
