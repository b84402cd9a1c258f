//! Small helpers over roxmltree for WordprocessingML: both the transitional and the
//! strict namespace, `w:val`-style attributes, and parsing with a node limit.

use roxmltree::{Document, Node, ParsingOptions};

pub const W: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
pub const W_STRICT: &str = "http://purl.oclc.org/ooxml/wordprocessingml/main";
pub const MC: &str = "http://schemas.openxmlformats.org/markup-compatibility/2006";

/// Far more nodes than a long lecture needs; bounds memory on hostile input.
const NODES_LIMIT: u32 = 20_000_000;

pub fn parse(text: &str) -> Result<Document<'_>, roxmltree::Error> {
    Document::parse_with_options(
        text,
        ParsingOptions {
            allow_dtd: false,
            nodes_limit: NODES_LIMIT,
            ..ParsingOptions::default()
        },
    )
}

/// Is `node` the WordprocessingML element `name`?
pub fn is(node: Node, name: &str) -> bool {
    node.is_element()
        && node.tag_name().name() == name
        && matches!(node.tag_name().namespace(), Some(W | W_STRICT))
}

/// The first child element `w:name`.
pub fn child<'a, 'i>(node: Node<'a, 'i>, name: &str) -> Option<Node<'a, 'i>> {
    node.children().find(|c| is(*c, name))
}

/// A `w:` attribute (`w:val`, `w:numId` …) by local name.
pub fn attr<'a>(node: Node<'a, '_>, name: &str) -> Option<&'a str> {
    node.attributes()
        .find(|a| a.name() == name && matches!(a.namespace(), Some(W | W_STRICT)))
        .map(|a| a.value())
}

/// `w:val` of the child `w:name`.
pub fn val<'a>(node: Node<'a, '_>, name: &str) -> Option<&'a str> {
    child(node, name).and_then(|c| attr(c, "val"))
}

/// A number in `w:val` of the child `w:name`.
pub fn num(node: Node, name: &str) -> Option<u32> {
    val(node, name).and_then(|v| v.trim().parse().ok())
}

/// An on/off property (`<w:vanish/>`, `<w:vanish w:val="false"/>`).
pub fn on(node: Node, name: &str) -> bool {
    child(node, name).is_some_and(|c| !matches!(attr(c, "val"), Some("0" | "false" | "off")))
}
