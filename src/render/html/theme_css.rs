//! The CSS a theme's values become: custom properties the theme's style.css uses,
//! the embedded font and the images.

use std::collections::BTreeSet;
use std::fmt::Write as _;

use crate::render::RenderError;
use crate::theme::Theme;

const GENERIC: [&str; 6] = [
    "serif",
    "sans-serif",
    "monospace",
    "cursive",
    "fantasy",
    "system-ui",
];

fn stack(families: &[String], embedded: bool) -> String {
    let mut out: Vec<String> = Vec::new();
    if embedded {
        out.push("\"lectern-embed\"".into());
    }
    out.extend(families.iter().map(|f| {
        if GENERIC.contains(&f.as_str()) {
            f.clone()
        } else {
            format!("\"{f}\"")
        }
    }));
    out.join(",")
}

/// `chars` gives what an embedded font must hold; it is asked only when the theme
/// embeds one (gathering them is a pass over every slide).
pub fn variables(
    theme: &Theme,
    chars: impl FnOnce() -> BTreeSet<char>,
) -> Result<String, RenderError> {
    let mut css = String::from(".reveal{");
    for (key, value) in &theme.colours {
        let _ = write!(css, "--{}:{value};", key.replace('_', "-"));
    }
    let embed = theme.embed_font.as_ref();
    let _ = write!(
        css,
        "--font-title:{};--font-body:{};",
        stack(&theme.title_fonts, embed.is_some_and(|e| e.for_titles)),
        stack(&theme.body_fonts, embed.is_some_and(|e| e.for_body)),
    );
    match &theme.background {
        Some(bg) => {
            let _ = write!(css, "--bg-image:url({});", bg.inlined.uri);
        }
        None => css.push_str("--bg-image:none;"),
    }
    css.push('}');
    if let Some(logo) = &theme.logo {
        let d = &logo.inlined;
        let ratio = if d.width > 0 && d.height > 0 {
            f64::from(d.width) / f64::from(d.height)
        } else {
            1.0
        };
        let _ = write!(
            css,
            "\n.reveal .logo{{display:inline-block;height:1em;width:{:.3}em;background:url({}) center/contain no-repeat}}",
            ratio.clamp(0.2, 6.0),
            d.uri
        );
    }
    if let Some(font) = embed {
        let subset =
            crate::fonts::subset(&font.bytes, &chars()).map_err(|error| RenderError::Font {
                file: font.file.clone(),
                error,
            })?;
        let _ = write!(
            css,
            "\n@font-face{{font-family:\"lectern-embed\";src:url({});font-display:block}}",
            subset.data_uri()
        );
    }
    Ok(css)
}
