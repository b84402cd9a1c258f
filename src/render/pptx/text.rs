//! DrawingML text: the deck's inline runs become `a:r` runs, each `zh-CN` with its size
//! and its Latin, East Asian and complex-script faces, in paragraphs with East Asian
//! line breaking on.

use super::look::{Face, MONO};
use super::xml::Xml;
use crate::deck::Inline;

/// A piece of a paragraph.
#[derive(Debug, Clone)]
pub enum Piece {
    Text {
        text: String,
        marks: Marks,
    },
    Break,
    /// The slide number field.
    SlideNumber(String),
}

/// Inline formatting of a run.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Marks {
    pub bold: bool,
    pub italic: bool,
    pub underline: bool,
    pub strike: bool,
    /// +1 superscript, -1 subscript
    pub shift: i8,
    pub code: bool,
    /// Letters not spaced where the paragraph's are: the （续） after a spaced 目录.
    pub tight: bool,
}

/// How a paragraph is marked at its start.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Bullet {
    /// What the placeholder's style says.
    Inherit,
    None,
    /// A character in a scheme colour.
    Char(char, &'static str),
    /// Numbers from `start`, in a scheme colour, of an autonumber scheme.
    Number(u64, &'static str, &'static str),
}

/// One paragraph.
#[derive(Debug, Clone)]
pub struct Para {
    pub pieces: Vec<Piece>,
    pub size: f32,
    pub face: Face,
    pub bullet: Bullet,
    pub level: u8,
    /// `l`, `ctr`, `r` or the placeholder's own.
    pub align: Option<&'static str>,
    /// Exact line height over the size, if not the style's (exact, not a percentage
    /// of the face's own line, so heights measured here hold in every program).
    pub line: Option<f32>,
    pub space_before: f32,
    /// Letter spacing in points.
    pub spacing: f32,
    /// A scheme colour for every run, if not the placeholder's own.
    pub colour: Option<&'static str>,
    pub bold: bool,
    /// Left margin in points of a paragraph without bullet.
    pub indent: f32,
}

impl Para {
    pub fn new(pieces: Vec<Piece>, size: f32, face: Face) -> Para {
        Para {
            pieces,
            size,
            face,
            bullet: Bullet::Inherit,
            level: 0,
            align: None,
            line: None,
            space_before: 0.0,
            spacing: 0.0,
            colour: None,
            bold: false,
            indent: 0.0,
        }
    }

    /// A paragraph of plain text.
    pub fn plain(text: &str, size: f32, face: Face) -> Para {
        Para::new(pieces_of_text(text, Marks::default()), size, face)
    }

    /// The words, for measuring.
    pub fn text(&self) -> String {
        let mut s = String::new();
        for p in &self.pieces {
            match p {
                Piece::Text { text, .. } | Piece::SlideNumber(text) => s.push_str(text),
                Piece::Break => s.push('\n'),
            }
        }
        s
    }
}

/// Text with line feeds as breaks.
pub fn pieces_of_text(text: &str, marks: Marks) -> Vec<Piece> {
    let mut out = Vec::new();
    for (i, line) in text.split('\n').enumerate() {
        if i > 0 {
            out.push(Piece::Break);
        }
        if !line.is_empty() {
            out.push(Piece::Text {
                text: line.to_string(),
                marks,
            });
        }
    }
    out
}

/// Inline runs as pieces. A link keeps its words, underlined: a hyperlink would be an
/// external relationship, and the deck points at nothing outside itself. Raw HTML has
/// no words to show.
pub fn pieces(runs: &[Inline]) -> Vec<Piece> {
    let mut out = Vec::new();
    push_pieces(runs, Marks::default(), &mut out);
    out
}

fn push_pieces(runs: &[Inline], marks: Marks, out: &mut Vec<Piece>) {
    for r in runs {
        match r {
            Inline::Text(t) => out.extend(pieces_of_text(t, marks)),
            Inline::Code(t) => out.extend(pieces_of_text(
                t,
                Marks {
                    code: true,
                    ..marks
                },
            )),
            Inline::Strong(c) => push_pieces(
                c,
                Marks {
                    bold: true,
                    ..marks
                },
                out,
            ),
            Inline::Emphasis(c) => push_pieces(
                c,
                Marks {
                    italic: true,
                    ..marks
                },
                out,
            ),
            Inline::Strikethrough(c) => push_pieces(
                c,
                Marks {
                    strike: true,
                    ..marks
                },
                out,
            ),
            Inline::Superscript(c) => push_pieces(c, Marks { shift: 1, ..marks }, out),
            Inline::Subscript(c) => push_pieces(c, Marks { shift: -1, ..marks }, out),
            Inline::Link { content, .. } => push_pieces(
                content,
                Marks {
                    underline: true,
                    ..marks
                },
                out,
            ),
            Inline::Break => out.push(Piece::Break),
            Inline::Html(_) => {}
        }
    }
}

fn hundredths(pt: f32) -> String {
    ((pt * 100.0).round() as i64).to_string()
}

/// `<a:rPr>` (or `tag`): language, size, marks, colour and the three faces.
pub fn run_props(x: &mut Xml, tag: &str, size: f32, face: Face, marks: Marks, para: Option<&Para>) {
    let sz = hundredths(size);
    let spc = para.map(|p| hundredths(p.spacing)).unwrap_or_default();
    let mut attrs: Vec<(&str, &str)> = vec![("lang", "zh-CN"), ("altLang", "en-US"), ("sz", &sz)];
    if marks.bold || para.is_some_and(|p| p.bold) {
        attrs.push(("b", "1"));
    }
    if marks.italic {
        attrs.push(("i", "1"));
    }
    if marks.underline {
        attrs.push(("u", "sng"));
    }
    if marks.strike {
        attrs.push(("strike", "sngStrike"));
    }
    match marks.shift {
        1 => attrs.push(("baseline", "30000")),
        -1 => attrs.push(("baseline", "-25000")),
        _ => {}
    }
    if para.is_some_and(|p| p.spacing != 0.0) {
        // explicit 0: the layout's title style spaces its letters
        attrs.push(("spc", if marks.tight { "0" } else { &spc }));
    }
    attrs.push(("dirty", "0"));
    let face = if marks.code { MONO } else { face };
    x.el(tag, &attrs, |x| {
        if let Some(c) = para.and_then(|p| p.colour) {
            fill(x, c);
        }
        let east = if marks.code {
            para.map(|p| p.face).unwrap_or(face)
        } else {
            face
        };
        font(x, "a:latin", face);
        font(x, "a:ea", east);
        font(x, "a:cs", face);
    });
}

/// A face element with its hints.
pub fn font(x: &mut Xml, tag: &str, face: Face) {
    x.empty(
        tag,
        &[
            ("typeface", face.name),
            ("panose", face.panose),
            ("pitchFamily", face.pitch_family),
            ("charset", "-122"),
        ],
    );
}

/// `<a:solidFill>` of a scheme colour (`accent1`) or, given as hex, an RGB one.
pub fn fill(x: &mut Xml, colour: &str) {
    x.el("a:solidFill", &[], |x| colour_el(x, colour));
}

pub fn colour_el(x: &mut Xml, colour: &str) {
    if colour.len() == 6 && colour.chars().all(|c| c.is_ascii_hexdigit()) {
        x.empty("a:srgbClr", &[("val", colour)]);
    } else {
        x.empty("a:schemeClr", &[("val", colour)]);
    }
}

/// One `a:p`.
pub fn paragraph(x: &mut Xml, p: &Para) {
    x.el("a:p", &[], |x| {
        let lvl = p.level.to_string();
        let (mar, ind) = match p.bullet {
            Bullet::Char(..) | Bullet::Number(..) => {
                let step = p.size * 1.3;
                (
                    emu(step * (f32::from(p.level) + 1.0)).to_string(),
                    emu(-step).to_string(),
                )
            }
            _ if p.level > 0 || p.indent > 0.0 => (
                emu(p.size * 1.3 * f32::from(p.level) + p.indent).to_string(),
                "0".into(),
            ),
            _ => (String::new(), String::new()),
        };
        let mut attrs: Vec<(&str, &str)> = Vec::new();
        if !mar.is_empty() {
            attrs.push(("marL", &mar));
            attrs.push(("indent", &ind));
        }
        if p.level > 0 {
            attrs.push(("lvl", &lvl));
        }
        if let Some(a) = p.align {
            attrs.push(("algn", a));
        }
        attrs.extend([("eaLnBrk", "1"), ("latinLnBrk", "0"), ("hangingPunct", "1")]);
        x.el("a:pPr", &attrs, |x| {
            if let Some(l) = p.line {
                x.el("a:lnSpc", &[], |x| {
                    x.empty("a:spcPts", &[("val", &hundredths(p.size * l))])
                });
            }
            if p.space_before > 0.0 {
                x.el("a:spcBef", &[], |x| {
                    x.empty("a:spcPts", &[("val", &hundredths(p.space_before))])
                });
            }
            match p.bullet {
                Bullet::Inherit => {}
                Bullet::None => x.empty("a:buNone", &[]),
                Bullet::Char(c, colour) => {
                    x.el("a:buClr", &[], |x| colour_el(x, colour));
                    x.empty("a:buSzPct", &[("val", "70000")]);
                    x.empty(
                        "a:buFont",
                        &[
                            ("typeface", "Arial"),
                            ("panose", "020B0604020202020204"),
                            ("pitchFamily", "34"),
                            ("charset", "0"),
                        ],
                    );
                    x.empty("a:buChar", &[("char", c.encode_utf8(&mut [0; 4]))]);
                }
                Bullet::Number(start, colour, scheme) => {
                    x.el("a:buClr", &[], |x| colour_el(x, colour));
                    x.empty("a:buSzPct", &[("val", "100000")]);
                    x.empty("a:buFont", &[("typeface", "+mj-ea")]);
                    x.empty(
                        "a:buAutoNum",
                        &[("type", scheme), ("startAt", &start.to_string())],
                    );
                }
            }
        });
        for piece in &p.pieces {
            match piece {
                Piece::Text { text, marks } => x.el("a:r", &[], |x| {
                    run_props(x, "a:rPr", p.size, p.face, *marks, Some(p));
                    x.leaf("a:t", &[], text);
                }),
                Piece::Break => x.el("a:br", &[], |x| {
                    run_props(x, "a:rPr", p.size, p.face, Marks::default(), Some(p))
                }),
                Piece::SlideNumber(n) => x.el(
                    "a:fld",
                    &[
                        ("id", "{B6F15528-21DE-4FAA-801E-634DDDAF4B2B}"),
                        ("type", "slidenum"),
                    ],
                    |x| {
                        run_props(x, "a:rPr", p.size, p.face, Marks::default(), Some(p));
                        x.leaf("a:t", &[], n);
                    },
                ),
            }
        }
        run_props(x, "a:endParaRPr", p.size, p.face, Marks::default(), Some(p));
    });
}

/// Text body insets and anchoring.
#[derive(Debug, Clone, Copy)]
pub struct Frame {
    pub anchor: &'static str,
    /// left/right and top/bottom insets in points
    pub inset: (f32, f32),
}

impl Frame {
    pub const TOP: Frame = Frame {
        anchor: "t",
        inset: (0.0, 0.0),
    };
    pub const MIDDLE: Frame = Frame {
        anchor: "ctr",
        inset: (0.0, 0.0),
    };
}

/// A text body (`p:txBody`, or `a:txBody` in table cells) without autofit: the sizes
/// are the ones [`super::fit`] found.
pub fn body(x: &mut Xml, tag: &str, frame: Frame, paras: &[Para]) {
    x.el(tag, &[], |x| {
        let (l, t) = (
            emu(frame.inset.0).to_string(),
            emu(frame.inset.1).to_string(),
        );
        x.el(
            "a:bodyPr",
            &[
                ("wrap", "square"),
                ("lIns", &l),
                ("tIns", &t),
                ("rIns", &l),
                ("bIns", &t),
                ("anchor", frame.anchor),
                ("rtlCol", "0"),
            ],
            |x| x.empty("a:noAutofit", &[]),
        );
        x.empty("a:lstStyle", &[]);
        for p in paras {
            paragraph(x, p);
        }
    });
}

/// Points to EMU.
pub fn emu(pt: f32) -> i64 {
    (pt * 12700.0).round() as i64
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::pptx::look::windows_face;

    #[test]
    fn every_run_is_chinese_with_three_faces() {
        let face = windows_face(&["SimSun".to_string()]);
        let runs = vec![
            Inline::Text("创新是".into()),
            Inline::Strong(vec![Inline::Text("第一动力".into())]),
            Inline::Code("x<y".into()),
            Inline::Break,
        ];
        let mut x = Xml::default();
        paragraph(&mut x, &Para::new(pieces(&runs), 21.0, face));
        let s = String::from_utf8(x.finish()).unwrap();
        assert_eq!(s.matches("<a:r>").count(), 3, "{s}");
        assert_eq!(s.matches("lang=\"zh-CN\"").count(), 5, "{s}");
        assert!(s.contains("eaLnBrk=\"1\""));
        assert!(s.contains("sz=\"2100\" b=\"1\""), "{s}");
        assert!(s.contains("<a:t>x&lt;y</a:t>"));
        // code is Consolas for Latin, the paragraph's face for CJK
        assert!(s.contains("<a:latin typeface=\"Consolas\""));
        let order = ["<a:latin ", "<a:ea ", "<a:cs "].map(|t| s.find(t).unwrap());
        assert!(order[0] < order[1] && order[1] < order[2]);
        assert!(s.contains("<a:ea typeface=\"宋体\""));
    }
}
