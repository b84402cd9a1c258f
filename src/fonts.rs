//! Embedding a font: only the glyphs a deck uses, so a deck looks the same on a PC that
//! lacks the font and a 10+ MB CJK font adds tens of kilobytes, not megabytes.
//!
//! ttf-parser reads the font (face choice in a collection, the character map); allsorts
//! writes the subset as a complete OpenType font with a Unicode `cmap` and the tables
//! browsers require (its `Minimal` profile), which a browser's font sanitiser accepts.

use std::collections::BTreeSet;
use std::fmt;

use allsorts::binary::read::ReadScope;
use allsorts::font_data::FontData;
use allsorts::subset::{subset as allsorts_subset, CmapTarget, SubsetProfile};
use base64::Engine as _;

/// Why a font cannot be embedded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FontError(pub String);

impl fmt::Display for FontError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for FontError {}

/// A font subset, ready for `@font-face`.
#[derive(Debug, Clone)]
pub struct Subset {
    pub bytes: Vec<u8>,
    /// `font/ttf` (TrueType outlines) or `font/otf` (CFF outlines).
    pub mime: &'static str,
    /// Characters of the request that the font has no glyph for.
    pub missing: Vec<char>,
}

impl Subset {
    pub fn data_uri(&self) -> String {
        format!(
            "data:{};base64,{}",
            self.mime,
            base64::engine::general_purpose::STANDARD.encode(&self.bytes)
        )
    }
}

/// Checks that `bytes` is a font lectern can subset (TTF, OTF, or a TTC/OTC collection).
pub fn check(bytes: &[u8]) -> Result<(), FontError> {
    face(bytes).map(|_| ())
}

/// The face to use: in a collection (Noto CJK's `.ttc`), the Simplified Chinese one.
fn face(bytes: &[u8]) -> Result<(usize, ttf_parser::Face<'_>), FontError> {
    let count = ttf_parser::fonts_in_collection(bytes).unwrap_or(1);
    let mut first = None;
    for index in 0..count {
        let Ok(face) = ttf_parser::Face::parse(bytes, index) else {
            continue;
        };
        let simplified = face.names().into_iter().any(|n| {
            n.name_id == ttf_parser::name_id::FAMILY
                && n.to_string()
                    .is_some_and(|s| s.ends_with(" SC") || s.contains("GB"))
        });
        if simplified {
            return Ok((index as usize, face));
        }
        if first.is_none() {
            first = Some((index as usize, face));
        }
    }
    first.ok_or_else(|| {
        FontError("not a font lectern can read; use a .ttf, .otf or .ttc file".into())
    })
}

/// The subset of `bytes` holding the glyphs of `chars`.
pub fn subset(bytes: &[u8], chars: &BTreeSet<char>) -> Result<Subset, FontError> {
    let (index, face) = face(bytes)?;
    let mut glyphs = vec![0u16];
    let mut missing = Vec::new();
    for &c in chars {
        match face.glyph_index(c) {
            Some(g) => glyphs.push(g.0),
            None if c.is_whitespace() || c.is_control() => {}
            None => missing.push(c),
        }
    }
    glyphs.sort_unstable();
    glyphs.dedup();
    let cff = face.tables().cff.is_some() || face.tables().cff2.is_some();
    let fail = |what: &str, e: &dyn fmt::Display| FontError(format!("cannot {what} the font: {e}"));
    let data = ReadScope::new(bytes)
        .read::<FontData<'_>>()
        .map_err(|e| fail("read", &e))?;
    let provider = data.table_provider(index).map_err(|e| fail("read", &e))?;
    let out = allsorts_subset(
        &provider,
        &glyphs,
        &SubsetProfile::Minimal,
        CmapTarget::Unicode,
    )
    .map_err(|e| fail("subset", &e))?;
    Ok(Subset {
        bytes: out,
        mime: if cff { "font/otf" } else { "font/ttf" },
        missing,
    })
}
