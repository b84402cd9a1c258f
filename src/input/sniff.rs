//! What a lecture file is, by its content first: a Word file under another name is still
//! read as Word, and a PDF, a presentation or a spreadsheet is named as such.

use std::path::Path;

use super::Format;

/// A file that is not a lecture lectern can read, though people often give one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Foreign {
    Pdf,
    /// .pptx, or WPS Presentation's .dps saved as a package.
    Presentation,
    /// An old binary PowerPoint (.ppt) or WPS Presentation (.dps) file.
    OldPresentation,
    /// .xlsx, .xls or WPS Spreadsheets' .et.
    Spreadsheet,
}

impl std::fmt::Display for Foreign {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            Foreign::Pdf => {
                "this is a PDF, not a lecture text: open the original Word file, or copy the text out of the PDF into a .txt file"
            }
            Foreign::Presentation | Foreign::OldPresentation => {
                "this is a slide presentation (PowerPoint/WPS), not a lecture text: give the lecture as .docx, .txt or .md"
            }
            Foreign::Spreadsheet => {
                "this is a spreadsheet (Excel/WPS), not a lecture text: give the lecture as .docx, .txt or .md"
            }
        })
    }
}

impl Foreign {
    /// The same sentence in Chinese.
    pub fn zh(&self) -> &'static str {
        match self {
            Foreign::Pdf => "这是 PDF 文件，不是讲稿正文：请找到原来的 Word 文件，或把 PDF 里的文字复制到 .txt 文件",
            Foreign::Presentation | Foreign::OldPresentation => "这是演示文稿（PowerPoint/WPS 演示），不是讲稿正文：请给出 .docx、.txt 或 .md 格式的讲稿",
            Foreign::Spreadsheet => "这是电子表格（Excel/WPS 表格），不是讲稿正文：请给出 .docx、.txt 或 .md 格式的讲稿",
        }
    }
}

/// The first bytes of an OLE compound file (old .doc/.ppt/.xls, encrypted Office files).
pub const OLE_MAGIC: [u8; 8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

/// The format to read `bytes` with, or what kind of file they are instead.
pub fn sniff(path: &Path, bytes: &[u8]) -> Result<Format, Foreign> {
    if bytes.starts_with(b"%PDF-") {
        return Err(Foreign::Pdf);
    }
    if bytes.starts_with(b"PK\x03\x04") {
        if contains(bytes, b"ppt/presentation.xml") {
            return Err(Foreign::Presentation);
        }
        if contains(bytes, b"xl/workbook.xml") {
            return Err(Foreign::Spreadsheet);
        }
    }
    if bytes.starts_with(&OLE_MAGIC) {
        if let Some(kind) = ole_kind(bytes) {
            return Err(kind);
        }
    }
    if looks_like_word(bytes) {
        return Ok(Format::Docx);
    }
    Ok(Format::from_path(path))
}

/// A zip whose names include the main Word part, or an OLE file: worth reading as Word
/// whatever its extension says (the Word reader explains what an OLE file really is).
pub fn looks_like_word(bytes: &[u8]) -> bool {
    (bytes.starts_with(b"PK\x03\x04") && contains(bytes, b"word/document.xml"))
        || bytes.starts_with(&OLE_MAGIC)
}

/// An old Office file that is not a Word document; the Word reader explains the rest
/// (old .doc/.wps, encrypted, damaged).
fn ole_kind(bytes: &[u8]) -> Option<Foreign> {
    let file = cfb::CompoundFile::open(std::io::Cursor::new(bytes)).ok()?;
    let names: Vec<String> = file.walk().map(|e| e.name().to_string()).collect();
    let has = |n: &str| names.iter().any(|s| s.eq_ignore_ascii_case(n));
    if has("PowerPoint Document") {
        Some(Foreign::OldPresentation)
    } else if has("Workbook") || has("Book") {
        Some(Foreign::Spreadsheet)
    } else {
        None
    }
}

fn contains(hay: &[u8], needle: &[u8]) -> bool {
    hay.windows(needle.len()).any(|w| w == needle)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn content_beats_the_name() {
        let p = Path::new("讲稿.txt");
        assert_eq!(sniff(p, b"%PDF-1.7\n"), Err(Foreign::Pdf));
        assert_eq!(
            sniff(p, b"PK\x03\x04....ppt/presentation.xml"),
            Err(Foreign::Presentation)
        );
        assert_eq!(
            sniff(p, b"PK\x03\x04....word/document.xml"),
            Ok(Format::Docx)
        );
        assert_eq!(sniff(p, "同志们".as_bytes()), Ok(Format::Plain));
        assert_eq!(
            sniff(Path::new("a.md"), "# 标题".as_bytes()),
            Ok(Format::Markdown)
        );
    }
}
