//! Escaping for the HTML the writer makes.

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
