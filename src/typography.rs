//! Punctuation width: half-width `, : ; ( ) ! ?` between Chinese characters become
//! their full-width forms, as GB/T 15834 sets them. Numbers, Latin text and URLs keep
//! theirs, and no word is ever changed.

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

/// `fullwidth` for HTML made by lectern: tags and character references stay as they
/// are, only the text between them changes. Tags are transparent (`资料</a>,` is Chinese
/// context); a reference counts as one non-Chinese character.
pub fn fullwidth_html(html: &str) -> String {
    const STAND_IN: char = '\u{E000}';
    // (verbatim markup, whether it stands for a character)
    let mut marks: Vec<(&str, bool)> = Vec::new();
    let mut plain = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(i) = rest.find(['<', '&']) {
        plain.push_str(&rest[..i]);
        let is_ref = rest[i..].starts_with('&');
        let len = rest[i..]
            .find(if is_ref { ';' } else { '>' })
            .map_or(rest.len() - i, |j| j + 1);
        marks.push((&rest[i..i + len], is_ref));
        plain.push(STAND_IN);
        rest = &rest[i + len..];
    }
    plain.push_str(rest);
    // Convert with tags removed and references as stand-ins; the mapping is one
    // character for one, so the marks go back where they were.
    let context: String =
        plain
            .split(STAND_IN)
            .enumerate()
            .fold(String::new(), |mut out, (i, piece)| {
                if i > 0 && marks[i - 1].1 {
                    out.push(STAND_IN);
                }
                out.push_str(piece);
                out
            });
    let mut converted = fullwidth(&context).chars().collect::<Vec<_>>().into_iter();
    let mut out = String::with_capacity(html.len() + 16);
    let mut marks = marks.into_iter();
    for c in plain.chars() {
        if c == STAND_IN {
            let (mark, is_ref) = marks.next().unwrap_or_default();
            if is_ref {
                converted.next();
            }
            out.push_str(mark);
        } else {
            out.push(converted.next().unwrap_or(c));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::{fullwidth, fullwidth_html};

    #[test]
    fn html_tags_and_references_keep_their_marks() {
        assert_eq!(
            fullwidth_html("详见<a href=\"https://a.cn/(x)\">资料</a>,&lt;span&gt;点击:好"),
            "详见<a href=\"https://a.cn/(x)\">资料</a>，&lt;span&gt;点击：好"
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
