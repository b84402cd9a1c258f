//! What a template's master and layouts show, in the HTML canvas's pixels: backgrounds,
//! pictures and plain rectangles (logos, emblems, bands), the title and body
//! placeholders, text sizes and colours — and what there is that a deck cannot take.

use roxmltree::{Document, Node};

use super::drawing::{self, Fill, Scheme};
use super::opc::Opc;
use super::Note;
use crate::aspect::Aspect;

/// A rectangle on the canvas, in pixels.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Region {
    pub x: f32,
    pub y: f32,
    pub w: f32,
    pub h: f32,
}

/// Something drawn on a master or layout that the HTML deck draws too.
#[derive(Debug, Clone, PartialEq)]
pub enum Deco {
    /// A picture: its part name in the package.
    Picture { part: String, at: Region },
    /// A rectangle filled with a colour or gradient (a band, a rule).
    Rect { fill: Fill, at: Region },
}

/// A master or layout: its own background, what it draws, its placeholders.
#[derive(Debug, Clone, Default)]
pub struct Sheet {
    pub part: String,
    /// The background, a picture given by its part name.
    pub background: Option<Background>,
    pub decos: Vec<Deco>,
    /// `(type, idx, where)` of each placeholder that has a position.
    pub placeholders: Vec<(String, Option<String>, Region)>,
    /// Placeholders with a fill of their own (a title on a band), by type; `None` for
    /// one that says it has none (so the master's does not show either).
    pub ph_fills: Vec<(String, Option<Fill>)>,
    /// Whether the master's shapes show on it (`showMasterSp`).
    pub shows_master: bool,
    pub title_size: Option<f32>,
    pub title_colour: Option<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Background {
    Fill(Fill),
    Picture(String),
}

/// Everything taken from a template.
#[derive(Debug, Clone)]
pub struct Template {
    pub aspect: Aspect,
    /// Canvas size in pixels (1920×1080 or 1440×1080).
    pub canvas: (f32, f32),
    pub scheme: Scheme,
    /// (latin, east asian) faces for headings and body text; empty when not set.
    pub major: (String, String),
    pub minor: (String, String),
    /// Whether the font scheme names East Asian faces itself (else they come from its
    /// list of faces by script, or are empty).
    pub ea_set: bool,
    pub master: Sheet,
    /// The layout the title slide is built on, and the one of content slides.
    pub title: Option<Sheet>,
    pub content: Option<Sheet>,
    pub title_size: Option<f32>,
    pub body_size: Option<f32>,
    pub title_colour: Option<String>,
    pub body_colour: Option<String>,
    pub layout_names: Vec<(String, String)>,
    pub missed: Vec<Note>,
}

impl Template {
    /// The fill of the placeholder of `types` on `sheet`, else of the master's.
    pub fn ph_fill(&self, sheet: Option<&Sheet>, types: &[&str]) -> Option<Fill> {
        let find = |s: &Sheet, types: &[&str]| {
            s.ph_fills
                .iter()
                .find(|(t, _)| types.contains(&t.as_str()))
                .map(|(_, f)| f.clone())
        };
        let title = types.contains(&"title") || types.contains(&"ctrTitle");
        let master_types: &[&str] = if title { &["title"] } else { &["body"] };
        match sheet.and_then(|s| find(s, types)) {
            Some(own) => own,
            None => find(&self.master, master_types).flatten(),
        }
    }

    /// The placeholder of `types` on `sheet`, else on the master.
    pub fn region(&self, sheet: Option<&Sheet>, types: &[&str]) -> Option<Region> {
        let find = |s: &Sheet| {
            s.placeholders
                .iter()
                .find(|(t, _, _)| types.contains(&t.as_str()))
                .map(|(_, _, r)| *r)
        };
        sheet.and_then(find).or_else(|| {
            // the master has only `title` and `body`
            let master_types: &[&str] = if types.contains(&"title") || types.contains(&"ctrTitle") {
                &["title"]
            } else {
                &["body"]
            };
            self.master
                .placeholders
                .iter()
                .find(|(t, _, _)| master_types.contains(&t.as_str()))
                .map(|(_, _, r)| *r)
        })
    }
}

const NS_A: &str = "http://schemas.openxmlformats.org/drawingml/2006/main";

/// Which layout of `layouts` (part, type) a slide kind is built on: by type, not name.
pub fn pick<'a>(layouts: &'a [(String, String)], want: &[&str]) -> Option<&'a str> {
    want.iter()
        .find_map(|w| layouts.iter().find(|(_, t)| t == w))
        .map(|(p, _)| p.as_str())
}

/// The layout types lectern's title slides, part/closing slides and content slides use,
/// most wanted first.
pub const TITLE_TYPES: [&str; 2] = ["title", "ctrTitle"];
pub const SECTION_TYPES: [&str; 2] = ["secHead", "title"];
pub const CONTENT_TYPES: [&str; 4] = ["obj", "tx", "titleOnly", "objTx"];

pub fn read(opc: &Opc) -> Template {
    let mut missed = Vec::new();
    let master_part = opc.masters().into_iter().next().unwrap_or_default();
    let pres = opc.presentation().unwrap_or_default();
    let (cx, cy) = opc
        .text(&pres)
        .and_then(|t| {
            let doc = Document::parse(t).ok()?;
            let sz = doc.descendants().find(|n| n.tag_name().name() == "sldSz")?;
            Some((
                sz.attribute("cx")?.parse::<f64>().ok()?,
                sz.attribute("cy")?.parse::<f64>().ok()?,
            ))
        })
        .unwrap_or((12_192_000.0, 6_858_000.0));
    let ratio = cx / cy;
    let aspect = if ratio > 1.55 {
        Aspect::Wide
    } else {
        Aspect::Standard
    };
    if (ratio - 16.0 / 9.0).abs() > 0.02 && (ratio - 4.0 / 3.0).abs() > 0.02 {
        missed.push(Note::new(
            format!(
                "the slide size {:.2}:1 is neither 16:9 nor 4:3; the HTML deck uses {}",
                ratio,
                aspect.as_str()
            ),
            format!(
                "幻灯片比例 {:.2}:1 既不是 16:9 也不是 4:3；网页幻灯片按 {} 显示",
                ratio,
                aspect.as_str()
            ),
        ));
    }
    let (w, h) = aspect.size();
    let canvas = (w as f32, h as f32);
    // pixels an EMU, across and down (a 16:10 slide is stretched to 16:9)
    let scale = (canvas.0 as f64 / cx, canvas.1 as f64 / cy);

    let theme_part = opc.related(&master_part, "theme").unwrap_or_default();
    let theme_text = opc.text(&theme_part).unwrap_or("<a:theme xmlns:a=\"x\"/>");
    let theme_doc = Document::parse(theme_text).ok();
    let theme_root = theme_doc.as_ref().map(|d| d.root_element());
    let master_text = opc.text(&master_part).unwrap_or("");
    let master_doc = Document::parse(master_text).ok();
    let master_root = master_doc.as_ref().map(|d| d.root_element());
    let scheme = match theme_root {
        Some(t) => Scheme::read(&t, master_root.as_ref()),
        None => Scheme::default(),
    };
    let ea_set = std::cell::Cell::new(false);
    let face = |which: &str| -> (String, String) {
        let Some(font) =
            theme_root.and_then(|t| t.descendants().find(|n| n.has_tag_name((NS_A, which))))
        else {
            return Default::default();
        };
        let typeface = |tag: &str| {
            font.children()
                .find(|n| n.tag_name().name() == tag)
                .and_then(|n| n.attribute("typeface"))
                .unwrap_or("")
                .trim()
                .to_string()
        };
        let mut ea = typeface("ea");
        if !ea.is_empty() {
            ea_set.set(true);
        } else {
            // the script list names the face Office uses for Simplified Chinese
            ea = font
                .children()
                .find(|n| n.tag_name().name() == "font" && n.attribute("script") == Some("Hans"))
                .and_then(|n| n.attribute("typeface"))
                .unwrap_or("")
                .to_string();
        }
        (typeface("latin"), ea)
    };
    let (major, minor) = (face("majorFont"), face("minorFont"));

    let ctx = Ctx {
        opc,
        scheme: &scheme,
        theme: theme_root,
        scale,
    };
    let master = master_root
        .map(|m| ctx.sheet(&master_part, &m, &mut missed))
        .unwrap_or_default();
    let layout_names = opc.layouts(&master_part);
    let layout = |part: Option<&str>, missed: &mut Vec<Note>| {
        let part = part?;
        let doc = Document::parse(opc.text(part)?).ok()?;
        Some(ctx.sheet(part, &doc.root_element(), missed))
    };
    // a template without a `title` layout often has its cover as the first layout
    let title_part =
        pick(&layout_names, &TITLE_TYPES).or_else(|| layout_names.first().map(|(p, _)| p.as_str()));
    let title = layout(title_part, &mut missed);
    let content = layout(pick(&layout_names, &CONTENT_TYPES), &mut missed);

    let style = |tag: &str| -> (Option<f32>, Option<String>) {
        let Some(lvl1) = master_root.and_then(|m| {
            m.descendants()
                .find(|n| n.tag_name().name() == tag)?
                .children()
                .find(|n| n.tag_name().name() == "lvl1pPr")
        }) else {
            return (None, None);
        };
        size_and_colour(&lvl1, &scheme)
    };
    let (title_size, title_colour) = style("titleStyle");
    let (body_size, body_colour) = style("bodyStyle");
    let px = |pt: Option<f32>| pt.map(|p| p * 12_700.0 * scale.1 as f32);
    let mut title = title;
    if let Some(t) = &mut title {
        t.title_size = px(t.title_size);
    }
    Template {
        aspect,
        canvas,
        scheme,
        major,
        minor,
        ea_set: ea_set.get(),
        master,
        title,
        content,
        title_size: px(title_size),
        body_size: px(body_size),
        title_colour,
        body_colour,
        layout_names,
        missed,
    }
}

/// The size in points and colour of a level's default run properties.
fn size_and_colour(lvl: &Node, scheme: &Scheme) -> (Option<f32>, Option<String>) {
    let Some(rpr) = lvl.children().find(|n| n.tag_name().name() == "defRPr") else {
        return (None, None);
    };
    let size = rpr
        .attribute("sz")
        .and_then(|s| s.parse::<f32>().ok())
        .map(|s| s / 100.0);
    let colour = rpr
        .children()
        .find(|n| n.tag_name().name() == "solidFill")
        .and_then(|f| drawing::colour_in(&f, scheme, None));
    (size, colour)
}

struct Ctx<'a, 'i> {
    opc: &'a Opc,
    scheme: &'a Scheme,
    theme: Option<Node<'a, 'i>>,
    scale: (f64, f64),
}

impl Ctx<'_, '_> {
    fn region(&self, x: drawing::Xfrm) -> Region {
        Region {
            x: (x.x * self.scale.0) as f32,
            y: (x.y * self.scale.1) as f32,
            w: (x.w * self.scale.0) as f32,
            h: (x.h * self.scale.1) as f32,
        }
    }

    fn sheet(&self, part: &str, root: &Node, missed: &mut Vec<Note>) -> Sheet {
        let rels = self.opc.rels(part);
        let target = |id: &str| {
            rels.iter()
                .find(|r| r.id == id)
                .and_then(|r| r.target.clone())
        };
        let mut sheet = Sheet {
            part: part.to_string(),
            shows_master: root.attribute("showMasterSp") != Some("0"),
            ..Sheet::default()
        };
        let Some(cld) = root.children().find(|n| n.tag_name().name() == "cSld") else {
            return sheet;
        };
        let empty = Document::parse("<t/>").expect("a literal parses");
        let theme = self.theme.unwrap_or(empty.root_element());
        sheet.background = drawing::background(&cld, &theme, self.scheme).and_then(|f| match f {
            Fill::Picture(id) => target(&id).map(Background::Picture),
            f => Some(Background::Fill(f)),
        });
        let Some(tree) = cld.children().find(|n| n.tag_name().name() == "spTree") else {
            return sheet;
        };
        let mut skipped: Vec<(String, String)> = Vec::new();
        let mut skip = |en: &str, zh: &str| skipped.push((en.to_string(), zh.to_string()));
        for shape in tree.children().filter(|n| n.is_element()) {
            let name = shape.tag_name().name();
            if let Some((kind, idx)) = drawing::placeholder(&shape) {
                if let Some(x) = drawing::xfrm(&shape) {
                    sheet.placeholders.push((kind.clone(), idx, self.region(x)));
                }
                let props = shape.children().find(|n| n.tag_name().name() == "spPr");
                let none =
                    props.is_some_and(|p| p.children().any(|n| n.tag_name().name() == "noFill"));
                match props.and_then(|p| drawing::fill(&p, self.scheme, None)) {
                    Some(f @ (Fill::Solid(_) | Fill::Gradient { .. })) => {
                        sheet.ph_fills.push((kind.clone(), Some(f)))
                    }
                    _ if none => sheet.ph_fills.push((kind.clone(), None)),
                    _ => {}
                }
                if matches!(kind.as_str(), "title" | "ctrTitle") {
                    if let Some(lvl1) = shape.descendants().find(|n| {
                        n.tag_name().name() == "lvl1pPr"
                            && n.parent()
                                .is_some_and(|p| p.tag_name().name() == "lstStyle")
                    }) {
                        let (size, colour) = size_and_colour(&lvl1, self.scheme);
                        sheet.title_size = size;
                        sheet.title_colour = colour;
                    }
                }
                continue;
            }
            match name {
                "pic" => {
                    let id = shape
                        .descendants()
                        .find(|n| n.tag_name().name() == "blip")
                        .and_then(|b| b.attributes().find(|a| a.name() == "embed"))
                        .map(|a| a.value().to_string());
                    match (id.and_then(|i| target(&i)), drawing::xfrm(&shape)) {
                        (Some(part), Some(x)) => sheet.decos.push(Deco::Picture {
                            part,
                            at: self.region(x),
                        }),
                        _ => skip("a picture without a position", "一张没有位置的图片"),
                    }
                }
                "sp" => {
                    let text: String = shape
                        .descendants()
                        .filter(|n| n.tag_name().name() == "t")
                        .filter_map(|n| n.text())
                        .collect();
                    let geom = shape
                        .descendants()
                        .find(|n| n.tag_name().name() == "prstGeom")
                        .and_then(|g| g.attribute("prst"));
                    let fill = shape
                        .children()
                        .find(|n| n.tag_name().name() == "spPr")
                        .and_then(|p| drawing::fill(&p, self.scheme, None));
                    match (geom, fill, drawing::xfrm(&shape)) {
                        (
                            // a rounded rectangle is drawn square: close enough for a panel
                            Some("rect" | "roundRect"),
                            Some(fill @ (Fill::Solid(_) | Fill::Gradient { .. })),
                            Some(x),
                        ) => sheet.decos.push(Deco::Rect {
                            fill,
                            at: self.region(x),
                        }),
                        _ if text.trim().is_empty() => skip(
                            "a drawn shape other than a filled rectangle",
                            "一个填色矩形以外的图形",
                        ),
                        _ => {
                            let words: String = text.trim().chars().take(20).collect();
                            skip(
                                &format!("a text box “{words}”"),
                                &format!("一个文本框“{words}”"),
                            )
                        }
                    }
                }
                "grpSp" => skip("a group of shapes", "一组组合图形"),
                "cxnSp" => skip("a line", "一条线"),
                "graphicFrame" => {
                    let uri = shape
                        .descendants()
                        .find(|n| n.tag_name().name() == "graphicData")
                        .and_then(|g| g.attribute("uri"))
                        .unwrap_or("");
                    let (en, zh) = if uri.ends_with("/chart") {
                        ("a chart", "一个图表")
                    } else if uri.ends_with("/diagram") {
                        ("a SmartArt graphic", "一个 SmartArt 图形")
                    } else if uri.ends_with("/table") {
                        ("a table", "一个表格")
                    } else {
                        ("an embedded object", "一个嵌入对象")
                    };
                    skip(en, zh);
                }
                "AlternateContent" => skip(
                    "a shape for newer Office versions",
                    "一个新版 Office 才有的对象",
                ),
                _ => {}
            }
        }
        skipped.sort_unstable();
        let file = part.rsplit('/').next().unwrap_or(part);
        let mut i = 0;
        while i < skipped.len() {
            let n = skipped[i..]
                .iter()
                .take_while(|s| **s == skipped[i])
                .count();
            let (en, zh) = &skipped[i];
            let times = if n > 1 {
                format!(" ×{n}")
            } else {
                String::new()
            };
            missed.push(Note::new(
                format!("{en}{times} on {file} (kept in .pptx decks, not drawn in HTML decks)"),
                format!("{file} 上的{zh}{times}（.pptx 幻灯片里保留，网页幻灯片里不画）"),
            ));
            i += n;
        }
        sheet
    }
}
