//! The `lectern` command: reads files, calls the library, prints diagnostics, writes the
//! deck atomically. Exit codes: 0 success, 1 a user error, 2 usage.

use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use codespan_reporting::diagnostic::{Diagnostic as Report, Label};
use codespan_reporting::files::SimpleFile;
use codespan_reporting::term::{self, termcolor};

use std::sync::Arc;

use lectern::{Compiled, Diagnostic, Options, Parsed, Settings, Severity, Theme};

mod theme_dir;

/// `println!` that stops quietly when the reader has gone (`lectern check … | head`)
/// instead of panicking on a broken pipe.
macro_rules! out {
    ($($arg:tt)*) => {{
        use std::io::Write as _;
        if writeln!(std::io::stdout(), $($arg)*).is_err() {
            std::process::exit(0);
        }
    }};
}

#[derive(Parser)]
#[command(
    name = "lectern",
    version,
    about = "把讲稿编译成可离线放映的幻灯片 — compile a lecture into an offline HTML slide deck"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(clap::Args)]
struct Input {
    /// The lecture: plain text (.txt, UTF-8, UTF-16 or GB18030), Markdown (.md) or Word (.docx).
    file: PathBuf,
    /// Speaking rate in characters a minute, for the slide timings [default: 240].
    #[arg(long, value_parser = clap::value_parser!(u32).range(60..=1000))]
    rate: Option<u32>,
    /// Total minutes for the lecture: timings are scaled to fill them.
    #[arg(long, value_parser = clap::value_parser!(u32).range(1..=600))]
    minutes: Option<u32>,
    /// Keep half-width punctuation as written instead of making it full-width.
    #[arg(long)]
    keep_punctuation: bool,
    /// Treat warnings as errors (exit 1).
    #[arg(long)]
    deny_warnings: bool,
}

#[derive(Subcommand)]
enum Command {
    /// Build the deck: one self-contained HTML file.
    Build {
        #[command(flatten)]
        input: Input,
        /// Where to write the deck (`-` for standard output). Default: beside the input, as .html.
        #[arg(short, long)]
        output: Option<PathBuf>,
        /// A built-in theme by name (see `lectern themes`) or the path of a theme folder
        /// [default: the deck's setting, else the default theme].
        #[arg(long)]
        theme: Option<String>,
        /// Slide shape, 16:9 or 4:3 [default: the deck's setting, else the theme's].
        #[arg(long)]
        aspect: Option<lectern::Aspect>,
        /// Leave out the outline (目录) slide.
        #[arg(long)]
        no_outline: bool,
        /// Let raw HTML in a Markdown lecture through (scripts still cannot run).
        #[arg(long)]
        allow_html: bool,
    },
    /// Print the outline, the warnings and the speaking time.
    Check {
        #[command(flatten)]
        input: Input,
    },
    /// Print the section tree.
    Outline {
        #[command(flatten)]
        input: Input,
        /// As JSON (the schema is in the README).
        #[arg(long)]
        json: bool,
    },
    /// List the built-in themes.
    Themes,
    /// Make or check a theme folder of your own.
    Theme {
        #[command(subcommand)]
        command: ThemeCommand,
    },
}

#[derive(Subcommand)]
enum ThemeCommand {
    /// Write a theme out as a folder to edit (logo, colours, organisation, fonts).
    New {
        /// The folder to create; it must not exist or be empty.
        dir: PathBuf,
        /// The theme to start from: a built-in name or a theme folder.
        #[arg(long, default_value = lectern::theme::DEFAULT_THEME)]
        from: String,
    },
    /// Check a theme folder: its theme.toml, files, templates and a sample deck.
    Check {
        /// The theme folder.
        dir: PathBuf,
    },
}

/// A user error: printed as one line, exit 1.
pub(crate) struct Fail(pub(crate) String);

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(code) => code,
        Err(Fail(message)) => {
            eprintln!("error: {message}");
            ExitCode::from(1)
        }
    }
}

fn run(cli: Cli) -> Result<ExitCode, Fail> {
    match cli.command {
        Command::Build {
            input,
            output,
            theme,
            aspect,
            no_outline,
            allow_html,
        } => {
            let mut opts = options(&input)?;
            opts.overrides.theme = theme;
            opts.overrides.aspect = aspect;
            opts.overrides.outline = no_outline.then_some(false);
            opts.overrides.allow_html = allow_html.then_some(true);
            let parsed = parse(&input, &opts)?;
            let failed = report(&input.file, &parsed, input.deny_warnings);
            if failed {
                let why = if parsed.has_errors() {
                    "the lecture has errors"
                } else {
                    "warnings are errors (--deny-warnings)"
                };
                return Err(Fail(format!(
                    "{}: {why}; no deck written",
                    input.file.display()
                )));
            }
            let name = parsed
                .settings
                .theme
                .clone()
                .unwrap_or_else(|| lectern::theme::DEFAULT_THEME.into());
            opts.theme = load_theme(&name, Some(&input.file))?;
            let compiled =
                lectern::compile_parsed(parsed, &opts).map_err(|e| fail_at(&input.file, e))?;
            let out = output.unwrap_or_else(|| input.file.with_extension("html"));
            write_deck(&input.file, &out, &compiled)?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Check { input } => {
            let opts = options(&input)?;
            let parsed = parse(&input, &opts)?;
            print_tree(&parsed, line_word(&input.file));
            let failed = report(&input.file, &parsed, input.deny_warnings);
            let plan_opts = lectern::plan_options(&parsed, &opts);
            let deck = lectern::plan::plan(&parsed.lecture, &plan_opts);
            let (secs, slides) = (deck.info.total_seconds, deck.slides);
            out!(
                "\n{} slides, about {} min {:02} s at {} characters a minute",
                slides.len(),
                secs / 60,
                secs % 60,
                plan_opts.rate
            );
            Ok(if failed {
                ExitCode::from(1)
            } else {
                ExitCode::SUCCESS
            })
        }
        Command::Outline { input, json } => {
            let parsed = parse(&input, &options(&input)?)?;
            if json {
                let value = lectern::outline::outline_json(&parsed);
                out!(
                    "{}",
                    serde_json::to_string_pretty(&value).expect("JSON of plain data")
                );
            } else {
                print_tree(&parsed, line_word(&input.file));
            }
            let failed = report(&input.file, &parsed, input.deny_warnings);
            Ok(if failed {
                ExitCode::from(1)
            } else {
                ExitCode::SUCCESS
            })
        }
        Command::Themes => {
            for name in lectern::theme::builtin_names() {
                let theme = Theme::builtin(&name).map_err(|e| Fail(e.to_string()))?;
                out!("{name:<10} {}", theme.description);
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::Theme {
            command: ThemeCommand::New { dir, from },
        } => {
            theme_dir::new(&dir, &load_theme(&from, None)?)?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Theme {
            command: ThemeCommand::Check { dir },
        } => {
            let theme = theme_dir::load_dir(&dir)?;
            theme_dir::check(&dir, &theme)?;
            Ok(ExitCode::SUCCESS)
        }
    }
}

/// A theme by built-in name, or by folder when the name is a path to one (relative to
/// the current folder, else to the lecture's).
fn load_theme(name: &str, lecture: Option<&Path>) -> Result<Theme, Fail> {
    let path = Path::new(name);
    if path.is_dir() || name.contains(['/', '\\']) {
        let beside = lecture
            .and_then(Path::parent)
            .map(|dir| dir.join(path))
            .filter(|p| !path.is_dir() && path.is_relative() && p.is_dir());
        return theme_dir::load_dir(beside.as_deref().unwrap_or(path));
    }
    Theme::builtin(name).map_err(|e| Fail(e.to_string()))
}

/// Options from the command line and the `deck.toml` beside the lecture.
fn options(input: &Input) -> Result<Options, Fail> {
    let mut opts = Options {
        format: lectern::Format::from_path(&input.file),
        ..Options::default()
    };
    opts.plan.keep_punctuation = input.keep_punctuation;
    if let Some(stem) = input.file.file_stem() {
        opts.plan.fallback_title = stem.to_string_lossy().into_owned();
    }
    opts.overrides.rate = input.rate;
    opts.overrides.minutes = input.minutes;
    let dir = lecture_dir(&input.file);
    let deck_toml = dir.join("deck.toml");
    if deck_toml.is_file() {
        let text = String::from_utf8(read(&deck_toml)?)
            .map_err(|_| Fail(format!("{}: is not UTF-8 text", deck_toml.display())))?;
        opts.deck_file = Settings::from_toml(&text).map_err(|e| {
            let lines = lectern::source::LineIndex::new(&text);
            let (line, col) = lines.line_col(&text, e.offset);
            Fail(format!(
                "{}:{line}:{col}: {}",
                deck_toml.display(),
                e.message
            ))
        })?;
    }
    opts.assets = Some(Arc::new(Folder(dir)));
    Ok(opts)
}

fn lecture_dir(file: &Path) -> PathBuf {
    match file.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    }
}

/// Images named in a Markdown lecture, read from the lecture's folder.
struct Folder(PathBuf);

/// Images larger than this are refused before they are read.
const MAX_IMAGE_BYTES: u64 = 32 << 20;

impl lectern::Assets for Folder {
    fn read(&self, path: &str) -> Result<Vec<u8>, String> {
        let full = self.0.join(path);
        let meta = std::fs::metadata(&full).map_err(|_| format!("no file {}", full.display()))?;
        if meta.len() > MAX_IMAGE_BYTES {
            return Err(format!("{} is larger than 32 MB", full.display()));
        }
        std::fs::read(&full).map_err(|e| format!("cannot read {}: {e}", full.display()))
    }
}

fn read(path: &Path) -> Result<Vec<u8>, Fail> {
    if path.is_dir() {
        return Err(Fail(format!(
            "{}: is a folder; give the lecture file",
            path.display()
        )));
    }
    std::fs::read(path).map_err(|e| {
        Fail(match e.kind() {
            std::io::ErrorKind::NotFound => format!("{}: no such file", path.display()),
            _ => format!("{}: cannot read it: {e}", path.display()),
        })
    })
}

fn fail_at(path: &Path, e: lectern::Error) -> Fail {
    Fail(format!("{}: {e}", path.display()))
}

fn parse(input: &Input, opts: &Options) -> Result<Parsed, Fail> {
    let bytes = read(&input.file)?;
    // A Word file under another name is still read as Word, by its content.
    let sniffed;
    let opts = if opts.format != lectern::Format::Docx && lectern::docx::looks_like_word(&bytes) {
        sniffed = Options {
            format: lectern::Format::Docx,
            ..opts.clone()
        };
        &sniffed
    } else {
        opts
    };
    lectern::parse(&bytes, opts).map_err(|e| fail_at(&input.file, e))
}

/// "line" in reports and outlines; in a Word file a line is a paragraph.
fn line_word(path: &Path) -> &'static str {
    match lectern::Format::from_path(path) {
        lectern::Format::Docx => "paragraph",
        _ => "line",
    }
}

/// Writes the deck through a temporary file in the same folder and a rename, so a
/// failed or interrupted build leaves the previous deck as it was.
fn write_deck(input: &Path, out: &Path, compiled: &Compiled) -> Result<(), Fail> {
    if out == Path::new("-") {
        let mut stdout = std::io::stdout().lock();
        return stdout
            .write_all(compiled.html.as_bytes())
            .and_then(|()| stdout.flush())
            .map_err(|e| Fail(format!("cannot write the deck to standard output: {e}")));
    }
    if same_file(input, out) {
        return Err(Fail(format!(
            "{}: the output would overwrite the lecture itself; choose another name with -o",
            out.display()
        )));
    }
    let dir = match out.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    if !dir.is_dir() {
        return Err(Fail(format!(
            "{}: the folder {} does not exist",
            out.display(),
            dir.display()
        )));
    }
    let name = out
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let tmp = dir.join(format!(".{name}.{}.tmp", std::process::id()));
    let result =
        std::fs::write(&tmp, compiled.html.as_bytes()).and_then(|()| std::fs::rename(&tmp, out));
    if let Err(e) = result {
        let _ = std::fs::remove_file(&tmp);
        return Err(Fail(format!(
            "{}: cannot write the deck: {e}",
            out.display()
        )));
    }
    eprintln!(
        "wrote {} ({} slides, {} KB, about {} min)",
        out.display(),
        compiled.deck.slides.len(),
        compiled.html.len().div_ceil(1024),
        compiled.deck.info.total_seconds.div_ceil(60)
    );
    Ok(())
}

fn same_file(a: &Path, b: &Path) -> bool {
    match (a.canonicalize(), b.canonicalize()) {
        (Ok(a), Ok(b)) => a == b,
        _ => false,
    }
}

/// Prints the diagnostics with the source line and a caret under the spot; says whether
/// the build must fail.
fn report(path: &Path, parsed: &Parsed, deny_warnings: bool) -> bool {
    let file = SimpleFile::new(path.display().to_string(), parsed.source.text.as_str());
    let color = if std::io::stderr().is_terminal() {
        termcolor::ColorChoice::Auto
    } else {
        termcolor::ColorChoice::Never
    };
    let mut stderr = termcolor::StandardStream::stderr(color);
    let config = term::Config::default();
    for d in &parsed.diagnostics {
        let _ = term::emit(&mut stderr, &config, &file, &to_report(d));
    }
    let errors = parsed
        .diagnostics
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .count();
    let warnings = parsed.diagnostics.len() - errors;
    if warnings + errors > 0 {
        if line_word(path) == "paragraph" {
            eprintln!("note: in a Word file, line N above is paragraph N (empty paragraphs and table cells count)");
        }
        eprintln!(
            "{}: {errors} error(s), {warnings} warning(s)",
            path.display()
        );
    }
    errors > 0 || (deny_warnings && warnings > 0)
}

fn to_report(d: &Diagnostic) -> Report<()> {
    let report = match d.severity {
        Severity::Warning => Report::warning(),
        Severity::Error => Report::error(),
    };
    let end = d.span.end.max(d.span.start);
    let mut report = report
        .with_message(&d.message)
        .with_labels(vec![Label::primary((), d.span.start..end)]);
    if let Some(help) = &d.help {
        report = report.with_notes(vec![format!("help: {help}")]);
    }
    report
}

/// The outline as an indented tree.
fn print_tree(parsed: &Parsed, unit: &str) {
    let l = &parsed.lecture;
    let m = &l.meta;
    match (&m.kicker, &m.title) {
        (Some(k), Some(t)) => out!("{k}：{t}"),
        (None, Some(t)) => out!("{t}"),
        _ => out!("(no title)"),
    }
    for node in &l.nodes {
        node.walk(&mut |n, depth| {
            let point = if n.inline { " ·" } else { "" };
            out!(
                "{:indent$}{} {}{point}  ({unit} {})",
                "",
                n.marker.text,
                lectern::typography::fullwidth(&n.title),
                n.line,
                indent = 2 * (depth + 1)
            );
        });
    }
}
