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
    apply(s, 0, &substitutions(s))
}

/// [`fullwidth`] of `s`, put in its place; `s` is left alone when nothing changes.
pub fn fullwidth_in_place(s: &mut String) {
    let subs = substitutions(s);
    if !subs.is_empty() {
        *s = apply(s, 0, &subs);
    }
}

/// The half-width marks of `s` that Chinese context makes full-width: their byte
/// offsets, in order, and the full-width forms. The marks are ASCII, and an ASCII byte
/// is never part of a longer UTF-8 character, so the scan is over bytes.
fn substitutions(s: &str) -> Vec<(usize, char)> {
    let bytes = s.as_bytes();
    let mut subs = Vec::new();
    if !bytes
        .iter()
        .any(|b| matches!(b, b',' | b':' | b';' | b'(' | b')' | b'!' | b'?'))
    {
        return subs;
    }
    let prev = |i: usize| s[..i].chars().next_back();
    let next = |i: usize| s[i + 1..].chars().next();
    let cjk = |c: Option<char>| c.is_some_and(is_cjk);
    let digit = |c: Option<char>| c.is_some_and(|c| c.is_ascii_digit());
    let mut open: Vec<usize> = Vec::new();
    let mut parens = false;
    let mut at = 0;
    while let Some(&b) = bytes.get(at) {
        let i = at;
        // an ideograph is no mark: step over its three bytes at once
        at += if crate::scan::leads_ideograph(b) {
            3
        } else {
            1
        };
        let full = match b {
            b',' | b';'
                if (cjk(prev(i)) || cjk(next(i))) && !(digit(prev(i)) && digit(next(i))) =>
            {
                if b == b',' {
                    '，'
                } else {
                    '；'
                }
            }
            b':' if cjk(prev(i))
                || (cjk(next(i)) && !prev(i).is_some_and(|p| p.is_ascii_alphanumeric())) =>
            {
                '：'
            }
            b'!' | b'?' if cjk(prev(i)) => {
                if b == b'!' {
                    '！'
                } else {
                    '？'
                }
            }
            b'(' => {
                open.push(i);
                continue;
            }
            b')' => {
                if let Some(o) = open.pop() {
                    if s[o + 1..i].chars().any(is_cjk) || cjk(prev(o)) {
                        subs.push((o, '（'));
                        subs.push((i, '）'));
                        parens = true;
                    }
                }
                continue;
            }
            _ => continue,
        };
        subs.push((i, full));
    }
    if parens {
        // an opening bracket is known only at its closing one
        subs.sort_unstable_by_key(|&(i, _)| i);
    }
    subs
}

/// `t`, which starts at byte `base` of the text `subs` were found in, with the
/// substitutions that fall inside it made.
fn apply(t: &str, base: usize, subs: &[(usize, char)]) -> String {
    let first = subs.partition_point(|&(i, _)| i < base);
    let mut out = String::with_capacity(t.len() + 8);
    let mut done = 0;
    for &(i, c) in subs[first..]
        .iter()
        .take_while(|&&(i, _)| i < base + t.len())
    {
        out.push_str(&t[done..i - base]);
        out.push(c);
        done = i - base + 1;
    }
    out.push_str(&t[done..]);
    out
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
    // Each text run is its stretch of the gathered context, starting at byte `pos`.
    fn rebuild(runs: &[Inline], subs: &[(usize, char)], pos: &mut usize) -> Vec<Inline> {
        fn take(t: &str, convert: bool, subs: &[(usize, char)], pos: &mut usize) -> String {
            let piece = if convert {
                apply(t, *pos, subs)
            } else {
                t.to_string()
            };
            *pos += t.len();
            piece
        }
        let mut out = Vec::with_capacity(runs.len());
        for r in runs {
            out.push(match r {
                Inline::Text(t) => Inline::Text(take(t, true, subs, pos)),
                Inline::Code(t) => Inline::Code(take(t, false, subs, pos)),
                Inline::Strong(c) => Inline::Strong(rebuild(c, subs, pos)),
                Inline::Emphasis(c) => Inline::Emphasis(rebuild(c, subs, pos)),
                Inline::Strikethrough(c) => Inline::Strikethrough(rebuild(c, subs, pos)),
                Inline::Superscript(c) => Inline::Superscript(rebuild(c, subs, pos)),
                Inline::Subscript(c) => Inline::Subscript(rebuild(c, subs, pos)),
                Inline::Link { url, content } => Inline::Link {
                    url: url.clone(),
                    content: rebuild(content, subs, pos),
                },
                Inline::Break | Inline::Html(_) => r.clone(),
            });
        }
        out
    }
    let mut context = String::new();
    gather(runs, &mut context);
    let subs = substitutions(&context);
    if subs.is_empty() {
        return runs.to_vec();
    }
    rebuild(runs, &subs, &mut 0)
}

#[cfg(test)]
mod tests {
    use super::{fullwidth, fullwidth_in_place, fullwidth_runs};
    use crate::deck::Inline;

    #[test]
    fn in_place_is_the_same_as_the_copy_and_as_one_run() {
        for s in [
            "专题党课:强化创新驱动,加快发展",
            "no change here",
            "1,250 人;(一)",
            "",
        ] {
            let mut t = s.to_string();
            fullwidth_in_place(&mut t);
            assert_eq!(t, fullwidth(s), "{s}");
            assert_eq!(fullwidth_runs(&[Inline::Text(s.into())]), [Inline::Text(t)]);
        }
    }

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
