//! The section tree every parser produces and the planner reads.
//!
//! Text is kept exactly as written (punctuation widths included); typography is the
//! planner's business. Every piece of text carries its byte span in the normalised
//! source, so diagnostics and tests can point back at the file.

use serde::Serialize;

use crate::numbering::Marker;

/// A byte range in the normalised source text.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub fn new(start: usize, end: usize) -> Span {
        Span { start, end }
    }
}

/// A run of text. `new_para` is false when it continues the paragraph of the text
/// before it (a point that starts mid-paragraph splits that paragraph in two).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Text {
    pub text: String,
    #[serde(skip)]
    pub span: Span,
    #[serde(skip)]
    pub new_para: bool,
    /// 1-based line of the first character.
    #[serde(skip)]
    pub line: usize,
}

/// The title block and what the deck says about itself.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Meta {
    pub title: Option<String>,
    pub kicker: Option<String>,
    pub subtitle: Option<String>,
    pub speaker: Option<String>,
    pub organisation: Option<String>,
    pub date: Option<String>,
    /// The title block lines as written, in order (shown on the title slide).
    #[serde(skip)]
    pub lines: Vec<Text>,
}

/// A whole lecture.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Lecture {
    pub meta: Meta,
    /// `同志们：`, kept as written.
    pub salutation: Option<Text>,
    /// Paragraphs between the salutation and the first numbered heading.
    pub opening: Vec<Text>,
    pub nodes: Vec<Node>,
    /// `谢谢大家` and a final exhortation.
    pub closing: Vec<Text>,
    /// Reprint and source lines, set apart from the notes.
    pub source_note: Vec<Text>,
}

/// A numbered part, section or point.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Node {
    pub marker: Marker,
    /// The lead sentence without the marker and its closing stop.
    pub title: String,
    /// The lead sentence as written: marker, title and the stop after it.
    pub heading: Text,
    /// The node's own text after the heading, up to its first child.
    pub body: Vec<Text>,
    pub children: Vec<Node>,
    /// From the marker to the end of the node's last child.
    pub span: Span,
    /// Found inside a paragraph (第一，… 一要…) rather than at a paragraph start.
    pub inline: bool,
    /// 1-based line of the marker.
    pub line: usize,
}

impl Node {
    /// The node's own text: heading then body, as paragraphs (a run that continues the
    /// paragraph before it is joined to it).
    pub fn own_paragraphs(&self) -> Vec<String> {
        paragraphs(std::iter::once(&self.heading).chain(&self.body))
    }

    /// Nodes below this one, depth first, in reading order.
    pub fn walk(&self, f: &mut dyn FnMut(&Node, usize)) {
        fn go(n: &Node, depth: usize, f: &mut dyn FnMut(&Node, usize)) {
            f(n, depth);
            for c in &n.children {
                go(c, depth + 1, f);
            }
        }
        go(self, 0, f);
    }
}

/// Joins runs into paragraphs.
pub fn paragraphs<'a>(texts: impl IntoIterator<Item = &'a Text>) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for t in texts {
        match out.last_mut() {
            Some(last) if !t.new_para => last.push_str(&t.text),
            _ => out.push(t.text.clone()),
        }
    }
    out
}
