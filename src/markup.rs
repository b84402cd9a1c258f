//! HTML markup every stage may need: escaping, and inline runs written as HTML (the HTML
//! writer's slides, and the Markdown reader's raw HTML before it is sanitised).

use std::fmt::Write as _;

use crate::deck::Inline;

/// Escapes text for HTML content and attribute values.
pub fn escape(s: &str) -> String {
    // The five marks are ASCII, and an ASCII byte is never part of a longer UTF-8
    // character: scan bytes, copy the stretches between marks whole.
    let mut out = String::with_capacity(s.len() + 8);
    let mut done = 0;
    for (i, b) in s.bytes().enumerate() {
        let entity = match b {
            b'&' => "&amp;",
            b'<' => "&lt;",
            b'>' => "&gt;",
            b'"' => "&quot;",
            b'\'' => "&#39;",
            _ => continue,
        };
        out.push_str(&s[done..i]);
        out.push_str(entity);
        done = i + 1;
    }
    out.push_str(&s[done..]);
    out
}

/// Inline runs as HTML, the author's text escaped.
pub fn runs_html(runs: &[Inline]) -> String {
    let mut out = String::new();
    for r in runs {
        push_run(r, &mut out);
    }
    out
}

fn push_run(r: &Inline, out: &mut String) {
    let wrap = |tag: &str, c: &[Inline], out: &mut String| {
        let _ = write!(out, "<{tag}>{}</{tag}>", runs_html(c));
    };
    match r {
        Inline::Text(t) => out.push_str(&escape(t)),
        Inline::Strong(c) => wrap("strong", c, out),
        Inline::Emphasis(c) => wrap("em", c, out),
        Inline::Strikethrough(c) => wrap("del", c, out),
        Inline::Superscript(c) => wrap("sup", c, out),
        Inline::Subscript(c) => wrap("sub", c, out),
        Inline::Code(t) => {
            let _ = write!(out, "<code>{}</code>", escape(t));
        }
        Inline::Link { url, content } => {
            let _ = write!(
                out,
                "<a href=\"{}\">{}</a>",
                escape(url),
                runs_html(content)
            );
        }
        Inline::Break => out.push_str("<br>"),
        Inline::Html(raw) => out.push_str(raw),
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn escapes_markup_and_quotes() {
        assert_eq!(
            super::escape(r#"<a href="x">'&'</a>"#),
            "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;"
        );
    }
}
