//! The subcommands, one file each; they parse nothing themselves (clap did), call the
//! library and print through [`report::Reporter`] (standard error) and [`Out`]
//! (standard output).

pub mod args;
pub mod build;
pub mod check;
pub mod folder;
pub mod lang;
pub mod messages;
pub mod new;
pub mod outline;
pub mod report;
pub mod theme;
pub mod watch;

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use lectern::project::{Overrides, Project};
use lectern::Settings;

pub use report::Reporter;

/// A user error: printed as one line, exit 1.
#[derive(Debug)]
pub struct Fail(pub String);

impl From<lectern::project::LoadError> for Fail {
    fn from(e: lectern::project::LoadError) -> Self {
        Fail(messages::load_error(&e))
    }
}

/// What every subcommand that reads a lecture takes.
#[derive(clap::Args, Debug, Clone)]
pub struct LectureArgs {
    /// The lecture: plain text (.txt, UTF-8, UTF-16 or GB18030), Markdown (.md) or Word (.docx).
    pub file: PathBuf,
    /// Speaking rate in characters a minute, for the slide timings [default: 240].
    #[arg(long, value_parser = clap::value_parser!(u32).range(60..=1000), conflicts_with = "minutes")]
    pub rate: Option<u32>,
    /// Total minutes for the lecture: timings are scaled to fill them.
    #[arg(long, value_parser = clap::value_parser!(u32).range(1..=600))]
    pub minutes: Option<u32>,
    /// Keep half-width punctuation as written instead of making it full-width.
    #[arg(long)]
    pub keep_punctuation: bool,
    /// Treat warnings as errors (exit 1).
    #[arg(long)]
    pub deny_warnings: bool,
    /// Read pictures and theme files from outside the lecture's (or theme's) folder.
    #[arg(long)]
    pub allow_outside: bool,
}

impl LectureArgs {
    /// The flags as overrides of the deck's settings.
    pub fn overrides(&self) -> Overrides {
        Overrides {
            settings: Settings {
                rate: self.rate,
                minutes: self.minutes,
                allow_outside: self.allow_outside.then_some(true),
                keep_punctuation: self.keep_punctuation.then_some(true),
                ..Settings::default()
            },
        }
    }
}

/// Prints the diagnostics of a loaded lecture; says whether they fail the command.
pub fn diagnostics(project: &Project, deny_warnings: bool, reporter: &mut Reporter) -> bool {
    let counts = reporter.diagnostics(&project.path, &project.parsed, project.line_word());
    counts.errors > 0 || (deny_warnings && counts.warnings > 0)
}

/// Exit 1 when `failed`.
pub fn status(failed: bool) -> ExitCode {
    if failed {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

/// Standard output, buffered; a closed pipe (`lectern check … | head`) ends the command
/// quietly instead of panicking.
pub struct Out(std::io::BufWriter<std::io::StdoutLock<'static>>);

impl Out {
    pub fn new() -> Out {
        Out(std::io::BufWriter::new(std::io::stdout().lock()))
    }

    pub fn line(&mut self, text: &str) {
        if writeln!(self.0, "{}", report::printable(text)).is_err() {
            std::process::exit(0);
        }
    }
}

impl Drop for Out {
    fn drop(&mut self) {
        if self.0.flush().is_err() {
            std::process::exit(0);
        }
    }
}

/// Writes `bytes` (a deck) to standard output.
pub fn write_stdout(bytes: &[u8]) -> std::io::Result<()> {
    let mut out = std::io::stdout().lock();
    out.write_all(bytes)?;
    out.flush()
}
