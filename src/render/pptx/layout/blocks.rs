//! Content blocks on a slide: runs of text blocks share a text body; lists, tables and
//! pictures are laid out at the slide's scale.

// the layout's helpers and imports: this is the same layout, split for reading
use super::*;
use crate::deck::{List, Table};

impl<'a> Flow<'a> {
    /// The slide's content blocks in order: runs of text blocks share a text body;
    /// tables and pictures stand on their own.
    pub(super) fn content(&mut self, blocks: &'a [Block]) {
        let mut paras: Vec<Para> = Vec::new();
        for b in blocks {
            match b {
                Block::Table(t) => {
                    self.flush(&mut paras);
                    self.table(t);
                }
                Block::Image(img) => {
                    self.flush(&mut paras);
                    self.picture(img);
                }
                other => self.block_paras(other, 0, &mut paras),
            }
        }
        self.flush(&mut paras);
    }

    fn flush(&mut self, paras: &mut Vec<Para>) {
        if paras.is_empty() {
            return;
        }
        self.gap(24.0);
        let ph = self.next_body();
        let (x, w) = (self.x, self.w);
        self.push_text(ph, "正文", x, w, std::mem::take(paras));
    }

    fn block_paras(&self, b: &Block, level: u8, out: &mut Vec<Para>) {
        let (_, body, mark) = colours(self.kind, self.ctx.look);
        let size = self.size(size::BODY);
        let finish = |mut p: Para, out: &mut Vec<Para>| {
            p.colour.get_or_insert(body);
            p.line.get_or_insert(1.45);
            if !out.is_empty() {
                p.space_before = size * 0.3;
            }
            if is_field(self.kind) {
                p.align.get_or_insert("ctr");
            }
            out.push(p);
        };
        match b {
            Block::Paragraph { runs } => {
                let mut p = Para::new(pieces(runs), size, self.face());
                p.bullet = Bullet::None;
                p.level = level;
                finish(p, out);
            }
            Block::List(l) => self.list_paras(l, level, out, &finish, mark),
            Block::Quote { blocks } => {
                for inner in blocks {
                    let mut sub = Vec::new();
                    self.block_paras(inner, level + 1, &mut sub);
                    for mut p in sub {
                        p.face = self.ctx.look.title_face;
                        p.colour = Some(colours(self.kind, self.ctx.look).0);
                        p.space_before = 0.0;
                        finish(p, out);
                    }
                }
            }
            Block::Code { text: code } => {
                let small = self.size(size::BODY * 0.75);
                let mut p = Para::new(
                    text::pieces_of_text(
                        code.trim_end_matches('\n'),
                        Marks {
                            code: true,
                            ..Marks::default()
                        },
                    ),
                    small,
                    self.face(),
                );
                p.bullet = Bullet::None;
                p.level = level;
                p.align = Some("l");
                p.line = Some(1.3);
                finish(p, out);
            }
            // allowed raw HTML: its words, as a paragraph
            Block::Html { text, .. } => {
                let mut p = Para::new(
                    text::pieces_of_text(text, Marks::default()),
                    size,
                    self.face(),
                );
                p.bullet = Bullet::None;
                p.level = level;
                finish(p, out);
            }
            Block::Table(_) | Block::Image(_) => {}
        }
    }

    fn list_paras(
        &self,
        l: &List,
        level: u8,
        out: &mut Vec<Para>,
        finish: &dyn Fn(Para, &mut Vec<Para>),
        mark: &'static str,
    ) {
        let size = self.size(size::BODY - 2.0 * f32::from(level.min(2)));
        for item in &l.items {
            let mut p = Para::new(pieces(&item.runs), size, self.face());
            p.level = level.min(4);
            p.align = Some("l");
            p.bullet = match l.start {
                Some(n) => Bullet::Number(n, mark, "arabicPeriod"),
                None => Bullet::Char(DIAMOND, mark),
            };
            finish(p, out);
            if let Some(sub) = &item.sublist {
                self.list_paras(sub, level + 1, out, finish, mark);
            }
        }
    }

    fn table(&mut self, t: &Table) {
        let cols = t
            .head
            .len()
            .max(t.rows.iter().map(Vec::len).max().unwrap_or(0));
        if cols == 0 {
            return;
        }
        self.gap(24.0);
        let size = self.size(size::TABLE);
        let face = self.face();
        let cell_text = |row: &[Vec<crate::deck::Inline>], c: usize| -> String {
            row.get(c)
                .map(|r| crate::deck::plain(r))
                .unwrap_or_default()
        };
        // columns as wide as their text asks, within half to three times the average
        let mut want: Vec<f32> = (0..cols)
            .map(|c| {
                std::iter::once(&t.head)
                    .chain(&t.rows)
                    .map(|r| fit::em_width(&cell_text(r, c)))
                    .fold(1.0, f32::max)
            })
            .collect();
        let avg = want.iter().sum::<f32>() / cols as f32;
        want.iter_mut()
            .for_each(|w| *w = w.clamp(avg * 0.5, avg * 3.0));
        let sum: f32 = want.iter().sum();
        let widths: Vec<f32> = want.iter().map(|w| w / sum * self.w).collect();
        let mut rows = Vec::new();
        let mut all: Vec<(&Vec<Vec<crate::deck::Inline>>, bool)> = Vec::new();
        if !t.head.is_empty() {
            all.push((&t.head, true));
        }
        all.extend(t.rows.iter().map(|r| (r, false)));
        for (row, head) in all {
            let mut h: f32 = 0.0;
            let cells = (0..cols)
                .map(|c| {
                    let runs = row.get(c).map(Vec::as_slice).unwrap_or(&[]);
                    let mut p = shapes::cell_para(
                        pieces(runs),
                        size,
                        face,
                        head,
                        table_look(self.kind, self.ctx.look),
                    );
                    p.line = Some(1.3);
                    h = h.max(height(std::slice::from_ref(&p), widths[c] - 12.0));
                    Cell {
                        paras: vec![p],
                        head,
                    }
                })
                .collect();
            rows.push((h + 6.0, cells));
        }
        let total: f32 = rows.iter().map(|r| r.0).sum();
        self.out.push(Placed::Table {
            rect: Rect::new(self.x, self.y, self.w, total),
            widths,
            rows,
        });
        self.y += total;
    }

    fn picture(&mut self, img: &'a Image) {
        self.gap(24.0);
        let avail = (master::BOTTOM - master::TOP) * 0.7 * self.scale;
        let (nw, nh) = if img.width > 0 && img.height > 0 {
            (img.width as f32 / 2.0, img.height as f32 / 2.0)
        } else {
            (self.w * 0.6, self.w * 0.6 * 9.0 / 16.0)
        };
        let k = (self.w / nw).min(avail / nh).min(1.0);
        let (w, h) = (nw * k, nh * k);
        let rect = Rect::new(self.x + (self.w - w) / 2.0, self.y, w, h);
        self.out.push(Placed::Picture {
            rect,
            alt: img.alt.clone(),
            image: self.images.len(),
        });
        self.images.push(img);
        self.y += h;
        if !img.alt.is_empty() {
            self.y += 6.0;
            let mut p = Para::plain(&img.alt, size::NOTE, self.face());
            p.align = Some("ctr");
            p.bullet = Bullet::None;
            p.colour = Some(if is_field(self.kind) {
                colours(self.kind, self.ctx.look).1
            } else {
                "accent3"
            });
            p.line = Some(1.3);
            let (x, w) = (self.x, self.w);
            self.push_text(None, "图注", x, w, vec![p]);
        }
    }
}
