//! The deck every writer reads: slides as data — inline runs and blocks, pictures as
//! bytes — with no markup of any output format. The planner makes it from the section
//! tree; the HTML and PowerPoint writers each turn it into their own file.

use std::sync::Arc;

use serde::Serialize;

/// What a slide is; the templates, the layouts and the runtime key off it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    Title,
    Outline,
    Part,
    Section,
    Point,
    Closing,
}

impl Kind {
    /// Every kind, in deck order: what a writer makes a layout for.
    pub const ALL: [Kind; 6] = [
        Kind::Title,
        Kind::Outline,
        Kind::Part,
        Kind::Section,
        Kind::Point,
        Kind::Closing,
    ];

    /// The name templates and `data-kind` use.
    pub fn name(self) -> &'static str {
        match self {
            Kind::Title => "title",
            Kind::Outline => "outline",
            Kind::Part => "part",
            Kind::Section => "section",
            Kind::Point => "point",
            Kind::Closing => "closing",
        }
    }
}

/// A finished deck: what it says about itself and its slides in order.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Deck {
    pub info: DeckInfo,
    pub slides: Vec<Slide>,
}

/// The deck-wide facts a writer shows besides the slides.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct DeckInfo {
    pub title: String,
    pub kicker: Option<String>,
    pub subtitle: Option<String>,
    pub speaker: Option<String>,
    pub organisation: Option<String>,
    pub date: Option<String>,
    /// Reprint and source notices, set apart from the slides.
    pub source_note: Vec<String>,
    /// Sum of the slides' timings, in seconds.
    pub total_seconds: u32,
}

impl DeckInfo {
    /// Subtitle, speaker, organisation and date, those the lecture has, in that order;
    /// the date not again when the subtitle already says it (`——2026年1月26日在…`).
    pub fn byline(&self) -> impl Iterator<Item = &String> {
        let said = |d: &String| {
            let d = d.trim_matches(|c| "（）() ".contains(c));
            self.subtitle.as_deref().is_some_and(|s| s.contains(d))
        };
        let date = self.date.as_ref().filter(|d| !said(d));
        [
            self.subtitle.as_ref(),
            self.speaker.as_ref(),
            self.organisation.as_ref(),
            date,
        ]
        .into_iter()
        .flatten()
    }
}

/// One slide.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Slide {
    /// 1-based position in the deck.
    pub number: usize,
    pub kind: Kind,
    /// The slide's heading: the title, a part's title, a point's lead sentence.
    pub title: String,
    /// 专题党课 on the title slide; the marker as written on numbered slides.
    pub kicker: Option<String>,
    /// The ordinal as the badge shows it: 一, 1, 第一, 一要 …
    pub badge: Option<String>,
    /// Short titles of the part and section above.
    pub crumbs: Vec<String>,
    /// Listed lines: outline entries, a part's sections, a section's points.
    pub items: Vec<String>,
    /// How many entries of the same list earlier slides show (an outline continued on a
    /// `目录（续）` slide counts on from them); 0 for most.
    pub items_before: usize,
    /// Quoted phrases of the text, as keyword chips.
    pub chips: Vec<String>,
    /// Subtitle, speaker, organisation and date on the title slide.
    pub byline: Vec<String>,
    /// Key sentences of the slide's own text, each a piece of its notes.
    pub keys: Vec<String>,
    /// Figures of its text shown large, each with its label (a report's targets).
    pub figures: Vec<Figure>,
    /// The title of the slide whose text this one carries on (a continuation slide).
    pub continues: Option<String>,
    /// What the slide shows besides its heading: lists, tables, quotations, code,
    /// pictures.
    pub content: Vec<Block>,
    /// The speaker notes, block by block; read in order over all slides they are the
    /// lecture.
    pub notes: Vec<Block>,
    /// Planned speaking time in seconds.
    pub timing: u32,
    /// Source line the slide starts at (0 for slides made by lectern).
    pub line: usize,
}

impl Slide {
    /// The notes as plain text, one string a block (pictures without words left out).
    pub fn notes_text(&self) -> Vec<String> {
        self.notes
            .iter()
            .map(Block::plain_text)
            .filter(|t| !t.is_empty())
            .collect()
    }
}

/// A figure callout: the figure (`5%左右`) and what it measures (`地区生产总值增长`), each
/// word for word from the slide's text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Figure {
    pub value: String,
    pub label: String,
}

/// A run of text with its inline formatting.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "type", content = "content", rename_all = "lowercase")]
pub enum Inline {
    Text(String),
    Strong(Vec<Inline>),
    Emphasis(Vec<Inline>),
    Strikethrough(Vec<Inline>),
    Superscript(Vec<Inline>),
    Subscript(Vec<Inline>),
    /// Code, shown as written (typography leaves it alone).
    Code(String),
    Link {
        url: String,
        content: Vec<Inline>,
    },
    /// A hard line break inside a paragraph.
    Break,
    /// Raw HTML the author wrote and the deck lets through (`allow_html`). Writers that
    /// cannot show it leave it out; it has no words of its own for the notes.
    Html(String),
}

impl Inline {
    /// The run's text without formatting; a break reads as a space.
    pub fn push_plain(&self, out: &mut String) {
        match self {
            Inline::Text(t) | Inline::Code(t) => out.push_str(t),
            Inline::Strong(c)
            | Inline::Emphasis(c)
            | Inline::Strikethrough(c)
            | Inline::Superscript(c)
            | Inline::Subscript(c)
            | Inline::Link { content: c, .. } => c.iter().for_each(|i| i.push_plain(out)),
            Inline::Break => out.push(' '),
            Inline::Html(_) => {}
        }
    }
}

/// The plain text of runs.
pub fn plain(runs: &[Inline]) -> String {
    let mut out = String::new();
    runs.iter().for_each(|r| r.push_plain(&mut out));
    out
}

/// A block of slide content or notes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "type", rename_all = "lowercase")]
pub enum Block {
    Paragraph {
        runs: Vec<Inline>,
    },
    List(List),
    Table(Table),
    Quote {
        blocks: Vec<Block>,
    },
    Code {
        text: String,
    },
    Image(Image),
    /// A block of raw HTML the author wrote and the deck allows (`allow_html`), already
    /// cleaned of anything that could load, navigate or run; `text` is its words, which
    /// writers that cannot show HTML show instead.
    Html {
        html: String,
        text: String,
    },
}

impl Block {
    /// A paragraph of plain text.
    pub fn text(s: impl Into<String>) -> Block {
        Block::Paragraph {
            runs: vec![Inline::Text(s.into())],
        }
    }

    /// The block's words as one line: what the speaker reads and timings count.
    pub fn plain_text(&self) -> String {
        match self {
            Block::Paragraph { runs } => plain(runs),
            Block::List(list) => {
                let mut out = Vec::new();
                list.push_plain(&mut out);
                out.join(" ")
            }
            Block::Table(t) => t
                .head
                .iter()
                .chain(t.rows.iter().flatten())
                .map(|c| plain(c).trim().to_string())
                .filter(|c| !c.is_empty())
                .collect::<Vec<_>>()
                .join(" "),
            Block::Quote { blocks } => blocks
                .iter()
                .map(Block::plain_text)
                .filter(|t| !t.is_empty())
                .collect::<Vec<_>>()
                .join(" "),
            Block::Code { text } => text.clone(),
            Block::Image(img) => img.alt.clone(),
            Block::Html { text, .. } => text.clone(),
        }
    }
}

/// A list, bulleted or numbered, items possibly holding lists of their own.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct List {
    /// The first item's number for a numbered list; `None` for bullets.
    pub start: Option<u64>,
    pub items: Vec<ListItem>,
}

impl List {
    fn push_plain(&self, out: &mut Vec<String>) {
        for item in &self.items {
            out.push(plain(&item.runs));
            if let Some(sub) = &item.sublist {
                sub.push_plain(out);
            }
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ListItem {
    pub runs: Vec<Inline>,
    pub sublist: Option<List>,
}

/// A table: an optional header row, then the body rows, a cell a run list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Table {
    pub head: Vec<Vec<Inline>>,
    pub rows: Vec<Vec<Vec<Inline>>>,
}

/// A picture, ready to embed: re-encoded bytes without metadata, their format and size.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Image {
    /// The same for the same file (a hash of its bytes): a writer may embed it once
    /// however many slides show it.
    pub id: String,
    #[serde(skip)]
    pub data: Arc<[u8]>,
    /// `image/png`, `image/jpeg`, `image/gif`, `image/webp`, `image/svg+xml`.
    pub mime: &'static str,
    /// Pixels after scaling; for SVG from its `viewBox` or `width`/`height` (0 if unknown).
    pub width: u32,
    pub height: u32,
    /// What the picture shows, in words (also its caption).
    pub alt: String,
}

impl Image {
    /// The file extension the format is saved under.
    pub fn extension(&self) -> &'static str {
        match self.mime {
            "image/jpeg" => "jpeg",
            "image/gif" => "gif",
            "image/webp" => "webp",
            "image/svg+xml" => "svg",
            _ => "png",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_text_reads_every_word_once() {
        let list = Block::List(List {
            start: Some(3),
            items: vec![
                ListItem {
                    runs: vec![
                        Inline::Text("抓".into()),
                        Inline::Strong(vec![Inline::Text("落实".into())]),
                    ],
                    sublist: Some(List {
                        start: None,
                        items: vec![ListItem {
                            runs: vec![Inline::Code("x,y".into())],
                            sublist: None,
                        }],
                    }),
                },
                ListItem {
                    runs: vec![Inline::Text("二".into()), Inline::Break],
                    sublist: None,
                },
            ],
        });
        assert_eq!(list.plain_text(), "抓落实 x,y 二 ");
        let table = Block::Table(Table {
            head: vec![vec![Inline::Text("年度".into())], vec![]],
            rows: vec![vec![vec![Inline::Text(" 2021 ".into())]]],
        });
        assert_eq!(table.plain_text(), "年度 2021");
    }
}
