//! Which markers make points: the kinds of series (a family in one of its forms, the
//! spoken forms of 第一 as one) and their runs, each from one and counting up, with
//! the ordinal each item gets.

use crate::numbering::{Found, Run, Start, Style};
use crate::tree::{Role, Text};

/// A marker found where its family may stand.
pub(super) struct Candidate {
    /// Index of the run in the body and byte offset in its text.
    pub(super) seg: usize,
    pub(super) at: usize,
    pub(super) found: Found,
    /// How strong the place is where the marker stands.
    pub(super) start: Start,
    /// Which sentence of its run it stands in (一方面……，一方面…… is one sentence).
    pub(super) sentence: usize,
}

/// A kind of series: a family in one of its forms (第一， and 第一条： are two kinds, so
/// 第一，…第二，… may stand inside the items of 第一条…第二条…).
pub(super) type Kind = (Style, usize);

/// Candidates (indices) that make points, each with the ordinal its point gets.
pub(super) type Picked = Vec<(usize, u32)>;

/// The kind of a candidate.
pub(super) fn kind(c: &Candidate) -> Kind {
    let style = c.found.marker.style;
    // the spoken forms of a family are one kind: the first of them stands for all
    let forms = style.family().forms;
    let form = match forms[c.found.form].spoken {
        true => forms.iter().position(|f| f.spoken).unwrap_or(c.found.form),
        false => c.found.form,
    };
    (style, form)
}
/// The kind of series that makes points here, and its candidates with the ordinal each
/// point gets: every run of that kind. A kind's runs are looked for among its markers at
/// sentence starts first, and among those after commas too only in prose paragraphs
/// after them, so 一是…，二是… inside the items of a 一是 run stays text for the items
/// to split.
/// The kind whose runs stand strongest wins (items heading paragraphs over items inside
/// a sentence), then the one that starts earliest; the others nest in its points or
/// stand before them.
pub(super) fn pick_runs(
    body: &[Text],
    candidates: &[Candidate],
    used: &[Kind],
) -> Option<(Kind, Picked)> {
    let mut kinds: Vec<Kind> = Vec::new();
    for c in candidates {
        if !kinds.contains(&kind(c)) && !used.contains(&kind(c)) {
            kinds.push(kind(c));
        }
    }
    let mut best: Option<(Start, (usize, usize), Kind, Picked)> = None;
    for k in kinds {
        // a closing word (最后, 还有就是) closes a run of its family in any form
        let closes =
            |c: &Candidate| c.found.marker.style == k.0 && k.0.closes_run(c.found.marker.ordinal);
        let of_kind: Vec<usize> = (0..candidates.len())
            .filter(|&i| kind(&candidates[i]) == k || closes(&candidates[i]))
            .collect();
        let [strong, weak] = [Start::Sentence, Start::Clause].map(|least| {
            let at_least: Vec<usize> = of_kind
                .iter()
                .copied()
                .filter(|&i| candidates[i].start >= least)
                .collect();
            runs(candidates, &at_least, k.0.family().run)
        });
        // runs after commas count where no run at sentence starts reaches their
        // paragraphs (针对以上不足，今后一是要…，二是要… after paragraphs 一是… 三是…)
        let last_strong = strong
            .iter()
            .flatten()
            .map(|&(i, _)| candidates[i].seg)
            .max();
        let after: Vec<Picked> = weak
            .into_iter()
            .filter(|run| last_strong.is_none_or(|s| candidates[run[0].0].seg > s))
            // (the speaker's own notes keep their series as text)
            .filter(|run| {
                run.iter()
                    .all(|&(i, _)| body[candidates[i].seg].role == Role::Prose)
            })
            .collect();
        let found: Vec<Picked> = strong.into_iter().chain(after).collect();
        if found.is_empty() {
            continue;
        }
        // a run stands as strong as its weakest item; a kind, as its strongest run
        let strength = found
            .iter()
            .filter_map(|run| run.iter().map(|&(i, _)| candidates[i].start).min())
            .max()
            .unwrap_or(Start::Clause);
        let first = &candidates[found[0][0].0];
        let at = (first.seg, first.at);
        let better = best
            .as_ref()
            .is_none_or(|(s, a, _, _)| strength > *s || (strength == *s && at < *a));
        if better {
            best = Some((strength, at, k, found.concat()));
        }
    }
    best.map(|(_, _, k, picked)| (k, picked))
}

/// The runs of at least two among `of_kind` (indices into `candidates`, in text order),
/// each candidate with the ordinal its point gets.
fn runs(candidates: &[Candidate], of_kind: &[usize], how: Run) -> Vec<Picked> {
    let mut chosen = Vec::new();
    let mut run: Picked = Vec::new();
    let flush = |run: &mut Picked, chosen: &mut Vec<Picked>| {
        if run.len() >= 2 {
            chosen.push(std::mem::take(run));
        }
        run.clear();
    };
    for &i in of_kind {
        let c = &candidates[i];
        let ordinal = c.found.marker.ordinal;
        let style = c.found.marker.style;
        let next = match run.last() {
            None => None,
            Some(&(j, last)) => {
                let p = &candidates[j];
                let follows = match how {
                    // the next paragraph, nothing between
                    Run::Repeated => c.seg == p.seg + 1 && c.start == Start::Paragraph,
                    // 最后 (ordinal 0) closes a run of two or more (首先…其次…最后, not
                    // 首先…最后祝愿…). Items heading paragraphs may skip forward, as
                    // headings may (a skipped ordinal is warned about, not dropped).
                    Run::Counting | Run::CountingOrAgain => {
                        let heads = p.start == Start::Paragraph && c.start == Start::Paragraph;
                        // 首先…其次…其次: a word family says its middle word again
                        let again = style == Style::Sequence && ordinal == 2 && last >= 2;
                        // items heading paragraphs go on with items heading paragraphs
                        let led = p.start == Start::Paragraph
                            && c.start != Start::Paragraph
                            && c.seg != p.seg;
                        !style.closes_run(p.found.marker.ordinal)
                            && !led
                            && (ordinal == last + 1
                                || again
                                || (heads && ordinal > last)
                                || (style.closes_run(ordinal) && run.len() >= 2))
                    }
                };
                // 一方面……，一方面…… in one sentence: the second is the next item
                let again = how == Run::CountingOrAgain
                    && ordinal == 1
                    && last == 1
                    && (p.seg, p.sentence) == (c.seg, c.sentence);
                (follows || again).then_some(last + 1)
            }
        };
        match next {
            // a skipped ordinal keeps the number it writes
            Some(n) => run.push((
                i,
                if style.closes_run(ordinal) {
                    n
                } else {
                    ordinal.max(n)
                },
            )),
            None if ordinal == 1 => {
                flush(&mut run, &mut chosen);
                run.push((i, 1));
            }
            None => {}
        }
    }
    flush(&mut run, &mut chosen);
    chosen
}
