//! Paragraphs and headings, in reading order, to a `Lecture`: the title block, the
//! salutation and opening, the numbered nodes, the closing and the source note. Both
//! readers feed it, so a lecture reads the same from plain text and from Markdown.

use crate::diag::Diagnostics;
use crate::numbering::{block_marker, Marker, Style};
use crate::tree::{Lecture, Node, Role, Span, Text};

use super::{
    check_quotes, classify_meta, finish_nodes, is_closing, is_salutation, is_source_note,
    split_heading, split_kicker, MetaLine, Nester,
};

/// What a reader hands over.
#[derive(Debug, Clone)]
pub enum Item {
    /// A paragraph, list item, block or note.
    Text(Text),
    /// A Markdown heading (`#` is 1).
    Heading { level: u8, text: Text },
}

impl Item {
    fn text(&self) -> &Text {
        match self {
            Item::Text(t) | Item::Heading { text: t, .. } => t,
        }
    }

    fn prose(&self) -> Option<&Text> {
        match self {
            Item::Text(t) if t.role == Role::Prose => Some(t),
            _ => None,
        }
    }

    /// Starts a numbered node (a marked paragraph or a heading below the title).
    fn is_heading(&self) -> bool {
        match self {
            Item::Heading { .. } => true,
            Item::Text(t) => t.role == Role::Prose && block_marker(&t.text).is_some(),
        }
    }
}

/// Builds the lecture.
pub fn assemble(items: Vec<Item>, diags: &mut Diagnostics) -> Lecture {
    let mut lecture = Lecture::default();
    let (items, notes): (Vec<Item>, Vec<Item>) = items
        .into_iter()
        .partition(|i| !i.prose().is_some_and(|t| is_source_note(&t.text)));
    lecture.source_note = notes.into_iter().map(|i| i.text().clone()).collect();

    let closing_from = closing_start(&items);
    let mut rest = items.into_iter().enumerate().peekable();
    // Pictures among the title block and the salutation do not end them; they go to
    // the opening.
    let mut held: Vec<Text> = Vec::new();
    let mut hold =
        |rest: &mut std::iter::Peekable<std::iter::Enumerate<std::vec::IntoIter<Item>>>| {
            while let Some((_, Item::Text(t))) =
                rest.next_if(|(_, i)| matches!(i, Item::Text(t) if t.role == Role::Block))
            {
                held.push(t);
            }
        };
    hold(&mut rest);

    // Title block: a `#` heading or the first line that is not a numbered heading, then
    // subtitle, date and names.
    let title = match rest.peek() {
        Some((_, Item::Heading { level: 1, .. })) => true,
        Some((_, i @ Item::Text(t))) => !i.is_heading() && !is_salutation(&t.text),
        _ => false,
    };
    if title {
        let (_, first) = rest.next().expect("peeked");
        let first = first.text().clone();
        let (kicker, title) = split_kicker(&first.text);
        lecture.meta.kicker = kicker.map(str::to_string);
        lecture.meta.title = Some(title.to_string());
        lecture.meta.lines.push(first);
        loop {
            hold(&mut rest);
            let Some((i, item)) = rest.peek() else {
                break;
            };
            let Some(kind) = item.prose().and_then(|t| classify_meta(&t.text)) else {
                break;
            };
            let slot = match kind {
                MetaLine::Subtitle => &mut lecture.meta.subtitle,
                MetaLine::Date => &mut lecture.meta.date,
                MetaLine::Speaker => &mut lecture.meta.speaker,
                MetaLine::Organisation => &mut lecture.meta.organisation,
            };
            if slot.is_some() || *i >= closing_from {
                break;
            }
            *slot = Some(item.text().text.clone());
            let (_, item) = rest.next().expect("peeked");
            lecture.meta.lines.push(item.text().clone());
        }
    } else {
        let at = rest.peek().map_or(0, |(_, i)| i.text().span.start);
        diags.warn(
            Span::new(at, at),
            "no title line: the lecture starts with a numbered heading",
            Some("put the title on the first line; the deck uses the file name meanwhile".into()),
        );
    }

    hold(&mut rest);
    if let Some((i, item)) = rest.peek() {
        if *i < closing_from && item.prose().is_some_and(|t| is_salutation(&t.text)) {
            lecture.salutation = rest.next().map(|(_, item)| item.text().clone());
        }
    }
    lecture.opening = held;

    let mut nester = Nester::new();
    let mut counters = [0u32; 5];
    for (i, item) in rest {
        check_quotes(item.text(), diags);
        if i >= closing_from {
            lecture.closing.push(item.text().clone());
            continue;
        }
        let node = match &item {
            Item::Heading { level, text } => heading_node(*level, text, &mut counters),
            Item::Text(t) if item.is_heading() => marked_paragraph(t, diags),
            Item::Text(_) => None,
        };
        if let Some(node) = node {
            nester.open(node);
            continue;
        }
        let text = item.text().clone();
        match nester.current() {
            Some(node) => node.body.push(text),
            None => lecture.opening.push(text),
        }
    }
    lecture.nodes = nester.finish();
    finish_nodes(&mut lecture.nodes, diags);
    lecture
}

/// Index of the first closing item: the trailing run of 谢谢 / exhortation paragraphs.
fn closing_start(items: &[Item]) -> usize {
    let mut at = items.len();
    while at > 1 && items[at - 1].prose().is_some_and(|t| is_closing(&t.text)) {
        at -= 1;
    }
    at
}

/// A paragraph that starts with a block marker and has text after it.
fn marked_paragraph(p: &Text, diags: &mut Diagnostics) -> Option<Node> {
    let found = block_marker(&p.text)?;
    let Some(h) = split_heading(p, found.marker.clone(), found.skip) else {
        diags.warn(
            Span::new(p.span.start, p.span.start + found.len),
            format!("{} has no text after it", found.marker.text),
            Some(
                "write the heading after the marker, or delete the marker; it is kept as text"
                    .into(),
            ),
        );
        return None;
    };
    Some(Node {
        marker: h.marker,
        title: h.title,
        span: p.span,
        line: p.line,
        heading: h.heading,
        body: h.rest.into_iter().collect(),
        children: Vec::new(),
        inline: false,
    })
}

const LEVEL_STYLES: [Style; 5] = [
    Style::Chapter,
    Style::Section,
    Style::Arabic,
    Style::ParenArabic,
    Style::Circled,
];

/// A Markdown heading: `##` is level 1 (一、), `###` level 2 (（一）) and so on, whether or
/// not the heading writes a marker; a written marker gives the ordinal and leaves the
/// title.
fn heading_node(level: u8, text: &Text, counters: &mut [u32; 5]) -> Option<Node> {
    let level = level.saturating_sub(1).clamp(1, 5) as usize;
    let found = block_marker(&text.text);
    let ordinal = found
        .as_ref()
        .map_or(counters[level - 1] + 1, |f| f.marker.ordinal);
    counters[level - 1] = ordinal;
    counters[level..].iter_mut().for_each(|c| *c = 0);
    let marker = Marker {
        text: found
            .as_ref()
            .map_or(String::new(), |f| f.marker.text.clone()),
        style: LEVEL_STYLES[level - 1],
        ordinal,
    };
    let skip = found.as_ref().map_or(0, |f| f.skip);
    let title = text.text[skip..]
        .trim()
        .trim_end_matches(['。', '；', ';'])
        .to_string();
    if title.is_empty() {
        return None;
    }
    Some(Node {
        marker,
        title,
        span: text.span,
        line: text.line,
        heading: text.clone(),
        body: Vec::new(),
        children: Vec::new(),
        inline: false,
    })
}
