//! Laying out one slide: its pieces (badge, title, items, chips, content blocks) are
//! placed top to bottom at one scale, every placeholder with its computed position and
//! every run with its computed size. [`super::slides`] picks the scale and writes the XML.

mod blocks;
mod figures;

use super::fit;
use super::look::{Face, Look};
use super::master::{self, is_field, size, Canvas, Logo, DIAMOND, MARGIN};
use super::shapes::{self, Cell, Ph, Rect, BADGE, KICKER};
use super::text::{self, pieces, Bullet, Frame, Marks, Para};
use crate::deck::{Block, DeckInfo, Image, Kind, Slide};
use crate::theme::Theme;

/// The mark of a key sentence (the HTML deck's accent bar).
const BAR: char = '\u{258C}';

/// What every slide needs to know besides itself.
pub struct Ctx<'a> {
    pub look: &'a Look,
    pub canvas: Canvas,
    pub theme: &'a Theme,
    pub info: &'a DeckInfo,
    pub total: usize,
    pub logo: Option<&'a Logo>,
}

/// Something placed on the slide.
pub(super) enum Placed {
    Text {
        ph: Option<Ph>,
        name: &'static str,
        rect: Rect,
        frame: Frame,
        paras: Vec<Para>,
        geom: Option<&'static str>,
        fill: Option<&'static str>,
        line: Option<(&'static str, f32)>,
    },
    Block {
        rect: Rect,
        colour: &'static str,
    },
    Ring {
        rect: Rect,
    },
    Picture {
        rect: Rect,
        alt: String,
        image: usize,
    },
    Table {
        rect: Rect,
        widths: Vec<f32>,
        rows: Vec<(f32, Vec<Cell>)>,
    },
}

impl Placed {
    pub(super) fn rect_mut(&mut self) -> &mut Rect {
        match self {
            Placed::Text { rect, .. }
            | Placed::Block { rect, .. }
            | Placed::Ring { rect }
            | Placed::Picture { rect, .. }
            | Placed::Table { rect, .. } => rect,
        }
    }
}

fn text(ph: Option<Ph>, name: &'static str, rect: Rect, paras: Vec<Para>) -> Placed {
    Placed::Text {
        ph,
        name,
        rect,
        frame: Frame::TOP,
        paras,
        geom: None,
        fill: None,
        line: None,
    }
}

/// Left indent of a paragraph's text in points (its bullet's room, its level).
fn indent(p: &Para) -> f32 {
    match p.bullet {
        Bullet::Char(..) | Bullet::Number(..) => p.size * 1.3 * (f32::from(p.level) + 1.0),
        _ => p.size * 1.3 * f32::from(p.level) + p.indent,
    }
}

/// Plain paragraphs with their line breaks placed between words for a box `w` wide
/// (see [`super::wrap`]).
pub(super) fn broken(mut paras: Vec<Para>, w: f32) -> Vec<Para> {
    for p in &mut paras {
        let ems = (w - indent(p)).max(p.size) / p.size;
        if let Some(pieces) = super::wrap::place_breaks(&p.pieces, ems, p.spacing / p.size) {
            p.pieces = pieces;
        }
    }
    paras
}

/// Height of paragraphs set with their exact line heights in a box `w` wide.
fn height(paras: &[Para], w: f32) -> f32 {
    paras
        .iter()
        .map(|p| {
            let indent = indent(p);
            let n = fit::lines(&p.text(), p.size, (w - indent).max(p.size));
            n as f32 * p.size * p.line.unwrap_or(1.3) + p.space_before
        })
        .sum()
}

/// The colours of a kind's text: (headings, body text, chips and bullets).
pub(super) fn colours(kind: Kind, look: &Look) -> (&'static str, &'static str, &'static str) {
    if is_field(kind) {
        let (_, head, body) = look.field();
        (head, body, "accent2")
    } else {
        ("tx2", "tx1", "accent1")
    }
}

/// A table's colours: on a field slide the header takes the accent.
pub(super) fn table_look(kind: Kind, look: &Look) -> shapes::TableLook {
    if is_field(kind) {
        let (fill, _, body) = look.field();
        shapes::TableLook {
            head_fill: "accent2",
            head_text: fill,
            text: body,
            rule: "accent2",
        }
    } else {
        shapes::TableLook {
            head_fill: "accent1",
            head_text: "bg2",
            text: "tx1",
            rule: "accent3",
        }
    }
}

/// 一 … 九十九, for the outline's badges.
fn chinese_number(n: usize) -> String {
    const DIGITS: [&str; 10] = ["〇", "一", "二", "三", "四", "五", "六", "七", "八", "九"];
    match n {
        0..=9 => DIGITS[n].to_string(),
        10..=19 => format!("十{}", if n > 10 { DIGITS[n - 10] } else { "" }),
        20..=99 => format!(
            "{}十{}",
            DIGITS[n / 10],
            if n % 10 > 0 { DIGITS[n % 10] } else { "" }
        ),
        _ => n.to_string(),
    }
}

/// Lays a slide's pieces out from y = 0 at one scale.
pub(super) struct Flow<'a> {
    ctx: &'a Ctx<'a>,
    kind: Kind,
    scale: f32,
    x: f32,
    w: f32,
    pub(super) y: f32,
    pub(super) out: Vec<Placed>,
    pub(super) images: Vec<&'a Image>,
    body_used: bool,
}

impl<'a> Flow<'a> {
    fn size(&self, base: f32) -> f32 {
        (base * self.scale).max(size::MIN)
    }

    fn gap(&mut self, g: f32) {
        if !self.out.is_empty() {
            self.y += g * self.scale;
        }
    }

    fn face(&self) -> Face {
        self.ctx.look.body_face
    }

    /// The body placeholder for the first text, text boxes after it.
    fn next_body(&mut self) -> Option<Ph> {
        if self.body_used {
            None
        } else {
            self.body_used = true;
            Some(Ph::Body(1))
        }
    }

    fn push_text(&mut self, ph: Option<Ph>, name: &'static str, x: f32, w: f32, paras: Vec<Para>) {
        let paras = broken(paras, w);
        let h = height(&paras, w);
        self.out
            .push(text(ph, name, Rect::new(x, self.y, w, h), paras));
        self.y += h;
    }

    /// Listed lines (outline entries, a part's sections, a section's points).
    fn items(&mut self, items: &[String], before: usize) {
        if items.is_empty() {
            return;
        }
        let (head, body, mark) = colours(self.kind, self.ctx.look);
        let (base, face, bullet, colour, line) = match self.kind {
            Kind::Outline => (
                size::OUTLINE_ITEM,
                self.ctx.look.title_face,
                Bullet::None,
                head,
                1.6,
            ),
            Kind::Part => (
                size::PART_ITEM,
                self.face(),
                Bullet::Char(DIAMOND, mark),
                body,
                1.5,
            ),
            _ => (
                size::BODY,
                self.face(),
                Bullet::Char(DIAMOND, mark),
                body,
                1.45,
            ),
        };
        let size = self.size(base);
        let mut paras = items
            .iter()
            .map(|t| {
                let mut p = Para::plain(t, size, face);
                p.bullet = bullet;
                p.colour = Some(colour);
                p.line = Some(line);
                p.align = Some("l");
                p
            })
            .collect::<Vec<_>>();
        if self.kind == Kind::Part && paras.len() > 4 {
            // two columns read down, as the HTML deck: a column of five to ten shrank
            // the whole slide
            self.gap(24.0);
            let gap = size * 1.5;
            let w = (self.w - gap) / 2.0;
            let right = paras.split_off(paras.len().div_ceil(2));
            let (top, x) = (self.y, self.x);
            let ph = self.next_body();
            self.push_text(ph, "要目", x, w, paras);
            let bottom = std::mem::replace(&mut self.y, top);
            self.push_text(None, "要目", x + w + gap, w, right);
            self.y = self.y.max(bottom);
            return;
        }
        let (x, w) = if self.kind == Kind::Part {
            // a centred column as wide as the longest line needs, with its bullet's
            // room and an em to spare (a program's face is not quite ours)
            let widest = items
                .iter()
                .map(|t| fit::em_width(t) * size)
                .fold(0.0, f32::max)
                + size * 2.6;
            let w = widest.min(self.w).max(self.w.min(200.0));
            (self.x + (self.w - w) / 2.0, w)
        } else {
            (self.x, self.w)
        };
        self.gap(24.0);
        if self.kind == Kind::Outline {
            return self.outline(paras, before, x, w);
        }
        let ph = self.next_body();
        self.push_text(ph, "要目", x, w, paras);
    }

    /// Outline entries, each after a badge with its numeral (第一 第二, as the HTML
    /// deck counts them): numbering schemes are drawn differently by each program.
    fn outline(&mut self, mut paras: Vec<Para>, before: usize, x: f32, w: f32) {
        let size = paras.first().map_or(size::OUTLINE_ITEM, |p| p.size);
        // as wide as the longest numeral needs: 十五 on one line, not two
        let digits = (before + 1..=before + paras.len())
            .map(|n| chinese_number(n).chars().count() + 1)
            .max()
            .unwrap_or(2) as f32;
        let (bs, bw) = (size * 0.72, (size * 1.5).max(size * 0.72 * (digits + 0.9)));
        let mut y = self.y;
        for (i, p) in paras.iter_mut().enumerate() {
            p.indent = bw + size * 0.6;
            let lh = size * p.line.unwrap_or(1.6);
            // 第一, as the HTML deck: a lone 一 in a box reads as a minus sign
            let mut n = Para::plain(
                &format!("第{}", chinese_number(before + i + 1)),
                bs,
                self.face(),
            );
            n.align = Some("ctr");
            n.bullet = Bullet::None;
            n.colour = Some("bg2");
            n.line = Some(1.2);
            n.bold = true;
            self.out.push(Placed::Text {
                ph: None,
                name: "序号",
                rect: Rect::new(x, y + (lh - bs * 1.5) / 2.0, bw, bs * 1.5),
                frame: Frame::MIDDLE,
                paras: vec![n],
                geom: Some("roundRect"),
                fill: Some("accent1"),
                line: None,
            });
            y += height(std::slice::from_ref(p), w);
        }
        let ph = self.next_body();
        self.push_text(ph, "目录", x, w, paras);
    }

    /// Key sentences: lines marked with an accent bar.
    fn keys(&mut self, keys: &[String]) {
        if keys.is_empty() {
            return;
        }
        let (_, body, _) = colours(self.kind, self.ctx.look);
        let size = self.size(if self.kind == Kind::Part {
            19.0
        } else {
            size::BODY
        });
        let paras: Vec<Para> = keys
            .iter()
            .map(|k| {
                // a line of its own each side of an elision, as in the HTML deck
                let k = crate::plan::keys::shown_lines(k).join("\n");
                let mut p = Para::plain(&k, size, self.face());
                p.bullet = Bullet::Char(BAR, "accent2");
                p.colour = Some(body);
                p.line = Some(1.45);
                p.align = Some("l");
                p.space_before = size * 0.3;
                p
            })
            .collect();
        let (x, w) = if self.kind == Kind::Part {
            // centred as the HTML's: as wide as its longest line needs, at most 700
            let widest = (keys.iter())
                .map(|k| fit::em_width(k) * size)
                .fold(0.0, f32::max)
                + size * 2.6;
            let w = widest.min(self.w.min(700.0));
            (self.x + (self.w - w) / 2.0, w)
        } else {
            (self.x, self.w)
        };
        self.gap(26.0);
        let ph = self.next_body();
        self.push_text(ph, "要点句", x, w, paras);
    }

    /// Keyword chips: outlined pills, as many a row as fit.
    fn chips(&mut self, chips: &[String]) {
        if chips.is_empty() {
            return;
        }
        self.gap(28.0);
        let (_, _, colour) = colours(self.kind, self.ctx.look);
        let size = self.size(size::CHIP);
        let (pad, h, gap) = (size * 0.95, size * 1.4 + 6.0, 12.0);
        let widths: Vec<f32> = chips
            .iter()
            .map(|c| (fit::em_width(c) * size + 2.0 * pad + 2.0).min(self.w))
            .collect();
        // rows of chips, each row centred on field slides
        let mut rows: Vec<Vec<usize>> = vec![Vec::new()];
        let mut used = 0.0;
        for (i, w) in widths.iter().enumerate() {
            let last = rows.last_mut().expect("one row");
            if !last.is_empty() && used + gap + w > self.w {
                rows.push(vec![i]);
                used = *w;
            } else {
                used += if last.is_empty() { *w } else { gap + w };
                last.push(i);
            }
        }
        for (r, row) in rows.iter().enumerate() {
            if r > 0 {
                self.y += gap;
            }
            let row_w: f32 =
                row.iter().map(|i| widths[*i]).sum::<f32>() + gap * (row.len() as f32 - 1.0);
            let mut x = if is_field(self.kind) {
                self.x + (self.w - row_w) / 2.0
            } else {
                self.x
            };
            for i in row {
                let mut p = Para::plain(&chips[*i], size, self.face());
                p.align = Some("ctr");
                p.colour = Some(colour);
                p.bullet = Bullet::None;
                p.line = Some(1.2);
                self.out.push(Placed::Text {
                    ph: None,
                    name: "关键词",
                    rect: Rect::new(x, self.y, widths[*i], h),
                    frame: Frame::MIDDLE,
                    paras: vec![p],
                    geom: Some("roundRect"),
                    fill: None,
                    line: Some((colour, 1.5)),
                });
                x += widths[*i] + gap;
            }
            self.y += h;
        }
    }
}

/// The largest size from `max` (down to `min`) at which `title` takes at most `lines`
/// lines of a `w`-wide box.
fn title_size(title: &str, max: f32, min: f32, w: f32, lines: usize) -> f32 {
    let mut s = max;
    while s > min && super::wrap::count(title, s, w) > lines {
        s -= 0.5;
    }
    s
}

/// A heading paragraph.
fn heading(text: &str, size: f32, face: Face, colour: &'static str, align: &'static str) -> Para {
    let mut p = Para::plain(text, size, face);
    p.bullet = Bullet::None;
    p.colour = Some(colour);
    p.align = Some(align);
    // bold only where the face has one (宋体 has none: it would be faked)
    p.bold = face.has_bold;
    p.line = Some(1.25);
    p
}

impl<'a> Flow<'a> {
    pub(super) fn new(ctx: &'a Ctx<'a>, kind: Kind, scale: f32) -> Flow<'a> {
        let c = ctx.canvas;
        let (x, w) = if is_field(kind) {
            (85.0, c.w - 170.0)
        } else {
            (MARGIN, c.content_width())
        };
        Flow {
            ctx,
            kind,
            scale,
            x,
            w,
            y: 0.0,
            out: Vec::new(),
            images: Vec::new(),
            body_used: false,
        }
    }

    /// Every piece of the slide but the band, footer and page number.
    pub(super) fn slide(&mut self, s: &'a Slide) {
        let look = self.ctx.look;
        let (head, body, _) = colours(s.kind, look);
        match s.kind {
            Kind::Title => {
                if let Some(k) = &s.kicker {
                    let size = self.size(size::KICKER);
                    let mut p = Para::plain(k, size, look.body_face);
                    p.align = Some("ctr");
                    p.bullet = Bullet::None;
                    p.colour = Some(head);
                    p.spacing = size * 0.5;
                    p.line = Some(1.4);
                    let (x, w) = (self.x, self.w);
                    self.push_text(Some(Ph::Body(KICKER)), "眉题", x, w, vec![p]);
                    // the short rules either side of the kicker
                    let kw = fit::em_width(k) * size * 1.5;
                    let y = self.y - size * 0.7;
                    for rx in [
                        self.x + self.w / 2.0 - kw / 2.0 - 70.0,
                        self.x + self.w / 2.0 + kw / 2.0 + 20.0,
                    ] {
                        self.out.push(Placed::Block {
                            rect: Rect::new(rx, y, 50.0, 1.0),
                            colour: "accent2",
                        });
                    }
                    self.y += 10.0 * self.scale;
                }
                let ts = title_size(&s.title, self.size(size::DECK_TITLE), 24.0, self.w, 3);
                self.gap(18.0);
                let (x, w) = (self.x, self.w);
                self.push_text(
                    Some(Ph::CtrTitle),
                    "标题",
                    x,
                    w,
                    vec![heading(&s.title, ts, look.title_face, head, "ctr")],
                );
                let org = self
                    .ctx
                    .theme
                    .organisation
                    .clone()
                    .filter(|o| !o.trim().is_empty() && !s.byline.contains(o));
                let byline: Vec<Para> = s
                    .byline
                    .iter()
                    .chain(org.as_ref())
                    .enumerate()
                    .map(|(i, line)| {
                        let base = if i == 0 && self.ctx.info.subtitle.as_ref() == Some(line) {
                            size::SUBTITLE
                        } else {
                            size::BYLINE
                        };
                        let mut p = Para::plain(line, self.size(base), look.body_face);
                        p.align = Some("ctr");
                        p.bullet = Bullet::None;
                        p.colour = Some(body);
                        p.line = Some(1.5);
                        p
                    })
                    .collect();
                if !byline.is_empty() {
                    self.gap(24.0);
                    self.push_text(Some(Ph::SubTitle), "副标题", x, w, byline);
                }
                self.content(&s.content);
            }
            Kind::Outline => {
                let ts = self.size(size::OUTLINE_TITLE);
                let mut p = heading(&s.title, ts, look.title_face, head, "l");
                p.spacing = ts * 0.5;
                // 目 录（续）: the letters of 目录 spaced, not its brackets
                if let Some(head) = s.title.strip_suffix("（续）") {
                    let tight = Marks {
                        tight: true,
                        ..Marks::default()
                    };
                    p.pieces = text::pieces_of_text(head, Marks::default());
                    p.pieces.extend(text::pieces_of_text("（续）", tight));
                }
                let (x, w) = (self.x, self.w);
                self.push_text(Some(Ph::Title), "标题", x, w, vec![p]);
                self.rule();
                self.items(&s.items, s.items_before);
                self.keys(&s.keys);
                self.chips(&s.chips);
                self.content(&s.content);
            }
            Kind::Part => {
                if let Some(b) = &s.badge {
                    let d = 95.0 * self.scale.max(0.7);
                    // sized by its width: 第一 is one word, which a line count never breaks
                    let bs = (size::ORDINAL * d / 95.0).min(d * 0.72 / fit::em_width(b).max(1.0));
                    let mut p = heading(b, bs, look.title_face, head, "ctr");
                    p.line = Some(1.1);
                    let ring = Rect::new(self.x + (self.w - d) / 2.0, self.y, d, d);
                    // the ring is a shape of its own: LibreOffice draws every
                    // placeholder as a rectangle
                    self.out.push(Placed::Ring { rect: ring });
                    // its text box wider than the ring: 第一 sized for the ring never
                    // wraps where a program's face runs wider than ours
                    let mut wide = ring;
                    wide.x -= d / 2.0;
                    wide.w += d;
                    self.out.push(Placed::Text {
                        ph: Some(Ph::Body(BADGE)),
                        name: "序号",
                        rect: wide,
                        frame: Frame::MIDDLE,
                        paras: vec![p],
                        geom: None,
                        fill: None,
                        line: None,
                    });
                    self.y += d;
                }
                let ts = title_size(&s.title, self.size(size::PART_TITLE), 24.0, self.w, 2);
                self.gap(24.0);
                let (x, w) = (self.x, self.w);
                self.push_text(
                    Some(Ph::Title),
                    "标题",
                    x,
                    w,
                    vec![heading(&s.title, ts, look.title_face, head, "ctr")],
                );
                // the rest of a long title's sentence under it, then its list
                self.keys(&s.keys);
                self.items(&s.items, s.items_before);
                self.chips(&s.chips);
                self.content(&s.content);
            }
            Kind::Section | Kind::Point => {
                let base = if s.kind == Kind::Point {
                    size::POINT_TITLE
                } else {
                    size::SECTION_TITLE
                };
                let max = self.size(base);
                // the badge sits before the title's first line; the title wraps beside it
                let (bw, bs) = match &s.badge {
                    Some(b) => {
                        let bs = max * 0.6;
                        (fit::em_width(b) * bs + bs * 1.1, bs)
                    }
                    None => (0.0, 0.0),
                };
                let tx = if bw > 0.0 {
                    self.x + bw + max * 0.35
                } else {
                    self.x
                };
                let tw = self.x + self.w - tx;
                let ts = title_size(&s.title, max, 24.0_f32.min(max), tw, 2);
                if let Some(b) = &s.badge {
                    let bs = bs * ts / max;
                    let bh = bs * 1.45;
                    let mut p = Para::plain(b, bs, look.body_face);
                    p.align = Some("ctr");
                    p.bullet = Bullet::None;
                    p.colour = Some("bg2");
                    p.line = Some(1.2);
                    p.bold = true;
                    self.out.push(Placed::Text {
                        ph: Some(Ph::Body(BADGE)),
                        name: "序号",
                        rect: Rect::new(self.x, self.y + (ts * 1.25 - bh) / 2.0, bw * ts / max, bh),
                        frame: Frame::MIDDLE,
                        paras: vec![p],
                        geom: Some("roundRect"),
                        fill: Some("accent1"),
                        line: None,
                    });
                }
                let title = broken(vec![heading(&s.title, ts, look.title_face, head, "l")], tw);
                let h = height(&title, tw);
                self.out.push(text(
                    Some(Ph::Title),
                    "标题",
                    Rect::new(tx, self.y, tw, h),
                    title,
                ));
                self.y += h;
                if s.kind == Kind::Point && s.items.is_empty() {
                    self.rule();
                }
                self.items(&s.items, s.items_before);
                self.figures(&s.figures);
                self.keys(&s.keys);
                self.chips(&s.chips);
                self.content(&s.content);
            }
            Kind::Closing => {
                let ts = title_size(&s.title, self.size(size::CLOSING), 24.0, self.w * 0.8, 1);
                let mut p = heading(&s.title, ts, look.title_face, head, "ctr");
                p.spacing = ts * 0.2;
                p.line = Some(1.2);
                let (x, w) = (self.x, self.w);
                self.push_text(Some(Ph::Title), "结束语", x, w, vec![p]);
                self.content(&s.content);
                // the organisation and the date beneath (the source notice is kept
                // in the document properties, never on a slide)
                let org = self
                    .ctx
                    .theme
                    .organisation
                    .as_deref()
                    .filter(|o| !o.trim().is_empty())
                    .or(self.ctx.info.organisation.as_deref());
                let date = self
                    .ctx
                    .info
                    .date
                    .as_deref()
                    .map(|d| d.trim_matches(|c| "（）()".contains(c)));
                let who: Vec<&str> = [org, date]
                    .into_iter()
                    .flatten()
                    .filter(|t| !t.is_empty())
                    .collect();
                if !who.is_empty() {
                    let mut p = Para::plain(
                        &who.join("\u{3000}"),
                        self.size(size::BYLINE),
                        look.body_face,
                    );
                    p.align = Some("ctr");
                    p.bullet = Bullet::None;
                    p.colour = Some(body);
                    p.line = Some(1.4);
                    self.gap(32.0);
                    let ph = self.next_body();
                    self.push_text(ph, "落款", x, w, vec![p]);
                }
            }
        }
    }

    /// The short accent rule under a heading.
    fn rule(&mut self) {
        self.y += 14.0 * self.scale;
        self.out.push(Placed::Block {
            rect: Rect::new(self.x, self.y, 36.0, 2.0),
            colour: "accent2",
        });
        self.y += 2.0;
    }
}
