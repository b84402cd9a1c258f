//! Plain-text lectures: one paragraph a line, as lectures are pasted from Word or a web
//! page. Blank lines are ignored; indentation (U+3000 or spaces) is skipped.

use crate::diag::Diagnostics;
use crate::input::source::Span;
use crate::tree::{Lecture, Text};

use super::assemble::assemble;
use super::item::Item;

/// Reads a plain-text lecture.
pub fn parse(text: &str, diags: &mut Diagnostics) -> Lecture {
    parse_with_blocks(text, Vec::new(), diags)
}

/// Reads a plain-text lecture with blocks (pictures from a Word file) that stand after
/// given lines: each goes right after the paragraph of its line (1-based), or after
/// the nearest paragraph before it when its line is empty.
pub fn parse_with_blocks(text: &str, mut blocks: Vec<Text>, diags: &mut Diagnostics) -> Lecture {
    blocks.sort_by_key(|b| b.line);
    let mut blocks = blocks.into_iter().peekable();
    let mut items = Vec::new();
    for para in paragraphs(text) {
        while let Some(b) = blocks.next_if(|b| b.line < para.line) {
            items.push(Item::Text(b));
        }
        items.push(Item::Text(para));
    }
    items.extend(blocks.map(Item::Text));
    assemble(items, diags)
}

/// Non-empty lines as paragraphs, indentation skipped.
fn paragraphs(text: &str) -> Vec<Text> {
    let mut out = Vec::new();
    let mut offset = 0;
    for (i, line) in text.split('\n').enumerate() {
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::input::source::LineIndex;
    use crate::tree::Role;

    fn picture(line: usize) -> Text {
        Text {
            text: String::new(),
            span: Span::new(0, 0),
            new_para: true,
            line,
            role: Role::Block,
            rich: Some(crate::tree::Rich::Block(crate::deck::Block::Code {
                text: String::new(),
            })),
        }
    }

    #[test]
    fn pictures_go_after_their_paragraph_and_never_take_the_title() {
        // Line 1 holds only a picture (an emblem above the title), line 6 another.
        let text = "\n讲话题目\n同志们：\n一、第一部分\n正文一段。\n\n正文二段。";
        let lines = LineIndex::new(text);
        let mut diags = Diagnostics::new(text, &lines);
        let lecture = parse_with_blocks(text, vec![picture(6), picture(1)], &mut diags);
        assert_eq!(lecture.meta.title.as_deref(), Some("讲话题目"));
        assert_eq!(lecture.salutation.as_ref().unwrap().text, "同志们：");
        assert_eq!(lecture.opening.len(), 1);
        assert_eq!(lecture.opening[0].role, Role::Block);
        let body: Vec<(&str, Role)> = lecture.nodes[0]
            .body
            .iter()
            .map(|t| (t.text.as_str(), t.role))
            .collect();
        assert_eq!(
            body,
            [
                ("正文一段。", Role::Prose),
                ("", Role::Block),
                ("正文二段。", Role::Prose)
            ]
        );
    }
}
