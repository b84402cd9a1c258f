//! Slides → an editable PowerPoint (and WPS) deck, written with `zip` and a small XML
//! writer, no Office library.
//!
//! The package: one slide master and a layout per slide kind made from the theme (its
//! palette as the Office colour scheme, its faces as the theme fonts, the band, rule,
//! footer, page number and logo on the master), a slide per deck slide whose text sits
//! in the layouts' placeholders with sizes computed to fit ([`fit`]), and a notes page
//! per slide holding its notes paragraph by paragraph. Every part, its content type and
//! its relationships come from one list ([`package`]), so the package is consistent by
//! construction; the bytes are the same for the same deck.

mod fit;
mod layout;
mod look;
mod master;
mod media;
mod office_theme;
mod on_template;
mod shapes;
mod slides;
mod text;
mod wrap;

use self::look::Look;
use self::master::{layout_of, Canvas, Logo, NOTES_SIZE};
use self::package::{ct, rel, rid, Package, Part, Rel};
use self::xml::Xml;
use super::ooxml::{package, xml};
use super::{RenderError, Writer};
use crate::aspect::Aspect;
use crate::deck::{Deck, Kind};
use crate::theme::Theme;

/// The PowerPoint writer.
pub struct Pptx;

impl Writer for Pptx {
    fn write(&self, deck: &Deck, theme: &Theme, aspect: Aspect) -> Result<Vec<u8>, RenderError> {
        // a theme imported from the unit's template builds on that template itself
        if let Some(template) = &theme.template {
            return on_template::package(deck, theme, template)
                .map_err(|e| RenderError::Other(format!("could not build on the template {e}")));
        }
        package(deck, theme, aspect)
            .map_err(|e| RenderError::Other(format!("could not write the PowerPoint file: {e}")))
    }
}

/// Slide ids start at 256; master and layout ids share one range from 2^31.
const FIRST_SLIDE_ID: u32 = 256;
const MASTER_ID: u32 = 2_147_483_648;

/// A theme picture (logo, background) as the bitmap part to store, with its
/// width-to-height ratio (0 when its size is unknown).
fn theme_bitmap(asset: &crate::theme::Asset, id: &str) -> (media::Media, f32) {
    let d = &asset.inlined;
    let img = crate::deck::Image {
        id: id.into(),
        data: d.bytes.clone(),
        mime: d.mime,
        width: d.width,
        height: d.height,
        alt: String::new(),
    };
    let ratio = if d.width > 0 && d.height > 0 {
        d.width as f32 / d.height as f32
    } else {
        0.0
    };
    (media::media_of(&img).0, ratio)
}

/// The logo's bytes as the theme inlined them (re-encoded, without metadata).
fn logo_bytes(theme: &Theme) -> Option<(Vec<u8>, &'static str, Logo)> {
    let logo = theme.logo.as_ref().filter(|_| theme.layout.show_logo)?;
    let (bitmap, ratio) = theme_bitmap(logo, "logo");
    let ratio = if ratio > 0.0 { ratio } else { 1.0 };
    Some((bitmap.data, bitmap.ext, Logo { ratio }))
}

/// The theme's background picture as a bitmap part, with its proportions.
fn background_bytes(theme: &Theme) -> Option<(media::Media, f32)> {
    Some(theme_bitmap(theme.background.as_ref()?, "background"))
}

/// Every part of the deck.
fn package(deck: &Deck, theme: &Theme, aspect: Aspect) -> Result<Vec<u8>, String> {
    let look = Look::of(theme);
    let (pw, ph) = aspect.size();
    // 1920 CSS pixels are 960 points: a pixel of the HTML canvas is half a point
    let canvas = Canvas {
        w: pw as f32 / 2.0,
        h: ph as f32 / 2.0,
    };
    let logo = logo_bytes(theme);
    let mut pkg = Package::new(vec![
        Rel {
            kind: rel::OFFICE_DOCUMENT,
            target: "ppt/presentation.xml".into(),
        },
        Rel {
            kind: rel::CORE,
            target: "docProps/core.xml".into(),
        },
        Rel {
            kind: rel::EXTENDED,
            target: "docProps/app.xml".into(),
        },
    ]);
    let n = deck.slides.len();

    // presentation.xml relationships: master, notes master, slides, the rest
    let mut pres_rels = vec![
        Rel {
            kind: rel::SLIDE_MASTER,
            target: "ppt/slideMasters/slideMaster1.xml".into(),
        },
        Rel {
            kind: rel::NOTES_MASTER,
            target: "ppt/notesMasters/notesMaster1.xml".into(),
        },
    ];
    for i in 1..=n {
        pres_rels.push(Rel {
            kind: rel::SLIDE,
            target: format!("ppt/slides/slide{i}.xml"),
        });
    }
    for (kind, target) in [
        (rel::PRES_PROPS, "ppt/presProps.xml"),
        (rel::VIEW_PROPS, "ppt/viewProps.xml"),
        (rel::THEME, "ppt/theme/theme1.xml"),
        (rel::TABLE_STYLES, "ppt/tableStyles.xml"),
    ] {
        pres_rels.push(Rel {
            kind,
            target: target.into(),
        });
    }
    pkg.push(Part {
        name: "ppt/presentation.xml".into(),
        content_type: ct::PRESENTATION,
        data: presentation_xml(n, aspect),
        rels: pres_rels,
    })?;

    // master, layouts, themes
    let layout_ids: Vec<u32> = (1..=Kind::ALL.len() as u32)
        .map(|i| MASTER_ID + i)
        .collect();
    let mut master_rels: Vec<Rel> = (1..=Kind::ALL.len())
        .map(|i| Rel {
            kind: rel::SLIDE_LAYOUT,
            target: format!("ppt/slideLayouts/slideLayout{i}.xml"),
        })
        .collect();
    master_rels.push(Rel {
        kind: rel::THEME,
        target: "ppt/theme/theme1.xml".into(),
    });
    let logo_part = logo
        .as_ref()
        .map(|(_, ext, _)| format!("ppt/media/logo.{ext}"));
    if let Some(name) = &logo_part {
        master_rels.push(Rel {
            kind: rel::IMAGE,
            target: name.clone(),
        });
    }
    let logo_info = logo.as_ref().map(|l| &l.2);
    let background = background_bytes(theme);
    let backdrop = background.as_ref().map(|(media, ratio)| {
        master_rels.push(Rel {
            kind: rel::IMAGE,
            target: format!("ppt/media/background.{}", media.ext),
        });
        master::Backdrop {
            ratio: *ratio,
            rel: rid(master_rels.len() - 1),
        }
    });
    pkg.push(Part {
        name: "ppt/slideMasters/slideMaster1.xml".into(),
        content_type: ct::SLIDE_MASTER,
        data: master::master_xml(&look, canvas, logo_info, backdrop.as_ref(), &layout_ids),
        rels: master_rels,
    })?;
    if let Some((media, _)) = background {
        pkg.push(Part {
            name: format!("ppt/media/background.{}", media.ext),
            content_type: media_type(media.ext),
            data: media.data,
            rels: Vec::new(),
        })?;
    }
    for kind in Kind::ALL {
        let (i, _) = layout_of(kind);
        let mut rels = vec![Rel {
            kind: rel::SLIDE_MASTER,
            target: "ppt/slideMasters/slideMaster1.xml".into(),
        }];
        let logo_here = kind == Kind::Title && logo_part.is_some();
        if let (true, Some(name)) = (logo_here, &logo_part) {
            rels.push(Rel {
                kind: rel::IMAGE,
                target: name.clone(),
            });
        }
        pkg.push(Part {
            name: format!("ppt/slideLayouts/slideLayout{i}.xml"),
            content_type: ct::SLIDE_LAYOUT,
            data: master::layout_xml(kind, &look, canvas, logo_info.filter(|_| logo_here)),
            rels,
        })?;
    }
    if let (Some(name), Some((data, ext, _))) = (&logo_part, &logo) {
        pkg.push(Part {
            name: name.clone(),
            content_type: media_type(ext),
            data: data.clone(),
            rels: Vec::new(),
        })?;
    }
    pkg.push(Part {
        name: "ppt/theme/theme1.xml".into(),
        content_type: ct::THEME,
        data: office_theme::theme_xml(&look, &theme.name),
        rels: Vec::new(),
    })?;
    pkg.push(Part {
        name: "ppt/notesMasters/notesMaster1.xml".into(),
        content_type: ct::NOTES_MASTER,
        data: master::notes_master_xml(&look),
        rels: vec![Rel {
            kind: rel::THEME,
            target: "ppt/theme/theme2.xml".into(),
        }],
    })?;
    pkg.push(Part {
        name: "ppt/theme/theme2.xml".into(),
        content_type: ct::THEME,
        data: office_theme::theme_xml(&look, &format!("{} notes", theme.name)),
        rels: Vec::new(),
    })?;

    // slides, their notes pages and pictures
    let ctx = slides::Ctx {
        look: &look,
        canvas,
        theme,
        info: &deck.info,
        total: n,
        logo: logo_info,
    };
    let mut media_count = 0;
    // A picture shown on several slides is one media part that each slide points at.
    let mut media_names: std::collections::HashMap<String, String> = Default::default();
    for (i, s) in deck.slides.iter().enumerate() {
        let i = i + 1;
        let (layout, _) = layout_of(s.kind);
        let out = slides::slide_xml(&ctx, s);
        let slide_name = format!("ppt/slides/slide{i}.xml");
        let mut rels = vec![
            Rel {
                kind: rel::SLIDE_LAYOUT,
                target: format!("ppt/slideLayouts/slideLayout{layout}.xml"),
            },
            Rel {
                kind: rel::NOTES_SLIDE,
                target: format!("ppt/notesSlides/notesSlide{i}.xml"),
            },
        ];
        let mut media_parts = Vec::new();
        for m in out.media {
            let name = match media_names.get(&m.key) {
                Some(name) => name.clone(),
                None => {
                    media_count += 1;
                    let name = format!("ppt/media/image{media_count}.{}", m.ext);
                    media_names.insert(m.key, name.clone());
                    media_parts.push(Part {
                        content_type: media_type(m.ext),
                        name: name.clone(),
                        data: m.data,
                        rels: Vec::new(),
                    });
                    name
                }
            };
            rels.push(Rel {
                kind: rel::IMAGE,
                target: name,
            });
        }
        pkg.push(Part {
            name: slide_name.clone(),
            content_type: ct::SLIDE,
            data: out.xml,
            rels,
        })?;
        pkg.push(Part {
            name: format!("ppt/notesSlides/notesSlide{i}.xml"),
            content_type: ct::NOTES_SLIDE,
            data: slides::notes_xml(&look, s),
            rels: vec![
                Rel {
                    kind: rel::NOTES_MASTER,
                    target: "ppt/notesMasters/notesMaster1.xml".into(),
                },
                Rel {
                    kind: rel::SLIDE,
                    target: slide_name,
                },
            ],
        })?;
        for part in media_parts {
            pkg.push(part)?;
        }
    }

    for (name, content_type, data) in [
        (
            "ppt/presProps.xml",
            ct::PRES_PROPS,
            PRES_PROPS.as_bytes().to_vec(),
        ),
        (
            "ppt/viewProps.xml",
            ct::VIEW_PROPS,
            VIEW_PROPS.as_bytes().to_vec(),
        ),
        (
            "ppt/tableStyles.xml",
            ct::TABLE_STYLES,
            TABLE_STYLES.as_bytes().to_vec(),
        ),
        ("docProps/core.xml", ct::CORE, core_xml(deck)),
        ("docProps/app.xml", ct::EXTENDED, app_xml(n)),
    ] {
        pkg.push(Part {
            name: name.into(),
            content_type,
            data,
            rels: Vec::new(),
        })?;
    }
    pkg.finish()
}

fn media_type(ext: &str) -> &'static str {
    match ext {
        "jpeg" => "image/jpeg",
        "gif" => "image/gif",
        "svg" => "image/svg+xml",
        _ => "image/png",
    }
}

fn presentation_xml(n: usize, aspect: Aspect) -> Vec<u8> {
    let (w, h) = aspect.size();
    // 6350 EMU a CSS pixel: 1920 × 1080 is PowerPoint's 13.333 × 7.5 inch widescreen
    let (cx, cy) = ((w * 6350).to_string(), (h * 6350).to_string());
    let mut x = Xml::new();
    x.el(
        "p:presentation",
        &[
            ("xmlns:a", master::NS_A),
            ("xmlns:r", master::NS_R),
            ("xmlns:p", master::NS_P),
            ("saveSubsetFonts", "1"),
        ],
        |x| {
            x.el("p:sldMasterIdLst", &[], |x| {
                x.empty(
                    "p:sldMasterId",
                    &[("id", &MASTER_ID.to_string()), ("r:id", &rid(0))],
                )
            });
            x.el("p:notesMasterIdLst", &[], |x| {
                x.empty("p:notesMasterId", &[("r:id", &rid(1))])
            });
            if n > 0 {
                x.el("p:sldIdLst", &[], |x| {
                    for i in 0..n {
                        let id = (FIRST_SLIDE_ID + i as u32).to_string();
                        x.empty("p:sldId", &[("id", &id), ("r:id", &rid(2 + i))]);
                    }
                });
            }
            let mut sz = vec![("cx", cx.as_str()), ("cy", cy.as_str())];
            if aspect == Aspect::Standard {
                sz.push(("type", "screen4x3"));
            }
            x.empty("p:sldSz", &sz);
            x.empty(
                "p:notesSz",
                &[
                    ("cx", &NOTES_SIZE.0.to_string()),
                    ("cy", &NOTES_SIZE.1.to_string()),
                ],
            );
        },
    );
    x.finish()
}

const PRES_PROPS: &str = concat!(
    "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n",
    "<p:presentationPr xmlns:a=\"http://schemas.openxmlformats.org/drawingml/2006/main\" ",
    "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\" ",
    "xmlns:p=\"http://schemas.openxmlformats.org/presentationml/2006/main\"/>"
);

const VIEW_PROPS: &str = concat!(
    "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n",
    "<p:viewPr xmlns:a=\"http://schemas.openxmlformats.org/drawingml/2006/main\" ",
    "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\" ",
    "xmlns:p=\"http://schemas.openxmlformats.org/presentationml/2006/main\">",
    "<p:normalViewPr><p:restoredLeft sz=\"15620\"/><p:restoredTop sz=\"80000\"/></p:normalViewPr>",
    "<p:slideViewPr><p:cSldViewPr snapToGrid=\"0\"><p:cViewPr varScale=\"1\">",
    "<p:scale><a:sx n=\"100\" d=\"100\"/><a:sy n=\"100\" d=\"100\"/></p:scale><p:origin x=\"0\" y=\"0\"/>",
    "</p:cViewPr><p:guideLst/></p:cSldViewPr></p:slideViewPr>",
    "<p:notesTextViewPr><p:cViewPr><p:scale><a:sx n=\"1\" d=\"1\"/><a:sy n=\"1\" d=\"1\"/></p:scale>",
    "<p:origin x=\"0\" y=\"0\"/></p:cViewPr></p:notesTextViewPr>",
    "<p:gridSpacing cx=\"72008\" cy=\"72008\"/></p:viewPr>"
);

const TABLE_STYLES: &str = concat!(
    "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n",
    "<a:tblStyleLst xmlns:a=\"http://schemas.openxmlformats.org/drawingml/2006/main\" ",
    "def=\"{5C22544A-7EE6-4342-B048-85BDC9FD1C3A}\"/>"
);

/// Title, author and the source notice as the document's properties (no dates: the
/// same deck gives the same bytes).
fn core_xml(deck: &Deck) -> Vec<u8> {
    let info = &deck.info;
    let mut x = Xml::new();
    x.el(
        "cp:coreProperties",
        &[
            (
                "xmlns:cp",
                "http://schemas.openxmlformats.org/package/2006/metadata/core-properties",
            ),
            ("xmlns:dc", "http://purl.org/dc/elements/1.1/"),
            ("xmlns:dcterms", "http://purl.org/dc/terms/"),
            ("xmlns:xsi", "http://www.w3.org/2001/XMLSchema-instance"),
        ],
        |x| {
            x.leaf("dc:title", &[], &info.title);
            if let Some(k) = &info.kicker {
                x.leaf("dc:subject", &[], k);
            }
            let author = info.speaker.as_ref().or(info.organisation.as_ref());
            x.leaf("dc:creator", &[], author.map_or("", String::as_str));
            if !info.source_note.is_empty() {
                x.leaf("dc:description", &[], &info.source_note.join("\n"));
            }
            x.leaf("cp:lastModifiedBy", &[], "lectern");
        },
    );
    x.finish()
}

fn app_xml(n: usize) -> Vec<u8> {
    let mut x = Xml::new();
    x.el(
        "Properties",
        &[
            (
                "xmlns",
                "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties",
            ),
            (
                "xmlns:vt",
                "http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes",
            ),
        ],
        |x| {
            x.leaf(
                "Application",
                &[],
                concat!("lectern ", env!("CARGO_PKG_VERSION")),
            );
            x.leaf("Slides", &[], &n.to_string());
            x.leaf("Notes", &[], &n.to_string());
        },
    );
    x.finish()
}
