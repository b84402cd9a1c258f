//! Everything the command prints on standard error: diagnostics with the source line
//! and a caret, counts, notes. Buffered (one write for many lines); a long source line
//! is shown clipped around the caret; after [`PER_KIND`] diagnostics of one kind, one
//! line says how many more there are.

use std::collections::HashMap;
use std::io::{IsTerminal, Write};
use std::ops::Range;
use std::path::Path;

use codespan_reporting::diagnostic::{Diagnostic as Report, Label};
use codespan_reporting::files::{Error as FilesError, Files};
use codespan_reporting::term::{self, termcolor};

use lectern::{Diagnostic, Parsed, Severity};

use super::lang::{current, t, Lang};

/// Diagnostics of one kind shown in full before the rest are counted.
pub const PER_KIND: usize = 20;

/// Characters of the source line shown either side of the spot.
const CONTEXT_CHARS: usize = 40;

/// Standard error, buffered and coloured when it is a terminal.
pub struct Reporter {
    err: termcolor::BufferedStandardStream,
    /// `-q`: only errors and warnings, no notes.
    pub quiet: bool,
}

/// How many of each severity a report held.
#[derive(Debug, Clone, Copy, Default)]
pub struct Counts {
    pub errors: usize,
    pub warnings: usize,
}

impl Reporter {
    pub fn new(quiet: bool) -> Reporter {
        let color = if std::io::stderr().is_terminal() && std::env::var_os("NO_COLOR").is_none() {
            termcolor::ColorChoice::Auto
        } else {
            termcolor::ColorChoice::Never
        };
        Reporter {
            err: termcolor::BufferedStandardStream::stderr(color),
            quiet,
        }
    }

    /// `error: …`, always shown.
    pub fn error(&mut self, message: &str) {
        let message = printable(message);
        let _ = writeln!(self.err, "{}", t!("error: {message}", "错误：{message}"));
    }

    /// A line of information (`wrote deck.html …`), left out under `-q`.
    pub fn note(&mut self, message: &str) {
        if !self.quiet {
            let _ = writeln!(self.err, "{}", printable(message));
        }
    }

    /// Prints the diagnostics of `parsed` (read from `path`) and their counts.
    pub fn diagnostics(&mut self, path: &Path, parsed: &Parsed, line_word: &str) -> Counts {
        let name = printable(&path.display().to_string()).into_owned();
        let text = parsed.source.text.as_str();
        let config = term::Config::default();
        // keyed by (is an error, kind)
        let mut shown: HashMap<(bool, lectern::Code), (usize, &str)> = HashMap::new();
        let mut counts = Counts::default();
        for d in &parsed.diagnostics {
            match d.severity {
                Severity::Error => counts.errors += 1,
                Severity::Warning => counts.warnings += 1,
            }
            let seen = shown
                .entry((d.severity == Severity::Error, d.code))
                .or_insert((0, d.words(current() == Lang::Zh).0));
            // the library's note for the rest of a kind is shown, not counted again
            seen.0 += usize::from(d.more == 0);
            if seen.0 > PER_KIND || (self.quiet && d.severity == Severity::Warning) {
                continue;
            }
            let excerpt = Excerpt::around(&name, text, d);
            let _ = term::emit(&mut self.err, &config, &excerpt, &excerpt.report(d));
        }
        let mut more: Vec<_> = shown.iter().filter(|(_, (n, _))| *n > PER_KIND).collect();
        more.sort();
        for ((error, _), (n, first)) in more {
            if self.quiet && !error {
                continue;
            }
            // named by the first of them
            let (n, kind) = (n - PER_KIND, printable(first));
            let _ = writeln!(
                self.err,
                "{}",
                if *error {
                    t!(
                        "error: … and {n} more like this ({kind})",
                        "错误：……同类的还有 {n} 处（{kind}）"
                    )
                } else {
                    t!(
                        "warning: … and {n} more like this ({kind})",
                        "警告：……同类的还有 {n} 处（{kind}）"
                    )
                }
            );
        }
        let shown = if self.quiet {
            counts.errors
        } else {
            counts.errors + counts.warnings
        };
        if shown > 0 {
            if line_word == "paragraph" {
                let _ = writeln!(self.err, "{}", t!(
                    "note: in a Word file, line N above is paragraph N (empty paragraphs and table cells count)",
                    "注意：Word 文件里，上面的第 N 行就是第 N 段（空段落和表格单元格也算）"
                ));
            }
            let (errors, warnings) = (counts.errors, counts.warnings);
            let _ = writeln!(
                self.err,
                "{}",
                t!(
                    "{name}: {errors} error(s), {warnings} warning(s)",
                    "{name}：{errors} 个错误，{warnings} 个警告"
                )
            );
        }
        counts
    }

    pub fn flush(&mut self) {
        let _ = self.err.flush();
    }
}

impl Drop for Reporter {
    fn drop(&mut self) {
        self.flush();
    }
}

/// The source line of one diagnostic, clipped to a window around its spot, posing as a
/// one-line file whose line and column numbers are the real ones.
struct Excerpt<'a> {
    name: &'a str,
    text: String,
    /// Where the diagnostic's span falls in `text`.
    range: Range<usize>,
    line: usize,
    column: usize,
}

impl<'a> Excerpt<'a> {
    fn around(name: &'a str, source: &str, d: &Diagnostic) -> Excerpt<'a> {
        let at = floor(source, d.span.start.min(source.len()));
        // the window: up to CONTEXT_CHARS characters either side, never past the line
        let mut start = at;
        for (n, (i, c)) in source[..at].char_indices().rev().enumerate() {
            if c == '\n' || n == CONTEXT_CHARS {
                break;
            }
            start = i;
        }
        let line_end = |from: usize| source[from..].find('\n').map_or(source.len(), |i| from + i);
        let span_end = floor(source, d.span.end.clamp(at, source.len()));
        let span_end = span_end.min(line_end(at));
        let mut end = span_end;
        for (n, (i, c)) in source[span_end..].char_indices().enumerate() {
            if c == '\n' || n == CONTEXT_CHARS {
                break;
            }
            end = span_end + i + c.len_utf8();
        }
        let before = start > 0 && !source[..start].ends_with('\n');
        let after = end < source.len() && !source[end..].starts_with('\n');
        let mut text = String::from(if before { "…" } else { "" });
        text.push_str(&printable(&source[start..at]));
        let from = text.len();
        text.push_str(&printable(&source[at..span_end]));
        let to = text.len();
        text.push_str(&printable(&source[span_end..end]));
        if after {
            text.push('…');
        }
        Excerpt {
            name,
            text,
            range: from..to,
            line: d.line,
            column: d.column,
        }
    }

    fn report(&self, d: &Diagnostic) -> Report<()> {
        let report = match d.severity {
            Severity::Warning => Report::warning(),
            Severity::Error => Report::error(),
        };
        let chinese = current() == Lang::Zh;
        let (message, help) = d.words(chinese);
        let mut report = report
            .with_code(d.code.as_str())
            .with_message(printable(message))
            .with_labels(vec![Label::primary((), self.range.clone())]);
        if let Some(help) = help {
            let help = printable(help);
            report = report.with_notes(vec![if chinese {
                format!("提示：{help}")
            } else {
                format!("help: {help}")
            }]);
        }
        report
    }
}

/// `text` safe to print on a terminal: control characters (the start of escape
/// sequences a lecture may carry) become visible symbols of one column each; line
/// breaks and tabs stay.
pub fn printable(text: &str) -> std::borrow::Cow<'_, str> {
    let bad = |c: char| c.is_control() && c != '\n' && c != '\t';
    if !text.chars().any(bad) {
        return text.into();
    }
    text.chars()
        .map(|c| match c {
            c if !bad(c) => c,
            // U+2400…U+241F draw C0 controls (␛ for ESC), U+2421 draws DEL
            c if (c as u32) < 0x20 => char::from_u32(0x2400 + c as u32).unwrap_or('?'),
            '\u{7f}' => '\u{2421}',
            _ => '\u{fffd}',
        })
        .collect::<String>()
        .into()
}

fn floor(text: &str, mut at: usize) -> usize {
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

impl<'f> Files<'f> for Excerpt<'_> {
    type FileId = ();
    type Name = &'f str;
    type Source = &'f str;

    fn name(&'f self, (): ()) -> Result<&'f str, FilesError> {
        Ok(self.name)
    }
    fn source(&'f self, (): ()) -> Result<&'f str, FilesError> {
        Ok(&self.text)
    }
    fn line_index(&'f self, (): (), _byte: usize) -> Result<usize, FilesError> {
        Ok(0)
    }
    fn line_number(&'f self, (): (), _line: usize) -> Result<usize, FilesError> {
        Ok(self.line)
    }
    fn column_number(&'f self, (): (), _line: usize, _byte: usize) -> Result<usize, FilesError> {
        Ok(self.column)
    }
    fn line_range(&'f self, (): (), _line: usize) -> Result<Range<usize>, FilesError> {
        Ok(0..self.text.len())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use lectern::Code;

    fn diag(text: &str, at: usize, len: usize) -> Diagnostic {
        let lines = lectern::input::source::LineIndex::new(text);
        let (line, column) = lines.line_col(text, at);
        Diagnostic {
            code: Code::CutOff,
            severity: Severity::Warning,
            span: lectern::Span::new(at, at + len),
            line,
            column,
            message: "m".into(),
            help: None,
            zh: None,
            more: 0,
        }
    }

    #[test]
    fn a_long_line_is_clipped_around_the_spot() {
        let text = format!("标题\n{}一要{}\n", "甲".repeat(500), "乙".repeat(500));
        let at = text.find("一要").unwrap();
        let e = Excerpt::around("x.txt", &text, &diag(&text, at, "一要".len()));
        assert_eq!(e.text.chars().count(), 1 + 40 + 2 + 40 + 1);
        assert!(e.text.starts_with('…') && e.text.ends_with('…'));
        assert_eq!(&e.text[e.range.clone()], "一要");
        assert_eq!((e.line, e.column), (2, 501));
    }

    #[test]
    fn a_short_line_is_shown_whole() {
        let text = "标题\n一要\n下一行";
        let at = text.find("一要").unwrap();
        let e = Excerpt::around("x.txt", text, &diag(text, at, 6));
        assert_eq!(e.text, "一要");
        assert_eq!(e.range, 0..6);
    }

    #[test]
    fn control_characters_are_drawn_not_sent() {
        assert_eq!(printable("a\u{1b}[2Jb\tc\n"), "a␛[2Jb\tc\n");
        assert_eq!(printable("\u{7}\u{7f}\u{9b}"), "␇␡\u{fffd}");
        let text = "标题\n一\u{1b}[31m要";
        let at = text.find("一").unwrap();
        let e = Excerpt::around("x.txt", text, &diag(text, at, 3));
        assert_eq!(e.text, "一␛[31m要");
        assert_eq!(&e.text[e.range.clone()], "一");
    }
}
