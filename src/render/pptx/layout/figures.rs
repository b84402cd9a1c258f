//! Figure callouts on a slide: each figure large in the accent colour with its label
//! under it, behind a gold bar, in one row, or two rows of two when one row would
//! make the figures small (as the HTML deck wraps them).

use super::{colours, Flow, Placed};
use crate::deck::Figure;
use crate::render::pptx::fit;
use crate::render::pptx::master::size;
use crate::render::pptx::shapes::Rect;
use crate::render::pptx::text::{Bullet, Frame, Para};

/// The figure's size on the 960 pt canvas (the HTML deck's 80 px), and the least it
/// may shrink to before four go in two rows.
const FIGURE: f32 = 40.0;
const LEAST: f32 = 30.0;
/// Space between callouts and before the text of one (after its bar), in points.
const GAP: f32 = 20.0;
const PAD: f32 = 14.0;

impl Flow<'_> {
    pub(super) fn figures(&mut self, figures: &[Figure]) {
        if figures.is_empty() {
            return;
        }
        let (head, body, _) = colours(self.kind, self.ctx.look);
        let n = figures.len();
        // the size at which each figure fits its column
        let fitting = |cols: usize| {
            let w = (self.w - GAP * (cols as f32 - 1.0)) / cols as f32 - PAD - 4.0;
            let widest = figures
                .iter()
                .map(|f| fit::em_width(&f.value))
                .fold(0.0, f32::max);
            // with room to spare: programs set digits wider than the estimate and space
            // them from CJK (LibreOffice wrapped 2.67万亿元 at the estimate)
            (FIGURE * self.scale).min(w / (widest * 1.2 + 1.0))
        };
        let mut cols = n;
        if n == 4 && fitting(4) < LEAST * self.scale {
            cols = 2;
        }
        let fs = fitting(cols).max(size::MIN);
        let ls = self.size(18.0);
        let cw = (self.w - GAP * (cols as f32 - 1.0)) / cols as f32;
        self.gap(28.0);
        for row in figures.chunks(cols) {
            let mut x = self.x;
            let mut tallest: f32 = 0.0;
            for f in row {
                let tw = cw - PAD - 4.0;
                let mut value = Para::plain(&f.value, fs, self.ctx.look.title_face);
                value.bullet = Bullet::None;
                value.colour = Some(head);
                value.line = Some(1.15);
                value.align = Some("l");
                let mut label = Para::plain(&f.label, ls, self.face());
                label.bullet = Bullet::None;
                label.colour = Some(body);
                label.line = Some(1.35);
                label.align = Some("l");
                label.space_before = ls * 0.3;
                let paras = super::broken(vec![value, label], tw);
                let h = super::height(&paras, tw);
                self.out.push(Placed::Block {
                    rect: Rect::new(x, self.y, 3.0, h),
                    colour: "accent2",
                });
                self.out.push(Placed::Text {
                    ph: None,
                    name: "数字",
                    rect: Rect::new(x + PAD + 4.0, self.y, tw, h),
                    frame: Frame::TOP,
                    paras,
                    geom: None,
                    fill: None,
                    line: None,
                });
                tallest = tallest.max(h);
                x += cw + GAP;
            }
            self.y += tallest + GAP * 0.6;
        }
    }
}
