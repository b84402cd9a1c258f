//! What a file that is not a usable .docx really is, so the error can say what to do:
//! an encrypted or old binary Word file (OLE compound file), RTF, a web page or Word
//! XML renamed to .doc.

use super::DocxError;
use crate::input::sniff::OLE_MAGIC;

/// The error for bytes that are not a zip at all.
pub fn not_a_zip(bytes: &[u8]) -> DocxError {
    if bytes.starts_with(&OLE_MAGIC) {
        return ole(bytes);
    }
    let head = ascii_head(bytes);
    let head = head.trim_start();
    if head.starts_with("{\\rtf") {
        DocxError::Rtf
    } else if head.starts_with("mime-version:") || head.contains("\nmime-version:") {
        DocxError::Html { mhtml: true }
    } else if head.contains("<w:worddocument") || head.contains("progid=\"word.document\"") {
        DocxError::WordXml
    } else if head.starts_with("<!doctype html") || head.contains("<html") {
        DocxError::Html { mhtml: false }
    } else if bytes.is_empty() {
        DocxError::Empty
    } else {
        DocxError::NotDocx
    }
}

/// An OLE compound file: encrypted OOXML, an old .doc/.wps, or another Office file.
fn ole(bytes: &[u8]) -> DocxError {
    let Ok(file) = cfb::CompoundFile::open(std::io::Cursor::new(bytes)) else {
        return DocxError::DamagedOle;
    };
    let names: Vec<String> = file.walk().map(|e| e.name().to_string()).collect();
    let has = |n: &str| names.iter().any(|s| s.eq_ignore_ascii_case(n));
    if has("EncryptedPackage") {
        DocxError::Encrypted
    } else if has("WordDocument") {
        DocxError::OldWord
    } else {
        DocxError::OtherOle
    }
}

/// The first KiB as lower-case ASCII; UTF-16 text loses its zero bytes, so a web page
/// saved as UTF-16 is still recognised.
fn ascii_head(bytes: &[u8]) -> String {
    let head = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    head.iter()
        .take(2048)
        .filter(|&&b| b != 0 && b < 0x80)
        .map(|&b| (b as char).to_ascii_lowercase())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recognises_text_formats_renamed_to_doc() {
        assert!(matches!(not_a_zip(b"{\\rtf1\\ansi hello}"), DocxError::Rtf));
        assert!(matches!(
            not_a_zip(b"\xEF\xBB\xBF<!DOCTYPE html><html><body>x"),
            DocxError::Html { mhtml: false }
        ));
        assert!(matches!(
            not_a_zip(b"MIME-Version: 1.0\r\nContent-Type: multipart/related"),
            DocxError::Html { mhtml: true }
        ));
        assert!(matches!(
            not_a_zip(b"<?xml version=\"1.0\"?><?mso-application progid=\"Word.Document\"?>"),
            DocxError::WordXml
        ));
        assert!(matches!(not_a_zip(b"plain words"), DocxError::NotDocx));
        assert!(matches!(not_a_zip(&OLE_MAGIC), DocxError::DamagedOle));
    }
}
