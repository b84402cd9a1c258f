//! Reading a written OOXML package (.pptx) back: its parts, and where a relationship
//! points, independently of the writer's own code.

use std::collections::BTreeMap;
use std::io::Read as _;

/// Every part of the package by name.
pub fn entries(bytes: &[u8]) -> BTreeMap<String, Vec<u8>> {
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("a zip");
    let mut out = BTreeMap::new();
    for i in 0..zip.len() {
        let mut f = zip.by_index(i).unwrap();
        let mut data = Vec::new();
        f.read_to_end(&mut data).unwrap();
        out.insert(f.name().to_string(), data);
    }
    out
}

pub fn text(data: &[u8]) -> &str {
    std::str::from_utf8(data).expect("UTF-8")
}

/// Resolves a relationship target against the folder of the part the .rels is for.
pub fn resolve(rels_name: &str, target: &str) -> String {
    let source_dir = rels_name
        .strip_suffix(".rels")
        .and_then(|s| s.rsplit_once("_rels/"))
        .map(|(dir, _)| dir.trim_end_matches('/'))
        .unwrap_or("");
    let mut parts: Vec<&str> = if target.starts_with('/') {
        Vec::new()
    } else {
        source_dir.split('/').filter(|s| !s.is_empty()).collect()
    };
    for seg in target.trim_start_matches('/').split('/') {
        match seg {
            ".." => {
                parts.pop();
            }
            "." | "" => {}
            s => parts.push(s),
        }
    }
    parts.join("/")
}
