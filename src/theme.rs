//! Themes: the templates and CSS that give a deck its look. Built-ins live in the repo's
//! `themes/` folder and are embedded in the binary with rust-embed.

use std::collections::BTreeMap;
use std::fmt;

use rust_embed::RustEmbed;

#[derive(RustEmbed)]
#[folder = "themes/"]
struct BuiltIn;

/// A theme ready to render with: templates by file name and the CSS to inline.
#[derive(Debug, Clone)]
pub struct Theme {
    pub name: String,
    pub description: String,
    pub css: String,
    pub templates: BTreeMap<String, String>,
    pub closing_text: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ThemeError {
    Unknown { name: String, known: Vec<String> },
    Invalid { file: String, message: String },
}

impl fmt::Display for ThemeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ThemeError::Unknown { name, known } => write!(
                f,
                "there is no built-in theme `{name}`; the built-in themes are: {}",
                known.join(", ")
            ),
            ThemeError::Invalid { file, message } => write!(f, "{file}: {message}"),
        }
    }
}

impl std::error::Error for ThemeError {}

#[derive(Debug, serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct ThemeToml {
    name: String,
    description: String,
    #[serde(default = "default_closing")]
    closing: String,
}

fn default_closing() -> String {
    "谢谢！".into()
}

/// Names of the built-in themes, sorted.
pub fn builtin_names() -> Vec<String> {
    let mut names: Vec<String> = BuiltIn::iter()
        .filter_map(|p| p.strip_suffix("/theme.toml").map(str::to_string))
        .collect();
    names.sort();
    names
}

impl Theme {
    /// The theme every deck gets unless it asks for another.
    pub fn default_theme() -> Theme {
        Theme::builtin("default").expect("the built-in default theme loads")
    }

    /// Loads a built-in theme by name.
    pub fn builtin(name: &str) -> Result<Theme, ThemeError> {
        let file = |rel: &str| {
            BuiltIn::get(&format!("{name}/{rel}"))
                .map(|f| String::from_utf8_lossy(&f.data).into_owned())
        };
        let Some(toml_text) = file("theme.toml") else {
            return Err(ThemeError::Unknown {
                name: name.to_string(),
                known: builtin_names(),
            });
        };
        let config: ThemeToml = toml::from_str(&toml_text).map_err(|e| ThemeError::Invalid {
            file: format!("themes/{name}/theme.toml"),
            message: e.to_string(),
        })?;
        let prefix = format!("{name}/templates/");
        let templates = BuiltIn::iter()
            .filter_map(|p| {
                let rel = p.strip_prefix(&prefix)?.to_string();
                Some((rel, file(&p[name.len() + 1..])?))
            })
            .collect();
        Ok(Theme {
            name: config.name,
            description: config.description,
            css: file("style.css").unwrap_or_default(),
            templates,
            closing_text: config.closing,
        })
    }
}
