//! Text to `Lecture`. `plain` reads lines, `markdown` reads CommonMark; both hand their
//! paragraphs to the shared steps here, so the same text gives the same tree:
//! nesting by marker level, inline points, lead sentences and the checks that warn.

pub mod assemble;
mod chapters;
mod clause_starts;
mod closings;
mod footnotes;
mod front;
pub mod item;
pub mod markdown;
mod nodes;
mod page;
pub mod plain;
mod points;
mod reports;
pub mod sanitize;
mod series_runs;
mod title;

use crate::diag::{Code, Diagnostics};
use crate::input::source::Span;
use crate::numbering::{inline_marker, Marker, Style};
use crate::tree::{Lecture, Node, Text};

pub use crate::scan::lead_sentence;
pub use footnotes::{marks as citation_marks, note_number};
pub use points::{split_closing, split_inline_points, split_opening};
pub use title::{classify_meta, is_closing, is_salutation, is_source_note, split_kicker, MetaLine};

/// The lines of dropped web-page chrome, as ranges (`1–2, 39–41`), and how many.
/// `None` when nothing was dropped.
pub fn dropped_lines(lecture: &Lecture) -> Option<(usize, String)> {
    let lines: Vec<usize> = lecture.dropped.iter().map(|t| t.line).collect();
    let first = *lines.first()?;
    let mut ranges: Vec<(usize, usize)> = vec![(first, first)];
    for &l in &lines[1..] {
        match ranges.last_mut() {
            Some((_, end)) if l <= *end + 1 => *end = l.max(*end),
            _ => ranges.push((l, l)),
        }
    }
    let ranges: Vec<String> = ranges
        .iter()
        .map(|&(a, b)| {
            if a == b {
                a.to_string()
            } else {
                format!("{a}–{b}")
            }
        })
        .collect();
    Some((lines.len(), ranges.join(", ")))
}

/// A paragraph that starts a numbered node, split into marker, heading and the rest.
pub struct Heading {
    pub marker: Marker,
    pub title: String,
    pub heading: Text,
    pub rest: Option<Text>,
}

/// Splits `text` (which starts with a marker of `skip` bytes, separator included) into
/// heading and rest. `None` when nothing follows the marker.
pub fn split_heading(text: &Text, marker: Marker, skip: usize) -> Option<Heading> {
    let after = &text.text[skip..];
    let (stop, end) = lead_sentence(after);
    // a colon that opens a series ends the title there (日本方面：第一，……然而第二，……),
    // so the series is in the body, where its points are found
    let (stop, end) = after[..stop]
        .match_indices(['：', ':'])
        .map(|(i, c)| (i, i + c.len()))
        .find(|&(_, j)| inline_marker(after[j..].trim_start()).is_some())
        .unwrap_or((stop, end));
    // a point cut at the next one's comma (一是……，二是……) leaves the comma behind
    let title = after[..stop]
        .trim()
        .trim_end_matches(['，', ',', '、'])
        .to_string();
    if title.is_empty() {
        return None;
    }
    let cut = skip + end;
    let heading = slice(text, 0, cut, text.new_para);
    let rest =
        (!text.text[cut..].trim().is_empty()).then(|| slice(text, cut, text.text.len(), false));
    Some(Heading {
        marker,
        title,
        heading,
        rest,
    })
}

/// The part of `text` between two byte offsets, as its own run.
pub fn slice(text: &Text, from: usize, to: usize, new_para: bool) -> Text {
    let whole = from == 0 && to == text.text.len();
    Text {
        text: text.text[from..to].to_string(),
        span: Span::new(text.span.start + from, text.span.start + to),
        new_para,
        line: text.line,
        role: text.role,
        // Formatting is not cut at a text offset: a cut run shows its plain text.
        rich: if whole { text.rich.clone() } else { None },
    }
}

/// Nests block nodes by marker level: a node goes under the nearest open node of a
/// higher level (一、 > （一） > 1. > （1） > ①), whatever stood between them.
pub struct Nester {
    stack: Vec<Node>,
    roots: Vec<Node>,
}

impl Nester {
    pub fn new() -> Nester {
        Nester {
            stack: Vec::new(),
            roots: Vec::new(),
        }
    }

    pub fn open(&mut self, node: Node) {
        let level = node.level().unwrap_or(u8::MAX);
        while self
            .stack
            .last()
            .is_some_and(|top| top.level().unwrap_or(u8::MAX) >= level)
        {
            self.close_top();
        }
        self.stack.push(node);
    }

    /// The node text goes to, if any is open.
    pub fn current(&mut self) -> Option<&mut Node> {
        self.stack.last_mut()
    }

    fn close_top(&mut self) {
        let mut node = self.stack.pop().expect("close_top on an empty stack");
        node.span.end = node
            .children
            .last()
            .map_or(node.span.end, |c| c.span.end)
            .max(node.body.last().map_or(node.span.end, |b| b.span.end));
        match self.stack.last_mut() {
            Some(parent) => parent.children.push(node),
            None => self.roots.push(node),
        }
    }

    pub fn finish(mut self) -> Vec<Node> {
        while !self.stack.is_empty() {
            self.close_top();
        }
        self.roots
    }
}

impl Default for Nester {
    fn default() -> Self {
        Nester::new()
    }
}

/// Finds inline points in every node, in the opening (those go ahead of the nodes) and in
/// the closing, then warns about skipped ordinals and level jumps.
pub fn finish_nodes(lecture: &mut Lecture, diags: &mut Diagnostics) {
    for node in lecture.nodes.iter_mut() {
        split_inline_points(node, &[], diags);
    }
    closings::part_summaries(&mut lecture.nodes);
    let parts = lecture.nodes.iter().filter(|n| !n.inline).count();
    let as_written = lecture.opening.clone();
    let opening_points = split_opening(&mut lecture.opening, diags);
    if previews(&opening_points, &as_written, parts) {
        // the agenda: the outline slide shows it, the notes keep its words
        lecture.opening = as_written;
    } else {
        lecture.nodes.splice(0..0, opening_points);
    }
    lecture.ending = split_closing(&mut lecture.closing, diags);
    check_ordinals(&lecture.nodes, None, diags);
}

/// A preview of the parts in the opening (`下面，我讲三方面内容，一是…二是…三是…`): one
/// paragraph that says it will speak or report, listing as many points as the text has
/// parts.
fn previews(points: &[Node], opening: &[Text], parts: usize) -> bool {
    const CUES: [&str; 8] = ["讲", "谈", "汇报", "报告", "介绍", "方面", "几点", "部分"];
    let Some(first) = points.first() else {
        return false;
    };
    let one_paragraph = points
        .iter()
        .all(|p| p.line == first.line && !p.children.iter().any(|c| !c.inline));
    // the paragraph that holds the first point, as written (spans need not match its
    // text byte for byte)
    let Some(before) = opening
        .iter()
        .filter(|t| t.line == first.line)
        .find_map(|t| {
            let at = t.text.find(first.heading.text.as_str())?;
            Some(&t.text[..at])
        })
    else {
        return false;
    };
    parts >= 2 && points.len() == parts && one_paragraph && CUES.iter().any(|c| before.contains(c))
}

fn check_ordinals(nodes: &[Node], parent: Option<&Node>, diags: &mut Diagnostics) {
    // Headings and inline points count apart: （1） inside a paragraph does not follow
    // the （1） headings around it, and a new inline run may start again at one.
    let mut last: Vec<(Style, bool, u32)> = Vec::new();
    // One level-jump warning per parent: the rest of its children jump the same way.
    let mut jump_warned = false;
    for node in nodes {
        // a chapter line writes no number to check, nor does a part the reader made
        if node.chapter || node.marker.ordinal == 0 {
            check_ordinals(&node.children, Some(node), diags);
            continue;
        }
        let style = node.marker.style;
        let key = (style, node.inline);
        let prev = last
            .iter()
            .find(|(s, i, _)| (*s, *i) == key)
            .map(|&(_, _, o)| o);
        let expected = prev.map_or(1, |o| o + 1);
        let ordinal = node.marker.ordinal;
        let restarts = node.inline && ordinal == 1;
        if ordinal != expected && !style.closes_run(ordinal) && !restarts {
            let span = Span::new(node.span.start, node.span.start + node.marker.text.len());
            let m = node.marker.text.as_str();
            match prev {
                None => diags.emit(Code::NumberingStart, span, &[m, &style.format(1)]),
                Some(p) if ordinal > expected => diags.emit(
                    Code::NumberSkipped,
                    span,
                    &[m, &style.format(p), &style.format(expected)],
                ),
                Some(p) => diags.emit(Code::NumberBack, span, &[m, &style.format(p)]),
            };
        }
        last.retain(|(s, i, _)| (*s, *i) != key);
        last.push((style, node.inline, ordinal));

        // under a heading without a written number (名词解释, a Markdown `##`) there is
        // no numbered level to jump from
        let level = node.level().filter(|_| !node.inline);
        let parent = parent.filter(|p| !p.marker.text.is_empty());
        if let (Some(p), Some(level)) = (parent, level) {
            if let Some(pl) = p.level() {
                if level > pl + 1 && !jump_warned {
                    jump_warned = true;
                    let between = Style::at_level(pl + 1).unwrap_or(p.marker.style);
                    diags.emit(
                        Code::LevelJump,
                        Span::new(node.span.start, node.span.start + node.marker.text.len()),
                        &[&node.marker.text, &p.marker.text, &between.format(1)],
                    );
                }
            }
        }
        check_ordinals(&node.children, Some(node), diags);
    }
}

/// Warns where a paragraph opens a “ quote it never closes.
pub fn check_quotes(text: &Text, diags: &mut Diagnostics) {
    let mut open: Vec<usize> = Vec::new();
    for (i, c) in crate::scan::non_ideographs(&text.text) {
        match c {
            '“' => open.push(i),
            '”' => {
                open.pop();
            }
            _ => {}
        }
    }
    if let Some(&at) = open.first() {
        let start = text.span.start + at;
        diags.emit(
            Code::UnclosedQuote,
            Span::new(start, start + '“'.len_utf8()),
            &[],
        );
    }
}
