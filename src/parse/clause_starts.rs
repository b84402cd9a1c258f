//! Where an inline point may start in a paragraph, and how strongly: a paragraph's
//! head, a sentence start, a clause start after a comma, or after a connective word.

use crate::numbering::Start;

/// Words that may stand between a clause start and a marker: 然而第二，…
const CONNECTIVES: &[&str] = &["然而", "但是", "而且", "同时", "此外", "另外", "今后"];

/// Subjects that may stand between a clause start and a marker: 我们第一要…
const SUBJECTS: &[&str] = &["我们", "你们", "大家"];

/// The places in `s` where a point may start, how strong each is, and which sentence it
/// is in: the start of the run (a paragraph's head when `new_para`), after 。！？；：
/// (and any closing quote or space), after ，、 and after a connective at any of those.
pub(super) fn starts(s: &str, new_para: bool) -> Vec<(usize, Start, usize)> {
    let head = s.len() - s.trim_start_matches([' ', '\u{3000}']).len();
    let first = if new_para {
        Start::Paragraph
    } else {
        Start::Sentence
    };
    let mut out = vec![(head, first, 0)];
    let mut sentence = 0;
    for (i, c) in crate::scan::non_ideographs(s) {
        let start = match c {
            '。' | '！' | '？' | '!' | '?' => {
                sentence += 1;
                Start::Sentence
            }
            '；' | '：' | ';' | ':' => Start::Sentence,
            // after a count (讲了两点，首先…) a comma ends the announcing clause
            '，' | ',' if announces_count(&s[..i]) => Start::Sentence,
            '，' | ',' | '、' => Start::Clause,
            _ => continue,
        };
        // closing quotes and spaces after the stop belong to what it ends
        let mut j = i + c.len_utf8();
        while let Some(n) = s[j..]
            .chars()
            .next()
            .filter(|n| matches!(n, '”' | '’' | '」' | '』' | '）' | ')' | ' ' | '\u{3000}'))
        {
            j += n.len_utf8();
        }
        if j < s.len() {
            out.push((j, start, sentence));
        }
    }
    let connected: Vec<(usize, Start, usize)> = out
        .iter()
        .filter_map(|&(at, _, sentence)| {
            let word = CONNECTIVES.iter().find(|w| s[at..].starts_with(**w))?;
            Some((at + word.len(), Start::Clause, sentence))
        })
        .collect();
    out.extend(connected);
    // the subject between a clause start and its marker: 但是我们第一要…，第二要…
    let subjects: Vec<(usize, Start, usize)> = out
        .iter()
        .filter_map(|&(at, _, sentence)| {
            let word = SUBJECTS.iter().find(|w| s[at..].starts_with(**w))?;
            Some((at + word.len(), Start::Clause, sentence))
        })
        .collect();
    out.extend(subjects);
    out.sort_unstable_by_key(|&(at, _, _)| at);
    out
}

/// Whether `before` ends by announcing how many points follow: `讲了两点`, `三个方面`,
/// `以下几条`.
fn announces_count(before: &str) -> bool {
    let Some(rest) = ["点", "方面", "条"]
        .iter()
        .find_map(|w| before.strip_suffix(w))
    else {
        return false;
    };
    let rest = rest.strip_suffix('个').unwrap_or(rest);
    rest.chars()
        .next_back()
        .is_some_and(|c| "两三四五六七八九十几".contains(c) || c.is_ascii_digit())
}

/// `一方面` inside a clause, after its subject or a conjunction (`学校新领导班子一方面经受…，
/// 另一方面又直面…`, `所以一方面希望…`), where `另一方面` follows in the same paragraph:
/// each such place and its sentence. Not `这一方面`, `任何一方面`, `这是一方面` and the like,
/// which name an aspect.
pub(super) fn mid_clause_aspects(s: &str) -> Vec<(usize, usize)> {
    const NAMING: [char; 11] = [
        '另', '这', '那', '某', '每', '哪', '单', '何', '其', '的', '是',
    ];
    let mut out = Vec::new();
    for (at, _) in s.match_indices("一方面") {
        let before = s[..at].chars().next_back();
        let mid =
            before.is_some_and(|c| ('\u{4E00}'..='\u{9FFF}').contains(&c) && !NAMING.contains(&c));
        if mid && s[at..].contains("另一方面") {
            let sentence = s[..at].matches(['。', '！', '？', '!', '?']).count();
            out.push((at, sentence));
        }
    }
    out
}

/// `(2)`, `（3）` run on after the text of the item before, with no stop between
/// (`三个基本人生目标：(1)使人格成熟(2)建立爱的人际关系(3)参与贡献社会`), once a `(1)`
/// stands earlier in the paragraph: each such place and its sentence.
pub(super) fn run_on_parens(s: &str) -> Vec<(usize, usize)> {
    let Some(first) = s.find("(1)").into_iter().chain(s.find("（1）")).min() else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for (at, c) in s.char_indices().filter(|&(i, _)| i > first) {
        if !matches!(c, '(' | '（') {
            continue;
        }
        let before = s[..at].chars().next_back();
        let after_text = before.is_some_and(|b| ('\u{4E00}'..='\u{9FFF}').contains(&b));
        let digits = s[at + c.len_utf8()..]
            .chars()
            .take_while(char::is_ascii_digit)
            .count();
        if after_text && digits > 0 {
            let sentence = s[..at].matches(['。', '！', '？', '!', '?']).count();
            out.push((at, sentence));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_count_announced_before_a_comma_makes_a_sentence_start() {
        assert!(announces_count("母亲就给我讲了两点"));
        assert!(announces_count("主要抓好三个方面"));
        assert!(announces_count("有以下几条"));
        assert!(!announces_count("这是重点"));
        assert!(!announces_count("有一点"));
        let s = "讲了两点，首先，要帮助别人";
        let at = s.find("首先").unwrap();
        assert!(starts(s, true).contains(&(at, Start::Sentence, 0)));
    }

    #[test]
    fn items_in_brackets_run_on_after_the_one_before() {
        let s = "三个目标：(1)使人格成熟(2)建立爱的家庭(3)参与贡献社会。";
        let at = |m: &str| s.find(m).unwrap();
        assert_eq!(run_on_parens(s), [(at("(2)"), 0), (at("(3)"), 0)]);
        // without a (1) before, a bracketed number after a word is a citation
        assert!(run_on_parens("理论来源于实践(2)，又指导实践(3)。").is_empty());
    }

    #[test]
    fn one_aspect_inside_a_clause_with_the_other_after_it() {
        let s = "学校新领导班子一方面经受新课改的考验，另一方面又直面学校搬迁。";
        assert_eq!(mid_clause_aspects(s), [(s.find("一方面").unwrap(), 0)]);
        assert_eq!(
            mid_clause_aspects("所以一方面希望家长放心，另一方面也希望家长支持。").len(),
            1
        );
        // an aspect named, or no other aspect after it
        assert!(mid_clause_aspects("对于任何一方面，另一方面也要看到。").is_empty());
        assert!(mid_clause_aspects("在这一方面，另一方面也要看到。").is_empty());
        assert!(mid_clause_aspects("这是一方面。但是另一方面也要看到。").is_empty());
        assert!(mid_clause_aspects("班子一方面经受考验。").is_empty());
    }
}
