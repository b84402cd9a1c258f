//! Where a talk closes, and where a review turns to its problems. A closing hangs under
//! no point: the salutation paragraph (`同志们，…`), a summary (`以上…`, `总之…`,
//! `综上所述…`, `最后，…`), thanks and the annexes after them are the closing. The turn
//! to problems after a review (`在充分肯定成绩的同时，…不足`) is a part of its own.

use crate::numbering::Style;
use crate::tree::{Node, Role, Text};

use super::item::Item;
use super::lead_sentence;
use super::title::is_closing;

/// How many paragraphs at the end of the body a closing may start back from.
const WINDOW: usize = 4;

/// Index of the first closing item: the trailing run of 谢谢 / exhortation paragraphs,
/// an annex list (`附1：`, `附：《…》`) at the end, or, among the last few paragraphs after
/// the last numbered heading, the first that opens a closing.
pub fn closing_start(items: &[Item]) -> usize {
    let mut at = items.len();
    while at > 1 && items[at - 1].prose().is_some_and(|t| is_closing(&t.text)) {
        at -= 1;
    }
    if let Some(a) = annex_start(&items[..at]) {
        at = a;
    }
    // the last numbered heading keeps its own text: a heading line alone (`五、结论`)
    // keeps the paragraph after it
    let from = match items[..at].iter().rposition(Item::is_heading) {
        Some(h) => h + if title_only(&items[h]) { 2 } else { 1 },
        None => 1,
    };
    let from = from.max(at.saturating_sub(WINDOW));
    if let Some(j) = (from..at).find(|&j| items[j].prose().is_some_and(|t| opens(&t.text))) {
        at = j;
    }
    at
}

/// A heading with nothing after its title in its paragraph.
fn title_only(item: &Item) -> bool {
    match item {
        Item::Heading { .. } => true,
        Item::Text(t) => {
            let (_, end) = lead_sentence(&t.text);
            t.text[end..].trim().is_empty() && !t.text.trim_end().ends_with(['。', '！', '？'])
        }
    }
}

/// An annex after the talk: a line `附1：`, `附件`, `附：《…》`, with only short lines (the
/// annex's list, a sign-off) after it.
fn annex_start(items: &[Item]) -> Option<usize> {
    let mut found = None;
    for i in (1..items.len()).rev() {
        let Some(t) = items[i].prose() else {
            break;
        };
        if t.text.trim().chars().count() > 60 {
            break;
        }
        if is_annex(&t.text) {
            found = Some(i);
        }
    }
    found
}

fn is_annex(s: &str) -> bool {
    let t = s.trim();
    let Some(rest) = t.strip_prefix('附') else {
        return false;
    };
    let rest = rest.trim_start_matches(['件', '录']);
    rest.starts_with(['：', ':', '《'])
        || rest.starts_with(|c: char| c.is_ascii_digit() || "一二三四五六七八九".contains(c))
        || rest.is_empty()
}

/// A paragraph that opens a closing.
pub fn opens(s: &str) -> bool {
    // (not 各位代表: a government report opens its last section with it)
    const SALUTES: [&str; 8] = [
        "同志们，",
        "同志们！",
        "老师们，",
        "同学们，",
        "老师们、同学们",
        "各位老师，",
        "各位家长，",
        "各位同事，",
    ];
    const SUMS: [&str; 18] = [
        "以上",
        "今后，",
        "总之",
        "综上",
        "总而言之",
        "最后，",
        "最后,",
        "最后我想",
        "最后我再",
        "最后让我们",
        "再次感谢",
        "再次向",
        "衷心感谢",
        "衷心祝愿",
        "我将诚恳接受",
        "不当之处",
        "谢谢",
        "感谢大家",
    ];
    let t = s.trim_start_matches([' ', '\u{3000}']);
    let (stop, _) = lead_sentence(t);
    let lead = &t[..stop];
    SALUTES.iter().chain(&SUMS).any(|p| t.starts_with(p))
        || (t.starts_with("回顾") && lead.contains("工作") && lead.contains('，'))
        || ["以上这些", "以上几点", "以上几个方面", "以上是", "以上意见"]
            .iter()
            .any(|w| lead.contains(w))
        || ["特别要感谢", "特别感谢", "表示诚挚的感谢", "表示衷心的感谢"]
            .iter()
            .any(|w| lead.contains(w))
}

/// The turn to problems after a review: `在充分肯定成绩的同时，…存在的不足`,
/// `当然，学校工作还存在一些不足，主要如下：`.
pub fn turns_to_problems(item: &Item) -> bool {
    const TURNS: [&str; 9] = [
        "在充分肯定",
        "在肯定成绩",
        "在看到成绩",
        "当然，",
        "同时，我们也",
        "与此同时，",
        "我们也要清醒",
        "我们也清醒",
        "但也要看到",
    ];
    let Some(t) = item.prose().filter(|t| t.role == Role::Prose) else {
        return false;
    };
    let t = t.text.trim_start_matches([' ', '\u{3000}']);
    let (stop, _) = lead_sentence(t);
    let lead = &t[..stop];
    TURNS.iter().any(|p| t.starts_with(p))
        && ["不足", "差距", "问题", "短板"]
            .iter()
            .any(|w| lead.contains(w))
}

/// The turn to problems after a review, as a part the reader makes (存在的问题, no
/// number): it closes the part under review when the next numbered heading is a part of
/// the same level (一、 after the review's （五）), else it is a part of its own, over the
/// problems numbered after it.
pub fn problems_part(t: &Text, next: Option<u8>) -> Node {
    let level = if next.is_some_and(|l| l <= 1) { 2 } else { 1 };
    let style = Style::at_level(level).unwrap_or(Style::Chapter);
    Node::unnumbered(t.clone(), style, 0, "存在的问题".to_string())
}

/// A part's summing up after its points (`我希望看完…`, `总之，…` as the last paragraph
/// of a part whose text ends in inline points): the last point's trailing paragraphs,
/// from the first that opens a summary, become a point 小结 of the part, after its
/// points, so they hang in the part and not under its last point. Searched in every
/// block node.
pub fn part_summaries(nodes: &mut [Node]) {
    for node in nodes.iter_mut() {
        part_summaries(&mut node.children);
        if node.inline {
            continue;
        }
        if let Some(summary) = take_summary(node).or_else(|| after_list(node)) {
            node.children.push(summary);
        }
    }
}

/// The paragraphs after a list of numbered paragraphs (（一）…（三）, each one paragraph
/// holding its own text) are the text of the node the list stands in, not of its last
/// item: an unnumbered node of it after the list, titled by its lead sentence
/// (`我们走过了许多弯路` after the proposals （一）…（三）).
fn after_list(node: &mut Node) -> Option<Node> {
    let para = |t: &Text| t.new_para && t.role == Role::Prose;
    let one =
        |n: &Node| !n.inline && n.children.is_empty() && n.body.first().is_none_or(|t| !t.new_para);
    let (last, before) = node.children.split_last_mut()?;
    if before.len() < 2
        || !before.iter().all(|n| one(n) && !n.body.iter().any(para))
        || last.inline
        || !last.children.is_empty()
    {
        return None;
    }
    let k = last.body.iter().position(para)?;
    let mut texts = last.body.split_off(k);
    last.span.end = last.body.last().map_or(last.span.end, |t| t.span.end);
    let heading = texts.remove(0);
    let end = texts.last().map_or(heading.span.end, |t| t.span.end);
    // titled by its lead sentence: it may sum up or go on with the node's own text
    let (stop, _) = lead_sentence(heading.text.trim_start_matches([' ', '\u{3000}']));
    let lead = heading.text.trim_start_matches([' ', '\u{3000}'])[..stop].trim();
    let lead = lead.to_string();
    let mut node = Node::unnumbered(heading, last.marker.style, 0, lead);
    node.span.end = end;
    node.body = texts;
    Some(node)
}

fn take_summary(node: &mut Node) -> Option<Node> {
    let mut last = node.children.last_mut().filter(|c| c.inline)?;
    while let Some(next) = last.children.last_mut().filter(|c| c.inline) {
        last = next;
    }
    let body = &mut last.body;
    let paragraphs: Vec<usize> = (0..body.len())
        .filter(|&i| body[i].new_para && body[i].role == Role::Prose)
        .collect();
    // the last one or two paragraphs, never the point's first
    let from = paragraphs
        .iter()
        .rev()
        .take(2)
        .rev()
        .find(|&&i| i > 0 && sums_up(&body[i].text))
        .copied()?;
    let mut texts = body.split_off(from);
    let heading = texts.remove(0);
    let end = texts.last().map_or(heading.span.end, |t| t.span.end);
    last.span.end = last
        .body
        .last()
        .map_or(last.heading.span.end, |t| t.span.end);
    let mut node = Node::unnumbered(heading, last.marker.style, 0, "小结".to_string());
    node.span.end = end;
    node.body = texts;
    node.inline = true;
    Some(node)
}

/// A paragraph that sums a part up: a closing's opening words, or a wish to the
/// audience (`我希望…`).
fn sums_up(s: &str) -> bool {
    let t = s.trim_start_matches([' ', '\u{3000}']);
    opens(t)
        || ["我希望", "希望大家", "总的来说", "总的看"]
            .iter()
            .any(|p| t.starts_with(p))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn closings_and_what_is_not() {
        assert!(opens("同志们，教育是一项关系千家万户的大事业。"));
        assert!(opens("综上所述，家庭教育最重要的是人品教育。"));
        assert!(opens("以上是我本年度的工作汇报，不当之处请批评指正。"));
        assert!(opens(
            "我和政治局的同志觉得，要有以上这些方法，才能把党委的工作搞好。"
        ));
        assert!(opens(
            "回顾三年来的工作，虽然取得了一定的成绩和进步，但差距仍在。"
        ));
        assert!(opens("在一年的工作中，特别要感谢全体老师。"));
        assert!(!opens("最后我要谈家长会犯的另外一种毛病。"));
        assert!(!opens("回顾历史，我们深受鼓舞。"));
        assert!(is_annex("附1："));
        assert!(is_annex("附：《2021年度绍兴一中廉洁风险防控清单》"));
        assert!(!is_annex("附近的学校"));
    }
}
