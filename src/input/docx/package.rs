//! The zip container: opened with limits on entry count and inflated size, so a zip
//! bomb is an error rather than an exhausted machine, and parts found through the
//! package relationships (falling back to the usual names).

use std::io::{Cursor, Read};

use super::DocxError;

/// More entries than any real document has (a lecture with many images has hundreds).
pub const MAX_ENTRIES: usize = 10_000;
/// One XML part inflated. The document part of a long lecture is a few MiB.
pub const MAX_PART: u64 = 64 * 1024 * 1024;
/// All parts read, inflated, together.
pub const MAX_TOTAL: u64 = 128 * 1024 * 1024;

pub struct Package {
    zip: zip::ZipArchive<Cursor<Vec<u8>>>,
    read_so_far: u64,
}

impl Package {
    pub fn open(bytes: &[u8]) -> Result<Package, DocxError> {
        if !bytes.starts_with(b"PK") {
            return Err(super::sniff::not_a_zip(bytes));
        }
        let zip = zip::ZipArchive::new(Cursor::new(bytes.to_vec()))
            .map_err(|e| DocxError::Corrupt(e.to_string()))?;
        if zip.len() > MAX_ENTRIES {
            return Err(DocxError::TooLarge(format!(
                "it holds {} entries, over the limit of {MAX_ENTRIES}",
                zip.len()
            )));
        }
        Ok(Package {
            zip,
            read_so_far: 0,
        })
    }

    /// A part's text, `None` when the package has no such part.
    pub fn part(&mut self, name: &str) -> Result<Option<String>, DocxError> {
        let Some(buf) = self.bytes(name)? else {
            return Ok(None);
        };
        let name = name.trim_start_matches('/');
        let text = decode_xml(buf)
            .ok_or_else(|| DocxError::Corrupt(format!("{name} is not UTF-8 or UTF-16 XML")))?;
        Ok(Some(text))
    }

    /// A part's bytes, `None` when the package has no such part.
    pub fn bytes(&mut self, name: &str) -> Result<Option<Vec<u8>>, DocxError> {
        let name = name.trim_start_matches('/');
        let mut file = match self.zip.by_name(name) {
            Ok(f) => f,
            Err(zip::result::ZipError::FileNotFound) => return Ok(None),
            Err(e) => return Err(DocxError::Corrupt(format!("{name}: {e}"))),
        };
        let declared = file.size();
        if declared > MAX_PART || self.read_so_far + declared > MAX_TOTAL {
            return Err(bomb(name, declared));
        }
        // The declared size can lie: read one byte past the limit to catch that.
        let mut buf = Vec::new();
        let limit = MAX_PART.min(MAX_TOTAL - self.read_so_far);
        (&mut file)
            .take(limit + 1)
            .read_to_end(&mut buf)
            .map_err(|e| DocxError::Corrupt(format!("{name}: {e}")))?;
        if buf.len() as u64 > limit {
            return Err(bomb(name, buf.len() as u64));
        }
        self.read_so_far += buf.len() as u64;
        Ok(Some(buf))
    }

    /// Every internal relationship in `rels` by id, targets resolved against `base`.
    pub fn relationships(&mut self, rels: &str, base: &str) -> Vec<(String, String)> {
        let Some(xml) = self.part(rels).ok().flatten() else {
            return Vec::new();
        };
        let Ok(doc) = super::xml::parse(&xml) else {
            return Vec::new();
        };
        doc.descendants()
            .filter(|n| n.tag_name().name() == "Relationship")
            .filter(|n| n.attribute("TargetMode") != Some("External"))
            .filter_map(|n| {
                let target = n.attribute("Target")?;
                if target.contains("://") {
                    return None;
                }
                let path = match target.strip_prefix('/') {
                    Some(abs) => abs.to_string(),
                    None => normalise_path(&format!("{base}{target}")),
                };
                Some((n.attribute("Id")?.to_string(), path))
            })
            .collect()
    }

    /// The target of the first relationship in `rels` whose type ends in `/kind`,
    /// resolved against `base` (the folder of the part that owns the relationships).
    pub fn related(&mut self, rels: &str, base: &str, kind: &str) -> Option<String> {
        let xml = self.part(rels).ok()??;
        let doc = super::xml::parse(&xml).ok()?;
        let suffix = format!("/{kind}");
        let target = doc
            .descendants()
            .filter(|n| n.tag_name().name() == "Relationship")
            .find(|n| n.attribute("Type").is_some_and(|t| t.ends_with(&suffix)))?
            .attribute("Target")?
            .to_string();
        if target.contains("://") {
            return None;
        }
        Some(match target.strip_prefix('/') {
            Some(abs) => abs.to_string(),
            None => normalise_path(&format!("{base}{target}")),
        })
    }
}

fn bomb(name: &str, size: u64) -> DocxError {
    DocxError::TooLarge(format!(
        "{name} inflates to {} MiB or more, over the limit of {} MiB a part and {} MiB in all",
        size.div_ceil(1024 * 1024),
        MAX_PART / (1024 * 1024),
        MAX_TOTAL / (1024 * 1024)
    ))
}

/// `word/../customXml/x.xml` → `customXml/x.xml`: a part name of any OOXML package
/// (the template reader's too).
pub(crate) fn normalise_path(path: &str) -> String {
    let mut out: Vec<&str> = Vec::new();
    for seg in path.split('/') {
        match seg {
            "" | "." => {}
            ".." => {
                out.pop();
            }
            s => out.push(s),
        }
    }
    out.join("/")
}

/// XML parts are UTF-8, sometimes UTF-16 with a BOM.
fn decode_xml(buf: Vec<u8>) -> Option<String> {
    if let Some(rest) = buf.strip_prefix(b"\xFF\xFE") {
        let (t, bad) = encoding_rs::UTF_16LE.decode_without_bom_handling(rest);
        return (!bad).then(|| t.into_owned());
    }
    if let Some(rest) = buf.strip_prefix(b"\xFE\xFF") {
        let (t, bad) = encoding_rs::UTF_16BE.decode_without_bom_handling(rest);
        return (!bad).then(|| t.into_owned());
    }
    let text = String::from_utf8(buf).ok()?;
    Some(match text.strip_prefix('\u{FEFF}') {
        Some(t) => t.to_string(),
        None => text,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_resolve_against_the_owner() {
        assert_eq!(normalise_path("word/document.xml"), "word/document.xml");
        assert_eq!(normalise_path("word/../customXml/a.xml"), "customXml/a.xml");
        assert_eq!(normalise_path("./word//styles.xml"), "word/styles.xml");
    }
}
