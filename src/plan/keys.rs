//! Key sentences: up to three short claims a slide shows under its title, taken word
//! for word from the slide's own text — never new words, and the same text always gives
//! the same choice.
//!
//! How it chooses: every sentence after the lead (the lead is the title) gets points for
//! what makes a sentence carry a point in this kind of text — saying what to do (要, 必须,
//! 坚持, 加强 …: 3), a claim of the form 唯有/只有…才 (2), a quoted slogan (“…”: 2), a figure
//! (数字, %, 亿: 2) — and the first one after the lead (the thesis) 1 more. The best three,
//! ties to the earlier, are shown in reading order. A sentence is shown whole when it fits
//! (about 40 characters), else as a run of its clauses (cut at ，；：) that fits: from its
//! start, or, when that does not fit, from past its lead-in (总书记强调，/ 当前，/ 作为…，)
//! or from its first clause that says what to do; 唯有 A，…，才 B shows as A……才 B. A shown
//! line never ends on a word that leads into what follows (是, 为, 强调, 指出, 如下, ：,
//! —— …), never starts with the point's own marker (一是, 2.), and never repeats the title.

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

/// Words that lead into what follows them: a line ending on one stops where its point
/// begins (…的主要预期目标是 / 总书记强调 / 如下：).
pub const LEADING: [&str; 28] = [
    "是", "为", "对", "把", "将", "和", "与", "及", "即", "在", "强调", "指出", "提出", "认为",
    "决定", "如下", "以下", "包括", "就是", "要求", "表示", "明确", "：", ":", "——", "…", "、",
    "，",
];

/// Words that open a clause of circumstance, not the claim (作为…，/ 当前，/ 随着…，).
const CONTEXT: [&str; 15] = [
    "作为",
    "当前",
    "目前",
    "随着",
    "面对",
    "近年来",
    "去年",
    "今年",
    "新时代以来",
    "同时",
    "此外",
    "对此",
    "总的来看",
    "总之",
    "除",
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

/// Whether a shown line ends on a word that leads into what is not shown.
pub fn dangles(s: &str) -> bool {
    let s = s.trim_end_matches(['。', '；', ';', ' ']);
    LEADING.iter().any(|w| s.ends_with(w))
}

/// A key line as it shows: a line of its own on each side of an elision (`A……` then
/// `才B`), so that every line a reader sees is a piece of the notes word for word.
pub fn shown_lines(key: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut from = 0;
    for (at, _) in key.match_indices("……") {
        let end = at + "……".len();
        if end > from && end < key.len() {
            out.push(&key[from..end]);
            from = end;
        }
    }
    out.push(&key[from..]);
    out
}

/// Up to `max` key sentences of `text`, in reading order. `title` is what the slide
/// already shows: a sentence it holds is not shown again.
pub fn key_sentences(text: &str, title: &str, max: usize) -> Vec<String> {
    // (score, place, shown, its core)
    let mut scored: Vec<(i32, usize, String, String)> = Vec::new();
    let title_core = core(unmarked(title));
    for (i, s) in sentences(text).into_iter().enumerate() {
        // markup written as text (an HTML tag in a lecture without allow_html) is no
        // sentence to show
        if s.contains('<') && s.contains('>') {
            continue;
        }
        let Some(shown) = cut(s) else { continue };
        let c = core(&shown);
        if c.chars().count() < 6 || repeats(&title_core, &c) {
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
        if shown.contains("……才") {
            score += 2;
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
        scored.push((score, i, shown, c));
    }
    // best first, ties to the earlier sentence; then back into reading order
    let mut best = scored;
    best.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    best.truncate(max);
    best.sort_by_key(|k| k.1);
    best.into_iter().map(|k| k.2).collect()
}

/// Whether a line whose core is `c` shows the title (core `t`) again: a piece of it, or
/// the title and a little more.
pub fn repeats(t: &str, c: &str) -> bool {
    if t.is_empty() || c.is_empty() {
        return false;
    }
    // the shorter can only be inside the longer
    if c.len() <= t.len() {
        t.contains(c)
    } else {
        // a line that opens with the whole title says it again, however much follows
        c.starts_with(t) || c.contains(t) && t.chars().count() * 2 >= c.chars().count()
    }
}

/// `s` without a point's marker at its start (一是 / 第二， / （3） / 2. / 首先，).
pub fn unmarked(s: &str) -> &str {
    let t = s.trim_start();
    match crate::numbering::inline_marker(t).or_else(|| crate::numbering::block_marker(t)) {
        // a marker as such: with its separator (第一，), a 是/要 (一是), a bracket or a
        // figure ((1), 2.) — not 再次 in 再次感谢
        Some(f)
            if f.lead == 0
                && f.skip < t.len()
                && (f.skip > f.len
                    || t[..f.len].ends_with(['是', '要'])
                    || t.starts_with([
                        '（', '(', '0', '1', '2', '3', '4', '5', '6', '7', '8', '9',
                    ])) =>
        {
            &t[f.skip..]
        }
        _ => t,
    }
}

/// The clauses of `s` at depth 0: (start, end) byte ranges, the end before its mark.
pub fn clauses(s: &str) -> Vec<(usize, usize)> {
    let mut depth = 0i32;
    let mut out = Vec::new();
    let mut from = 0;
    for (at, c) in s.char_indices() {
        match c {
            '“' | '（' | '(' | '《' | '‘' => depth += 1,
            '”' | '）' | ')' | '》' | '’' => depth = (depth - 1).max(0),
            '，' | '；' | '：' | ',' | ';' | ':' if depth == 0 => {
                out.push((from, at));
                from = at + c.len_utf8();
            }
            _ => {}
        }
    }
    if from < s.len() {
        out.push((from, s.len()));
    }
    out
}

fn chars(s: &str) -> usize {
    s.chars().count()
}

/// A sentence as shown: white space trimmed, its stop and any marker dropped, and, when
/// longer than [`MAX_CHARS`], a run of its clauses that fits (see the module's comment).
/// `None` when no run of whole clauses reads as a claim.
fn cut(sentence: &str) -> Option<String> {
    let s = unmarked(
        sentence
            .trim()
            .trim_end_matches(['。', '！', '？', '；', '!', '?', ';'])
            .trim_end(),
    );
    if chars(s) <= MAX_CHARS && !dangles(s) {
        return Some(s.to_string());
    }
    let cl = clauses(s);
    let text = |a: usize, b: usize| &s[cl[a].0..cl[b].1];
    // a clause that is only a lead-in: it ends on a leading word, or a colon follows it
    let lead_in = |i: usize| dangles(text(i, i)) || s[cl[i].1..].starts_with(['：', ':']);
    let context = |i: usize| {
        let c = text(i, i);
        CONTEXT.iter().any(|w| c.starts_with(w))
    };
    // The longest run from clause `a` that fits and ends on a claim (not on a lead-in
    // nor on circumstances), at most a little over the size when it is one clause.
    let run_from = |a: usize| -> Option<String> {
        let mut best = None;
        for b in a..cl.len() {
            let t = text(a, b);
            let n = chars(t);
            if n > MAX_CHARS && !(b == a && n <= MAX_CHARS + 6) {
                break;
            }
            if !dangles(t) && !lead_in(b) && !context(b) {
                best = Some(t.to_string());
            }
        }
        best
    };
    // the claim past its lead-in and circumstances, to the sentence's end; but what a
    // 是 or a colon leads into reads with its subject (主要预期目标是：增长5%左右)
    let past = (0..cl.len()).find(|&i| !lead_in(i) && !context(i));
    let names = |i: usize| {
        let c = text(i, i);
        c.ends_with(['是', '为']) || s[cl[i].1..].starts_with(['：', ':'])
    };
    if past.is_some_and(|p| (0..p).any(names)) {
        if let Some(shown) = run_from(0) {
            return Some(shown);
        }
    }
    if let Some(p) = past.filter(|&p| p > 0) {
        let t = text(p, cl.len() - 1);
        if chars(t) <= MAX_CHARS && !dangles(t) {
            return Some(t.to_string());
        }
    }
    // 唯有 A，…，才 B: A……才 B
    if let Some(a) = (0..cl.len()).find(|&i| {
        let c = text(i, i);
        c.contains("唯有") || c.contains("只有")
    }) {
        if let Some(b) = (a + 1..cl.len()).find(|&i| text(i, i).starts_with('才')) {
            let joined = format!("{}……{}", text(a, a), text(b, b));
            if chars(&joined) <= MAX_CHARS + 4 {
                return Some(joined);
            }
        }
    }
    // from the start, past the lead-in, or from the first clause that says what to do
    let acts = (0..cl.len()).find(|&i| marks(text(i, i)).acts);
    [Some(0), past, acts]
        .into_iter()
        .flatten()
        .find_map(run_from)
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

    /// Every shown piece is a piece of the text, and no line ends on a leading word.
    fn whole(keys: &[String], text: &str) {
        for k in keys {
            assert!(
                k.split("……").all(|piece| text.contains(piece)),
                "{k} is not from the text"
            );
            assert!(!dangles(k), "{k} ends on a leading word");
        }
    }

    #[test]
    fn a_claim_shows_its_content_not_its_lead_in() {
        // the seed lecture's 第一 point: the claim, not the clause of circumstance
        let text = "第一，生产力是大国博弈的胜负手。新质生产力的本质是先进生产力。\
                    作为一切社会变迁和政治变革的终极原因，生产力的先进程度、领先程度，\
                    直接影响一个国家的综合国力和竞争力。当前，世界百年未有之大变局全方位、\
                    深层次加速演进，我们唯有加快发展新质生产力，全力突破“卡脖子”问题，\
                    实现高水平科技自立自强，才能牢牢掌握发展和安全的主动权。";
        let keys = key_sentences(text, "生产力是大国博弈的胜负手", 3);
        whole(&keys, text);
        assert_eq!(
            keys[2],
            "我们唯有加快发展新质生产力……才能牢牢掌握发展和安全的主动权"
        );
        assert_eq!(
            keys[1],
            "生产力的先进程度、领先程度，直接影响一个国家的综合国力和竞争力"
        );
        // what 强调 leads into (the same lecture)
        let text = "总书记在这次全国两会上特别强调，发展新质生产力不是忽视、放弃传统产业，\
                    要防止一哄而上、泡沫化。";
        let keys = key_sentences(text, "避免过于“极化”", 3);
        whole(&keys, text);
        assert_eq!(
            keys,
            ["发展新质生产力不是忽视、放弃传统产业，要防止一哄而上、泡沫化"]
        );
    }

    #[test]
    fn a_target_after_its_colon_is_shown_with_it() {
        // gov-report-2026-inner-mongolia-web and -sichuan-web
        let text = "今年经济社会发展的主要预期目标是：地区生产总值增长5%左右，\
                    在实际工作中努力争取更好结果；城镇调查失业率5.7%左右。\
                    展望未来，我将：";
        let keys = key_sentences(text, "今后五年的奋斗目标", 3);
        whole(&keys, text);
        assert_eq!(
            keys[0],
            "今年经济社会发展的主要预期目标是：地区生产总值增长5%左右"
        );
        // 展望未来，我将： leads into nothing shown
        assert_eq!(keys.len(), 2);
        let text = "今年全省经济社会发展主要预期目标是：地区生产总值增长5.5%左右；";
        assert_eq!(
            key_sentences(text, "标题", 3),
            ["今年全省经济社会发展主要预期目标是：地区生产总值增长5.5%左右"]
        );
    }

    #[test]
    fn a_point_marker_and_the_title_are_not_shown_again() {
        // gov-report-2026-gansu-web: the heading's sentence, marker and all
        let text = "一是继续实施“强县中增学位”工程。";
        assert!(key_sentences(text, "继续实施“强县中增学位”工程", 3).is_empty());
        let text = "二是新增学位2万个，建设一批寄宿制学校。";
        assert_eq!(
            key_sentences(text, "标题", 3),
            ["新增学位2万个，建设一批寄宿制学校"]
        );
    }

    #[test]
    fn an_elided_line_shows_each_side_on_a_line_of_its_own() {
        assert_eq!(
            shown_lines("我们唯有加快发展新质生产力……才能牢牢掌握发展和安全的主动权"),
            [
                "我们唯有加快发展新质生产力……",
                "才能牢牢掌握发展和安全的主动权"
            ]
        );
        assert_eq!(shown_lines("坚持人民至上"), ["坚持人民至上"]);
        // an ellipsis that ends the line leads nowhere: nothing to put on a line
        assert_eq!(shown_lines("如此等等……"), ["如此等等……"]);
    }

    #[test]
    fn the_title_and_short_fragments_are_not_repeated() {
        assert!(key_sentences("全面从严治党。好。", "全面从严治党", 3).is_empty());
    }
}
