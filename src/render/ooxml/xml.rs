//! A small XML writer: elements opened and closed through closures, so every element is
//! closed where it was opened, and the author's text escaped with the characters XML 1.0
//! forbids (C0 controls, U+FFFE/U+FFFF) dropped — PowerPoint refuses a part that holds one.

use std::fmt::Write as _;

pub const DECLARATION: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n";

/// An XML document being written.
#[derive(Default)]
pub struct Xml {
    out: String,
}

impl Xml {
    /// A document with the XML declaration.
    pub fn new() -> Xml {
        Xml {
            out: DECLARATION.to_string(),
        }
    }

    /// An element with attributes whose content `body` writes.
    pub fn el(&mut self, tag: &str, attrs: &[(&str, &str)], body: impl FnOnce(&mut Xml)) {
        self.start(tag, attrs, false);
        body(self);
        let _ = write!(self.out, "</{tag}>");
    }

    /// An element without content.
    pub fn empty(&mut self, tag: &str, attrs: &[(&str, &str)]) {
        self.start(tag, attrs, true);
    }

    /// An element holding only text.
    pub fn leaf(&mut self, tag: &str, attrs: &[(&str, &str)], text: &str) {
        self.el(tag, attrs, |x| x.text(text));
    }

    /// Escaped text.
    pub fn text(&mut self, text: &str) {
        escape_into(text, &mut self.out);
    }

    /// Markup written as is (only for constant fragments of this writer).
    pub fn raw(&mut self, markup: &str) {
        self.out.push_str(markup);
    }

    pub fn finish(self) -> Vec<u8> {
        self.out.into_bytes()
    }

    fn start(&mut self, tag: &str, attrs: &[(&str, &str)], empty: bool) {
        let _ = write!(self.out, "<{tag}");
        for (name, value) in attrs {
            let _ = write!(self.out, " {name}=\"");
            escape_into(value, &mut self.out);
            self.out.push('"');
        }
        self.out.push_str(if empty { "/>" } else { ">" });
    }
}

/// Whether XML 1.0 allows the character at all.
pub fn allowed(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\r' | '\u{20}'..='\u{D7FF}' | '\u{E000}'..='\u{FFFD}' | '\u{10000}'..)
}

fn escape_into(text: &str, out: &mut String) {
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            c if allowed(c) => out.push(c),
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_markup_and_drops_what_xml_forbids() {
        let mut x = Xml::default();
        x.el("a:t", &[("v", "\"1\" & 2")], |x| {
            x.text("<b>\u{1}第一\u{b}\u{FFFF}\t")
        });
        x.empty("a:br", &[]);
        let s = String::from_utf8(x.finish()).unwrap();
        assert_eq!(
            s,
            "<a:t v=\"&quot;1&quot; &amp; 2\">&lt;b&gt;第一\t</a:t><a:br/>"
        );
    }
}
