//! Inline points: 第一，…第二，… / 一是…二是… / 一要…二要… / 首先…其次…最后… /
//! 一方面…另一方面… at sentence starts inside a node's body.
//!
//! A marker only counts inside a sequence of its family that starts at one (a lone 第一
//! is text). A point runs to the next point of its sequence; the last one runs to the end
//! of the body, so the notes keep the reading order. Each point's own body is searched
//! again with the other families, so 第一 can hold 一是…二是….

use crate::diag::Diagnostics;
use crate::input::source::Span;
use crate::numbering::{inline_marker, Found, Placement, Style, FAMILIES};
use crate::tree::{Node, Text};

use super::{slice, split_heading};

struct Candidate {
    /// Index of the run in the body and byte offset in its text.
    seg: usize,
    at: usize,
    found: Found,
}

/// Finds inline points in `node`'s body (not in families already used above it) and
/// recurses into its children.
pub fn split_inline_points(node: &mut Node, used: &[Style], diags: &mut Diagnostics) {
    let candidates = find_candidates(&node.body, used, diags);
    let mut used_here = used.to_vec();
    if let Some(runs) = pick_runs(&candidates, used) {
        used_here.push(candidates[runs[0]].found.marker.style);
        let (intro, points) = cut(&node.body, &candidates, &runs);
        node.body = intro;
        let mut inline_children: Vec<Node> = Vec::new();
        for (c, texts) in points {
            match point_node(c, texts) {
                Ok(point) => inline_children.push(point),
                // A marker followed only by punctuation: keep its text where it was.
                Err(texts) => match inline_children.last_mut() {
                    Some(prev) => prev.body.extend(texts),
                    None => node.body.extend(texts),
                },
            }
        }
        for i in 0..inline_children.len() {
            // 最后 closes a 首先 run: it counts as the one after the point before it.
            if inline_children[i].marker.ordinal == 0 {
                inline_children[i].marker.ordinal = i
                    .checked_sub(1)
                    .map_or(1, |p| inline_children[p].marker.ordinal + 1);
            }
            split_inline_points(&mut inline_children[i], &used_here, diags);
        }
        // The body precedes block children in the text, so its points do too.
        inline_children.append(&mut node.children);
        node.children = inline_children;
        for child in node.children.iter_mut().filter(|c| !c.inline) {
            split_inline_points(child, &[], diags);
        }
    } else {
        for child in &mut node.children {
            let inherited: &[Style] = if child.inline { &used_here } else { &[] };
            split_inline_points(child, inherited, diags);
        }
    }
}

/// The inline markers at sentence starts in `body`, but not of the families `used` above
/// (their markers were seen, and warned about, there).
fn find_candidates(body: &[Text], used: &[Style], diags: &mut Diagnostics) -> Vec<Candidate> {
    let mut out = Vec::new();
    for (seg, text) in body.iter().enumerate() {
        for at in sentence_starts(&text.text) {
            let Some(found) = inline_marker(&text.text[at..]) else {
                continue;
            };
            if used.contains(&found.marker.style) {
                continue;
            }
            let after = &text.text[at + found.skip..];
            let para_ends = body.get(seg + 1).is_none_or(|n| n.new_para);
            if after.trim().is_empty() && para_ends {
                let start = text.span.start + at;
                diags.warn(
                    Span::new(start, start + found.len),
                    format!(
                        "{} has no text after it: the lecture looks cut off here",
                        found.marker.text
                    ),
                    Some(
                        "finish the point or delete the marker; it stays in the notes and gets no slide"
                            .into(),
                    ),
                )
                .zh(
                    format!("{} 后面没有文字：讲稿像是在这里断了", found.marker.text),
                    Some("把这一点写完，或删掉这个序号；它留在备注里，不单独成页"),
                );
                continue;
            }
            out.push(Candidate { seg, at, found });
        }
    }
    out
}

/// Byte offsets where a sentence starts: the start of the run and after 。！？；：
/// (and any closing quote or space after them).
fn sentence_starts(s: &str) -> Vec<usize> {
    let mut out = vec![0];
    let mut chars = s.char_indices().peekable();
    while let Some((_, c)) = chars.next() {
        if matches!(c, '。' | '！' | '？' | '；' | '：' | '!' | '?' | ';' | ':') {
            while let Some(&(_, n)) = chars.peek() {
                if matches!(n, '”' | '’' | '」' | '』' | '）' | ')' | ' ' | '\u{3000}') {
                    chars.next();
                } else {
                    break;
                }
            }
            if let Some(&(j, _)) = chars.peek() {
                out.push(j);
            }
        }
    }
    out
}

/// The indices of the candidates that make points: every run of one family that counts
/// up from one, for the family whose first run starts earliest.
fn pick_runs(candidates: &[Candidate], used: &[Style]) -> Option<Vec<usize>> {
    let mut best: Option<Vec<usize>> = None;
    let inline = FAMILIES.iter().filter(|f| f.placement == Placement::Inline);
    for style in inline.map(|f| f.style) {
        if used.contains(&style) {
            continue;
        }
        let family: Vec<usize> = (0..candidates.len())
            .filter(|&i| candidates[i].found.marker.style == style)
            .collect();
        let mut chosen = Vec::new();
        let mut run: Vec<usize> = Vec::new();
        let flush = |run: &mut Vec<usize>, chosen: &mut Vec<usize>| {
            if run.len() >= 2 {
                chosen.append(run);
            }
            run.clear();
        };
        for i in family {
            let ordinal = candidates[i].found.marker.ordinal;
            let last = run.last().map(|&j| candidates[j].found.marker.ordinal);
            match last {
                // 最后 (ordinal 0) closes a 首先 run
                Some(l) if l != 0 && (ordinal == l + 1 || style.closes_run(ordinal)) => run.push(i),
                _ if ordinal == 1 => {
                    flush(&mut run, &mut chosen);
                    run.push(i);
                }
                _ => {}
            }
        }
        flush(&mut run, &mut chosen);
        let earlier = |b: &Vec<usize>| {
            let (c, o) = (&candidates[chosen[0]], &candidates[b[0]]);
            (c.seg, c.at) < (o.seg, o.at)
        };
        if !chosen.is_empty() && best.as_ref().is_none_or(earlier) {
            best = Some(chosen);
        }
    }
    best
}

/// Cuts the body at the chosen candidates: the intro before the first, then each
/// point's runs.
fn cut<'a>(
    body: &[Text],
    candidates: &'a [Candidate],
    runs: &[usize],
) -> (Vec<Text>, Vec<(&'a Candidate, Vec<Text>)>) {
    let mut intro = Vec::new();
    let mut points: Vec<(&Candidate, Vec<Text>)> = Vec::new();
    let mut next = 0;
    for (seg, text) in body.iter().enumerate() {
        let mut from = 0;
        let mut new_para = text.new_para;
        while next < runs.len() && candidates[runs[next]].seg == seg {
            let c = &candidates[runs[next]];
            if c.at > from {
                let piece = slice(text, from, c.at, new_para);
                match points.last_mut() {
                    Some((_, texts)) => texts.push(piece),
                    None => intro.push(piece),
                }
                new_para = false;
            }
            points.push((c, Vec::new()));
            from = c.at;
            next += 1;
        }
        let piece = slice(text, from, text.text.len(), new_para);
        match points.last_mut() {
            Some((_, texts)) => texts.push(piece),
            None => intro.push(piece),
        }
    }
    (intro, points)
}

fn point_node(c: &Candidate, mut texts: Vec<Text>) -> Result<Node, Vec<Text>> {
    let Some(h) = split_heading(&texts[0], c.found.marker.clone(), c.found.skip) else {
        return Err(texts);
    };
    texts.remove(0);
    let mut body: Vec<Text> = h.rest.into_iter().collect();
    body.extend(texts);
    let end = body.last().map_or(h.heading.span.end, |t| t.span.end);
    Ok(Node {
        marker: h.marker,
        title: h.title,
        span: Span::new(h.heading.span.start, end),
        line: h.heading.line,
        heading: h.heading,
        body,
        children: Vec::new(),
        inline: true,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::input::source::LineIndex;
    use crate::numbering::Marker;

    /// A node whose body is `paras`, one paragraph a line, in a source of those lines.
    fn node(source: &str) -> Node {
        let mut body = Vec::new();
        let mut at = 0;
        for (i, line) in source.split('\n').enumerate() {
            body.push(Text::para(line, Span::new(at, at + line.len()), i + 1));
            at += line.len() + 1;
        }
        Node {
            marker: Marker {
                text: String::new(),
                style: Style::Chapter,
                ordinal: 1,
            },
            title: "部分".into(),
            heading: Text::para("", Span::new(0, 0), 1),
            body,
            children: Vec::new(),
            span: Span::new(0, source.len()),
            inline: false,
            line: 1,
        }
    }

    /// The points found in `source`, as `marker ordinal title [children]`, and the
    /// warnings.
    fn points(source: &str, used: &[Style]) -> (Vec<String>, Vec<String>) {
        let lines = LineIndex::new(source);
        let mut diags = Diagnostics::new(source, &lines);
        let mut n = node(source);
        split_inline_points(&mut n, used, &mut diags);
        fn show(n: &Node) -> String {
            let kids: Vec<String> = n.children.iter().map(show).collect();
            let kids = if kids.is_empty() {
                String::new()
            } else {
                format!(" [{}]", kids.join(", "))
            };
            format!("{}{} {}{kids}", n.marker.text, n.marker.ordinal, n.title)
        }
        let warnings = diags.list.iter().map(|d| d.message.clone()).collect();
        (n.children.iter().map(show).collect(), warnings)
    }

    fn found(source: &str) -> Vec<String> {
        points(source, &[]).0
    }

    #[test]
    fn a_sequence_from_one_makes_points_and_a_lone_one_does_not() {
        assert_eq!(
            found("开头的话。第一，坚定信念。第二，践行使命；要落实。"),
            ["第一1 坚定信念", "第二2 践行使命"]
        );
        assert!(found("第一，只有一个。后面的话。").is_empty());
        // 第二 without a 第一 before it, and look-alikes that are words
        assert!(found("科技是第一生产力。第二，创新。").is_empty());
        assert!(found("第一要务是发展。第二，创新。").is_empty());
    }

    #[test]
    fn the_point_before_keeps_paragraphs_up_to_the_next_point() {
        let source = "第一，坚定信念。\n补充的一段话。\n第二，践行使命。";
        let lines = LineIndex::new(source);
        let mut diags = Diagnostics::new(source, &lines);
        let mut n = node(source);
        split_inline_points(&mut n, &[], &mut diags);
        assert!(n.body.is_empty());
        let first: Vec<&str> = n.children[0].body.iter().map(|t| t.text.as_str()).collect();
        assert_eq!(first, ["补充的一段话。"]);
        assert_eq!(n.children[1].line, 3);
    }

    #[test]
    fn the_family_that_starts_first_wins_and_others_nest_in_its_points() {
        assert_eq!(
            found("第一，学习。一是读原著；二是悟原理。第二，实践。"),
            ["第一1 学习 [一是1 读原著, 二是2 悟原理]", "第二2 实践"]
        );
        assert_eq!(
            found("一是学习。第一，读原著。第二，悟原理。二是实践。"),
            ["一是1 学习 [第一1 读原著, 第二2 悟原理]", "二是2 实践"]
        );
    }

    #[test]
    fn last_closes_a_first_run_with_the_next_ordinal() {
        assert_eq!(
            found("首先，统一思想。其次，明确任务。最后，狠抓落实。"),
            ["首先1 统一思想", "其次2 明确任务", "最后3 狠抓落实"]
        );
        // 最后 alone, or 其次 without 首先, is text
        assert!(found("最后，我讲一点意见。其次，还有。").is_empty());
    }

    #[test]
    fn a_skipped_ordinal_ends_the_run_and_a_new_one_may_start() {
        assert_eq!(found("一是甲。二是乙。四是丁。"), ["一是1 甲", "二是2 乙"]);
        assert_eq!(
            found("一要甲。二要乙。另说。一要丙。二要丁。"),
            ["一要1 甲", "二要2 乙", "一要1 丙", "二要2 丁"]
        );
        assert_eq!(
            found("一方面，要发展；另一方面，要安全。"),
            ["一方面1 要发展", "另一方面2 要安全"]
        );
    }

    #[test]
    fn families_used_above_are_not_searched_again() {
        assert!(points("第一，甲。第二，乙。", &[Style::Di]).0.is_empty());
        assert_eq!(
            points("第一，甲。第二，乙。", &[Style::Shi]).0,
            ["第一1 甲", "第二2 乙"]
        );
    }

    #[test]
    fn a_marker_with_nothing_after_it_warns_and_gets_no_point() {
        let (found, warnings) = points("一要学习。二要落实。\n一要", &[]);
        assert_eq!(found, ["一要1 学习", "二要2 落实"]);
        assert_eq!(
            warnings,
            ["一要 has no text after it: the lecture looks cut off here"]
        );
        // only punctuation after it: its text stays with the point before
        let (found, _) = points("一是甲。二是乙。三是。", &[]);
        assert_eq!(found, ["一是1 甲", "二是2 乙"]);
    }
}
