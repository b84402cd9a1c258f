//! The contract between the readers and the assembler: each reader (plain text, Markdown,
//! Word through plain text) turns its input into [`Item`]s in reading order, and
//! [`super::assemble`] builds the lecture from them alone.

use crate::numbering::{block_marker, spaced_heading, Found};
use crate::tree::{Role, Text};

/// What a reader hands over.
#[derive(Debug, Clone)]
pub enum Item {
    /// A paragraph, list item, block or note.
    Text(Text),
    /// A Markdown heading (`#` is 1).
    Heading { level: u8, text: Text },
}

impl Item {
    pub(super) fn text(&self) -> &Text {
        match self {
            Item::Text(t) | Item::Heading { text: t, .. } => t,
        }
    }

    pub(super) fn prose(&self) -> Option<&Text> {
        match self {
            Item::Text(t) if t.role == Role::Prose => Some(t),
            _ => None,
        }
    }

    /// Starts a numbered node (a marked paragraph or a heading below the title).
    pub(super) fn is_heading(&self) -> bool {
        match self {
            Item::Heading { .. } => true,
            Item::Text(t) => t.role == Role::Prose && paragraph_marker(&t.text).is_some(),
        }
    }
}

/// The marker a paragraph or heading starts with: one of the table's, or a numeral and
/// a space before a short heading (`一　中国人民的基本要求`).
pub fn paragraph_marker(s: &str) -> Option<Found> {
    block_marker(s).or_else(|| spaced_heading(s))
}
