//! One slide's XML and its notes page: [`layout`](super::layout) places the pieces, this
//! writes them at the largest scale at which they fit the content area, centred there,
//! with the crumbs, footer, page number and logo.

pub use super::layout::Ctx;

use super::fit;
use super::layout::{colours, table_look, Flow, Placed};
use super::look::{Face, Look};
use super::master::{self, is_field, size, MARGIN};
use super::media::{media_of, Media};
use super::package::rid;
use super::shapes::{self, Ph, Rect, Shape, CRUMBS};
use super::text::{self, pieces, Bullet, Frame, Marks, Para, Piece};
use super::xml::Xml;
use crate::deck::{Block, Kind, List, Slide};

/// A slide's XML and the pictures it embeds (relationships `rId3` on; `rId1` is the
/// layout, `rId2` the notes page).
pub struct SlidePart {
    pub xml: Vec<u8>,
    pub media: Vec<Media>,
}

/// The footer line of a slide: the theme's footer, or its organisation (the deck's if
/// it has none) and, but on the title slide, the date.
pub fn footer_text(ctx: &Ctx, kind: Kind) -> Option<String> {
    if !ctx.theme.layout.show_footer {
        return None;
    }
    if let Some(f) = ctx.theme.footer.as_deref().filter(|f| !f.trim().is_empty()) {
        return Some(f.to_string());
    }
    let org = ctx
        .theme
        .organisation
        .as_deref()
        .filter(|o| !o.trim().is_empty())
        .or(ctx.info.organisation.as_deref());
    let date = ctx
        .info
        .date
        .as_deref()
        .filter(|_| kind != Kind::Title)
        .map(|d| d.trim_matches(|c| "（）()".contains(c)));
    let parts: Vec<&str> = [org, date]
        .into_iter()
        .flatten()
        .filter(|s| !s.is_empty())
        .collect();
    (!parts.is_empty()).then(|| parts.join("\u{3000}"))
}

/// The slide's XML and media.
pub fn slide_xml(ctx: &Ctx, s: &Slide) -> SlidePart {
    let c = ctx.canvas;
    let look = ctx.look;
    let (top, bottom) = if is_field(s.kind) {
        (48.0, c.h - 78.0)
    } else {
        (master::TOP, master::BOTTOM)
    };
    let avail = bottom - top;
    // the largest scale at which everything fits, in steps of 5 %
    let mut flow = Flow::new(ctx, s.kind, 1.0);
    flow.slide(s);
    let mut scale = 1.0;
    while flow.y > avail && scale > 0.5 {
        scale -= 0.05;
        flow = Flow::new(ctx, s.kind, scale);
        flow.slide(s);
    }
    // centred in the content area; the outline reads from the top
    let offset = if s.kind == Kind::Outline {
        top + 8.0
    } else {
        top + ((avail - flow.y) / 2.0).max(0.0)
    };
    for p in &mut flow.out {
        p.rect_mut().y += offset;
    }
    let mut media = Vec::new();
    let mut image_rels: Vec<(String, Option<String>)> = Vec::new();
    for img in &flow.images {
        let (bitmap, svg) = media_of(img);
        media.push(bitmap);
        let bitmap_rel = rid(1 + media.len());
        let svg_rel = svg.map(|m| {
            media.push(m);
            rid(1 + media.len())
        });
        image_rels.push((bitmap_rel, svg_rel));
    }

    let (_, body_colour, _) = colours(s.kind, look);
    let mut x = Xml::new();
    let kind = s.kind;
    x.el(
        "p:sld",
        &[
            ("xmlns:a", master::NS_A),
            ("xmlns:r", master::NS_R),
            ("xmlns:p", master::NS_P),
        ],
        |x| {
            x.el("p:cSld", &[], |x| {
                master::shape_tree(x, |x| {
                    let mut id = 2;
                    let mut next = || {
                        id += 1;
                        id - 1
                    };
                    if !s.crumbs.is_empty() && ctx.theme.layout.show_breadcrumb && !is_field(kind) {
                        let crumbs = s.crumbs.join(" › ");
                        // whole, on up to two lines of the band (smaller only past that)
                        let w = c.content_width();
                        let mut sz = size::CRUMBS;
                        while sz > 10.0
                            && fit::lines(&crumbs, sz, w - crumbs.chars().count() as f32 * 0.6) > 2
                        {
                            sz -= 0.5;
                        }
                        let mut p = Para::plain(&crumbs, sz, look.body_face);
                        p.bullet = Bullet::None;
                        p.colour = Some(look.crumbs());
                        p.spacing = 0.6;
                        p.line = Some(1.2);
                        let r =
                            Rect::new(MARGIN, 0.0, c.content_width(), master::BAND - master::RULE);
                        let shape = Shape {
                            ph: Some(Ph::Body(CRUMBS)),
                            rect: Some(r),
                            text: Some((Frame::MIDDLE, vec![p])),
                            ..Shape::new(next(), "导航")
                        };
                        shape.write(x);
                    }
                    for placed in &flow.out {
                        match placed {
                            Placed::Text {
                                ph,
                                name,
                                rect,
                                frame,
                                paras,
                                geom,
                                fill,
                                line,
                            } => Shape {
                                ph: *ph,
                                rect: Some(*rect),
                                geom: *geom,
                                fill: *fill,
                                line: *line,
                                text: Some((*frame, paras.clone())),
                                ..Shape::new(next(), name)
                            }
                            .write(x),
                            Placed::Block { rect, colour } => {
                                Shape::block(next(), "装饰线", *rect, colour).write(x)
                            }
                            Placed::Ring { rect } => Shape {
                                rect: Some(*rect),
                                geom: Some("ellipse"),
                                line: Some(("accent2", 2.0)),
                                ..Shape::new(next(), "圆环")
                            }
                            .write(x),
                            Placed::Picture { rect, alt, image } => {
                                let (bitmap, svg) = &image_rels[*image];
                                shapes::picture(x, next(), alt, *rect, bitmap, svg.as_deref());
                            }
                            Placed::Table { rect, widths, rows } => shapes::table(
                                x,
                                next(),
                                *rect,
                                widths,
                                rows,
                                table_look(kind, look),
                            ),
                        }
                    }
                    footer(x, ctx, s, &mut next, body_colour);
                });
            });
            x.el("p:clrMapOvr", &[], |x| x.empty("a:masterClrMapping", &[]));
        },
    );
    SlidePart {
        xml: x.finish(),
        media,
    }
}

fn footer(
    x: &mut Xml,
    ctx: &Ctx,
    s: &Slide,
    next: &mut dyn FnMut() -> u32,
    field_colour: &'static str,
) {
    let c = ctx.canvas;
    let look = ctx.look;
    let field = is_field(s.kind);
    if s.kind == Kind::Part {
        return;
    }
    if let Some(t) = footer_text(ctx, s.kind) {
        let mut p = Para::plain(&t, master::FOOTER_SIZE, look.body_face);
        p.bullet = Bullet::None;
        p.line = Some(1.2);
        let rect = if field {
            p.align = Some("ctr");
            p.colour = Some(field_colour);
            master::field_footer_rect(c)
        } else {
            p.colour = Some("accent3");
            let left = MARGIN + ctx.logo.map_or(0.0, |l| l.width(master::LOGO_H) + 8.0);
            Rect::new(
                left,
                master::FOOTER_Y,
                c.w - left - MARGIN - master::PAGE_W,
                master::FOOTER_H,
            )
        };
        let fit_size = fit::largest(
            &fit::Measure {
                paragraphs: &[(t.clone(), 0.0)],
                line: 1.2,
                gap: 0.0,
            },
            master::FOOTER_SIZE,
            10.0,
            rect.w,
            master::FOOTER_H,
        );
        p.size = fit_size;
        Shape {
            ph: Some(Ph::Footer),
            rect: Some(rect),
            text: Some((Frame::MIDDLE, vec![p])),
            ..Shape::new(next(), "页脚")
        }
        .write(x);
    }
    if !field && ctx.theme.layout.show_page_number {
        let mut p = Para::new(
            vec![
                Piece::SlideNumber(s.number.to_string()),
                Piece::Text {
                    text: format!(" / {}", ctx.total),
                    marks: Marks::default(),
                },
            ],
            master::FOOTER_SIZE,
            look.body_face,
        );
        p.align = Some("r");
        p.bullet = Bullet::None;
        p.colour = Some("accent3");
        p.line = Some(1.2);
        Shape {
            ph: Some(Ph::SlideNumber),
            rect: Some(Rect::new(
                c.w - MARGIN - master::PAGE_W,
                master::FOOTER_Y,
                master::PAGE_W,
                master::FOOTER_H,
            )),
            text: Some((Frame::MIDDLE, vec![p])),
            ..Shape::new(next(), "页码")
        }
        .write(x);
    }
}

/// The notes page: the slide's picture and its notes, one paragraph a block (a list
/// item, a table row, a picture's description each a paragraph of their own).
pub fn notes_xml(look: &Look, s: &Slide) -> Vec<u8> {
    let mut paras = Vec::new();
    for b in &s.notes {
        notes_paras(b, look.body_face, &mut paras);
    }
    if paras.is_empty() {
        paras.push(Para::plain("", size::NOTES, look.body_face));
    }
    let mut x = Xml::new();
    x.el(
        "p:notes",
        &[
            ("xmlns:a", master::NS_A),
            ("xmlns:r", master::NS_R),
            ("xmlns:p", master::NS_P),
        ],
        |x| {
            x.el("p:cSld", &[], |x| {
                master::shape_tree(x, |x| {
                    Shape {
                        ph: Some(Ph::SlideImage),
                        ..Shape::new(2, "幻灯片图像")
                    }
                    .write(x);
                    Shape {
                        ph: Some(Ph::Notes),
                        text: Some((Frame::TOP, paras)),
                        ..Shape::new(3, "备注")
                    }
                    .write(x);
                });
            });
            x.el("p:clrMapOvr", &[], |x| x.empty("a:masterClrMapping", &[]));
        },
    );
    x.finish()
}

fn notes_paras(b: &Block, face: Face, out: &mut Vec<Para>) {
    let para = |pieces: Vec<Piece>| {
        let mut p = Para::new(pieces, size::NOTES, face);
        p.bullet = Bullet::None;
        p
    };
    match b {
        Block::Paragraph { runs } => out.push(para(pieces(runs))),
        Block::List(l) => list_notes(l, face, out),
        Block::Table(t) => {
            for row in std::iter::once(&t.head)
                .chain(&t.rows)
                .filter(|r| !r.is_empty())
            {
                let cells: Vec<String> = row.iter().map(|c| crate::deck::plain(c)).collect();
                out.push(para(text::pieces_of_text(
                    &cells.join("\t"),
                    Marks::default(),
                )));
            }
        }
        Block::Quote { blocks } => blocks.iter().for_each(|b| notes_paras(b, face, out)),
        Block::Html { text, .. } => out.push(para(text::pieces_of_text(text, Marks::default()))),
        Block::Code { text: code } => out.push(para(text::pieces_of_text(
            code.trim_end_matches('\n'),
            Marks {
                code: true,
                ..Marks::default()
            },
        ))),
        Block::Image(img) if !img.alt.is_empty() => {
            out.push(para(text::pieces_of_text(&img.alt, Marks::default())))
        }
        Block::Image(_) => {}
    }
}

fn list_notes(l: &List, face: Face, out: &mut Vec<Para>) {
    for item in &l.items {
        let mut p = Para::new(pieces(&item.runs), size::NOTES, face);
        p.bullet = Bullet::None;
        out.push(p);
        if let Some(sub) = &item.sublist {
            list_notes(sub, face, out);
        }
    }
}
