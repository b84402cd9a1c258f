//! lectern compiles a lecture into a slide deck with speaker notes: one self-contained
//! HTML file (and, from the same deck model, other formats).
//!
//! The pipeline, one folder a stage (`src/` lists them in order):
//!
//! 1. [`input`]: what a lecture brings — bytes → text ([`input::source`]: encoding
//!    detection, newline and space normalisation, the line index for `line:column`),
//!    the format by content ([`input::sniff`]), pictures ([`input::images`]), and
//!    [`input::docx`], which turns a Word file into lecture text (one line per
//!    paragraph, automatic numbers written out).
//! 2. [`parse`]: text → [`tree::Lecture`], the section tree. The markers (一、
//!    （一） 1. （1） ① 第一 一是 一要 首先 …) and their ordinals are one table,
//!    [`numbering`], which every reader shares.
//! 3. [`plan`]: lecture → [`deck::Deck`], format-neutral slides (runs and blocks, no
//!    markup): one slide per point, notes, timings, key sentences.
//! 4. [`render`]: deck + [`theme::Theme`] → a file, one writer a format
//!    ([`render::html`] with the runtime and CSS inlined, [`render::pptx`],
//!    [`render::pdf`] through a browser); themes come from [`theme`] (with [`fonts`] for
//!    the glyphs they embed).
//!
//! Beside them: [`project`] loads a lecture from disk (its settings, theme folder and
//! pictures, and the list of files a build read) and writes outputs atomically.
//! Leaf types every stage shares: [`span::Span`], [`aspect::Aspect`],
//! [`settings`], [`diag`].
//!
//! [`diag`] holds the warnings every stage collects; nothing here prints, and [`compile`]
//! works on bytes in memory (only [`project`] touches the file system).

/// The unit tests count allocations as the binary does (see [`limits::budget`]).
#[cfg(test)]
#[global_allocator]
static COUNTING: limits::budget::Counting = limits::budget::Counting;

pub mod aspect;
pub mod deck;
pub mod diag;
pub mod fonts;
pub mod input;
pub mod limits;
pub mod markup;
pub mod numbering;
pub mod outline;
pub mod parse;
pub mod plan;
#[cfg(feature = "cli")]
pub mod project;
pub mod render;
pub mod scan;
pub mod settings;
pub mod span;
pub mod theme;
pub mod tree;
pub mod words;

use std::fmt;
use std::sync::Arc;

pub use aspect::Aspect;
pub use deck::{Deck, DeckInfo, Kind, Slide};
pub use diag::{Code, Diagnostic, Severity};
pub use input::assets::Assets;
pub use input::source::{Source, SourceError, Span};
pub use input::Format;
pub use plan::PlanOptions;
pub use settings::Settings;
pub use theme::{Theme, ThemeError};
pub use tree::Lecture;

/// Everything a build can be told.
#[derive(Clone)]
pub struct Options {
    pub format: Format,
    pub plan: PlanOptions,
    /// The slide shape; `None` takes the theme's.
    pub aspect: Option<Aspect>,
    pub theme: Theme,
    /// Settings from a `deck.toml` beside the lecture: the front matter overrides them.
    pub deck_file: Settings,
    /// Settings from the command line: they override the front matter.
    pub overrides: Settings,
    /// Where Markdown images come from.
    pub assets: Option<Arc<dyn Assets + Send + Sync>>,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            format: Format::Plain,
            plan: PlanOptions::default(),
            aspect: None,
            theme: Theme::default_theme(),
            deck_file: Settings::default(),
            overrides: Settings::default(),
            assets: None,
        }
    }
}

/// A lecture read and checked, before planning.
#[derive(Debug, Clone)]
pub struct Parsed {
    pub source: Source,
    pub lecture: Lecture,
    pub diagnostics: Vec<Diagnostic>,
    /// The deck settings in force: `deck.toml`, then front matter, then command line.
    pub settings: Settings,
}

impl Parsed {
    pub fn has_errors(&self) -> bool {
        self.diagnostics
            .iter()
            .any(|d| d.severity == Severity::Error)
    }
}

/// A finished deck: the model and the HTML file made of it.
#[derive(Debug, Clone)]
pub struct Compiled {
    pub html: String,
    pub deck: Deck,
    /// The slide shape the deck was made for.
    pub aspect: Aspect,
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
    Docx(input::docx::DocxError),
    Theme(ThemeError),
    Template(minijinja::Error),
    /// A writer could not make its file.
    Write(String),
    /// The lecture has errors (its diagnostics say which); nothing was rendered.
    Rejected(Box<Parsed>),
    /// The theme's embedded font could not be subset.
    Font(String),
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::Source(e) => e.fmt(f),
            Error::Docx(e) => e.fmt(f),
            Error::Theme(e) => e.fmt(f),
            Error::Template(e) => f.write_str(&theme::errors::template_message(e)),
            Error::Rejected(p) => {
                let n = p
                    .diagnostics
                    .iter()
                    .filter(|d| d.severity == Severity::Error)
                    .count();
                write!(f, "the lecture has {n} error(s); no deck was made")
            }
            Error::Font(e) | Error::Write(e) => f.write_str(e),
        }
    }
}

impl Error {
    /// The same sentence in Chinese.
    pub fn zh(&self) -> String {
        match self {
            Error::Source(e) => e.zh(),
            Error::Docx(d) => d.zh(),
            Error::Theme(e) => e.zh(),
            Error::Rejected(p) => {
                let n = p
                    .diagnostics
                    .iter()
                    .filter(|d| d.severity == Severity::Error)
                    .count();
                format!("讲稿有 {n} 处错误，没有生成幻灯片")
            }
            Error::Template(e) => format!("主题的模板出错：{e:#}"),
            other => other.to_string(),
        }
    }
}

impl std::error::Error for Error {}

impl From<SourceError> for Error {
    fn from(e: SourceError) -> Self {
        Error::Source(e)
    }
}

impl From<input::ReadError> for Error {
    fn from(e: input::ReadError) -> Self {
        match e {
            input::ReadError::Source(e) => Error::Source(e),
            input::ReadError::Docx(e) => Error::Docx(e),
        }
    }
}

impl From<input::docx::DocxError> for Error {
    fn from(e: input::docx::DocxError) -> Self {
        Error::Docx(e)
    }
}

impl From<render::RenderError> for Error {
    fn from(e: render::RenderError) -> Self {
        match e {
            render::RenderError::Template(e) => Error::Template(e),
            font @ render::RenderError::Font { .. } => Error::Font(font.to_string()),
            render::RenderError::Other(e) => Error::Write(e),
        }
    }
}

impl From<ThemeError> for Error {
    fn from(e: ThemeError) -> Self {
        Error::Theme(e)
    }
}

/// Reads a lecture: decode, front matter, parse, collect warnings.
pub fn parse(bytes: &[u8], opts: &Options) -> Result<Parsed, Error> {
    let input::Read {
        source,
        notes,
        pictures,
    } = opts.format.read(bytes)?;
    let mut diags = diag::Diagnostics::new(&source.text, &source.lines);
    for note in notes {
        let at = source.lines.line_start(note.paragraph);
        let args: Vec<&str> = note.args.iter().map(String::as_str).collect();
        diags.emit(note.code, Span::new(at, at), &args);
    }
    // Each distinct picture is decoded once per build, within the deck's budgets.
    let cache = input::images::Cache::new();
    let blocks = docx_pictures(pictures, &source, &cache, &mut diags);
    let mut text = std::borrow::Cow::Borrowed(source.text.as_str());
    let mut front = Settings::default();
    if let Some(at) = settings::unclosed_front_matter(&source.text) {
        diags.emit(Code::FrontMatterUnclosed, Span::new(at, at + 3), &[]);
    }
    if let Some(fm) = settings::front_matter(&source.text) {
        match fm.settings {
            Ok(s) => front = s,
            Err(e) => {
                diags.emit(
                    Code::FrontMatterInvalid,
                    Span::new(e.offset, e.offset),
                    &[&e.message],
                );
            }
        }
        // The parsers see blank lines where the front matter was: offsets stay true.
        let mut blanked = source.text.clone().into_bytes();
        for b in &mut blanked[fm.start..fm.end] {
            if *b != b'\n' {
                *b = b' ';
            }
        }
        text = std::borrow::Cow::Owned(String::from_utf8(blanked).expect("ASCII spaces"));
    }
    let settings = opts.deck_file.clone().over(&front).over(&opts.overrides);
    let mut lecture = match opts.format.info().syntax {
        input::Syntax::Lines => parse::plain::parse_with_blocks(&text, blocks, &mut diags),
        input::Syntax::Markdown => {
            let ctx = parse::markdown::MarkdownContext {
                allow_html: settings.allow_html.unwrap_or(false),
                allow_outside: settings.allow_outside.unwrap_or(false),
                assets: opts.assets.as_deref().map(|a| a as &dyn Assets),
                pictures: &cache,
            };
            parse::markdown::parse(&text, &source.lines, &ctx, &mut diags)
        }
    };
    // A reprint or source notice is kept as the deck's metadata, never shown; say once
    // where it is, since it means the text came from a web page.
    if let Some(note) = lecture.source_note.first() {
        diags.emit(Code::CopiedFromWeb, note.span, &[]);
    }
    let meta = &mut lecture.meta;
    for (slot, value) in [
        (&mut meta.title, &settings.title),
        (&mut meta.kicker, &settings.kicker),
        (&mut meta.speaker, &settings.speaker),
        (&mut meta.organisation, &settings.organisation),
        (&mut meta.date, &settings.date),
    ] {
        if value.is_some() {
            slot.clone_from(value);
        }
    }
    let refused = diags.any(Code::TooManyPoints);
    if let Some(span) = past_point_limit(&lecture).filter(|_| !refused) {
        let limit = limits::MAX_POINTS.to_string();
        diags.emit(Code::TooManyPoints, span, &[&limit]);
    }
    let diagnostics = diags.finish();
    Ok(Parsed {
        source,
        lecture,
        diagnostics,
        settings,
    })
}

/// Where the lecture passes [`limits::MAX_POINTS`] headings and points, if it does.
fn past_point_limit(lecture: &Lecture) -> Option<Span> {
    let mut stack: Vec<&tree::Node> = lecture.nodes.iter().chain(&lecture.ending).collect();
    let mut count = 0;
    while let Some(node) = stack.pop() {
        count += 1;
        if count > limits::MAX_POINTS {
            return Some(Span::new(node.span.start, node.span.start));
        }
        stack.extend(&node.children);
    }
    None
}

/// A Word file's pictures as slide blocks, through the image pipeline like Markdown's.
/// One that cannot be used is a warning on its paragraph and is left out (its alt text
/// stays in the paragraph).
fn docx_pictures(
    pictures: Vec<input::docx::Picture>,
    source: &Source,
    cache: &input::images::Cache,
    diags: &mut diag::Diagnostics,
) -> Vec<tree::Text> {
    let mut blocks = Vec::new();
    for pic in pictures {
        let at = source.lines.line_start(pic.paragraph);
        let span = Span::new(at, at);
        match cache.picture(&pic.bytes, &pic.name, &pic.alt) {
            Ok(picture) => blocks.push(tree::Text {
                // The alt text is read in its paragraph already.
                text: String::new(),
                span,
                new_para: true,
                line: pic.paragraph,
                role: tree::Role::Block,
                rich: Some(tree::Rich::Block(deck::Block::Image(picture))),
            }),
            Err(e) => {
                diags.emit(Code::PictureLeftOut, span, &[&e.to_string()]);
            }
        }
    }
    blocks
}

/// Compiles a lecture held in memory into a deck.
///
/// A deck whose settings (`deck_file` or front matter) name a built-in theme gets that
/// theme instead of `opts.theme`, as `lectern build` does, unless `opts.overrides` names
/// one; a theme folder needs the file system and is [`project::Project`]'s to load.
pub fn compile(bytes: &[u8], opts: &Options) -> Result<Compiled, Error> {
    let parsed = parse(bytes, opts)?;
    let named = parsed.settings.theme.as_deref().filter(|name| {
        opts.overrides.theme.is_none()
            && *name != opts.theme.name
            && theme::builtin_names().iter().any(|b| b == name)
    });
    match named {
        Some(name) => {
            let opts = Options {
                theme: Theme::builtin(name)?,
                ..opts.clone()
            };
            compile_parsed(parsed, &opts)
        }
        None => compile_parsed(parsed, opts),
    }
}

/// Plans and renders a lecture already parsed (the CLI reads the settings in between,
/// to pick the theme) into the HTML deck.
pub fn compile_parsed(parsed: Parsed, opts: &Options) -> Result<Compiled, Error> {
    let Planned {
        deck,
        aspect,
        parsed,
    } = plan_parsed(parsed, opts)?;
    let html = render::html::render(&deck, &opts.theme, aspect)?;
    Ok(Compiled {
        html,
        deck,
        aspect,
        parsed,
    })
}

/// A lecture made into slides, before any writer: what every output is written from.
#[derive(Debug, Clone)]
pub struct Planned {
    pub deck: Deck,
    /// The slide shape the deck was made for.
    pub aspect: Aspect,
    pub parsed: Parsed,
}

impl Planned {
    /// The bytes of `output` (one of [`render::writers`]); for a printed output, the
    /// deck its front end prints.
    pub fn write(&self, output: &render::Output, theme: &Theme) -> Result<Vec<u8>, Error> {
        Ok(output.writer.write(&self.deck, theme, self.aspect)?)
    }
}

/// Plans a lecture already parsed: a lecture with errors is refused.
pub fn plan_parsed(parsed: Parsed, opts: &Options) -> Result<Planned, Error> {
    if parsed.has_errors() {
        return Err(Error::Rejected(Box::new(parsed)));
    }
    let plan_opts = plan_options(&parsed, opts);
    let deck = plan::plan(&parsed.lecture, &plan_opts);
    let aspect = plan_opts.aspect;
    Ok(Planned {
        deck,
        aspect,
        parsed,
    })
}

/// The planner's options with the deck settings applied; `minutes` sets the rate that
/// fills them.
pub fn plan_options(parsed: &Parsed, opts: &Options) -> PlanOptions {
    let s = &parsed.settings;
    let mut p = opts.plan.clone();
    p.closing_text = s
        .closing
        .clone()
        .unwrap_or_else(|| opts.theme.closing_text.clone());
    p.rate = s.rate.unwrap_or(p.rate);
    p.outline = s.outline.unwrap_or(p.outline);
    p.content = s.content.unwrap_or(p.content);
    p.keep_punctuation = s.keep_punctuation.unwrap_or(p.keep_punctuation);
    p.aspect = s.aspect.or(opts.aspect).unwrap_or(opts.theme.layout.aspect);
    if let Some(minutes) = s.minutes {
        let deck = plan::plan(&parsed.lecture, &p);
        let chars: u64 = deck
            .slides
            .iter()
            .flat_map(|s| s.notes_text())
            .map(|n| plan::pacing::spoken_chars(&n) as u64)
            .sum();
        p.rate = (chars.div_ceil(minutes as u64) as u32).max(1);
        p.total_seconds = Some(minutes * 60);
    }
    p
}
