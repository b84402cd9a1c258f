//! The OPC package: one list of parts, from which the content types, every
//! relationship part and the zip are made — so a part cannot lack a content type and a
//! relationship cannot point at a part that is not written.

use super::archive::Zip;

use super::xml::Xml;

/// Relationship types (the transitional OOXML namespace PowerPoint writes).
pub mod rel {
    pub const CORE: &str =
        "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties";
    pub const OFFICE_DOCUMENT: &str =
        "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument";
    pub const EXTENDED: &str =
        "http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties";
    pub const SLIDE_MASTER: &str =
        "http://schemas.openxmlformats.org/officeDocument/2006/relationships/slideMaster";
    pub const SLIDE_LAYOUT: &str =
        "http://schemas.openxmlformats.org/officeDocument/2006/relationships/slideLayout";
    pub const SLIDE: &str =
        "http://schemas.openxmlformats.org/officeDocument/2006/relationships/slide";
    pub const NOTES_MASTER: &str =
        "http://schemas.openxmlformats.org/officeDocument/2006/relationships/notesMaster";
    pub const NOTES_SLIDE: &str =
        "http://schemas.openxmlformats.org/officeDocument/2006/relationships/notesSlide";
    pub const THEME: &str =
        "http://schemas.openxmlformats.org/officeDocument/2006/relationships/theme";
    pub const PRES_PROPS: &str =
        "http://schemas.openxmlformats.org/officeDocument/2006/relationships/presProps";
    pub const VIEW_PROPS: &str =
        "http://schemas.openxmlformats.org/officeDocument/2006/relationships/viewProps";
    pub const TABLE_STYLES: &str =
        "http://schemas.openxmlformats.org/officeDocument/2006/relationships/tableStyles";
    pub const IMAGE: &str =
        "http://schemas.openxmlformats.org/officeDocument/2006/relationships/image";
}

/// Content types of the parts this writer makes.
pub mod ct {
    pub const PRESENTATION: &str =
        "application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml";
    pub const SLIDE_MASTER: &str =
        "application/vnd.openxmlformats-officedocument.presentationml.slideMaster+xml";
    pub const SLIDE_LAYOUT: &str =
        "application/vnd.openxmlformats-officedocument.presentationml.slideLayout+xml";
    pub const SLIDE: &str =
        "application/vnd.openxmlformats-officedocument.presentationml.slide+xml";
    pub const NOTES_MASTER: &str =
        "application/vnd.openxmlformats-officedocument.presentationml.notesMaster+xml";
    pub const NOTES_SLIDE: &str =
        "application/vnd.openxmlformats-officedocument.presentationml.notesSlide+xml";
    pub const PRES_PROPS: &str =
        "application/vnd.openxmlformats-officedocument.presentationml.presProps+xml";
    pub const VIEW_PROPS: &str =
        "application/vnd.openxmlformats-officedocument.presentationml.viewProps+xml";
    pub const TABLE_STYLES: &str =
        "application/vnd.openxmlformats-officedocument.presentationml.tableStyles+xml";
    pub const THEME: &str = "application/vnd.openxmlformats-officedocument.theme+xml";
    pub const CORE: &str = "application/vnd.openxmlformats-package.core-properties+xml";
    pub const EXTENDED: &str =
        "application/vnd.openxmlformats-officedocument.extended-properties+xml";
    pub const RELATIONSHIPS: &str = "application/vnd.openxmlformats-package.relationships+xml";
}

/// One part: its name in the package (no leading slash), content type, bytes, and the
/// parts it points at (its relationships, `rId1`… in this order).
pub struct Part {
    pub name: String,
    pub content_type: &'static str,
    pub data: Vec<u8>,
    pub rels: Vec<Rel>,
}

/// A relationship to another part of the same package (never an external target).
#[derive(Clone)]
pub struct Rel {
    pub kind: &'static str,
    /// The target part's name.
    pub target: String,
}

/// The id of the `i`-th relationship of a part (0-based).
pub fn rid(i: usize) -> String {
    format!("rId{}", i + 1)
}

/// Media formats stored as zip entries without recompression, by extension.
fn media_type(ext: &str) -> Option<&'static str> {
    Some(match ext {
        "png" => "image/png",
        "jpeg" => "image/jpeg",
        "gif" => "image/gif",
        "webp" => "image/webp",
        "svg" => "image/svg+xml",
        _ => return None,
    })
}

/// The file extension PowerPoint stores a picture of this MIME type under.
pub fn media_extension(mime: &str) -> &'static str {
    match mime {
        "image/jpeg" => "jpeg",
        "image/gif" => "gif",
        "image/webp" => "webp",
        "image/svg+xml" => "svg",
        _ => "png",
    }
}

/// A package being written. Each part is compressed into the zip as it is added, so a
/// deck of thousands of slides never holds all of its XML at once; what the content types
/// need of a part (its name and type) is kept for the end.
pub struct Package {
    root_rels: Vec<Rel>,
    types: Vec<(String, &'static str)>,
    zip: Zip,
}

impl Package {
    pub fn new(root_rels: Vec<Rel>) -> Package {
        Package {
            root_rels,
            types: Vec::new(),
            zip: Zip::new(),
        }
    }

    /// Writes a part, then its relationships part if it has any (the order of the zip).
    pub fn push(&mut self, p: Part) -> Result<(), String> {
        let media = extension(&p.name).and_then(media_type).is_some();
        self.zip.add(&p.name, &p.data, !media)?;
        if !p.rels.is_empty() {
            self.zip
                .add(&rels_name(&p.name), &rels_xml(&p.name, &p.rels), true)?;
        }
        self.types.push((p.name, p.content_type));
        Ok(())
    }

    /// `[Content_Types].xml`: a default for `.rels`, `.xml` and each media extension,
    /// an override for every other part.
    fn content_types(&self) -> Vec<u8> {
        let mut x = Xml::new();
        x.el(
            "Types",
            &[(
                "xmlns",
                "http://schemas.openxmlformats.org/package/2006/content-types",
            )],
            |x| {
                x.empty(
                    "Default",
                    &[("Extension", "rels"), ("ContentType", ct::RELATIONSHIPS)],
                );
                x.empty(
                    "Default",
                    &[("Extension", "xml"), ("ContentType", "application/xml")],
                );
                let mut exts: Vec<&str> = self
                    .types
                    .iter()
                    .filter_map(|(name, _)| extension(name))
                    .filter(|e| media_type(e).is_some())
                    .collect();
                exts.sort_unstable();
                exts.dedup();
                for e in exts {
                    x.empty(
                        "Default",
                        &[
                            ("Extension", e),
                            ("ContentType", media_type(e).unwrap_or("")),
                        ],
                    );
                }
                for (name, content_type) in &self.types {
                    if extension(name).and_then(media_type) != Some(*content_type) {
                        let name = format!("/{name}");
                        x.empty(
                            "Override",
                            &[("PartName", &name), ("ContentType", content_type)],
                        );
                    }
                }
            },
        );
        x.finish()
    }

    /// The zip: content types first, the root relationships, then each part followed by
    /// its relationships; every entry dated 1980-01-01 so the same deck gives the same bytes.
    pub fn finish(self) -> Result<Vec<u8>, String> {
        let types = self.content_types();
        let root = rels_xml("", &self.root_rels);
        self.zip.finish_with_front(|zip| {
            zip.add("[Content_Types].xml", &types, true)?;
            zip.add("_rels/.rels", &root, true)
        })
    }
}

fn extension(name: &str) -> Option<&str> {
    name.rsplit_once('.').map(|(_, e)| e)
}

/// `ppt/slides/slide1.xml` → `ppt/slides/_rels/slide1.xml.rels`.
pub fn rels_name(part: &str) -> String {
    match part.rsplit_once('/') {
        Some((dir, file)) => format!("{dir}/_rels/{file}.rels"),
        None => format!("_rels/{part}.rels"),
    }
}

/// A relationships part for `source` (empty for the package root).
fn rels_xml(source: &str, rels: &[Rel]) -> Vec<u8> {
    let mut x = Xml::new();
    x.el(
        "Relationships",
        &[(
            "xmlns",
            "http://schemas.openxmlformats.org/package/2006/relationships",
        )],
        |x| {
            for (i, r) in rels.iter().enumerate() {
                let target = relative(source, &r.target);
                x.empty(
                    "Relationship",
                    &[("Id", &rid(i)), ("Type", r.kind), ("Target", &target)],
                );
            }
        },
    );
    x.finish()
}

/// The path of part `to` relative to the folder of part `from`.
pub fn relative(from: &str, to: &str) -> String {
    let from_dir: Vec<&str> = match from.rsplit_once('/') {
        Some((dir, _)) => dir.split('/').collect(),
        None => Vec::new(),
    };
    let to_parts: Vec<&str> = to.split('/').collect();
    let common = from_dir
        .iter()
        .zip(&to_parts)
        .take_while(|(a, b)| a == b)
        .count();
    let mut out: Vec<&str> = vec![".."; from_dir.len() - common];
    out.extend(&to_parts[common..]);
    out.join("/")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn targets_are_relative_to_the_source_folder() {
        assert_eq!(
            relative("ppt/slides/slide1.xml", "ppt/slideLayouts/slideLayout2.xml"),
            "../slideLayouts/slideLayout2.xml"
        );
        assert_eq!(
            relative("ppt/presentation.xml", "ppt/slides/slide1.xml"),
            "slides/slide1.xml"
        );
        assert_eq!(relative("", "ppt/presentation.xml"), "ppt/presentation.xml");
        assert_eq!(
            rels_name("ppt/presentation.xml"),
            "ppt/_rels/presentation.xml.rels"
        );
    }

    /// Every entry says it was made on Unix, whatever system writes the deck: the zip
    /// is our own writer's, so a Windows build gives the Linux bytes.
    #[test]
    fn every_entry_says_unix() {
        let mut zip = super::super::archive::Zip::new();
        zip.add("ppt/slides/slide1.xml", b"<x/>", true).unwrap();
        let bytes = zip
            .finish_with_front(|zip| zip.add("[Content_Types].xml", b"<x/>", true))
            .unwrap();
        let central: Vec<usize> = (0..bytes.len() - 4)
            .filter(|&i| bytes[i..i + 4] == *b"PK\x01\x02")
            .collect();
        assert_eq!(central.len(), 2);
        for i in central {
            assert_eq!(bytes[i + 5], 3, "made on Unix");
        }
    }
}
