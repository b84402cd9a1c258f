//! The node a heading makes: a paragraph that starts with a marker, a Markdown heading,
//! an unnumbered chapter line or part.

use crate::diag::{Code, Diagnostics};
use crate::input::source::Span;
use crate::numbering::{chinese_number, Counters, Marker, Style, LEVELS};
use crate::tree::{Node, Role, Text};

use super::item::paragraph_marker;
use super::split_heading;

/// A paragraph that starts with a block marker and has text after it.
pub(super) fn marked_paragraph(p: &Text, diags: &mut Diagnostics) -> Option<Node> {
    let found = paragraph_marker(&p.text)?;
    let Some(h) = split_heading(p, found.marker.clone(), found.skip) else {
        diags.emit(
            Code::EmptyHeading,
            Span::new(p.span.start, p.span.start + found.len),
            &[&found.marker.text],
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
        chapter: false,
    })
}

/// A short line without punctuation between body paragraphs, with numbered paragraphs
/// of a deeper level starting at one right under it (`名词解释` over the glossary's
/// 1.–20. after a report): a part of its own, numbered after the part before it.
pub(super) fn unnumbered_part(t: &Text, next: Option<&Text>, ordinal: u32) -> Option<Node> {
    let line = t.text.trim();
    let short = (2..=20).contains(&line.chars().count());
    let bare = line
        .chars()
        .all(|c| c.is_alphanumeric() || c == ' ' || c == '\u{3000}');
    // the numbering under it starts again (1. after 三、…（十）): a caption above （二）
    // is no part
    let deeper = next
        .and_then(|n| paragraph_marker(&n.text))
        .is_some_and(|f| f.marker.ordinal == 1 && f.marker.level().is_some_and(|l| l > 1));
    if t.role != Role::Prose || !short || !bare || !deeper {
        return None;
    }
    Some(Node::unnumbered(
        t.clone(),
        Style::Chapter,
        ordinal,
        line.to_string(),
    ))
}

/// An unnumbered chapter line heading the level above the numbered headings under it:
/// level 0 (above 一、) or an unnumbered heading of a numbered level.
pub(super) fn chapter_node(t: &Text, level: u8, ordinal: u32) -> Node {
    let style = Style::at_level(level).unwrap_or(Style::Chapter);
    let mut node = Node::unnumbered(t.clone(), style, ordinal, t.text.trim().to_string());
    node.chapter = level == 0;
    node
}

/// A Markdown heading: `##` is level 1 (一、), `###` level 2 (（一）) and so on, whether or
/// not the heading writes a marker; a written marker gives the ordinal and leaves the
/// title.
pub(super) fn heading_node(level: u8, text: &Text, counters: &mut Counters) -> Option<Node> {
    let level = level.saturating_sub(1).clamp(1, LEVELS as u8);
    let found = paragraph_marker(&text.text);
    // a numeral alone (`## 一`): the number is the heading (and stays its title)
    let bare = text.text.trim();
    let numeral = chinese_number(bare).filter(|&(o, n)| o > 0 && n == bare.len());
    let ordinal = counters.next(
        level,
        found
            .as_ref()
            .map(|f| f.marker.ordinal)
            .or(numeral.map(|(o, _)| o)),
    );
    let marker = Marker {
        text: found.as_ref().map_or_else(
            || numeral.map_or(String::new(), |_| bare.to_string()),
            |f| f.marker.text.clone(),
        ),
        style: Style::at_level(level).expect("every level has a family"),
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
        chapter: false,
    })
}

/// A question of a Q&A (`问：…`, `Q1：…`, `Q：…`): the marker as written and where the
/// question starts.
pub(super) fn question_marker(s: &str) -> Option<(&str, usize)> {
    let t = s.trim_start();
    let lead = s.len() - t.len();
    let after = if let Some(r) = t.strip_prefix('问') {
        r
    } else {
        let r = t.strip_prefix(['Q', 'Ｑ'])?;
        r.trim_start_matches(|c: char| c.is_ascii_digit())
    };
    let sep = after.chars().next().filter(|c| matches!(c, '：' | ':'))?;
    let end = t.len() - after.len() + sep.len_utf8();
    (!t[end..].trim().is_empty()).then_some((&t[..end], lead + end))
}

/// A question as a point at `level`, its answer the text under it.
pub(super) fn question_node(t: &Text, level: u8, ordinal: u32) -> Option<Node> {
    let (marker, skip) = question_marker(&t.text)?;
    let marker = Marker {
        text: marker.to_string(),
        style: Style::at_level(level.clamp(1, LEVELS as u8))?,
        ordinal,
    };
    let h = split_heading(t, marker, skip)?;
    Some(Node {
        marker: h.marker,
        title: h.title,
        span: t.span,
        line: t.line,
        heading: h.heading,
        body: h.rest.into_iter().collect(),
        children: Vec::new(),
        inline: false,
        chapter: false,
    })
}

/// A sub-heading written as a bracketed line, perhaps after a Word bullet
/// (`【强化责任担当】`, `● {加强理论学习}`): its title. Short, with no sentence in it.
pub(super) fn bracket_heading(s: &str) -> Option<&str> {
    let t = s
        .trim()
        .trim_start_matches(['●', '◆', '■', '•', '·', '▪', '►', '◇', '□', '◎', '★', '☆'])
        .trim_start();
    let inner = [('【', '】'), ('{', '}'), ('｛', '｝'), ('〖', '〗')]
        .iter()
        .find_map(|&(a, b)| t.strip_prefix(a)?.strip_suffix(b))?
        .trim();
    let n = inner.chars().count();
    ((2..=24).contains(&n)
        && !inner.contains(['。', '！', '？', '；', '【', '】', '{', '}'])
        && !inner.ends_with(['：', ':']))
    .then_some(inner)
}

/// A bracketed sub-heading as a node at `level`, numbered `ordinal` by the reader.
pub(super) fn bracket_node(t: &Text, level: u8, ordinal: u32) -> Option<Node> {
    let title = bracket_heading(&t.text)?;
    let style = Style::at_level(level.clamp(1, LEVELS as u8))?;
    Some(Node::unnumbered(
        t.clone(),
        style,
        ordinal,
        title.to_string(),
    ))
}
