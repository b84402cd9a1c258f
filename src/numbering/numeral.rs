//! Numerals as lectures and Word write them: the one reader and writer of Chinese
//! numerals (一 十一 二十三 一百〇一, digit by digit 一九四五), Arabic digits in both widths,
//! the heavenly stems 甲 乙 丙 and the enclosed forms ① ⑴ ⒈.

/// A way of writing a number.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Numeral {
    /// 一 … 十 十一 … 二十 … 一百〇一 (Word's `chineseCounting`); read also digit by digit
    /// with 〇/○/零 as zero (一○ is ten, 一九四五 is 1945).
    Chinese,
    /// As [`Numeral::Chinese`] with 零 for zero (`chineseCountingThousand`).
    ChineseZero,
    /// 壹 贰 叁 … 壹拾 (`chineseLegalSimplified`).
    Legal,
    /// 一〇, digit by digit (`ideographDigital`).
    Digital,
    /// 1 12; read in ASCII or full width (１２).
    Arabic,
    /// １２.
    FullWidth,
    /// 甲 乙 丙 … 癸, then round again (`ideographTraditional`).
    Stems,
    /// 子 丑 寅 … 亥, then round again (`ideographZodiac`).
    Branches,
    /// ① … ⑳.
    Circled,
    /// ⑴ … ⒇.
    Parenthesized,
    /// ⒈ … ⒛.
    FullStop,
}

const DIGITS: [&str; 10] = ["〇", "一", "二", "三", "四", "五", "六", "七", "八", "九"];
const LEGAL: [&str; 10] = ["零", "壹", "贰", "叁", "肆", "伍", "陆", "柒", "捌", "玖"];
const STEMS: [&str; 10] = ["甲", "乙", "丙", "丁", "戊", "己", "庚", "辛", "壬", "癸"];
const BRANCHES: [&str; 12] = [
    "子", "丑", "寅", "卯", "辰", "巳", "午", "未", "申", "酉", "戌", "亥",
];

impl Numeral {
    /// `n` written this way. Enclosed forms exist for 1 to 20; larger numbers are written
    /// in plain digits, as Word does.
    pub fn write(self, n: u32) -> String {
        match self {
            Numeral::Chinese => counting(n, &DIGITS, ["十", "百", "千"], false),
            Numeral::ChineseZero => {
                let mut d = DIGITS;
                d[0] = "零";
                counting(n, &d, ["十", "百", "千"], false)
            }
            Numeral::Legal => counting(n, &LEGAL, ["拾", "佰", "仟"], true),
            Numeral::Digital => n
                .to_string()
                .bytes()
                .map(|b| DIGITS[(b - b'0') as usize])
                .collect(),
            Numeral::Arabic => n.to_string(),
            Numeral::FullWidth => n
                .to_string()
                .chars()
                .map(|c| char::from_u32(c as u32 - '0' as u32 + '０' as u32).unwrap_or(c))
                .collect(),
            Numeral::Stems => cycle(n, &STEMS),
            Numeral::Branches => cycle(n, &BRANCHES),
            Numeral::Circled => enclosed(n, '①'),
            Numeral::Parenthesized => enclosed(n, '⑴'),
            Numeral::FullStop => enclosed(n, '⒈'),
        }
    }

    /// The characters a number written this way can start with: [`Numeral::read`] of a
    /// string starting with any other is `None`. The marker search looks a clause's
    /// first character up in these before it reads.
    pub fn first_chars(self) -> Vec<char> {
        let range = |a: char, b: char| (a..=b).collect();
        match self {
            Numeral::Chinese | Numeral::ChineseZero | Numeral::Digital => {
                "〇○零一二三四五六七八九十".chars().collect()
            }
            Numeral::Arabic | Numeral::FullWidth => ('0'..='9').chain('０'..='９').collect(),
            Numeral::Stems => STEMS.iter().flat_map(|d| d.chars()).collect(),
            Numeral::Branches => BRANCHES.iter().flat_map(|d| d.chars()).collect(),
            Numeral::Circled => range('①', '⑳'),
            Numeral::Parenthesized => range('⑴', '⒇'),
            Numeral::FullStop => range('⒈', '⒛'),
            Numeral::Legal => Vec::new(),
        }
    }

    /// The number written this way at the start of `s`, and its length in bytes. Chinese
    /// reads up to 九十九 with 十 and any length digit by digit (一九四五); stems read 甲
    /// to 癸 once round (1–10); the enclosed forms one character.
    pub fn read(self, s: &str) -> Option<(u32, usize)> {
        let first = s.chars().next()?;
        match self {
            Numeral::Chinese | Numeral::ChineseZero | Numeral::Digital => read_chinese(s),
            Numeral::Arabic | Numeral::FullWidth => read_arabic(s),
            Numeral::Stems => STEMS
                .iter()
                .position(|d| s.starts_with(d))
                .map(|i| (i as u32 + 1, first.len_utf8())),
            Numeral::Branches => BRANCHES
                .iter()
                .position(|d| s.starts_with(d))
                .map(|i| (i as u32 + 1, first.len_utf8())),
            Numeral::Circled => read_enclosed(first, '①'),
            Numeral::Parenthesized => read_enclosed(first, '⑴'),
            Numeral::FullStop => read_enclosed(first, '⒈'),
            Numeral::Legal => None,
        }
    }
}

/// 1 → 一, 11 → 十一, 20 → 二十, 101 → 一百〇一.
pub fn chinese_numeral(n: u32) -> String {
    Numeral::Chinese.write(n)
}

/// An ordinal in Chinese at the start of `s` and its length in bytes: 一 … 九十九, with 十
/// (十一, 二十, 二十三) or digit by digit (一○ is ten); larger numbers are none.
pub fn chinese_number(s: &str) -> Option<(u32, usize)> {
    read_chinese(s).filter(|&(v, _)| v <= 99)
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

/// Digit by digit (up to nine digits), or with one 十 (十 十一 二十 二十三). A numeral
/// with more than one digit on a side of 十 (十一五) is none.
fn read_chinese(s: &str) -> Option<(u32, usize)> {
    // no allocation: this runs at every clause of a lecture
    let mut buf = [0u32; 9]; // a tenth digit makes it none
    let mut n = 0;
    let mut ten_at = None;
    let mut len = 0;
    for c in s.chars() {
        if c == '十' {
            if ten_at.is_some() {
                break;
            }
            ten_at = Some(n);
        } else if let Some(d) = digit(c) {
            if n == buf.len() {
                return None;
            }
            buf[n] = d;
            n += 1;
        } else {
            break;
        }
        len += c.len_utf8();
    }
    let digits = &buf[..n];
    if len == 0 {
        return None;
    }
    let value = match ten_at {
        Some(at) => match digits.split_at(at) {
            ([], []) => 10,
            ([], [u]) => 10 + u,
            ([t], []) => t * 10,
            ([t], [u]) => t * 10 + u,
            _ => return None,
        },
        None => digits.iter().fold(0, |v, d| v * 10 + d),
    };
    Some((value, len))
}

/// ASCII or full-width digits at the start of `s` (up to nine).
fn read_arabic(s: &str) -> Option<(u32, usize)> {
    let mut value = 0u32;
    let mut len = 0;
    for (i, c) in s.chars().enumerate() {
        let d = match c {
            '0'..='9' => c as u32 - '0' as u32,
            '０'..='９' => c as u32 - '０' as u32,
            _ => break,
        };
        if i == 9 {
            return None;
        }
        value = value * 10 + d;
        len += c.len_utf8();
    }
    (len > 0).then_some((value, len))
}

fn read_enclosed(c: char, first: char) -> Option<(u32, usize)> {
    let n = (c as u32).checked_sub(first as u32)? + 1;
    (1..=20).contains(&n).then_some((n, c.len_utf8()))
}

/// 一 … 十 十一 … 二十 … 一百〇一 …; `one_ten` writes 壹拾 rather than 拾 for 10–19.
fn counting(n: u32, d: &[&str; 10], units: [&str; 3], one_ten: bool) -> String {
    if n >= 10_000 {
        let (high, low) = (n / 10_000, n % 10_000);
        let mut s = counting(high, d, units, one_ten);
        s.push('万');
        if low > 0 {
            if low < 1000 {
                s.push_str(d[0]);
            }
            s.push_str(&counting(low, d, units, true));
        }
        return s;
    }
    if n == 0 {
        return d[0].to_string();
    }
    let digits = [n / 1000, n / 100 % 10, n / 10 % 10, n % 10];
    let mut s = String::new();
    let mut zero = false;
    for (i, &digit) in digits.iter().enumerate() {
        let unit = 3 - i;
        if digit == 0 {
            zero = !s.is_empty();
            continue;
        }
        if zero {
            s.push_str(d[0]);
            zero = false;
        }
        let bare_ten = unit == 1 && digit == 1 && s.is_empty() && !one_ten;
        if !bare_ten {
            s.push_str(d[digit as usize]);
        }
        if unit > 0 {
            s.push_str(units[unit - 1]);
        }
    }
    s
}

fn cycle(n: u32, set: &[&str]) -> String {
    set[(n.max(1) as usize - 1) % set.len()].to_string()
}

fn enclosed(n: u32, first: char) -> String {
    match n {
        1..=20 => char::from_u32(first as u32 + n - 1).map_or_else(|| n.to_string(), String::from),
        _ => n.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chinese_reads_what_it_writes() {
        for n in 0..=99 {
            let written = Numeral::Chinese.write(n);
            assert_eq!(
                Numeral::Chinese.read(&written),
                Some((n, written.len())),
                "{n}"
            );
        }
        assert_eq!(Numeral::Chinese.read("一九四五年"), Some((1945, 12)));
        assert_eq!(Numeral::Chinese.read("二〇二四年"), Some((2024, 12)));
        assert_eq!(Numeral::Chinese.read("二十四日"), Some((24, 9)));
        assert_eq!(chinese_number("二〇二四"), None);
    }

    #[test]
    fn stems_and_enclosed_forms() {
        assert_eq!(Numeral::Stems.read("丙、"), Some((3, 3)));
        assert_eq!(Numeral::Stems.write(3), "丙");
        assert_eq!(Numeral::Circled.read("⑳"), Some((20, 3)));
        assert_eq!(Numeral::Circled.read("⑴"), None);
        assert_eq!(Numeral::Parenthesized.read("⑴"), Some((1, 3)));
        assert_eq!(Numeral::FullStop.write(2), "⒉");
        assert_eq!(Numeral::Arabic.read("１２．"), Some((12, 6)));
    }
}
