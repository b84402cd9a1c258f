//! PresentationML shapes: placeholders, text boxes, decorations, pictures and tables,
//! each written with its children in schema order (`nvSpPr`, `spPr`, `txBody`; in
//! `spPr`: `xfrm`, geometry, fill, line).

use super::look::Face;
use super::text::{self, body, colour_el, emu, fill, Bullet, Frame, Para};
use super::xml::Xml;

/// A box on the slide, in points from the top left.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Rect {
    pub x: f32,
    pub y: f32,
    pub w: f32,
    pub h: f32,
}

impl Rect {
    pub fn new(x: f32, y: f32, w: f32, h: f32) -> Rect {
        Rect { x, y, w, h }
    }
}

/// A placeholder: its type and index, as the layout and the slide both name it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ph {
    Title,
    CtrTitle,
    SubTitle,
    /// A body placeholder with its index: 1 the main text, 10 and up lectern's slots.
    Body(u32),
    Footer,
    SlideNumber,
    SlideImage,
    Notes,
}

/// Indexes of lectern's own body placeholders.
pub const CRUMBS: u32 = 10;
pub const BADGE: u32 = 11;
pub const KICKER: u32 = 12;

impl Ph {
    fn attrs(self) -> (&'static str, Option<u32>) {
        match self {
            Ph::Title => ("title", None),
            Ph::CtrTitle => ("ctrTitle", None),
            Ph::SubTitle => ("subTitle", Some(1)),
            Ph::Body(i) => ("body", Some(i)),
            Ph::Footer => ("ftr", Some(20)),
            Ph::SlideNumber => ("sldNum", Some(21)),
            Ph::SlideImage => ("sldImg", None),
            Ph::Notes => ("body", Some(1)),
        }
    }
}

/// How a layout's placeholder styles its text: what a slide's text inherits unless a
/// run says otherwise (lectern's runs set only size and faces, so colours, alignment
/// and bullets follow the layout — and the master when a user restyles it).
#[derive(Debug, Clone, Copy)]
pub struct PhStyle {
    pub size: f32,
    pub face: Face,
    pub colour: &'static str,
    pub bold: bool,
    pub align: &'static str,
    pub bullet: Bullet,
    pub spacing: f32,
    /// Exact line height over the size.
    pub line: f32,
}

/// One `p:sp`.
pub struct Shape<'a> {
    pub id: u32,
    pub name: &'a str,
    pub ph: Option<Ph>,
    pub rect: Option<Rect>,
    pub geom: Option<&'static str>,
    pub fill: Option<&'a str>,
    /// Outline colour and width in points.
    pub line: Option<(&'a str, f32)>,
    pub text: Option<(Frame, Vec<Para>)>,
    /// For layout placeholders: the style and the prompt text.
    pub style: Option<(PhStyle, &'a str)>,
}

impl<'a> Shape<'a> {
    pub fn new(id: u32, name: &'a str) -> Shape<'a> {
        Shape {
            id,
            name,
            ph: None,
            rect: None,
            geom: None,
            fill: None,
            line: None,
            text: None,
            style: None,
        }
    }

    /// A filled rectangle (a band, a rule).
    pub fn block(id: u32, name: &'a str, rect: Rect, colour: &'a str) -> Shape<'a> {
        Shape {
            rect: Some(rect),
            geom: Some("rect"),
            fill: Some(colour),
            ..Shape::new(id, name)
        }
    }

    pub fn write(&self, x: &mut Xml) {
        x.el("p:sp", &[], |x| {
            x.el("p:nvSpPr", &[], |x| {
                let id = self.id.to_string();
                x.empty("p:cNvPr", &[("id", &id), ("name", self.name)]);
                if self.ph.is_some() {
                    x.el("p:cNvSpPr", &[], |x| {
                        x.empty("a:spLocks", &[("noGrp", "1")])
                    });
                } else if self.text.is_some() {
                    x.empty("p:cNvSpPr", &[("txBox", "1")]);
                } else {
                    x.empty("p:cNvSpPr", &[]);
                }
                x.el("p:nvPr", &[], |x| {
                    if let Some(ph) = self.ph {
                        let (kind, idx) = ph.attrs();
                        let idx = idx.map(|i| i.to_string());
                        let mut attrs = vec![("type", kind)];
                        if let Some(i) = &idx {
                            attrs.push(("idx", i));
                        }
                        x.empty("p:ph", &attrs);
                    }
                });
            });
            x.el("p:spPr", &[], |x| {
                if let Some(r) = self.rect {
                    xfrm(x, "a:xfrm", r);
                }
                if let Some(g) = self.geom {
                    x.el("a:prstGeom", &[("prst", g)], |x| x.empty("a:avLst", &[]));
                }
                match self.fill {
                    Some(c) => fill(x, c),
                    None if self.ph.is_none() => x.empty("a:noFill", &[]),
                    None => {}
                }
                match self.line {
                    Some((c, w)) => x.el("a:ln", &[("w", &emu(w).to_string())], |x| fill(x, c)),
                    None if self.ph.is_none() => x.el("a:ln", &[], |x| x.empty("a:noFill", &[])),
                    None => {}
                }
            });
            if let Some((style, prompt)) = &self.style {
                layout_text(x, style, prompt, self.text.as_ref().map(|t| t.0));
            } else if let Some((frame, paras)) = &self.text {
                body(x, "p:txBody", *frame, paras);
            }
        });
    }
}

pub fn xfrm(x: &mut Xml, tag: &str, r: Rect) {
    x.el(tag, &[], |x| {
        x.empty(
            "a:off",
            &[("x", &emu(r.x).to_string()), ("y", &emu(r.y).to_string())],
        );
        x.empty(
            "a:ext",
            &[
                ("cx", &emu(r.w.max(1.0)).to_string()),
                ("cy", &emu(r.h.max(1.0)).to_string()),
            ],
        );
    });
}

/// A layout placeholder's body: its style as `lvl1pPr` and the prompt PowerPoint shows
/// in an empty placeholder.
fn layout_text(x: &mut Xml, s: &PhStyle, prompt: &str, frame: Option<Frame>) {
    x.el("p:txBody", &[], |x| {
        let frame = frame.unwrap_or(Frame::TOP);
        x.el(
            "a:bodyPr",
            &[
                ("wrap", "square"),
                ("lIns", &emu(frame.inset.0).to_string()),
                ("tIns", &emu(frame.inset.1).to_string()),
                ("rIns", &emu(frame.inset.0).to_string()),
                ("bIns", &emu(frame.inset.1).to_string()),
                ("anchor", frame.anchor),
                ("rtlCol", "0"),
            ],
            |x| x.empty("a:noAutofit", &[]),
        );
        x.el("a:lstStyle", &[], |x| level_style(x, "a:lvl1pPr", s, 0));
        let mut p = Para::plain(prompt, s.size, s.face);
        p.bullet = Bullet::Inherit;
        text::paragraph(x, &p);
    });
}

/// One level of a text style (`a:lvl1pPr` …): alignment, line height, bullet, and the
/// default run properties.
pub fn level_style(x: &mut Xml, tag: &str, s: &PhStyle, level: u8) {
    let indent = s.size * 1.3;
    let (mar, ind) = match s.bullet {
        Bullet::Char(..) | Bullet::Number(..) => (indent * (f32::from(level) + 1.0), -indent),
        _ => (indent * f32::from(level), 0.0),
    };
    x.el(
        tag,
        &[
            ("marL", &emu(mar).to_string()),
            ("indent", &emu(ind).to_string()),
            ("algn", s.align),
            ("eaLnBrk", "1"),
            ("latinLnBrk", "0"),
            ("hangingPunct", "1"),
        ],
        |x| {
            x.el("a:lnSpc", &[], |x| {
                let pts = ((s.size * s.line * 100.0).round() as i64).to_string();
                x.empty("a:spcPts", &[("val", &pts)])
            });
            x.el("a:spcBef", &[], |x| x.empty("a:spcPts", &[("val", "0")]));
            match s.bullet {
                Bullet::Char(c, colour) => {
                    x.el("a:buClr", &[], |x| colour_el(x, colour));
                    x.empty("a:buSzPct", &[("val", "70000")]);
                    x.empty(
                        "a:buFont",
                        &[
                            ("typeface", "Arial"),
                            ("pitchFamily", "34"),
                            ("charset", "0"),
                        ],
                    );
                    x.empty("a:buChar", &[("char", c.encode_utf8(&mut [0; 4]))]);
                }
                Bullet::Number(_, colour, scheme) => {
                    x.el("a:buClr", &[], |x| colour_el(x, colour));
                    x.empty("a:buAutoNum", &[("type", scheme)]);
                }
                _ => x.empty("a:buNone", &[]),
            }
            let sz = ((s.size * 100.0).round() as i64).to_string();
            let spc = ((s.spacing * 100.0).round() as i64).to_string();
            let mut attrs = vec![("lang", "zh-CN"), ("sz", sz.as_str())];
            attrs.push(("b", if s.bold { "1" } else { "0" }));
            if s.spacing != 0.0 {
                attrs.push(("spc", &spc));
            }
            x.el("a:defRPr", &attrs, |x| {
                fill(x, s.colour);
                text::font(x, "a:latin", s.face);
                text::font(x, "a:ea", s.face);
                text::font(x, "a:cs", s.face);
            });
        },
    );
}

/// A picture: `embed` is the relationship of its bitmap, `svg` that of the SVG it
/// stands in for (shown by PowerPoint 2016 and later, the bitmap elsewhere).
pub fn picture(x: &mut Xml, id: u32, alt: &str, rect: Rect, embed: &str, svg: Option<&str>) {
    x.el("p:pic", &[], |x| {
        x.el("p:nvPicPr", &[], |x| {
            let name = format!("图片 {id}");
            x.empty(
                "p:cNvPr",
                &[("id", &id.to_string()), ("name", &name), ("descr", alt)],
            );
            x.el("p:cNvPicPr", &[], |x| {
                x.empty("a:picLocks", &[("noChangeAspect", "1")])
            });
            x.empty("p:nvPr", &[]);
        });
        x.el("p:blipFill", &[], |x| {
            match svg {
                Some(svg) => x.el("a:blip", &[("r:embed", embed)], |x| {
                    x.el("a:extLst", &[], |x| {
                        x.el(
                            "a:ext",
                            &[("uri", "{96DAC541-7B7A-43D3-8B79-37D633B846F1}")],
                            |x| {
                                x.empty(
                                    "asvg:svgBlip",
                                    &[
                                        (
                                            "xmlns:asvg",
                                            "http://schemas.microsoft.com/office/drawing/2016/SVG/main",
                                        ),
                                        ("r:embed", svg),
                                    ],
                                )
                            },
                        )
                    })
                }),
                None => x.empty("a:blip", &[("r:embed", embed)]),
            }
            x.el("a:stretch", &[], |x| x.empty("a:fillRect", &[]));
        });
        x.el("p:spPr", &[], |x| {
            xfrm(x, "a:xfrm", rect);
            x.el("a:prstGeom", &[("prst", "rect")], |x| x.empty("a:avLst", &[]));
        });
    });
}

/// A table cell's text and whether it is in the header row.
pub struct Cell {
    pub paras: Vec<Para>,
    pub head: bool,
}

/// Scheme colours of a table: header fill, header text, body text, rules.
#[derive(Clone, Copy)]
pub struct TableLook {
    pub head_fill: &'static str,
    pub head_text: &'static str,
    pub text: &'static str,
    pub rule: &'static str,
}

/// A table as a graphic frame: header cells on the primary colour, rows ruled.
pub fn table(
    x: &mut Xml,
    id: u32,
    rect: Rect,
    widths: &[f32],
    rows: &[(f32, Vec<Cell>)],
    look: TableLook,
) {
    x.el("p:graphicFrame", &[], |x| {
        x.el("p:nvGraphicFramePr", &[], |x| {
            let name = format!("表格 {id}");
            x.empty("p:cNvPr", &[("id", &id.to_string()), ("name", &name)]);
            x.el("p:cNvGraphicFramePr", &[], |x| {
                x.empty("a:graphicFrameLocks", &[("noGrp", "1")])
            });
            x.empty("p:nvPr", &[]);
        });
        xfrm(x, "p:xfrm", rect);
        x.el("a:graphic", &[], |x| {
            x.el(
                "a:graphicData",
                &[(
                    "uri",
                    "http://schemas.openxmlformats.org/drawingml/2006/table",
                )],
                |x| {
                    let head = rows.first().is_some_and(|r| r.1.iter().any(|c| c.head));
                    let first_row = if head { "1" } else { "0" };
                    x.el("a:tbl", &[], |x| {
                        x.empty("a:tblPr", &[("firstRow", first_row), ("bandRow", "0")]);
                        x.el("a:tblGrid", &[], |x| {
                            for w in widths {
                                x.empty("a:gridCol", &[("w", &emu(*w).to_string())]);
                            }
                        });
                        for (h, cells) in rows {
                            x.el("a:tr", &[("h", &emu(*h).to_string())], |x| {
                                for c in cells {
                                    cell(x, c, look);
                                }
                            });
                        }
                    });
                },
            );
        });
    });
}

fn cell(x: &mut Xml, c: &Cell, look: TableLook) {
    x.el("a:tc", &[], |x| {
        body(x, "a:txBody", Frame::TOP, &c.paras);
        let m = emu(6.0).to_string();
        x.el(
            "a:tcPr",
            &[
                ("marL", &m),
                ("marR", &m),
                ("marT", &emu(3.0).to_string()),
                ("marB", &emu(3.0).to_string()),
                ("anchor", "ctr"),
            ],
            |x| {
                for side in ["a:lnL", "a:lnR"] {
                    x.el(side, &[("w", "0")], |x| x.empty("a:noFill", &[]));
                }
                for side in ["a:lnT", "a:lnB"] {
                    x.el(side, &[("w", &emu(0.75).to_string())], |x| {
                        fill(x, look.rule)
                    });
                }
                if c.head {
                    fill(x, look.head_fill);
                } else {
                    x.empty("a:noFill", &[]);
                }
            },
        );
    });
}

/// A paragraph in a table cell.
pub fn cell_para(
    pieces: Vec<text::Piece>,
    size: f32,
    face: Face,
    head: bool,
    look: TableLook,
) -> Para {
    let mut p = Para::new(pieces, size, face);
    p.bullet = Bullet::None;
    p.colour = Some(if head { look.head_text } else { look.text });
    p.bold = head;
    p
}
