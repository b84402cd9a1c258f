//! lectern compiles a lecture into one self-contained HTML slide deck with speaker notes.
//!
//! The pipeline, one module a stage:
//!
//! 1. [`source`]: bytes → text (encoding detection, newline and space normalisation,
//!    the line index for `line:column`).
//! 2. [`numbering`]: recognising markers (一、 （一） 1. （1） ① 第一 一是 一要 首先 …)
//!    and their ordinals.
//! 3. [`parse`]: text → [`tree::Lecture`], the section tree.
//! 4. [`plan`]: lecture → [`plan::Slide`]s: one slide per point, notes, timings.
//! 5. [`render`]: slides + [`theme::Theme`] → HTML, runtime and CSS inlined; themes
//!    come from [`theme`] (with [`images`] and [`fonts`] for what they embed).
//!
//! [`diag`] holds the warnings every stage collects; nothing here prints or touches the
//! file system (the binary in `main.rs` does), so [`compile`] works on bytes in memory.

pub mod diag;
pub mod fonts;
pub mod images;
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
}

/// Everything a build can be told.
#[derive(Debug, Clone)]
pub struct Options {
    pub format: Format,
    pub plan: PlanOptions,
    /// The slide shape; `None` takes the theme's.
    pub aspect: Option<Aspect>,
    pub theme: Theme,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            format: Format::Plain,
            plan: PlanOptions::default(),
            aspect: None,
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
    Theme(ThemeError),
    Template(minijinja::Error),
    /// The theme's embedded font could not be subset.
    Font(String),
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::Source(e) => e.fmt(f),
            Error::Theme(e) => e.fmt(f),
            Error::Template(e) => write!(f, "the theme's template failed: {e:#}"),
            Error::Font(e) => f.write_str(e),
        }
    }
}

impl std::error::Error for Error {}

impl From<SourceError> for Error {
    fn from(e: SourceError) -> Self {
        Error::Source(e)
    }
}

impl From<ThemeError> for Error {
    fn from(e: ThemeError) -> Self {
        Error::Theme(e)
    }
}

/// Reads a lecture: decode, parse, collect warnings.
pub fn parse(bytes: &[u8], format: Format) -> Result<Parsed, Error> {
    let source = Source::decode(bytes)?;
    let mut diags = diag::Diagnostics::new(&source.text, &source.lines);
    let lecture = match format {
        Format::Plain => parse::plain::parse(&source, &mut diags),
    };
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
    let aspect = opts.aspect.unwrap_or(opts.theme.layout.aspect);
    let html = render::render(&info, &slides, &opts.theme, aspect).map_err(|e| match e {
        render::RenderError::Template(e) => Error::Template(e),
        font @ render::RenderError::Font { .. } => Error::Font(font.to_string()),
    })?;
    Ok(Compiled {
        html,
        info,
        slides,
        parsed,
    })
}
