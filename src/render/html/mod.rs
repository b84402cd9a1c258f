//! Slides → one self-contained HTML file through the theme's minijinja templates.
//!
//! Every value is HTML-escaped (a `<script>` in a lecture is text) and undefined
//! variables are errors, so a typo in a template fails the build instead of printing
//! nothing. The runtime script is inlined and allowed by its sha256 in the
//! Content-Security-Policy, which forbids every network load.

use std::collections::BTreeSet;
use std::fmt::Write as _;
use std::sync::{Arc, Mutex, PoisonError};

use base64::Engine as _;
use minijinja::{context, AutoEscape, Environment, UndefinedBehavior, Value};
use sha2::{Digest, Sha256};

use super::{RenderError, Writer};
use crate::aspect::Aspect;
use crate::deck::{Block, Deck, DeckInfo, Inline, List, Slide};
use crate::markup::{escape, runs_html};
use crate::theme::Theme;

/// Our own presentation runtime, embedded in every deck, as the deck carries it: shrunk
/// by `build.rs` with [`super::minify`] (`src/runtime/` holds the commented sources).
pub fn runtime_js() -> &'static str {
    include_str!(concat!(env!("OUT_DIR"), "/runtime.min.js"))
}

/// The runtime's CSS as the deck carries it.
pub fn runtime_css() -> &'static str {
    include_str!(concat!(env!("OUT_DIR"), "/runtime.min.css"))
}

/// The page without JavaScript (a document, not slides), for the deck's `<noscript>`.
pub fn noscript_css() -> &'static str {
    include_str!(concat!(env!("OUT_DIR"), "/noscript.min.css"))
}

/// The sha256 of [`runtime_js`], base64, taken by `build.rs`.
const RUNTIME_JS_SHA256: &str = include_str!(concat!(env!("OUT_DIR"), "/runtime.sha256"));

/// The HTML deck: one self-contained file.
pub struct Html;

impl Writer for Html {
    fn write(&self, deck: &Deck, theme: &Theme, aspect: Aspect) -> Result<Vec<u8>, RenderError> {
        render(deck, theme, aspect).map(String::into_bytes)
    }
}

/// The Content-Security-Policy of a deck running `script`.
pub fn content_security_policy(script: &str) -> String {
    policy(&base64::engine::general_purpose::STANDARD.encode(Sha256::digest(script.as_bytes())))
}

/// The Content-Security-Policy of a deck running our runtime, with the hash `build.rs`
/// took of it.
pub fn runtime_csp() -> String {
    policy(RUNTIME_JS_SHA256)
}

fn policy(script_sha256: &str) -> String {
    format!(
        "default-src 'none'; img-src data:; font-src data:; style-src 'unsafe-inline'; \
         script-src 'sha256-{script_sha256}'; base-uri 'none'; form-action 'none'"
    )
}

/// Renders the deck.
pub fn render(deck: &Deck, theme: &Theme, aspect: Aspect) -> Result<String, RenderError> {
    let (info, slides) = (&deck.info, deck.slides.as_slice());
    let prepared = Prepared::for_theme(theme)?;
    let mut env = prepared.env.clone();
    // A theme is someone else's code: it may not hang the build.
    env.set_fuel(Some(crate::theme::errors::fuel(slides.len())));
    let slide_values: Vec<Value> = slides
        .iter()
        .map(|s| slide_value(s, &prepared.wanted))
        .collect();
    let (width, height) = aspect.size();
    // figure callouts are in few decks: their rules only there
    let theme_rules = if slides.iter().any(|s| !s.figures.is_empty()) {
        std::borrow::Cow::Borrowed(prepared.css.as_str())
    } else {
        std::borrow::Cow::Owned(unused_css::without_class(&prepared.css, "figures"))
    };
    let css = format!(
        "{}\n{}\n{}",
        runtime_css(),
        theme_css::variables(theme, || deck_chars(info, slides, theme))?,
        theme_rules
    );
    let l = &theme.layout;
    let js = runtime_js();
    // A theme's templates write in proportion to the deck, and hold in proportion to
    // what they write: a loop that grows a string runs out instead of taking the memory.
    let text: usize = slides
        .iter()
        .flat_map(|s| s.notes_text())
        .map(|t| t.len())
        .sum();
    let cap = crate::limits::template_output(text as u64, (css.len() + js.len()) as u64);
    let out = templates::Capped {
        bytes: Vec::new(),
        cap: usize::try_from(cap).unwrap_or(usize::MAX),
    };
    let context = context! {
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
        csp => Value::from_safe_string(runtime_csp()),
        css => Value::from_safe_string(css),
        noscript_css => Value::from_safe_string(noscript_css().to_string()),
        js => Value::from_safe_string(js.to_string()),
        width => width,
        height => height,
        aspect => aspect.as_str(),
        generator => concat!("lectern ", env!("CARGO_PKG_VERSION")),
    };
    let out = templates::run(env, context, out, crate::limits::template_memory(cap))?;
    let html = String::from_utf8(out.bytes).map_err(|_| {
        RenderError::Other("the theme's template wrote bytes that are not UTF-8".into())
    })?;
    Ok(embed_pictures(html, &pictures(slides)))
}

use crate::limits::TEMPLATE_WIDTH as MAX_WIDTH;

fn too_wide(width: usize) -> minijinja::Error {
    minijinja::Error::new(
        minijinja::ErrorKind::InvalidOperation,
        format!("a width of {width} is more than {MAX_WIDTH} columns"),
    )
}

/// minijinja's `format` filter, refusing widths and precisions past [`MAX_WIDTH`].
fn bounded_format(
    state: &minijinja::State,
    format: &Value,
    args: minijinja::value::Rest<Value>,
) -> Result<Value, minijinja::Error> {
    if let Some(f) = format.as_str() {
        for spec in f.split('%').skip(1) {
            let spec = spec.trim_start_matches(['-', '+', ' ', '#', '0']);
            for number in spec.split('.').take(2).map(|n| {
                n.chars()
                    .take_while(char::is_ascii_digit)
                    .collect::<String>()
            }) {
                let width = number.parse::<usize>().unwrap_or(if number.is_empty() {
                    0
                } else {
                    usize::MAX
                });
                if width > MAX_WIDTH {
                    return Err(too_wide(width));
                }
            }
        }
    }
    minijinja::filters::format(state, format, args)
}

/// minijinja's `indent` filter, refusing widths past [`MAX_WIDTH`].
fn bounded_indent(
    value: minijinja::value::StringInput,
    width: Option<usize>,
    first: Option<bool>,
    blank: Option<bool>,
    kwargs: minijinja::value::Kwargs,
) -> Result<Value, minijinja::Error> {
    let named: Option<usize> = kwargs.peek("width")?;
    if let Some(w) = width.or(named).filter(|w| *w > MAX_WIDTH) {
        return Err(too_wide(w));
    }
    minijinja::filters::indent(value, width, first, blank, kwargs)
}

/// What rendering needs that depends on the theme alone: its templates compiled, its
/// CSS shrunk and the optional slide fields its templates read. The last theme's is
/// kept, so a folder build or `lectern watch` prepares a theme once, not every deck.
struct Prepared {
    /// What it was made from, to know the theme again.
    templates: std::collections::BTreeMap<String, String>,
    source_css: String,
    env: Environment<'static>,
    css: String,
    wanted: Wanted,
}

impl Prepared {
    fn for_theme(theme: &Theme) -> Result<Arc<Prepared>, RenderError> {
        static LAST: Mutex<Option<Arc<Prepared>>> = Mutex::new(None);
        let mut last = LAST.lock().unwrap_or_else(PoisonError::into_inner);
        if let Some(p) = last.as_ref() {
            if p.templates == theme.templates && p.source_css == theme.css {
                return Ok(Arc::clone(p));
            }
        }
        let mut env = Environment::new();
        env.set_auto_escape_callback(|_| AutoEscape::Html);
        env.set_undefined_behavior(UndefinedBehavior::Strict);
        env.set_keep_trailing_newline(false);
        env.set_trim_blocks(true);
        env.set_lstrip_blocks(true);
        env.set_recursion_limit(crate::theme::errors::RECURSION_LIMIT);
        // one instruction of these could ask for gigabytes: a width is a few columns
        env.add_filter("format", bounded_format);
        env.add_filter("indent", bounded_indent);
        env.add_filter("words", words);
        env.add_filter("keyline", keyline);
        for (name, source) in &theme.templates {
            env.add_template_owned(name.clone(), source.clone())?;
        }
        let prepared = Arc::new(Prepared {
            templates: theme.templates.clone(),
            source_css: theme.css.clone(),
            env,
            css: super::minify::css(&theme.css),
            wanted: Wanted::by(theme.templates.values()),
        });
        *last = Some(Arc::clone(&prepared));
        Ok(prepared)
    }
}

/// The `words` filter: text escaped in a `.lx-w` span, which breaks lines only between its
/// words (`word-break: keep-all`; see [`crate::words`]): a heading never breaks inside a
/// word, in any engine. Where its words end is written as offsets into its text (UTF-16
/// units, as scripts count) in `data-w`, which the runtime makes `<wbr>`s of on a slide it
/// shows: a `<wbr>` written between every two words made 28,000 of the 1,403-slide deck's
/// 62,000 elements, each splitting a text node, on slides that were never shown.
fn words(s: &str) -> Value {
    let pieces = crate::words::pieces(s);
    let mut cuts = String::new();
    let mut text = String::with_capacity(s.len() + 16);
    let mut at = 0;
    for (i, piece) in pieces.into_iter().enumerate() {
        // as the templates' own escaping writes text (a / too)
        let escaped = crate::markup::escape(piece).replace('/', "&#x2f;");
        // （续） stays on the line of the word before it (the break before its span is
        // written out: an offset would fall inside the span)
        if piece.ends_with("（续）") {
            if i > 0 {
                text.push_str("<wbr>");
            }
            text.push_str("<span class=\"lx-nb\">");
            text.push_str(&escaped);
            text.push_str("</span>");
        } else {
            if i > 0 {
                cuts.push_str(if cuts.is_empty() { "" } else { " " });
                cuts.push_str(&at.to_string());
            }
            text.push_str(&escaped);
        }
        at += piece.encode_utf16().count();
    }
    let cuts = if cuts.is_empty() {
        String::new()
    } else {
        format!(" data-w=\"{cuts}\"")
    };
    Value::from_safe_string(format!("<span class=\"lx-w\"{cuts}>{text}</span>"))
}

/// The `keyline` filter: a key sentence as [`words`] writes it, with a line break after
/// an elision (`A……<br>才B`): each line it shows is a piece of the notes.
fn keyline(s: &str) -> Value {
    let lines: Vec<String> = crate::plan::keys::shown_lines(s)
        .into_iter()
        .map(|line| words(line).to_string())
        .collect();
    Value::from_safe_string(lines.join("<br>"))
}

/// The attribute a picture's `<img>` is written with, before its bytes are known.
const PICTURE: &str = "data-lx-pic=";

/// The distinct pictures of the deck, by id.
fn pictures(slides: &[Slide]) -> std::collections::HashMap<&str, &crate::deck::Image> {
    fn walk<'a>(
        blocks: &'a [Block],
        found: &mut std::collections::HashMap<&'a str, &'a crate::deck::Image>,
    ) {
        for b in blocks {
            match b {
                Block::Image(img) => {
                    found.entry(img.id.as_str()).or_insert(img);
                }
                Block::Quote { blocks } => walk(blocks, found),
                _ => {}
            }
        }
    }
    let mut found = std::collections::HashMap::new();
    for s in slides {
        walk(&s.content, &mut found);
        walk(&s.notes, &mut found);
    }
    found
}

/// Gives the first `<img>` of each picture its `data:` bytes and an id; later ones keep
/// only the reference, which the runtime fills from the first. A photograph shown on
/// thirty slides is in the file once, not thirty times.
fn embed_pictures(
    html: String,
    pictures: &std::collections::HashMap<&str, &crate::deck::Image>,
) -> String {
    if pictures.is_empty() {
        return html;
    }
    let mut out = String::with_capacity(html.len());
    let mut done = BTreeSet::new();
    let mut rest = html.as_str();
    while let Some(at) = rest.find(PICTURE) {
        let (before, from) = rest.split_at(at);
        out.push_str(before);
        let value = &from[PICTURE.len()..];
        let id = value
            .strip_prefix('"')
            .and_then(|v| v.split('"').next())
            .unwrap_or("");
        match pictures.get(id) {
            Some(img) if done.insert(id) => {
                let uri = crate::input::images::data_uri(img.mime, &img.data);
                let _ = write!(
                    out,
                    "id=\"lx-pic-{}\" src=\"{}\" ",
                    escape(id),
                    escape(&uri)
                );
            }
            _ => {}
        }
        out.push_str(PICTURE);
        rest = value;
    }
    out.push_str(rest);
    out
}

/// A slide for the templates: its fields, plus the HTML this writer makes of its
/// content and notes (every piece of the author's text escaped), which goes in as is.
///
/// `content_html` and `notes_blocks_html` are whole blocks in reading order;
/// `bullets`, `blocks` and `notes_html` are what themes written before them use. Those
/// three and the content and notes as data (`content`, `notes`) are made only for
/// templates that name them (`Wanted`).
fn slide_value(s: &Slide, wanted: &Wanted) -> Value {
    let safe = |list: Vec<String>| -> Value {
        Value::from(
            list.into_iter()
                .map(Value::from_safe_string)
                .collect::<Vec<_>>(),
        )
    };
    let content = s.content.iter().map(content_html).collect();
    let notes_blocks = s.notes.iter().map(block_html).collect();
    // every field of `Slide` but its blocks, by hand: `slide_fields_are_all_there`
    // holds this list to the struct
    let fields = context! {
        content_html => safe(content),
        notes_blocks_html => safe(notes_blocks),
        number => s.number,
        kind => s.kind,
        title => &s.title,
        kicker => &s.kicker,
        badge => &s.badge,
        crumbs => &s.crumbs,
        items => &s.items,
        items_before => s.items_before,
        chips => &s.chips,
        byline => &s.byline,
        keys => &s.keys,
        figures => &s.figures,
        continues => &s.continues,
        timing => s.timing,
        line => s.line,
    };
    let mut extra: Vec<(&str, Value)> = Vec::new();
    if wanted.bullets || wanted.blocks {
        let mut bullets = Vec::new();
        let mut blocks = Vec::new();
        for b in &s.content {
            match b {
                Block::List(l) => bullets.extend(l.items.iter().map(|i| {
                    let mut h = runs_html(&i.runs);
                    if let Some(sub) = &i.sublist {
                        list_html(sub, "", &mut h);
                    }
                    h
                })),
                other => blocks.push(block_html(other)),
            }
        }
        extra.push(("bullets", safe(bullets)));
        extra.push(("blocks", safe(blocks)));
    }
    if wanted.notes_html {
        let notes = s
            .notes
            .iter()
            .map(|b| match b {
                Block::Paragraph { runs } => runs_html(runs),
                other => escape(&other.plain_text()),
            })
            .collect();
        extra.push(("notes_html", safe(notes)));
    }
    if wanted.data {
        extra.push(("content", Value::from_serialize(&s.content)));
        extra.push(("notes", Value::from_serialize(&s.notes)));
    }
    if extra.is_empty() {
        return fields;
    }
    let extra: Value = extra.into_iter().collect();
    minijinja::value::merge_maps([fields, extra])
}

/// The slide fields that only some templates read, and whether a theme's do: the
/// built-in themes read none of them, and making them for every slide anyway is a
/// sixth of a big deck's build.
#[derive(Debug, Default, PartialEq)]
struct Wanted {
    /// `content` and `notes`, the blocks as data.
    data: bool,
    bullets: bool,
    blocks: bool,
    notes_html: bool,
}

impl Wanted {
    #[cfg(test)]
    fn everything() -> Wanted {
        Wanted {
            data: true,
            bullets: true,
            blocks: true,
            notes_html: true,
        }
    }

    /// What `templates` name inside their tags.
    fn by<'a>(templates: impl IntoIterator<Item = &'a String>) -> Wanted {
        let mut wanted = Wanted::default();
        for source in templates {
            for word in tags(source).flat_map(names) {
                match word {
                    "content" | "notes" => wanted.data = true,
                    "bullets" => wanted.bullets = true,
                    "blocks" => wanted.blocks = true,
                    "notes_html" => wanted.notes_html = true,
                    _ => {}
                }
            }
        }
        wanted
    }
}

/// The insides of the `{{ … }}` and `{% … %}` tags of a template.
fn tags(source: &str) -> impl Iterator<Item = &str> {
    let mut rest = source;
    std::iter::from_fn(move || loop {
        let open = rest.find('{')?;
        let after = &rest[open + 1..];
        let close = match after.as_bytes().first() {
            Some(b'{') => "}}",
            Some(b'%') => "%}",
            _ => {
                rest = after;
                continue;
            }
        };
        let end = after.find(close).unwrap_or(after.len());
        rest = &after[end..];
        return Some(&after[1..end]);
    })
}

/// The names in the inside of a template tag: its words outside string literals
/// (`slide.notes`) and its literals whole (`slide['notes']`), never the words inside a
/// literal such as `"content.html.j2"`.
fn names(tag: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut rest = tag;
    while !rest.is_empty() {
        let code_end = rest.find(['"', '\'']).unwrap_or(rest.len());
        out.extend(
            rest[..code_end]
                .split(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
                .filter(|w| !w.is_empty()),
        );
        let Some(quote) = rest[code_end..].chars().next() else {
            break;
        };
        let literal = &rest[code_end + 1..];
        let close = literal.find(quote).unwrap_or(literal.len());
        out.push(&literal[..close]);
        rest = literal.get(close + 1..).unwrap_or("");
    }
    out
}

/// A block as the slide shows it: lists as the theme's bullets, the rest in a frame.
fn content_html(b: &Block) -> String {
    match b {
        Block::List(l) => {
            let mut h = String::new();
            list_html(l, " class=\"bullets\"", &mut h);
            h
        }
        other => format!("<div class=\"block\">{}</div>", block_html(other)),
    }
}

fn list_html(l: &List, class: &str, out: &mut String) {
    let tag = match l.start {
        Some(1) => {
            let _ = write!(out, "<ol{class}>");
            "ol"
        }
        Some(n) => {
            let _ = write!(out, "<ol{class} start=\"{n}\">");
            "ol"
        }
        None => {
            let _ = write!(out, "<ul{class}>");
            "ul"
        }
    };
    for item in &l.items {
        out.push_str("<li>");
        out.push_str(&runs_html(&item.runs));
        if let Some(sub) = &item.sublist {
            list_html(sub, "", out);
        }
        out.push_str("</li>");
    }
    let _ = write!(out, "</{tag}>");
}

/// A block as HTML.
pub fn block_html(b: &Block) -> String {
    match b {
        Block::Paragraph { runs } => format!("<p>{}</p>", runs_html(runs)),
        Block::List(l) => {
            let mut h = String::new();
            list_html(l, "", &mut h);
            h
        }
        Block::Table(t) => {
            let mut h = String::from("<table>");
            let cells = |tag: &str, row: &[Vec<Inline>], h: &mut String| {
                h.push_str("<tr>");
                for c in row {
                    let _ = write!(h, "<{tag}>{}</{tag}>", runs_html(c));
                }
                h.push_str("</tr>");
            };
            if !t.head.is_empty() {
                h.push_str("<thead>");
                cells("th", &t.head, &mut h);
                h.push_str("</thead>");
            }
            h.push_str("<tbody>");
            for row in &t.rows {
                cells("td", row, &mut h);
            }
            h.push_str("</tbody></table>");
            h
        }
        Block::Quote { blocks } => format!(
            "<blockquote>{}</blockquote>",
            blocks.iter().map(block_html).collect::<String>()
        ),
        Block::Code { text } => format!("<pre><code>{}</code></pre>", escape(text)),
        Block::Html { html, .. } => html.clone(),
        Block::Image(img) => {
            let caption = if img.alt.is_empty() {
                String::new()
            } else {
                format!("<figcaption>{}</figcaption>", escape(&img.alt))
            };
            // the picture's bytes go in once, at its first place: see `embed_pictures`
            format!(
                "<figure><img {PICTURE}\"{}\" alt=\"{}\">{caption}</figure>",
                escape(&img.id),
                escape(&img.alt)
            )
        }
    }
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

mod templates;
mod theme_css;
mod unused_css;

#[cfg(test)]
mod tests {
    use super::*;

    fn seed_deck() -> Deck {
        let opts = crate::Options::default();
        crate::compile(include_bytes!("../../../decks/lecture.txt"), &opts)
            .unwrap()
            .deck
    }

    #[test]
    fn a_theme_is_known_again_by_its_templates_and_css() {
        let deck = seed_deck();
        let red = Theme::default_theme();
        let mut other = red.clone();
        other
            .templates
            .insert("footer.html.j2".into(), "<footer>组织部</footer>".into());
        other.css.push_str("\n.mine { color: red }");
        let a = render(&deck, &red, Aspect::Wide).unwrap();
        let b = render(&deck, &other, Aspect::Wide).unwrap();
        let c = render(&deck, &red, Aspect::Wide).unwrap();
        assert_eq!(a, c);
        assert!(b.contains("<footer>组织部</footer>") && !a.contains("组织部"));
        assert!(b.contains(".mine{color: red}") && !a.contains(".mine"));
        other.css = red.css.clone();
        let d = render(&deck, &other, Aspect::Wide).unwrap();
        assert!(
            d.contains("组织部") && !d.contains(".mine"),
            "same CSS, other templates"
        );
    }

    #[test]
    fn slide_fields_are_all_there() {
        let optional = ["content", "notes", "bullets", "blocks", "notes_html"];
        for s in &seed_deck().slides {
            let whole = Value::from_serialize(s);
            let given = slide_value(s, &Wanted::everything());
            let slim = slide_value(s, &Wanted::default());
            for key in whole.try_iter().unwrap() {
                let key = key.as_str().unwrap();
                let want = whole.get_attr(key).unwrap();
                assert_eq!(
                    given.get_attr(key).unwrap(),
                    want,
                    "slide {}: {key}",
                    s.number
                );
                if !optional.contains(&key) {
                    assert_eq!(
                        slim.get_attr(key).unwrap(),
                        want,
                        "slide {}: {key}",
                        s.number
                    );
                }
            }
            for key in optional {
                assert!(!given.get_attr(key).unwrap().is_undefined(), "{key}");
                assert!(slim.get_attr(key).unwrap().is_undefined(), "{key}");
            }
            for key in ["content_html", "notes_blocks_html"] {
                assert!(!slim.get_attr(key).unwrap().is_undefined(), "{key}");
            }
        }
    }

    #[test]
    fn optional_fields_are_made_for_templates_that_name_them() {
        let by = |t: &str| Wanted::by([&t.to_string()]);
        let data = Wanted {
            data: true,
            ..Wanted::default()
        };
        assert_eq!(
            by("{% for b in slide.content %}{{ b.type }}{% endfor %}"),
            data
        );
        assert_eq!(by("<p>{{ slide.notes|length }}</p>"), data);
        assert_eq!(by("{{ slide['notes'] }}"), data);
        assert_eq!(by("{% include 'x.j2' %}{{ slide.notes }}"), data);
        assert_eq!(
            by("<aside class=\"notes\">{{ slide.notes_html|join }}</aside>"),
            Wanted {
                notes_html: true,
                ..Wanted::default()
            }
        );
        assert_eq!(
            by("{% for b in slide.bullets %}{{ b }}{% endfor %}{{ slide.blocks }}"),
            Wanted {
                bullets: true,
                blocks: true,
                ..Wanted::default()
            }
        );
        let none = Wanted::default();
        assert_eq!(
            by("{% for p in slide.notes_blocks_html %}{{ p }}{% endfor %} content"),
            none
        );
        assert_eq!(by("{ notes } {{ slide.content_html }}"), none);
        assert_eq!(by("{% include \"content.html.j2\" %}{{ 'notes:' }}"), none);
        for name in crate::theme::builtin_names() {
            let theme = crate::Theme::builtin(&name).unwrap();
            assert_eq!(
                Wanted::by(theme.templates.values()),
                none,
                "built-in {name}"
            );
        }
    }
}
