//! Numbering markers: which style a marker is written in and which ordinal it carries.
//!
//! Block markers start a paragraph and give its level (GB/T 9704: 一、 > （一） > 1. >
//! （1） > ①). Inline markers (第一， 一是 一要 首先 一方面) start a sentence inside a
//! paragraph; they only count as points when several of one family follow in sequence,
//! which the parser decides. Half- and full-width forms are the same marker.

use serde::Serialize;

/// How a marker is written. The level of a block style is fixed by the style, never by
/// where the marker stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Style {
    /// 一、
    Chapter,
    /// （一） or (一)
    Section,
    /// 1. 1． 1、
    Arabic,
    /// （1） or (1)
    ParenArabic,
    /// ①
    Circled,
    /// 第一，
    Di,
    /// 一是
    Shi,
    /// 一要
    Yao,
    /// 首先 其次 再次 最后
    Sequence,
    /// 一方面 另一方面
    Aspect,
}

impl Style {
    /// 1 for 一、 down to 5 for ①; `None` for the inline families.
    pub fn level(self) -> Option<u8> {
        match self {
            Style::Chapter => Some(1),
            Style::Section => Some(2),
            Style::Arabic => Some(3),
            Style::ParenArabic => Some(4),
            Style::Circled => Some(5),
            _ => None,
        }
    }

    /// How this style writes `ordinal`, in full-width form (for badges and messages).
    pub fn format(self, ordinal: u32) -> String {
        let cn = chinese_numeral(ordinal);
        match self {
            Style::Chapter => format!("{cn}、"),
            Style::Section => format!("（{cn}）"),
            Style::Arabic => format!("{ordinal}."),
            Style::ParenArabic => format!("（{ordinal}）"),
            Style::Circled => char::from_u32(0x245F + ordinal.clamp(1, 20))
                .map(String::from)
                .unwrap_or_default(),
            Style::Di => format!("第{cn}"),
            Style::Shi => format!("{cn}是"),
            Style::Yao => format!("{cn}要"),
            Style::Sequence => ["首先", "其次", "再次"]
                .get(ordinal.saturating_sub(1) as usize)
                .unwrap_or(&"最后")
                .to_string(),
            Style::Aspect => if ordinal <= 1 {
                "一方面"
            } else {
                "另一方面"
            }
            .to_string(),
        }
    }
}

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

    /// The ordinal as a badge shows it: 一, 1, ① for block markers; an inline marker as
    /// written (第一, 一要, 最后).
    pub fn badge(&self) -> String {
        match self.style {
            Style::Chapter | Style::Section => chinese_numeral(self.ordinal),
            Style::Arabic | Style::ParenArabic => self.ordinal.to_string(),
            Style::Circled => self.style.format(self.ordinal),
            _ => self.text.clone(),
        }
    }
}

/// A marker found at the start of a string, and how many bytes it and the separator
/// after it take.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found {
    pub marker: Marker,
    /// Bytes of the marker itself.
    pub len: usize,
    /// Bytes of the marker plus the separator (comma, space) that follows it.
    pub skip: usize,
}

impl Found {
    /// The marker of `len` bytes at the start of `s`, with the separator after it.
    fn at(s: &str, style: Style, ordinal: u32, len: usize) -> Found {
        Found {
            marker: Marker {
                text: s[..len].to_string(),
                style,
                ordinal,
            },
            len,
            skip: len + separator_len(&s[len..]),
        }
    }
}

/// Reads a block marker (一、 （一） 1. （1） ①) at the start of `s`.
pub fn block_marker(s: &str) -> Option<Found> {
    let first = s.chars().next()?;
    let found = match first {
        '(' | '（' => paren_marker(s),
        '①'..='⑳' => Some((Style::Circled, first as u32 - 0x245F, first.len_utf8())),
        '⑴'..='⒇' => Some((Style::ParenArabic, first as u32 - 0x2473, first.len_utf8())),
        '⒈'..='⒛' => Some((Style::Arabic, first as u32 - 0x2487, first.len_utf8())),
        '0'..='9' | '０'..='９' => arabic_marker(s),
        _ => chapter_marker(s),
    }?;
    let (style, ordinal, len) = found;
    if ordinal == 0 {
        return None;
    }
    Some(Found::at(s, style, ordinal, len))
}

fn paren_marker(s: &str) -> Option<(Style, u32, usize)> {
    let open = s.chars().next()?.len_utf8();
    let inner = &s[open..];
    let (style, value, n) = if let Some((v, n)) = arabic_number(inner) {
        (Style::ParenArabic, v, n)
    } else {
        let (v, n) = chinese_number(inner)?;
        (Style::Section, v, n)
    };
    let close = inner[n..].chars().next()?;
    matches!(close, ')' | '）').then_some((style, value, open + n + close.len_utf8()))
}

fn arabic_marker(s: &str) -> Option<(Style, u32, usize)> {
    let (value, n) = arabic_number(s)?;
    let mut rest = s[n..].chars();
    let punct = rest.next()?;
    if !matches!(punct, '.' | '．' | '、') {
        return None;
    }
    // 1.5亿 is a number, not a marker
    if rest
        .next()
        .is_some_and(|c| c.is_ascii_digit() || ('０'..='９').contains(&c))
    {
        return None;
    }
    Some((Style::Arabic, value, n + punct.len_utf8()))
}

fn chapter_marker(s: &str) -> Option<(Style, u32, usize)> {
    let (value, n) = chinese_number(s)?;
    s[n..]
        .starts_with('、')
        .then_some((Style::Chapter, value, n + '、'.len_utf8()))
}

/// Reads an inline marker (第一， 一是 一要 首先 一方面) at the start of `s`. Whether it
/// is a point depends on its neighbours; look-alikes such as 第一生产力 or 一号工程 are
/// never returned.
pub fn inline_marker(s: &str) -> Option<Found> {
    let (style, ordinal, len, comma_required) = if let Some(rest) = s.strip_prefix('第') {
        let (v, n) = chinese_number(rest)?;
        (Style::Di, v, '第'.len_utf8() + n, true)
    } else if let Some((v, n)) = chinese_number(s) {
        match s[n..].chars().next()? {
            '是' => (Style::Shi, v, n + '是'.len_utf8(), false),
            '要' => (Style::Yao, v, n + '要'.len_utf8(), false),
            _ if s[n..].starts_with("方面") && v == 1 => {
                (Style::Aspect, 1, n + "方面".len(), false)
            }
            _ => return None,
        }
    } else if s.starts_with("另一方面") {
        (Style::Aspect, 2, "另一方面".len(), false)
    } else {
        let words = [("首先", 1), ("其次", 2), ("再次", 3), ("最后", 0)];
        let (word, v) = words.iter().find(|(w, _)| s.starts_with(w))?;
        (Style::Sequence, *v, word.len(), false)
    };
    if style != Style::Sequence && ordinal == 0 {
        return None;
    }
    let found = Found::at(s, style, ordinal, len);
    if comma_required && found.skip == len {
        return None;
    }
    Some(found)
}

/// Bytes of the separator after a marker: one comma or colon, then spaces.
fn separator_len(s: &str) -> usize {
    let mut n = 0;
    for c in s.chars() {
        match c {
            '，' | ',' | '、' | '：' | ':' if n == 0 => n += c.len_utf8(),
            ' ' | '\u{3000}' => n += c.len_utf8(),
            _ => break,
        }
    }
    n
}

/// ASCII or full-width digits at the start of `s`, up to 99.
fn arabic_number(s: &str) -> Option<(u32, usize)> {
    let mut value = 0u32;
    let mut len = 0;
    for c in s.chars() {
        let d = match c {
            '0'..='9' => c as u32 - '0' as u32,
            '０'..='９' => c as u32 - '０' as u32,
            _ => break,
        };
        value = value * 10 + d;
        len += c.len_utf8();
        if value > 99 {
            return None;
        }
    }
    (len > 0).then_some((value, len))
}

fn digit(c: char) -> Option<u32> {
    Some(match c {
        '〇' | '○' | '零' => 0,
        '一' => 1,
        '二' => 2,
        '三' => 3,
        '四' => 4,
        '五' => 5,
        '六' => 6,
        '七' => 7,
        '八' => 8,
        '九' => 9,
        _ => return None,
    })
}

/// A Chinese numeral from 一 to 九十九 at the start of `s` (十一, 二十, 二十三, and
/// digit by digit with ○ as zero: 一○ is ten).
pub fn chinese_number(s: &str) -> Option<(u32, usize)> {
    let mut digits = Vec::new();
    let mut ten_at = None;
    let mut len = 0;
    for c in s.chars() {
        if c == '十' {
            if ten_at.is_some() {
                break;
            }
            ten_at = Some(digits.len());
        } else if let Some(d) = digit(c) {
            digits.push(d);
        } else {
            break;
        }
        len += c.len_utf8();
        if digits.len() > 2 {
            return None;
        }
    }
    let value = match ten_at {
        Some(at) => {
            let (tens, units) = digits.split_at(at);
            match (tens, units) {
                ([], []) => 10,
                ([], [u]) => 10 + u,
                ([t], []) => t * 10,
                ([t], [u]) => t * 10 + u,
                _ => return None,
            }
        }
        None => digits.iter().fold(0, |v, d| v * 10 + d),
    };
    (len > 0 && value <= 99).then_some((value, len))
}

/// 1 → 一, 11 → 十一, 20 → 二十, 23 → 二十三.
pub fn chinese_numeral(n: u32) -> String {
    const D: [&str; 10] = ["〇", "一", "二", "三", "四", "五", "六", "七", "八", "九"];
    match n {
        0..=9 => D[n as usize].to_string(),
        10..=19 => format!("十{}", if n == 10 { "" } else { D[(n - 10) as usize] }),
        20..=99 => format!(
            "{}十{}",
            D[(n / 10) as usize],
            if n % 10 == 0 {
                ""
            } else {
                D[(n % 10) as usize]
            }
        ),
        _ => n.to_string(),
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
