//! Paragraphs and headings, in reading order, to a `Lecture`: the title block, the
//! salutation and opening, the numbered nodes, the closing and the source note. Both
//! readers feed it, so a lecture reads the same from plain text and from Markdown.

use crate::diag::{Code, Diagnostics};
use crate::input::source::Span;
use crate::numbering::Counters;
use crate::tree::{Lecture, Role, Text};

use super::chapters::chapter_lines;
use super::closings::{closing_start, problems_part, turns_to_problems};
use super::footnotes::{place_notes, split_notes};
use super::front;
use super::item::{paragraph_marker, Item};
use super::nodes::{
    bracket_heading, bracket_node, chapter_node, heading_node, marked_paragraph, question_marker,
    question_node, unnumbered_part,
};
use super::page::{self, clean_page, join_broken_markers, title_like};
use super::reports;
use super::title::{continues_subtitle, date_in, is_date, split_subtitle_speaker};
use super::{
    check_quotes, classify_meta, dropped_lines, finish_nodes, is_salutation, is_source_note,
    split_kicker, MetaLine, Nester,
};

/// Builds the lecture.
pub fn assemble(items: Vec<Item>, diags: &mut Diagnostics) -> Lecture {
    let mut lecture = Lecture::default();
    let items = join_broken_markers(items);
    let (items, title_lines) = clean_page(items, &mut lecture);
    let items = match title_lines {
        0 => front::reorder_for_addressee(items, &mut lecture),
        _ => items,
    };
    let (mut items, notes): (Vec<Item>, Vec<Item>) = items
        .into_iter()
        .partition(|i| !i.prose().is_some_and(|t| is_source_note(&t.text)));
    lecture
        .source_note
        .extend(notes.into_iter().map(|i| i.text().clone()));
    let footnotes = split_notes(&mut items);
    // the sign-off (organisation and date, 2021年1月18): the deck's date, not read out
    let signoff = signoff_len(&items);
    let signoff: Vec<Item> = items.split_off(items.len() - signoff);

    let closing_from = closing_start(&items);
    let mut rest = items.into_iter().enumerate().peekable();
    // Pictures among the title block and the salutation do not end them; they go to
    // the opening.
    let mut held: Vec<Text> = Vec::new();
    let mut hold =
        |rest: &mut std::iter::Peekable<std::iter::Enumerate<std::vec::IntoIter<Item>>>| {
            while let Some((_, Item::Text(t))) = rest.next_if(|(_, i)| {
                matches!(i, Item::Text(t) if t.role == Role::Block || page::is_caption(&t.text))
            }) {
                held.push(t);
            }
        };
    hold(&mut rest);

    // Title block: a `#` heading or the first line that is not a numbered heading, then
    // subtitle, date and names.
    let title = match rest.peek() {
        Some((_, Item::Heading { level: 1, .. })) => true,
        Some((_, i @ Item::Text(t))) => {
            !i.is_heading()
                && !is_salutation(&t.text)
                && !front::is_label(&t.text)
                && (title_lines > 1 || title_like(&t.text))
        }
        _ => false,
    };
    if title {
        let (_, first) = rest.next().expect("peeked");
        let first = first.text().clone();
        let mut whole = first.text.clone();
        lecture.meta.lines.push(first);
        // A title the page or the office broke over two or three lines.
        for _ in 1..title_lines {
            if let Some((_, Item::Text(t))) = rest.next() {
                whole.push_str(&t.text);
                lecture.meta.lines.push(t);
            }
        }
        let (kicker, title) = split_kicker(front::undecorated(&whole));
        lecture.meta.kicker = kicker.map(str::to_string);
        let (title, subtitle) = title_and_subtitle(title);
        lecture.meta.title = Some(title.to_string());
        lecture.meta.subtitle = subtitle.map(str::to_string);
        // a Markdown `##` right under the title, before the date line, is its subtitle
        let sub = match rest.peek() {
            Some((_, Item::Heading { level: 2, text })) => Some(text.text.trim().to_string()),
            _ => None,
        };
        if let Some(sub) = sub {
            let mut ahead = rest.clone();
            ahead.next();
            let dated = ahead.peek().is_some_and(|(_, i)| {
                i.prose().and_then(|t| classify_meta(&t.text)) == Some(MetaLine::Date)
            });
            if dated && lecture.meta.subtitle.is_none() && paragraph_marker(&sub).is_none() {
                lecture.meta.subtitle = Some(sub);
                let (_, item) = rest.next().expect("peeked");
                lecture.meta.lines.push(item.text().clone());
            }
        }
        loop {
            hold(&mut rest);
            let Some((i, item)) = rest.peek() else {
                break;
            };
            // the title again (a page repeats its headline as the document's title)
            if item.prose().is_some_and(|t| {
                lecture
                    .meta
                    .title
                    .as_deref()
                    .is_some_and(|title| t.text.trim() == title.trim())
            }) {
                let (_, item) = rest.next().expect("peeked");
                lecture.meta.lines.push(item.text().clone());
                continue;
            }
            let Some(kind) = item.prose().and_then(|t| classify_meta(&t.text)) else {
                break;
            };
            let slot = match kind {
                MetaLine::Subtitle => &mut lecture.meta.subtitle,
                MetaLine::Date => &mut lecture.meta.date,
                MetaLine::Speaker => &mut lecture.meta.speaker,
                MetaLine::Organisation => &mut lecture.meta.organisation,
            };
            if slot.is_some() || *i >= closing_from {
                break;
            }
            let line = item.text().text.clone();
            match (kind, split_subtitle_speaker(&line)) {
                (MetaLine::Subtitle, Some((subtitle, speaker))) => {
                    lecture.meta.subtitle = Some(subtitle.to_string());
                    lecture
                        .meta
                        .speaker
                        .get_or_insert_with(|| speaker.to_string());
                }
                (MetaLine::Speaker, _) => *slot = Some(front::post_and_name(&line)),
                _ => *slot = Some(line),
            }
            let (_, item) = rest.next().expect("peeked");
            lecture.meta.lines.push(item.text().clone());
            // the rest of a subtitle the page broke over two lines
            if kind == MetaLine::Subtitle {
                while let Some((_, Item::Text(t))) = rest.next_if(|(i, item)| {
                    *i < closing_from
                        && item.prose().is_some_and(|t| {
                            continues_subtitle(
                                lecture.meta.subtitle.as_deref().unwrap_or(""),
                                &t.text,
                            )
                        })
                }) {
                    if let Some(s) = &mut lecture.meta.subtitle {
                        s.push_str(&t.text);
                    }
                    lecture.meta.lines.push(t);
                }
            }
        }
        if lecture.meta.date.is_none() {
            lecture.meta.date = lecture
                .meta
                .subtitle
                .as_deref()
                .and_then(date_in)
                .map(str::to_string);
        }
    } else if rest.peek().is_some_and(
        |(_, i)| matches!(i, Item::Text(t) if !i.is_heading() && !is_salutation(&t.text)),
    ) {
        let at = rest.peek().map_or(0, |(_, i)| i.text().span.start);
        diags.emit(Code::NoTitleLine, Span::new(at, at), &[]);
    } else {
        let at = rest.peek().map_or(0, |(_, i)| i.text().span.start);
        diags.emit(Code::StartsWithHeading, Span::new(at, at), &[]);
    }

    hold(&mut rest);
    if let Some((i, item)) = rest.peek() {
        // after a caption held from above, the salutation stays in the opening, in order
        let held_prose = held.iter().any(|t| t.role == Role::Prose);
        if *i < closing_from && !held_prose && item.prose().is_some_and(|t| is_salutation(&t.text))
        {
            lecture.salutation = rest.next().map(|(_, item)| item.text().clone());
        }
    }
    lecture.opening = held;

    let mut nester = Nester::new();
    let mut counters = Counters::default();
    // the last part's ordinal, for a part without a number of its own
    let mut parts = 0;
    let body: Vec<(usize, Item)> = rest.collect();
    let (chapters, chapter_level) = chapter_lines(&body, closing_from).unwrap_or_default();
    let mut chapter_count = 0;
    // a page of several reports: the first is a part like the others
    let several = reports::several(&lecture, &body, &chapters, chapter_level);
    if let Some((title, under)) = several
        .then(|| reports::first_report(&mut lecture))
        .flatten()
    {
        chapter_count += 1;
        let mut part = chapter_node(&title, chapter_level, chapter_count);
        part.body = under;
        nester.open(part);
    }
    // the level of the next numbered heading after each item, for a turn to problems
    let mut next_level = vec![None; body.len()];
    let mut seen = None;
    for (k, (i, item)) in body.iter().enumerate().rev() {
        next_level[k] = seen;
        if chapters.contains(i) {
            seen = Some(0);
        } else if item.is_heading() {
            seen = paragraph_marker(&item.text().text)
                .and_then(|f| f.marker.level())
                .or(seen);
        }
    }
    let mut rest = body
        .into_iter()
        .enumerate()
        .map(|(k, (i, item))| (i, item, next_level[k]))
        .peekable();
    while let Some((i, item, next)) = rest.next() {
        check_quotes(item.text(), diags);
        if i >= closing_from {
            lecture.closing.push(item.text().clone());
            continue;
        }
        let node = match &item {
            Item::Text(t) if chapters.contains(&i) => {
                chapter_count += 1;
                Some(chapter_node(t, chapter_level, chapter_count))
            }
            Item::Heading { level, text } => heading_node(*level, text, &mut counters),
            Item::Text(t) if item.is_heading() => marked_paragraph(t, diags),
            Item::Text(t) if t.role == Role::Prose && question_marker(&t.text).is_some() => {
                // a question is a point one level under the part it stands in, the next
                // question its sibling
                let (level, ordinal) = match nester.current() {
                    Some(q) if question_marker(&q.heading.text).is_some() => {
                        (q.level().unwrap_or(1), q.marker.ordinal + 1)
                    }
                    Some(n) => (n.level().map_or(1, |l| l + 1), 1),
                    None => (1, 1),
                };
                question_node(t, level, ordinal)
            }
            Item::Text(t) if nester.current().is_some() && bracket_heading(&t.text).is_some() => {
                // 【…】 sub-headings: one level under the node they stand in, siblings of
                // each other
                let (level, ordinal) = match nester.current() {
                    Some(b) if bracket_heading(&b.heading.text).is_some() => {
                        (b.level().unwrap_or(2), b.marker.ordinal + 1)
                    }
                    Some(n) => (n.level().map_or(2, |l| l + 1), 1),
                    None => (2, 1),
                };
                bracket_node(t, level, ordinal)
            }
            Item::Text(t) if nester.current().is_some() && turns_to_problems(&item) => {
                Some(problems_part(t, next))
            }
            Item::Text(t) if nester.current().is_some() => {
                let next = rest.peek().and_then(|(_, n, _)| n.prose());
                unnumbered_part(t, next, parts + 1)
            }
            Item::Text(_) => None,
        };
        if let Some(node) = node {
            if node.level() == Some(1) {
                parts = node.marker.ordinal;
            }
            nester.open(node);
            continue;
        }
        let text = item.text().clone();
        match nester.current() {
            Some(node) => {
                // most points have one paragraph: a first push would make room for four
                // (the Vec's minimum), a third of a short heading's memory
                if node.body.capacity() == 0 {
                    node.body.reserve_exact(1);
                }
                node.body.push(text)
            }
            None => lecture.opening.push(text),
        }
    }
    for item in signoff {
        let t = item.text();
        let slot = if is_date(&t.text) {
            &mut lecture.meta.date
        } else {
            &mut lecture.meta.organisation
        };
        slot.get_or_insert_with(|| t.text.trim().to_string());
        lecture.meta.lines.push(t.clone());
    }
    lecture.nodes = nester.finish();
    if several {
        reports::part_closings(&mut lecture);
    }
    front::fill_from_page(&mut lecture);
    finish_nodes(&mut lecture, diags);
    if let Some(section) = footnotes {
        place_notes(&mut lecture, section);
    }
    lecture.meta.lines.sort_by_key(|t| t.span.start);
    // One line for all the chrome, not one per line: where it was, so the author can look.
    if let Some((count, lines)) = dropped_lines(&lecture) {
        let at = lecture.dropped[0].span;
        let plural = if count == 1 { "" } else { "s" };
        diags.emit(
            Code::PageChromeDropped,
            at,
            &[&count.to_string(), &lines, plural],
        );
    }
    lecture
}

/// A title as a deck shows it: without the document's label (`讲话稿` is a 讲话, `发言提纲`
/// a 发言), and a subtitle written on its line after `——` set apart.
fn title_and_subtitle(title: &str) -> (&str, Option<&str>) {
    let (title, subtitle) = match title.find("——") {
        Some(at) if title[..at].trim().chars().count() >= 2 && title[at..].chars().count() > 4 => {
            (title[..at].trim_end(), Some(&title[at..]))
        }
        _ => (title, None),
    };
    let bare = ["讲话稿", "发言稿", "宣讲稿", "讲话提纲", "发言提纲"]
        .iter()
        .find_map(|label| {
            let stem = title.strip_suffix(label)?;
            let kept = &label[..label.find(['稿', '提']).unwrap_or(label.len())];
            (!stem.trim().is_empty()).then(|| &title[..stem.len() + kept.len()])
        })
        .unwrap_or(title);
    (bare, subtitle)
}

/// How many items at the end are a sign-off: a date line, and the organisation's name
/// above it (a short line without punctuation).
fn signoff_len(items: &[Item]) -> usize {
    let prose = |k: usize| items.get(k).and_then(Item::prose);
    let n = items.len();
    if n < 3 || !prose(n - 1).is_some_and(|t| is_date(&t.text)) {
        return 0;
    }
    let org = prose(n - 2).is_some_and(|t| {
        let t = t.text.trim();
        (2..=30).contains(&t.chars().count())
            && !t.contains(['。', '，', '：', '！', '？', ',', ':'])
            && !is_date(t)
            && !is_salutation(t)
    });
    if org {
        2
    } else {
        1
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::input::source::LineIndex;
    use crate::numbering::Style;
    use crate::tree::Node;

    /// Lines of a source, each a paragraph item; a line `## …` is a Markdown heading.
    fn items(source: &str) -> Vec<Item> {
        let mut out = Vec::new();
        let mut at = 0;
        for (i, line) in source.split('\n').enumerate() {
            let hashes = line.chars().take_while(|&c| c == '#').count();
            let start = at + if hashes > 0 { hashes + 1 } else { 0 };
            let text = Text::para(
                &line[start - at..],
                Span::new(start, at + line.len()),
                i + 1,
            );
            out.push(if hashes > 0 {
                Item::Heading {
                    level: hashes as u8,
                    text,
                }
            } else {
                Item::Text(text)
            });
            at += line.len() + 1;
        }
        out
    }

    fn lecture(source: &str) -> (Lecture, Vec<String>) {
        let lines = LineIndex::new(source);
        let mut diags = Diagnostics::new(source, &lines);
        let lecture = assemble(items(source), &mut diags);
        let warnings = diags.list.iter().map(|d| d.message.clone()).collect();
        (lecture, warnings)
    }

    /// The tree as indented `marker title` lines.
    fn outline(nodes: &[Node]) -> Vec<String> {
        let mut out = Vec::new();
        for n in nodes {
            n.walk(&mut |n, depth| {
                out.push(format!(
                    "{}{}{} {}",
                    "  ".repeat(depth),
                    n.marker.text,
                    n.marker.ordinal,
                    n.title
                ))
            });
        }
        out
    }

    fn texts(list: &[Text]) -> Vec<&str> {
        list.iter().map(|t| t.text.as_str()).collect()
    }

    #[test]
    fn a_bracket_broken_from_its_marker_and_spaced_numerals() {
        let (l, _) = lecture("题目\n（一）甲项\n正文。\n（\n二）乙项\n正文。\n（\n正文在括号后。");
        assert_eq!(outline(&l.nodes), ["（一）1 甲项", "（二）2 乙项"]);
        let (l, _) =
            lecture("题目\n一 重工业和轻工业的关系\n正文。\n二 沿海和内地\n一 个人说，这是正文。");
        assert_eq!(
            outline(&l.nodes),
            ["一1 重工业和轻工业的关系", "二2 沿海和内地"]
        );
    }

    #[test]
    fn title_block_salutation_opening_body_closing_and_source() {
        let (l, warnings) = lecture(
            "专题党课：守初心担使命\n——在全市干部大会上的讲话\n（2024年3月5日）\n张三\n同志们：\n今天我们开会。\n一、提高认识\n要认识到位。\n谢谢大家！\n来源：某某网",
        );
        assert!(warnings.is_empty(), "{warnings:?}");
        assert_eq!(l.meta.kicker.as_deref(), Some("专题党课"));
        assert_eq!(l.meta.title.as_deref(), Some("守初心担使命"));
        assert_eq!(l.meta.subtitle.as_deref(), Some("——在全市干部大会上的讲话"));
        assert_eq!(l.meta.date.as_deref(), Some("（2024年3月5日）"));
        assert_eq!(l.meta.speaker.as_deref(), Some("张三"));
        assert_eq!(l.meta.lines.len(), 4);
        assert_eq!(
            l.salutation.as_ref().map(|t| t.text.as_str()),
            Some("同志们：")
        );
        assert_eq!(texts(&l.opening), ["今天我们开会。"]);
        assert_eq!(outline(&l.nodes), ["一、1 提高认识"]);
        assert_eq!(texts(&l.nodes[0].body), ["要认识到位。"]);
        assert_eq!(texts(&l.closing), ["谢谢大家！"]);
        assert_eq!(texts(&l.source_note), ["来源：某某网"]);
    }

    #[test]
    fn nodes_nest_by_the_level_of_their_marker_not_their_place() {
        let (l, warnings) = lecture(
            "题目\n一、第一部分\n1.直接到第三级\n（一）第二级回到一之下\n①第五级\n二、第二部分\n（1）第四级",
        );
        assert_eq!(
            outline(&l.nodes),
            [
                "一、1 第一部分",
                "  1.1 直接到第三级",
                "  （一）1 第二级回到一之下",
                "    ①1 第五级",
                "二、2 第二部分",
                "  （1）1 第四级",
            ]
        );
        // each jump warns once per parent, naming the level that was left out
        assert_eq!(
            warnings,
            [
                "level jump: 1. comes straight under 一、 without a （一） level",
                "level jump: ① comes straight under （一） without a 1. level",
                "level jump: （1） comes straight under 二、 without a （一） level",
            ]
        );
    }

    #[test]
    fn skipped_and_backward_ordinals_warn() {
        let (_, warnings) = lecture("题目\n一、甲\n三、丙\n二、乙");
        assert_eq!(
            warnings,
            [
                "三、 follows 一、: 二、 is missing",
                "二、 follows 三、: the numbering goes back"
            ]
        );
        let (_, warnings) = lecture("题目\n（二）乙");
        assert_eq!(warnings, ["numbering starts at （二） instead of （一）"]);
    }

    #[test]
    fn markdown_headings_count_per_level_and_a_written_marker_sets_the_count() {
        let (l, _) = lecture("# 题目\n## 学习\n### 读书\n### 思考\n## 三、实践\n### 调研\n## 总结");
        assert_eq!(
            outline(&l.nodes),
            [
                "1 学习",
                "  1 读书",
                "  2 思考",
                "三、3 实践",
                "  1 调研",
                "4 总结"
            ]
        );
        assert_eq!(l.nodes[0].marker.style, Style::Chapter);
        assert_eq!(l.nodes[0].children[0].marker.style, Style::Section);
    }

    #[test]
    fn a_lecture_that_starts_with_a_heading_has_no_title_and_says_so() {
        let (l, warnings) = lecture("一、开门见山\n正文。");
        assert_eq!(l.meta.title, None);
        assert_eq!(outline(&l.nodes), ["一、1 开门见山"]);
        assert_eq!(
            warnings,
            ["no title line: the lecture starts with a numbered heading"]
        );
    }

    #[test]
    fn a_marker_without_text_warns_and_stays_text() {
        let (l, warnings) = lecture("题目\n一、甲部分\n二、\n正文。");
        assert_eq!(outline(&l.nodes), ["一、1 甲部分"]);
        assert_eq!(texts(&l.nodes[0].body), ["二、", "正文。"]);
        assert_eq!(warnings, ["二、 has no text after it"]);
    }

    #[test]
    fn pictures_before_the_title_go_to_the_opening() {
        let lines = "题目\n同志们：\n一、甲";
        let index = LineIndex::new(lines);
        let mut diags = Diagnostics::new(lines, &index);
        let mut picture = Text::para("", Span::new(0, 0), 1);
        picture.role = Role::Block;
        let mut list = vec![Item::Text(picture)];
        list.extend(items(lines));
        let l = assemble(list, &mut diags);
        assert_eq!(l.meta.title.as_deref(), Some("题目"));
        assert_eq!(l.opening.len(), 1);
        assert_eq!(l.opening[0].role, Role::Block);
        assert!(l.salutation.is_some());
    }

    #[test]
    fn a_series_in_the_opening_gives_the_first_points_ahead_of_the_headings() {
        let (l, warnings) = lecture(
            "题目\n同志们：\n今天的议程有两项，一是请领导讲话，二是我作总结。\n大家欢迎。\n一、提高认识\n要认识到位。",
        );
        assert!(warnings.is_empty(), "{warnings:?}");
        assert_eq!(texts(&l.opening), ["今天的议程有两项，"]);
        assert_eq!(
            outline(&l.nodes),
            ["一是1 请领导讲话", "二是2 我作总结", "一、1 提高认识"]
        );
        assert!(l.nodes[0].inline && !l.nodes[2].inline);
        // the paragraph after the last item belongs to it
        assert_eq!(texts(&l.nodes[1].body), ["大家欢迎。"]);
    }

    #[test]
    fn a_colon_that_opens_a_series_ends_the_heading() {
        let (l, _) = lecture(
            "题目\n（一）日本方面：第一，它是强国。然而第二，它的战争是退步的。\n（二）中国方面：要看到长处。",
        );
        assert_eq!(
            outline(&l.nodes),
            [
                "（一）1 日本方面",
                "  第一1 它是强国",
                "  第二2 它的战争是退步的",
                "（二）2 中国方面：要看到长处",
            ]
        );
    }

    #[test]
    fn inline_runs_may_start_again_and_paragraph_led_skips_warn() {
        let (l, warnings) = lecture("题目\n一、部分\n一要甲。二要乙。另说。一要丙。二要丁。");
        assert_eq!(l.nodes[0].children.len(), 4);
        assert!(warnings.is_empty(), "{warnings:?}");
        let (l, warnings) = lecture("题目\n一、部分\n一是学习。\n二是调研。\n四是落实。");
        assert_eq!(
            outline(&l.nodes[0].children),
            ["一是1 学习", "二是2 调研", "四是4 落实"]
        );
        assert_eq!(warnings, ["四是 follows 二是: 三是 is missing"]);
        // （1） inside a paragraph under 一、 is no level jump
        let (_, warnings) = lecture("题目\n一、部分\n实事如下。（1）就业。（2）供暖。");
        assert!(warnings.is_empty(), "{warnings:?}");
    }

    #[test]
    fn a_bare_line_over_numbered_paragraphs_after_the_parts_is_a_part() {
        let (l, warnings) = lecture(
            "题目\n一、工作回顾\n正文。\n二、今年安排\n正文。\n名词解释\n1.“两重”：是指重大战略。\n2.“两新”：是指设备更新。",
        );
        assert_eq!(
            outline(&l.nodes),
            [
                "一、1 工作回顾",
                "二、2 今年安排",
                "3 名词解释",
                "  1.1 “两重”：是指重大战略",
                "  2.2 “两新”：是指设备更新",
            ]
        );
        // no number of its own, so no level to jump from
        assert!(warnings.is_empty(), "{warnings:?}");
        // a line the page broke, and a bare line before prose, stay text
        let (l, _) = lecture("题目\n一、回顾\n实施“揭榜\n挂帅”机制。\n主要目标\n是：增长5%。");
        assert_eq!(outline(&l.nodes), ["一、1 回顾"]);
        // a caption between two sections: the numbering goes on under it
        let (l, _) =
            lecture("题目\n一、成效\n（一）形式丰富\n正文。\n集中学习现场\n（二）规模扩大");
        assert_eq!(
            outline(&l.nodes),
            ["一、1 成效", "  （一）1 形式丰富", "  （二）2 规模扩大"]
        );
    }

    /// The tree with each node's level: `level marker title`.
    fn levels(nodes: &[Node]) -> Vec<String> {
        let mut out = Vec::new();
        for n in nodes {
            n.walk(&mut |n, depth| {
                let level = n.level().map_or("-".to_string(), |l| l.to_string());
                out.push(format!(
                    "{}{level} {}{}",
                    "  ".repeat(depth),
                    n.marker.text,
                    n.title
                ))
            });
        }
        out
    }

    #[test]
    fn chapter_lines_of_a_report_stand_above_its_parts() {
        let (l, warnings) = lecture(
            "政府工作报告\n各位代表：\n现在，我代表省人民政府向大会报告工作。\n“十四五”时期发展成就和2025年工作回顾\n五年来成绩显著。\n——这五年经济实力大幅提升。\n——这五年民生福祉不断增进。\n“十五五”时期主要目标和2026年重点工作\n今年是开局之年。\n一、铸牢共同体意识\n正文。\n（一）加强精神家园建设。正文。\n二、全力抓好重点工作\n正文。\n各位代表！让我们团结奋斗。",
        );
        assert!(warnings.is_empty(), "{warnings:?}");
        assert_eq!(
            levels(&l.nodes),
            [
                "0 “十四五”时期发展成就和2025年工作回顾",
                "  - ——这五年经济实力大幅提升",
                "  - ——这五年民生福祉不断增进",
                "0 “十五五”时期主要目标和2026年重点工作",
                "  1 一、铸牢共同体意识",
                "    2 （一）加强精神家园建设",
                "  1 二、全力抓好重点工作",
            ]
        );
        // the chapter's own paragraphs are its text, not the opening
        assert_eq!(
            texts(&l.opening),
            ["现在，我代表省人民政府向大会报告工作。"]
        );
        assert_eq!(texts(&l.nodes[0].body), ["五年来成绩显著。"]);
        assert_eq!(texts(&l.nodes[1].body), ["今年是开局之年。"]);
        assert!(l.nodes[1].chapter && !l.nodes[1].children[0].chapter);
    }

    #[test]
    fn chapter_lines_over_sections_take_the_place_of_parts() {
        // a report that numbers nothing at 一、: its chapters are the parts
        let (l, warnings) = lecture(
            "政府工作报告\n各位代表：\n现在报告工作。\n“十四五”时期工作回顾\n五年来成绩显著。\n2026年重点工作\n今年是开局之年。重点抓好两个方面工作：\n（一）放大政策效应\n正文。\n（二）建设产业体系\n正文。",
        );
        assert!(warnings.is_empty(), "{warnings:?}");
        assert_eq!(
            levels(&l.nodes),
            [
                "1 “十四五”时期工作回顾",
                "1 2026年重点工作",
                "  2 （一）放大政策效应",
                "  2 （二）建设产业体系",
            ]
        );
        assert_eq!(l.nodes[1].marker.style, Style::Chapter);
        assert!(!l.nodes[1].chapter);
    }

    #[test]
    fn bare_lines_of_a_text_without_markers_are_its_parts() {
        let (l, _) = lecture(
            "关于作风建设的思考\n同志们：\n今天讲几点意见。\n思想认识问题\n要提高认识。\n工作落实问题\n要狠抓落实。\n谢谢大家！",
        );
        assert_eq!(levels(&l.nodes), ["1 思想认识问题", "1 工作落实问题"]);
        assert_eq!(texts(&l.nodes[1].body), ["要狠抓落实。"]);
        assert_eq!(texts(&l.closing), ["谢谢大家！"]);
        // one bare line alone is no structure: it stays a paragraph
        let (l, _) = lecture("题目\n同志们：\n今天讲几点意见。\n思想认识问题\n要提高认识。");
        assert!(l.nodes.is_empty());
    }

    #[test]
    fn short_lines_that_are_no_chapters_stay_text() {
        // a slogan in quotes and a sentence without its stop over the first 一、, a date
        // line, and a signature after the last part: no chapter
        for source in [
            "题目\n同志们：\n开场白。\n“不忘初心、牢记使命”\n这是一段话。\n我们要坚持以人民为中心\n这是又一段话。\n一、甲部分\n正文。\n二、乙部分\n正文。",
            "题目\n同志们：\n开场白。\n2024年3月5日\n这是一段话。\n思想认识问题\n这是又一段话。\n一、甲部分\n正文。\n二、乙部分\n正文。",
            "题目\n同志们：\n开场白。\n一、甲部分\n正文。\n二、乙部分\n正文。\n中共某某市委组织部\n2024年3月5日",
        ] {
            let (l, _) = lecture(source);
            assert_eq!(
                levels(&l.nodes),
                ["1 一、甲部分", "1 二、乙部分"],
                "{source}"
            );
        }
        // a bare line inside a part, over more of its text, is the part's text
        let (l, _) = lecture(
            "题目\n一、回顾\n正文。\n主要工作成效\n正文。\n二、安排\n正文。\n重点工作任务\n正文。",
        );
        assert_eq!(levels(&l.nodes), ["1 一、回顾", "1 二、安排"]);
    }

    #[test]
    fn a_series_in_the_closing_gives_points_after_the_headings() {
        let (l, warnings) = lecture(
            "题目\n同志们：\n今天讲两点。\n一、提高认识\n要认识到位。\n同志们，新征程上，一要坚定信心，勇往直前；二要真抓实干，久久为功；三要守正创新，开拓进取。让我们团结奋斗！\n谢谢大家！",
        );
        assert!(warnings.is_empty(), "{warnings:?}");
        assert_eq!(outline(&l.nodes), ["一、1 提高认识"]);
        let end = l.ending.as_ref().expect("the closing's points");
        assert_eq!(
            outline(&end.children),
            [
                "一要1 坚定信心，勇往直前",
                "二要2 真抓实干，久久为功",
                "三要3 守正创新，开拓进取",
            ]
        );
        // the text before the first point, the last point to the end of its paragraph,
        // then the rest of the closing
        assert_eq!(texts(&end.body), ["同志们，新征程上，"]);
        assert_eq!(texts(&end.children[2].body), ["让我们团结奋斗！"]);
        assert_eq!(texts(&l.closing), ["谢谢大家！"]);
    }

    #[test]
    fn thanks_and_wishes_in_a_closing_stay_the_closing() {
        // 首先…其次…最后 in a closing thank and wish; a lone 第一 is a word
        for closing in [
            "同志们，首先，感谢大家的辛勤付出；其次，感谢各部门的支持；最后，祝大家新春快乐！",
            "同志们，最后我想说，争创第一是我们的追求！",
        ] {
            let source = format!("题目\n一、提高认识\n要认识到位。\n{closing}\n谢谢大家！");
            let (l, _) = lecture(&source);
            assert!(l.ending.is_none(), "{closing}");
            assert_eq!(texts(&l.closing), [closing, "谢谢大家！"]);
        }
    }
}
