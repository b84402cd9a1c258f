//! A deck built on the unit's own PowerPoint template: the template's package is kept
//! (its masters, layouts, theme parts, pictures, notes master), its sample slides are
//! dropped, and lectern's slides are added on its layouts — chosen by layout type
//! (`title`, `secHead`, `obj`), never by name, since templates name them in any
//! language — with the text in the layouts' title and body placeholders, so the look is
//! the template's and editing its master afterwards changes every slide.

use std::collections::{BTreeMap, BTreeSet, VecDeque};
use std::io::{Cursor, Write as _};

use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, DateTime, ZipWriter};

use super::look::Look;
use super::master::{self, NS_A, NS_P, NS_R};
use super::package::{ct, rel, relative};
use super::xml::Xml;
use crate::deck::{Deck, Kind, Slide};
use crate::theme::template::opc::{rels_name, resolve, Opc};
use crate::theme::template::read::{pick, CONTENT_TYPES, SECTION_TYPES, TITLE_TYPES};
use crate::theme::template::TemplateFile;
use crate::theme::Theme;

/// The placeholders of a layout that lectern fills: `(type, idx)` of its title and body.
#[derive(Debug, Clone, Default)]
struct Slots {
    title: Option<(String, Option<String>)>,
    body: Option<(String, Option<String>)>,
}

fn slots(opc: &Opc, layout: &str) -> Slots {
    let mut s = Slots::default();
    let Some(doc) = opc
        .text(layout)
        .and_then(|t| roxmltree::Document::parse(t).ok())
    else {
        return s;
    };
    for sp in doc.descendants().filter(|n| n.tag_name().name() == "sp") {
        let Some((kind, idx)) = crate::theme::template::drawing::placeholder(&sp) else {
            continue;
        };
        match kind.as_str() {
            "title" | "ctrTitle" if s.title.is_none() => s.title = Some((kind, idx)),
            "body" | "subTitle" | "obj" if s.body.is_none() => s.body = Some((kind, idx)),
            _ => {}
        }
    }
    s
}

/// The layout each slide kind is built on.
fn layout_for(kind: Kind, layouts: &[(String, String)], with_title: &[String]) -> String {
    let first = || layouts.first().map(|(p, _)| p.clone()).unwrap_or_default();
    let found = match kind {
        Kind::Title => pick(layouts, &TITLE_TYPES),
        Kind::Part | Kind::Closing => pick(layouts, &SECTION_TYPES),
        _ => pick(layouts, &CONTENT_TYPES),
    };
    found
        .map(str::to_string)
        .or_else(|| with_title.first().cloned())
        .unwrap_or_else(first)
}

/// What a slide says: its title line and its body paragraphs (plain text; the template's
/// styles give the faces, sizes and colours).
fn words(s: &Slide, theme: &Theme) -> (String, Vec<String>) {
    let title = match &s.badge {
        Some(b) if !s.title.starts_with(b.as_str()) => format!("{b}\u{3000}{}", s.title),
        _ => s.title.clone(),
    };
    let mut body: Vec<String> = Vec::new();
    if s.kind == Kind::Title {
        body.extend(s.kicker.clone());
        body.extend(s.byline.iter().cloned());
        if let Some(org) = &theme.organisation {
            if !s.byline.contains(org) {
                body.push(org.clone());
            }
        }
    } else {
        body.extend(s.items.iter().cloned());
        body.extend((s.figures.iter()).map(|f| format!("{}\u{3000}{}", f.value, f.label)));
        // a line of its own each side of an elision, as in the HTML deck
        body.extend((s.keys.iter()).map(|k| crate::plan::keys::shown_lines(k).join("\n")));
        if !s.chips.is_empty() {
            body.push(s.chips.join("\u{3000}"));
        }
        body.extend(
            s.content
                .iter()
                .map(crate::deck::Block::plain_text)
                .filter(|t| !t.trim().is_empty()),
        );
        if s.kind == Kind::Closing {
            body.extend(s.byline.iter().cloned());
        }
    }
    (title, body)
}

/// A run; `size` (hundredths of a point) only in a text box, which has no style to
/// inherit one from.
fn run(x: &mut Xml, text: &str, size: Option<&str>) {
    x.el("a:r", &[], |x| {
        let mut attrs = vec![("lang", "zh-CN"), ("altLang", "en-US")];
        if let Some(sz) = size {
            attrs.push(("sz", sz));
        }
        attrs.push(("dirty", "0"));
        x.empty("a:rPr", &attrs);
        x.leaf("a:t", &[], text);
    });
}

/// A placeholder shape filled with `paras`, or a text box at `fallback` (EMU) when the
/// layout has no such placeholder.
fn text_shape(
    x: &mut Xml,
    id: u32,
    name: &str,
    ph: Option<&(String, Option<String>)>,
    fallback: (i64, i64, i64, i64),
    paras: &[String],
) {
    x.el("p:sp", &[], |x| {
        x.el("p:nvSpPr", &[], |x| {
            x.empty("p:cNvPr", &[("id", &id.to_string()), ("name", name)]);
            match ph {
                Some(_) => x.el("p:cNvSpPr", &[], |x| {
                    x.empty("a:spLocks", &[("noGrp", "1")])
                }),
                None => x.empty("p:cNvSpPr", &[("txBox", "1")]),
            }
            x.el("p:nvPr", &[], |x| {
                if let Some((kind, idx)) = ph {
                    let mut attrs: Vec<(&str, &str)> = Vec::new();
                    if kind != "obj" {
                        attrs.push(("type", kind));
                    }
                    if let Some(i) = idx {
                        attrs.push(("idx", i));
                    }
                    x.empty("p:ph", &attrs);
                }
            });
        });
        match ph {
            Some(_) => x.empty("p:spPr", &[]),
            None => x.el("p:spPr", &[], |x| {
                let (l, t, w, h) = fallback;
                x.el("a:xfrm", &[], |x| {
                    x.empty("a:off", &[("x", &l.to_string()), ("y", &t.to_string())]);
                    x.empty("a:ext", &[("cx", &w.to_string()), ("cy", &h.to_string())]);
                });
                x.el("a:prstGeom", &[("prst", "rect")], |x| {
                    x.empty("a:avLst", &[])
                });
            }),
        }
        x.el("p:txBody", &[], |x| {
            x.el("a:bodyPr", &[("wrap", "square")], |x| {
                x.empty("a:normAutofit", &[])
            });
            x.empty("a:lstStyle", &[]);
            // a text box gets the sizes of PowerPoint's own title and body text
            let size = match (ph, id) {
                (Some(_), _) => None,
                (None, 2) => Some("3200"),
                (None, _) => Some("2000"),
            };
            for p in paras {
                x.el("a:p", &[], |x| {
                    for (i, line) in p.split('\n').enumerate() {
                        if i > 0 {
                            x.empty("a:br", &[]);
                        }
                        run(x, line, size);
                    }
                });
            }
        });
    });
}

fn slide_xml(s: &Slide, theme: &Theme, slots: &Slots, size: (i64, i64)) -> Vec<u8> {
    let (title, body) = words(s, theme);
    let (w, h) = size;
    let mut x = Xml::new();
    x.el(
        "p:sld",
        &[("xmlns:a", NS_A), ("xmlns:r", NS_R), ("xmlns:p", NS_P)],
        |x| {
            x.el("p:cSld", &[], |x| {
                master::shape_tree(x, |x| {
                    let box_title = (w / 12, h / 20, w * 5 / 6, h / 5);
                    text_shape(
                        x,
                        2,
                        "标题",
                        slots.title.as_ref(),
                        box_title,
                        std::slice::from_ref(&title),
                    );
                    if !body.is_empty() {
                        let box_body = (w / 12, h * 3 / 10, w * 5 / 6, h * 3 / 5);
                        text_shape(x, 3, "正文", slots.body.as_ref(), box_body, &body);
                    }
                });
            });
            x.el("p:clrMapOvr", &[], |x| x.empty("a:masterClrMapping", &[]));
        },
    );
    x.finish()
}

/// `(extension → type)` defaults and `(part → type)` overrides of `[Content_Types].xml`.
fn content_types(opc: &Opc) -> (BTreeMap<String, String>, BTreeMap<String, String>) {
    let mut defaults = BTreeMap::new();
    let mut overrides = BTreeMap::new();
    if let Some(doc) = opc
        .text("[Content_Types].xml")
        .and_then(|t| roxmltree::Document::parse(t).ok())
    {
        for n in doc.descendants() {
            match (n.tag_name().name(), n.attribute("ContentType")) {
                ("Default", Some(c)) => {
                    if let Some(e) = n.attribute("Extension") {
                        defaults.insert(e.to_ascii_lowercase(), c.to_string());
                    }
                }
                ("Override", Some(c)) => {
                    if let Some(p) = n.attribute("PartName") {
                        overrides.insert(p.trim_start_matches('/').to_string(), c.to_string());
                    }
                }
                _ => {}
            }
        }
    }
    (defaults, overrides)
}

/// Removes the first `<tag …>…</tag>` or `<tag …/>` from `xml`.
fn cut(xml: &mut String, tag: &str) {
    let Some(start) = xml.find(&format!("<{tag}")) else {
        return;
    };
    let rest = &xml[start..];
    let Some(open_end) = rest.find('>') else {
        return;
    };
    let end = if rest[..open_end].ends_with('/') {
        start + open_end + 1
    } else {
        match rest.find(&format!("</{tag}>")) {
            Some(e) => start + e + tag.len() + 3,
            None => return,
        }
    };
    xml.replace_range(start..end, "");
}

/// The presentation part with lectern's slide list (and notes master) in place of the
/// template's, and without lists that name the template's slides.
fn presentation_xml(text: &str, slide_rids: &[String], notes_rid: Option<&str>) -> String {
    let mut xml = text.to_string();
    cut(&mut xml, "p:sldIdLst");
    cut(&mut xml, "p:custShowLst");
    // PowerPoint 2010's sections name slide ids: drop the extension that holds them
    if let Some(at) = xml.find("<p14:sectionLst") {
        if let (Some(s), Some(e)) = (xml[..at].rfind("<p:ext "), xml[at..].find("</p:ext>")) {
            xml.replace_range(s..at + e + "</p:ext>".len(), "");
        }
    }
    let mut list = String::from("<p:sldIdLst>");
    for (i, rid) in slide_rids.iter().enumerate() {
        list += &format!("<p:sldId id=\"{}\" r:id=\"{rid}\"/>", 256 + i);
    }
    list += "</p:sldIdLst>";
    if let Some(at) = xml.find("<p:sldSz") {
        xml.insert_str(at, &list);
    }
    if let Some(rid) = notes_rid {
        if let Some(at) = xml.find("</p:sldMasterIdLst>") {
            let at = at + "</p:sldMasterIdLst>".len();
            xml.insert_str(
                at,
                &format!(
                    "<p:notesMasterIdLst><p:notesMasterId r:id=\"{rid}\"/></p:notesMasterIdLst>"
                ),
            );
        }
    }
    if !xml.contains("xmlns:r=") {
        xml = xml.replacen(
            "<p:presentation ",
            &format!("<p:presentation xmlns:r=\"{NS_R}\" "),
            1,
        );
    }
    xml
}

fn rels_xml(rels: &[(String, String, String)]) -> Vec<u8> {
    let mut x = Xml::new();
    x.el(
        "Relationships",
        &[(
            "xmlns",
            "http://schemas.openxmlformats.org/package/2006/relationships",
        )],
        |x| {
            for (id, ty, target) in rels {
                x.empty(
                    "Relationship",
                    &[("Id", id), ("Type", ty), ("Target", target)],
                );
            }
        },
    );
    x.finish()
}

/// The deck as a .pptx package built on `template`.
pub fn package(deck: &Deck, theme: &Theme, template: &TemplateFile) -> Result<Vec<u8>, String> {
    let opc =
        Opc::read(&template.bytes).map_err(|e| format!("{}: {}", template.file, e.en_zh().0))?;
    let pres = opc
        .presentation()
        .ok_or("the template has no presentation part")?;
    let master_part = opc
        .masters()
        .into_iter()
        .next()
        .ok_or("the template has no slide master")?;
    let layouts = opc.layouts(&master_part);
    let with_title: Vec<String> = layouts
        .iter()
        .filter(|(p, _)| slots(&opc, p).title.is_some())
        .map(|(p, _)| p.clone())
        .collect();
    let size = opc
        .text(&pres)
        .and_then(|t| {
            let doc = roxmltree::Document::parse(t).ok()?;
            let sz = doc.descendants().find(|n| n.tag_name().name() == "sldSz")?;
            Some((
                sz.attribute("cx")?.parse().ok()?,
                sz.attribute("cy")?.parse().ok()?,
            ))
        })
        .unwrap_or((12_192_000, 6_858_000));
    let look = Look::of(theme);

    let mut out: BTreeMap<String, Vec<u8>> = BTreeMap::new();
    let mut new_types: BTreeMap<String, String> = BTreeMap::new();

    // the presentation's relationships: the template's but its slides (and macros)
    let old = opc.rels(&pres);
    let mut pres_rels: Vec<(String, String, String)> = old
        .iter()
        .filter(|r| !matches!(r.kind.as_str(), "slide" | "vbaProject"))
        .filter_map(|r| {
            Some((
                r.id.clone(),
                r.ty.clone(),
                relative(&pres, r.target.as_ref()?),
            ))
        })
        .collect();
    let mut next_id = old
        .iter()
        .filter_map(|r| r.id.strip_prefix("rId")?.parse::<u32>().ok())
        .max()
        .unwrap_or(0);
    let mut fresh = || {
        next_id += 1;
        format!("rId{next_id}")
    };
    let mut notes_master = opc.related(&pres, "notesMaster");
    let mut added_notes_rid = None;
    if notes_master.is_none() {
        // a template without a notes master gets lectern's, with its own theme part
        let nm = "ppt/notesMasters/notesMaster1.xml".to_string();
        let theme_name = (1..)
            .map(|i| format!("ppt/theme/theme{i}.xml"))
            .find(|n| !opc.parts.contains_key(n))
            .unwrap_or_default();
        out.insert(nm.clone(), master::notes_master_xml(&look));
        out.insert(
            rels_name(&nm),
            rels_xml(&[("rId1".into(), rel::THEME.into(), relative(&nm, &theme_name))]),
        );
        out.insert(
            theme_name.clone(),
            super::office_theme::theme_xml(&look, &format!("{} notes", theme.name)),
        );
        new_types.insert(nm.clone(), ct::NOTES_MASTER.into());
        new_types.insert(theme_name, ct::THEME.into());
        let rid = fresh();
        pres_rels.push((rid.clone(), rel::NOTES_MASTER.into(), relative(&pres, &nm)));
        added_notes_rid = Some(rid);
        notes_master = Some(nm);
    }
    let notes_master = notes_master.unwrap_or_default();

    let mut slot_cache: BTreeMap<String, Slots> = BTreeMap::new();
    let mut slide_rids = Vec::new();
    for (i, s) in deck.slides.iter().enumerate() {
        let n = i + 1;
        let layout = layout_for(s.kind, &layouts, &with_title);
        let sl = slot_cache
            .entry(layout.clone())
            .or_insert_with(|| slots(&opc, &layout))
            .clone();
        let slide = format!("ppt/slides/slide{n}.xml");
        let notes = format!("ppt/notesSlides/notesSlide{n}.xml");
        out.insert(slide.clone(), slide_xml(s, theme, &sl, size));
        out.insert(
            rels_name(&slide),
            rels_xml(&[
                (
                    "rId1".into(),
                    rel::SLIDE_LAYOUT.into(),
                    relative(&slide, &layout),
                ),
                (
                    "rId2".into(),
                    rel::NOTES_SLIDE.into(),
                    relative(&slide, &notes),
                ),
            ]),
        );
        out.insert(notes.clone(), super::slides::notes_xml(&look, s));
        out.insert(
            rels_name(&notes),
            rels_xml(&[
                (
                    "rId1".into(),
                    rel::NOTES_MASTER.into(),
                    relative(&notes, &notes_master),
                ),
                ("rId2".into(), rel::SLIDE.into(), relative(&notes, &slide)),
            ]),
        );
        new_types.insert(slide.clone(), ct::SLIDE.into());
        new_types.insert(notes, ct::NOTES_SLIDE.into());
        let rid = fresh();
        pres_rels.push((rid.clone(), rel::SLIDE.into(), relative(&pres, &slide)));
        slide_rids.push(rid);
    }
    let pres_text = opc
        .text(&pres)
        .ok_or("the presentation part is not UTF-8 XML")?;
    out.insert(
        pres.clone(),
        presentation_xml(pres_text, &slide_rids, added_notes_rid.as_deref()).into_bytes(),
    );
    out.insert(rels_name(&pres), rels_xml(&pres_rels));

    // the template's parts still reached from the presentation, with their relationships
    let mut seen: BTreeSet<String> = BTreeSet::new();
    let mut queue: VecDeque<String> = pres_rels
        .iter()
        .map(|(_, _, t)| resolve(pres.rsplit_once('/').map_or("", |(d, _)| d), t))
        .collect();
    while let Some(part) = queue.pop_front() {
        if !seen.insert(part.clone()) || out.contains_key(&part) {
            continue;
        }
        let Some(bytes) = opc.parts.get(&part) else {
            continue;
        };
        out.insert(part.clone(), bytes.clone());
        if let Some(r) = opc.parts.get(&rels_name(&part)) {
            out.insert(rels_name(&part), r.clone());
        }
        for r in opc.rels(&part) {
            if let Some(t) = r.target {
                queue.push_back(t);
            }
        }
    }

    out.insert("docProps/core.xml".into(), super::core_xml(deck));
    out.insert("docProps/app.xml".into(), super::app_xml(deck.slides.len()));
    new_types.insert("docProps/core.xml".into(), ct::CORE.into());
    new_types.insert("docProps/app.xml".into(), ct::EXTENDED.into());
    let root = rels_xml(&[
        ("rId1".into(), rel::OFFICE_DOCUMENT.into(), pres.clone()),
        ("rId2".into(), rel::CORE.into(), "docProps/core.xml".into()),
        (
            "rId3".into(),
            rel::EXTENDED.into(),
            "docProps/app.xml".into(),
        ),
    ]);

    // content types: the template's, its main part made a presentation's, and ours
    let (mut defaults, overrides) = content_types(&opc);
    defaults.insert("rels".into(), ct::RELATIONSHIPS.into());
    defaults.insert("xml".into(), "application/xml".into());
    let mut types = Xml::new();
    types.el(
        "Types",
        &[(
            "xmlns",
            "http://schemas.openxmlformats.org/package/2006/content-types",
        )],
        |x| {
            for (e, c) in &defaults {
                x.empty("Default", &[("Extension", e), ("ContentType", c)]);
            }
            for name in out.keys().filter(|n| !n.ends_with(".rels")) {
                let c = if *name == pres {
                    Some(ct::PRESENTATION.to_string())
                } else {
                    new_types.get(name).or_else(|| overrides.get(name)).cloned()
                };
                let ext = name.rsplit_once('.').map(|(_, e)| e.to_ascii_lowercase());
                let by_default = ext.as_ref().and_then(|e| defaults.get(e));
                if let Some(c) = c.filter(|c| Some(c) != by_default) {
                    x.empty(
                        "Override",
                        &[("PartName", &format!("/{name}")), ("ContentType", &c)],
                    );
                }
            }
        },
    );

    let mut zip = ZipWriter::new(Cursor::new(Vec::new()));
    let opts = SimpleFileOptions::default()
        .last_modified_time(DateTime::default())
        .unix_permissions(0o644)
        .compression_method(CompressionMethod::Deflated);
    let mut put = |name: &str, data: &[u8]| -> Result<(), String> {
        zip.start_file(name, opts).map_err(|e| e.to_string())?;
        zip.write_all(data).map_err(|e| e.to_string())
    };
    put("[Content_Types].xml", &types.finish())?;
    put("_rels/.rels", &root)?;
    for (name, data) in &out {
        put(name, data)?;
    }
    zip.finish()
        .map(Cursor::into_inner)
        .map_err(|e| e.to_string())
}
