//! Raw HTML a lecture brings with `allow_html`, cleaned by an allow-list (ammonia, which
//! parses like a browser does): formatting, tables, lists and blocks stay; nothing that
//! can run, load or navigate by itself survives — no script, style, meta, link, base,
//! form, iframe, object, embed, img, svg, no event or style attribute, no `id` that
//! could stand in for the runtime's own elements. Links keep only web and mail
//! addresses, as Markdown links do.

use std::collections::HashSet;
use std::sync::OnceLock;

/// Elements kept: text formatting, structure, lists, tables, quotations.
const TAGS: [&str; 62] = [
    "a",
    "abbr",
    "acronym",
    "article",
    "aside",
    "b",
    "bdi",
    "bdo",
    "blockquote",
    "br",
    "caption",
    "center",
    "cite",
    "code",
    "col",
    "colgroup",
    "dd",
    "del",
    "details",
    "dfn",
    "div",
    "dl",
    "dt",
    "em",
    "figcaption",
    "figure",
    "footer",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hr",
    "i",
    "ins",
    "kbd",
    "li",
    "mark",
    "ol",
    "p",
    "pre",
    "q",
    "s",
    "samp",
    "small",
    "span",
    "strike",
    "strong",
    "sub",
    "summary",
    "sup",
    "table",
    "tbody",
    "td",
    "th",
    "thead",
    "tr",
    "u",
    "ul",
    "var",
];

fn cleaner() -> &'static ammonia::Builder<'static> {
    static CLEANER: OnceLock<ammonia::Builder<'static>> = OnceLock::new();
    CLEANER.get_or_init(|| {
        let mut b = ammonia::Builder::empty();
        b.add_tags(TAGS)
            .add_generic_attributes(["lang", "title", "class"])
            .add_tag_attributes("a", ["href"])
            .add_tag_attributes("td", ["colspan", "rowspan"])
            .add_tag_attributes("th", ["colspan", "rowspan"])
            .add_tag_attributes("ol", ["start"])
            .url_schemes(HashSet::from(["http", "https", "mailto"]))
            // a relative URL would be a file beside the deck: nothing to navigate to
            .url_relative(ammonia::UrlRelative::Deny)
            .link_rel(Some("noopener noreferrer"))
            // the text inside these is code or style, never something to read
            .clean_content_tags(HashSet::from([
                "script", "style", "template", "noscript", "textarea", "title", "iframe", "object",
                "svg", "math",
            ]));
        b
    })
}

/// Elements that never hold others (void) or that the next one of their kind closes
/// (optional end tags): they add no depth.
const FLAT: [&str; 31] = [
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
    "track", "wbr", "p", "li", "dt", "dd", "tr", "td", "th", "thead", "tbody", "tfoot", "option",
    "optgroup", "rb", "rt", "rp", "colgroup", "caption",
];

/// Whether `raw` nests elements deeper than [`crate::limits::MAX_DEPTH`], by a linear
/// look at its tags (an unclosed element counts as open to the end). A browser-grade
/// parser spends time for each element in proportion to how many are open around it,
/// so 100,000 nested `<div>` would take it minutes: such HTML is shown as text instead.
pub fn too_deep(raw: &str) -> bool {
    let (mut depth, mut rest) = (0usize, raw);
    while let Some(at) = rest.find('<') {
        rest = &rest[at + 1..];
        if let Some(comment) = rest.strip_prefix("!--") {
            rest = comment.find("-->").map_or("", |end| &comment[end + 3..]);
            continue;
        }
        let closing = rest.starts_with('/');
        let name: String = rest
            .trim_start_matches('/')
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric())
            .map(|c| c.to_ascii_lowercase())
            .collect();
        if name.is_empty() || FLAT.contains(&name.as_str()) {
            continue;
        }
        if closing {
            depth = depth.saturating_sub(1);
        } else {
            depth += 1;
            if depth > crate::limits::MAX_DEPTH {
                return true;
            }
        }
    }
    false
}

/// `raw` with everything outside the allow-list removed (the text inside a removed
/// element stays, except inside scripts and styles).
pub fn html(raw: &str) -> String {
    cleaner().clean(raw).to_string()
}

/// The text a reader sees in `raw`: tags gone, entities read.
pub fn text(raw: &str) -> String {
    static TEXT: OnceLock<ammonia::Builder<'static>> = OnceLock::new();
    let only_text = TEXT.get_or_init(|| {
        let mut b = ammonia::Builder::empty();
        b.clean_content_tags(HashSet::from([
            "script", "style", "template", "noscript", "textarea", "title",
        ]));
        b
    });
    let escaped = only_text.clean(raw).to_string();
    unescape(&escaped)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// Reads back the few entities the HTML serialiser writes.
fn unescape(s: &str) -> String {
    s.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&nbsp;", "\u{a0}")
        .replace("&amp;", "&")
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Everything the campaign against `allow_html` found, and the usual suspects.
    const HOSTILE: [&str; 14] = [
        r#"<meta http-equiv="refresh" content="0;url=https://example.com/">"#,
        r#"<script src="https://example.com/x.js" integrity="sha256-abc"></script>"#,
        r#"<link rel="preload" as="script" href="https://example.com/x.js" integrity="sha256-abc">"#,
        r#"<link rel="modulepreload" href="https://example.com/m.js">"#,
        r#"<script>alert(1)</script>"#,
        r#"<img src="https://example.com/pixel.gif" onerror="alert(1)">"#,
        r#"<iframe src="https://example.com/"></iframe>"#,
        r#"<base href="https://example.com/">"#,
        r#"<form action="https://example.com/"><input name=q></form>"#,
        r#"<div style="background:url(https://example.com/x.png)" onclick="alert(1)">x</div>"#,
        r#"<a href="javascript:alert(1)">x</a>"#,
        r#"<object data="https://example.com/x.swf"></object><embed src="https://example.com/y">"#,
        r#"<svg><image href="https://example.com/x.png"/></svg>"#,
        r#"<div id="s-1"><style>@import url(https://example.com/x.css)</style></div>"#,
    ];

    #[test]
    fn nothing_that_can_load_navigate_or_run_survives() {
        for raw in HOSTILE {
            let clean = html(raw).to_ascii_lowercase();
            for bad in [
                "<script",
                "<meta",
                "<link",
                "<img",
                "<iframe",
                "<base",
                "<form",
                "<input",
                "<object",
                "<embed",
                "<svg",
                "<style",
                "javascript:",
                "onerror",
                "onclick",
                "style=",
                "id=",
                "example.com/x",
                "example.com/p",
                "integrity",
                "src=",
            ] {
                assert!(!clean.contains(bad), "{raw} → {clean} keeps {bad}");
            }
        }
    }

    #[test]
    fn formatting_blocks_and_links_stay() {
        let raw = r#"<div class="box"><p>一要<b>学</b><span lang="en">x</span></p><table><tr><td colspan="2">格</td></tr></table><a href="https://www.gov.cn/">网站</a></div>"#;
        let clean = html(raw);
        assert!(
            clean.starts_with(r#"<div class="box"><p>一要<b>学</b><span lang="en">x</span></p>"#),
            "{clean}"
        );
        assert!(clean.contains(r#"<td colspan="2">格</td>"#), "{clean}");
        assert!(
            clean.contains(r#"<a href="https://www.gov.cn/" rel="noopener noreferrer">网站</a>"#),
            "{clean}"
        );
    }

    #[test]
    fn nesting_is_measured_by_the_elements_that_hold_others() {
        let deep = |n: usize, open: &str| open.repeat(n);
        assert!(!too_deep(&deep(32, "<div>")));
        assert!(too_deep(&deep(33, "<div>")));
        assert!(too_deep(&deep(16_000, "<ul><li>")));
        // closed elements, list items, paragraphs and line breaks add no depth
        assert!(!too_deep(&deep(1000, "<div><p>段落<br>x</p></div>")));
        assert!(!too_deep(&format!("<ul>{}</ul>", deep(1000, "<li>一项"))));
        assert!(!too_deep(&deep(1000, "<!-- <div> -->")));
    }

    #[test]
    fn the_text_of_html_is_what_a_reader_sees() {
        assert_eq!(
            text("<div>\n  <p>学习 &amp; 实践</p><script>x()</script><p>a &lt; b</p>\n</div>"),
            "学习 & 实践a < b"
        );
    }
}
