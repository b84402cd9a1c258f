//! Finding a marker at the start of a string, by the family table.

use super::families::{Placement, FAMILIES};
use super::numeral::chinese_number;
use super::{Marker, Style};

/// Ordinals above this are numbers in the text (年份, 123.), not markers.
const MAX_ORDINAL: u32 = 99;

/// A marker found at the start of a string, and how many bytes it and the separator
/// after it take.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found {
    pub marker: Marker,
    /// Bytes of the marker itself.
    pub len: usize,
    /// Bytes of the marker plus the separator (comma, space) that follows it.
    pub skip: usize,
}

impl Found {
    /// The marker of `len` bytes at the start of `s`, with the separator after it.
    fn at(s: &str, style: Style, ordinal: u32, len: usize) -> Found {
        Found {
            marker: Marker {
                text: s[..len].to_string(),
                style,
                ordinal,
            },
            len,
            skip: len + separator_len(&s[len..]),
        }
    }
}

/// Reads a paragraph marker (一、 （一） 1. （1） ①) at the start of `s`.
pub fn block_marker(s: &str) -> Option<Found> {
    find(s, |p| matches!(p, Placement::Paragraph(_)))
}

/// A heading numbered with a Chinese numeral and a space, no 、 (`一　中国人民的基本
///要求`, `一 重工业和轻工业、农业的关系`: classic texts as the web sets them): a 一、
/// marker when the line is a short heading, no sentence in it — `一 个人` in a
/// sentence is none.
pub fn spaced_heading(s: &str) -> Option<Found> {
    let (ordinal, n) = chinese_number(s)?;
    let rest = &s[n..];
    let title = rest.trim_start_matches([' ', '\u{3000}']);
    let heading = ordinal > 0
        && title.len() < rest.len()
        && !title.trim().is_empty()
        && title.chars().count() <= 30
        && !title.contains(['。', '，', ',', '；', ';', '！', '!', '：', ':']);
    heading.then(|| Found {
        marker: Marker {
            text: s[..n].to_string(),
            style: Style::Chapter,
            ordinal,
        },
        len: n,
        skip: s.len() - title.len(),
    })
}

/// Reads an inline marker (第一， 一是 一要 首先 一方面) at the start of `s`. Whether it
/// is a point depends on its neighbours; look-alikes such as 第一生产力 or 一号工程 are
/// never returned.
pub fn inline_marker(s: &str) -> Option<Found> {
    find(s, |p| p == Placement::Inline)
}

fn find(s: &str, placed: impl Fn(Placement) -> bool) -> Option<Found> {
    for family in FAMILIES.iter().filter(|f| placed(f.placement)) {
        for form in family.forms {
            let Some((ordinal, len)) = form.read(s) else {
                continue;
            };
            if ordinal > MAX_ORDINAL || (ordinal == 0 && !family.style.closes_run(0)) {
                continue;
            }
            let found = Found::at(s, family.style, ordinal, len);
            if family.needs_separator && found.skip == len {
                continue;
            }
            return Some(found);
        }
    }
    None
}

/// Bytes of the separator after a marker: one comma or colon, then spaces.
fn separator_len(s: &str) -> usize {
    let mut n = 0;
    for c in s.chars() {
        match c {
            '，' | ',' | '、' | '：' | ':' if n == 0 => n += c.len_utf8(),
            ' ' | '\u{3000}' => n += c.len_utf8(),
            _ => break,
        }
    }
    n
}
