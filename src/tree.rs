//! The section tree every parser produces and the planner reads.
//!
//! Text is kept exactly as written (punctuation widths included); typography is the
//! planner's business. Every piece of text carries its byte span in the normalised
//! source, so diagnostics and tests can point back at the file.

use serde::Serialize;

use crate::deck::{Block, Inline};
use crate::input::source::Span;
use crate::numbering::{Marker, Style};

/// What a run of text is for.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Role {
    /// Spoken text: goes to the notes.
    #[default]
    Prose,
    /// A list item: shown on the slide and read in the notes.
    Bullet,
    /// A table, quotation, code block or image: shown on the slide, its text in the notes.
    Block,
    /// Written for the speaker only (`<!-- 备注: … -->`, `::: notes`): notes only.
    Note,
    /// A footnote or reference entry (`〔1〕…` under 注释): notes only, next to the text
    /// that cites it, and not spoken (no time, no key sentence, no stretch of its own).
    Footnote,
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
    #[serde(skip)]
    pub role: Role,
    /// Structure the source gave the run beyond its words (Markdown emphasis, links,
    /// list items, tables; Word pictures). `None`: plain `text`.
    #[serde(skip)]
    pub rich: Option<Rich>,
}

/// A run's structure, as the deck model writes it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Rich {
    /// Inline formatting of a paragraph or heading; its plain text is the run's `text`.
    Runs(Vec<Inline>),
    /// A list item: how deep it sits (0 outermost), its number in a numbered list.
    Item {
        depth: usize,
        number: Option<u64>,
        runs: Vec<Inline>,
    },
    /// A table, quotation, code block or picture.
    Block(Block),
}

impl Text {
    /// A prose paragraph of its own.
    pub fn para(text: impl Into<String>, span: Span, line: usize) -> Text {
        Text {
            text: text.into(),
            span,
            new_para: true,
            line,
            role: Role::Prose,
            rich: None,
        }
    }
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
    /// `谢谢大家` and a final exhortation: what follows `ending`'s points, if any.
    pub closing: Vec<Text>,
    /// A series in the closing (一要…二要… in the last exhortation): an unnumbered holder
    /// whose body is the closing's text before the first point and whose children are
    /// the points. They are read after the nodes, before `closing`.
    pub ending: Option<Node>,
    /// Reprint and source lines, set apart from the notes.
    pub source_note: Vec<Text>,
    /// Web-page chrome (toolbars, breadcrumbs, share and link lists): on no slide.
    pub dropped: Vec<Text>,
    /// Citation marks (`⑴`, `〔1〕`, `[1]`) whose notes were found: kept in the notes,
    /// left out of what a slide shows.
    #[serde(skip)]
    pub citations: Vec<String>,
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
    /// An unnumbered chapter line above the 一、 parts (a government report's
    /// `“十四五”时期发展成就和2025年工作回顾` over its 一、…四、): level 0.
    pub chapter: bool,
}

impl Node {
    /// A node the reader makes where the text writes no marker (a chapter line, a bracketed
    /// sub-heading, 存在的问题, a closing): headed by `heading`, titled `title`, with no body
    /// or children yet.
    pub fn unnumbered(heading: Text, style: Style, ordinal: u32, title: String) -> Node {
        Node {
            marker: Marker {
                text: String::new(),
                style,
                ordinal,
            },
            title,
            span: heading.span,
            line: heading.line,
            heading,
            body: Vec::new(),
            children: Vec::new(),
            inline: false,
            chapter: false,
        }
    }

    /// The node's level: 0 for a chapter line above 一、, then 1 for 一、 down to 5 for ①
    /// (GB/T 9704), by its marker's family; `None` for the inline families.
    pub fn level(&self) -> Option<u8> {
        if self.chapter {
            Some(0)
        } else {
            self.marker.level()
        }
    }

    /// The node's own text: heading then body, as paragraphs (a run that continues the
    /// paragraph before it is joined to it).
    pub fn own_paragraphs(&self) -> Vec<Paragraph> {
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

/// A paragraph of notes or a slide block: its plain text and, where the source had
/// more, its structure.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Paragraph {
    pub text: String,
    pub rich: Option<Rich>,
    pub role: Role,
}

impl Paragraph {
    /// The paragraph's inline runs: its formatting, or its text as one run.
    pub fn runs(&self) -> Vec<Inline> {
        match &self.rich {
            Some(Rich::Runs(runs) | Rich::Item { runs, .. }) => runs.clone(),
            _ => vec![Inline::Text(self.text.clone())],
        }
    }
}

/// Joins runs into paragraphs. A run that continues a paragraph adds its formatting to
/// the paragraph's (plain runs as text).
pub fn paragraphs<'a>(texts: impl IntoIterator<Item = &'a Text>) -> Vec<Paragraph> {
    let mut out: Vec<Paragraph> = Vec::new();
    for t in texts {
        match out.last_mut() {
            Some(last) if !t.new_para => {
                last.text.push_str(&t.text);
                last.rich = match (last.rich.take(), &t.rich) {
                    (None, None) => None,
                    (a, b) => {
                        let mut runs = match a {
                            Some(Rich::Runs(r)) => r,
                            _ => vec![Inline::Text(
                                last.text[..last.text.len() - t.text.len()].to_string(),
                            )],
                        };
                        match b {
                            Some(Rich::Runs(r)) => runs.extend(r.iter().cloned()),
                            _ => runs.push(Inline::Text(t.text.clone())),
                        }
                        Some(Rich::Runs(runs))
                    }
                };
            }
            _ => out.push(Paragraph {
                text: t.text.clone(),
                rich: t.rich.clone(),
                role: t.role,
            }),
        }
    }
    out
}
