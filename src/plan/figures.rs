//! Figure callouts: a point whose text states its figures (a report's targets, growth,
//! totals: `地区生产总值增长5%左右`, `经济总量达到2.67万亿元`) shows them large, each with its
//! label under it, both word for word from the text. Conservative: a figure counts only
//! at the end of its clause, with a unit (％, 亿元, 万人 …) and a label of a few words
//! before it in the same clause; a slide shows them when it finds two to four such (the
//! first four when more).

use crate::deck::Figure;

/// Most callouts a slide shows.
pub const MAX_FIGURES: usize = 4;

/// Units a figure may end with, longest first so that 万亿元 wins over 亿元.
const UNITS: [&str; 24] = [
    "万亿元",
    "亿美元",
    "万千瓦",
    "万平方米",
    "亿元",
    "万元",
    "万人次",
    "万人",
    "万户",
    "万个",
    "万亩",
    "万吨",
    "万辆",
    "万套",
    "万所",
    "万家",
    "万公里",
    "公里",
    "亿斤",
    "个百分点",
    "%",
    "％",
    "倍",
    "元",
];

/// Words after a unit that belong to the figure (`5%左右`, `18万人以上`).
const AFTER: [&str; 4] = ["左右", "以上", "以内", "以下"];

/// Words before a number that belong to the figure (`近1000亿元`).
const BEFORE: [char; 3] = ['近', '约', '超'];

/// A copula at the end of a label says nothing under its figure (`经济总量达到`).
const COPULA: [&str; 5] = ["达到", "为", "是", "达", "在"];

/// Verbs that end a label in the text but say nothing under its figure: a label names
/// what is measured (`城镇新增就业累计超过` → `城镇新增就业`, `占全国比重升至` → `占全国比重`).
const VERBS: [&str; 16] = [
    "累计",
    "超过",
    "突破",
    "升至",
    "降至",
    "增至",
    "提高到",
    "提高至",
    "提升到",
    "提升至",
    "下降到",
    "降到",
    "保持",
    "控制",
    "稳定",
    "达到",
];

/// A label as it shows: the text before its figure without the copula and verbs that
/// lead into the figure, nor the `其中` that ties it to the sentence before — still a piece
/// of the text word for word.
fn noun_label(text: &str) -> &str {
    let mut label = text.strip_prefix("其中").unwrap_or(text);
    for c in COPULA {
        if let Some(l) = label.strip_suffix(c) {
            label = l;
            break;
        }
    }
    while let Some(l) = VERBS.iter().find_map(|v| label.strip_suffix(v)) {
        // and the adverb of the verb left out: `本外币贷款余额首次突破` → `本外币贷款余额`
        label = ["首次", "再次"]
            .iter()
            .find_map(|a| l.strip_suffix(a))
            .unwrap_or(l);
    }
    label
}

/// Shortest and longest label, in characters.
const LABEL: std::ops::RangeInclusive<usize> = 3..=12;

/// The callouts of `text`: none unless it holds at least two.
pub fn figures(text: &str) -> Vec<Figure> {
    let mut out: Vec<Figure> = Vec::new();
    for clause in text.split(['，', '；', '。', '：', '！', '？', ',', ';', ':']) {
        if let Some(f) = figure(clause.trim()) {
            if !out.iter().any(|o| o.value == f.value || o.label == f.label) {
                out.push(f);
            }
        }
        if out.len() == MAX_FIGURES {
            break;
        }
    }
    if out.len() < 2 {
        out.clear();
    }
    out
}

/// The figure that ends `clause`, with the clause before it as its label.
fn figure(clause: &str) -> Option<Figure> {
    // the figure's end: after a unit and what may follow it
    let mut end = clause;
    for a in AFTER {
        if let Some(e) = end.strip_suffix(a) {
            end = e;
            break;
        }
    }
    let unit = UNITS.iter().find(|u| end.ends_with(*u))?;
    let number = &end[..end.len() - unit.len()];
    // the number: digits with one decimal point, not part of a year or a list
    let digits = number
        .char_indices()
        .rev()
        .take_while(|(_, c)| c.is_ascii_digit() || *c == '.')
        .last()
        .map(|(at, _)| at)?;
    let figure_digits = &number[digits..];
    if figure_digits.starts_with('.') || figure_digits.matches('.').count() > 1 {
        return None;
    }
    let mut start = digits;
    if let Some(c) = number[..digits].chars().next_back() {
        if BEFORE.contains(&c) {
            start -= c.len_utf8();
        }
    }
    let label = noun_label(clause[..start].trim());
    // a label of words, not of other figures or quotations cut in half
    let n = label.chars().count();
    if !LABEL.contains(&n)
        || label
            .chars()
            .any(|c| c.is_ascii_digit() || "“”（）()《》、".contains(c))
    {
        return None;
    }
    Some(Figure {
        value: clause[start..].to_string(),
        label: label.to_string(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pairs(text: &str) -> Vec<(String, String)> {
        figures(text)
            .into_iter()
            .map(|f| (f.value, f.label))
            .collect()
    }

    #[test]
    fn a_reports_targets_are_its_callouts() {
        // gov-report-2026-inner-mongolia-web
        let text = "今年经济社会发展的主要预期目标是：地区生产总值增长5%左右，在实际工作中努力争取更好结果；\
                    城镇调查失业率5.7%左右，城镇新增就业18万人以上；居民消费价格涨幅2%左右；\
                    居民收入增长与经济增长同步；粮食产量超过840亿斤。";
        let got = pairs(text);
        assert_eq!(
            got,
            [
                ("5%左右".into(), "地区生产总值增长".into()),
                ("5.7%左右".into(), "城镇调查失业率".into()),
                ("18万人以上".into(), "城镇新增就业".into()),
                ("2%左右".into(), "居民消费价格涨幅".into()),
            ]
        );
        // word for word: each label stands right before its figure in the text, or
        // with a copula between them
        for (value, label) in got {
            assert!(
                text.contains(&format!("{label}{value}"))
                    || COPULA
                        .iter()
                        .any(|c| text.contains(&format!("{label}{c}{value}"))),
                "{label} {value}"
            );
        }
    }

    #[test]
    fn totals_keep_their_qualifier_and_drop_the_copula() {
        let text = "经济总量达到2.67万亿元，人均GDP进入全国前8位。一般公共预算收入增加近1000亿元，稳步达到3000亿元以上。";
        assert_eq!(
            pairs(text),
            [
                ("2.67万亿元".into(), "经济总量".into()),
                ("近1000亿元".into(), "一般公共预算收入增加".into()),
            ]
        );
    }

    #[test]
    fn labels_name_what_is_measured() {
        // gov-report-2026-* texts: 其中 ties a label to the sentence before, and a verb
        // leads into the figure
        assert_eq!(noun_label("其中入境游客"), "入境游客");
        assert_eq!(noun_label("城镇新增就业累计超过"), "城镇新增就业");
        assert_eq!(
            noun_label("天然草原草畜平衡指数降至"),
            "天然草原草畜平衡指数"
        );
        assert_eq!(noun_label("城镇调查失业率控制在"), "城镇调查失业率");
        assert_eq!(noun_label("信贷规模突破"), "信贷规模");
        // gov-report-2026-yunnan-web: 首次 led into the verb left out
        assert_eq!(noun_label("本外币贷款余额首次突破"), "本外币贷款余额");
        assert_eq!(noun_label("绿色铝产值首次突破"), "绿色铝产值");
        // what grows or falls is measured by its figure: kept
        assert_eq!(noun_label("地区生产总值增长"), "地区生产总值增长");
        let text = "城镇新增就业累计超过50万人，其中外国游客增长15.2%。";
        assert_eq!(
            pairs(text),
            [
                ("50万人".into(), "城镇新增就业".into()),
                ("15.2%".into(), "外国游客增长".into()),
            ]
        );
        // too short once trimmed: no callout (其中企业 → 企业)
        assert!(figure("其中企业3.5万家").is_none());
    }

    #[test]
    fn one_figure_years_and_prose_make_no_callouts() {
        assert!(figures("地区生产总值增长5%左右，努力争取更好结果。").is_empty());
        assert!(figures("1958年，毛主席再次号召。2018年，我们召开会议。").is_empty());
        assert!(figures("要坚持人民至上，推动高质量发展。").is_empty());
    }
}
