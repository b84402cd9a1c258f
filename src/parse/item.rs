//! The contract between the readers and the assembler: each reader (plain text, Markdown,
//! Word through plain text) turns its input into [`Item`]s in reading order, and
//! [`super::assemble`] builds the lecture from them alone.

use crate::numbering::{block_marker, chinese_number, spaced_heading, Found, Marker, Style};
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
    block_marker(s)
        .or_else(|| spaced_heading(s))
        .or_else(|| dotted_heading(s))
}

/// A Chinese numeral with a full stop for its 、 (`六．扎实推进新校区建设`, as a Word file
/// numbered by hand writes it): a 一、 marker when a title follows.
fn dotted_heading(s: &str) -> Option<Found> {
    let (ordinal, n) = chinese_number(s)?;
    let stop = s[n..].chars().next().filter(|c| matches!(c, '．' | '.'))?;
    let skip = n + stop.len_utf8();
    let title = s[skip..].trim();
    (ordinal > 0 && !title.is_empty() && !title.starts_with(|c: char| c.is_ascii_digit())).then(
        || Found {
            marker: Marker {
                text: s[..skip].to_string(),
                style: Style::Chapter,
                ordinal,
            },
            lead: 0,
            len: skip,
            skip,
            form: 0,
        },
    )
}
