//! Finding a marker at the start of a string, by the family table.

use std::sync::OnceLock;

use super::families::{Family, Form, Placement, FAMILIES};
use super::numeral::chinese_number;
use super::{Marker, Style};

/// Ordinals above this are numbers in the text (年份, 123.), not markers.
const MAX_ORDINAL: u32 = 99;

/// A marker found at the start of a string, and how many bytes it and the separator
/// after it take.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found {
    pub marker: Marker,
    /// Bytes before the marker: a label's owner (`党八股的` before 第二条罪状是：), else 0.
    pub lead: usize,
    /// Bytes of the marker itself.
    pub len: usize,
    /// Bytes from the start of the string past the marker, a label's noun and the
    /// separator (comma, colon, space) that follows: where the title starts.
    pub skip: usize,
    /// Which of its family's forms the marker is written in: a run keeps to one form
    /// (第一点 第二点, not 第一点 第二篇).
    pub form: usize,
}

impl Found {
    /// The marker of `len` bytes at the start of `s`, with the separator after it.
    fn at(s: &str, style: Style, ordinal: u32, len: usize, form: usize) -> Found {
        Found {
            marker: Marker {
                text: s[..len].to_string(),
                style,
                ordinal,
            },
            lead: 0,
            len,
            skip: len + separator_len(&s[len..]),
            form,
        }
    }
}

/// Reads a paragraph marker (一、 （一） 1. （1） ①) at the start of `s`.
pub fn block_marker(s: &str) -> Option<Found> {
    find(s, |f, _| matches!(f.placement, Placement::Paragraph(_)))
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
        lead: 0,
        len: n,
        skip: s.len() - title.len(),
        form: 0,
    })
}

/// Reads an inline marker (第一， 一是 一要 首先 一方面 ——) at the start of `s`, or a
/// marker of a paragraph family that is also written inside paragraphs (（1）). Whether it
/// is a point depends on where it stands and on its neighbours; look-alikes such as
/// 第一生产力 or 一号工程 are never returned. A label item may stand after a short owner
/// (`党八股的第一条罪状是：`).
pub fn inline_marker(s: &str) -> Option<Found> {
    find(s, |family, form| family.inline.is_some() && !form.footnote).or_else(|| owned_label(s))
}

/// `党八股的第一条罪状是：`: up to six characters ending in 的, then a label form.
fn owned_label(s: &str) -> Option<Found> {
    // most clauses have no 的 this early: skip the word-character test for them
    if !s.chars().take(7).any(|c| c == '的') {
        return None;
    }
    let (de, _) = s
        .char_indices()
        .take(7)
        .take_while(|&(_, c)| is_word_char(c))
        .find(|&(i, c)| c == '的' && i > 0)?;
    let lead = de + '的'.len_utf8();
    let found = find(&s[lead..], |_, form| form.label)?;
    Some(Found {
        lead,
        skip: lead + found.skip,
        ..found
    })
}

/// A character of a word: not punctuation, space or a digit.
fn is_word_char(c: char) -> bool {
    // CJK ideographs first: Unicode's alphabetic table is slow to search for them
    ('\u{4E00}'..='\u{9FFF}').contains(&c) || (c.is_alphabetic() && !c.is_ascii())
}

/// The first marker at the start of `s` in a family and form that `wanted` accepts.
fn find(s: &str, wanted: impl Fn(&Family, &Form) -> bool) -> Option<Found> {
    let first = s.chars().next()?;
    // most clauses start with a character no marker starts with
    for &(f, i) in starters(first)? {
        let (family, form) = (&FAMILIES[f], &FAMILIES[f].forms[i]);
        if !wanted(family, form) {
            continue;
        }
        let Some((ordinal, len)) = form.read(s) else {
            continue;
        };
        if ordinal > MAX_ORDINAL || (ordinal == 0 && !family.style.closes_run(0)) {
            continue;
        }
        let mut found = Found::at(s, family.style, ordinal, len, i);
        if form.label && found.skip == len {
            // a short noun and 是 before a colon: 第一条罪状是：
            let tail: usize = s[len..]
                .chars()
                .take(5)
                .take_while(|&c| is_word_char(c))
                .map(char::len_utf8)
                .sum();
            let after = &s[len + tail..];
            if tail > 0 && after.starts_with(['：', ':']) {
                found.skip = len + tail + separator_len(after);
            }
        }
        if form.needs_separator && found.skip == len {
            continue;
        }
        return Some(found);
    }
    None
}

/// The forms a marker starting with `c` can be in (family and form index, in the
/// table's order, which is the order they are tried in).
fn starters(c: char) -> Option<&'static [(usize, usize)]> {
    // sorted by character: a binary search is cheaper than hashing at every clause
    type Starters = Vec<(char, Vec<(usize, usize)>)>;
    static STARTERS: OnceLock<Starters> = OnceLock::new();
    let table = STARTERS.get_or_init(|| {
        let mut table: Starters = Vec::new();
        for (f, family) in FAMILIES.iter().enumerate() {
            for (i, form) in family.forms.iter().enumerate() {
                for c in form.first_chars() {
                    match table.binary_search_by_key(&c, |e| e.0) {
                        Ok(at) => table[at].1.push((f, i)),
                        Err(at) => table.insert(at, (c, vec![(f, i)])),
                    }
                }
            }
        }
        table
    });
    let at = table.binary_search_by_key(&c, |e| e.0).ok()?;
    Some(&table[at].1)
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
