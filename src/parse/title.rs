//! What the lines around the numbered body are: title, kicker, subtitle, date, speaker,
//! organisation, salutation, closing words and reprint notes. Shared by the parsers.

/// `专题党课：强化创新驱动…` → (`专题党课`, `强化创新驱动…`) when the part before the
/// colon is short enough to be a label.
pub fn split_kicker(line: &str) -> (Option<&str>, &str) {
    if let Some(i) = line.find([':', '：']) {
        let (head, tail) = (&line[..i], &line[i..]);
        let tail = &tail[tail.chars().next().map_or(0, char::len_utf8)..];
        let short = head.chars().count() <= 10 && !head.contains(['，', ',', '。']);
        if short && !head.trim().is_empty() && !tail.trim().is_empty() {
            return (Some(head.trim()), tail.trim());
        }
    }
    (None, line)
}

/// What a line of the title block is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MetaLine {
    Subtitle,
    Date,
    Speaker,
    Organisation,
}

const SENTENCE_PUNCT: [char; 12] = [
    '。', '，', ',', '；', ';', '！', '!', '？', '?', '“', '：', ':',
];

/// Classifies a line between the title and the salutation, or `None` when it is not
/// title-block material (then the opening has begun).
pub fn classify_meta(line: &str) -> Option<MetaLine> {
    if is_subtitle(line) {
        return Some(MetaLine::Subtitle);
    }
    if is_date(line) {
        return Some(MetaLine::Date);
    }
    let n = line.chars().count();
    if n > 24
        || line.contains(SENTENCE_PUNCT)
        || crate::numbering::block_marker(line).is_some()
        || crate::numbering::spaced_heading(line).is_some()
    {
        return None;
    }
    const ORG_ENDINGS: [&str; 16] = [
        "委员会",
        "党委",
        "党组",
        "党支部",
        "支部",
        "委",
        "局",
        "厅",
        "部",
        "办",
        "院",
        "政府",
        "公司",
        "中心",
        "学校",
        "大学",
    ];
    if ORG_ENDINGS.iter().any(|e| line.ends_with(e)) {
        Some(MetaLine::Organisation)
    } else {
        Some(MetaLine::Speaker)
    }
}

const DASHES: [&str; 7] = ["——", "—", "――", "―", "--", "－－", "──"];

/// Words an occasion line ends with.
const OCCASION_ENDS: [&str; 6] = ["上", "上的讲话", "上的报告", "讲话", "报告", "上讲话"];

/// `——在全市干部大会上的讲话`, `（2026年1月27日在贵州省……会议上）`,
/// `2026年2月3日在四川省……会议上`: dash-led, or an occasion (a date, then 在…上).
pub fn is_subtitle(line: &str) -> bool {
    if DASHES.iter().any(|p| line.starts_with(p)) {
        return true;
    }
    let inner = line.trim().trim_start_matches(['(', '（']);
    let inner = inner.trim_end_matches([')', '）']);
    let Some(date) = leading_date(inner) else {
        return false;
    };
    let rest = inner[date.len()..].trim_end();
    rest.starts_with('在')
        && OCCASION_ENDS
            .iter()
            .any(|e| rest.ends_with(e) || rest.contains(&format!("{e} ")))
}

/// The subtitle and the speaker written on one line (`……会议上 陕西省省长 赵刚`).
pub fn split_subtitle_speaker(line: &str) -> Option<(&str, &str)> {
    let at = line.rfind("上 ").or_else(|| line.rfind("上\u{3000}"))?;
    let (subtitle, speaker) = line.split_at(at + "上".len());
    let speaker = speaker.trim();
    (classify_meta(speaker) == Some(MetaLine::Speaker) && speaker.chars().count() <= 16)
        .then_some((subtitle.trim_end(), speaker))
}

/// Whether a line continues a subtitle that the page broke in two
/// (`——2026年1月26日在广东省第十四届` / `人民代表大会第五次会议上`).
pub fn continues_subtitle(subtitle: &str, line: &str) -> bool {
    let t = line.trim();
    !is_date(t)
        && !t.starts_with(['（', '(', '—', '―', '-'])
        && !["上", "讲话", "报告", "）", ")"]
            .iter()
            .any(|e| subtitle.trim_end().ends_with(e))
        && OCCASION_ENDS
            .iter()
            .chain(&["）", ")"])
            .any(|e| t.ends_with(e))
        && t.chars().count() <= 30
        && !t.contains(SENTENCE_PUNCT)
}

/// A date line in the forms offices write: `（2018年9月3日）`, `2024年3月5日`,
/// `2021年6月8日下午`, `二〇二四年三月`, `一九四五年四月二十四日`, `2022-01-20`.
pub fn is_date(line: &str) -> bool {
    let t = line.trim();
    if is_dated_note(t) {
        return true;
    }
    let inner = t.trim_matches(['(', ')', '（', '）', ' ']);
    let inner = ["上午", "下午", "晚上", "晚"]
        .iter()
        .find_map(|p| inner.strip_suffix(p))
        .unwrap_or(inner);
    leading_date(inner).is_some_and(|d| d.len() == inner.len())
}

/// A bracketed note that opens with the day, its year left out, as a school's page
/// writes when and where a speech was given: `（1月13日下午4点，行政楼会议室四）`.
fn is_dated_note(t: &str) -> bool {
    let Some(inner) = t
        .strip_prefix(['（', '('])
        .and_then(|r| r.strip_suffix(['）', ')']))
    else {
        return false;
    };
    let digits = |s: &str| s.chars().take_while(char::is_ascii_digit).count();
    let m = digits(inner);
    let Some(rest) = inner[m..].strip_prefix('月') else {
        return false;
    };
    let d = digits(rest);
    (1..=2).contains(&m)
        && (1..=2).contains(&d)
        && rest[d..].starts_with('日')
        && inner.chars().count() <= 30
        && !inner.contains(['。', '；'])
}

/// The date a string starts with (`2026年1月27日`, `二〇二六年一月`, `2022-01-20`): a
/// year of four digits and at least a month.
pub fn leading_date(s: &str) -> Option<&str> {
    let numeral = |c: char| {
        c.is_ascii_digit() || ('０'..='９').contains(&c) || "〇○零一二三四五六七八九十".contains(c)
    };
    let mut end = 0;
    let mut units = 0;
    let mut dashes = 0;
    let mut last = ' ';
    for (i, c) in s.char_indices() {
        if numeral(c) {
            end = i + c.len_utf8();
        } else if "年月日".contains(c) && numeral(last) && dashes == 0 {
            units += 1;
            end = i + c.len_utf8();
            if c == '日' {
                break;
            }
        } else if matches!(c, '-' | '/') && last.is_ascii_digit() && units == 0 && dashes < 2 {
            dashes += 1;
        } else {
            break;
        }
        last = c;
    }
    let date = &s[..end];
    let year = date
        .chars()
        .take_while(|&c| numeral(c) && c != '十')
        .count()
        >= 4;
    (year && (units >= 2 || (dashes == 2 && units == 0))).then_some(date)
}

/// The date in a subtitle (`——2026年1月26日在……` gives `2026年1月26日`).
pub fn date_in(subtitle: &str) -> Option<&str> {
    let inner = DASHES
        .iter()
        .find_map(|p| subtitle.strip_prefix(p))
        .unwrap_or(subtitle)
        .trim_start_matches(['(', '（']);
    leading_date(inner)
}

/// `同志们：`, `各位代表、同志们：`.
pub fn is_salutation(line: &str) -> bool {
    let t = line.trim_end();
    (t.ends_with(':') || t.ends_with('：'))
        && t.chars().count() <= 24
        && !t.contains(['。', '；', '！', '？'])
        && crate::numbering::block_marker(t).is_none()
        && [
            "同志", "代表", "各位", "朋友", "老师", "同学", "领导", "嘉宾", "女士", "先生", "委员",
            "大家",
        ]
        .iter()
        .any(|w| t.contains(w))
}

/// `谢谢大家！`, or a last exhortation such as `同志们，让我们……奋勇前进！`.
pub fn is_closing(line: &str) -> bool {
    let t = line.trim();
    let thanks = (t.contains("谢谢") || t.contains("感谢大家")) && t.chars().count() <= 20;
    let exhortation = (t.starts_with("同志们") || t.starts_with("让我们"))
        && (t.ends_with('！') || t.ends_with('!'));
    thanks || exhortation
}

/// Reprint and source lines that belong to the web page, not the lecture.
pub fn is_source_note(line: &str) -> bool {
    const PREFIXES: [&str; 11] = [
        "如若转载",
        "转载请注明",
        "来源：",
        "来源:",
        "（来源",
        "(来源",
        "本文来源",
        "文章来源",
        "原文链接",
        "原文地址",
        "本文链接",
    ];
    let t = line.trim();
    PREFIXES.iter().any(|p| t.starts_with(p))
        || ((t.starts_with("http://") || t.starts_with("https://")) && !t.contains(' '))
        || cites_a_book(t)
}

/// A line that is all a bracketed citation of the book the text was taken from:
/// `（《毛泽东选集》第五卷，人民出版社1977年4月第1版，第267--288页）`.
fn cites_a_book(t: &str) -> bool {
    let inner = t
        .strip_prefix(['（', '('])
        .and_then(|t| t.strip_suffix(['）', ')']));
    inner.is_some_and(|i| {
        i.starts_with('《') && (i.contains("出版社") || i.contains('页') || i.contains("版"))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kicker_splits_only_at_a_short_label() {
        assert_eq!(
            split_kicker("专题党课:强化创新驱动,加快发展"),
            (Some("专题党课"), "强化创新驱动,加快发展")
        );
        assert_eq!(
            split_kicker("在全市组织工作会议上的讲话"),
            (None, "在全市组织工作会议上的讲话")
        );
        let long = "按照局党组工作安排，今天我讲一课：题目";
        assert_eq!(split_kicker(long), (None, long));
    }

    #[test]
    fn title_block_lines() {
        assert_eq!(
            classify_meta("——在全市干部大会上的讲话"),
            Some(MetaLine::Subtitle)
        );
        assert_eq!(classify_meta("（2018年9月3日）"), Some(MetaLine::Date));
        assert_eq!(classify_meta("二〇二四年三月五日"), Some(MetaLine::Date));
        assert_eq!(
            classify_meta("中共某某市委宣传部"),
            Some(MetaLine::Organisation)
        );
        assert_eq!(classify_meta("市委书记 张三"), Some(MetaLine::Speaker));
        assert_eq!(classify_meta("今天，我们召开会议。"), None);
        assert!(is_salutation("同志们:"));
        assert!(is_salutation("各位代表、同志们："));
        assert!(!is_salutation("主要有三点："));
        assert!(is_closing("谢谢大家！"));
        assert!(is_closing("同志们，让我们团结一心，奋勇前进！"));
        assert!(!is_closing("再次感谢大家对工作的支持，我们要继续努力。"));
        assert!(is_source_note(
            "如若转载,请注明出处:https://example.com/1.html"
        ));
        assert!(is_source_note("来源：人民网"));
        assert!(!is_source_note("来源于群众的智慧"));
        // the book a classic text was taken from, in brackets on a line of its own
        assert!(is_source_note(
            "（《毛泽东选集》第五卷，人民出版社1977年4月第1版，第267--288页）"
        ));
        assert!(!is_source_note("（《论持久战》是一篇名著。）我们要读。"));
        assert!(!is_source_note("（一九三八年五月）"));
    }

    #[test]
    fn dates_in_every_form_and_never_the_speaker() {
        for d in [
            "（2019年3月5日）",
            "2021年6月8日下午",
            "2022-01-20",
            "一九四五年四月二十四日",
            "（一九三八年五月）",
            "二〇二四年三月五日",
            "2021/02/27",
            "（1月13日下午4点，行政楼会议室四）",
        ] {
            assert_eq!(classify_meta(d), Some(MetaLine::Date), "{d}");
        }
        // a bracketed remark that is no date, and a sentence that opens with one
        for not_date in [
            "（13日下午，会议室）",
            "（1月13日，我们召开了会议。会议认为，……）",
        ] {
            assert_ne!(classify_meta(not_date), Some(MetaLine::Date), "{not_date}");
        }
        assert_eq!(
            date_in("——2026年1月26日在广东省第十四届"),
            Some("2026年1月26日")
        );
        assert_eq!(
            date_in("（2026年1月27日在贵州省第十四届人民代表大会第四次会议上）"),
            Some("2026年1月27日")
        );
        assert_eq!(date_in("——在全市干部大会上的讲话"), None);
    }

    #[test]
    fn subtitles_as_offices_write_them() {
        for s in [
            "——在全市干部大会上的讲话",
            "――2026年1月27日在青海省第十四届人民代表大会第四次会议上",
            "（2026年1月27日在贵州省第十四届人民代表大会第四次会议上）",
            "2026年2月3日在四川省第十四届人民代表大会第五次会议上",
        ] {
            assert_eq!(classify_meta(s), Some(MetaLine::Subtitle), "{s}");
        }
        assert_eq!(
            split_subtitle_speaker(
                "2026年1月27日在陕西省第十四届人民代表大会第四次会议上 陕西省省长 赵刚"
            ),
            Some((
                "2026年1月27日在陕西省第十四届人民代表大会第四次会议上",
                "陕西省省长 赵刚"
            ))
        );
        assert!(continues_subtitle(
            "——2026年1月26日在广东省第十四届",
            "人民代表大会第五次会议上"
        ));
        assert!(!continues_subtitle("——在全市干部大会上的讲话", "张三"));
        assert!(!continues_subtitle(
            "——坚持从严从实，推动发展",
            "（2024年3月5日）"
        ));
    }
}
