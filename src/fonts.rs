//! Embedding a font: only the glyphs a deck uses, so a deck looks the same on a PC that
//! lacks the font and a 10+ MB CJK font adds tens of kilobytes, not megabytes.
//!
//! ttf-parser reads the font (face choice in a collection, the character map); allsorts
//! writes the subset as a complete OpenType font with a Unicode `cmap` and the tables
//! browsers require (its `Minimal` profile), which a browser's font sanitiser accepts;
//! lectern packs it as WOFF 1.0 (zlib per table).

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
    /// The subset as an OpenType font.
    pub sfnt: Vec<u8>,
    /// The same packed as WOFF 1.0, as it goes in the deck.
    pub woff: Vec<u8>,
    /// Characters of the request that the font has no glyph for.
    pub missing: Vec<char>,
}

impl Subset {
    pub fn data_uri(&self) -> String {
        format!(
            "data:font/woff;base64,{}",
            base64::engine::general_purpose::STANDARD.encode(&self.woff)
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
        woff: woff(&out).map_err(|e| fail("pack", &e))?,
        sfnt: out,
        missing,
    })
}

/// Packs an OpenType font as WOFF 1.0: each table zlib-compressed (CJK outlines shrink
/// by about a third), which every target browser reads.
fn woff(sfnt: &[u8]) -> Result<Vec<u8>, String> {
    use flate2::{write::ZlibEncoder, Compression};
    use std::io::Write as _;
    let u16_at = |i: usize| sfnt.get(i..i + 2).map(|b| u16::from_be_bytes([b[0], b[1]]));
    let u32_at = |i: usize| {
        sfnt.get(i..i + 4)
            .map(|b| u32::from_be_bytes([b[0], b[1], b[2], b[3]]))
    };
    let bad = || "the subset is not a well-formed font".to_string();
    let flavor = u32_at(0).ok_or_else(bad)?;
    let count = usize::from(u16_at(4).ok_or_else(bad)?);
    let mut tables = Vec::with_capacity(count);
    let mut sfnt_size = 12 + 16 * count;
    for i in 0..count {
        let r = 12 + 16 * i;
        let (tag, sum) = (u32_at(r).ok_or_else(bad)?, u32_at(r + 4).ok_or_else(bad)?);
        let (off, len) = (
            u32_at(r + 8).ok_or_else(bad)?,
            u32_at(r + 12).ok_or_else(bad)?,
        );
        let data = sfnt
            .get(off as usize..off as usize + len as usize)
            .ok_or_else(bad)?;
        let mut z = ZlibEncoder::new(Vec::new(), Compression::best());
        z.write_all(data).map_err(|e| e.to_string())?;
        let packed = z.finish().map_err(|e| e.to_string())?;
        let stored = if packed.len() < data.len() {
            packed
        } else {
            data.to_vec()
        };
        sfnt_size += (data.len() + 3) & !3;
        tables.push((tag, sum, data.len(), stored));
    }
    let mut out = Vec::new();
    let mut offset = 44 + 20 * count;
    let mut dir = Vec::new();
    for (tag, sum, orig, stored) in &tables {
        for v in [*tag, offset as u32, stored.len() as u32, *orig as u32, *sum] {
            dir.extend(v.to_be_bytes());
        }
        offset += (stored.len() + 3) & !3;
    }
    out.extend(b"wOFF");
    out.extend(flavor.to_be_bytes());
    out.extend((offset as u32).to_be_bytes());
    out.extend((count as u16).to_be_bytes());
    out.extend(0u16.to_be_bytes());
    out.extend((sfnt_size as u32).to_be_bytes());
    out.extend(1u16.to_be_bytes());
    out.extend(0u16.to_be_bytes());
    out.extend([0u8; 20]);
    out.extend(dir);
    for (_, _, _, stored) in &tables {
        out.extend(stored);
        out.resize((out.len() + 3) & !3, 0);
    }
    Ok(out)
}
