//! Paragraph styles: what a paragraph inherits through `w:basedOn` (numbering, outline
//! level, alignment, font size) and which built-in style it is. Built-ins are known by
//! `w:name` (`Title`, `heading 1`), since Chinese Word and WPS give them other ids.

use std::collections::HashMap;

use super::xml::{self, attr, child, num, val};

#[derive(Debug, Default, Clone)]
struct Style {
    name: String,
    based_on: Option<String>,
    num_id: Option<u32>,
    ilvl: Option<u8>,
    outline: Option<u8>,
    centred: Option<bool>,
    size: Option<u32>,
}

/// What a paragraph gets from its style chain.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Resolved {
    pub num_id: Option<u32>,
    pub ilvl: Option<u8>,
    pub outline: Option<u8>,
    pub centred: bool,
    /// Font size in half-points.
    pub size: Option<u32>,
    pub title: bool,
}

#[derive(Debug, Default)]
pub struct Styles {
    by_id: HashMap<String, Style>,
    default_para: Option<String>,
    /// Half-points; Word's own default is 10.5 pt.
    pub default_size: u32,
}

impl Styles {
    pub fn parse(text: Option<&str>) -> Styles {
        let mut styles = Styles {
            default_size: 21,
            ..Styles::default()
        };
        let Some(doc) = text.and_then(|t| xml::parse(t).ok()) else {
            return styles;
        };
        let root = doc.root_element();
        if let Some(sz) = root
            .descendants()
            .find(|n| xml::is(*n, "rPrDefault"))
            .and_then(|d| child(d, "rPr"))
            .and_then(|r| num(r, "sz"))
        {
            styles.default_size = sz;
        }
        for s in root.children().filter(|n| xml::is(*n, "style")) {
            let Some(id) = attr(s, "styleId") else {
                continue;
            };
            let kind = attr(s, "type").unwrap_or("paragraph");
            if kind != "paragraph" && kind != "numbering" {
                continue;
            }
            let ppr = child(s, "pPr");
            let numpr = ppr.and_then(|p| child(p, "numPr"));
            let style = Style {
                name: val(s, "name").unwrap_or(id).to_string(),
                based_on: val(s, "basedOn").map(str::to_string),
                num_id: numpr.and_then(|n| num(n, "numId")),
                ilvl: numpr.and_then(|n| num(n, "ilvl")).map(clamp_level),
                outline: ppr.and_then(|p| num(p, "outlineLvl")).map(clamp_outline),
                centred: ppr.and_then(|p| val(p, "jc")).map(is_centre),
                size: child(s, "rPr").and_then(|r| num(r, "sz")),
            };
            if kind == "paragraph" && matches!(attr(s, "default"), Some("1" | "true" | "on")) {
                styles.default_para = Some(id.to_string());
            }
            styles.by_id.insert(id.to_string(), style);
        }
        styles
    }

    /// Follows `basedOn` from `id` (or the default paragraph style): the nearest style
    /// that sets a property wins.
    pub fn resolve(&self, id: Option<&str>) -> Resolved {
        let mut out = Resolved::default();
        let (mut centred, mut size) = (None, None);
        let mut next = id.or(self.default_para.as_deref());
        let mut first = true;
        for _ in 0..32 {
            let Some(style) = next.and_then(|i| self.by_id.get(i)) else {
                break;
            };
            let name = style.name.to_lowercase();
            if first {
                out.title = name == "title" || name == "标题";
                first = false;
            }
            if out.num_id.is_none() {
                out.num_id = style.num_id;
                out.ilvl = out.ilvl.or(style.ilvl);
            }
            out.outline = out
                .outline
                .or(style.outline)
                .or_else(|| heading_level(&name));
            centred = centred.or(style.centred);
            size = size.or(style.size);
            next = style.based_on.as_deref();
        }
        out.centred = centred.unwrap_or(false);
        out.size = size;
        out
    }

    /// The numbering a `numbering`-type style stands for (`w:numStyleLink`).
    pub fn numbering_style(&self, id: &str) -> Option<u32> {
        self.by_id.get(id).and_then(|s| s.num_id)
    }
}

/// `heading 1` … `heading 9` (and WPS's `标题 1`) are outline levels 0 … 8 by
/// definition, even where styles.xml does not say so.
fn heading_level(name: &str) -> Option<u8> {
    let rest = name
        .strip_prefix("heading")
        .or_else(|| name.strip_prefix("标题"))?
        .trim();
    let n: u8 = rest.parse().ok()?;
    (1..=9).contains(&n).then(|| n - 1)
}

pub fn clamp_level(n: u32) -> u8 {
    n.min(8) as u8
}

/// Outline level 9 is body text: `None`.
pub fn clamp_outline(n: u32) -> u8 {
    n.min(9) as u8
}

pub fn is_centre(jc: &str) -> bool {
    jc == "center"
}

#[cfg(test)]
mod tests {
    use super::*;

    const STYLES: &str = r#"<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
      <w:docDefaults><w:rPrDefault><w:rPr><w:sz w:val="32"/></w:rPr></w:rPrDefault></w:docDefaults>
      <w:style w:type="paragraph" w:default="1" w:styleId="a"><w:name w:val="Normal"/></w:style>
      <w:style w:type="paragraph" w:styleId="1"><w:name w:val="heading 1"/><w:basedOn w:val="a"/>
        <w:pPr><w:numPr><w:numId w:val="3"/></w:numPr></w:pPr></w:style>
      <w:style w:type="paragraph" w:styleId="x"><w:name w:val="My part"/><w:basedOn w:val="1"/>
        <w:pPr><w:jc w:val="center"/></w:pPr><w:rPr><w:sz w:val="44"/></w:rPr></w:style>
      <w:style w:type="paragraph" w:styleId="loop"><w:name w:val="loop"/><w:basedOn w:val="loop"/></w:style>
      <w:style w:type="paragraph" w:styleId="a5"><w:name w:val="Title"/></w:style>
    </w:styles>"#;

    #[test]
    fn follows_based_on_and_knows_builtins_by_name() {
        let s = Styles::parse(Some(STYLES));
        assert_eq!(s.default_size, 32);
        let r = s.resolve(Some("x"));
        assert_eq!(r.num_id, Some(3));
        assert_eq!(r.outline, Some(0));
        assert!(r.centred);
        assert_eq!(r.size, Some(44));
        assert!(!r.title);
        assert!(s.resolve(Some("a5")).title);
        assert_eq!(s.resolve(None).num_id, None);
        assert_eq!(s.resolve(Some("loop")), Resolved::default());
        assert_eq!(s.resolve(Some("missing")), Resolved::default());
    }
}
