//! Themes: the templates, CSS, palette, fonts and brand that give a deck its look.
//!
//! A theme is a folder (`theme.toml`, optional `style.css`, `templates/*.j2`, images and
//! fonts it names). Built-ins live in the repo's `themes/` and are embedded in the binary;
//! a department's theme is a folder of the same shape that usually `extends` a built-in
//! and overrides what it wants: keys of `theme.toml`, whole templates by file name, and
//! CSS appended after its parent's. The library never touches the file system: themes
//! come in through [`ThemeFiles`] ([`files::BuiltIn`], [`files::MemoryFiles`], or the
//! folder reader of `project`).

pub mod compat;
pub mod config;
pub mod eject;
pub mod errors;
pub mod files;
mod load;

use std::collections::BTreeMap;
use std::fmt;
use std::sync::Arc;

pub use files::{BuiltIn, MemoryFiles, ThemeFiles};
pub use load::Registry;

use crate::aspect::Aspect;
use crate::input::images::DataUri;

/// The built-in theme a deck gets unless it asks for another.
pub const DEFAULT_THEME: &str = "red";

/// A theme resolved along its `extends` chain, ready to render with.
#[derive(Debug, Clone)]
pub struct Theme {
    pub name: String,
    pub description: String,
    /// The themes it was built from, itself first.
    pub chain: Vec<String>,
    pub closing_text: String,
    /// `(key, #rrggbb)` in the order of [`COLOUR_KEYS`].
    pub colours: Vec<(&'static str, String)>,
    pub title_fonts: Vec<String>,
    pub body_fonts: Vec<String>,
    pub embed_font: Option<EmbedFont>,
    pub organisation: Option<String>,
    pub footer: Option<String>,
    pub logo: Option<Asset>,
    pub background: Option<Asset>,
    pub layout: Layout,
    /// The CSS of the chain, the base theme's first.
    pub css: String,
    /// Templates by file name (`deck.html.j2`), each the nearest theme's own.
    pub templates: BTreeMap<String, String>,
}

/// The colour keys of `[colours]`, in the order they are documented and written.
pub const COLOUR_KEYS: [&str; 7] = [
    "primary",
    "accent",
    "background",
    "text",
    "heading",
    "on_primary",
    "muted",
];

/// An image of the theme: the file as given (for `theme new`) and as inlined.
#[derive(Debug, Clone)]
pub struct Asset {
    /// The path as written in `theme.toml`.
    pub file: String,
    pub bytes: Arc<[u8]>,
    pub inlined: DataUri,
}

/// A font file to embed, subset to the deck's characters when the deck is rendered.
#[derive(Debug, Clone)]
pub struct EmbedFont {
    pub file: String,
    pub bytes: Arc<[u8]>,
    pub for_titles: bool,
    pub for_body: bool,
}

/// Which slots a theme shows and the slide shape.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
pub struct Layout {
    #[serde(skip)]
    pub aspect: Aspect,
    pub show_page_number: bool,
    pub show_progress: bool,
    pub show_footer: bool,
    pub show_logo: bool,
    pub show_breadcrumb: bool,
}

impl Default for Layout {
    fn default() -> Self {
        Layout {
            aspect: Aspect::Wide,
            show_page_number: true,
            show_progress: true,
            show_footer: true,
            show_logo: true,
            show_breadcrumb: true,
        }
    }
}

/// Why a theme could not be loaded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ThemeError {
    /// No theme by that name.
    Unknown { name: String, known: Vec<String> },
    /// Something in a theme's files is wrong: the file, the line and key where known.
    Invalid {
        file: String,
        line: Option<usize>,
        key: Option<String>,
        message: String,
    },
}

impl ThemeError {
    pub(crate) fn file(file: impl Into<String>, message: impl Into<String>) -> Self {
        ThemeError::Invalid {
            file: file.into(),
            line: None,
            key: None,
            message: message.into(),
        }
    }
}

impl ThemeError {
    /// The same sentence in Chinese.
    pub fn zh(&self) -> String {
        match self {
            ThemeError::Unknown { name, known } => format!(
                "没有名为 `{name}` 的主题；内置主题有：{}（也可以给出主题文件夹的路径）",
                known.join("、")
            ),
            // the file, line and key, then the loader's own words
            ThemeError::Invalid { .. } => format!("主题有误：{self}"),
        }
    }
}

impl fmt::Display for ThemeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ThemeError::Unknown { name, known } => write!(
                f,
                "there is no theme `{name}`; the built-in themes are: {} (or give the path of a theme folder)",
                known.join(", ")
            ),
            ThemeError::Invalid {
                file,
                line,
                key,
                message,
            } => {
                write!(f, "{file}")?;
                if let Some(line) = line {
                    write!(f, ":{line}")?;
                }
                if let Some(key) = key {
                    write!(f, ": key `{key}`")?;
                }
                write!(f, ": {message}")
            }
        }
    }
}

impl std::error::Error for ThemeError {}

/// Names of the built-in themes, the default first.
pub fn builtin_names() -> Vec<String> {
    let mut names: Vec<String> = files::BuiltIn::names();
    names.sort_by_key(|n| (n != DEFAULT_THEME, n.clone()));
    names
}

impl Theme {
    /// The default built-in theme.
    pub fn default_theme() -> Theme {
        // read once a process: `Options::default()` and the project loader both want it
        static DEFAULT: std::sync::OnceLock<Theme> = std::sync::OnceLock::new();
        DEFAULT
            .get_or_init(|| {
                Theme::builtin(DEFAULT_THEME).expect("the default built-in theme loads")
            })
            .clone()
    }

    /// A built-in theme by name (`default` names the default one).
    pub fn builtin(name: &str) -> Result<Theme, ThemeError> {
        Registry::new().load(name)
    }

    /// The value of a colour key.
    pub fn colour(&self, key: &str) -> Option<&str> {
        self.colours
            .iter()
            .find(|(k, _)| *k == key)
            .map(|(_, v)| v.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_builtin_theme_loads_and_the_default_is_listed_first() {
        let names = builtin_names();
        assert!(names.len() >= 4, "{names:?}");
        assert_eq!(names[0], DEFAULT_THEME);
        for name in &names {
            let theme = Theme::builtin(name).unwrap_or_else(|e| panic!("{name}: {e}"));
            assert!(theme.templates.contains_key("deck.html.j2"), "{name}");
            assert!(!theme.description.is_empty(), "{name}");
            assert!(name.is_ascii());
        }
    }
}
