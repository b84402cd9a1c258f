//! A PowerPoint template's package read whole into memory, with limits: a template is
//! a few hundred KiB to a few MiB, so anything far larger is refused before it is
//! inflated (a zip bomb, a 200 MB photograph on the master).

use std::collections::BTreeMap;
use std::io::{Cursor, Read};

/// More entries than any real template has.
pub const MAX_ENTRIES: usize = 5_000;
/// One part inflated: a full-slide photograph is a few MiB.
pub const MAX_PART: u64 = 20 * 1024 * 1024;
/// All parts inflated together.
pub const MAX_TOTAL: u64 = 64 * 1024 * 1024;

/// Relationship type suffixes (after `/relationships/`).
pub const OFFICE_DOCUMENT: &str = "officeDocument";

/// The parts of a package by name (no leading slash).
#[derive(Debug, Clone)]
pub struct Opc {
    pub parts: BTreeMap<String, Vec<u8>>,
}

/// One relationship of a part.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rel {
    pub id: String,
    /// The last segment of the type URI: `slideLayout`, `image`, `theme` …
    pub kind: String,
    /// The whole type URI.
    pub ty: String,
    /// The target resolved to a part name; `None` for an external target.
    pub target: Option<String>,
}

/// Why the bytes are not a template lectern can read; each says what to do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum OpcError {
    NotZip,
    OldPpt,
    Encrypted,
    TooLarge(String),
    Corrupt(String),
    NoPresentation,
    NoMaster,
}

impl OpcError {
    /// The message in English and Chinese.
    pub fn en_zh(&self) -> (String, String) {
        match self {
            OpcError::NotZip => (
                "is not a PowerPoint template (.pptx or .potx): it is not a zip package; save it from PowerPoint or WPS as .potx or .pptx".into(),
                "不是 PowerPoint 模板（.pptx 或 .potx）：它不是 zip 包；请在 PowerPoint 或 WPS 里另存为 .potx 或 .pptx".into(),
            ),
            OpcError::OldPpt => (
                "is an old PowerPoint 97–2003 file (.ppt/.pot); open it in PowerPoint or WPS and save it as .potx or .pptx".into(),
                "是旧版 PowerPoint 97–2003 文件（.ppt/.pot）；请用 PowerPoint 或 WPS 打开后另存为 .potx 或 .pptx".into(),
            ),
            OpcError::Encrypted => (
                "is protected by a password (encrypted); open it in PowerPoint, remove the password (File › Info › Protect Presentation) and save it again".into(),
                "设置了打开密码（已加密）；请在 PowerPoint 里打开，去掉密码（文件 › 信息 › 保护演示文稿）后重新保存".into(),
            ),
            OpcError::TooLarge(what) => (
                format!("is too large to be a template: {what}; make the pictures on its master smaller (PowerPoint: Compress Pictures) and save it again"),
                format!("太大，不像一个模板：{what}；请把母版上的图片压缩（PowerPoint：压缩图片）后重新保存"),
            ),
            OpcError::Corrupt(why) => (
                format!("is damaged ({why}); open it in PowerPoint or WPS and save it again"),
                format!("已损坏（{why}）；请用 PowerPoint 或 WPS 打开后重新保存"),
            ),
            OpcError::NoPresentation => (
                "is a zip package but not a PowerPoint presentation (no ppt/presentation.xml); is it a Word or Excel file?".into(),
                "是 zip 包，但不是 PowerPoint 演示文稿（没有 ppt/presentation.xml）；是不是 Word 或 Excel 文件？".into(),
            ),
            OpcError::NoMaster => (
                "has no slide master, so there is no look to take from it; save a template that has one (View › Slide Master)".into(),
                "没有幻灯片母版，无从取得版式；请用带母版的模板（视图 › 幻灯片母版）".into(),
            ),
        }
    }
}

impl Opc {
    /// Reads every part of `bytes`, refusing what is not a usable package.
    pub fn read(bytes: &[u8]) -> Result<Opc, OpcError> {
        if bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0]) {
            return Err(ole(bytes));
        }
        if !bytes.starts_with(b"PK") {
            return Err(OpcError::NotZip);
        }
        let mut zip = zip::ZipArchive::new(Cursor::new(bytes))
            .map_err(|e| OpcError::Corrupt(e.to_string()))?;
        if zip.len() > MAX_ENTRIES {
            return Err(OpcError::TooLarge(format!(
                "{} entries, over the limit of {MAX_ENTRIES}",
                zip.len()
            )));
        }
        let mut parts = BTreeMap::new();
        let mut total = 0u64;
        for i in 0..zip.len() {
            let mut file = zip
                .by_index(i)
                .map_err(|e| OpcError::Corrupt(e.to_string()))?;
            if file.is_dir() {
                continue;
            }
            let name = file.name().trim_start_matches('/').to_string();
            let too_big = |size: u64| {
                OpcError::TooLarge(format!(
                    "{name} is {} MB inflated, over the limit of {} MB a part and {} MB in all",
                    size >> 20,
                    MAX_PART >> 20,
                    MAX_TOTAL >> 20
                ))
            };
            if file.size() > MAX_PART || total + file.size() > MAX_TOTAL {
                return Err(too_big(file.size()));
            }
            // the declared size can lie: read one byte past the limit to catch that
            let limit = MAX_PART.min(MAX_TOTAL - total);
            let mut buf = Vec::new();
            (&mut file)
                .take(limit + 1)
                .read_to_end(&mut buf)
                .map_err(|e| OpcError::Corrupt(format!("{name}: {e}")))?;
            if buf.len() as u64 > limit {
                return Err(too_big(buf.len() as u64));
            }
            total += buf.len() as u64;
            parts.insert(name, buf);
        }
        let opc = Opc { parts };
        let pres = opc.presentation().ok_or(OpcError::NoPresentation)?;
        if opc.text(&pres).is_none() {
            return Err(OpcError::NoPresentation);
        }
        if opc.masters().is_empty() {
            return Err(OpcError::NoMaster);
        }
        Ok(opc)
    }

    /// A part's text (UTF-8; a BOM is skipped).
    pub fn text(&self, name: &str) -> Option<&str> {
        let b = self.parts.get(name)?;
        std::str::from_utf8(b.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(b)).ok()
    }

    /// The relationships of part `name` (`""` for the package root).
    pub fn rels(&self, name: &str) -> Vec<Rel> {
        let Some(xml) = self.text(&rels_name(name)) else {
            return Vec::new();
        };
        let Ok(doc) = roxmltree::Document::parse(xml) else {
            return Vec::new();
        };
        let dir = name.rsplit_once('/').map_or("", |(d, _)| d);
        doc.descendants()
            .filter(|n| n.tag_name().name() == "Relationship")
            .filter_map(|n| {
                let target = n.attribute("Target")?;
                let external = n.attribute("TargetMode") == Some("External");
                Some(Rel {
                    id: n.attribute("Id")?.to_string(),
                    kind: n.attribute("Type")?.rsplit('/').next()?.to_string(),
                    ty: n.attribute("Type")?.to_string(),
                    target: (!external).then(|| resolve(dir, target)),
                })
            })
            .collect()
    }

    /// The target of the first relationship of `name` of type `kind`.
    pub fn related(&self, name: &str, kind: &str) -> Option<String> {
        self.rels(name)
            .into_iter()
            .find(|r| r.kind == kind)
            .and_then(|r| r.target)
    }

    /// The presentation part (`ppt/presentation.xml` in every real package).
    pub fn presentation(&self) -> Option<String> {
        self.related("", OFFICE_DOCUMENT)
            .filter(|p| self.parts.contains_key(p))
    }

    /// The slide masters in the presentation's order.
    pub fn masters(&self) -> Vec<String> {
        let Some(pres) = self.presentation() else {
            return Vec::new();
        };
        let rels = self.rels(&pres);
        let Some(doc) = self
            .text(&pres)
            .and_then(|t| roxmltree::Document::parse(t).ok())
        else {
            return Vec::new();
        };
        doc.descendants()
            .filter(|n| n.tag_name().name() == "sldMasterId")
            .filter_map(|n| {
                let id = n
                    .attributes()
                    .find(|a| a.name() == "id" && a.namespace().is_some())?
                    .value();
                rels.iter().find(|r| r.id == id)?.target.clone()
            })
            .filter(|m| self.parts.contains_key(m))
            .collect()
    }

    /// The layouts of `master` with their type (`title`, `obj`, `secHead` …; `cust`
    /// when none is written), in the master's order (its `sldLayoutIdLst`).
    pub fn layouts(&self, master: &str) -> Vec<(String, String)> {
        let rels = self.rels(master);
        let ids: Vec<String> = self
            .text(master)
            .and_then(|t| roxmltree::Document::parse(t).ok())
            .map(|doc| {
                doc.descendants()
                    .filter(|n| n.tag_name().name() == "sldLayoutId")
                    .filter_map(|n| {
                        let id = n
                            .attributes()
                            .find(|a| a.name() == "id" && a.namespace().is_some())?;
                        Some(id.value().to_string())
                    })
                    .collect()
            })
            .unwrap_or_default();
        let mut ordered: Vec<&Rel> = ids
            .iter()
            .filter_map(|id| rels.iter().find(|r| &r.id == id))
            .collect();
        for r in &rels {
            if !ordered.iter().any(|o| o.id == r.id) {
                ordered.push(r);
            }
        }
        ordered
            .into_iter()
            .filter(|r| r.kind == "slideLayout")
            .filter_map(|r| r.target.clone())
            .filter_map(|l| {
                let text = self.text(&l)?;
                let doc = roxmltree::Document::parse(text).ok()?;
                let kind = doc.root_element().attribute("type").unwrap_or("cust");
                Some((l.clone(), kind.to_string()))
            })
            .collect()
    }
}

/// `ppt/slides/slide1.xml` → `ppt/slides/_rels/slide1.xml.rels`; `""` → `_rels/.rels`.
pub fn rels_name(part: &str) -> String {
    match part.rsplit_once('/') {
        Some((dir, file)) => format!("{dir}/_rels/{file}.rels"),
        None => format!("_rels/{part}.rels"),
    }
}

/// A relationship target resolved against the folder of its source part.
pub fn resolve(dir: &str, target: &str) -> String {
    let joined = match target.strip_prefix('/') {
        Some(abs) => abs.to_string(),
        None if dir.is_empty() => target.to_string(),
        None => format!("{dir}/{target}"),
    };
    crate::input::docx::normalise_path(&joined)
}

/// An OLE compound file: an encrypted OOXML package, or an old binary PowerPoint file.
fn ole(bytes: &[u8]) -> OpcError {
    let Ok(file) = cfb::CompoundFile::open(Cursor::new(bytes)) else {
        return OpcError::Corrupt("a damaged OLE compound file".into());
    };
    let encrypted = file
        .walk()
        .any(|e| e.name().eq_ignore_ascii_case("EncryptedPackage"));
    if encrypted {
        OpcError::Encrypted
    } else {
        OpcError::OldPpt
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn targets_resolve_against_the_source_folder() {
        assert_eq!(
            resolve("ppt/slideLayouts", "../media/image1.png"),
            "ppt/media/image1.png"
        );
        assert_eq!(resolve("", "ppt/presentation.xml"), "ppt/presentation.xml");
        assert_eq!(
            resolve("ppt", "/ppt/theme/theme1.xml"),
            "ppt/theme/theme1.xml"
        );
        assert_eq!(rels_name(""), "_rels/.rels");
    }

    #[test]
    fn what_is_not_a_template_is_named() {
        assert_eq!(Opc::read(b"hello").unwrap_err(), OpcError::NotZip);
        let ole = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0];
        assert!(matches!(
            Opc::read(&ole).unwrap_err(),
            OpcError::Corrupt(_) | OpcError::OldPpt
        ));
    }
}
