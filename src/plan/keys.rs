//! Key sentences: up to three short sentences a slide shows under its title, taken
//! word for word from the slide's own text — never new words, and the same text always
//! gives the same choice.
//!
//! How it chooses: every sentence after the lead (the lead is the title) gets points
//! for what makes a sentence carry a point in this kind of text — saying what to do
//! (要, 必须, 坚持, 加强 …: 3), a quoted slogan (“…”: 2), a figure (数字, %, 亿: 2) — and
//! the first one after the lead (the thesis) 1 more. Too short a sentence gets none.
//! The best three, ties to the earlier, are shown in reading order, each cut at a
//! clause boundary (，；：) to about 40 characters, at the first one after 16.

use super::pacing::sentences;

/// Longest a key sentence is shown, in characters.
pub const MAX_CHARS: usize = 40;

/// Words that say what to do (要 on its own: see [`says_what_to_do`]).
const ACTION: [&str; 15] = [
    "必须", "坚持", "着力", "加快", "推动", "加强", "确保", "坚决", "切实", "务必", "不断", "推进",
    "提升", "深化", "强化",
];

/// The first characters of [`ACTION`]'s words, to look for them in one pass.
const ACTION_FIRST: [char; 12] = [
    '必', '坚', '着', '加', '推', '确', '切', '务', '不', '提', '深', '强',
];

/// What in a sentence earns it points, found in one pass over it.
#[derive(Debug, Default)]
struct Marks {
    /// It says what to do: one of [`ACTION`], or 要 as a verb (not the 要 of 重要, 主要,
    /// 需要, 只要, 必要, 纲要, 摘要, 紧要).
    acts: bool,
    /// It quotes: a “ and a ”.
    quotes: bool,
    /// It has a figure: a digit, ％, 亿 or 万.
    figure: bool,
}

fn marks(s: &str) -> Marks {
    let (mut m, mut open, mut close) = (Marks::default(), false, false);
    let mut prev = ' ';
    for (i, c) in s.char_indices() {
        match c {
            '要' if !"重主需只必纲摘紧".contains(prev) => m.acts = true,
            '“' => open = true,
            '”' => close = true,
            '0'..='9' | '％' | '%' | '亿' | '万' => m.figure = true,
            _ if !m.acts && ACTION_FIRST.contains(&c) => {
                m.acts = ACTION.iter().any(|w| s[i..].starts_with(w));
            }
            _ => {}
        }
        prev = c;
    }
    m.quotes = open && close;
    m
}

/// Whether a sentence says what to do (see [`Marks::acts`]).
#[cfg(test)]
fn says_what_to_do(s: &str) -> bool {
    marks(s).acts
}

/// Up to `max` key sentences of `text`, in reading order. `title` is what the slide
/// already shows: a sentence it holds is not shown again.
pub fn key_sentences(text: &str, title: &str, max: usize) -> Vec<String> {
    // (score, place, shown, its core)
    let mut scored: Vec<(i32, usize, String, String)> = Vec::new();
    let title_core = core(title);
    for (i, s) in sentences(text).into_iter().enumerate() {
        // markup written as text (an HTML tag in a lecture without allow_html) is no
        // sentence to show
        if s.contains('<') && s.contains('>') {
            continue;
        }
        let Some(shown) = cut(s) else { continue };
        let c = core(shown);
        // the shorter can only be inside the longer
        let in_title = if c.len() <= title_core.len() {
            title_core.contains(&c)
        } else {
            c.contains(&title_core)
        };
        if c.chars().count() < 6 || in_title {
            continue;
        }
        if scored.iter().any(|k| k.3 == c) {
            continue;
        }
        let m = marks(s);
        let mut score = 0;
        if m.acts {
            score += 3;
        }
        if m.quotes {
            score += 2;
        }
        if m.figure {
            score += 2;
        }
        if scored.is_empty() {
            score += 1;
        }
        scored.push((score, i, shown.to_string(), c));
    }
    // best first, ties to the earlier sentence; then back into reading order
    let mut best = scored;
    best.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    best.truncate(max);
    best.sort_by_key(|k| k.1);
    best.into_iter().map(|k| k.2).collect()
}

/// A sentence as shown: white space trimmed, its stop dropped, and, when longer than
/// [`MAX_CHARS`], cut at the last clause boundary that fits. `None` when even its first
/// clause is far too long to show.
fn cut(sentence: &str) -> Option<&str> {
    let s = sentence
        .trim()
        .trim_end_matches(['。', '！', '？', '；', '!', '?', ';'])
        .trim_end();
    if s.chars().count() <= MAX_CHARS {
        return Some(s);
    }
    // The first clause boundary after a phrase's worth of text reads as a whole; the
    // enumeration comma 、 joins list items and is never a cut. Cuts are (characters
    // before, bytes before).
    let mut depth = 0i32;
    let mut cuts = Vec::new();
    for (i, (at, c)) in s.char_indices().enumerate().take(MAX_CHARS + 9) {
        match c {
            '“' | '（' | '(' | '《' => depth += 1,
            '”' | '）' | ')' | '》' => depth -= 1,
            '，' | '；' | '：' | ',' | ';' | ':' if depth == 0 && i >= 8 => cuts.push((i, at)),
            _ => {}
        }
    }
    let (_, at) = cuts
        .iter()
        .copied()
        .find(|&(i, _)| (16..=MAX_CHARS).contains(&i))
        .or_else(|| cuts.iter().copied().rev().find(|&(i, _)| i <= MAX_CHARS))
        // a first clause a little over the size still reads better than a cut word
        .or_else(|| cuts.first().copied())?;
    Some(&s[..at])
}

/// Text without punctuation and spaces, to compare sentences.
fn core(s: &str) -> String {
    s.chars().filter(|&c| is_alphanumeric(c)).collect()
}

/// `char::is_alphanumeric`, answered without Unicode's tables (slow to search) for the
/// characters Chinese text is mostly made of: ideographs and punctuation.
fn is_alphanumeric(c: char) -> bool {
    match c {
        '\u{4E00}'..='\u{9FFF}' => true,
        '\u{2000}'..='\u{206F}'
        | '\u{3000}'..='\u{3004}'
        | '\u{3008}'..='\u{3011}'
        | '\u{FF00}'..='\u{FF0F}'
        | '\u{FF1A}'..='\u{FF20}' => false,
        _ => c.is_alphanumeric(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn picks_what_to_do_slogans_and_figures_in_reading_order() {
        let text = "第一，生产力是大国博弈的胜负手。这是历史反复证明了的。\
                    我们必须牢牢把握发展主动权。全市研发投入增长12.5%。\
                    大家都知道。要坚持“四个面向”，加快建设科技强市。";
        let keys = key_sentences(text, "生产力是大国博弈的胜负手", 3);
        assert_eq!(
            keys,
            [
                "我们必须牢牢把握发展主动权",
                "全市研发投入增长12.5%",
                "要坚持“四个面向”，加快建设科技强市"
            ]
        );
        // every key is a piece of the text
        assert!(keys.iter().all(|k| text.contains(k.as_str())));
    }

    #[test]
    fn long_sentences_are_cut_at_a_clause() {
        let s = "要把科技创新摆在更加突出的位置，以更大力度推进关键核心技术攻关，\
                 以更实举措培育壮大新兴产业，以更优环境集聚创新人才。";
        let keys = key_sentences(&format!("标题。{s}"), "标题", 3);
        assert_eq!(keys.len(), 1);
        assert!(keys[0].chars().count() <= MAX_CHARS, "{}", keys[0]);
        assert!(s.starts_with(&keys[0]));
        assert!(!keys[0].ends_with('，'));
    }

    #[test]
    fn the_fast_alphanumeric_test_agrees_with_unicode_everywhere() {
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            assert_eq!(is_alphanumeric(c), c.is_alphanumeric(), "{c:?}");
        }
    }

    #[test]
    fn what_to_do_is_found_by_every_word_and_not_by_look_alikes() {
        let mut first: Vec<char> = ACTION.iter().filter_map(|w| w.chars().next()).collect();
        first.sort_unstable();
        first.dedup();
        let mut listed = ACTION_FIRST.to_vec();
        listed.sort_unstable();
        assert_eq!(first, listed, "ACTION_FIRST is ACTION's first characters");
        for w in ACTION {
            assert!(says_what_to_do(&format!("我们{w}工作")), "{w}");
        }
        assert!(says_what_to_do("要抓好落实"));
        assert!(!says_what_to_do("这很重要，也是主要的"));
        assert!(!says_what_to_do("不过如此"));
    }

    #[test]
    fn the_title_and_short_fragments_are_not_repeated() {
        assert!(key_sentences("全面从严治党。好。", "全面从严治党", 3).is_empty());
    }
}
