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
    if ["——", "—", "--", "－－", "──"]
        .iter()
        .any(|p| line.starts_with(p))
    {
        return Some(MetaLine::Subtitle);
    }
    if is_date(line) {
        return Some(MetaLine::Date);
    }
    let n = line.chars().count();
    if n > 24 || line.contains(SENTENCE_PUNCT) || crate::numbering::block_marker(line).is_some() {
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

/// `（2018年9月3日）`, `2024年3月5日`, `二〇二四年三月`.
fn is_date(line: &str) -> bool {
    let inner = line.trim_matches(['(', ')', '（', '）', ' ']);
    inner.contains('年')
        && inner.chars().count() <= 16
        && inner.chars().all(|c| {
            c.is_ascii_digit()
                || ('０'..='９').contains(&c)
                || "年月日〇○零一二三四五六七八九十 .-".contains(c)
        })
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
    const PREFIXES: [&str; 16] = [
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
        "责任编辑",
        "【打印正文】",
        "【关闭窗口】",
        "【打印】",
        "[打印正文]",
        "本文链接",
    ];
    let t = line.trim();
    PREFIXES.iter().any(|p| t.starts_with(p))
        || ((t.starts_with("http://") || t.starts_with("https://")) && !t.contains(' '))
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
    }
}
