//! Line breaks between words in the .pptx. PowerPoint, WPS and LibreOffice break Chinese
//! between any two characters (LibreOffice showed `安/全`); the HTML deck breaks only
//! between words. The box's width and the text's size are known and CJK glyphs are one
//! em wide, so the writer places the lines itself: an explicit break (`<a:br/>`) before
//! the word that would not fit, the words found as the HTML deck finds them
//! ([`crate::words`]).

use super::fit::em_width;
use super::text::{pieces_of_text, Piece};

/// Room kept free at the end of each line, in ems: programs set Latin letters and digits
/// a little wider than the estimate, and space them from Chinese.
const SLACK: f32 = 0.4;

/// Extra width of each change between Chinese and Latin letters, digits or signs, in ems
/// (the autospacing of LibreOffice and WPS: `文化 + 数字`).
const AUTOSPACE: f32 = 0.2;

fn ideograph(c: char) -> bool {
    matches!(c, '\u{3400}'..='\u{4DBF}' | '\u{4E00}'..='\u{9FFF}' | '\u{F900}'..='\u{FAFF}')
}

/// Marks after which a line may break (clause marks, closing brackets and quotes).
const AFTER: &str = "，。、；：！？）》」』”’,;:!?)";
/// Marks before which a line may break (opening brackets and quotes).
const BEFORE: &str = "（《「『“‘(";

/// Byte offsets in `text` where a line may break: between words, after a clause mark or
/// a closing bracket, before an opening one, after a space. (A mark never starts a line:
/// there is no break before a closing mark.)
pub fn break_points(text: &str) -> Vec<usize> {
    let mut out = crate::words::breaks(text);
    let mut prev: Option<char> = None;
    for (at, c) in text.char_indices() {
        if let Some(p) = prev {
            let closing_next = AFTER.contains(c) || c == '…' || c == '—';
            let may = AFTER.contains(p) || p == ' ' || BEFORE.contains(c);
            // （续） stays with the title before it
            let kept = closing_next || BEFORE.contains(p) || text[at..].starts_with("（续）");
            if may && !kept {
                out.push(at);
            }
        }
        prev = Some(c);
    }
    out.sort_unstable();
    out.dedup();
    out
}

/// Width of `s` in ems as a program sets it (see [`AUTOSPACE`]).
fn width(s: &str) -> f32 {
    let mut changes = 0;
    let mut prev = None;
    for c in s.chars() {
        let kind = if ideograph(c) {
            Some(true)
        } else if c.is_ascii_graphic() {
            Some(false)
        } else {
            None
        };
        if let (Some(a), Some(b)) = (prev, kind) {
            if a != b {
                changes += 1;
            }
        }
        if kind.is_some() {
            prev = kind;
        }
    }
    em_width(s) + changes as f32 * AUTOSPACE
}

/// `text` cut into lines of at most `ems` ems (letter spacing `spacing` ems a
/// character), breaking only where [`break_points`] allows; a word longer than a line is
/// left to the program to break.
pub fn lines(text: &str, ems: f32, spacing: f32) -> Vec<&str> {
    let max = ems - SLACK;
    let fits = |l: &str| width(l) + spacing * l.chars().count() as f32 <= max;
    let mut out = Vec::new();
    // the line so far runs from `start`; it may end at `end`
    let (mut start, mut end) = (0, 0);
    let mut points = break_points(text);
    points.push(text.len());
    for at in points {
        if fits(&text[start..at]) {
            end = at;
            continue;
        }
        if end > start {
            out.push(&text[start..end]);
            start = end;
        }
        if fits(&text[start..at]) {
            end = at;
        } else {
            // one word longer than a line: whole, the program breaks it
            out.push(&text[start..at]);
            start = at;
            end = at;
        }
    }
    if start < text.len() {
        out.push(&text[start..]);
    }
    out
}

/// How many lines `text` takes at `size` points in a box `w` points wide, broken
/// between words (a line feed starts a new line).
pub fn count(text: &str, size: f32, w: f32) -> usize {
    text.split('\n')
        .map(|l| lines(l, w / size, 0.0).len().max(1))
        .sum()
}

/// The pieces of a plain paragraph with a break placed before each word that would not
/// fit a line `ems` wide. Formatted paragraphs (several runs) are left as they are.
pub fn place_breaks(pieces: &[Piece], ems: f32, spacing: f32) -> Option<Vec<Piece>> {
    let mut marks = None;
    let mut text = String::new();
    for p in pieces {
        match p {
            Piece::Text { text: t, marks: m } => {
                if marks.is_some_and(|k| k != *m) {
                    return None;
                }
                marks = Some(*m);
                text.push_str(t);
            }
            Piece::Break => text.push('\n'),
            Piece::SlideNumber(_) => return None,
        }
    }
    let marks = marks?;
    let placed: Vec<String> = text
        .split('\n')
        .map(|l| lines(l, ems, spacing).join("\n"))
        .collect();
    Some(pieces_of_text(&placed.join("\n"), marks))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The line breaks a word-blind program would make: every `n` characters.
    fn inside_a_word(text: &str, lines: &[&str]) -> Vec<String> {
        let words = crate::words::breaks(text);
        let mut at = 0;
        let mut bad = Vec::new();
        for l in &lines[..lines.len() - 1] {
            at += l.len();
            let next = text[at..].chars().next().unwrap();
            let before = text[..at].chars().next_back().unwrap();
            if ideograph(before) && ideograph(next) && !words.contains(&at) {
                bad.push(format!("{before}|{next}"));
            }
        }
        bad
    }

    #[test]
    fn lines_break_between_words_only() {
        // the seed's title at 4:3: LibreOffice broke 安/全
        let title = "切实增强发展新质生产力的战略主动，牢牢掌握发展和安全的主动权";
        for ems in [7.0, 9.0, 11.0, 13.0, 17.0] {
            let ls = lines(title, ems, 0.0);
            assert_eq!(ls.concat(), title);
            assert!(inside_a_word(title, &ls).is_empty(), "{ems}: {ls:?}");
            // a line wider than the box is one word (发展新质生产力 in 7 ems)
            assert!(
                (ls.iter()).all(|l| width(l) <= ems - SLACK || break_points(l).is_empty()),
                "{ems}: {ls:?}"
            );
        }
    }

    #[test]
    fn marks_stay_off_the_start_of_a_line() {
        let text = "坚持党的全面领导，坚持人民至上（续）";
        for ems in 3..20 {
            for l in lines(text, ems as f32, 0.0).iter().skip(1) {
                assert!(
                    !l.starts_with(['，', '）']) && !l.starts_with("（续"),
                    "{ems}: {l}"
                );
            }
        }
    }

    #[test]
    fn a_paragraph_gets_breaks_a_formatted_one_is_left_alone() {
        let plain = pieces_of_text(
            "学深悟透、把准方向，切实增强发展新质生产力的战略主动",
            Default::default(),
        );
        let placed = place_breaks(&plain, 10.0, 0.0).unwrap();
        assert!(placed.iter().filter(|p| matches!(p, Piece::Break)).count() >= 2);
        let mixed = vec![
            Piece::Text {
                text: "创新".into(),
                marks: Default::default(),
            },
            Piece::Text {
                text: "第一动力".into(),
                marks: super::super::text::Marks {
                    bold: true,
                    ..Default::default()
                },
            },
        ];
        assert!(place_breaks(&mixed, 3.0, 0.0).is_none());
    }
}
