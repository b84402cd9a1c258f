//! Word's number formats (`w:numFmt`), as Word writes each number.

/// Writes `n` in the format `fmt`; unknown formats fall back to decimal.
pub fn format(n: u32, fmt: &str) -> String {
    const CN: [&str; 10] = ["〇", "一", "二", "三", "四", "五", "六", "七", "八", "九"];
    const LEGAL: [&str; 10] = ["零", "壹", "贰", "叁", "肆", "伍", "陆", "柒", "捌", "玖"];
    match fmt {
        "chineseCounting" | "japaneseCounting" | "taiwaneseCounting" => {
            counting(n, &CN, ["十", "百", "千"], false)
        }
        "chineseCountingThousand" | "taiwaneseCountingThousand" => {
            let mut d = CN;
            d[0] = "零";
            counting(n, &d, ["十", "百", "千"], false)
        }
        "chineseLegalSimplified" => counting(n, &LEGAL, ["拾", "佰", "仟"], true),
        "ideographDigital" | "taiwaneseDigital" | "japaneseDigitalTenThousand" => n
            .to_string()
            .bytes()
            .map(|b| CN[(b - b'0') as usize])
            .collect(),
        "ideographTraditional" => cycle(
            n,
            &["甲", "乙", "丙", "丁", "戊", "己", "庚", "辛", "壬", "癸"],
        ),
        "ideographZodiac" => cycle(
            n,
            &[
                "子", "丑", "寅", "卯", "辰", "巳", "午", "未", "申", "酉", "戌", "亥",
            ],
        ),
        "decimalFullWidth" | "decimalFullWidth2" => n
            .to_string()
            .chars()
            .map(|c| char::from_u32(c as u32 - '0' as u32 + '０' as u32).unwrap_or(c))
            .collect(),
        "decimalEnclosedCircle" | "decimalEnclosedCircleChinese" => enclosed(n, 0x2460),
        "decimalEnclosedParen" => enclosed(n, 0x2474),
        "decimalEnclosedFullstop" => enclosed(n, 0x2488),
        "decimalZero" => format!("{n:02}"),
        "upperLetter" => letters(n, b'A'),
        "lowerLetter" => letters(n, b'a'),
        "upperRoman" => roman(n),
        "lowerRoman" => roman(n).to_lowercase(),
        "none" => String::new(),
        _ => n.to_string(),
    }
}

/// 一 … 十 十一 … 二十 … 一百零一 …; `one_ten` writes 壹拾 rather than 拾 for 10–19.
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

/// ① ⑴ ⒈ exist for 1 to 20; Word writes larger numbers in plain digits.
fn enclosed(n: u32, first: u32) -> String {
    match n {
        1..=20 => char::from_u32(first + n - 1).map_or_else(|| n.to_string(), String::from),
        _ => n.to_string(),
    }
}

/// A … Z, then AA … ZZ, AAA …, as Word does.
fn letters(n: u32, base: u8) -> String {
    let n = n.max(1) - 1;
    let letter = (base + (n % 26) as u8) as char;
    std::iter::repeat_n(letter, (n / 26 + 1).min(50) as usize).collect()
}

fn roman(mut n: u32) -> String {
    if n == 0 || n > 3999 {
        return n.to_string();
    }
    const R: [(u32, &str); 13] = [
        (1000, "M"),
        (900, "CM"),
        (500, "D"),
        (400, "CD"),
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ];
    let mut s = String::new();
    for (v, r) in R {
        while n >= v {
            s.push_str(r);
            n -= v;
        }
    }
    s
}

#[cfg(test)]
mod tests {
    use super::format;

    #[test]
    fn chinese_counting_family() {
        let cases = [
            (1, "一"),
            (10, "十"),
            (11, "十一"),
            (20, "二十"),
            (23, "二十三"),
            (100, "一百"),
            (101, "一百〇一"),
            (110, "一百一十"),
        ];
        for (n, want) in cases {
            assert_eq!(format(n, "chineseCounting"), want, "{n}");
        }
        assert_eq!(format(101, "chineseCountingThousand"), "一百零一");
        assert_eq!(format(1005, "chineseCountingThousand"), "一千零五");
        assert_eq!(format(12, "taiwaneseCountingThousand"), "十二");
        assert_eq!(format(12, "japaneseCounting"), "十二");
        assert_eq!(format(10, "chineseLegalSimplified"), "壹拾");
        assert_eq!(format(23, "chineseLegalSimplified"), "贰拾叁");
        assert_eq!(format(10, "ideographDigital"), "一〇");
        assert_eq!(format(3, "ideographTraditional"), "丙");
        assert_eq!(format(12, "ideographTraditional"), "乙");
    }

    #[test]
    fn digits_letters_and_fallback() {
        assert_eq!(format(12, "decimal"), "12");
        assert_eq!(format(12, "decimalFullWidth"), "１２");
        assert_eq!(format(3, "decimalEnclosedCircle"), "③");
        assert_eq!(format(20, "decimalEnclosedCircle"), "⑳");
        assert_eq!(format(21, "decimalEnclosedCircle"), "21");
        assert_eq!(format(2, "decimalEnclosedParen"), "⑵");
        assert_eq!(format(28, "upperLetter"), "BB");
        assert_eq!(format(14, "lowerRoman"), "xiv");
        assert_eq!(format(7, "somethingNew"), "7");
        assert_eq!(format(7, "none"), "");
    }
}
