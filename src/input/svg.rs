//! SVG pictures: checked, never rasterised. An SVG goes in unchanged, as an image, where
//! browsers run none of its scripts; it must parse as SVG and hold nothing that could run,
//! load or navigate if it were opened some other way.

use super::images::{data_uri, DataUri, ImageError, MAX_SVG};

pub(super) fn looks_like_svg(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(1024)];
    let head = String::from_utf8_lossy(head);
    let t = head.trim_start_matches('\u{feff}').trim_start();
    (t.starts_with("<?xml")
        || t.starts_with("<svg")
        || t.starts_with("<!--")
        || t.starts_with("<!DOCTYPE"))
        && head.contains("<svg")
}

/// An SVG goes in unchanged, and as an image (`<img>` or CSS `url()`), where browsers
/// run none of its scripts and load nothing it links to. It must still parse as SVG and
/// hold nothing that could run, load or navigate if it were opened some other way.
pub(super) fn svg(bytes: &[u8], name: &str) -> Result<DataUri, ImageError> {
    if bytes.len() > MAX_SVG {
        return Err(ImageError::TooLarge {
            name: name.into(),
            what: format!(
                "{} KB of SVG, at most {} KB",
                bytes.len() >> 10,
                MAX_SVG >> 10
            ),
        });
    }
    let corrupt = |message: String| ImageError::Corrupt {
        name: name.into(),
        message,
    };
    let text = std::str::from_utf8(bytes)
        .map_err(|_| corrupt("the SVG is not UTF-8 text".into()))?
        .trim_start_matches('\u{feff}');
    let (width, height) = svg_check(text).map_err(|e| match e {
        SvgProblem::Xml(message) => corrupt(message),
        SvgProblem::Unsafe(what) => ImageError::Unsafe {
            name: name.into(),
            what,
        },
    })?;
    Ok(DataUri {
        uri: data_uri("image/svg+xml", bytes),
        mime: "image/svg+xml",
        width,
        height,
        encoded_len: bytes.len(),
        bytes: bytes.into(),
    })
}

enum SvgProblem {
    /// Not well-formed SVG.
    Xml(String),
    /// Something that could run, load or navigate.
    Unsafe(String),
}

const SVG_NS: &str = "http://www.w3.org/2000/svg";
/// Elements that run code or embed other documents.
const SVG_ACTIVE: [&str; 9] = [
    "script",
    "foreignobject",
    "handler",
    "listener",
    "iframe",
    "embed",
    "object",
    "audio",
    "video",
];

/// Parses `text` as SVG (no entities of its own, at most 100,000 nodes) and returns its
/// proportions from the root's `viewBox`, else `width`/`height` (0 if unknown).
fn svg_check(text: &str) -> Result<(u32, u32), SvgProblem> {
    // A DTD is only admitted as the bare `<!DOCTYPE svg PUBLIC …>` line editors write;
    // one with its own declarations (entities: the billion laughs) is refused.
    if let Some(at) = text.find("<!DOCTYPE") {
        let decl = &text[at..text[at..].find('>').map_or(text.len(), |e| at + e)];
        if decl.contains('[') || text.contains("<!ENTITY") {
            return Err(SvgProblem::Unsafe("a DTD with its own declarations".into()));
        }
    }
    let opts = roxmltree::ParsingOptions {
        allow_dtd: true,
        nodes_limit: 100_000,
        ..roxmltree::ParsingOptions::default()
    };
    let doc = roxmltree::Document::parse_with_options(text, opts)
        .map_err(|e| SvgProblem::Xml(format!("the SVG is not well-formed XML ({e})")))?;
    let root = doc.root_element();
    if root.tag_name().name() != "svg" || root.tag_name().namespace() != Some(SVG_NS) {
        return Err(SvgProblem::Xml(format!(
            "it is XML but not an SVG picture (its root element is <{}>, not <svg xmlns=\"{SVG_NS}\">)",
            root.tag_name().name()
        )));
    }
    for node in doc.descendants() {
        if node.is_pi() && node.pi().is_some_and(|p| p.target == "xml-stylesheet") {
            return Err(SvgProblem::Unsafe("an <?xml-stylesheet?> link".into()));
        }
        if !node.is_element() {
            if node.is_text()
                && node
                    .parent_element()
                    .is_some_and(|p| p.has_tag_name((SVG_NS, "style")))
            {
                css_refs(node.text().unwrap_or_default())?;
            }
            continue;
        }
        let tag = node.tag_name().name().to_ascii_lowercase();
        if SVG_ACTIVE.contains(&tag.as_str()) {
            return Err(SvgProblem::Unsafe(format!("<{}>", node.tag_name().name())));
        }
        let animates = matches!(
            tag.as_str(),
            "set" | "animate" | "animatemotion" | "animatetransform"
        );
        for attr in node.attributes() {
            let key = attr.name().to_ascii_lowercase();
            let value = attr.value();
            if key.starts_with("on") {
                return Err(SvgProblem::Unsafe(format!(
                    "an event attribute `{}`",
                    attr.name()
                )));
            }
            if key == "href" && !local_ref(value) {
                return Err(SvgProblem::Unsafe(format!("a link to `{}`", short(value))));
            }
            if animates && key == "attributename" {
                let target = value.trim().to_ascii_lowercase();
                if target.ends_with("href") || target.starts_with("on") {
                    return Err(SvgProblem::Unsafe(format!("an animation of `{value}`")));
                }
            }
            css_refs(value)?;
        }
    }
    Ok(svg_size(&root))
}

/// A reference inside the file itself or an embedded raster picture.
fn local_ref(value: &str) -> bool {
    let v = value.trim().to_ascii_lowercase();
    v.starts_with('#')
        || ["png", "jpeg", "jpg", "gif", "webp"]
            .iter()
            .any(|f| v.starts_with(&format!("data:image/{f}")))
}

/// Every `url(…)` and `@import` in CSS text must stay inside the file.
fn css_refs(css: &str) -> Result<(), SvgProblem> {
    let lower = css.to_ascii_lowercase();
    if lower.contains("@import") {
        return Err(SvgProblem::Unsafe("a style sheet @import".into()));
    }
    for (at, _) in lower.match_indices("url(") {
        let arg = lower[at + 4..].trim_start().trim_start_matches(['"', '\'']);
        if !local_ref(arg) {
            let end = css[at..].find(')').map_or(css.len(), |e| at + e + 1);
            return Err(SvgProblem::Unsafe(format!(
                "a link to `{}`",
                short(&css[at..end])
            )));
        }
    }
    Ok(())
}

fn short(s: &str) -> String {
    let s = s.trim();
    match s.char_indices().nth(60) {
        Some((i, _)) => format!("{}…", &s[..i]),
        None => s.to_string(),
    }
}

fn svg_size(root: &roxmltree::Node) -> (u32, u32) {
    let num = |s: &str| {
        s.trim()
            .trim_end_matches(|c: char| c.is_ascii_alphabetic())
            .parse::<f64>()
            .ok()
            .filter(|v| v.is_finite())
    };
    if let Some(vb) = root.attribute("viewBox") {
        let v: Vec<f64> = vb
            .split(|c: char| c == ',' || c.is_whitespace())
            .filter_map(|s| s.parse().ok())
            .collect();
        if v.len() == 4 && v[2] > 0.0 && v[3] > 0.0 && v[2].is_finite() && v[3].is_finite() {
            return (v[2].round() as u32, v[3].round() as u32);
        }
    }
    match (
        root.attribute("width").and_then(num),
        root.attribute("height").and_then(num),
    ) {
        (Some(w), Some(h)) if w > 0.0 && h > 0.0 => (w.round() as u32, h.round() as u32),
        _ => (0, 0),
    }
}
