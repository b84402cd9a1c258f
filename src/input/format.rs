//! The input formats, one table: each entry names a format, the file names that choose it,
//! how its text is parsed, and the reader that turns its bytes into lecture text. The
//! folder build, `lectern new`, sniffing and the messages read this table, so a new
//! format is its own reader plus one entry here.

use std::path::Path;

use super::docx::{self, DocxError, Note, Picture};
use super::source::{Source, SourceError};

/// The input formats lectern reads.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub enum Format {
    #[default]
    Plain,
    Markdown,
    /// A Word .docx: read into plain lecture text (one line a paragraph), then parsed
    /// as plain text.
    Docx,
}

/// How a format's text becomes the lecture's items.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Syntax {
    /// One paragraph a line (plain text, and Word once converted).
    Lines,
    /// CommonMark with lectern's extensions.
    Markdown,
}

/// What a reader makes of a file: its text, and what came with it.
#[derive(Debug, Clone)]
pub struct Read {
    pub source: Source,
    /// Remarks about single paragraphs, for the author (become diagnostics).
    pub notes: Vec<Note>,
    /// Pictures that stand after given lines.
    pub pictures: Vec<Picture>,
}

/// Why a file could not be read as its format.
#[derive(Debug)]
pub enum ReadError {
    Source(SourceError),
    Docx(DocxError),
}

impl From<SourceError> for ReadError {
    fn from(e: SourceError) -> Self {
        ReadError::Source(e)
    }
}

impl From<DocxError> for ReadError {
    fn from(e: DocxError) -> Self {
        ReadError::Docx(e)
    }
}

/// One input format.
pub struct FormatInfo {
    pub format: Format,
    /// Its name in messages and the studio.
    pub name: &'static str,
    /// The extensions (lower case) a folder build reads as lectures of this format; the
    /// first is the usual one.
    pub extensions: &'static [&'static str],
    /// Further extensions sent to this reader so that it can say what the file really is
    /// (an old .doc, an RTF), never picked up by a folder build.
    pub claims: &'static [&'static str],
    pub syntax: Syntax,
    /// What a line number of this format counts: a Word file's lines are its paragraphs.
    pub line_word: &'static str,
    pub read: fn(&[u8]) -> Result<Read, ReadError>,
}

/// Every format, the default (plain text) first.
pub static FORMATS: [FormatInfo; 3] = [
    FormatInfo {
        format: Format::Plain,
        name: "plain text",
        extensions: &["txt"],
        claims: &[],
        syntax: Syntax::Lines,
        line_word: "line",
        read: read_text,
    },
    FormatInfo {
        format: Format::Markdown,
        name: "Markdown",
        extensions: &["md", "markdown"],
        claims: &[],
        syntax: Syntax::Markdown,
        line_word: "line",
        read: read_text,
    },
    FormatInfo {
        format: Format::Docx,
        name: "Word",
        extensions: &["docx"],
        // Old .doc/.wps and RTF go to the Word reader too, which says what they are.
        claims: &["docm", "dotx", "doc", "dot", "wps", "wpt", "rtf"],
        syntax: Syntax::Lines,
        line_word: "paragraph",
        read: read_docx,
    },
];

impl Format {
    /// The format's entry in [`FORMATS`].
    pub fn info(self) -> &'static FormatInfo {
        FORMATS
            .iter()
            .find(|f| f.format == self)
            .expect("every format has an entry")
    }

    /// By file name: the format whose extensions or claims hold its extension, else plain
    /// text.
    pub fn from_path(path: &Path) -> Format {
        let Some(ext) = path
            .extension()
            .and_then(|e| e.to_str())
            .map(str::to_ascii_lowercase)
        else {
            return Format::Plain;
        };
        FORMATS
            .iter()
            .find(|f| f.extensions.contains(&ext.as_str()) || f.claims.contains(&ext.as_str()))
            .map_or(Format::Plain, |f| f.format)
    }

    /// Reads `bytes` as this format.
    pub fn read(self, bytes: &[u8]) -> Result<Read, ReadError> {
        (self.info().read)(bytes)
    }
}

/// Whether a folder build reads the file at `path` as a lecture.
pub fn is_lecture(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase)
        .is_some_and(|e| FORMATS.iter().any(|f| f.extensions.contains(&e.as_str())))
}

/// The lecture extensions as a list for messages, `sep` between them and `or` before
/// the last: `.txt, .md, .markdown or .docx`.
pub fn lecture_extensions(sep: &str, or: &str) -> String {
    let all: Vec<String> = FORMATS
        .iter()
        .flat_map(|f| f.extensions)
        .map(|e| format!(".{e}"))
        .collect();
    match all.split_last() {
        Some((last, rest)) if !rest.is_empty() => format!("{}{or}{last}", rest.join(sep)),
        _ => all.concat(),
    }
}

/// Text in any encoding lectern detects.
fn read_text(bytes: &[u8]) -> Result<Read, ReadError> {
    Ok(Read {
        source: Source::decode(bytes)?,
        notes: Vec::new(),
        pictures: Vec::new(),
    })
}

/// A Word file, converted to lines with its numbering written out.
fn read_docx(bytes: &[u8]) -> Result<Read, ReadError> {
    let converted = docx::convert(bytes)?;
    Ok(Read {
        source: Source::from_text(&converted.text)?,
        notes: converted.notes,
        pictures: converted.pictures,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_are_chosen_by_extension_in_any_case_and_plain_text_is_the_rest() {
        let f = |p: &str| Format::from_path(Path::new(p));
        assert_eq!(f("a.MD"), Format::Markdown);
        assert_eq!(f("a.markdown"), Format::Markdown);
        assert_eq!(f("讲稿.docx"), Format::Docx);
        assert_eq!(
            f("old.doc"),
            Format::Docx,
            "the Word reader names an old .doc"
        );
        assert_eq!(f("a.txt"), Format::Plain);
        assert_eq!(f("README"), Format::Plain);
        assert!(is_lecture(Path::new("x/讲稿.DOCX")));
        assert!(
            !is_lecture(Path::new("x/old.doc")),
            "a folder build skips what it cannot read"
        );
        assert_eq!(
            lecture_extensions(", ", " or "),
            ".txt, .md, .markdown or .docx"
        );
        assert_eq!(
            lecture_extensions("、", " 或 "),
            ".txt、.md、.markdown 或 .docx"
        );
    }

    #[test]
    fn every_format_has_one_entry_with_extensions_of_its_own() {
        let mut seen = std::collections::HashSet::new();
        for f in &FORMATS {
            assert_eq!(f.format.info().name, f.name);
            for e in f.extensions.iter().chain(f.claims) {
                assert!(seen.insert(*e), ".{e} claimed twice");
                assert_eq!(*e, e.to_ascii_lowercase());
            }
        }
    }
}
