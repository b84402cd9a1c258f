//! Fast scans over Chinese text. Most characters of a lecture are CJK ideographs
//! (U+4000–U+9FFF, three UTF-8 bytes led by E4–E9), and no punctuation, space or line
//! break is among them, so a scan that looks for those steps over an ideograph on its
//! lead byte alone instead of decoding it.

/// Whether `b` leads a character in U+4000–U+9FFF (always three bytes long).
#[inline]
pub fn leads_ideograph(b: u8) -> bool {
    (0xE4..=0xE9).contains(&b)
}

/// The characters of `s` outside U+4000–U+9FFF, with their byte offsets, in order.
pub fn non_ideographs(s: &str) -> NonIdeographs<'_> {
    NonIdeographs { s, at: 0 }
}

/// See [`non_ideographs`].
#[derive(Clone)]
pub struct NonIdeographs<'a> {
    s: &'a str,
    at: usize,
}

impl Iterator for NonIdeographs<'_> {
    type Item = (usize, char);

    #[inline]
    fn next(&mut self) -> Option<(usize, char)> {
        let bytes = self.s.as_bytes();
        while let Some(&b) = bytes.get(self.at) {
            if leads_ideograph(b) {
                self.at += 3;
                continue;
            }
            let at = self.at;
            let c = if b < 0x80 {
                b as char
            } else {
                self.s[at..]
                    .chars()
                    .next()
                    .expect("at a character boundary")
            };
            self.at += c.len_utf8();
            return Some((at, c));
        }
        None
    }
}

/// How many characters of `s` are not white space.
pub fn non_space_chars(s: &str) -> usize {
    let bytes = s.as_bytes();
    let mut count = 0;
    let mut at = 0;
    while let Some(&b) = bytes.get(at) {
        if leads_ideograph(b) {
            count += 1;
            at += 3;
            continue;
        }
        let c = if b < 0x80 {
            b as char
        } else {
            s[at..].chars().next().expect("at a character boundary")
        };
        count += usize::from(!c.is_whitespace());
        at += c.len_utf8();
    }
    count
}

/// Where the lead sentence of `s` ends: the byte index of its stop (。！？；) outside
/// quotes and brackets, and the index just past the stop. Without a stop the whole
/// string is the lead.
pub fn lead_sentence(s: &str) -> (usize, usize) {
    let mut depth = 0i32;
    let mut straight = false;
    for (i, c) in non_ideographs(s) {
        match c {
            '“' | '‘' | '「' | '『' | '（' | '(' | '《' | '【' | '[' | '〈' => depth += 1,
            '”' | '’' | '」' | '』' | '）' | ')' | '》' | '】' | ']' | '〉' => {
                depth = (depth - 1).max(0)
            }
            '"' => straight = !straight,
            '。' | '！' | '？' | '；' | '!' | '?' | ';' if depth == 0 && !straight => {
                return (i, i + c.len_utf8());
            }
            _ => {}
        }
    }
    (s.len(), s.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Text with every kind of character the scans meet: ideographs at both ends of the
    /// range and just outside it, punctuation, spaces, ASCII and four-byte characters.
    const MIXED: &str =
        "\u{3FFF}\u{4000}一、学习“二十大”！ a,b\u{3000}\u{9FFF}\u{A000}😀，\n\u{A0}𠀀。";

    #[test]
    fn non_ideographs_are_the_characters_outside_the_range() {
        let want: Vec<(usize, char)> = MIXED
            .char_indices()
            .filter(|&(_, c)| !('\u{4000}'..='\u{9FFF}').contains(&c))
            .collect();
        assert_eq!(non_ideographs(MIXED).collect::<Vec<_>>(), want);
        assert!(want.contains(&(0, '\u{3FFF}')), "just below the range");
        assert!(want.iter().any(|&(_, c)| c == '\u{A000}'), "just above it");
        assert_eq!(non_ideographs("").next(), None);
        assert_eq!(non_ideographs("学习").next(), None);
    }

    #[test]
    fn non_space_chars_counts_as_unicode_does() {
        for s in [
            MIXED,
            "",
            "  \n",
            "同志们：\u{3000}\u{3000}大家好！\u{2003}thanks",
        ] {
            let want = s.chars().filter(|c| !c.is_whitespace()).count();
            assert_eq!(non_space_chars(s), want, "{s:?}");
        }
    }

    #[test]
    fn every_lead_byte_of_the_range_starts_an_ideograph_of_it() {
        for c in ['\u{4000}', '\u{4FFF}', '\u{5000}', '\u{9FFF}'] {
            let mut buf = [0; 4];
            assert!(leads_ideograph(c.encode_utf8(&mut buf).as_bytes()[0]));
        }
        for c in ['\u{3FFF}', '\u{A000}', 'a', '\u{3000}', '，'] {
            let mut buf = [0; 4];
            assert!(
                !leads_ideograph(c.encode_utf8(&mut buf).as_bytes()[0]),
                "{c}"
            );
        }
    }

    #[test]
    fn lead_sentence_stops_outside_quotes_and_brackets() {
        let s = "聚焦“两个大局。”准确把握（见附件。）重点。后文";
        let (stop, end) = lead_sentence(s);
        assert_eq!(&s[..stop], "聚焦“两个大局。”准确把握（见附件。）重点");
        assert_eq!(&s[end..], "后文");
        let s = "学深悟透、把准方向,切实增强战略主动";
        assert_eq!(lead_sentence(s), (s.len(), s.len()));
        let s = "避免概念“泛化”；其余";
        assert_eq!(&s[..lead_sentence(s).0], "避免概念“泛化”");
        let s = "问题在哪里？答案";
        assert_eq!(&s[lead_sentence(s).1..], "答案");
    }
}
