//! Numbering markers: which family a marker is written in and which ordinal it carries.
//!
//! Paragraph markers start a paragraph and give its level (GB/T 9704: 一、 > （一） > 1. >
//! （1） > ①). Inline markers (第一， 一是 一要 首先 一方面) start a sentence inside a
//! paragraph; they only count as points when several of one family follow in sequence,
//! which the parser decides. Half- and full-width forms are the same marker.
//!
//! - [`families`]: the one table of families (level, forms, ordinal, badge);
//! - [`numeral`]: the one reader and writer of Chinese (and other) numerals;
//! - [`find`]: a marker at the start of a string, by the table.

mod families;
mod find;
pub mod numeral;

use serde::Serialize;

pub use families::{Badge, Count, Family, Form, Placement, Run, Start, Style, FAMILIES, LEVELS};
pub use find::{block_marker, inline_marker, spaced_heading, Found};
pub use numeral::{chinese_number, chinese_numeral, Numeral};

/// A marker as found in the text: how it was written, its style and its ordinal.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Marker {
    /// The marker exactly as written, without the comma that may follow an inline one.
    pub text: String,
    pub style: Style,
    pub ordinal: u32,
}

impl Marker {
    pub fn level(&self) -> Option<u8> {
        self.style.level()
    }

    /// The ordinal as a badge shows it: 一, 1, ① for paragraph markers; an inline marker
    /// as written (第一, 一要, 最后).
    pub fn badge(&self) -> String {
        match self.style.family().badge {
            Badge::Ordinal => self.style.numeral(self.ordinal),
            Badge::AsWritten => self.text.clone(),
            Badge::Counted(numeral) => numeral.write(self.ordinal),
        }
    }
}

/// The running ordinal of each level, as an outline counts its headings: a heading
/// takes the number it writes or the next of its level, and the deeper levels start
/// again. Markdown `##` headings and Word outline levels are numbered this way.
#[derive(Debug, Clone, Default)]
pub struct Counters([u32; LEVELS]);

impl Counters {
    /// The ordinal of a heading at `level` (1-based, clamped to the levels there are),
    /// given the ordinal its marker writes, if any.
    pub fn next(&mut self, level: u8, written: Option<u32>) -> u32 {
        let i = usize::from(level).clamp(1, LEVELS) - 1;
        self.0[i] = written.unwrap_or(self.0[i] + 1);
        self.0[i + 1..].fill(0);
        self.0[i]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn block(s: &str) -> Option<(Style, u32, &str)> {
        block_marker(s).map(|f| (f.marker.style, f.marker.ordinal, &s[f.skip..]))
    }

    fn inline(s: &str) -> Option<(Style, u32, &str)> {
        inline_marker(s).map(|f| (f.marker.style, f.marker.ordinal, &s[f.skip..]))
    }

    #[test]
    fn chinese_numerals_to_ninety_nine() {
        for (text, value) in [
            ("一", 1),
            ("九", 9),
            ("十", 10),
            ("十一", 11),
            ("二十", 20),
            ("二十三", 23),
            ("九十九", 99),
            ("一○", 10),
            ("二〇", 20),
        ] {
            assert_eq!(chinese_number(text), Some((value, text.len())), "{text}");
            if !text.contains(['○', '〇']) {
                assert_eq!(chinese_numeral(value), text);
            }
        }
        assert_eq!(chinese_number("一二三"), None);
        assert_eq!(chinese_number("十十"), Some((10, 3)));
        assert_eq!(chinese_number("号"), None);
    }

    #[test]
    fn block_markers_in_both_widths() {
        assert_eq!(block("一、学深悟透"), Some((Style::Chapter, 1, "学深悟透")));
        assert_eq!(block("十一、其他"), Some((Style::Chapter, 11, "其他")));
        assert_eq!(block("二十、其他"), Some((Style::Chapter, 20, "其他")));
        assert_eq!(block("（一）聚焦"), Some((Style::Section, 1, "聚焦")));
        assert_eq!(block("(二)聚焦"), Some((Style::Section, 2, "聚焦")));
        assert_eq!(block("（三)混写"), Some((Style::Section, 3, "混写")));
        assert_eq!(block("1.加强"), Some((Style::Arabic, 1, "加强")));
        assert_eq!(block("2．加强"), Some((Style::Arabic, 2, "加强")));
        assert_eq!(block("3、加强"), Some((Style::Arabic, 3, "加强")));
        assert_eq!(block("１２．全角"), Some((Style::Arabic, 12, "全角")));
        assert_eq!(block("4. 空格"), Some((Style::Arabic, 4, "空格")));
        assert_eq!(block("（1）细化"), Some((Style::ParenArabic, 1, "细化")));
        assert_eq!(block("(2)细化"), Some((Style::ParenArabic, 2, "细化")));
        assert_eq!(block("③ 圈号"), Some((Style::Circled, 3, "圈号")));
    }

    #[test]
    fn a_numeral_and_a_space_before_a_short_heading() {
        let spaced =
            |s| spaced_heading(s).map(|f| (f.marker.style, f.marker.ordinal, &s[f.skip..]));
        assert_eq!(
            spaced("一　中国人民的基本要求"),
            Some((Style::Chapter, 1, "中国人民的基本要求"))
        );
        assert_eq!(
            spaced("十 中国和外国的关系"),
            Some((Style::Chapter, 10, "中国和外国的关系"))
        );
        for s in [
            "一 个人的力量是有限的，集体的力量是无穷的。",
            "一中国人民的基本要求",
            "二〇二四 年",
            "一 ",
        ] {
            assert_eq!(spaced_heading(s), None, "{s}");
        }
    }

    #[test]
    fn block_look_alikes_are_text() {
        for s in [
            "1.5亿元投资",
            "2024.3.5",
            "一号工程",
            "三支队伍",
            "一方面",
            "（注）说明",
            "(a)",
            "0.学习",
            "一二三四、",
            "123. 年份",
        ] {
            assert_eq!(block(s), None, "{s}");
        }
    }

    #[test]
    fn inline_markers_and_look_alikes() {
        assert_eq!(inline("第一,生产力"), Some((Style::Di, 1, "生产力")));
        assert_eq!(inline("第二，创新"), Some((Style::Di, 2, "创新")));
        assert_eq!(inline("一要避免"), Some((Style::Yao, 1, "避免")));
        assert_eq!(inline("五要避免"), Some((Style::Yao, 5, "避免")));
        assert_eq!(inline("二是加强"), Some((Style::Shi, 2, "加强")));
        assert_eq!(inline("首先，要"), Some((Style::Sequence, 1, "要")));
        assert_eq!(inline("最后，要"), Some((Style::Sequence, 0, "要")));
        assert_eq!(inline("一方面，要"), Some((Style::Aspect, 1, "要")));
        assert_eq!(inline("另一方面，要"), Some((Style::Aspect, 2, "要")));
        for s in [
            "第一生产力",
            "第一动力",
            "第一资源",
            "第一要务",
            "第一要求",
            "第一要素",
            "一号工程",
            "三支队伍",
            "全市第二",
            "第十一届",
        ] {
            assert_eq!(inline(s), None, "{s}");
        }
    }

    #[test]
    fn badges_and_formats() {
        let m = block_marker("(三)x").unwrap().marker;
        assert_eq!((m.text.as_str(), m.badge()), ("(三)", "三".to_string()));
        assert_eq!(Style::Section.format(3), "（三）");
        assert_eq!(Style::Circled.format(2), "②");
        assert_eq!(inline_marker("二要x").unwrap().marker.badge(), "二要");
    }
}
