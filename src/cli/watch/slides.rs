//! Only the slides that changed: a page showing one deck is sent the next with each slide
//! it already has written as an empty placeholder, so an edit to one slide of a 1,403-slide
//! deck travels as that slide and the deck's frame, not 2.2 MB for the page to fetch and
//! parse (30–40 ms and 45–98 ms of the 197 ms the page took to show it).

use std::borrow::Cow;
use std::ops::Range;

/// What the page finds in place of a slide that is the same as in the deck it shows.
pub const SAME: &str = "<section data-lx-same></section>";

/// `new` with each top-level `<section>` that is the same in `old` at the same place written
/// as [`SAME`]; `new` whole where the sections of either do not nest as elements should.
pub fn changed<'a>(old: &str, new: &'a str) -> Cow<'a, str> {
    let (Some(before), Some(after)) = (sections(old), sections(new)) else {
        return Cow::Borrowed(new);
    };
    let mut out = String::with_capacity(new.len() / 4);
    let mut from = 0;
    for (i, range) in after.into_iter().enumerate() {
        if before
            .get(i)
            .is_some_and(|b| old[b.clone()] == new[range.clone()])
        {
            out.push_str(&new[from..range.start]);
            out.push_str(SAME);
            from = range.end;
        }
    }
    out.push_str(&new[from..]);
    Cow::Owned(out)
}

/// Where the top-level `<section>` elements of a deck are (its slides: the deck's text
/// escapes every `<` of its words, so each `<section` is a tag), or None if they do not
/// nest.
fn sections(html: &str) -> Option<Vec<Range<usize>>> {
    const OPEN: &str = "<section";
    const CLOSE: &str = "</section>";
    let (mut out, mut depth, mut start, mut at) = (Vec::new(), 0usize, 0, 0);
    loop {
        let open = html[at..].find(OPEN).map(|i| at + i);
        let close = html[at..].find(CLOSE).map(|i| at + i);
        let (tag, opens) = match (open, close) {
            (Some(o), Some(c)) if c < o => (c, false),
            (Some(o), _) => (o, true),
            (None, Some(c)) => (c, false),
            (None, None) => break,
        };
        if opens {
            if depth == 0 {
                start = tag;
            }
            depth += 1;
            at = tag + OPEN.len();
        } else {
            depth = depth.checked_sub(1)?;
            at = tag + CLOSE.len();
            if depth == 0 {
                out.push(start..at);
            }
        }
    }
    (depth == 0).then_some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    const OLD: &str = "<div class=slides><section id=a>A<section>x</section></section>\n<section id=b>B</section>\n<section id=c>C</section></div>";

    #[test]
    fn slides_that_stay_are_placeholders_and_the_rest_is_as_built() {
        let new = "<div class=slides><section id=a>A<section>x</section></section>\n<section id=b>B!</section>\n<section id=c>C</section>\n<section id=d>D</section></div>";
        assert_eq!(
            changed(OLD, new),
            format!("<div class=slides>{SAME}\n<section id=b>B!</section>\n{SAME}\n<section id=d>D</section></div>")
        );
        // fewer slides: the ones left are compared by place
        assert_eq!(
            changed(OLD, "<section id=a>A<section>x</section></section>"),
            SAME
        );
    }

    #[test]
    fn sections_that_do_not_nest_send_the_deck_whole() {
        let broken = "<section id=a>A</section></section><section>";
        assert_eq!(changed(OLD, broken), broken);
        assert_eq!(changed(broken, OLD), OLD);
        assert_eq!(sections("<section><section></section>"), None);
    }
}
