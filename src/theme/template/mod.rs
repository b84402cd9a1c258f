//! A unit's own PowerPoint template (.pptx/.potx) as a lectern theme.
//!
//! `lectern theme import` reads the template's package ([`opc`]): the colour and font
//! schemes of its theme part, the backgrounds, pictures and bands of its master and of
//! the layouts lectern's slides use, and the places of their title and body
//! placeholders ([`read`]). It writes a theme folder: `theme.toml` (palette, faces,
//! aspect, `[template] file`), a `style.css` that draws the template in HTML decks
//! ([`css`]), the template's pictures, and the template file itself, on which the
//! .pptx writer then builds decks (its master, layouts and theme kept).

pub mod drawing;
pub mod opc;
pub mod read;

mod css;

use std::sync::Arc;

pub use opc::{Opc, OpcError};

use crate::input::images::{self, ImageUse};

/// A line of the import report, in English and Chinese.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Note {
    pub en: String,
    pub zh: String,
}

impl Note {
    pub fn new(en: impl Into<String>, zh: impl Into<String>) -> Note {
        Note {
            en: en.into(),
            zh: zh.into(),
        }
    }
}

/// The template file a theme builds .pptx decks on.
#[derive(Debug, Clone)]
pub struct TemplateFile {
    /// The path as written in `theme.toml`.
    pub file: String,
    pub bytes: Arc<[u8]>,
}

/// A theme folder made from a template, and what the import took and left out.
#[derive(Debug, Clone)]
pub struct Imported {
    /// `(path in the folder, bytes)`.
    pub files: Vec<(String, Vec<u8>)>,
    pub took: Vec<Note>,
    pub missed: Vec<Note>,
}

/// The faces a browser falls back on for Chinese text, after the template's own.
const TITLE_FALLBACK: [&str; 8] = [
    "Microsoft YaHei",
    "微软雅黑",
    "PingFang SC",
    "Noto Sans CJK SC",
    "Source Han Sans SC",
    "WenQuanYi Micro Hei",
    "SimHei",
    "sans-serif",
];

/// Makes the theme folder `name` from the template `bytes` (`source` is its file name).
pub fn import(bytes: &[u8], source: &str, name: &str) -> Result<Imported, OpcError> {
    let opc = Opc::read(bytes)?;
    let t = read::read(&opc);
    let mut took = Vec::new();
    let mut missed = t.missed.clone();
    let ext = source
        .rsplit_once('.')
        .map(|(_, e)| e.to_ascii_lowercase())
        .filter(|e| matches!(e.as_str(), "pptx" | "potx" | "pptm" | "potm"))
        .unwrap_or_else(|| "pptx".into());
    let template_file = format!("template.{ext}");

    // colours
    let scheme = |k: &str| t.scheme.get(k);
    let master_bg = match &t.master.background {
        Some(read::Background::Fill(drawing::Fill::Solid(c))) => Some(c.clone()),
        Some(read::Background::Fill(drawing::Fill::Gradient { stops, .. })) => {
            stops.first().map(|s| s.1.clone())
        }
        _ => None,
    };
    let colours: Vec<(&str, Option<String>)> = vec![
        ("primary", scheme("accent1")),
        ("accent", scheme("accent2")),
        ("background", master_bg.or_else(|| scheme("bg1"))),
        ("text", t.body_colour.clone().or_else(|| scheme("tx1"))),
        // a title drawn on a filled band has its colour there only (css.rs)
        (
            "heading",
            t.title_colour
                .clone()
                .filter(|_| t.ph_fill(t.content.as_ref(), &["title"]).is_none())
                .or_else(|| scheme("tx1")),
        ),
        ("on_primary", scheme("bg1")),
        ("muted", scheme("tx2")),
    ];
    let got: Vec<String> = colours
        .iter()
        .filter_map(|(k, v)| Some(format!("{k} #{}", v.as_ref()?)))
        .collect();
    if got.is_empty() {
        missed.push(Note::new(
            "no colour scheme: the theme keeps red's colours",
            "没有配色方案：主题沿用党政红的颜色",
        ));
    } else {
        took.push(Note::new(
            format!("colours from the colour scheme: {}", got.join(", ")),
            format!("配色方案里的颜色：{}", got.join("，")),
        ));
    }

    // faces
    let faces = |(latin, ea): &(String, String)| -> Vec<String> {
        let mut v: Vec<String> = [latin.clone(), ea.clone()]
            .into_iter()
            .filter(|f| {
                !f.is_empty() && !f.starts_with('+') && crate::theme::config::family(f).is_ok()
            })
            .collect();
        v.extend(TITLE_FALLBACK.iter().map(|s| s.to_string()));
        v.dedup();
        v
    };
    let (title_fonts, body_fonts) = (faces(&t.major), faces(&t.minor));
    let shown = |(l, e): &(String, String)| {
        format!(
            "{} / {}",
            if l.is_empty() { "—" } else { l },
            if e.is_empty() { "—" } else { e }
        )
    };
    took.push(Note::new(
        format!(
            "faces from the font scheme (Latin / East Asian): headings {}, body {}",
            shown(&t.major),
            shown(&t.minor)
        ),
        format!(
            "字体方案里的字体（西文 / 中文）：标题 {}，正文 {}",
            shown(&t.major),
            shown(&t.minor)
        ),
    ));
    if !t.ea_set {
        let script = if t.major.1.is_empty() {
            String::new()
        } else {
            format!(
                "; its face for Simplified Chinese script, {}, is used first",
                t.major.1
            )
        };
        let script_zh = if t.major.1.is_empty() {
            String::new()
        } else {
            format!("；先用它为简体中文列出的 {}", t.major.1)
        };
        missed.push(Note::new(
            format!("the font scheme sets no East Asian face{script}, then the usual Chinese faces (微软雅黑, PingFang SC, Noto Sans CJK SC …)"),
            format!("字体方案没有设置中文字体{script_zh}，其次是常用中文字体（微软雅黑、苹方、思源黑体……）"),
        ));
    }
    took.push(Note::new(
        format!(
            "slide size {} ({} layouts: {})",
            t.aspect.as_str(),
            t.layout_names.len(),
            t.layout_names
                .iter()
                .map(|(_, k)| k.as_str())
                .collect::<Vec<_>>()
                .join(", ")
        ),
        format!(
            "幻灯片比例 {}（{} 个版式：{}）",
            t.aspect.as_str(),
            t.layout_names.len(),
            t.layout_names
                .iter()
                .map(|(_, k)| k.as_str())
                .collect::<Vec<_>>()
                .join("、")
        ),
    ));

    // pictures: each part once, as a file of the folder and a data URI in the CSS
    let mut files: Vec<(String, Vec<u8>)> = Vec::new();
    let mut uris: Vec<(String, Option<String>)> = Vec::new();
    let mut parts: Vec<String> = Vec::new();
    for sheet in [Some(&t.master), t.title.as_ref(), t.content.as_ref()]
        .into_iter()
        .flatten()
    {
        if let Some(read::Background::Picture(p)) = &sheet.background {
            parts.push(p.clone());
        }
        for d in &sheet.decos {
            if let read::Deco::Picture { part, .. } = d {
                parts.push(part.clone());
            }
        }
    }
    parts.dedup();
    for part in &parts {
        if uris.iter().any(|(p, _)| p == part) {
            continue;
        }
        let file = part.rsplit('/').next().unwrap_or(part).to_string();
        let Some(bytes) = opc.parts.get(part) else {
            continue;
        };
        let big = is_background(&t, part);
        let usage = if big {
            ImageUse::Background
        } else {
            ImageUse::Content
        };
        match images::inline(bytes, &file, usage) {
            Ok(d) => {
                took.push(Note::new(
                    format!(
                        "picture {file} ({}×{}){}",
                        d.width,
                        d.height,
                        if big { " as a background" } else { "" }
                    ),
                    format!(
                        "图片 {file}（{}×{}）{}",
                        d.width,
                        d.height,
                        if big { "，作背景" } else { "" }
                    ),
                ));
                files.push((format!("media/{file}"), bytes.clone()));
                uris.push((part.clone(), Some(d.uri)));
            }
            Err(e) => {
                missed.push(Note::new(
                    format!(
                        "picture {file} cannot be shown in HTML decks ({e}); .pptx decks keep it"
                    ),
                    format!("图片 {file} 无法在网页幻灯片里显示（{e}）；.pptx 幻灯片里保留"),
                ));
                uris.push((part.clone(), None));
            }
        }
    }
    let rects = [Some(&t.master), t.title.as_ref(), t.content.as_ref()]
        .into_iter()
        .flatten()
        .flat_map(|s| &s.decos)
        .filter(|d| matches!(d, read::Deco::Rect { .. }))
        .count();
    if rects > 0 {
        took.push(Note::new(
            format!("{rects} filled rectangles (bands, rules) on the master and layouts"),
            format!("母版和版式上的 {rects} 个填色矩形（色带、线条）"),
        ));
    }
    for (what, zh, sheet) in [
        ("master", "母版", Some(&t.master)),
        ("title layout", "标题版式", t.title.as_ref()),
    ] {
        let kind = match sheet.and_then(|s| s.background.as_ref()) {
            Some(read::Background::Fill(drawing::Fill::Solid(c))) => Some(format!("#{c}")),
            Some(read::Background::Fill(drawing::Fill::Gradient { stops, .. })) => Some(format!(
                "gradient {}",
                stops
                    .iter()
                    .map(|s| format!("#{}", s.1))
                    .collect::<Vec<_>>()
                    .join("→")
            )),
            Some(read::Background::Picture(p)) => {
                Some(format!("picture {}", p.rsplit('/').next().unwrap_or(p)))
            }
            _ => None,
        };
        if let Some(kind) = kind {
            took.push(Note::new(
                format!("the {what}'s background: {kind}"),
                format!("{zh}背景：{kind}"),
            ));
        }
    }
    let uri = |part: &str| {
        uris.iter()
            .find(|(p, _)| p == part)
            .and_then(|(_, u)| u.clone())
    };
    let css = css::style_css(&t, source, &uri);
    for (what, zh, r) in [
        ("title", "标题", t.region(t.content.as_ref(), &["title"])),
        (
            "body",
            "正文",
            t.region(t.content.as_ref(), &["body", "obj"]),
        ),
    ] {
        if let Some(r) = r {
            took.push(Note::new(
                format!(
                    "the {what} placeholder at {:.0},{:.0} ({:.0}×{:.0} px of the canvas)",
                    r.x, r.y, r.w, r.h
                ),
                format!(
                    "{zh}占位符位置 {:.0},{:.0}（画布上 {:.0}×{:.0} 像素）",
                    r.x, r.y, r.w, r.h
                ),
            ));
        }
    }

    let toml = toml_text(
        name,
        source,
        &template_file,
        &t,
        &colours,
        &title_fonts,
        &body_fonts,
    );
    let mut out = vec![
        ("theme.toml".to_string(), toml.into_bytes()),
        ("style.css".to_string(), css.into_bytes()),
        (template_file, bytes.to_vec()),
    ];
    out.extend(files);
    Ok(Imported {
        files: out,
        took,
        missed,
    })
}

/// A picture covering most of the slide is a background, shown at up to the canvas size.
fn is_background(t: &read::Template, part: &str) -> bool {
    [Some(&t.master), t.title.as_ref(), t.content.as_ref()]
        .into_iter()
        .flatten()
        .any(|s| {
            matches!(&s.background, Some(read::Background::Picture(p)) if p == part)
                || s.decos.iter().any(|d| matches!(d, read::Deco::Picture { part: p, at } if p == part && at.w * at.h > t.canvas.0 * t.canvas.1 * 0.25))
        })
}

fn q(s: &str) -> String {
    toml::Value::String(s.to_string()).to_string()
}

fn toml_text(
    name: &str,
    source: &str,
    template_file: &str,
    t: &read::Template,
    colours: &[(&str, Option<String>)],
    title_fonts: &[String],
    body_fonts: &[String],
) -> String {
    let list = |v: &[String]| {
        let items: Vec<String> = v.iter().map(|s| q(s)).collect();
        format!("[{}]", items.join(", "))
    };
    let mut s = format!(
        "# lectern 主题，由 `lectern theme import` 从 {source} 导入。网页幻灯片的外观在 style.css 里\n\
         # （母版的背景、图片、色带和占位符位置）；.pptx 幻灯片直接用 {template_file} 的母版和版式。\n\
         # 模板改了以后请重新导入。\n\n\
         name = {}\nextends = \"red\"\ndescription = {}\n\n[colours]\n",
        q(name),
        q(&format!("导入自 {source} 的单位模板"))
    );
    for (k, v) in colours {
        if let Some(v) = v {
            s += &format!("{k} = \"#{v}\"\n");
        }
    }
    s += &format!(
        "\n[fonts]\ntitle = {}\nbody = {}\n\n[brand]\nlogo = \"\"\nbackground = \"\"\n\n[layout]\naspect = {}\nshow_breadcrumb = false\n\n[template]\nfile = {}\n",
        list(title_fonts),
        list(body_fonts),
        q(t.aspect.as_str()),
        q(template_file)
    );
    s
}
