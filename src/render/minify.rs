//! Our runtime JavaScript and the CSS, shrunk for the deck: comments, indentation and
//! blank lines go, runs of spaces become one, and CSS loses the spaces around its
//! punctuation. Line breaks stay in JavaScript, so automatic semicolon insertion reads
//! the code as written; strings, template literals and regular-expression literals are
//! copied untouched. The sources stay commented and readable in `src/runtime/`.

/// JavaScript without comments or indentation.
pub fn js(src: &str) -> String {
    join_lines(&squeeze_lines(&strip(src, true)))
}

/// CSS without comments, indentation or spaces around `{ } ; , :` … where they carry
/// no meaning.
pub fn css(src: &str) -> String {
    let text = squeeze_lines(&strip(src, false));
    let mut out = String::with_capacity(text.len());
    let mut rest = text.as_str();
    // Stretches without quotes or white space are copied whole.
    while let Some(at) = rest.find(|c: char| c == '"' || c == '\'' || c.is_whitespace()) {
        out.push_str(&rest[..at]);
        let c = rest[at..].chars().next().expect("found here");
        let after = &rest[at + c.len_utf8()..];
        if c == '"' || c == '\'' {
            // a string as written, to its closing quote that no backslash escapes
            let mut end = 0;
            let close = loop {
                match after[end..].find(c) {
                    Some(i) if after[..end + i].ends_with('\\') => end += i + 1,
                    Some(i) => break Some(end + i),
                    None => break None,
                }
            };
            let len = close.map_or(after.len(), |i| i + 1);
            out.push(c);
            out.push_str(&after[..len]);
            rest = &after[len..];
            continue;
        }
        // a run of white space is one space at most, and none next to `{ } ; ,`
        rest = after.trim_start();
        let tight = |c: Option<char>| c.is_some_and(|c| "{};,".contains(c));
        let prev = out.chars().next_back();
        if !(tight(rest.chars().next()) || tight(prev) || prev.is_none() || out.ends_with(' ')) {
            out.push(' ');
        }
    }
    out.push_str(rest);
    out
}

/// Drops comments, keeping strings (and, for JavaScript, template and regular-expression
/// literals) exactly. A block comment becomes a space, so tokens stay apart.
fn strip(src: &str, js: bool) -> String {
    let b = src.as_bytes();
    let mut out = String::with_capacity(src.len());
    let mut i = 0;
    // the last character that was not white space: decides whether `/` opens a regex
    let mut prev = b'\n';
    let mut start = 0;
    let flush = |out: &mut String, from: usize, to: usize| {
        if js {
            squeeze_code(out, &src[from..to]);
        } else {
            out.push_str(&src[from..to]);
        }
    };
    while i < b.len() {
        let c = b[i];
        if c == b'"' || c == b'\'' || (js && c == b'`') {
            let mut j = i + 1;
            while j < b.len() && b[j] != c {
                j += if b[j] == b'\\' { 2 } else { 1 };
            }
            flush(&mut out, start, i);
            start = i;
            i = (j + 1).min(b.len());
            out.push_str(&src[start..i]);
            start = i;
            prev = c;
            continue;
        }
        if c == b'/' && b.get(i + 1) == Some(&b'*') {
            flush(&mut out, start, i);
            let end = src[i + 2..].find("*/").map_or(b.len(), |k| i + 2 + k + 2);
            if js {
                squeeze_code(&mut out, " ");
            } else {
                out.push(' ');
            }
            i = end;
            start = end;
            continue;
        }
        if js && c == b'/' && b.get(i + 1) == Some(&b'/') {
            flush(&mut out, start, i);
            let end = src[i..].find('\n').map_or(b.len(), |k| i + k);
            i = end;
            start = end;
            continue;
        }
        if js && c == b'/' && b"(,=:[!&|?{};+-*%<>~^\n".contains(&prev) {
            // a regular-expression literal: up to the closing `/` outside a class
            let mut j = i + 1;
            let mut class = false;
            while j < b.len() && (b[j] != b'/' || class) && b[j] != b'\n' {
                match b[j] {
                    b'\\' => j += 1,
                    b'[' => class = true,
                    b']' => class = false,
                    _ => {}
                }
                j += 1;
            }
            flush(&mut out, start, i);
            start = i;
            i = (j + 1).min(b.len());
            out.push_str(&src[start..i]);
            start = i;
            prev = b'/';
            continue;
        }
        if !c.is_ascii_whitespace() || (c == b'\n' && !js) {
            prev = c;
        }
        i += 1;
    }
    flush(&mut out, start, b.len());
    out
}

/// JavaScript code between literals: runs of spaces made one, and no space beside
/// punctuation that needs none. Beside `+ - * / %` a space goes only where the two sides
/// cannot run together into another token (`a - -b`, `a + +b`, `a / /re/`, `a * /re/`
/// keep theirs; a space before a literal, unseen here, stays).
fn squeeze_code(out: &mut String, code: &str) {
    const TIGHT: &str = "{}()[];,=:?<>&|!";
    let chars: Vec<char> = code.chars().collect();
    for (i, &c) in chars.iter().enumerate() {
        if c == ' ' || c == '\t' {
            let prev = out.chars().last();
            let next = chars.get(i + 1).copied();
            let tight = |c: Option<char>| c.is_some_and(|c| TIGHT.contains(c));
            let op = |c: Option<char>| c.is_some_and(|c| "+-*/%".contains(c));
            let merge = match (prev, next) {
                (Some(p), Some(n)) => {
                    (p == n && "+-/".contains(p))
                        || ("*/".contains(p) && n == '/')
                        || (p == '/' && n == '*')
                }
                _ => true,
            };
            if prev == Some(' ')
                || tight(prev)
                || tight(next)
                || next == Some(' ')
                || ((op(prev) || op(next)) && !merge)
            {
                continue;
            }
            out.push(' ');
        } else {
            out.push(c);
        }
    }
}

/// Script lines joined where the line break cannot matter: after `{ ; ,` and before `}`
/// (no statement ends there by the break alone, and none of `return`, `break`, `++`…
/// that a break restricts can end or start such a line).
fn join_lines(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for line in text.lines() {
        if !out.is_empty() && !out.ends_with(['{', ';', ',']) && !line.starts_with('}') {
            out.push('\n');
        }
        out.push_str(line);
    }
    out
}

/// Lines trimmed, runs of spaces and tabs outside strings made one, blank lines dropped.
fn squeeze_lines(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for line in text.lines() {
        let line = line.trim();
        if line.is_empty() {
            continue;
        }
        if !out.is_empty() {
            out.push('\n');
        }
        out.push_str(line);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn comments_and_indentation_go_and_strings_and_regexes_stay() {
        let src = "/* head */\nfunction f(a) {\n    // a note\n    var s = \"http://x/*y*/\", t = 'it''s' + `a // b`;\n    var r = /\\/\\/[/*]/g; /* tail */ return a / 2 // half\n}\n";
        let out = js(src);
        assert_eq!(
            out,
            "function f(a){var s=\"http://x/*y*/\",t='it''s'+ `a // b`;var r=/\\/\\/[/*]/g;return a/2}"
        );
    }

    #[test]
    fn operators_lose_their_spaces_only_where_tokens_cannot_run_together() {
        assert_eq!(
            js("x = a - -b + +c - d / e % f * g;\ny = i++ + j-- - k;\nreturn -1 / /r/.x\n"),
            "x=a- -b+ +c-d/e%f*g;y=i++ +j-- -k;return-1/ /r/.x"
        );
    }

    #[test]
    fn line_breaks_stay_so_semicolons_are_inserted_as_written() {
        let out = js("var a = 1\nvar b = {x: 2}\n(function () {})()\n");
        assert_eq!(out.lines().count(), 3);
    }

    #[test]
    fn css_loses_spaces_that_separate_nothing_but_keeps_selectors_and_strings() {
        let src =
            "/* c */\n.a .b , .c:hover {\n  color : red ;\n  content: \"a ; b /* c */\";\n}\n";
        assert_eq!(
            css(src),
            ".a .b,.c:hover{color : red;content: \"a ; b /* c */\";}"
        );
    }

    #[test]
    fn the_deck_carries_the_runtime_as_this_module_shrinks_it_and_hashes_it_right() {
        use crate::render::html::{noscript_css, runtime_csp, runtime_css, runtime_js};
        assert_eq!(runtime_js(), js(include_str!("../runtime/runtime.js")));
        assert_eq!(runtime_css(), css(include_str!("../runtime/runtime.css")));
        assert_eq!(noscript_css(), css(include_str!("../runtime/noscript.css")));
        // build.rs's hash against one taken here
        use base64::Engine as _;
        use sha2::Digest as _;
        let hash = base64::engine::general_purpose::STANDARD
            .encode(sha2::Sha256::digest(runtime_js().as_bytes()));
        assert!(runtime_csp().contains(&format!("'sha256-{hash}'")));
    }

    #[test]
    fn the_runtime_shrinks_by_a_fifth_at_least() {
        let src = include_str!("../runtime/runtime.js");
        let out = js(src);
        assert!(
            out.len() * 10 < src.len() * 8,
            "{} → {}",
            src.len(),
            out.len()
        );
        let src = include_str!("../runtime/runtime.css");
        assert!(css(src).len() * 10 < src.len() * 9);
    }
}
