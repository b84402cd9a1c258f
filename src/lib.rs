//! lectern compiles a lecture into one self-contained HTML slide deck with speaker notes.
//!
//! The pipeline, one module a stage:
//!
//! 1. [`source`]: bytes → text (encoding detection, newline and space normalisation,
//!    the line index for `line:column`); [`docx`] turns a Word file into that text,
//!    one line per paragraph, automatic numbers written out.
//! 2. [`numbering`]: recognising markers (一、 （一） 1. （1） ① 第一 一是 一要 首先 …)
//!    and their ordinals.
//! 3. [`parse`]: text → [`tree::Lecture`], the section tree.
//! 4. [`plan`]: lecture → [`plan::Slide`]s: one slide per point, notes, timings.
//! 5. [`render`]: slides + [`theme::Theme`] → HTML, runtime and CSS inlined.
//!
//! [`diag`] holds the warnings every stage collects; nothing here prints or touches the
//! file system (the binary in `main.rs` does), so [`compile`] works on bytes in memory.

pub mod diag;
pub mod docx;
pub mod numbering;
pub mod parse;
pub mod plan;
pub mod render;
pub mod source;
pub mod theme;
pub mod tree;
pub mod typography;

use std::fmt;

pub use diag::{Diagnostic, Severity};
pub use plan::{DeckInfo, Kind, PlanOptions, Slide};
pub use render::Aspect;
pub use source::{Source, SourceError};
pub use theme::{Theme, ThemeError};
pub use tree::Lecture;

/// The input formats lectern reads.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Format {
    #[default]
    Plain,
    /// A Word .docx: read into plain lecture text (one line a paragraph), then parsed
    /// as plain text.
    Docx,
}

/// Everything a build can be told.
#[derive(Debug, Clone)]
pub struct Options {
    pub format: Format,
    pub plan: PlanOptions,
    pub aspect: Aspect,
    pub theme: Theme,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            format: Format::Plain,
            plan: PlanOptions::default(),
            aspect: Aspect::default(),
            theme: Theme::default_theme(),
        }
    }
}

/// A lecture read and checked, before planning.
#[derive(Debug, Clone)]
pub struct Parsed {
    pub source: Source,
    pub lecture: Lecture,
    pub diagnostics: Vec<Diagnostic>,
}

/// A finished deck.
#[derive(Debug, Clone)]
pub struct Compiled {
    pub html: String,
    pub info: DeckInfo,
    pub slides: Vec<Slide>,
    pub parsed: Parsed,
}

impl Compiled {
    pub fn diagnostics(&self) -> &[Diagnostic] {
        &self.parsed.diagnostics
    }
}

/// Why a build failed.
#[derive(Debug)]
pub enum Error {
    Source(SourceError),
    Docx(docx::DocxError),
    Theme(ThemeError),
    Template(minijinja::Error),
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::Source(e) => e.fmt(f),
            Error::Docx(e) => e.fmt(f),
            Error::Theme(e) => e.fmt(f),
            Error::Template(e) => write!(f, "the theme's template failed: {e:#}"),
        }
    }
}

impl std::error::Error for Error {}

impl From<SourceError> for Error {
    fn from(e: SourceError) -> Self {
        Error::Source(e)
    }
}

impl From<docx::DocxError> for Error {
    fn from(e: docx::DocxError) -> Self {
        Error::Docx(e)
    }
}

impl From<ThemeError> for Error {
    fn from(e: ThemeError) -> Self {
        Error::Theme(e)
    }
}

/// Reads a lecture: decode, parse, collect warnings.
pub fn parse(bytes: &[u8], format: Format) -> Result<Parsed, Error> {
    let (source, notes) = match format {
        Format::Plain => (Source::decode(bytes)?, Vec::new()),
        Format::Docx => {
            let converted = docx::convert(bytes)?;
            (Source::from_str(&converted.text)?, converted.notes)
        }
    };
    let mut diags = diag::Diagnostics::new(&source.text, &source.lines);
    for note in notes {
        let at = source.lines.line_start(note.paragraph);
        diags.warn(tree::Span::new(at, at), note.message, note.help);
    }
    let lecture = parse::plain::parse(&source, &mut diags);
    let diagnostics = diags.finish();
    Ok(Parsed {
        source,
        lecture,
        diagnostics,
    })
}

/// Compiles a lecture held in memory into a deck.
pub fn compile(bytes: &[u8], opts: &Options) -> Result<Compiled, Error> {
    let parsed = parse(bytes, opts.format)?;
    let mut plan_opts = opts.plan.clone();
    plan_opts.closing_text.clone_from(&opts.theme.closing_text);
    let (info, slides) = plan::plan(&parsed.lecture, &plan_opts);
    let html = render::render(&info, &slides, &opts.theme, opts.aspect).map_err(Error::Template)?;
    Ok(Compiled {
        html,
        info,
        slides,
        parsed,
    })
}
