//! Slides → one self-contained HTML file through the theme's minijinja templates.
//!
//! Every value is HTML-escaped (a `<script>` in a lecture is text) and undefined
//! variables are errors, so a typo in a template fails the build instead of printing
//! nothing. The runtime script is inlined and allowed by its sha256 in the
//! Content-Security-Policy, which forbids every network load.

use base64::Engine as _;
use minijinja::{context, AutoEscape, Environment, UndefinedBehavior, Value};
use sha2::{Digest, Sha256};

use crate::plan::{DeckInfo, Slide};
use crate::theme::Theme;

/// Our own presentation runtime, embedded in every deck.
pub const RUNTIME_JS: &str = include_str!("runtime/runtime.js");
pub const RUNTIME_CSS: &str = include_str!("runtime/runtime.css");

/// Slide canvas proportions, chosen at build time.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum Aspect {
    #[default]
    #[serde(rename = "16:9")]
    Wide,
    #[serde(rename = "4:3")]
    Standard,
}

impl Aspect {
    pub fn size(self) -> (u32, u32) {
        match self {
            Aspect::Wide => (1920, 1080),
            Aspect::Standard => (1440, 1080),
        }
    }
}

impl std::str::FromStr for Aspect {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s {
            "16:9" => Ok(Aspect::Wide),
            "4:3" => Ok(Aspect::Standard),
            _ => Err(format!("unknown aspect `{s}`: use 16:9 or 4:3")),
        }
    }
}

/// The Content-Security-Policy of a deck running `script`.
pub fn content_security_policy(script: &str) -> String {
    let hash = base64::engine::general_purpose::STANDARD.encode(Sha256::digest(script.as_bytes()));
    format!(
        "default-src 'none'; img-src data:; font-src data:; style-src 'unsafe-inline'; \
         script-src 'sha256-{hash}'; base-uri 'none'; form-action 'none'"
    )
}

/// Renders the deck.
pub fn render(
    info: &DeckInfo,
    slides: &[Slide],
    theme: &Theme,
    aspect: Aspect,
) -> Result<String, minijinja::Error> {
    let mut env = Environment::new();
    env.set_auto_escape_callback(|_| AutoEscape::Html);
    env.set_undefined_behavior(UndefinedBehavior::Strict);
    env.set_keep_trailing_newline(false);
    env.set_trim_blocks(true);
    env.set_lstrip_blocks(true);
    for (name, source) in &theme.templates {
        env.add_template_owned(name.clone(), source.clone())?;
    }
    let safe = |list: &[String]| -> Vec<Value> {
        list.iter()
            .map(|h| Value::from_safe_string(h.clone()))
            .collect()
    };
    // lectern's own HTML (escaped text, Markdown markup) goes in as is; every other
    // field is escaped by the template.
    let slide_values: Vec<Value> = slides
        .iter()
        .map(|s| {
            context! {
                notes_html => safe(&s.notes_html),
                bullets => safe(&s.bullets),
                blocks => safe(&s.blocks),
                ..Value::from_serialize(s)
            }
        })
        .collect();
    let (width, height) = aspect.size();
    let css = format!("{RUNTIME_CSS}\n{}", theme.css);
    let html = env.get_template("deck.html.j2")?.render(context! {
        deck => info,
        slides => slide_values,
        theme => context! { name => &theme.name },
        csp => Value::from_safe_string(content_security_policy(RUNTIME_JS)),
        css => Value::from_safe_string(css),
        js => Value::from_safe_string(RUNTIME_JS.to_string()),
        width => width,
        height => height,
        aspect => match aspect { Aspect::Wide => "16:9", Aspect::Standard => "4:3" },
        generator => concat!("lectern ", env!("CARGO_PKG_VERSION")),
    })?;
    Ok(html)
}
