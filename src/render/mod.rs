//! Writers: a [`Deck`] and a [`Theme`] become the bytes of one output file. Each format
//! is one writer behind the same small interface, listed once in [`writers`]: the CLI
//! (and any other front end) picks one by name or by the output's extension, and nothing
//! upstream knows which. A new output format is its own module plus one entry there.

pub mod html;
pub mod index;
pub mod minify;
pub mod ooxml;
#[cfg(feature = "cli")]
pub mod pdf;
pub mod pptx;

use std::fmt;

use crate::aspect::Aspect;
use crate::deck::Deck;
use crate::fonts::FontError;
use crate::theme::Theme;

/// What turns a deck into a file's bytes.
pub trait Writer: Sync {
    /// The file's bytes.
    fn write(&self, deck: &Deck, theme: &Theme, aspect: Aspect) -> Result<Vec<u8>, RenderError>;
}

/// One output format of the [`writers`] table.
pub struct Output {
    /// Its name, as `--to` takes it.
    pub name: &'static str,
    /// The extensions (lower case) that choose it; the first is the one written.
    pub extensions: &'static [&'static str],
    /// In a sentence, for help texts.
    pub about: &'static str,
    pub writer: &'static dyn Writer,
    /// The writer's bytes are an HTML deck that a browser prints into the file (PDF): the
    /// front end that owns a browser does that last step. The core does no I/O.
    pub printed: bool,
}

static WRITERS: [Output; 3] = [
    Output {
        name: "html",
        extensions: &["html", "htm"],
        about: "one self-contained HTML deck to present offline in a browser",
        writer: &html::Html,
        printed: false,
    },
    Output {
        name: "pptx",
        extensions: &["pptx"],
        about: "an editable PowerPoint/WPS deck",
        writer: &pptx::Pptx,
        printed: false,
    },
    Output {
        name: "pdf",
        extensions: &["pdf"],
        about: "a PDF, the HTML deck printed by Chrome, Edge or Chromium",
        writer: &html::Html,
        printed: true,
    },
];

/// Every output format, HTML (the default) first.
pub fn writers() -> &'static [Output] {
    &WRITERS
}

/// The output format named `name` (`--to`), else the one of `path`'s extension, else
/// HTML. An unknown name is an error that lists the known ones.
pub fn output_for(
    name: Option<&str>,
    path: Option<&std::path::Path>,
) -> Result<&'static Output, UnknownOutput> {
    if let Some(name) = name {
        let lower = name.to_ascii_lowercase();
        return WRITERS
            .iter()
            .find(|o| o.name == lower)
            .ok_or_else(|| UnknownOutput(name.to_string()));
    }
    let ext = path
        .and_then(|p| p.extension())
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase);
    Ok(ext
        .and_then(|e| WRITERS.iter().find(|o| o.extensions.contains(&e.as_str())))
        .unwrap_or(&WRITERS[0]))
}

/// An output format name that is not in the table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnknownOutput(pub String);

impl UnknownOutput {
    /// The known names, for the message: `html, pptx, pdf`.
    pub fn known() -> String {
        let names: Vec<&str> = WRITERS.iter().map(|o| o.name).collect();
        names.join(", ")
    }
}

impl fmt::Display for UnknownOutput {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "unknown output format `{}`: use {}",
            self.0,
            Self::known()
        )
    }
}

/// Why a deck could not be written.
#[derive(Debug)]
pub enum RenderError {
    /// A template of the theme failed.
    Template(minijinja::Error),
    /// The theme's embedded font could not be subset.
    Font { file: String, error: FontError },
    /// Anything else a writer could not do, in a sentence.
    Other(String),
}

impl fmt::Display for RenderError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            RenderError::Template(e) => f.write_str(&crate::theme::errors::template_message(e)),
            RenderError::Font { file, error } => write!(f, "the theme's font `{file}`: {error}"),
            RenderError::Other(e) => f.write_str(e),
        }
    }
}

impl std::error::Error for RenderError {}

impl From<minijinja::Error> for RenderError {
    fn from(e: minijinja::Error) -> Self {
        RenderError::Template(e)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::Path;

    #[test]
    fn an_output_is_chosen_by_name_then_extension_then_html() {
        let by = |n: Option<&str>, p: Option<&str>| output_for(n, p.map(Path::new)).map(|o| o.name);
        assert_eq!(by(None, Some("a/讲稿.PPTX")), Ok("pptx"));
        assert_eq!(by(None, Some("x.pdf")), Ok("pdf"));
        assert_eq!(by(None, Some("x.htm")), Ok("html"));
        assert_eq!(by(None, Some("x")), Ok("html"));
        assert_eq!(by(None, None), Ok("html"));
        assert_eq!(by(Some("PDF"), Some("x.html")), Ok("pdf"), "the name wins");
        assert_eq!(
            by(Some("odp"), None).unwrap_err().to_string(),
            "unknown output format `odp`: use html, pptx, pdf"
        );
    }

    #[test]
    fn names_and_extensions_are_unique() {
        let mut seen = std::collections::HashSet::new();
        for o in writers() {
            assert!(seen.insert(o.name), "{} twice", o.name);
        }
        let mut exts = std::collections::HashSet::new();
        for e in writers().iter().flat_map(|o| o.extensions) {
            assert!(exts.insert(*e), ".{e} twice");
        }
    }
}
