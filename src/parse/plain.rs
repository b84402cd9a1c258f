//! Plain-text lectures: one paragraph a line, as lectures are pasted from Word or a web
//! page. Blank lines are ignored; indentation (U+3000 or spaces) is skipped.

use crate::diag::Diagnostics;
use crate::numbering::block_marker;
use crate::source::Source;
use crate::tree::{Lecture, Node, Span, Text};

use super::{
    check_quotes, classify_meta, finish_nodes, is_closing, is_salutation, is_source_note,
    split_heading, split_kicker, MetaLine, Nester,
};

/// Reads a plain-text lecture.
pub fn parse(src: &Source, diags: &mut Diagnostics) -> Lecture {
    let paras = paragraphs(src);
    build(paras, diags)
}

/// Non-empty lines as paragraphs, indentation skipped.
fn paragraphs(src: &Source) -> Vec<Text> {
    let mut out = Vec::new();
    let mut offset = 0;
    for (i, line) in src.text.split('\n').enumerate() {
        let trimmed = line.trim_start();
        if !trimmed.is_empty() {
            let start = offset + (line.len() - trimmed.len());
            let text = trimmed.trim_end();
            out.push(Text::para(
                text,
                Span::new(start, start + text.len()),
                i + 1,
            ));
        }
        offset += line.len() + 1;
    }
    out
}

/// Builds the lecture from paragraphs. Shared in spirit with the Markdown reader, which
/// has its own way to find the title and the headings.
pub fn build(paras: Vec<Text>, diags: &mut Diagnostics) -> Lecture {
    let mut lecture = Lecture::default();
    let (paras, notes): (Vec<Text>, Vec<Text>) =
        paras.into_iter().partition(|p| !is_source_note(&p.text));
    lecture.source_note = notes;

    let closing_from = closing_start(&paras);
    let mut rest = paras.into_iter().peekable();
    let mut taken = 0;

    // Title block: the first line that is not a heading, then subtitle, date, names.
    if let Some(first) = rest.peek() {
        if block_marker(&first.text).is_none() && !is_salutation(&first.text) {
            let first = rest.next().expect("peeked");
            taken += 1;
            let (kicker, title) = split_kicker(&first.text);
            lecture.meta.kicker = kicker.map(str::to_string);
            lecture.meta.title = Some(title.to_string());
            lecture.meta.lines.push(first);
            while let Some(p) = rest.peek() {
                if taken >= closing_from {
                    break;
                }
                let Some(kind) = classify_meta(&p.text) else {
                    break;
                };
                let value = Some(p.text.clone());
                let slot = match kind {
                    MetaLine::Subtitle => &mut lecture.meta.subtitle,
                    MetaLine::Date => &mut lecture.meta.date,
                    MetaLine::Speaker => &mut lecture.meta.speaker,
                    MetaLine::Organisation => &mut lecture.meta.organisation,
                };
                if slot.is_some() {
                    break;
                }
                *slot = value;
                lecture.meta.lines.push(rest.next().expect("peeked"));
                taken += 1;
            }
        }
    }
    if lecture.meta.title.is_none() {
        let at = rest.peek().map_or(0, |p| p.span.start);
        diags.warn(
            Span::new(at, at),
            "no title line: the lecture starts with a numbered heading",
            Some("put the title on the first line; the deck uses the file name meanwhile".into()),
        );
    }

    if rest.peek().is_some_and(|p| is_salutation(&p.text)) && taken < closing_from {
        lecture.salutation = rest.next();
        taken += 1;
    }

    let mut nester = Nester::new();
    for p in rest {
        check_quotes(&p, diags);
        if taken >= closing_from {
            lecture.closing.push(p);
            continue;
        }
        taken += 1;
        if let Some(node) = heading_node(&p, diags) {
            nester.open(node);
            continue;
        }
        match nester.current() {
            Some(node) => node.body.push(p),
            None => lecture.opening.push(p),
        }
    }
    lecture.nodes = nester.finish();
    finish_nodes(&mut lecture.nodes, diags);
    lecture
}

/// Index of the first closing paragraph: the trailing run of 谢谢 / exhortation lines.
fn closing_start(paras: &[Text]) -> usize {
    let mut at = paras.len();
    while at > 1 && is_closing(&paras[at - 1].text) {
        at -= 1;
    }
    at
}

/// A paragraph that starts with a block marker and has text after it.
fn heading_node(p: &Text, diags: &mut Diagnostics) -> Option<Node> {
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
