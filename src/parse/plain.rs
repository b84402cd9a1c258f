//! Plain-text lectures: one paragraph a line, as lectures are pasted from Word or a web
//! page. Blank lines are ignored; indentation (U+3000 or spaces) is skipped.

use crate::diag::Diagnostics;
use crate::tree::{Lecture, Span, Text};

use super::assemble::{assemble, Item};

/// Reads a plain-text lecture.
pub fn parse(text: &str, diags: &mut Diagnostics) -> Lecture {
    let items = paragraphs(text).into_iter().map(Item::Text).collect();
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
