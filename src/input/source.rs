//! Bytes to text: encoding detection, newline and space normalisation, and the line
//! index that turns byte offsets into `line:column` for reports.
//!
//! Normalisation keeps every line where it was (CRLF and lone CR become LF, NBSP
//! becomes a space, trailing spaces go), so a line number in a diagnostic is the line
//! the author sees in the file. Leading U+3000 indentation is kept in the text and
//! skipped by the parsers, so columns stay true too.

use std::borrow::Cow;
use std::fmt;

// Where text is: leaf types the diagnostics share without depending on the readers.
pub use crate::span::{floor_char_boundary, LineIndex, Span};

/// The encodings lectern reads without being told.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Encoding {
    Utf8,
    Utf8Bom,
    Utf16Le,
    Utf16Be,
    Gb18030,
}

impl fmt::Display for Encoding {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Encoding::Utf8 => "UTF-8",
            Encoding::Utf8Bom => "UTF-8 (BOM)",
            Encoding::Utf16Le => "UTF-16LE",
            Encoding::Utf16Be => "UTF-16BE",
            Encoding::Gb18030 => "GB18030",
        })
    }
}

/// Largest lecture read, in bytes: far above any lecture, well below what would take
/// the machine's memory.
pub const MAX_INPUT: usize = 64 << 20;

/// Why bytes could not become a lecture.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SourceError {
    Empty,
    Binary,
    /// UTF-16 with a BOM that does not decode.
    Undecodable,
    /// Neither UTF-8 nor GB18030: where the first byte that is not UTF-8 is
    /// (1-based line, column in characters) and its value.
    BadByte {
        line: usize,
        column: usize,
        byte: u8,
    },
    /// More than [`MAX_INPUT`] bytes.
    TooLarge {
        bytes: usize,
    },
}

impl fmt::Display for SourceError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SourceError::BadByte { line, column, byte } => {
                return write!(
                    f,
                    "line {line}, column {column}: byte 0x{byte:02X} is not UTF-8, and the text is not GB18030 either; save the file as UTF-8 and try again"
                )
            }
            SourceError::TooLarge { bytes } => {
                return write!(
                    f,
                    "the lecture is {} MB; lectern reads lectures up to {} MB — split it into several lectures",
                    bytes >> 20,
                    MAX_INPUT >> 20
                )
            }
            _ => {}
        }
        f.write_str(match self {
            SourceError::Empty => "the lecture is empty: there is no text to make slides from",
            SourceError::Binary => {
                "this is not a text file (it holds binary data); save the lecture as plain text (.txt) or Markdown (.md)"
            }
            SourceError::Undecodable => {
                "the text is neither UTF-8, UTF-16 nor GB18030; save it as UTF-8 and try again"
            }
            SourceError::BadByte { .. } | SourceError::TooLarge { .. } => unreachable!(),
        })
    }
}

impl SourceError {
    /// The same sentence in Chinese.
    pub fn zh(&self) -> String {
        match self {
            SourceError::Empty => "讲稿是空的：没有可以做成幻灯片的文字".into(),
            SourceError::Binary => {
                "这不是文本文件（含有二进制数据）；请把讲稿另存为纯文本（.txt）或 Markdown（.md）"
                    .into()
            }
            SourceError::Undecodable => {
                "文字编码既不是 UTF-8、UTF-16，也不是 GB18030；请另存为 UTF-8 后再试".into()
            }
            SourceError::BadByte { line, column, byte } => format!(
                "第 {line} 行第 {column} 列：字节 0x{byte:02X} 不是 UTF-8，全文也不是 GB18030；请另存为 UTF-8 后再试"
            ),
            SourceError::TooLarge { bytes } => format!(
                "讲稿有 {} MB；lectern 最多读 {} MB 的讲稿——请把它分成几篇",
                bytes >> 20,
                MAX_INPUT >> 20
            ),
        }
    }
}

impl std::error::Error for SourceError {}

/// Decoded, normalised lecture text.
#[derive(Debug, Clone)]
pub struct Source {
    pub text: String,
    pub encoding: Encoding,
    pub lines: LineIndex,
}

impl Source {
    /// Decodes `bytes` (BOM, then strict UTF-8, then GB18030) and normalises newlines
    /// and spaces.
    pub fn decode(bytes: &[u8]) -> Result<Source, SourceError> {
        let (raw, encoding) = decode(bytes)?;
        let text = normalise(&raw);
        if text.trim().is_empty() {
            return Err(SourceError::Empty);
        }
        Ok(Source::from_normalised(text, encoding))
    }

    /// Wraps text already in memory (tests, other front ends).
    pub fn from_text(text: &str) -> Result<Source, SourceError> {
        if text.len() > MAX_INPUT {
            return Err(SourceError::TooLarge { bytes: text.len() });
        }
        let text = normalise(text);
        if text.trim().is_empty() {
            return Err(SourceError::Empty);
        }
        if text.contains('\0') {
            return Err(SourceError::Binary);
        }
        Ok(Source::from_normalised(text, Encoding::Utf8))
    }

    fn from_normalised(text: String, encoding: Encoding) -> Source {
        let lines = LineIndex::new(&text);
        Source {
            text,
            encoding,
            lines,
        }
    }
}

fn decode(bytes: &[u8]) -> Result<(Cow<'_, str>, Encoding), SourceError> {
    if bytes.is_empty() {
        return Err(SourceError::Empty);
    }
    if bytes.len() > MAX_INPUT {
        return Err(SourceError::TooLarge { bytes: bytes.len() });
    }
    if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        return strict_utf8(rest).map(|t| (Cow::Borrowed(t), Encoding::Utf8Bom));
    }
    if let Some(rest) = bytes.strip_prefix(b"\xFF\xFE") {
        return utf16(rest, encoding_rs::UTF_16LE).map(|t| (Cow::Owned(t), Encoding::Utf16Le));
    }
    if let Some(rest) = bytes.strip_prefix(b"\xFE\xFF") {
        return utf16(rest, encoding_rs::UTF_16BE).map(|t| (Cow::Owned(t), Encoding::Utf16Be));
    }
    if looks_binary(bytes) {
        return Err(SourceError::Binary);
    }
    let bad = match std::str::from_utf8(bytes) {
        // borrowed: normalising makes the one copy the source keeps
        Ok(text) => return Ok((Cow::Borrowed(text), Encoding::Utf8)),
        Err(e) => bad_byte(bytes, e),
    };
    let (text, had_errors) = encoding_rs::GB18030.decode_without_bom_handling(bytes);
    if had_errors {
        return Err(bad);
    }
    Ok((text, Encoding::Gb18030))
}

/// Where UTF-8 decoding failed, as an editor counts lines and columns.
fn bad_byte(bytes: &[u8], e: std::str::Utf8Error) -> SourceError {
    let good = std::str::from_utf8(&bytes[..e.valid_up_to()]).expect("valid up to here");
    let line_start = good.rfind('\n').map_or(0, |i| i + 1);
    SourceError::BadByte {
        line: good.matches('\n').count() + 1,
        column: good[line_start..].chars().count() + 1,
        byte: bytes[e.valid_up_to()],
    }
}

fn strict_utf8(bytes: &[u8]) -> Result<&str, SourceError> {
    if looks_binary(bytes) {
        return Err(SourceError::Binary);
    }
    std::str::from_utf8(bytes).map_err(|e| bad_byte(bytes, e))
}

fn utf16(bytes: &[u8], enc: &'static encoding_rs::Encoding) -> Result<String, SourceError> {
    let (text, had_errors) = enc.decode_without_bom_handling(bytes);
    if had_errors {
        return Err(SourceError::Undecodable);
    }
    if text.contains('\0') {
        return Err(SourceError::Binary);
    }
    Ok(text.into_owned())
}

/// NUL bytes or many control characters in the first KiB: an image, a zip, a .doc.
fn looks_binary(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(1024)];
    let controls = head
        .iter()
        .filter(|&&b| b < 0x20 && !matches!(b, b'\n' | b'\r' | b'\t' | 0x0C))
        .count();
    head.contains(&0) || controls * 20 > head.len()
}

/// CRLF and CR to LF, NBSP and other odd spaces to plain spaces, trailing spaces off,
/// a BOM in the middle gone. Line count never changes.
fn normalise(text: &str) -> String {
    // Only a line break, a tab or a character whose UTF-8 starts with C2, E2 or EF can
    // change: stretches without them are copied whole. Those bytes always start a
    // character, so `i` is at a character boundary whenever one is seen.
    let bytes = text.as_bytes();
    let mut out = String::with_capacity(text.len());
    let mut line_start = 0;
    let mut copied = 0;
    let mut i = 0;
    while i < bytes.len() {
        if crate::scan::leads_ideograph(bytes[i]) {
            i += 3;
            continue;
        }
        if !matches!(bytes[i], b'\r' | b'\n' | b'\t' | 0xC2 | 0xE2 | 0xEF) {
            i += 1;
            continue;
        }
        let c = text[i..].chars().next().expect("a character starts here");
        let with = match c {
            '\r' | '\n' => {
                out.push_str(&text[copied..i]);
                end_line(&mut out, line_start);
                line_start = out.len();
                i += if c == '\r' && bytes.get(i + 1) == Some(&b'\n') {
                    2
                } else {
                    1
                };
                copied = i;
                continue;
            }
            '\u{00A0}' | '\u{2007}' | '\u{202F}' | '\t' => " ",
            '\u{FEFF}' | '\u{200B}' => "",
            _ => {
                i += c.len_utf8();
                continue;
            }
        };
        out.push_str(&text[copied..i]);
        out.push_str(with);
        i += c.len_utf8();
        copied = i;
    }
    out.push_str(&text[copied..]);
    let keep = out[line_start..].trim_end_matches([' ', '\u{3000}']).len();
    out.truncate(line_start + keep);
    out
}

fn end_line(out: &mut String, line_start: usize) {
    let keep = out[line_start..].trim_end_matches([' ', '\u{3000}']).len();
    out.truncate(line_start + keep);
    out.push('\n');
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_utf8_with_and_without_bom() {
        let plain = Source::decode("同志们：\n".as_bytes()).unwrap();
        assert_eq!(plain.encoding, Encoding::Utf8);
        let mut bom = b"\xEF\xBB\xBF".to_vec();
        bom.extend_from_slice("同志们：\n".as_bytes());
        let bom = Source::decode(&bom).unwrap();
        assert_eq!(bom.encoding, Encoding::Utf8Bom);
        assert_eq!(bom.text, plain.text);
    }

    #[test]
    fn reads_gb18030_and_utf16() {
        let text = "一、学深悟透\n（一）聚焦大局。\n";
        let (gb, _, _) = encoding_rs::GB18030.encode(text);
        let gb = Source::decode(&gb).unwrap();
        assert_eq!((gb.encoding, gb.text.as_str()), (Encoding::Gb18030, text));

        let mut le = vec![0xFF, 0xFE];
        le.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
        assert_eq!(Source::decode(&le).unwrap().text, text);
        let mut be = vec![0xFE, 0xFF];
        be.extend(text.encode_utf16().flat_map(u16::to_be_bytes));
        assert_eq!(Source::decode(&be).unwrap().encoding, Encoding::Utf16Be);
    }

    #[test]
    fn odd_spaces_marks_and_line_ends_of_every_kind() {
        for (raw, want) in [
            ("a\tb\u{2007}c\u{202F}d", "a b c d"),
            ("a\u{FEFF}b\u{200B}c", "abc"),
            ("一\r\r二\n\r\n三", "一\n\n二\n\n三"),
            ("甲\u{3000} \n乙  ", "甲\n乙"),
            ("“引号”—…é\u{00E9}", "“引号”—…é\u{00E9}"),
        ] {
            assert_eq!(normalise(raw), want, "{raw:?}");
        }
    }

    #[test]
    fn normalises_newlines_and_spaces_without_moving_lines() {
        let s = Source::from_text("标题  \r\n\u{3000}\u{3000}正文\u{A0}内容\r第三行").unwrap();
        assert_eq!(s.text, "标题\n\u{3000}\u{3000}正文 内容\n第三行");
        assert_eq!(
            s.lines.line_col(&s.text, s.text.find('正').unwrap()),
            (2, 3)
        );
        assert_eq!(
            s.lines.line_col(&s.text, s.text.find('第').unwrap()),
            (3, 1)
        );
    }

    #[test]
    fn rejects_empty_binary_and_garbage() {
        assert_eq!(Source::decode(b"").unwrap_err(), SourceError::Empty);
        assert_eq!(
            Source::decode(b" \n\r\n\t ").unwrap_err(),
            SourceError::Empty
        );
        assert_eq!(
            Source::decode(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR").unwrap_err(),
            SourceError::Binary
        );
        assert!(matches!(
            Source::decode(b"\xFF\xFF\xFF\xFF abc").unwrap_err(),
            SourceError::BadByte { .. }
        ));
    }

    #[test]
    fn a_byte_that_is_neither_utf8_nor_gb18030_is_named_by_line_and_column() {
        // 0xFF is no lead byte in UTF-8 nor GB18030
        let mut bytes = "标题\n同志们：\n一、学习".as_bytes().to_vec();
        bytes.push(0xFF);
        bytes.extend_from_slice("。\n".as_bytes());
        let err = Source::decode(&bytes).unwrap_err();
        assert_eq!(
            err,
            SourceError::BadByte {
                line: 3,
                column: 5,
                byte: 0xFF
            }
        );
        assert!(
            err.to_string()
                .starts_with("line 3, column 5: byte 0xFF is not UTF-8"),
            "{err}"
        );
        let mut bom = b"\xEF\xBB\xBF".to_vec();
        bom.extend_from_slice(b"ab\n\xC3(");
        assert_eq!(
            Source::decode(&bom).unwrap_err(),
            SourceError::BadByte {
                line: 2,
                column: 1,
                byte: 0xC3
            }
        );
    }

    #[test]
    fn a_lecture_over_the_size_cap_is_refused_with_the_cap() {
        let big = vec![b'a'; MAX_INPUT + 1];
        let err = Source::decode(&big).unwrap_err();
        assert!(matches!(err, SourceError::TooLarge { .. }), "{err:?}");
        assert!(err.to_string().contains("up to 64 MB"), "{err}");
    }
}
