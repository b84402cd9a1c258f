//! The section tree as JSON, the schema `lectern outline --json` prints (README).

use crate::tree::Node;

/// The tree as the `lectern outline --json` schema (see the README).
pub fn outline_json(parsed: &crate::Parsed) -> serde_json::Value {
    use serde_json::json;
    fn node(n: &Node) -> serde_json::Value {
        json!({
            "marker": n.marker.text,
            "level": if n.inline { None } else { n.level() },
            "inline": n.inline,
            "ordinal": n.marker.ordinal,
            "title": n.title,
            "line": n.line,
            "children": n.children.iter().map(node).collect::<Vec<_>>(),
        })
    }
    let l = &parsed.lecture;
    json!({
        "title": l.meta.title,
        "kicker": l.meta.kicker,
        "subtitle": l.meta.subtitle,
        "speaker": l.meta.speaker,
        "organisation": l.meta.organisation,
        "date": l.meta.date,
        "salutation": l.salutation.as_ref().map(|s| &s.text),
        "source": l.source_note.iter().map(|t| t.text.as_str()).collect::<Vec<_>>().join("\n"),
        "nodes": l.nodes.iter().map(node).collect::<Vec<_>>(),
        "closing_points": l.ending.iter().flat_map(|e| e.children.iter().map(node)).collect::<Vec<_>>(),
        "diagnostics": parsed.diagnostics,
    })
}
