//! Diagnostics are data: the library collects them, only the binary prints them. Each
//! kind is a [`Code`] with its words in both languages in one table ([`codes`]).

pub mod codes;

use serde::Serialize;

pub use codes::Code;

use crate::span::{floor_char_boundary, Span};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Warning,
    Error,
}

/// Something worth telling the author, with where it is and what to do.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Diagnostic {
    /// The kind, a stable code (`L025`).
    pub code: Code,
    pub severity: Severity,
    #[serde(skip)]
    pub span: Span,
    /// 1-based line and character column of `span.start`.
    pub line: usize,
    pub column: usize,
    pub message: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub help: Option<String>,
    /// The same message and help in Chinese, for a command that speaks it; where it is
    /// missing the English stands.
    #[serde(skip)]
    pub zh: Option<Chinese>,
    /// For the note that stands for the rest of its kind past [`PER_KIND`]: how many
    /// more there are (0 for every other diagnostic).
    #[serde(skip)]
    pub more: usize,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Chinese {
    pub message: String,
    pub help: Option<String>,
}

impl Diagnostic {
    /// Message and help in Chinese when `chinese` and the diagnostic has them.
    pub fn words(&self, chinese: bool) -> (&str, Option<&str>) {
        match &self.zh {
            Some(zh) if chinese => (&zh.message, zh.help.as_deref()),
            _ => (&self.message, self.help.as_deref()),
        }
    }
}

/// Collects diagnostics and fills in line and column from the source's line index.
#[derive(Debug)]
pub struct Diagnostics<'a> {
    text: &'a str,
    lines: &'a crate::span::LineIndex,
    pub list: Vec<Diagnostic>,
}

impl<'a> Diagnostics<'a> {
    pub fn new(text: &'a str, lines: &'a crate::span::LineIndex) -> Self {
        Diagnostics {
            text,
            lines,
            list: Vec::new(),
        }
    }

    /// Adds a diagnostic of kind `code` at `span`; `args` fill the `{0}`, `{1}`, … of
    /// its words in both languages.
    pub fn emit(&mut self, code: Code, span: Span, args: &[&str]) -> &mut Diagnostic {
        let w = code.words();
        // A span must cut the text at characters, or no report can show it.
        let start = floor_char_boundary(self.text, span.start);
        let span = Span::new(start, floor_char_boundary(self.text, span.end).max(start));
        // line and column are filled in by `finish`, for the diagnostics it keeps
        self.list.push(Diagnostic {
            code,
            severity: w.severity,
            span,
            line: 0,
            column: 0,
            message: codes::fill(w.en, args),
            help: w.help_en.map(|h| codes::fill(h, args)),
            zh: Some(Chinese {
                message: codes::fill(w.zh, args),
                help: w.help_zh.map(|h| codes::fill(h, args)),
            }),
            more: 0,
        });
        self.list.last_mut().expect("just pushed")
    }

    /// Whether a diagnostic of kind `code` was given anywhere.
    pub fn any(&self, code: Code) -> bool {
        self.list.iter().any(|d| d.code == code)
    }

    /// Whether a diagnostic of kind `code` was given at `span` already.
    pub fn has(&self, code: Code, span: Span) -> bool {
        self.list.iter().any(|d| d.code == code && d.span == span)
    }

    /// The diagnostics in text order, at most [`PER_KIND`] of each kind: after that one
    /// note says how many more there are (100,000 empty `一、` lines are one mistake
    /// made 100,000 times, not 100,000 things to read).
    pub fn finish(mut self) -> Vec<Diagnostic> {
        self.list.sort_by_key(|d| (d.span.start, d.severity));
        let mut kept = cap_per_kind(self.list, PER_KIND);
        // Columns count characters from the line start: done only for what is kept, or
        // many diagnostics on one long line would cost the square of its length.
        for d in &mut kept {
            (d.line, d.column) = self.lines.line_col(self.text, d.span.start);
        }
        kept
    }
}

/// How many diagnostics of one kind are listed before the rest are counted.
pub const PER_KIND: usize = 20;

/// What makes two diagnostics the same kind: their code.
fn kind(d: &Diagnostic) -> Code {
    d.code
}

fn cap_per_kind(list: Vec<Diagnostic>, cap: usize) -> Vec<Diagnostic> {
    use std::collections::HashMap;
    let mut seen: HashMap<Code, usize> = HashMap::new();
    let mut kept = Vec::with_capacity(list.len().min(1024));
    // index in `kept` of the note for each kind that overflowed
    let mut notes: HashMap<Code, usize> = HashMap::new();
    for d in list {
        let k = kind(&d);
        let n = seen.entry(k).or_insert(0);
        *n += 1;
        if *n <= cap {
            kept.push(d);
        } else if let std::collections::hash_map::Entry::Vacant(e) = notes.entry(k) {
            e.insert(kept.len());
            kept.push(d);
        }
    }
    for (k, at) in notes {
        let more = seen[&k] - cap;
        let d = &mut kept[at];
        d.more = more;
        d.message = format!("{more} more like this, from here on: {}", d.message);
        if let Some(zh) = &mut d.zh {
            zh.message = format!("从这里起同类的还有 {more} 处：{}", zh.message);
        }
    }
    kept
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::span::LineIndex;

    #[test]
    fn a_mistake_made_many_times_is_listed_a_few_times_and_counted() {
        let text = "一、\n".repeat(1000);
        let lines = LineIndex::new(&text);
        let mut diags = Diagnostics::new(&text, &lines);
        for i in 0..1000 {
            let at = i * "一、\n".len();
            diags.emit(Code::EmptyHeading, Span::new(at, at + 3), &["一、"]);
        }
        diags.emit(Code::UnclosedQuote, Span::new(0, 0), &[]);
        let list = diags.finish();
        assert_eq!(list.len(), PER_KIND + 2, "{list:#?}");
        let note = list
            .iter()
            .find(|d| {
                d.message
                    .starts_with("980 more like this, from here on: 一、 has no text")
            })
            .expect("one note for the rest");
        assert_eq!(note.line, PER_KIND + 1);
        assert!(list.iter().any(|d| d.code == Code::UnclosedQuote));
    }
}
