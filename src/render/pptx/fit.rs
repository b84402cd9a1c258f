//! Text sizes chosen so the text fits its box. PowerPoint only recomputes autofit when
//! the text is edited, and LibreOffice and WPS each do it their own way, so every run
//! carries an explicit size found here from an estimate of the text's width: a CJK
//! character or full-width mark is one em, Latin letters and digits about half of one.

/// How wide `text` is in ems.
pub fn em_width(text: &str) -> f32 {
    text.chars().map(char_em).sum()
}

fn char_em(c: char) -> f32 {
    match c {
        ' ' => 0.3,
        'i' | 'l' | 'j' | '.' | ',' | ':' | ';' | '!' | '|' | '\'' => 0.3,
        'm' | 'w' | 'M' | 'W' => 0.85,
        'A'..='Z' => 0.66,
        c if c.is_ascii() => 0.55,
        // Latin with accents, Greek, Cyrillic
        '\u{80}'..='\u{2e7f}'
            if !matches!(c, '\u{2014}' | '\u{2026}' | '\u{2018}'..='\u{201d}') =>
        {
            0.6
        }
        _ => 1.0,
    }
}

/// How many lines `text` wraps to in a box `width` points wide at `size` points. CJK
/// breaks between any two characters; a Latin word moves whole to the next line.
pub fn lines(text: &str, size: f32, width: f32) -> usize {
    let max = (width / size).max(1.0);
    let (mut lines, mut line, mut word) = (1usize, 0.0f32, 0.0f32);
    // puts a piece `w` ems wide on the current line or, when it does not fit, the next
    let place = |w: f32, line: &mut f32, lines: &mut usize| {
        if *line + w > max + 1e-3 && *line > 0.0 {
            *lines += 1;
            *line = 0.0;
        }
        if w > max {
            // a word longer than a line breaks inside itself
            let whole = (w / max).ceil();
            *lines += whole as usize - 1;
            *line = w - max * (whole - 1.0);
        } else {
            *line += w;
        }
    };
    for c in text.chars() {
        if c.is_ascii_alphanumeric() {
            word += char_em(c);
            continue;
        }
        place(word, &mut line, &mut lines);
        word = 0.0;
        if c == '\n' {
            lines += 1;
            line = 0.0;
        } else {
            place(char_em(c), &mut line, &mut lines);
        }
    }
    place(word, &mut line, &mut lines);
    lines
}

/// A block of paragraphs set at one size: what [`largest`] fits.
pub struct Measure<'a> {
    /// The paragraphs' text, each with its left indent in points.
    pub paragraphs: &'a [(String, f32)],
    /// Line height over font size.
    pub line: f32,
    /// Space between paragraphs over font size.
    pub gap: f32,
}

impl Measure<'_> {
    /// Height in points of the paragraphs at `size` in a box `width` wide.
    pub fn height(&self, size: f32, width: f32) -> f32 {
        let n: usize = self
            .paragraphs
            .iter()
            .map(|(t, indent)| lines(t, size, (width - indent).max(size)))
            .sum();
        let gaps = self.paragraphs.len().saturating_sub(1) as f32;
        n as f32 * size * self.line + gaps * size * self.gap
    }
}

/// The largest size from `max` down to `min` (half-point steps) at which `m` fits a
/// `width` × `height` box; `min` when nothing does.
pub fn largest(m: &Measure, max: f32, min: f32, width: f32, height: f32) -> f32 {
    let mut size = max;
    while size > min {
        if m.height(size, width) <= height {
            return size;
        }
        size -= 0.5;
    }
    min
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cjk_wraps_by_character_and_latin_by_word() {
        // ten characters of 20 pt in a 100 pt box: two lines of five
        assert_eq!(lines("生产力是大国博弈的胜负", 20.0, 100.0), 3);
        assert_eq!(lines("生产力是大", 20.0, 100.0), 1);
        assert_eq!(lines("abc defghij", 10.0, 40.0), 2);
        assert_eq!(lines("一\n二", 10.0, 400.0), 2);
    }

    #[test]
    fn the_largest_fitting_size_shrinks_with_the_text() {
        let short = [("聚焦“两个大局”".to_string(), 0.0)];
        let long = [(
            "聚焦“两个大局”，准确把握新质生产力是高质量发展重要着力点".repeat(4),
            0.0,
        )];
        let m = |p| Measure {
            paragraphs: p,
            line: 1.3,
            gap: 0.0,
        };
        let a = largest(&m(&short), 40.0, 14.0, 800.0, 120.0);
        let b = largest(&m(&long), 40.0, 14.0, 800.0, 120.0);
        assert_eq!(a, 40.0);
        assert!(b < a, "{b}");
        assert!(m(&long).height(b, 800.0) <= 120.0);
    }
}
