//! Short titles: a point whose lead sentence runs long is titled by its first clause (up
//! to a colon or a clause mark), and the rest of the sentence shows under it as its first
//! key lines, word for word. A label (`在队伍建设方面，…`) is the title by itself.

use super::keys::{clauses, dangles, MAX_CHARS};

/// Longest title shown whole, in characters: two lines of a point's title at 16:9, three
/// at 4:3, with the badge beside it.
pub const MAX_TITLE: usize = 30;

/// Shortest first clause that makes a title.
const MIN_TITLE: usize = 4;

fn chars(s: &str) -> usize {
    s.chars().count()
}

/// The byte offset of the `n`th character of `s`, or its length when it is shorter.
fn byte_at(s: &str, n: usize) -> usize {
    s.char_indices().nth(n).map_or(s.len(), |(at, _)| at)
}

/// `title` cut to fit, and what it leaves out of the sentence (empty when nothing).
pub fn shorten(title: &str) -> (String, String) {
    let t = title.trim();
    let cl = clauses(t);
    if cl.len() < 2 {
        return between_words(t).unwrap_or_else(|| (t.to_string(), String::new()));
    }
    let first = &t[cl[0].0..cl[0].1];
    // 在…方面，/ 在…上，: the label alone
    let label = first.starts_with('在')
        && (first.ends_with("方面") || first.ends_with('上'))
        && chars(first) <= 16;
    if !label && chars(t) <= MAX_TITLE {
        return (t.to_string(), String::new());
    }
    // at the first colon where what comes before is a title; else at the first clause
    // mark after a title's worth
    let colon = cl
        .iter()
        .position(|&(_, end)| t[end..].starts_with(['：', ':']))
        .filter(|&i| (MIN_TITLE..=MAX_TITLE).contains(&chars(&t[..cl[i].1])));
    // (heads past a title's length end the search: a paragraph of thousands of clauses
    // is not counted again for each)
    let at = colon.or_else(|| {
        (0..cl.len() - 1)
            .map(|i| (i, &t[..cl[i].1]))
            .take_while(|&(_, head)| chars(head) <= MAX_TITLE)
            .find(|&(_, head)| chars(head) >= MIN_TITLE + 2 && !dangles(head))
            .map(|(i, _)| i)
    });
    let at = if label { Some(0) } else { at };
    match at {
        Some(i) => (
            t[..cl[i].1].to_string(),
            t[cl[i + 1].0..].trim().to_string(),
        ),
        None => between_words(t).unwrap_or_else(|| (t.to_string(), String::new())),
    }
}

/// A long title with no clause mark where a title ends: cut between words (with …) at
/// the last word that fits, the rest of it shown below.
fn between_words(t: &str) -> Option<(String, String)> {
    // a title a little long is better whole than cut badly; a paragraph is cut anyhow
    let (head, rest) = word_cut(t, MAX_TITLE)
        .or_else(|| (chars(t) > 2 * MAX_TITLE).then(|| any_cut(t, MAX_TITLE))?)?;
    Some((format!("{head}…"), rest.to_string()))
}

/// Where no word break will do (`一是，二是，一是，…`, every clause a leading word): at
/// the last break before `max`, leading or not, else after `max - 1` characters — a
/// title is never the paragraph.
fn any_cut(s: &str, max: usize) -> Option<(&str, &str)> {
    let end = s.char_indices().nth(max - 1)?.0;
    let at = crate::words::breaks(&s[..end])
        .into_iter()
        .rfind(|&b| b > 0 && b < end)
        .unwrap_or(end);
    Some((&s[..at], &s[at..]))
}

/// `s` cut at its last word break that leaves at most `max - 1` characters before it (and
/// room for a …), not on a leading word; `None` when `s` fits or no break will do.
fn word_cut(s: &str, max: usize) -> Option<(&str, &str)> {
    if chars(s) <= max {
        return None;
    }
    // before the last item of a list (…体验学校活动、了解学校文化 → …体验学校活动)
    let reach = byte_at(s, max);
    if let Some(at) = (s[..reach].rmatch_indices('、').map(|(at, _)| at))
        .find(|&at| (max / 2..max).contains(&chars(&s[..at])) && !dangles(&s[..at]))
    {
        return Some((&s[..at], &s[at + '、'.len_utf8()..]));
    }
    // a paragraph-long "title" (a hostile run of megabytes) is segmented only as far
    // as a title could reach; anything a real text has, whole (a word's break can
    // depend on what follows it)
    let within = if s.len() > 4096 {
        byte_at(s, max + 64)
    } else {
        s.len()
    };
    crate::words::breaks(&s[..within])
        .into_iter()
        .rev()
        .find(|&b| (max / 2..max).contains(&chars(&s[..b])) && !dangles(&s[..b]))
        .map(|b| (&s[..b], &s[b..]))
}

/// What a cut title leaves out, as up to `max` lines of whole clauses that fit a key
/// line (each at most [`MAX_CHARS`], none ending on a leading word), in reading order.
pub fn rest_lines(rest: &str, max: usize) -> Vec<String> {
    let rest = rest
        .trim()
        .trim_end_matches(['。', '；', ';', '！', '？', '，'])
        .trim();
    let cl = clauses(rest);
    let mut out = Vec::new();
    let mut a = 0;
    while a < cl.len() && out.len() < max {
        // the longest run from clause a that fits and does not dangle
        let mut best = None;
        for b in a..cl.len() {
            let line = &rest[cl[a].0..cl[b].1];
            let n = chars(line);
            if n > MAX_CHARS && !(b == a && n <= MAX_CHARS + 6) {
                break;
            }
            if !dangles(line) {
                best = Some(b);
            }
        }
        let Some(b) = best else {
            // one clause too long for a line: its words that fit, with …
            if let Some((head, _)) = word_cut(&rest[cl[a].0..cl[a].1], MAX_CHARS) {
                out.push(format!("{}…", head.trim()));
            }
            break;
        };
        out.push(rest[cl[a].0..cl[b].1].trim().to_string());
        a = b + 1;
    }
    out
}

/// The title of a continuation slide: its lead sentence, cut to a clause when long.
pub fn continuation_title(lead: &str) -> String {
    // a stretch cut before a point (同志们，新征程上，一要……) ends at a comma
    let lead = lead.trim().trim_end_matches(['，', ',', '、']);
    if lead.chars().count() <= 30 {
        return lead.to_string();
    }
    let mut out = String::new();
    for (i, c) in lead.chars().enumerate() {
        if i >= 8 && matches!(c, '，' | '；' | '：' | ',') {
            return out;
        }
        if i == 30 {
            // not mid-word: before the last 、 of a list, if there is one
            if let Some(at) = out.rfind('、').filter(|&at| out[..at].chars().count() >= 8) {
                out.truncate(at);
            }
            out.push('…');
            return out;
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_lead_sentences_are_cut_at_a_colon_or_their_first_clause() {
        // gov-report-2026-gansu-web
        let t = "继续实施“强县中增学位”工程，支持20所县域普通高中扩容改造，新增学位2万个";
        let (title, rest) = shorten(t);
        assert_eq!(title, "继续实施“强县中增学位”工程");
        assert_eq!(rest, "支持20所县域普通高中扩容改造，新增学位2万个");
        assert_eq!(rest_lines(&rest, 2), [rest.as_str()]);
        // gov-report-2026-sichuan-web
        let t = "“暖心驿站”：面向外卖骑手、快递小哥等新就业形态劳动者建设一批暖心驿站，提供休息饮水等服务";
        assert_eq!(shorten(t).0, "“暖心驿站”");
        // a title that fits is left alone
        let t = "聚焦“两个大局”，准确把握新质生产力是高质量发展重要着力点";
        assert_eq!(shorten(t), (t.to_string(), String::new()));
    }

    #[test]
    fn a_long_title_without_clause_marks_is_cut_between_words() {
        // debrief-2021-school-leaders-web: a 3-line title at 16:9, 4 at 4:3
        let t = "利用开放日活动把初中家长和学生请到学校体验校园生活感受学校办学特色并进行现场咨询";
        let (title, rest) = shorten(t);
        let head = title.strip_suffix('…').expect("cut with …");
        assert!(chars(&title) <= MAX_TITLE, "{title}");
        assert_eq!(format!("{head}{rest}"), t, "nothing lost");
        assert!(
            crate::words::breaks(t).contains(&head.len()),
            "between words: {title}"
        );
        // the rest shows below, its words that fit
        let lines = rest_lines(&rest, 2);
        assert_eq!(lines.len(), 1);
        assert!(
            rest.starts_with(lines[0].trim_end_matches('…')),
            "{lines:?}"
        );
        // in a list: before its last item (the corpus text)
        let t = "利用开放日活动把初中家长和学生请到学校体验学校活动、了解学校文化";
        let (title, rest) = shorten(t);
        assert_eq!(title, "利用开放日活动把初中家长和学生请到学校体验学校活动…");
        assert_eq!(rest, "了解学校文化");
    }

    #[test]
    fn a_paragraph_of_leading_words_still_gets_a_short_title() {
        // a hostile 5 MB `一是，二是，…` paragraph was one 45,000-line title in the .pptx
        let t = "一是，二是，".repeat(2000);
        let (title, rest) = shorten(&t);
        let head = title.strip_suffix('…').expect("cut with …");
        assert!(chars(&title) <= MAX_TITLE, "{title}");
        assert_eq!(format!("{head}{rest}"), t, "nothing lost");
    }

    #[test]
    fn a_label_is_the_title_by_itself() {
        let (title, rest) = shorten("在队伍建设方面，我们选优配强班子，培养年轻干部");
        assert_eq!(title, "在队伍建设方面");
        assert_eq!(rest, "我们选优配强班子，培养年轻干部");
    }

    #[test]
    fn the_rest_shows_in_whole_clauses_that_fit() {
        let rest = "始终坚持依法决策、依法行政，严格落实重大行政决策程序，自觉接受人大法律监督和工作监督、政协民主监督，主动接受社会和舆论监督";
        let lines = rest_lines(rest, 3);
        assert!(lines.len() >= 2, "{lines:?}");
        for l in &lines {
            assert!(rest.contains(l.as_str()));
            assert!(chars(l) <= MAX_CHARS + 6 && !dangles(l), "{l}");
        }
    }
}
