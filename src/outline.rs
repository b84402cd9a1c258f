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
        "closing": closing(l),
        "footnotes": footnotes(l),
        "diagnostics": parsed.diagnostics,
    })
}

/// The closing's paragraphs (the text before its points, then after them), with their
/// lines: what the 结束语 and closing slides read.
fn closing(l: &crate::tree::Lecture) -> Vec<serde_json::Value> {
    let texts = l.ending.iter().flat_map(|e| &e.body).chain(&l.closing);
    texts
        .filter(|t| t.new_para && t.role != crate::tree::Role::Footnote)
        .map(|t| serde_json::json!({ "line": t.line, "text": t.text }))
        .collect()
}

/// Each footnote entry, its line and the line of the paragraph whose notes it goes
/// into (`null`: the closing's).
fn footnotes(l: &crate::tree::Lecture) -> Vec<serde_json::Value> {
    use crate::tree::{Role, Text};
    let mut out = Vec::new();
    let after = |texts: &[Text], heading: Option<usize>, out: &mut Vec<serde_json::Value>| {
        let mut last = heading;
        for t in texts {
            if t.role == Role::Footnote {
                out.push(serde_json::json!({ "line": t.line, "after": last }));
            } else {
                last = Some(t.line);
            }
        }
    };
    fn walk(n: &Node, f: &mut dyn FnMut(&[crate::tree::Text], Option<usize>)) {
        f(&n.body, Some(n.heading.line));
        for c in &n.children {
            walk(c, f);
        }
    }
    after(&l.opening, None, &mut out);
    for n in &l.nodes {
        walk(n, &mut |texts, h| after(texts, h, &mut out));
    }
    if let Some(e) = &l.ending {
        walk(e, &mut |texts, h| after(texts, h, &mut out));
    }
    // notes no paragraph cites stand at the end of the closing: the closing slide's
    let tail = l
        .closing
        .iter()
        .rposition(|t| t.role != Role::Footnote)
        .map_or(0, |i| i + 1);
    after(&l.closing[..tail], None, &mut out);
    for t in &l.closing[tail..] {
        out.push(serde_json::json!({ "line": t.line, "after": null }));
    }
    out
}
