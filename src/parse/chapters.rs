//! Unnumbered chapter lines: a government report's `“十四五”时期发展成就和2025年工作回顾`
//! standing alone between paragraphs, over its 一、…四、 (or over （一）…（八） where the
//! report numbers nothing at 一、). Such a line is a heading one level above the top
//! level of the numbered headings under it: level 0, above 一、, in the first case.
//!
//! A short line without a stop is not always a heading, so the lines must behave as a
//! report's chapters do: at least two of them, at least one over a run of the top-level
//! headings that starts at one (一、 again after a chapter line), the others before the
//! first numbered heading (a review chapter told in 一是… and ——… paragraphs). Slogans in
//! quotes, dates, salutations, names, signatures and sentences written without their
//! stop are never chapter lines. In a text with no numbered headings at all, two or more
//! such lines are its parts.

use super::item::{paragraph_marker, Item};
use super::page;
use super::title::{classify_meta, is_closing, is_date, is_salutation, MetaLine};

/// The longest chapter line, in characters.
const MAX_CHARS: usize = 30;

/// The chapter lines among `items` (index in the text, item; the body after the title
/// block and salutation) before `closing_from`: their indices and the level they head.
pub fn chapter_lines(items: &[(usize, Item)], closing_from: usize) -> Option<(Vec<usize>, u8)> {
    // Markdown writes its headings as headings.
    if items.iter().any(|(_, i)| matches!(i, Item::Heading { .. })) {
        return None;
    }
    let body: Vec<&(usize, Item)> = items.iter().filter(|(i, _)| *i < closing_from).collect();
    let heading = |item: &Item| {
        item.prose()
            .and_then(|t| paragraph_marker(&t.text))
            .and_then(|f| f.marker.level().map(|l| (l, f.marker.ordinal)))
    };
    let top = body
        .iter()
        .filter_map(|(_, i)| heading(i))
        .map(|h| h.0)
        .min();
    let first_heading = body
        .iter()
        .position(|(_, i)| heading(i).is_some())
        .unwrap_or(body.len());
    let is_line = |k: usize| body[k].1.prose().is_some_and(|t| chapter_like(&t.text));
    // between paragraphs: a paragraph before, a paragraph or a heading after
    let lines: Vec<usize> = (1..body.len())
        .filter(|&k| is_line(k) && body[k - 1].1.prose().is_some())
        .filter(|&k| body.get(k + 1).is_some_and(|(_, n)| n.prose().is_some()) && !is_line(k + 1))
        .collect();
    // a text with no numbered headings: its bare lines are its parts
    let Some(top) = top else {
        // parts of one text are written alike: when two or more run a title and its
        // key word together (`家庭教育的头等大事——人品教育`), a bare line written
        // otherwise (a photo caption between paragraphs) is no part
        let dashed = |k: &usize| body[*k].1.prose().is_some_and(|t| t.text.contains("——"));
        let alike = lines.iter().filter(|k| dashed(k)).count() >= 2;
        let parts: Vec<usize> = lines
            .iter()
            .filter(|k| !alike || dashed(k))
            .map(|&k| body[k].0)
            .collect();
        return (parts.len() >= 2).then_some((parts, 1));
    };
    let mut anchored = 0;
    let mut chapters = Vec::new();
    for (n, &k) in lines.iter().enumerate() {
        let end = lines.get(n + 1).copied().unwrap_or(body.len());
        let under = body[k + 1..end].iter().find_map(|(_, i)| heading(i));
        if under == Some((top, 1)) {
            anchored += 1;
            chapters.push(body[k].0);
        } else if k < first_heading && heading(&body[k + 1].1).is_none() {
            chapters.push(body[k].0);
        }
    }
    (anchored > 0 && chapters.len() >= 2).then(|| (chapters, top - 1))
}

/// A line that can be a chapter's title: short, no stop or comma in it, and none of the
/// short lines that are something else.
pub fn chapter_like(line: &str) -> bool {
    let t = line.trim();
    let n = t.chars().count();
    if !(4..=MAX_CHARS).contains(&n)
        || t.contains(['。', '！', '？', '；', '：', '!', '?', ';', ':', '…'])
        // a comma only in a title that runs on to its key word (`给予适当鼓励，激发无限
        // 潜力——鼓励教育`)
        || (t.contains(['，', ',']) && t.find("——").is_none_or(|at| at == 0))
        || !t.chars().any(|c| c > '\u{2E80}')
        || paragraph_marker(t).is_some()
    {
        return false;
    }
    // a slogan or a title in quotes (“两个确立”, 《……》), a date, a salutation (同志们),
    // a caption, thanks, a name or an office signing (the classifier of title lines)
    let quoted = [('“', '”'), ('《', '》'), ('「', '」'), ('"', '"')]
        .iter()
        .any(|&(a, b)| t.starts_with(a) && t.ends_with(b));
    if quoted
        || is_date(t)
        || is_salutation(t)
        || is_closing(t)
        || page::is_caption(t)
        || matches!(
            classify_meta(t),
            Some(MetaLine::Organisation | MetaLine::Subtitle)
        )
        || t.split([' ', '\u{3000}']).filter(|w| !w.is_empty()).count() > 1
    {
        return false;
    }
    !sentence_like(t)
}

/// A sentence written without its stop: it opens with a person or a demand (我们要…,
/// 大家…, 希望…), or closes with a particle (…的, …了, …吗).
fn sentence_like(t: &str) -> bool {
    const OPENERS: [&str; 22] = [
        "我", "你", "他", "她", "它", "这", "那", "大家", "各位", "同志", "咱", "要", "必须",
        "应当", "应该", "希望", "让", "请", "只有", "如果", "因为", "但",
    ];
    const CLOSERS: [char; 10] = ['的', '了', '吗', '呢', '吧', '啊', '呀', '着', '过', '么'];
    OPENERS.iter().any(|o| t.starts_with(o)) || t.ends_with(CLOSERS)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::input::source::Span;
    use crate::tree::Text;

    #[test]
    fn parts_written_title_dash_key_word_leave_captions_out() {
        let lines = [
            "开场白说完了。",
            "某老师与现场家长分享心得",
            "我之所以能谈这些，是因为接触的孩子多。",
            "家庭教育的头等大事——人品教育",
            "人品是第一位的。",
            "俞老师的幽默引起阵阵笑声",
            "我的父母对我很重要。",
            "给予适当鼓励，激发无限潜力——鼓励教育",
            "关于鼓励，我先讲一个故事。",
        ];
        let items: Vec<(usize, Item)> = lines
            .iter()
            .enumerate()
            .map(|(i, l)| (i, Item::Text(Text::para(*l, Span::new(0, 0), i + 1))))
            .collect();
        assert_eq!(chapter_lines(&items, items.len()), Some((vec![3, 7], 1)));
    }

    #[test]
    fn chapter_titles_and_their_look_alikes() {
        for line in [
            "“十四五”时期发展成就和2025年工作回顾",
            "“十五五”时期主要目标和2026年重点工作",
            "2026年重点工作",
            "过去五年工作回顾",
        ] {
            assert!(chapter_like(line), "{line}");
        }
        for line in [
            // a slogan in quotes, a book title
            "“不忘初心、牢记使命”",
            "《习近平谈治国理政》",
            // a date, a salutation, thanks, a caption
            "2024年3月5日",
            "（二〇二六年一月二十七日）",
            "同志们：",
            "谢谢大家",
            "图为会议现场",
            // a signature: an office, a name, a post and a name
            "中共某某市委组织部",
            "张三",
            "省长 罗东川",
            // sentences without their stop
            "我们要坚持以人民为中心的发展思想",
            "希望大家认真学习领会",
            "这是我们党的优良传统",
            "改革开放是决定当代中国命运的",
            // a line with a comma or a colon is a sentence or a lead-in
            "坚持和加强党的全面领导，全力建设",
            "重点抓好八个方面工作：",
            // too short, too long, a marker
            "附件",
            "一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一",
            "一、工作回顾",
        ] {
            assert!(!chapter_like(line), "{line}");
        }
    }
}
