//! The slide master, one layout per slide kind, and the notes master — made from the
//! theme, so restyling in PowerPoint (the master's colours, faces, band, footer) changes
//! every slide. Slides only place their placeholders; the look lives here.

use super::look::Look;
use super::shapes::{self, Ph};
use super::shapes::{PhStyle, Rect, Shape, BADGE, CRUMBS, KICKER};
use super::text::{Bullet, Frame};
use super::xml::Xml;
use crate::deck::Kind;

pub const NS_P: &str = "http://schemas.openxmlformats.org/presentationml/2006/main";
pub const NS_R: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
pub use super::office_theme::NS_A;

/// The slide's size in points and the fixed positions every layout shares.
#[derive(Debug, Clone, Copy)]
pub struct Canvas {
    pub w: f32,
    pub h: f32,
}

/// Band height (with its rule), side margin, the content area, the footer line.
pub const BAND: f32 = 52.0;
pub const RULE: f32 = 3.0;
pub const MARGIN: f32 = 80.0;
pub const TOP: f32 = 96.0;
pub const BOTTOM: f32 = 480.0;
pub const FOOTER_Y: f32 = 500.0;
pub const FOOTER_H: f32 = 24.0;
pub const FOOTER_SIZE: f32 = 14.0;
pub const PAGE_W: f32 = 120.0;
pub const LOGO_H: f32 = 24.0;

impl Canvas {
    pub fn content_width(self) -> f32 {
        self.w - 2.0 * MARGIN
    }
}

/// Base sizes in points (the HTML theme's pixel sizes halved: 1920 px is 960 pt).
pub mod size {
    pub const BODY: f32 = 21.0;
    pub const CRUMBS: f32 = 16.0;
    pub const CHIP: f32 = 18.0;
    pub const POINT_TITLE: f32 = 38.0;
    pub const SECTION_TITLE: f32 = 34.0;
    pub const OUTLINE_TITLE: f32 = 40.0;
    pub const OUTLINE_ITEM: f32 = 28.0;
    pub const DECK_TITLE: f32 = 40.0;
    pub const KICKER: f32 = 24.0;
    pub const SUBTITLE: f32 = 22.0;
    pub const BYLINE: f32 = 19.0;
    pub const PART_TITLE: f32 = 38.0;
    pub const PART_ITEM: f32 = 18.0;
    pub const ORDINAL: f32 = 55.0;
    pub const CLOSING: f32 = 75.0;
    pub const NOTE: f32 = 14.0;
    pub const TABLE: f32 = 17.0;
    pub const MIN: f32 = 14.0;
    pub const NOTES: f32 = 12.0;
}

/// The layout a slide of this kind uses: its 1-based number and PowerPoint name.
pub fn layout_of(kind: Kind) -> (usize, &'static str) {
    match kind {
        Kind::Title => (1, "标题页"),
        Kind::Outline => (2, "目录"),
        Kind::Part => (3, "篇章页"),
        Kind::Section => (4, "节"),
        Kind::Point => (5, "要点"),
        Kind::Closing => (6, "结束页"),
    }
}

/// Whether the kind sits on the full field (no band, no page number).
pub fn is_field(kind: Kind) -> bool {
    matches!(kind, Kind::Title | Kind::Part | Kind::Closing)
}

fn root(x: &mut Xml, tag: &str, extra: &[(&str, &str)], body: impl FnOnce(&mut Xml)) {
    let mut attrs = vec![("xmlns:a", NS_A), ("xmlns:r", NS_R), ("xmlns:p", NS_P)];
    attrs.extend_from_slice(extra);
    x.el(tag, &attrs, body);
}

fn background(x: &mut Xml, colour: &str) {
    x.el("p:bg", &[], |x| {
        x.el("p:bgPr", &[], |x| {
            super::text::fill(x, colour);
            x.empty("a:effectLst", &[]);
        })
    });
}

/// The theme's background picture behind every slide that has no field of its own,
/// cropped to the slide's proportions as the HTML deck's `background-size: cover` does
/// (PowerPoint would otherwise stretch it).
fn picture_background(x: &mut Xml, bg: &Backdrop, c: Canvas) {
    let (l, t) = bg.crop(c.w / c.h);
    let (l, t) = (l.to_string(), t.to_string());
    x.el("p:bg", &[], |x| {
        x.el("p:bgPr", &[], |x| {
            x.el("a:blipFill", &[("dpi", "0"), ("rotWithShape", "1")], |x| {
                x.empty("a:blip", &[("r:embed", &bg.rel)]);
                x.empty("a:srcRect", &[("l", &l), ("t", &t), ("r", &l), ("b", &t)]);
                x.el("a:stretch", &[], |x| x.empty("a:fillRect", &[]));
            });
            x.empty("a:effectLst", &[]);
        })
    });
}

/// The theme's background picture: its proportions and its relationship on the master.
pub struct Backdrop {
    pub ratio: f32,
    pub rel: String,
}

impl Backdrop {
    /// What to crop from each side, left/right and top/bottom, in thousandths of a
    /// percent (the unit of `a:srcRect`), for the picture to cover a box of `ratio`.
    pub fn crop(&self, ratio: f32) -> (u32, u32) {
        if !(self.ratio > 0.0 && ratio > 0.0) {
            return (0, 0);
        }
        let half = |keep: f32| ((1.0 - keep) / 2.0 * 100_000.0).round() as u32;
        if self.ratio > ratio {
            (half(ratio / self.ratio), 0)
        } else {
            (0, half(self.ratio / ratio))
        }
    }
}

fn tree(x: &mut Xml, body: impl FnOnce(&mut Xml)) {
    x.el("p:spTree", &[], |x| {
        x.el("p:nvGrpSpPr", &[], |x| {
            x.empty("p:cNvPr", &[("id", "1"), ("name", "")]);
            x.empty("p:cNvGrpSpPr", &[]);
            x.empty("p:nvPr", &[]);
        });
        x.el("p:grpSpPr", &[], |x| {
            x.el("a:xfrm", &[], |x| {
                x.empty("a:off", &[("x", "0"), ("y", "0")]);
                x.empty("a:ext", &[("cx", "0"), ("cy", "0")]);
                x.empty("a:chOff", &[("x", "0"), ("y", "0")]);
                x.empty("a:chExt", &[("cx", "0"), ("cy", "0")]);
            })
        });
        body(x);
    });
}

/// The spTree opening of a slide or notes page (same shape as a master's).
pub fn shape_tree(x: &mut Xml, body: impl FnOnce(&mut Xml)) {
    tree(x, body);
}

/// A placeholder of a master or layout.
fn ph<'a>(id: u32, name: &'a str, ph: Ph, rect: Rect, style: PhStyle, frame: Frame) -> Shape<'a> {
    Shape {
        ph: Some(ph),
        rect: Some(rect),
        style: Some((style, name)),
        text: Some((frame, Vec::new())),
        ..Shape::new(id, name)
    }
}

/// The logo picture, its width for a height, and where the footer text then starts.
pub struct Logo {
    pub ratio: f32,
}

impl Logo {
    pub fn width(&self, h: f32) -> f32 {
        h * self.ratio.clamp(0.2, 6.0)
    }
}

fn footer_left(logo: Option<&Logo>) -> f32 {
    MARGIN + logo.map_or(0.0, |l| l.width(LOGO_H) + 8.0)
}

/// Body text of a placeholder: the body face, left-aligned, no bullet.
pub fn plain(look: &Look, size: f32, colour: &'static str) -> PhStyle {
    PhStyle {
        size,
        face: look.body_face,
        colour,
        bold: false,
        align: "l",
        bullet: Bullet::None,
        spacing: 0.0,
        line: 1.3,
    }
}

/// A heading: the title face, bold where the face has a bold (宋体 and 黑体 have none:
/// they are set at their own weight rather than faked).
pub fn heading(look: &Look, size: f32, colour: &'static str) -> PhStyle {
    PhStyle {
        face: look.title_face,
        bold: look.title_face.has_bold,
        ..plain(look, size, colour)
    }
}

struct Styles {
    title: PhStyle,
    body: PhStyle,
    footer: PhStyle,
    page: PhStyle,
}

fn styles(look: &Look) -> Styles {
    Styles {
        title: heading(look, size::POINT_TITLE, "tx2"),
        body: PhStyle {
            bullet: Bullet::Char(DIAMOND, "accent1"),
            line: 1.45,
            ..plain(look, size::BODY, "tx1")
        },
        footer: plain(look, FOOTER_SIZE, "accent3"),
        page: PhStyle {
            align: "r",
            ..plain(look, FOOTER_SIZE, "accent3")
        },
    }
}

/// The bullet of the HTML theme's lists.
pub const DIAMOND: char = '\u{25C6}';

/// `ppt/slideMasters/slideMaster1.xml`. Its relationships: the six layouts
/// (`rId1`–`rId6`), the theme (`rId7`), the logo (`rId8`) if there is one, then the
/// background picture if there is one (its relationship named in `backdrop`).
pub fn master_xml(
    look: &Look,
    c: Canvas,
    logo: Option<&Logo>,
    backdrop: Option<&Backdrop>,
    layout_ids: &[u32],
) -> Vec<u8> {
    let s = styles(look);
    let mut x = Xml::new();
    root(&mut x, "p:sldMaster", &[], |x| {
        x.el("p:cSld", &[], |x| {
            match backdrop {
                Some(bg) => picture_background(x, bg, c),
                None => background(x, "bg1"),
            }
            tree(x, |x| {
                if look.band_filled {
                    Shape::block(2, "色带", Rect::new(0.0, 0.0, c.w, BAND - RULE), "accent1")
                        .write(x);
                }
                Shape::block(3, "金线", Rect::new(0.0, BAND - RULE, c.w, RULE), "accent2").write(x);
                let cw = c.content_width();
                ph(
                    4,
                    "标题",
                    Ph::Title,
                    Rect::new(MARGIN, TOP, cw, 100.0),
                    s.title,
                    Frame::TOP,
                )
                .write(x);
                ph(
                    5,
                    "正文",
                    Ph::Body(1),
                    Rect::new(MARGIN, 210.0, cw, 260.0),
                    s.body,
                    Frame::TOP,
                )
                .write(x);
                footer_shapes(x, 6, c, logo, &s, true);
                if let Some(l) = logo {
                    let r = Rect::new(MARGIN, FOOTER_Y, l.width(LOGO_H), LOGO_H);
                    shapes::picture(x, 8, "标志", r, "rId8", None);
                }
            });
        });
        x.empty(
            "p:clrMap",
            &[
                ("bg1", "lt1"),
                ("tx1", "dk1"),
                ("bg2", "lt2"),
                ("tx2", "dk2"),
                ("accent1", "accent1"),
                ("accent2", "accent2"),
                ("accent3", "accent3"),
                ("accent4", "accent4"),
                ("accent5", "accent5"),
                ("accent6", "accent6"),
                ("hlink", "hlink"),
                ("folHlink", "folHlink"),
            ],
        );
        x.el("p:sldLayoutIdLst", &[], |x| {
            for (i, id) in layout_ids.iter().enumerate() {
                x.empty(
                    "p:sldLayoutId",
                    &[("id", &id.to_string()), ("r:id", &super::package::rid(i))],
                );
            }
        });
        x.el("p:txStyles", &[], |x| {
            x.el("p:titleStyle", &[], |x| {
                shapes::level_style(x, "a:lvl1pPr", &s.title, 0)
            });
            x.el("p:bodyStyle", &[], |x| {
                for lvl in 0..3u8 {
                    let tag = format!("a:lvl{}pPr", lvl + 1);
                    let st = PhStyle {
                        size: s.body.size - 2.0 * f32::from(lvl),
                        ..s.body
                    };
                    shapes::level_style(x, &tag, &st, lvl);
                }
            });
            x.el("p:otherStyle", &[], |x| {
                let st = plain(look, size::BODY, "tx1");
                shapes::level_style(x, "a:lvl1pPr", &st, 0)
            });
        });
    });
    x.finish()
}

/// Footer text and page number placeholders; centred on field slides.
fn footer_shapes(x: &mut Xml, id: u32, c: Canvas, logo: Option<&Logo>, s: &Styles, page: bool) {
    let left = footer_left(logo);
    let rect = Rect::new(left, FOOTER_Y, c.w - left - MARGIN - PAGE_W, FOOTER_H);
    ph(id, "页脚", Ph::Footer, rect, s.footer, Frame::MIDDLE).write(x);
    if page {
        let r = Rect::new(c.w - MARGIN - PAGE_W, FOOTER_Y, PAGE_W, FOOTER_H);
        ph(id + 1, "页码", Ph::SlideNumber, r, s.page, Frame::MIDDLE).write(x);
    }
}

/// Where a field slide's footer sits: centred near the bottom.
pub fn field_footer_rect(c: Canvas) -> Rect {
    Rect::new(MARGIN, c.h - 62.0, c.w - 2.0 * MARGIN, FOOTER_H)
}

/// The frame (dark fields) or the strip (light ones) of a field slide.
fn field_decoration(x: &mut Xml, look: &Look, c: Canvas) {
    if look.field_framed {
        let outer = Shape {
            rect: Some(Rect::new(22.0, 22.0, c.w - 44.0, c.h - 44.0)),
            geom: Some("rect"),
            line: Some(("accent2", 1.5)),
            ..Shape::new(2, "外框")
        };
        outer.write(x);
        let inner = Shape {
            rect: Some(Rect::new(29.0, 29.0, c.w - 58.0, c.h - 58.0)),
            geom: Some("rect"),
            line: Some(("accent2", 0.5)),
            ..Shape::new(3, "内框")
        };
        inner.write(x);
    } else {
        Shape::block(2, "色条", Rect::new(0.0, 0.0, c.w, 8.0), "accent2").write(x);
    }
}

/// `ppt/slideLayouts/slideLayoutN.xml` for a kind. Its relationships: the master
/// (`rId1`) and, on the title layout, the logo (`rId2`).
pub fn layout_xml(kind: Kind, look: &Look, c: Canvas, logo: Option<&Logo>) -> Vec<u8> {
    let s = styles(look);
    let (_, name) = layout_of(kind);
    let (field_bg, field_head, field_text) = look.field();
    let cw = c.content_width();
    let field = is_field(kind);
    let kind_attr = match kind {
        Kind::Title => "title",
        Kind::Part => "secHead",
        Kind::Closing => "titleOnly",
        _ => "obj",
    };
    let mut extra = vec![("type", kind_attr), ("preserve", "1")];
    if field {
        extra.push(("showMasterSp", "0"));
    }
    let mut x = Xml::new();
    root(&mut x, "p:sldLayout", &extra, |x| {
        x.el("p:cSld", &[("name", name)], |x| {
            if field {
                background(x, field_bg);
            }
            tree(x, |x| {
                if field {
                    field_decoration(x, look, c);
                }
                let centred = |st: PhStyle| PhStyle { align: "ctr", ..st };
                match kind {
                    Kind::Title => {
                        let kicker = PhStyle {
                            spacing: size::KICKER * 0.5,
                            ..centred(plain(look, size::KICKER, field_head))
                        };
                        ph(
                            10,
                            "眉题",
                            Ph::Body(KICKER),
                            Rect::new(MARGIN, 120.0, cw, 36.0),
                            kicker,
                            Frame::MIDDLE,
                        )
                        .write(x);
                        let title = centred(heading(look, size::DECK_TITLE, field_head));
                        ph(
                            11,
                            "标题",
                            Ph::CtrTitle,
                            Rect::new(85.0, 170.0, c.w - 170.0, 130.0),
                            title,
                            Frame::MIDDLE,
                        )
                        .write(x);
                        let sub = centred(plain(look, size::SUBTITLE, field_text));
                        ph(
                            12,
                            "副标题",
                            Ph::SubTitle,
                            Rect::new(MARGIN, 320.0, cw, 100.0),
                            sub,
                            Frame::TOP,
                        )
                        .write(x);
                        let foot = centred(plain(look, FOOTER_SIZE, field_text));
                        ph(
                            13,
                            "页脚",
                            Ph::Footer,
                            field_footer_rect(c),
                            foot,
                            Frame::MIDDLE,
                        )
                        .write(x);
                        if let Some(l) = logo {
                            let w = l.width(36.0);
                            let r = Rect::new((c.w - w) / 2.0, c.h - 110.0, w, 36.0);
                            shapes::picture(x, 14, "标志", r, "rId2", None);
                        }
                    }
                    Kind::Outline => {
                        let title = PhStyle {
                            spacing: size::OUTLINE_TITLE * 0.5,
                            ..heading(look, size::OUTLINE_TITLE, "tx2")
                        };
                        ph(
                            10,
                            "标题",
                            Ph::Title,
                            Rect::new(MARGIN, TOP, cw, 64.0),
                            title,
                            Frame::MIDDLE,
                        )
                        .write(x);
                        let items = PhStyle {
                            line: 1.6,
                            ..heading(look, size::OUTLINE_ITEM, "tx2")
                        };
                        ph(
                            11,
                            "目录",
                            Ph::Body(1),
                            Rect::new(MARGIN, 200.0, cw, 270.0),
                            items,
                            Frame::TOP,
                        )
                        .write(x);
                        footer_shapes(x, 12, c, logo, &s, true);
                    }
                    Kind::Part => {
                        // the ring is drawn by each slide (where its numeral sits):
                        // a layout's shapes show on every slide that uses it
                        let ring = Rect::new((c.w - 95.0) / 2.0, 70.0, 95.0, 95.0);
                        ph(
                            10,
                            "序号",
                            Ph::Body(BADGE),
                            ring,
                            centred(heading(look, size::ORDINAL, field_head)),
                            Frame::MIDDLE,
                        )
                        .write(x);
                        let title = centred(heading(look, size::PART_TITLE, field_head));
                        ph(
                            11,
                            "标题",
                            Ph::Title,
                            Rect::new(85.0, 190.0, c.w - 170.0, 110.0),
                            title,
                            Frame::MIDDLE,
                        )
                        .write(x);
                        let items = PhStyle {
                            bullet: Bullet::Char(DIAMOND, "accent2"),
                            ..plain(look, size::PART_ITEM, field_text)
                        };
                        ph(
                            12,
                            "要目",
                            Ph::Body(1),
                            Rect::new(130.0, 320.0, c.w - 260.0, 150.0),
                            items,
                            Frame::TOP,
                        )
                        .write(x);
                    }
                    Kind::Section | Kind::Point => {
                        let crumbs = plain(look, size::CRUMBS, look.crumbs());
                        ph(
                            10,
                            "导航",
                            Ph::Body(CRUMBS),
                            Rect::new(MARGIN, 0.0, cw, BAND - RULE),
                            crumbs,
                            Frame::MIDDLE,
                        )
                        .write(x);
                        let badge = Shape {
                            geom: Some("roundRect"),
                            fill: Some("accent1"),
                            ..ph(
                                11,
                                "序号",
                                Ph::Body(BADGE),
                                Rect::new(MARGIN, 210.0, 60.0, 34.0),
                                centred(plain(look, size::POINT_TITLE * 0.6, "bg2")),
                                Frame::MIDDLE,
                            )
                        };
                        badge.write(x);
                        let size = if kind == Kind::Point {
                            size::POINT_TITLE
                        } else {
                            size::SECTION_TITLE
                        };
                        let title = heading(look, size, "tx2");
                        ph(
                            12,
                            "标题",
                            Ph::Title,
                            Rect::new(MARGIN + 72.0, 200.0, cw - 72.0, 100.0),
                            title,
                            Frame::TOP,
                        )
                        .write(x);
                        ph(
                            13,
                            "正文",
                            Ph::Body(1),
                            Rect::new(MARGIN, 310.0, cw, 160.0),
                            s.body,
                            Frame::TOP,
                        )
                        .write(x);
                        footer_shapes(x, 14, c, logo, &s, true);
                    }
                    Kind::Closing => {
                        let title = PhStyle {
                            spacing: size::CLOSING * 0.2,
                            ..centred(heading(look, size::CLOSING, field_head))
                        };
                        ph(
                            10,
                            "结束语",
                            Ph::Title,
                            Rect::new(MARGIN, 170.0, cw, 120.0),
                            title,
                            Frame::MIDDLE,
                        )
                        .write(x);
                        let note = centred(plain(look, size::NOTE, field_text));
                        ph(
                            11,
                            "附注",
                            Ph::Body(1),
                            Rect::new(MARGIN, 320.0, cw, 120.0),
                            note,
                            Frame::TOP,
                        )
                        .write(x);
                        let foot = centred(plain(look, FOOTER_SIZE, field_text));
                        ph(
                            12,
                            "页脚",
                            Ph::Footer,
                            field_footer_rect(c),
                            foot,
                            Frame::MIDDLE,
                        )
                        .write(x);
                    }
                }
            });
        });
        x.el("p:clrMapOvr", &[], |x| x.empty("a:masterClrMapping", &[]));
    });
    x.finish()
}

/// `ppt/notesMasters/notesMaster1.xml` (its theme is `rId1`): the slide picture above,
/// the notes in the body face below, on a portrait page.
pub fn notes_master_xml(look: &Look) -> Vec<u8> {
    let notes = plain(look, size::NOTES, "tx1");
    let mut x = Xml::new();
    root(&mut x, "p:notesMaster", &[], |x| {
        x.el("p:cSld", &[], |x| {
            background(x, "bg1");
            tree(x, |x| {
                let img = Shape {
                    ph: Some(Ph::SlideImage),
                    rect: Some(Rect::new(60.0, 54.0, 420.0, 236.25)),
                    geom: Some("rect"),
                    line: Some(("tx1", 0.75)),
                    ..Shape::new(2, "幻灯片图像")
                };
                img.write(x);
                ph(
                    3,
                    "备注",
                    Ph::Notes,
                    Rect::new(54.0, 310.0, 432.0, 390.0),
                    notes,
                    Frame::TOP,
                )
                .write(x);
            });
        });
        x.empty(
            "p:clrMap",
            &[
                ("bg1", "lt1"),
                ("tx1", "dk1"),
                ("bg2", "lt2"),
                ("tx2", "dk2"),
                ("accent1", "accent1"),
                ("accent2", "accent2"),
                ("accent3", "accent3"),
                ("accent4", "accent4"),
                ("accent5", "accent5"),
                ("accent6", "accent6"),
                ("hlink", "hlink"),
                ("folHlink", "folHlink"),
            ],
        );
        x.el("p:notesStyle", &[], |x| {
            shapes::level_style(x, "a:lvl1pPr", &notes, 0)
        });
    });
    x.finish()
}

/// The notes page size (portrait A4-ish, as PowerPoint's default) in EMU.
pub const NOTES_SIZE: (i64, i64) = (6858000, 9144000);
