//! DrawingML as a template writes it: colours (scheme colours through the master's
//! colour map, with their luminance and shade modifiers), fills (solid, gradient,
//! picture) and shape positions.

use roxmltree::Node;

/// The colour scheme of the theme part and the master's colour map.
#[derive(Debug, Clone, Default)]
pub struct Scheme {
    /// `dk1`, `lt1`, `dk2`, `lt2`, `accent1`… → `rrggbb`.
    pub colours: Vec<(String, String)>,
    /// `bg1` → `lt1`, `tx1` → `dk1` …
    pub map: Vec<(String, String)>,
}

impl Scheme {
    pub fn read(theme: &Node, master: Option<&Node>) -> Scheme {
        let mut s = Scheme::default();
        if let Some(cs) = theme.descendants().find(|n| {
            n.has_tag_name((
                "http://schemas.openxmlformats.org/drawingml/2006/main",
                "clrScheme",
            ))
        }) {
            for slot in cs.children().filter(|n| n.is_element()) {
                let value = slot.children().find(|n| n.is_element()).and_then(|c| {
                    match c.tag_name().name() {
                        "srgbClr" => c.attribute("val").map(str::to_string),
                        "sysClr" => c.attribute("lastClr").map(str::to_string),
                        _ => None,
                    }
                });
                if let Some(v) = value.filter(|v| is_hex(v)) {
                    s.colours
                        .push((slot.tag_name().name().to_string(), v.to_ascii_lowercase()));
                }
            }
        }
        let map = master.and_then(|m| m.descendants().find(|n| n.tag_name().name() == "clrMap"));
        s.map = match map {
            Some(m) => m
                .attributes()
                .map(|a| (a.name().to_string(), a.value().to_string()))
                .collect(),
            None => [
                ("bg1", "lt1"),
                ("tx1", "dk1"),
                ("bg2", "lt2"),
                ("tx2", "dk2"),
            ]
            .iter()
            .map(|(a, b)| (a.to_string(), b.to_string()))
            .collect(),
        };
        s
    }

    /// A scheme colour by its name in the scheme (`accent1`) or through the map (`tx1`).
    pub fn get(&self, name: &str) -> Option<String> {
        let name = self
            .map
            .iter()
            .find(|(k, _)| k == name)
            .map_or(name, |(_, v)| v.as_str());
        self.colours
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.clone())
    }
}

fn is_hex(v: &str) -> bool {
    v.len() == 6 && v.chars().all(|c| c.is_ascii_hexdigit())
}

/// The colour of a colour element (`a:srgbClr`, `a:schemeClr`, `a:sysClr`, `a:prstClr`)
/// with its modifiers applied; `ph` stands for `phClr`.
pub fn colour(el: &Node, scheme: &Scheme, ph: Option<&str>) -> Option<String> {
    let base = match el.tag_name().name() {
        "srgbClr" => el
            .attribute("val")
            .filter(|v| is_hex(v))?
            .to_ascii_lowercase(),
        "sysClr" => el
            .attribute("lastClr")
            .filter(|v| is_hex(v))?
            .to_ascii_lowercase(),
        "schemeClr" => match el.attribute("val")? {
            "phClr" => ph?.to_string(),
            name => scheme.get(name)?,
        },
        "prstClr" => match el.attribute("val")? {
            "black" => "000000".into(),
            "white" => "ffffff".into(),
            _ => return None,
        },
        _ => return None,
    };
    let mut rgb = rgb(&base);
    for m in el.children().filter(|n| n.is_element()) {
        let v = m
            .attribute("val")
            .and_then(|v| v.parse::<f32>().ok())
            .unwrap_or(100_000.0)
            / 100_000.0;
        match m.tag_name().name() {
            "lumMod" | "lumOff" => {
                let (h, s, mut l) = to_hsl(rgb);
                if m.tag_name().name() == "lumMod" {
                    l *= v;
                } else {
                    l += v;
                }
                rgb = from_hsl(h, s, l.clamp(0.0, 1.0));
            }
            "shade" => rgb = rgb.map(|c| c * v),
            "tint" => rgb = rgb.map(|c| c + (1.0 - c) * (1.0 - v)),
            _ => {}
        }
    }
    Some(hex(rgb))
}

/// The first colour element under `parent`.
pub fn colour_in(parent: &Node, scheme: &Scheme, ph: Option<&str>) -> Option<String> {
    parent
        .children()
        .filter(|n| n.is_element())
        .find_map(|c| colour(&c, scheme, ph))
}

fn rgb(hex: &str) -> [f32; 3] {
    let p = |i: usize| u8::from_str_radix(&hex[i..i + 2], 16).unwrap_or(0) as f32 / 255.0;
    [p(0), p(2), p(4)]
}

fn hex(c: [f32; 3]) -> String {
    c.iter()
        .map(|v| format!("{:02x}", (v.clamp(0.0, 1.0) * 255.0).round() as u8))
        .collect()
}

fn to_hsl([r, g, b]: [f32; 3]) -> (f32, f32, f32) {
    let (max, min) = (r.max(g).max(b), r.min(g).min(b));
    let l = (max + min) / 2.0;
    if max == min {
        return (0.0, 0.0, l);
    }
    let d = max - min;
    let s = if l > 0.5 {
        d / (2.0 - max - min)
    } else {
        d / (max + min)
    };
    let h = if max == r {
        (g - b) / d + if g < b { 6.0 } else { 0.0 }
    } else if max == g {
        (b - r) / d + 2.0
    } else {
        (r - g) / d + 4.0
    };
    (h / 6.0, s, l)
}

fn from_hsl(h: f32, s: f32, l: f32) -> [f32; 3] {
    if s == 0.0 {
        return [l, l, l];
    }
    let q = if l < 0.5 {
        l * (1.0 + s)
    } else {
        l + s - l * s
    };
    let p = 2.0 * l - q;
    let f = |mut t: f32| {
        if t < 0.0 {
            t += 1.0;
        }
        if t > 1.0 {
            t -= 1.0;
        }
        if t < 1.0 / 6.0 {
            p + (q - p) * 6.0 * t
        } else if t < 0.5 {
            q
        } else if t < 2.0 / 3.0 {
            p + (q - p) * (2.0 / 3.0 - t) * 6.0
        } else {
            p
        }
    };
    [f(h + 1.0 / 3.0), f(h), f(h - 1.0 / 3.0)]
}

/// A background or shape fill.
#[derive(Debug, Clone, PartialEq)]
pub enum Fill {
    Solid(String),
    /// CSS angle in degrees (0 = to top, 90 = to right), stops as (percent, colour);
    /// `radial` for a path gradient.
    Gradient {
        angle: f32,
        radial: bool,
        stops: Vec<(f32, String)>,
    },
    /// The relationship id of the picture.
    Picture(String),
}

/// The fill given by the first fill element under `parent` (`a:solidFill`,
/// `a:gradFill`, `a:blipFill`); `None` for `a:noFill` or nothing readable.
pub fn fill(parent: &Node, scheme: &Scheme, ph: Option<&str>) -> Option<Fill> {
    parent
        .children()
        .filter(|n| n.is_element())
        .find(|f| {
            matches!(
                f.tag_name().name(),
                "solidFill" | "gradFill" | "blipFill" | "noFill" | "pattFill" | "grpFill"
            )
        })
        .and_then(|f| fill_of(&f, scheme, ph))
}

/// One fill element.
fn fill_of(f: &Node, scheme: &Scheme, ph: Option<&str>) -> Option<Fill> {
    match f.tag_name().name() {
        "solidFill" => colour_in(f, scheme, ph).map(Fill::Solid),
        "gradFill" => {
            let mut stops: Vec<(f32, String)> = f
                .descendants()
                .filter(|n| n.tag_name().name() == "gs")
                .filter_map(|gs| {
                    let pos = gs.attribute("pos")?.parse::<f32>().ok()? / 1000.0;
                    Some((pos, colour_in(&gs, scheme, ph)?))
                })
                .collect();
            if stops.is_empty() {
                return None;
            }
            stops.sort_by(|a, b| a.0.total_cmp(&b.0));
            let ang = f
                .children()
                .find(|n| n.tag_name().name() == "lin")
                .and_then(|l| l.attribute("ang"))
                .and_then(|a| a.parse::<f32>().ok())
                .unwrap_or(0.0)
                / 60_000.0;
            Some(Fill::Gradient {
                angle: (90.0 + ang) % 360.0,
                radial: f.children().any(|n| n.tag_name().name() == "path"),
                stops,
            })
        }
        "blipFill" => {
            let blip = f.children().find(|n| n.tag_name().name() == "blip")?;
            let id = blip.attributes().find(|a| a.name() == "embed")?.value();
            Some(Fill::Picture(id.to_string()))
        }
        _ => None,
    }
}

/// A slide's or layout's own background (`p:cSld/p:bg`), resolving a reference to the
/// theme's background fill styles (`bgRef idx="1001"` is the first of them).
pub fn background(cld: &Node, theme: &Node, scheme: &Scheme) -> Option<Fill> {
    let bg = cld.children().find(|n| n.tag_name().name() == "bg")?;
    let inner = bg.children().find(|n| n.is_element())?;
    match inner.tag_name().name() {
        "bgPr" => fill(&inner, scheme, None),
        "bgRef" => {
            let ph = colour_in(&inner, scheme, None);
            let idx: usize = inner.attribute("idx")?.parse().ok()?;
            let styles = theme
                .descendants()
                .find(|n| n.tag_name().name() == "bgFillStyleLst");
            let style = idx
                .checked_sub(1001)
                .and_then(|i| styles?.children().filter(|n| n.is_element()).nth(i));
            match style {
                // a picture in the theme's fill styles is the theme part's own
                // relationship: take the colour it is given instead
                Some(s) if s.tag_name().name() != "blipFill" => {
                    fill_of(&s, scheme, ph.as_deref()).or_else(|| ph.map(Fill::Solid))
                }
                _ => ph.map(Fill::Solid),
            }
        }
        _ => None,
    }
}

/// A shape's position and size in EMU (`a:xfrm` under its properties).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Xfrm {
    pub x: f64,
    pub y: f64,
    pub w: f64,
    pub h: f64,
}

pub fn xfrm(shape: &Node) -> Option<Xfrm> {
    let x = shape
        .children()
        .find(|n| matches!(n.tag_name().name(), "spPr" | "grpSpPr"))?
        .children()
        .find(|n| n.tag_name().name() == "xfrm")?;
    let off = x.children().find(|n| n.tag_name().name() == "off")?;
    let ext = x.children().find(|n| n.tag_name().name() == "ext")?;
    let n = |e: &Node, a: &str| e.attribute(a).and_then(|v| v.parse::<f64>().ok());
    Some(Xfrm {
        x: n(&off, "x")?,
        y: n(&off, "y")?,
        w: n(&ext, "cx")?,
        h: n(&ext, "cy")?,
    })
}

/// A placeholder's `(type, idx)`; type `obj` when not written.
pub fn placeholder(shape: &Node) -> Option<(String, Option<String>)> {
    let ph = shape.descendants().find(|n| {
        n.tag_name().name() == "ph" && n.parent().is_some_and(|p| p.tag_name().name() == "nvPr")
    })?;
    Some((
        ph.attribute("type").unwrap_or("obj").to_string(),
        ph.attribute("idx").map(str::to_string),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn luminance_modifiers_darken_and_lighten() {
        let s = Scheme {
            colours: vec![("accent1".into(), "4472c4".into())],
            map: vec![],
        };
        let doc = roxmltree::Document::parse(
            r#"<a:schemeClr xmlns:a="x" val="accent1"><a:lumMod val="75000"/></a:schemeClr>"#,
        )
        .unwrap();
        assert_eq!(colour(&doc.root_element(), &s, None).unwrap(), "2f5597");
        let doc = roxmltree::Document::parse(r#"<a:srgbClr xmlns:a="x" val="FF0000"/>"#).unwrap();
        assert_eq!(colour(&doc.root_element(), &s, None).unwrap(), "ff0000");
    }
}
