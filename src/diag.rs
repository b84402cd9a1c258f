//! Diagnostics are data: the library collects them, only the binary prints them.

use serde::Serialize;

use crate::source::floor_char_boundary;
use crate::tree::Span;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Warning,
    Error,
}

/// Something worth telling the author, with where it is and what to do.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Diagnostic {
    pub severity: Severity,
    #[serde(skip)]
    pub span: Span,
    /// 1-based line and character column of `span.start`.
    pub line: usize,
    pub column: usize,
    pub message: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub help: Option<String>,
}

/// Collects diagnostics and fills in line and column from the source's line index.
#[derive(Debug)]
pub struct Diagnostics<'a> {
    text: &'a str,
    lines: &'a crate::source::LineIndex,
    pub list: Vec<Diagnostic>,
}

impl<'a> Diagnostics<'a> {
    pub fn new(text: &'a str, lines: &'a crate::source::LineIndex) -> Self {
        Diagnostics {
            text,
            lines,
            list: Vec::new(),
        }
    }

    pub fn warn(&mut self, span: Span, message: impl Into<String>, help: Option<String>) {
        self.push(Severity::Warning, span, message.into(), help);
    }

    pub fn error(&mut self, span: Span, message: impl Into<String>, help: Option<String>) {
        self.push(Severity::Error, span, message.into(), help);
    }

    fn push(&mut self, severity: Severity, span: Span, message: String, help: Option<String>) {
        // A span must cut the text at characters, or no report can show it.
        let start = floor_char_boundary(self.text, span.start);
        let span = Span::new(start, floor_char_boundary(self.text, span.end).max(start));
        let (line, column) = self.lines.line_col(self.text, span.start);
        self.list.push(Diagnostic {
            severity,
            span,
            line,
            column,
            message,
            help,
        });
    }

    pub fn finish(mut self) -> Vec<Diagnostic> {
        self.list.sort_by_key(|d| (d.span.start, d.severity));
        self.list
    }
}
