//! `lectern watch LECTURE`: serves the deck on 127.0.0.1 and rebuilds it whenever the
//! lecture, its `deck.toml`, its theme or its pictures change; the open page swaps the
//! changed slides in on the slide it shows (or reloads there, the runtime keeping the place
//! in the URL hash, when more than slides changed). A build that fails
//! shows in the terminal and as an overlay over the last good deck, never a blank page.
//!
//! The deck is served from memory (nothing is written beside the lecture). The page
//! hears of a rebuild by server-sent events, or by polling where those do not work.
//! Folders are watched, not files: editors save by writing a new file and renaming it.

use std::collections::{BTreeSet, VecDeque};
use std::io::Write;
use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::atomic::AtomicUsize;
use std::sync::{Arc, Condvar, Mutex};
use std::time::{Duration, Instant};

use base64::Engine as _;
use notify::{EventKind, RecursiveMode, Watcher as _};
use sha2::{Digest, Sha256};

use super::http::{self, Request, Slot};

mod slides;

use lectern::Severity;

use super::build::{load, report_and_compile, DeckArgs};
use super::lang::t;
use super::{Fail, LectureArgs, Reporter};

#[derive(clap::Args, Debug, Clone)]
pub struct Args {
    #[command(flatten)]
    pub input: LectureArgs,
    #[command(flatten)]
    pub deck: DeckArgs,
    /// The port to serve on [default: a free one].
    #[arg(long)]
    pub port: Option<u16>,
    /// The address to serve on; another than 127.0.0.1 lets other computers see the deck.
    #[arg(long, default_value = "127.0.0.1")]
    pub host: String,
    /// Open the deck in the default browser.
    #[arg(long)]
    pub open: bool,
}

/// What the server knows: the last good deck, and whether the last build failed.
#[derive(Default)]
struct State {
    /// Counts builds, good or bad; the page compares it with its own.
    version: u64,
    deck: Option<Arc<str>>,
    /// Counts the good decks that differed from the one before: the page says which it
    /// shows, and is sent only the slides that changed since.
    deck_version: u64,
    /// The last few good decks by their `deck_version`, the newest last.
    recent: VecDeque<(u64, Arc<str>)>,
    error: Option<String>,
    /// Every file the last build read or looked for.
    files: BTreeSet<PathBuf>,
}

type Shared = Arc<(Mutex<State>, Condvar)>;

pub fn run(args: &Args, reporter: &mut Reporter) -> Result<ExitCode, Fail> {
    let shared: Shared = Arc::default();
    rebuild(args, &shared, reporter);
    let host = args.host.trim_matches(['[', ']']).to_string();
    let addr = format!("{}:{}", args.host, args.port.unwrap_or(0));
    let listener = TcpListener::bind((host.as_str(), args.port.unwrap_or(0))).map_err(|e| {
        let why = if e.kind() == std::io::ErrorKind::AddrInUse {
            t!("choose another --port", "请用 --port 换一个端口")
        } else {
            t!(
                "check --host (an address of this computer, such as 127.0.0.1) and --port",
                "请检查 --host（本机的地址，例如 127.0.0.1）和 --port"
            )
        };
        Fail(t!(
            "cannot serve on {addr}: {e}; {why}",
            "无法在 {addr} 上提供服务：{e}；{why}"
        ))
    })?;
    let bound = listener.local_addr().map_err(|e| Fail(e.to_string()))?;
    let url = if bound.ip().is_unspecified() {
        format!("http://127.0.0.1:{}/", bound.port())
    } else {
        format!("http://{bound}/")
    };
    reporter.note(&t!(
        "serving the deck at {url} (Ctrl+C to stop); it rebuilds when the lecture changes",
        "幻灯片在 {url}（按 Ctrl+C 结束）；讲稿一改就重新生成"
    ));
    if !bound.ip().is_loopback() {
        reporter.warn(&t!(
            "listening on {bound}: every computer that can reach this one on the network can read the deck and its notes; leave out --host to keep it on this computer",
            "正在 {bound} 上提供服务：网络上能连到本机的每台电脑都能看到幻灯片和备注；不加 --host 则只有本机能看"
        ));
    }
    reporter.flush();
    if args.open {
        open_browser(&url, reporter);
    }
    {
        let shared = Arc::clone(&shared);
        let streams = Arc::new(AtomicUsize::new(0));
        std::thread::spawn(move || {
            http::serve(listener, host, move |request| {
                answer(request, &shared, &streams)
            })
        });
    }
    watch(args, &shared, reporter)
}

/// A build's outcome before the pages hear of it.
struct Built {
    /// Every file it read or looked for.
    files: BTreeSet<PathBuf>,
    /// The slide count and the deck, or why there is none.
    deck: Result<(usize, String), String>,
}

/// Builds the deck into the shared state and tells the waiting pages.
fn rebuild(args: &Args, shared: &Shared, reporter: &mut Reporter) {
    let built = build(args, reporter);
    publish(args, shared, built, reporter);
}

fn build(args: &Args, reporter: &mut Reporter) -> Built {
    let mut files = BTreeSet::new();
    let deck = match load(&args.input, &args.deck) {
        Err(Fail(why)) => Err(why),
        Ok(project) => {
            files = project.files.iter().map(|f| absolute(f)).collect();
            report_and_compile(&project, &args.input, reporter)
                .map(|compiled| (compiled.deck.slides.len(), compiled.html))
                .map_err(|Fail(why)| format!("{why}{}", error_lines(&project)))
        }
    };
    Built { files, deck }
}

fn publish(args: &Args, shared: &Shared, built: Built, reporter: &mut Reporter) {
    let (lock, wake) = &**shared;
    let mut state = lock.lock().expect("state");
    if !built.files.is_empty() {
        state.files = built.files;
    }
    match built.deck {
        Ok((slides, html)) => {
            // a save that changed nothing the deck shows (or a second event of one save)
            // does not reload the page
            let new_deck = state.deck.as_deref() != Some(html.as_str());
            if state.error.is_some() || new_deck {
                state.version += 1;
            }
            if new_deck {
                let deck: Arc<str> = html.into();
                state.deck_version += 1;
                let n = state.deck_version;
                state.recent.push_back((n, Arc::clone(&deck)));
                if state.recent.len() > RECENT {
                    state.recent.pop_front();
                }
                state.deck = Some(deck);
            }
            state.error = None;
            reporter.note(&t!(
                "rebuilt: {slides} slides",
                "已重新生成：{slides} 张幻灯片"
            ));
        }
        Err(why) => {
            reporter.error(&why);
            state.version += 1;
            state.error = Some(why);
        }
    }
    // even a first build that failed names the lecture, so its folder gets watched
    if state.files.is_empty() {
        state.files.insert(absolute(&args.input.file));
    }
    reporter.flush();
    wake.notify_all();
}

/// The errors of a lecture that failed, one `line:column message` a line, for the page.
fn error_lines(project: &lectern::project::Project) -> String {
    let zh = super::lang::current() == super::lang::Lang::Zh;
    project
        .parsed
        .diagnostics
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .map(|d| {
            format!(
                "\n{}:{}:{} {}",
                project.path.display(),
                d.line,
                d.column,
                d.words(zh).0
            )
        })
        .collect()
}

/// Watches the folders of the files the last build read and rebuilds on a change to
/// one of them; returns only if watching fails.
fn watch(args: &Args, shared: &Shared, reporter: &mut Reporter) -> Result<ExitCode, Fail> {
    let (tx, rx) = std::sync::mpsc::channel::<Event>();
    let fail = |e: &dyn std::fmt::Display| {
        Fail(t!(
            "cannot watch the lecture's folder: {e}",
            "无法监视讲稿所在的文件夹：{e}"
        ))
    };
    let mut watcher = notify::recommended_watcher(tx).map_err(|e| fail(&e))?;
    let mut watched: BTreeSet<PathBuf> = BTreeSet::new();
    loop {
        let files = shared.0.lock().expect("state").files.clone();
        let folders: BTreeSet<PathBuf> = files
            .iter()
            .filter_map(|f| f.parent().map(Path::to_path_buf))
            .filter(|d| d.is_dir())
            .collect();
        for folder in folders.difference(&watched) {
            watcher
                .watch(folder, RecursiveMode::NonRecursive)
                .map_err(|e| fail(&e))?;
        }
        for folder in watched.difference(&folders) {
            let _ = watcher.unwatch(folder);
        }
        watched = folders;
        let Ok(event) = rx.recv() else {
            return Ok(ExitCode::SUCCESS);
        };
        if changes(&event, &files) {
            // Rebuilt at once, not after a quiet spell: the events of one save that have
            // already arrived (a temporary file, a rename) are one rebuild, and those that
            // arrive during it one more, which changes nothing the page sees unless the
            // deck did. A save caught half-written fails: the editor's next write follows
            // within milliseconds, so an error waits a moment for it before it is shown.
            loop {
                while rx.try_recv().is_ok() {}
                let built = build(args, reporter);
                if built.deck.is_err() && another_change(&rx, &files) {
                    continue;
                }
                publish(args, shared, built, reporter);
                break;
            }
        }
    }
}

type Event = notify::Result<notify::Event>;

/// Whether `event` changed one of `files`. Reading the lecture is an event too (an
/// access, the build's own): only changes count.
fn changes(event: &Event, files: &BTreeSet<PathBuf>) -> bool {
    match event {
        Ok(e) => {
            !matches!(e.kind, EventKind::Access(_))
                && e.paths.iter().any(|p| files.contains(&absolute(p)))
        }
        Err(_) => true,
    }
}

/// Whether one of `files` changes again within [`SETTLE`].
fn another_change(rx: &std::sync::mpsc::Receiver<Event>, files: &BTreeSet<PathBuf>) -> bool {
    let end = Instant::now() + SETTLE;
    while let Some(left) = end.checked_duration_since(Instant::now()) {
        match rx.recv_timeout(left) {
            Ok(event) if changes(&event, files) => return true,
            Ok(_) => {}
            Err(_) => return false,
        }
    }
    false
}

/// How many good decks are kept for pages still showing one of them (a page that missed
/// more is sent the deck whole).
const RECENT: usize = 3;

/// How long a failed build waits for another write of the same save before it is shown.
const SETTLE: Duration = Duration::from_millis(60);

/// `path` made absolute, through its folder's real path (the file may not exist).
fn absolute(path: &Path) -> PathBuf {
    let name = path.file_name().map(PathBuf::from).unwrap_or_default();
    let folder = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    std::fs::canonicalize(&folder).unwrap_or(folder).join(name)
}

/// Answers a request: the deck at `/`, its state and its news for the page's script.
fn answer(request: Request, shared: &Shared, streams: &Arc<AtomicUsize>) {
    match request.path.as_str() {
        "/lectern-watch/events" => match Slot::take(streams, http::MAX_STREAMS) {
            Some(_slot) => events(request, shared),
            None => request.respond("503 Service Unavailable", "text/plain", b"too many pages"),
        },
        "/lectern-watch/state" => {
            let body = state_json(&shared.0.lock().expect("state"));
            request.respond("200 OK", "application/json", body.as_bytes());
        }
        // the deck alone, for the page to swap in: `?from=N`, the slides the page's deck
        // `N` has as placeholders
        "/lectern-watch/deck" => {
            let (deck, old, now) = {
                let state = shared.0.lock().expect("state");
                let from = request
                    .query
                    .strip_prefix("from=")
                    .and_then(|n| n.parse().ok());
                let old = state.recent.iter().find(|(n, _)| Some(*n) == from);
                (
                    state.deck.clone(),
                    old.map(|(_, d)| Arc::clone(d)),
                    state.deck_version,
                )
            };
            match deck {
                Some(deck) => {
                    let body = match &old {
                        Some(old) => slides::changed(old, &deck),
                        None => std::borrow::Cow::Borrowed(&*deck),
                    };
                    let header = format!("X-Lectern-Deck: {now}\r\n");
                    request.respond_with(
                        "200 OK",
                        "text/html; charset=utf-8",
                        &header,
                        body.as_bytes(),
                    );
                }
                None => request.respond("404 Not Found", "text/plain", b"no deck yet"),
            }
        }
        "/" | "/index.html" => {
            let page = page(&shared.0.lock().expect("state"));
            request.respond("200 OK", "text/html; charset=utf-8", page.as_bytes());
        }
        _ => request.respond("404 Not Found", "text/plain", b"not found"),
    }
}

fn state_json(state: &State) -> String {
    serde_json::json!({ "version": state.version, "error": state.error }).to_string()
}

/// A stream of server-sent events: the state now, then at each build; a comment every
/// 15 s keeps proxies from closing it. Ends when the page goes away (or stops reading
/// for [`http::IDLE`]).
fn events(request: Request, shared: &Shared) {
    let mut out = request.stream;
    let head = "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nCache-Control: no-store\r\nConnection: close\r\n\r\n";
    if out.write_all(head.as_bytes()).is_err() {
        return;
    }
    let (lock, wake) = &**shared;
    let mut sent = None;
    loop {
        let line = {
            let mut state = lock.lock().expect("state");
            if sent == Some(state.version) {
                state = wake
                    .wait_timeout(state, Duration::from_secs(15))
                    .expect("state")
                    .0;
            }
            if sent == Some(state.version) {
                ": still here\n\n".to_string()
            } else {
                sent = Some(state.version);
                format!("data: {}\n\n", state_json(&state))
            }
        };
        if out
            .write_all(line.as_bytes())
            .and_then(|()| out.flush())
            .is_err()
        {
            return;
        }
    }
}

/// The last good deck with the reloading script, or a page that says why there is none.
fn page(state: &State) -> String {
    // the lecture's error text last, so that nothing in it is taken for a placeholder
    let script = RELOAD
        .replace(
            "HEADING",
            &script_string(&t!(
                "The deck could not be rebuilt; this is the last good one. Fix the lecture and save:",
                "幻灯片没能重新生成，这里显示的是上一版。请改正讲稿后保存："
            )),
        )
        .replace("DECK_VERSION", &state.deck_version.to_string())
        .replace("VERSION", &state.version.to_string())
        .replace("ERROR", &script_string(&state.error));
    let hash = base64::engine::general_purpose::STANDARD.encode(Sha256::digest(script.as_bytes()));
    let deck = match &state.deck {
        // The deck's policy lets only its own script run and connects nowhere: the page
        // may also run this script and ask this server for news.
        Some(deck) => deck
            .replacen("default-src 'none';", "default-src 'none'; connect-src 'self';", 1)
            .replacen("script-src ", &format!("script-src 'sha256-{hash}' "), 1)
            // an icon of its own, so that Firefox asks for no /favicon.ico (which the
            // policy refuses, an error in the console at every load)
            .replacen("</head>", "<link rel=\"icon\" href=\"data:,\">\n</head>", 1),
        // no good build yet: an empty page for the overlay
        None => format!(
            "<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\">\
<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; connect-src 'self'; style-src 'unsafe-inline'; script-src 'sha256-{hash}'\">\
<title>lectern watch</title></head><body style=\"background:#fffdf8\"></body></html>"
        ),
    };
    let at = deck.rfind("</body>").unwrap_or(deck.len());
    format!("{}<script>{script}</script>{}", &deck[..at], &deck[at..])
}

/// `value` as a JavaScript literal that is safe inside `<script>`: every `<` escaped, so
/// no text in it (`</script>`, `<!--<script>`) can end the script or change how the
/// browser reads it.
fn script_string<T: serde::Serialize + ?Sized>(value: &T) -> String {
    serde_json::to_string(value)
        .expect("a string serialises")
        .replace('<', "\\u003c")
}

/// The page's side, ES2017 like the runtime, with `VERSION`, `DECK_VERSION`, `HEADING` and `ERROR` to fill
/// in (so it has no comments, which the error's text could end). A good build is swapped
/// into the page in place: the slides that changed (notes and all), the styles and the
/// title, staying on the slide shown, with no navigation, so the change shows a frame
/// after it arrives (a reload took 85–180 ms more). What the runtime set up at load from
/// outside the slides (its own script, the deck's size, theme and progress bar, print
/// mode) cannot be swapped: then the page reloads, and the URL's hash keeps the slide. A
/// bad build is an overlay over the deck.
const RELOAD: &str = include_str!("watch.js");

/// Opens `url` in the default browser; a failure is only a note.
fn open_browser(url: &str, reporter: &mut Reporter) {
    let opened = if cfg!(windows) {
        std::process::Command::new("cmd")
            .args(["/C", "start", "", url])
            .status()
    } else if cfg!(target_os = "macos") {
        std::process::Command::new("open").arg(url).status()
    } else {
        std::process::Command::new("xdg-open").arg(url).status()
    };
    if !opened.is_ok_and(|s| s.success()) {
        reporter.note(&t!(
            "could not open a browser: open {url} yourself",
            "没能打开浏览器：请自己打开 {url}"
        ));
    }
}
