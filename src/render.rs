//! Slides → one self-contained HTML file through the theme's minijinja templates.
//!
//! Every value is HTML-escaped (a `<script>` in a lecture is text) and undefined
//! variables are errors, so a typo in a template fails the build instead of printing
//! nothing. The runtime script is inlined and allowed by its sha256 in the
//! Content-Security-Policy, which forbids every network load.

use std::collections::BTreeSet;
use std::fmt;

use base64::Engine as _;
use minijinja::{context, AutoEscape, Environment, UndefinedBehavior, Value};
use sha2::{Digest, Sha256};

use crate::fonts::FontError;
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

/// Why a deck could not be rendered.
#[derive(Debug)]
pub enum RenderError {
    /// A template of the theme failed.
    Template(minijinja::Error),
    /// The theme's embedded font could not be subset.
    Font { file: String, error: FontError },
}

impl fmt::Display for RenderError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            RenderError::Template(e) => f.write_str(&crate::theme::errors::template_message(e)),
            RenderError::Font { file, error } => write!(f, "the theme's font `{file}`: {error}"),
        }
    }
}

impl std::error::Error for RenderError {}

impl From<minijinja::Error> for RenderError {
    fn from(e: minijinja::Error) -> Self {
        RenderError::Template(e)
    }
}

/// Renders the deck.
pub fn render(
    info: &DeckInfo,
    slides: &[Slide],
    theme: &Theme,
    aspect: Aspect,
) -> Result<String, RenderError> {
    let mut env = Environment::new();
    env.set_auto_escape_callback(|_| AutoEscape::Html);
    env.set_undefined_behavior(UndefinedBehavior::Strict);
    env.set_keep_trailing_newline(false);
    env.set_trim_blocks(true);
    env.set_lstrip_blocks(true);
    // A theme is someone else's code: it may not hang the build.
    env.set_fuel(Some(crate::theme::errors::fuel(slides.len())));
    env.set_recursion_limit(crate::theme::errors::RECURSION_LIMIT);
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
    let css = format!(
        "{RUNTIME_CSS}\n{}\n{}",
        theme_css::variables(theme, &deck_chars(info, slides, theme))?,
        theme.css
    );
    let l = &theme.layout;
    let html = env.get_template("deck.html.j2")?.render(context! {
        deck => info,
        slides => slide_values,
        theme => context! {
            name => &theme.name,
            organisation => theme.organisation.as_deref().or(info.organisation.as_deref()),
            footer => &theme.footer,
            closing => &theme.closing_text,
            logo => theme.logo.is_some() && l.show_logo,
            layout => l,
        },
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

/// Every character a slide can show (notes aside, which the speaker reads on their own
/// screen): what an embedded font must hold.
fn deck_chars(info: &DeckInfo, slides: &[Slide], theme: &Theme) -> BTreeSet<char> {
    // digits and the slash of the page number; the rest only as the slides use them
    let mut chars: BTreeSet<char> = ('0'..='9').chain([' ', '/']).collect();
    chars.extend("，。、：；！？“”‘’（）《》—…·›／".chars());
    let mut add = |s: &str| chars.extend(s.chars());
    for s in slides {
        add(&s.title);
        s.kicker.as_deref().map(&mut add);
        s.badge.as_deref().map(&mut add);
        s.crumbs
            .iter()
            .chain(&s.items)
            .chain(&s.chips)
            .chain(&s.byline)
            .for_each(|t| add(t));
    }
    info.kicker.iter().chain(info.byline()).for_each(|t| add(t));
    add(&info.title);
    info.source_note.iter().for_each(|t| add(t));
    for t in [&theme.organisation, &theme.footer].into_iter().flatten() {
        add(t);
    }
    add(&theme.closing_text);
    chars
}

mod theme_css {
    //! The CSS a theme's values become: custom properties the theme's style.css uses,
    //! the embedded font and the images.

    use std::collections::BTreeSet;
    use std::fmt::Write as _;

    use super::RenderError;
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

    pub fn variables(theme: &Theme, chars: &BTreeSet<char>) -> Result<String, RenderError> {
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
                crate::fonts::subset(&font.bytes, chars).map_err(|error| RenderError::Font {
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
}
