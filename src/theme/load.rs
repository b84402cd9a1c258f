//! Loading a theme: read each theme of the `extends` chain, check it, and merge the
//! chain child over parent.

use std::collections::BTreeMap;
use std::sync::Arc;

use toml::Spanned;

use super::config::{self, ThemeToml};
use super::files::{BuiltIn, ThemeFiles};
use super::template::{Opc, TemplateFile};
use super::{builtin_names, Asset, EmbedFont, Layout, Theme, ThemeError, COLOUR_KEYS};
use crate::aspect::Aspect;
use crate::input::images::{self, ImageUse};

/// How many themes an `extends` chain may hold: deeper is a mistake, not a design.
const MAX_CHAIN: usize = 8;

/// The themes a build can name: the built-ins and any the caller adds (a department's
/// own, to be named in `extends`).
#[derive(Default)]
pub struct Registry {
    extra: BTreeMap<String, Box<dyn ThemeFiles>>,
}

impl Registry {
    pub fn new() -> Self {
        Registry::default()
    }

    /// Makes `files` loadable (and extendable) as `name`; it hides a built-in of that name.
    pub fn add(&mut self, name: impl Into<String>, files: impl ThemeFiles + 'static) {
        self.extra.insert(name.into(), Box::new(files));
    }

    /// Loads the theme called `name`.
    pub fn load(&self, name: &str) -> Result<Theme, ThemeError> {
        let name = if name == "default" && !self.extra.contains_key(name) {
            super::DEFAULT_THEME
        } else {
            name
        };
        match self.find(name) {
            Some(Found::Extra(files)) => self.load_chain(files, Some(name)),
            Some(Found::BuiltIn(files)) => self.load_chain(&files, Some(name)),
            None => Err(ThemeError::Unknown {
                name: name.into(),
                known: self.known(),
            }),
        }
    }

    /// Loads the theme whose files are `files` (a folder given by path).
    pub fn load_from(&self, files: &dyn ThemeFiles) -> Result<Theme, ThemeError> {
        self.load_chain(files, None)
    }

    /// Loads `files` and the chain it extends. `registered` is the name `files` has in
    /// this registry: a folder given by path has none, so a folder called `red` may
    /// extend the built-in `red` without going round in a circle.
    fn load_chain(
        &self,
        files: &dyn ThemeFiles,
        registered: Option<&str>,
    ) -> Result<Theme, ThemeError> {
        let first = read_layer(files)?;
        let mut chain = vec![first.config.name.get_ref().clone()];
        // the names looked up in the registry so far: one met again is a circle
        let mut seen: Vec<String> = registered.map(str::to_string).into_iter().collect();
        let mut layers = vec![first];
        while let Some(parent) = layers.last().and_then(|l| l.extends()) {
            let last = layers.last().expect("at least one layer");
            let span = last.config.extends.as_ref().map_or(0, |s| s.span().start);
            if seen.contains(&parent) || layers.len() >= MAX_CHAIN {
                chain.push(parent.clone());
                return Err(config::at(
                    &last.origin,
                    &last.text,
                    span,
                    format!(
                        "`extends` goes round in a circle: {}; one theme of the chain must not extend another",
                        chain.join(" → ")
                    ),
                ));
            }
            let layer = match self.find(&parent) {
                Some(Found::Extra(files)) => read_layer(files)?,
                Some(Found::BuiltIn(files)) => read_layer(&files)?,
                None => {
                    return Err(config::at(
                        &last.origin,
                        &last.text,
                        span,
                        format!(
                            "`extends = \"{parent}\"` names no theme; the built-in themes are: {}",
                            self.known().join(", ")
                        ),
                    ))
                }
            };
            chain.push(parent.clone());
            seen.push(parent);
            layers.push(layer);
        }
        merge(layers)
    }

    fn find(&self, name: &str) -> Option<Found<'_>> {
        if let Some(files) = self.extra.get(name) {
            return Some(Found::Extra(files.as_ref()));
        }
        BuiltIn::get(name).map(Found::BuiltIn)
    }

    fn known(&self) -> Vec<String> {
        let mut known = builtin_names();
        known.extend(self.extra.keys().cloned());
        known
    }
}

enum Found<'a> {
    Extra(&'a dyn ThemeFiles),
    BuiltIn(BuiltIn),
}

/// One theme of a chain, read and checked.
struct Layer {
    origin: String,
    text: String,
    config: ThemeToml,
    colours: Vec<(&'static str, String)>,
    logo: Option<Option<Asset>>,
    background: Option<Option<Asset>>,
    embed: Option<Option<EmbedFont>>,
    template: Option<Option<TemplateFile>>,
    aspect: Option<Aspect>,
    css: Option<String>,
    templates: BTreeMap<String, String>,
}

impl Layer {
    fn extends(&self) -> Option<String> {
        let parent = self.config.extends.as_ref()?.get_ref().trim();
        (!parent.is_empty()).then(|| parent.to_string())
    }
}

/// A file of the theme: `Ok(None)` when there is none, an error naming it when it is
/// there but cannot be read.
fn bytes_file(files: &dyn ThemeFiles, path: &str) -> Result<Option<Vec<u8>>, ThemeError> {
    files
        .read(path)
        .map_err(|e| ThemeError::file(format!("{}/{path}", files.origin()), e))
}

fn text_file(files: &dyn ThemeFiles, path: &str) -> Result<Option<String>, ThemeError> {
    let Some(bytes) = bytes_file(files, path)? else {
        return Ok(None);
    };
    String::from_utf8(bytes).map(Some).map_err(|_| {
        ThemeError::file(
            format!("{}/{path}", files.origin()),
            "is not UTF-8 text; save it as UTF-8",
        )
    })
}

/// A theme's CSS goes inside the deck's `<style>`: a `</style>` in it would end that
/// element early and let the rest be read as markup.
fn check_css(files: &dyn ThemeFiles, css: &str) -> Result<(), ThemeError> {
    if css.to_ascii_lowercase().contains("</style") {
        return Err(ThemeError::file(
            format!("{}/style.css", files.origin()),
            "contains `</style>`, which would end the deck's style sheet early; remove it (CSS needs no HTML tags)",
        ));
    }
    Ok(())
}

fn read_layer(files: &dyn ThemeFiles) -> Result<Layer, ThemeError> {
    let origin = files.origin();
    let text = text_file(files, "theme.toml")?.ok_or_else(|| {
        ThemeError::file(
            format!("{origin}/theme.toml"),
            "no such file: a theme folder needs a theme.toml (start one with `lectern theme new DIR --from red`)",
        )
    })?;
    let config = config::parse(&text, &origin)?;
    let err = |span: std::ops::Range<usize>, message: String| {
        config::at(&origin, &text, span.start, message)
    };

    let mut colours = Vec::new();
    for (key, value) in config.colours.entries() {
        if let Some(v) = value {
            let c = config::colour(v.get_ref()).map_err(|m| err(v.span(), m))?;
            colours.push((key, c));
        }
    }
    for list in [&config.fonts.title, &config.fonts.body]
        .into_iter()
        .flatten()
    {
        for name in list.get_ref() {
            config::family(name).map_err(|m| err(list.span(), m))?;
        }
    }
    let aspect = match &config.layout.aspect {
        Some(a) => Some(
            a.get_ref()
                .parse::<Aspect>()
                .map_err(|m| err(a.span(), m))?,
        ),
        None => None,
    };
    // A file the theme names (a picture, a font, a template): not named (None), named
    // empty to take away an inherited one (Some(None)), or its path, bytes and place in
    // theme.toml; a name the folder lacks is an error (`what`, `hint` word it).
    type Named = Option<Option<(String, Vec<u8>, std::ops::Range<usize>)>>;
    let named =
        |value: &Option<Spanned<String>>, what: &str, hint: &str| -> Result<Named, ThemeError> {
            let Some(v) = value else { return Ok(None) };
            let path = v.get_ref().trim();
            if path.is_empty() {
                return Ok(Some(None));
            }
            let bytes = files
                .read(path)
                .map_err(|e| err(v.span(), e))?
                .ok_or_else(|| {
                    err(
                        v.span(),
                        format!("the {what} `{path}` is not in the theme folder {origin}{hint}"),
                    )
                })?;
            Ok(Some(Some((path.to_string(), bytes, v.span()))))
        };
    let asset = |value: &Option<Spanned<String>>, usage: ImageUse| -> Result<_, ThemeError> {
        let Some(named) = named(value, "file", "; put it there or fix the name")? else {
            return Ok(None);
        };
        let Some((path, bytes, span)) = named else {
            return Ok(Some(None));
        };
        let inlined = images::inline(&bytes, &path, usage).map_err(|e| err(span, e.to_string()))?;
        Ok(Some(Some(Asset {
            file: path,
            bytes: bytes.into(),
            inlined,
        })))
    };
    let logo = asset(&config.brand.logo, ImageUse::Logo)?;
    let background = asset(&config.brand.background, ImageUse::Background)?;

    let embed = match named(&config.fonts.embed, "font file", "")? {
        None => None,
        Some(None) => Some(None),
        Some(Some((path, bytes, span))) => {
            crate::fonts::check(&bytes).map_err(|e| err(span, format!("`{path}`: {e}")))?;
            let (for_titles, for_body) = match config.fonts.embed_for.as_ref() {
                None => (true, true),
                Some(f) => match f.get_ref().as_str() {
                    "all" => (true, true),
                    "title" => (true, false),
                    "body" => (false, true),
                    other => {
                        return Err(err(
                            f.span(),
                            format!("`{other}` is not one of \"title\", \"body\" or \"all\""),
                        ))
                    }
                },
            };
            Some(Some(EmbedFont {
                file: path,
                bytes: Arc::from(bytes),
                for_titles,
                for_body,
            }))
        }
    };

    let template = match named(&config.template.file, "template file", "")? {
        None => None,
        Some(None) => Some(None),
        Some(Some((path, bytes, span))) => {
            Opc::read(&bytes).map_err(|e| err(span, format!("`{path}` {}", e.en_zh().0)))?;
            Some(Some(TemplateFile {
                file: path,
                bytes: Arc::from(bytes),
            }))
        }
    };

    let css = text_file(files, "style.css")?;
    if let Some(css) = &css {
        check_css(files, css)?;
    }
    let mut templates = BTreeMap::new();
    for name in files.templates() {
        if let Some(source) = text_file(files, &format!("templates/{name}"))? {
            templates.insert(name, source);
        }
    }
    Ok(Layer {
        origin,
        text,
        config,
        colours,
        logo,
        background,
        embed,
        template,
        aspect,
        css,
        templates,
    })
}

/// The values a theme gets when no theme of its chain sets them.
fn base() -> Theme {
    Theme {
        name: String::new(),
        description: String::new(),
        chain: Vec::new(),
        closing_text: "谢谢！".into(),
        colours: COLOUR_KEYS
            .iter()
            .zip([
                "#1f4e9c", "#d4a537", "#ffffff", "#1f2328", "#1f4e9c", "#ffffff", "#5b6470",
            ])
            .map(|(k, v)| (*k, v.to_string()))
            .collect(),
        title_fonts: vec!["serif".into()],
        body_fonts: vec!["sans-serif".into()],
        embed_font: None,
        organisation: None,
        footer: None,
        logo: None,
        background: None,
        template: None,
        layout: Layout::default(),
        css: String::new(),
        templates: BTreeMap::new(),
    }
}

/// Merges a chain (child first) into one theme: each value from the nearest theme that
/// sets it, templates per file, CSS parent first.
fn merge(layers: Vec<Layer>) -> Result<Theme, ThemeError> {
    let mut t = base();
    let origin = layers[0].origin.clone();
    t.chain = layers
        .iter()
        .map(|l| l.config.name.get_ref().clone())
        .collect();
    let mut css = Vec::new();
    for layer in layers.into_iter().rev() {
        let c = layer.config;
        t.name = c.name.into_inner();
        if let Some(d) = c.description {
            t.description = d;
        }
        if let Some(x) = c.closing {
            t.closing_text = x;
        }
        for (key, value) in layer.colours {
            if let Some(slot) = t.colours.iter_mut().find(|(k, _)| *k == key) {
                slot.1 = value;
            }
        }
        if let Some(f) = c.fonts.title {
            t.title_fonts = f.into_inner();
        }
        if let Some(f) = c.fonts.body {
            t.body_fonts = f.into_inner();
        }
        if let Some(e) = layer.embed {
            t.embed_font = e;
        }
        if let Some(o) = c.brand.organisation {
            t.organisation = Some(o).filter(|o| !o.trim().is_empty());
        }
        if let Some(f) = c.brand.footer {
            t.footer = Some(f).filter(|f| !f.trim().is_empty());
        }
        if let Some(l) = layer.logo {
            t.logo = l;
        }
        if let Some(b) = layer.background {
            t.background = b;
        }
        if let Some(x) = layer.template {
            t.template = x;
        }
        let l = c.layout;
        let y = &mut t.layout;
        if let Some(a) = layer.aspect {
            y.aspect = a;
        }
        for (slot, value) in [
            (&mut y.show_page_number, l.show_page_number),
            (&mut y.show_progress, l.show_progress),
            (&mut y.show_footer, l.show_footer),
            (&mut y.show_logo, l.show_logo),
            (&mut y.show_breadcrumb, l.show_breadcrumb),
        ] {
            if let Some(v) = value {
                *slot = v;
            }
        }
        css.extend(layer.css);
        t.templates.extend(layer.templates);
    }
    t.css = css.join("\n");
    if !t.templates.contains_key("deck.html.j2") {
        return Err(ThemeError::file(
            format!("{origin}/templates/deck.html.j2"),
            "no theme of the chain has this template; add `extends = \"red\"` to theme.toml to start from a built-in",
        ));
    }
    Ok(t)
}
