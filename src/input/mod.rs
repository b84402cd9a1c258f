//! The input stage: what a lecture brings, before any parsing — its bytes as text
//! through the reader of its format ([`format`]: one table of formats), its format told
//! by content ([`sniff`]), and its pictures read and checked ([`images`]).

pub mod assets;
pub mod docx;
pub mod format;
pub mod images;
pub mod sniff;
pub mod source;
mod svg;

pub use format::{Format, FormatInfo, Read, ReadError, Syntax, FORMATS};
