//! Punctuation width: half-width `, : ; ( ) ! ?` between Chinese characters become
//! their full-width forms, as GB/T 15834 sets them. Numbers, Latin text and URLs keep
//! theirs, and no word is ever changed.

use crate::deck::Inline;

/// Chinese text or punctuation that makes a neighbouring mark full-width.
fn is_cjk(c: char) -> bool {
    matches!(c,
        '\u{4E00}'..='\u{9FFF}'
        | '\u{3400}'..='\u{4DBF}'
        | '\u{3000}'..='\u{303F}'
        | '\u{FF00}'..='\u{FFEF}'
        | '“' | '”' | '‘' | '’' | '…' | '—'
    )
}

/// Returns `s` with half-width punctuation in Chinese context made full-width.
pub fn fullwidth(s: &str) -> String {
    if !s.contains([',', ':', ';', '(', ')', '!', '?']) {
        return s.to_string();
    }
    let chars: Vec<char> = s.chars().collect();
    let mut out: Vec<char> = chars.clone();
    let prev = |i: usize| i.checked_sub(1).map(|j| chars[j]);
    let next = |i: usize| chars.get(i + 1).copied();
    let cjk = |c: Option<char>| c.is_some_and(is_cjk);
    let digit = |c: Option<char>| c.is_some_and(|c| c.is_ascii_digit());
    let mut open: Vec<usize> = Vec::new();
    for (i, &c) in chars.iter().enumerate() {
        match c {
            ',' | ';' if (cjk(prev(i)) || cjk(next(i))) && !(digit(prev(i)) && digit(next(i))) => {
                out[i] = if c == ',' { '，' } else { '；' };
            }
            ':' if cjk(prev(i))
                || (cjk(next(i)) && !prev(i).is_some_and(|p| p.is_ascii_alphanumeric())) =>
            {
                out[i] = '：';
            }
            '!' | '?' if cjk(prev(i)) => out[i] = if c == '!' { '！' } else { '？' },
            '(' => open.push(i),
            ')' => {
                if let Some(o) = open.pop() {
                    let inner_cjk = chars[o + 1..i].iter().any(|&c| is_cjk(c));
                    if inner_cjk || cjk(prev(o)) {
                        out[o] = '（';
                        out[i] = '）';
                    }
                }
            }
            _ => {}
        }
    }
    out.into_iter().collect()
}

/// `fullwidth` over formatted runs: the context runs across formatting (`资料**,**`
/// is Chinese context), code is context but stays as written, raw HTML is skipped.
pub fn fullwidth_runs(runs: &[Inline]) -> Vec<Inline> {
    fn gather(runs: &[Inline], out: &mut String) {
        for r in runs {
            match r {
                Inline::Text(t) | Inline::Code(t) => out.push_str(t),
                Inline::Strong(c)
                | Inline::Emphasis(c)
                | Inline::Strikethrough(c)
                | Inline::Superscript(c)
                | Inline::Subscript(c)
                | Inline::Link { content: c, .. } => gather(c, out),
                Inline::Break | Inline::Html(_) => {}
            }
        }
    }
    // `fullwidth` maps one character to one, so each run takes back its own count.
    fn rebuild(runs: &[Inline], conv: &[char], pos: &mut usize) -> Vec<Inline> {
        fn take(t: &str, convert: bool, conv: &[char], pos: &mut usize) -> String {
            let n = t.chars().count();
            let piece = if convert {
                conv[*pos..*pos + n].iter().collect()
            } else {
                t.to_string()
            };
            *pos += n;
            piece
        }
        let mut out = Vec::with_capacity(runs.len());
        for r in runs {
            out.push(match r {
                Inline::Text(t) => Inline::Text(take(t, true, conv, pos)),
                Inline::Code(t) => Inline::Code(take(t, false, conv, pos)),
                Inline::Strong(c) => Inline::Strong(rebuild(c, conv, pos)),
                Inline::Emphasis(c) => Inline::Emphasis(rebuild(c, conv, pos)),
                Inline::Strikethrough(c) => Inline::Strikethrough(rebuild(c, conv, pos)),
                Inline::Superscript(c) => Inline::Superscript(rebuild(c, conv, pos)),
                Inline::Subscript(c) => Inline::Subscript(rebuild(c, conv, pos)),
                Inline::Link { url, content } => Inline::Link {
                    url: url.clone(),
                    content: rebuild(content, conv, pos),
                },
                Inline::Break | Inline::Html(_) => r.clone(),
            });
        }
        out
    }
    let mut context = String::new();
    gather(runs, &mut context);
    let conv: Vec<char> = fullwidth(&context).chars().collect();
    rebuild(runs, &conv, &mut 0)
}

#[cfg(test)]
mod tests {
    use super::{fullwidth, fullwidth_runs};
    use crate::deck::Inline;

    #[test]
    fn formatting_is_transparent_and_code_and_links_keep_their_marks() {
        let runs = vec![
            Inline::Text("详见".into()),
            Inline::Link {
                url: "https://a.cn/(x)".into(),
                content: vec![Inline::Text("资料".into())],
            },
            Inline::Text(",".into()),
            Inline::Code("a,b".into()),
            Inline::Strong(vec![Inline::Text("点击:好".into())]),
        ];
        assert_eq!(
            fullwidth_runs(&runs),
            vec![
                Inline::Text("详见".into()),
                Inline::Link {
                    url: "https://a.cn/(x)".into(),
                    content: vec![Inline::Text("资料".into())],
                },
                Inline::Text("，".into()),
                Inline::Code("a,b".into()),
                Inline::Strong(vec![Inline::Text("点击：好".into())]),
            ]
        );
    }

    #[test]
    fn chinese_context_becomes_full_width() {
        assert_eq!(
            fullwidth("专题党课:强化创新驱动,加快发展"),
            "专题党课：强化创新驱动，加快发展"
        );
        assert_eq!(
            fullwidth("(一)聚焦“两个大局”,准确"),
            "（一）聚焦“两个大局”，准确"
        );
        assert_eq!(fullwidth("(2018年9月3日)"), "（2018年9月3日）");
        assert_eq!(fullwidth("底线;红线"), "底线；红线");
        assert_eq!(fullwidth("行不行?行!"), "行不行？行！");
    }

    #[test]
    fn numbers_latin_and_urls_keep_their_marks() {
        for s in [
            "1,000 元",
            "f(x) = y",
            "https://www.example.com/a.html",
            "Hello, world: ok; (yes)!",
            "3.14",
        ] {
            assert_eq!(fullwidth(s), s);
        }
        assert_eq!(fullwidth("出处:https://a.cn/1"), "出处：https://a.cn/1");
        assert_eq!(fullwidth("共1,000人,全市"), "共1,000人，全市");
    }
}
