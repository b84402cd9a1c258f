//! A built deck read back the way a reader (or reveal.js) would, texts compared the way
//! the nothing-lost rule means it, and the repository's files.

use std::path::{Path, PathBuf};

/// One `<section>` of a built deck.
#[derive(Debug, Clone)]
pub struct DeckSlide {
    pub kind: String,
    pub timing: u32,
    /// Text of the h1/h2/h3 headings.
    pub heading: String,
    /// Text of `aside.notes`, paragraphs joined by newlines.
    pub notes: String,
    /// All visible text of the slide (everything but the notes).
    pub shown: String,
    /// The key sentences shown under the title.
    pub keys: Vec<String>,
}

/// Reads the slides of a deck with a tolerant scan of our own markup.
pub fn slides(html: &str) -> Vec<DeckSlide> {
    let mut out = Vec::new();
    let mut rest = html;
    while let Some(start) = rest.find("<section ") {
        let after = &rest[start..];
        let end = after.find("</section>").expect("every section is closed");
        let sec = &after[..end];
        let open_end = sec.find('>').unwrap();
        let attrs = &sec[..open_end];
        let body = &sec[open_end + 1..];
        let (notes_html, visible_html) = match body.find("<aside class=\"notes\">") {
            Some(i) => {
                let n = &body[i + "<aside class=\"notes\">".len()..];
                let j = n.find("</aside>").expect("notes closed");
                (
                    &n[..j],
                    format!("{}{}", &body[..i], &n[j + "</aside>".len()..]),
                )
            }
            None => ("", body.to_string()),
        };
        out.push(DeckSlide {
            kind: attr(attrs, "data-kind").unwrap_or_default(),
            timing: attr(attrs, "data-timing")
                .and_then(|t| t.parse().ok())
                .unwrap_or(0),
            heading: headings(&visible_html),
            notes: text(&notes_html.replace("</p>", "\n"))
                .trim_end()
                .to_string(),
            keys: list_items(&visible_html, "<ul class=\"keys\">"),
            shown: text(&visible_html),
        });
        rest = &after[end..];
    }
    out
}

/// The text of each `<li>` of the list that opens with `open`.
fn list_items(html: &str, open: &str) -> Vec<String> {
    let Some(i) = html.find(open) else {
        return Vec::new();
    };
    let list = &html[i + open.len()..];
    let list = &list[..list.find("</ul>").unwrap_or(list.len())];
    list.split("<li>")
        .skip(1)
        .map(|li| text(li.trim_end_matches("</li>")))
        .collect()
}

fn attr(tag: &str, name: &str) -> Option<String> {
    let key = format!("{name}=\"");
    let i = tag.find(&key)? + key.len();
    let j = tag[i..].find('"')?;
    Some(unescape(&tag[i..i + j]))
}

fn headings(html: &str) -> String {
    let mut out = String::new();
    for h in ["h1", "h2", "h3"] {
        let mut rest = html;
        while let Some(i) = rest.find(&format!("<{h}")) {
            let after = &rest[i..];
            let open = after.find('>').unwrap() + 1;
            let close = after.find(&format!("</{h}>")).unwrap();
            out.push_str(&text(&after[open..close]));
            rest = &after[close..];
        }
    }
    out
}

/// Strips tags and decodes the entities minijinja writes.
pub fn text(html: &str) -> String {
    let mut out = String::new();
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' if in_tag => in_tag = false,
            _ if !in_tag => out.push(c),
            _ => {}
        }
    }
    unescape(&out)
}

pub fn unescape(s: &str) -> String {
    s.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#x27;", "'")
        .replace("&#39;", "'")
        .replace("&#x2f;", "/")
        .replace("&amp;", "&")
}

/// Text as the nothing-lost rule compares it: no white space, punctuation width aside.
pub fn canon(s: &str) -> String {
    s.chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| match c {
            ',' => '，',
            ':' => '：',
            ';' => '；',
            '(' => '（',
            ')' => '）',
            '!' => '！',
            '?' => '？',
            _ => c,
        })
        .collect()
}

pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

pub fn fixture(name: &str) -> PathBuf {
    root().join("tests/fixtures").join(name)
}

pub fn read(path: &Path) -> Vec<u8> {
    std::fs::read(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}
