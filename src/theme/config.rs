//! `theme.toml` as written: parsed strictly (unknown keys are errors) with the span of
//! every value kept, so that a bad colour or a missing file is reported at its line.

use serde::Deserialize;
use toml::Spanned;

use super::ThemeError;

/// One `theme.toml`. Every field but `name` may be left out and is then inherited from
/// the parent (`extends`) or the built-in defaults.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ThemeToml {
    pub name: Spanned<String>,
    #[serde(default)]
    pub extends: Option<Spanned<String>>,
    #[serde(default)]
    pub description: Option<String>,
    /// The big words of the closing slide.
    #[serde(default)]
    pub closing: Option<String>,
    #[serde(default, alias = "colors")]
    pub colours: Colours,
    #[serde(default)]
    pub fonts: Fonts,
    #[serde(default)]
    pub brand: Brand,
    #[serde(default)]
    pub layout: Layout,
    #[serde(default)]
    pub template: Template,
}

/// A PowerPoint template (.pptx/.potx) in the theme folder: .pptx decks are built on its
/// master and layouts (`lectern theme import` writes this).
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Template {
    /// The template file; `""` for none.
    pub file: Option<Spanned<String>>,
}

/// The palette, each a `#rrggbb` string.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Colours {
    pub primary: Option<Spanned<String>>,
    pub accent: Option<Spanned<String>>,
    pub background: Option<Spanned<String>>,
    pub text: Option<Spanned<String>>,
    pub heading: Option<Spanned<String>>,
    pub on_primary: Option<Spanned<String>>,
    pub muted: Option<Spanned<String>>,
}

impl Colours {
    /// (key, value) in the order they are documented.
    pub fn entries(&self) -> [(&'static str, &Option<Spanned<String>>); 7] {
        [
            ("primary", &self.primary),
            ("accent", &self.accent),
            ("background", &self.background),
            ("text", &self.text),
            ("heading", &self.heading),
            ("on_primary", &self.on_primary),
            ("muted", &self.muted),
        ]
    }
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Fonts {
    /// Font families for titles, most wanted first.
    pub title: Option<Spanned<Vec<String>>>,
    /// Font families for everything else.
    pub body: Option<Spanned<Vec<String>>>,
    /// A font file in the theme folder to embed (only the glyphs the deck uses).
    pub embed: Option<Spanned<String>>,
    /// What the embedded font is for: `title`, `body` or `all`.
    pub embed_for: Option<Spanned<String>>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Brand {
    #[serde(
        alias = "organization",
        alias = "org",
        alias = "unit",
        alias = "department"
    )]
    pub organisation: Option<String>,
    /// Footer text; default: the organisation and the date.
    pub footer: Option<String>,
    /// An image file in the theme folder (PNG, JPEG, GIF, WebP or SVG); `""` for none.
    pub logo: Option<Spanned<String>>,
    /// A background image for the light slides; `""` for none.
    pub background: Option<Spanned<String>>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Layout {
    pub aspect: Option<Spanned<String>>,
    pub show_page_number: Option<bool>,
    pub show_progress: Option<bool>,
    pub show_footer: Option<bool>,
    pub show_logo: Option<bool>,
    pub show_breadcrumb: Option<bool>,
}

/// Parses `text`, the `theme.toml` of the theme found at `origin`.
pub fn parse(text: &str, origin: &str) -> Result<ThemeToml, ThemeError> {
    toml::from_str(text).map_err(|e| {
        let offset = e.span().map_or(0, |s| s.start);
        let message = e.message().trim().to_string();
        let message = match message.strip_prefix("unknown field ") {
            Some(rest) => format!(
                "unknown key {}; check its spelling and the section it is in",
                rest.replace(", expected", "; the keys here are")
            ),
            None => message,
        };
        at(origin, text, offset, message)
    })
}

/// An error at byte `offset` of `theme.toml`: names the file, the line, the key on that
/// line and shows the line.
pub fn at(origin: &str, text: &str, offset: usize, message: String) -> ThemeError {
    let offset = offset.min(text.len());
    let line_no = text[..offset].matches('\n').count() + 1;
    let line = text.lines().nth(line_no - 1).unwrap_or("").trim_end();
    let key = line
        .split_once('=')
        .map(|(k, _)| k.trim().trim_matches('"').to_string())
        .filter(|k| !k.is_empty() && !k.starts_with('['));
    ThemeError::Invalid {
        file: format!("{origin}/theme.toml"),
        line: Some(line_no),
        key,
        message: format!("{message}\n  {line_no} | {line}"),
    }
}

/// A `#rrggbb` colour, lower-cased, or why it is not one.
pub fn colour(value: &str) -> Result<String, String> {
    let v = value.trim();
    let hex = v.strip_prefix('#').unwrap_or("");
    if hex.len() == 6 && hex.chars().all(|c| c.is_ascii_hexdigit()) {
        Ok(v.to_ascii_lowercase())
    } else if hex.len() == 3 && hex.chars().all(|c| c.is_ascii_hexdigit()) {
        let long: String = hex.chars().flat_map(|c| [c, c]).collect();
        Ok(format!("#{}", long.to_ascii_lowercase()))
    } else {
        Err(format!(
            "`{value}` is not a colour; write it as \"#rrggbb\", e.g. \"#B2001E\""
        ))
    }
}

/// A font family name safe to put in CSS, or why not.
pub fn family(name: &str) -> Result<(), String> {
    if name.trim().is_empty() {
        return Err("an empty font name".into());
    }
    if let Some(c) = name
        .chars()
        .find(|c| matches!(c, '"' | '\'' | '\\' | ';' | '{' | '}' | '<' | '>') || c.is_control())
    {
        return Err(format!(
            "the font name `{name}` contains `{c}`, which a font name cannot"
        ));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn colours_are_six_or_three_hex_digits() {
        assert_eq!(colour("#B2001E").unwrap(), "#b2001e");
        assert_eq!(colour("#fa0").unwrap(), "#ffaa00");
        assert!(colour("red").is_err());
        assert!(colour("#12345").is_err());
        assert!(colour("B2001E").is_err());
    }

    #[test]
    fn an_unknown_key_is_named_with_its_line() {
        let text = "name = \"x\"\n\n[brand]\norganisation = \"局\"\nlogo_file = \"a.png\"\n";
        let ThemeError::Invalid {
            line, key, message, ..
        } = parse(text, "dept").unwrap_err()
        else {
            panic!("not an Invalid error")
        };
        assert_eq!(line, Some(5));
        assert_eq!(key.as_deref(), Some("logo_file"));
        assert!(message.contains("unknown key `logo_file`"), "{message}");
    }
}
