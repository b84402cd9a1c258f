//! A page that holds several reports (a notice with the leaders' 述职 reports under it):
//! each report is a part of its own, with its title and byline, and the page's headline
//! is the deck's title. Each report's closing paragraphs (`我将诚恳接受…`, `以上是我…`)
//! are that report's 结束语, not its last point's text.

use crate::numbering::Style;
use crate::tree::{Lecture, Node, Role, Text};

use super::closings::opens;
use super::item::Item;
use super::lead_sentence;
use super::page::{name_like, title_like};

/// Whether the text is a page of several reports: the title block is a report's title
/// over a byline, and at least two chapter lines further down are too.
pub fn several(lecture: &Lecture, body: &[(usize, Item)], chapters: &[usize], level: u8) -> bool {
    let byline_after = |c: &usize| {
        body.iter()
            .position(|(i, _)| i == c)
            .and_then(|k| body.get(k + 1))
            .and_then(|(_, item)| item.prose())
            .is_some_and(|t| name_like(&t.text))
    };
    level == 0
        && chapters.len() >= 2
        && chapters.iter().all(byline_after)
        && lecture.meta.speaker.as_deref().is_some_and(name_like)
        && headline(lecture).is_some()
}

/// The page's headline: a title-like line set with the title block above the title.
fn headline(lecture: &Lecture) -> Option<&Text> {
    let title_line = title_text(lecture)?.line;
    lecture
        .meta
        .lines
        .iter()
        .rfind(|t| t.line < title_line && title_like(&t.text) && !t.text.contains(['：', ':']))
}

/// The title block's title line.
fn title_text(lecture: &Lecture) -> Option<&Text> {
    let title = lecture.meta.title.as_deref()?;
    lecture
        .meta
        .lines
        .iter()
        .find(|t| t.text.trim().ends_with(title.trim()) || title.contains(t.text.trim()))
}

/// Makes the first report a part like the others: its title and byline leave the title
/// block, the page's headline becomes the deck's title. Returns the first report's
/// title line and what goes under it (byline, salutation, opening).
pub fn first_report(lecture: &mut Lecture) -> Option<(Text, Vec<Text>)> {
    let head = headline(lecture)?.text.trim().to_string();
    let title = title_text(lecture)?.clone();
    let speaker = lecture.meta.speaker.take()?;
    let byline: Vec<Text> = lecture
        .meta
        .lines
        .iter()
        .filter(|t| t.text.trim() == speaker.trim())
        .cloned()
        .collect();
    lecture
        .meta
        .lines
        .retain(|t| t.line != title.line && t.text.trim() != speaker.trim());
    lecture.meta.title = Some(head);
    lecture.meta.kicker = None;
    let mut under = byline;
    under.extend(lecture.salutation.take());
    under.append(&mut lecture.opening);
    for t in &mut under {
        t.new_para = true;
    }
    Some((title, under))
}

/// Each report's closing, as a 结束语 node at the end of its part: the paragraphs after
/// its last point's own text (the last point written as one paragraph), or from the
/// first that opens a closing among its last few. The last report takes the closing.
pub fn part_closings(lecture: &mut Lecture) {
    let parts = lecture.nodes.iter().filter(|n| n.chapter).count();
    let mut seen = 0;
    let closing = std::mem::take(&mut lecture.closing);
    let mut closing = Some(closing).filter(|c| !c.is_empty());
    for part in lecture.nodes.iter_mut().filter(|n| n.chapter) {
        seen += 1;
        let mut texts = last_body(part).map(take_closing).unwrap_or_default();
        if seen == parts {
            let mut rest = closing.take().unwrap_or_default();
            // the page's own note after the last report (班子主要领导的报告将在…述职。)
            // speaks of the reports, not as their writer: it stays the deck's closing
            let own = rest
                .iter()
                .rposition(|t| t.text.contains('我') || t.text.contains("本人"))
                .map_or(rest.len(), |i| i + 1);
            let page = rest.split_off(own);
            texts.extend(rest);
            closing = Some(page).filter(|c| !c.is_empty());
        }
        if let Some(node) = closing_node(texts) {
            part.children.push(node);
        }
    }
    if let Some(rest) = closing {
        lecture.closing = rest;
    }
}

/// The body of the deepest last node under `part`, and whether that node's heading
/// paragraph holds its own text (a point written as one paragraph).
fn last_body(part: &mut Node) -> Option<(&mut Vec<Text>, bool)> {
    let mut node = part.children.last_mut()?;
    while !node.children.is_empty() {
        node = node.children.last_mut().expect("not empty");
    }
    let (_, end) = lead_sentence(&node.heading.text);
    let whole = !node.heading.text[end..].trim().is_empty()
        || node.body.first().is_some_and(|t| !t.new_para);
    Some((&mut node.body, whole))
}

/// Takes the closing paragraphs off the end of a last point's body.
fn take_closing((body, whole): (&mut Vec<Text>, bool)) -> Vec<Text> {
    let paragraphs: Vec<usize> = (0..body.len())
        .filter(|&i| body[i].new_para && body[i].role == Role::Prose)
        .collect();
    let from = if whole {
        // a point written as one paragraph: what follows it closes the report
        paragraphs.first().copied()
    } else {
        // a heading line over its paragraph: the first that opens a closing, after it
        paragraphs
            .iter()
            .skip(1)
            .rev()
            .take(3)
            .rev()
            .find(|&&i| opens(&body[i].text))
            .copied()
    };
    from.map(|i| body.split_off(i)).unwrap_or_default()
}

/// A report's closing as a node of its part, without a number.
fn closing_node(mut texts: Vec<Text>) -> Option<Node> {
    if texts.is_empty() {
        return None;
    }
    let heading = texts.remove(0);
    let mut node = Node::unnumbered(heading, Style::Chapter, 0, "结束语".to_string());
    node.body = texts;
    Some(node)
}
