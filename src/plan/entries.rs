//! Titles where room is short: a breadcrumb, the outline, a part's list of its sections.
//! A title is shown whole when it fits, else its first clause, cut between words with …
//! only when even that is too long.

use crate::Aspect;

/// Most entries a part's or section's list shows on one slide (in two columns).
pub const MAX_ITEMS: usize = 10;

/// Longest entry of a section's list: one line of a column.
pub const ITEM_CHARS: usize = 18;

/// Most entries a part slide shows when one takes two lines of a column.
pub const PART_LONG_ITEMS: usize = 6;

/// How long an entry or a trail of crumbs may be on a slide of this shape: the slide is
/// 1920 or 1440 px wide at the same height, so a line at 16:9 holds half as much again.
/// Each limit is two lines' worth less a word's slack (a line breaks only between words).
#[derive(Debug, Clone, Copy)]
pub struct Room {
    /// An outline entry of six or fewer: two lines of the outline (26 or 17 a line).
    pub outline: usize,
    /// An outline entry in two columns: two lines of a column (18 or 12 a line).
    pub column: usize,
    /// A part's entry, in two columns: two lines of a column.
    pub part_item: usize,
    /// The longest part entry that takes one line of a column.
    pub short_item: usize,
    /// The longest trail of crumbs the band holds on its two lines (48 or 33 a line,
    /// each › with its room counted as two).
    pub trail: usize,
}

impl Room {
    pub fn of(aspect: Aspect) -> Room {
        match aspect {
            Aspect::Wide => Room {
                outline: 44,
                column: 32,
                part_item: 32,
                short_item: 18,
                trail: 84,
            },
            Aspect::Standard => Room {
                outline: 28,
                column: 18,
                part_item: 20,
                short_item: 12,
                trail: 56,
            },
        }
    }
}

/// `list` in slides of at most `max` entries, shared evenly (15 are 8 and 7, not 10 and 5).
pub fn share<T>(list: &[T], max: usize) -> std::slice::Chunks<'_, T> {
    let per = list.len().div_ceil(list.len().div_ceil(max).max(1)).max(1);
    list.chunks(per)
}

/// Longest breadcrumb shown whole: the band holds two lines of crumbs.
pub const CRUMB_CHARS: usize = 30;

/// `crumbs` as the band shows them: whole, the outer ones left off where all of them
/// would not fit its two lines (a report's chapter › part › section: the part and the
/// section), the nearest always kept.
pub fn fit_trail(crumbs: &mut Vec<String>, room: Room) {
    let length = |c: &[String]| c.iter().map(|t| t.chars().count() + 2).sum::<usize>() - 2;
    while crumbs.len() > 1 && length(crumbs) > room.trail {
        crumbs.remove(0);
    }
}

/// The first clause of a title, whole up to [`CRUMB_CHARS`]: what a breadcrumb shows.
pub fn short_title(title: &str) -> String {
    let clause = title
        .split(['，', ',', '；', ';', ':', '：'])
        .next()
        .unwrap_or(title)
        .trim();
    cut_to(clause, CRUMB_CHARS)
}

/// A title as a list shows it (the outline, a part's list of its sections): whole when
/// it has at most `max` characters, else its first clause, cut with … only when even that
/// is longer.
pub fn entry_title(title: &str, max: usize) -> String {
    let title = title.trim();
    if title.chars().count() <= max {
        return title.to_string();
    }
    let clause = title
        .split(['，', ',', '；', ';', ':', '：'])
        .next()
        .unwrap_or(title)
        .trim();
    cut_to(clause, max)
}

/// `clause` when it has at most `max` characters, else its first `max - 1` and a …,
/// cut between words where one ends in the second half.
fn cut_to(clause: &str, max: usize) -> String {
    let chars: Vec<char> = clause.chars().collect();
    if chars.len() <= max {
        return clause.to_string();
    }
    let limit = clause
        .char_indices()
        .nth(max - 1)
        .map_or(clause.len(), |(at, _)| at);
    if let Some(&at) = crate::words::breaks(clause)
        .iter()
        .rev()
        .find(|&&at| at <= limit && clause[..at].chars().count() * 2 >= max)
    {
        return format!("{}…", &clause[..at]);
    }
    // not inside a number or a Latin word (…和202…): before it
    let mut cut = max - 1;
    while cut > 8 && chars[cut - 1].is_ascii_alphanumeric() && chars[cut].is_ascii_alphanumeric() {
        cut -= 1;
    }
    if chars[cut - 1].is_ascii_alphanumeric() && chars[cut].is_ascii_alphanumeric() {
        cut = max - 1;
    }
    let mut s: String = chars[..cut].iter().collect();
    s.push('…');
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_trail_too_long_for_the_band_leaves_off_its_outer_crumbs() {
        // gov-report-2026-inner-mongolia-web at 4:3: chapter › part › section, cut with …
        let mut trail: Vec<String> = [
            "“十五五”时期主要目标和2026年重点工作",
            "深化落实习近平总书记和党中央赋予的五大战略定位和使命任务",
            "以创建中国（内蒙古）自由贸易试验区为牵引",
        ]
        .map(short_title)
        .to_vec();
        let whole = trail.clone();
        // at 16:9 the band's lines hold half as much again: the whole trail
        fit_trail(&mut trail, Room::of(Aspect::Wide));
        assert_eq!(trail, whole);
        fit_trail(&mut trail, Room::of(Aspect::Standard));
        assert_eq!(trail, whole[1..]);
        let mut short = vec!["学深悟透".to_string(), "把准方向".to_string()];
        fit_trail(&mut short, Room::of(Aspect::Standard));
        assert_eq!(short.len(), 2);
    }

    #[test]
    fn short_titles_take_the_first_clause() {
        assert_eq!(
            short_title("学深悟透、把准方向，切实增强发展新质生产力的战略主动"),
            "学深悟透、把准方向"
        );
        assert_eq!(short_title("聚焦“两个大局”，准确把握"), "聚焦“两个大局”");
        // whole where the band has room for it (the opening's crumb was 在2018年干部教育培训秋季…)
        assert_eq!(
            short_title("在2018年干部教育培训秋季学期开学典礼上的讲话"),
            "在2018年干部教育培训秋季学期开学典礼上的讲话"
        );
        // past that, cut with … (between words) in the second half
        let cut = short_title(&"一二三四五六七八九十".repeat(4));
        assert!(cut.ends_with('…'), "{cut}");
        assert!((16..=CRUMB_CHARS).contains(&cut.chars().count()), "{cut}");
        // a number is not cut
        assert_eq!(
            cut_to("“十五五”时期主要目标和2026年重点工作", 16),
            "“十五五”时期主要目标…"
        );
    }
}
