//! The input stage: what a lecture brings, before any parsing — its bytes as text, its
//! format told by content, and its pictures read and checked.

pub mod assets;
pub mod docx;
pub mod images;
pub mod sniff;
pub mod source;
