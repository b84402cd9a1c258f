//! Footnotes and references at the end of a text — a `注释`/`参考资料` section, a rule over
//! `〔1〕…` entries, a trailing run of `⑴`/`[1]` entries — are no part of the talk: they
//! stay off the slides. Each entry goes into the notes right after the paragraph that
//! cites it (`⑴`, `〔1〕`, `[1]` in the text), the others into the closing's notes.

use crate::tree::{Lecture, Node, Role, Text};

use super::item::Item;

/// A notes section's label line: `注释`, `注　　释`, `参考资料：` and the like.
fn is_label(s: &str) -> bool {
    let bare: String = s
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '#')
        .collect();
    let bare = bare
        .trim_end_matches(['：', ':'])
        .trim_start_matches(['【', '['])
        .trim_end_matches(['】', ']']);
    matches!(
        bare,
        "注释" | "注" | "注解" | "附注" | "尾注" | "参考资料" | "参考文献" | "参考书目"
    )
}

/// A rule line (`------------------`, `————`): it sets the notes apart.
fn is_rule(s: &str) -> bool {
    let t = s.trim();
    t.chars().count() >= 3 && t.chars().all(|c| "-—－─_＿=*".contains(c))
}

/// The number an entry starts with: `〔3〕`, `[3]`, `［3］`, `⑶`; under a label also
/// `3.`, `3．`, `3、` and `③`. A stray stop before it (`. 12.`) is skipped.
fn entry_number(s: &str, labelled: bool) -> Option<u32> {
    let t = s.trim_start_matches([' ', '\u{3000}', '\t']);
    let t = if labelled {
        t.trim_start_matches(['.', '．', ' '])
    } else {
        t
    };
    let first = t.chars().next()?;
    if let Some(n) = circled(first) {
        return (labelled || (0x2474..=0x2487).contains(&(first as u32))).then_some(n);
    }
    for (open, close) in [('〔', '〕'), ('[', ']'), ('［', '］')] {
        if let Some(rest) = t.strip_prefix(open) {
            let digits: String = rest.chars().take_while(char::is_ascii_digit).collect();
            if !digits.is_empty() && rest[digits.len()..].starts_with(close) {
                return digits.parse().ok();
            }
        }
    }
    if labelled {
        let digits: String = t.chars().take_while(char::is_ascii_digit).collect();
        let after = t[digits.len()..].chars().next();
        if !digits.is_empty() && matches!(after, Some('.' | '．' | '、')) {
            return digits.parse().ok();
        }
    }
    None
}

/// `⑴`…`⒇` and `①`…`⑳` as numbers.
fn circled(c: char) -> Option<u32> {
    let v = c as u32;
    match v {
        0x2474..=0x2487 => Some(v - 0x2474 + 1),
        0x2460..=0x2473 => Some(v - 0x2460 + 1),
        _ => None,
    }
}

/// The notes section at the end of `items`, taken out: the rules (for `dropped`) and the
/// label and entries, each entry with its number (a line that goes on from the entry
/// before it has none).
pub struct Section {
    pub rules: Vec<Text>,
    pub label: Vec<Text>,
    pub entries: Vec<(Option<u32>, Text)>,
}

/// Takes the notes section off the end of `items`, if there is one.
pub fn split_notes(items: &mut Vec<Item>) -> Option<Section> {
    let start = section_start(items)?;
    let mut section = Section {
        rules: Vec::new(),
        label: Vec::new(),
        entries: Vec::new(),
    };
    let mut labelled = false;
    for item in items.split_off(start) {
        let mut t = item.text().clone();
        if is_rule(&t.text) {
            section.rules.push(t);
            continue;
        }
        t.role = Role::Footnote;
        t.rich = None;
        t.new_para = true;
        if section.entries.is_empty() && is_label(&t.text) {
            labelled = true;
            section.label.push(t);
            continue;
        }
        let n = entry_number(&t.text, labelled);
        section.entries.push((n, t));
    }
    Some(section)
}

/// Where the notes section starts: a label or a rule followed by entries, or a trailing
/// run of bracketed entries from 1 on; everything after it is entries and their lines.
fn section_start(items: &[Item]) -> Option<usize> {
    let text = |i: usize| items[i].text().text.as_str();
    let is_entry = |i: usize, labelled: bool| {
        matches!(items[i], Item::Text(ref t) if t.role == Role::Prose)
            && entry_number(text(i), labelled).is_some()
    };
    // From the end: the first label or rule whose next item opens the entries.
    for i in (1..items.len()).rev() {
        let labelled = is_label(text(i));
        let rule = is_rule(text(i));
        if !(labelled || rule) {
            continue;
        }
        let mut j = i + 1;
        // a rule over a label
        if rule && j < items.len() && is_label(text(j)) {
            j += 1;
        }
        let opens = j < items.len()
            && is_entry(j, labelled || j > i + 1)
            && entry_number(text(j), true) == Some(1);
        if opens {
            return Some(i);
        }
    }
    // No label: a run of 〔1〕 [1] ⑴ entries to the end, from 1 on, at least two.
    let mut at = items.len();
    while at > 1 && is_entry(at - 1, false) {
        at -= 1;
    }
    let run = items.len() - at;
    (run >= 2 && entry_number(text(at), false) == Some(1)).then_some(at)
}

/// The number of a footnote entry (`〔3〕…`, `[3]…`, `⑶…`, `3. …`).
pub fn note_number(s: &str) -> Option<u32> {
    entry_number(s, true)
}

/// The marks a text may cite note `n` with.
pub fn marks(n: u32) -> Vec<String> {
    let mut out = vec![format!("〔{n}〕"), format!("[{n}]"), format!("［{n}］")];
    if (1..=20).contains(&n) {
        out.push(char::from_u32(0x2474 + n - 1).unwrap().to_string());
    }
    out
}

/// Puts each entry after the paragraph that cites it, the rest (and the label) at the
/// end of the closing; the rules are dropped.
pub fn place_notes(lecture: &mut Lecture, section: Section) {
    lecture.dropped.extend(section.rules);
    let mut left: Vec<Text> = section.label;
    let mut last_placed: Option<String> = None;
    for (n, entry) in section.entries {
        let placed = match n {
            Some(n) => marks(n).into_iter().find(|m| cite(lecture, m, &entry)),
            // a line that goes on from the entry before it goes with it
            None => last_placed.clone().filter(|m| cite(lecture, m, &entry)),
        };
        match &placed {
            Some(m) => {
                if n.is_some() {
                    lecture.citations.push(m.clone());
                }
            }
            None => left.push(entry),
        }
        if n.is_some() {
            last_placed = placed;
        }
    }
    lecture.citations.sort();
    lecture.citations.dedup();
    lecture.closing.extend(left);
}

/// Inserts `note` after the last note already placed after the first paragraph that
/// holds `mark` (in reading order), if one does.
fn cite(lecture: &mut Lecture, mark: &str, note: &Text) -> bool {
    if let Some(s) = lecture.salutation.as_ref() {
        if s.text.contains(mark) {
            lecture
                .opening
                .insert(after_notes(&lecture.opening, 0), note.clone());
            return true;
        }
    }
    if insert_after(&mut lecture.opening, mark, note) {
        return true;
    }
    for n in &mut lecture.nodes {
        if in_node(n, mark, note) {
            return true;
        }
    }
    if let Some(e) = &mut lecture.ending {
        if insert_after(&mut e.body, mark, note)
            || e.children.iter_mut().any(|c| in_node(c, mark, note))
        {
            return true;
        }
    }
    insert_after(&mut lecture.closing, mark, note)
}

fn in_node(node: &mut Node, mark: &str, note: &Text) -> bool {
    if node.heading.text.contains(mark) {
        let end = node
            .body
            .iter()
            .position(|t| t.new_para)
            .unwrap_or(node.body.len());
        node.body.insert(after_notes(&node.body, end), note.clone());
        return true;
    }
    insert_after(&mut node.body, mark, note)
        || node.children.iter_mut().any(|c| in_node(c, mark, note))
}

/// After the paragraph holding `mark`: past its runs and the notes placed there before.
fn insert_after(texts: &mut Vec<Text>, mark: &str, note: &Text) -> bool {
    let Some(k) = texts
        .iter()
        .position(|t| t.role != Role::Footnote && t.text.contains(mark))
    else {
        return false;
    };
    let mut end = k + 1;
    while end < texts.len() && !texts[end].new_para {
        end += 1;
    }
    texts.insert(after_notes(texts, end), note.clone());
    true
}

/// Past the notes that already stand at `at`.
fn after_notes(texts: &[Text], mut at: usize) -> usize {
    while at < texts.len() && texts[at].role == Role::Footnote {
        at += 1;
    }
    at
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn entries_and_labels() {
        assert!(is_label("　　注　　释   "));
        assert!(is_label("注释："));
        assert!(is_label("参考资料"));
        assert!(!is_label("注意安全"));
        assert!(is_rule("------------------"));
        assert!(!is_rule("--"));
        assert_eq!(entry_number("　　〔11〕参见列宁", false), Some(11));
        assert_eq!(entry_number("[2] 见", false), Some(2));
        assert_eq!(entry_number("⑶ 见", false), Some(3));
        // 1. and ① are notes only under a label; elsewhere they are points
        assert_eq!(entry_number("1. C.S. Lewis", false), None);
        assert_eq!(entry_number("1. C.S. Lewis", true), Some(1));
        assert_eq!(entry_number(". 12. Marvin", true), Some(12));
        assert_eq!(entry_number("①见", false), None);
        assert_eq!(entry_number("〔一〕", false), None);
    }
}
