//! Writers: a [`Deck`] and a [`Theme`] become the bytes of one output file. Each format
//! is one writer behind the same small interface, so the CLI picks one by the output's
//! extension and nothing upstream knows which.

pub mod html;
pub mod index;
pub mod minify;
#[cfg(feature = "cli")]
pub mod pdf;
pub mod pptx;

use std::fmt;

use crate::aspect::Aspect;
use crate::deck::Deck;
use crate::fonts::FontError;
use crate::theme::Theme;

/// One output format.
pub trait Writer {
    /// The format's name as `--format` takes it (`html`, `pptx`).
    fn name(&self) -> &'static str;
    /// The file's bytes.
    fn write(&self, deck: &Deck, theme: &Theme, aspect: Aspect) -> Result<Vec<u8>, RenderError>;
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
