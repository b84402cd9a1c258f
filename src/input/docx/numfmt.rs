//! Word's number formats (`w:numFmt`), as Word writes each number. The Chinese ones are
//! the shared [`Numeral`] writer; letters and Roman numerals are Word's alone.

use crate::numbering::Numeral;

/// Writes `n` in the format `fmt`; unknown formats fall back to decimal.
pub fn format(n: u32, fmt: &str) -> String {
    let numeral = match fmt {
        "chineseCounting" | "japaneseCounting" | "taiwaneseCounting" => Numeral::Chinese,
        "chineseCountingThousand" | "taiwaneseCountingThousand" => Numeral::ChineseZero,
        "chineseLegalSimplified" => Numeral::Legal,
        "ideographDigital" | "taiwaneseDigital" | "japaneseDigitalTenThousand" => Numeral::Digital,
        "ideographTraditional" => Numeral::Stems,
        "ideographZodiac" => Numeral::Branches,
        "decimalFullWidth" | "decimalFullWidth2" => Numeral::FullWidth,
        "decimalEnclosedCircle" | "decimalEnclosedCircleChinese" => Numeral::Circled,
        "decimalEnclosedParen" => Numeral::Parenthesized,
        "decimalEnclosedFullstop" => Numeral::FullStop,
        "decimalZero" => return format!("{n:02}"),
        "upperLetter" => return letters(n, b'A'),
        "lowerLetter" => return letters(n, b'a'),
        "upperRoman" => return roman(n),
        "lowerRoman" => return roman(n).to_lowercase(),
        "none" => return String::new(),
        _ => Numeral::Arabic,
    };
    numeral.write(n)
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
