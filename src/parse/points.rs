//! Inline points: 第一，…第二，… / 一是…二是… / 一要…二要… / 首先…其次…最后… /
//! 一方面…另一方面… / ——…——… / （1）…（2）… inside a node's body.
//!
//! A marker only counts inside a sequence of its family that starts at one (a lone 第一
//! is text), and only where its family may stand: —— at the head of a paragraph, 首先 and
//! （1） at a sentence start, the numbered families also after a comma (三件大事：一是……，
//! 二是……). A point runs to the next point of its sequence; the last one runs to the end
//! of the body, so the notes keep the reading order. Each point's own body is searched
//! again for the other kinds of series (other families, or its family in another form),
//! so 第一 can hold 一是…二是… and 第一条 can hold 第一，…第二，…; the text before the
//! first point is searched too, so a series there is not lost in the intro.

use crate::diag::{Code, Diagnostics};
use crate::input::source::Span;
use crate::numbering::{inline_marker, Start, Style};
use crate::tree::{Node, Text};

use super::clause_starts::{mid_clause_aspects, run_on_parens, starts};
use super::series_runs::{pick_runs, Candidate, Kind};
use super::{slice, split_heading};

/// A point cut from the body: its candidate, its ordinal and its runs of text.
type Piece<'a> = (&'a Candidate, u32, Vec<Text>);

/// Finds inline points in `node`'s body (not of kinds already used above it) and
/// recurses into its children.
pub fn split_inline_points(node: &mut Node, used: &[Kind], diags: &mut Diagnostics) {
    // a block node's body as written, in case its points only preview its sections
    let as_written = node
        .children
        .iter()
        .any(|c| !c.inline)
        .then(|| node.body.clone())
        .filter(|_| !node.inline);
    let candidates = find_candidates(&node.body, used, diags);
    let Some((chosen, picked)) = pick_runs(&node.body, &candidates, used) else {
        for child in &mut node.children {
            let inherited: &[Kind] = if child.inline { used } else { &[] };
            split_inline_points(child, inherited, diags);
        }
        return;
    };
    let mut used_here = used.to_vec();
    used_here.push(chosen);
    let (intro, points) = cut(&node.body, &candidates, &picked);
    // The text before the first point may hold a series of another kind: its points
    // come first (党八股的第一条罪状是…… before 第一篇，……).
    let mut before = holder(intro);
    split_inline_points(&mut before, used, diags);
    node.body = before.body;
    let mut inline_children: Vec<Node> = before.children;
    for (c, ordinal, texts) in points {
        match point_node(c, ordinal, texts) {
            Ok(mut point) => {
                split_inline_points(&mut point, &used_here, diags);
                inline_children.push(point);
            }
            // A marker followed only by punctuation: keep its text where it was.
            Err(texts) => match inline_children.last_mut() {
                Some(prev) => prev.body.extend(texts),
                None => node.body.extend(texts),
            },
        }
    }
    // The body precedes block children in the text, so its points do too.
    let sections = node.children.len();
    inline_children.append(&mut node.children);
    node.children = inline_children;
    // 下面，我讲三个方面：一是…二是…三是… over （一）…（三）: the part's agenda, which
    // its slide lists already, not points of their own
    if let Some(written) = as_written {
        let points: Vec<Node> = node.children.iter().filter(|c| c.inline).cloned().collect();
        if super::previews(&points, &written, sections) {
            node.body = written;
            node.children.retain(|c| !c.inline);
        }
    }
    for child in node.children.iter_mut().filter(|c| !c.inline) {
        split_inline_points(child, &[], diags);
    }
}

/// A node that holds `body` and nothing else, to search it for points.
fn holder(body: Vec<Text>) -> Node {
    let (start, line) = body.first().map_or((0, 0), |t| (t.span.start, t.line));
    Node {
        marker: crate::numbering::Marker {
            text: String::new(),
            style: Style::Chapter,
            ordinal: 0,
        },
        title: String::new(),
        heading: Text::para("", Span::new(start, start), line),
        body,
        children: Vec::new(),
        span: Span::new(start, start),
        inline: false,
        chapter: false,
        line,
    }
}

/// Finds inline points in the opening (a 一是…二是… before the first heading, or in a
/// text with no headings at all) and takes them out of it: they are the lecture's first
/// points, ahead of its headings; the opening keeps the text before the first.
pub fn split_opening(opening: &mut Vec<Text>, diags: &mut Diagnostics) -> Vec<Node> {
    let mut holder = holder(std::mem::take(opening));
    split_inline_points(&mut holder, &[], diags);
    *opening = holder.body;
    holder.children
}

/// Finds inline points in the closing (一要…二要… in a last exhortation) and takes them
/// out of it: a holder whose body is the closing's text before the first point and whose
/// children are the points; the closing keeps the paragraphs after the last point's
/// paragraph (谢谢大家！). 首先/其次/最后 are not looked for there: in a closing they
/// thank and wish far more often than they list.
pub fn split_closing(closing: &mut Vec<Text>, diags: &mut Diagnostics) -> Option<Node> {
    let not_here: [Kind; 1] = [(Style::Sequence, 0)];
    let mut trial = holder(closing.clone());
    split_inline_points(&mut trial, &not_here, diags);
    let mut last = None;
    for point in &trial.children {
        point.walk(&mut |n, _| last = last.max(Some(n.span.start)));
    }
    // the paragraph of the last marker ends the points
    let last = last?;
    let at = closing.iter().rposition(|t| t.span.start <= last)?;
    let tail = closing.split_off(at + 1);
    let mut holder = holder(std::mem::replace(closing, tail));
    split_inline_points(&mut holder, &not_here, diags);
    Some(holder)
}

/// The inline markers at the places their families may stand in `body`, but not of the
/// kinds `used` above (their markers were seen there).
fn find_candidates(body: &[Text], used: &[Kind], diags: &mut Diagnostics) -> Vec<Candidate> {
    let mut out = Vec::new();
    for (seg, text) in body.iter().enumerate() {
        let mut places = starts(&text.text, text.new_para);
        let known: Vec<usize> = places.iter().map(|p| p.0).collect();
        places.extend(
            mid_clause_aspects(&text.text)
                .into_iter()
                .filter(|(at, _)| !known.contains(at))
                .map(|(at, sentence)| (at, Start::Clause, sentence)),
        );
        // (its items are numbered: where it runs on, the number is as strong as a stop)
        places.extend(
            run_on_parens(&text.text)
                .into_iter()
                .filter(|(at, _)| !known.contains(at))
                .map(|(at, sentence)| (at, Start::Sentence, sentence)),
        );
        places.sort_unstable_by_key(|p| p.0);
        for (at, start, sentence) in places {
            let Some(found) = inline_marker(&text.text[at..]) else {
                continue;
            };
            let style = found.marker.style;
            let least = style.family().inline;
            if used.contains(&(style, found.form)) || least.is_none_or(|least| start < least) {
                continue;
            }
            let after = &text.text[at + found.skip..];
            let para_ends = body.get(seg + 1).is_none_or(|n| n.new_para);
            if after.trim().is_empty() && para_ends {
                let start = text.span.start + at + found.lead;
                let span = Span::new(start, start + found.len);
                // the body is searched again for the points of its points: warn once
                if !diags.has(Code::CutOff, span) {
                    diags.emit(Code::CutOff, span, &[&found.marker.text]);
                }
                continue;
            }
            if out.len() >= crate::limits::MAX_POINTS {
                let at = text.span.start + at;
                if !diags.has(Code::TooManyInlinePoints, Span::new(at, at)) {
                    let limit = crate::limits::MAX_POINTS.to_string();
                    diags.emit(Code::TooManyInlinePoints, Span::new(at, at), &[&limit]);
                }
                return out;
            }
            out.push(Candidate {
                seg,
                at,
                found,
                start,
                sentence,
            });
        }
    }
    out
}

/// Cuts the body at the chosen candidates: the intro before the first, then each
/// point's runs with the ordinal it gets.
fn cut<'a>(
    body: &[Text],
    candidates: &'a [Candidate],
    picked: &[(usize, u32)],
) -> (Vec<Text>, Vec<Piece<'a>>) {
    let mut intro = Vec::new();
    let mut points: Vec<Piece> = Vec::new();
    let mut next = 0;
    for (seg, text) in body.iter().enumerate() {
        let mut from = 0;
        let mut new_para = text.new_para;
        while next < picked.len() && candidates[picked[next].0].seg == seg {
            let (i, ordinal) = picked[next];
            let c = &candidates[i];
            if c.at > from {
                let piece = slice(text, from, c.at, new_para);
                match points.last_mut() {
                    Some((_, _, texts)) => texts.push(piece),
                    None => intro.push(piece),
                }
                new_para = false;
            }
            points.push((c, ordinal, Vec::new()));
            from = c.at;
            next += 1;
        }
        let piece = slice(text, from, text.text.len(), new_para);
        match points.last_mut() {
            Some((_, _, texts)) => texts.push(piece),
            None => intro.push(piece),
        }
    }
    (intro, points)
}

fn point_node(c: &Candidate, ordinal: u32, mut texts: Vec<Text>) -> Result<Node, Vec<Text>> {
    let mut marker = c.found.marker.clone();
    marker.ordinal = ordinal;
    let Some(h) = split_heading(&texts[0], marker, c.found.skip) else {
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
        chapter: false,
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
            chapter: false,
            line: 1,
        }
    }

    /// The points found in `source`, as `marker ordinal title [children]`, and the
    /// warnings.
    fn points(source: &str, used: &[Kind]) -> (Vec<String>, Vec<String>) {
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
    fn sequences_as_written_in_the_wild() {
        // 其次 said twice, 最终 closing the run, 首先 after a count's comma
        assert_eq!(
            found("首先说现状。材料零碎。\n其次说历史。研究不够。\n其次说经验。学得不深。"),
            ["首先1 说现状", "其次2 说历史", "其次3 说经验"]
        );
        assert_eq!(
            found("首先，统一思想。其次，压实责任。最终，形成合力。"),
            ["首先1 统一思想", "其次2 压实责任", "最终3 形成合力"]
        );
        assert_eq!(
            found("母亲给我讲了两点，首先，要帮助别人；其次，要与人为善。"),
            ["首先1 要帮助别人", "其次2 要与人为善"]
        );
        // 首先 after an ordinary comma stays an adverb; a lone 最终 is a word
        assert!(found("我们首先，要看清形势。其次，要抓落实。").len() < 2);
        assert!(found("最终，我们成功了。").is_empty());
        // 第一种：…第二种：
        assert_eq!(
            found("态度有两种。\n第一种：主观主义的态度。不看情况。\n第二种：实事求是的态度。"),
            ["第一种1 主观主义的态度", "第二种2 实事求是的态度"]
        );
        assert!(found("这是第一种情况，那是第二种情况。").is_empty());
    }

    #[test]
    fn 第一个是_and_第一要_after_the_subject() {
        assert_eq!(
            found("旧世界有三个大矛盾：第一个是甲矛盾，第二个是乙矛盾，第三个是丙矛盾。"),
            ["第一个是1 甲矛盾", "第二个是2 乙矛盾", "第三个是3 丙矛盾"]
        );
        assert_eq!(
            found("但是我们第一要把人民和政府相区别，第二要把决策者和普通人员相区别。"),
            [
                "第一要1 把人民和政府相区别",
                "第二要2 把决策者和普通人员相区别"
            ]
        );
        // look-alikes: 第一个 as a word, 我们第一 without a run
        assert!(found("我们第一个到达，大家第二个到达。").is_empty());
        assert!(found("我们第一要务是发展。").is_empty());
    }

    #[test]
    fn a_speaker_mixes_the_spoken_forms_of_第一_in_one_run() {
        assert_eq!(
            found("有两个要点。第一个，理性认识依赖于感性认识。\n第二是认识有待于深化。"),
            ["第一个1 理性认识依赖于感性认识", "第二是2 认识有待于深化"]
        );
        // a label form keeps to itself: 第一条 holds 第一，…第二，…
        assert_eq!(
            found("第一条：学习。第一，读原著。第二，悟原理。\n第二条：实践。"),
            ["第一条1 学习 [第一1 读原著, 第二2 悟原理]", "第二条2 实践"]
        );
    }

    #[test]
    fn a_spoken_run_closes_with_还有就是() {
        assert_eq!(
            found("第一是要学习。第二是要调研。还有就是要抓落实。"),
            ["第一是1 要学习", "第二是2 要调研", "还有就是3 要抓落实"]
        );
        assert_eq!(
            found("第一，要学习。第二，要调研。还有就是，要抓落实。"),
            ["第一1 要学习", "第二2 要调研", "还有就是3 要抓落实"]
        );
        // alone, or after a single 第一, it is a phrase
        assert!(found("还有就是要抓落实。").is_empty());
        assert!(found("第一是学习。还有就是调研。").is_empty());
    }

    #[test]
    fn a_run_of_paragraphs_does_not_run_on_into_a_later_series_in_a_sentence() {
        assert_eq!(
            found("一是学习不足。\n二是服务不够。\n三是创新不够。\n针对以上不足，今后一是要学习再深入；二是要调研再深入；三是要行动再提标。"),
            [
                "一是1 学习不足",
                "二是2 服务不够",
                "三是3 创新不够",
                "一是1 要学习再深入",
                "二是2 要调研再深入",
                "三是3 要行动再提标",
            ]
        );
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
        assert!(points("第一，甲。第二，乙。", &[(Style::Di, 0)])
            .0
            .is_empty());
        assert_eq!(
            points("第一，甲。第二，乙。", &[(Style::Shi, 0)]).0,
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

    #[test]
    fn dash_led_paragraphs_in_a_row_are_a_series_and_a_lone_dash_is_text() {
        let source =
            "过去五年成绩显著。\n——经济平稳增长。产业升级。\n——民生持续改善。\n——底线牢牢守住。";
        assert_eq!(
            found(source),
            ["——1 经济平稳增长", "——2 民生持续改善", "——3 底线牢牢守住"]
        );
        let lines = LineIndex::new(source);
        let mut diags = Diagnostics::new(source, &lines);
        let mut n = node(source);
        split_inline_points(&mut n, &[], &mut diags);
        let badges: Vec<String> = n.children.iter().map(|c| c.marker.badge()).collect();
        assert_eq!(badges, ["一", "二", "三"]);
        // an attribution after each quotation, dashes inside a sentence, dash paragraphs
        // with text between them: none is a series
        assert!(found("“为人民服务。”\n——毛泽东\n“实事求是。”\n——毛泽东").is_empty());
        assert!(found("我们——全体党员——要团结。——是的。").is_empty());
        assert!(found("——甲项。\n说明的话。\n——乙项。").is_empty());
    }

    #[test]
    fn numbered_markers_after_a_comma_or_colon_make_a_series() {
        assert_eq!(
            found("我们经历了三件大事：一是迎来建党百年，二是进入新时代，三是全面建成小康社会。"),
            [
                "一是1 迎来建党百年",
                "二是2 进入新时代",
                "三是3 全面建成小康社会"
            ]
        );
        assert_eq!(
            found("我说单是看还不行。这就是说，一要看，二要帮。人是要帮助的。"),
            ["一要1 看", "二要2 帮"]
        );
        // a connective before the marker: 然而第二，
        assert_eq!(
            found("日本方面：第一，它是强国。然而第二，它的战争是退步的。还不止此，第三，它先天不足。"),
            ["第一1 它是强国", "第二2 它的战争是退步的", "第三3 它先天不足"]
        );
        // 首先 after a comma stays an adverb
        assert!(found("我们，首先要学习。其次，要实践。").is_empty());
    }

    #[test]
    fn a_run_at_sentence_starts_comes_before_one_after_commas() {
        // the comma-level 一是 inside the first item stays its text
        assert_eq!(
            found("一是学习，一是读书，二是思考。二是实践。"),
            ["一是1 学习，一是读书，二是思考", "二是2 实践"]
        );
    }

    #[test]
    fn one_aspect_then_another_and_the_same_word_twice_in_a_sentence() {
        assert_eq!(
            found("上面所说的那些，一方面是由于幼稚而来，另一方面也是由于责任心不足而来的。"),
            [
                "一方面1 是由于幼稚而来",
                "另一方面2 也是由于责任心不足而来的"
            ]
        );
        assert_eq!(
            found("之所以如此，一方面是没有分析对象，一方面就是为着吓人。"),
            ["一方面1 是没有分析对象", "一方面2 就是为着吓人"]
        );
        // 一方面 again in the next sentence starts over, and one alone is no series
        assert!(found("一方面，要发展。一方面，要安全。").is_empty());
    }

    #[test]
    fn di_written_with_shi_dian_ge_pian_and_labels() {
        assert_eq!(
            found("要有三个条件：第一是统一战线的完成；第二是国际援助；第三是日本人民的革命。"),
            [
                "第一是1 统一战线的完成",
                "第二是2 国际援助",
                "第三是3 日本人民的革命"
            ]
        );
        assert_eq!(
            found("第一点，应当肯定。\n第二点，还有反革命。"),
            ["第一点1 应当肯定", "第二点2 还有反革命"]
        );
        assert_eq!(
            found("两个问题：\n第一个，什么原因？\n第二个，什么原因？"),
            ["第一个1 什么原因", "第二个2 什么原因"]
        );
        // a label with its owner before it; the owner stays in the heading
        let source = "党八股的第一条罪状是：空话连篇，言之无物。\n党八股的第二条罪状是：装腔作势，借以吓人。";
        assert_eq!(
            found(source),
            ["第一条1 空话连篇，言之无物", "第二条2 装腔作势，借以吓人"]
        );
        // one form to a run: 第一点 does not go on as 第二篇
        assert!(found("第一点，甲。第二篇，乙。").is_empty());
    }

    #[test]
    fn kinds_of_one_family_nest_and_a_series_before_the_winner_comes_first() {
        assert_eq!(
            found("第一条：学习。第一，读原著。第二，悟原理。\n第二条：实践。"),
            ["第一条1 学习 [第一1 读原著, 第二2 悟原理]", "第二条2 实践"]
        );
        // the paragraph-led 第一篇 run wins over the in-sentence aspects; those stand
        // before it, not lost in its intro
        assert_eq!(
            found(
                "这些东西，一方面是幼稚，另一方面是不负责任。\n第一篇，讲宣传。\n第二篇，讲报告。"
            ),
            [
                "一方面1 是幼稚",
                "另一方面2 是不负责任",
                "第一篇1 讲宣传",
                "第二篇2 讲报告"
            ]
        );
    }

    #[test]
    fn paren_numbers_inside_a_paragraph_and_footnotes_that_stay_text() {
        assert_eq!(
            found("办好十件民生实事。（1）做好就业，培训30万人次；（2）改善供暖。（3）加强医疗。"),
            [
                "（1）1 做好就业，培训30万人次",
                "（2）2 改善供暖",
                "（3）3 加强医疗"
            ]
        );
        assert!(found("如前所说（21）。又见（22）。").is_empty());
        assert!(found("鸦片战争⑴。⑵太平天国。").is_empty());
    }

    #[test]
    fn first_and_last_alone_and_skipped_ordinals_that_head_paragraphs() {
        // 首先 … 最后 with nothing between is a greeting and a wish, no series
        assert!(
            found("首先，我代表学校问好！\n今年是新的一年。\n最后祝愿同学们学业有成。").is_empty()
        );
        // items heading paragraphs may skip, as headings do; inside a paragraph they may not
        assert_eq!(
            found("第一条：多看看。\n第二条：不硬写。\n第四条：看两遍。"),
            ["第一条1 多看看", "第二条2 不硬写", "第四条4 看两遍"]
        );
        assert_eq!(
            found("第一条：甲。第二条：乙。第四条：丁。"),
            ["第一条1 甲", "第二条2 乙"]
        );
    }

    #[test]
    fn look_alikes_stay_words_where_commas_now_count() {
        for source in [
            "增量保持全国第一，增速全市第二，成绩喜人。",
            "第一阶段是感性知识，第二阶段是理性知识。",
            "这是第一个必要条件，第二个必要条件是团结。",
            "首先待解决的问题是住房，其次是交通。",
            "坚持党的领导、依法治国有机统一是社会主义政治发展的必然要求，二是另一回事。",
        ] {
            assert!(found(source).is_empty(), "{source}: {:?}", found(source));
        }
    }

    #[test]
    fn the_opening_gives_its_points_and_keeps_the_text_before_them() {
        let source = "开场白：一是请领导讲话，二是我作总结。";
        let lines = LineIndex::new(source);
        let mut diags = Diagnostics::new(source, &lines);
        let mut opening = node(source).body;
        let points = split_opening(&mut opening, &mut diags);
        let titles: Vec<&str> = points.iter().map(|p| p.title.as_str()).collect();
        assert_eq!(titles, ["请领导讲话", "我作总结"]);
        assert!(points.iter().all(|p| p.inline));
        let kept: Vec<&str> = opening.iter().map(|t| t.text.as_str()).collect();
        assert_eq!(kept, ["开场白："]);
    }
}
