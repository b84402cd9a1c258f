//! Pacing: no slide holds the speaker longer than a limit. A text that runs longer is
//! cut into stretches at paragraph boundaries, and a paragraph that alone runs longer
//! at sentence boundaries; the first stretch stays on its slide, the others become
//! continuation slides. Every word stays, in order, exactly once.

use crate::parse::lead_sentence;
use crate::tree::{Paragraph, Role};

/// Characters that count for speaking time (white space does not).
pub fn spoken_chars(s: &str) -> usize {
    crate::scan::non_space_chars(s)
}

/// Cuts `paras` into stretches of at most `limit` spoken characters each, unless one
/// sentence alone is longer (then it is a stretch of its own). Always at least one
/// stretch, possibly empty.
pub fn split(paras: Vec<Paragraph>, limit: usize) -> Vec<Vec<Paragraph>> {
    let total: usize = paras.iter().map(said_chars).sum();
    if total <= limit || limit == 0 {
        return vec![paras];
    }
    // Even stretches rather than full ones and a short tail: aim at total / count.
    let count = total.div_ceil(limit);
    let aim = total.div_ceil(count).min(limit);
    let mut out: Vec<Vec<Paragraph>> = vec![Vec::new()];
    let mut filled = 0;
    for p in paras.into_iter().flat_map(|p| sentences_of(p, limit)) {
        let n = said_chars(&p);
        // Content that is not spoken (a picture) stays with the text before it.
        let over = filled + n > aim && filled > 0 && n > 0;
        // A stretch ends early when the next piece would overshoot the aim by more
        // than it falls short without it.
        if over && (filled + n > limit || filled + n - aim > aim.saturating_sub(filled)) {
            out.push(Vec::new());
            filled = 0;
        }
        filled += n;
        out.last_mut().expect("never empty").push(p);
    }
    out
}

/// The characters of a paragraph that take speaking time: none for a footnote, which
/// is read in the notes, not said.
fn said_chars(p: &Paragraph) -> usize {
    if p.role == Role::Footnote {
        0
    } else {
        spoken_chars(&p.text)
    }
}

/// A paragraph longer than `limit` as pieces of whole sentences, each as long as fits;
/// any other paragraph as it is. Pieces keep the plain text only (formatting cannot be
/// cut at a sentence).
fn sentences_of(p: Paragraph, limit: usize) -> Vec<Paragraph> {
    if said_chars(&p) <= limit || p.role == Role::Block {
        return vec![p];
    }
    let mut pieces: Vec<String> = Vec::new();
    let mut current = String::new();
    for s in sentences(&p.text) {
        if !current.is_empty() && spoken_chars(&current) + spoken_chars(s) > limit {
            pieces.push(std::mem::take(&mut current));
        }
        current.push_str(s);
    }
    if !current.is_empty() {
        pieces.push(current);
    }
    pieces
        .into_iter()
        .map(|text| Paragraph {
            text,
            rich: None,
            role: p.role,
        })
        .collect()
}

/// The sentences of `s`, each with its stop (and a closing quote right after it).
pub fn sentences(s: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut rest = s;
    while !rest.is_empty() {
        let (_, mut end) = lead_sentence(rest);
        // a quotation or bracket that the stop stands inside of closes right after it
        while let Some(c) = rest[end..]
            .chars()
            .next()
            .filter(|c| matches!(c, '”' | '’' | '）' | ')' | '」' | '』'))
        {
            end += c.len_utf8();
        }
        out.push(&rest[..end]);
        rest = &rest[end..];
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn para(s: &str) -> Paragraph {
        Paragraph {
            text: s.into(),
            rich: None,
            role: Role::Prose,
        }
    }

    fn texts(chunks: &[Vec<Paragraph>]) -> Vec<Vec<String>> {
        chunks
            .iter()
            .map(|c| c.iter().map(|p| p.text.clone()).collect())
            .collect()
    }

    #[test]
    fn short_text_stays_whole() {
        let chunks = split(vec![para("一。"), para("二。")], 10);
        assert_eq!(texts(&chunks), [["一。", "二。"]]);
    }

    #[test]
    fn long_text_splits_evenly_at_paragraphs() {
        let p = |c: char| para(&c.to_string().repeat(40));
        let chunks = split(vec![p('a'), p('b'), p('c'), p('d'), p('e')], 100);
        // 200 characters, at most 100 a stretch, in paragraphs of 40: three stretches
        let sizes: Vec<usize> = chunks
            .iter()
            .map(|c| c.iter().map(|p| spoken_chars(&p.text)).sum())
            .collect();
        assert_eq!(sizes, [80, 80, 40]);
        // and a small piece joins the stretch it fits rather than starting one
        let chunks = split(vec![p('a'), p('b'), para("短句。")], 100);
        assert_eq!(chunks.len(), 1);
    }

    #[test]
    fn nothing_exceeds_the_limit_unless_one_sentence_does() {
        let long = format!(
            "{}。{}。{}。",
            "甲".repeat(60),
            "乙".repeat(60),
            "丙".repeat(150)
        );
        let chunks = split(vec![para("开头。"), para(&long)], 100);
        let joined: String = texts(&chunks).concat().concat();
        assert_eq!(joined, format!("开头。{long}"), "every word once, in order");
        for c in &chunks {
            let n: usize = c.iter().map(|p| spoken_chars(&p.text)).sum();
            assert!(
                n <= 100 || c.len() == 1,
                "{n} in {:?}",
                texts(std::slice::from_ref(c))
            );
        }
    }

    #[test]
    fn sentences_keep_their_stops_and_closing_quotes() {
        assert_eq!(
            sentences("他说：“要干。”我们干！好"),
            ["他说：“要干。”我们干！", "好"]
        );
        assert_eq!(sentences("一；二。"), ["一；", "二。"]);
    }
}
