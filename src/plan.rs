//! `Lecture` → slides: which slides exist, what each shows, its notes and its timing.
//!
//! One slide per point: title, outline, a slide per part (一、), per section (（一）) and
//! per point (deeper levels and inline points), closing. Read in order, the notes of all
//! slides are the lecture from the salutation to the closing, word for word.

use serde::Serialize;

use crate::html::escape;
use crate::tree::{paragraphs, Lecture, Node, Paragraph, Role};
use crate::typography::{fullwidth, fullwidth_html};

/// What a slide is; the template and the runtime key off it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    Title,
    Outline,
    Part,
    Section,
    Point,
    Closing,
}

/// One slide, ready for a template.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Slide {
    /// 1-based position in the deck.
    pub number: usize,
    pub kind: Kind,
    /// The slide's heading: the title, a part's title, a point's lead sentence.
    pub title: String,
    /// 专题党课 on the title slide; the marker as written on numbered slides.
    pub kicker: Option<String>,
    /// The ordinal as the badge shows it: 一, 1, 第一, 一要 …
    pub badge: Option<String>,
    /// Short titles of the part and section above.
    pub crumbs: Vec<String>,
    /// Listed lines: outline entries, a part's sections, a section's points.
    pub items: Vec<String>,
    /// Quoted phrases of the text, as keyword chips.
    pub chips: Vec<String>,
    /// Subtitle, speaker, organisation and date on the title slide.
    pub byline: Vec<String>,
    /// Markdown list items shown on the slide (HTML made by lectern, text escaped).
    #[serde(skip)]
    pub bullets: Vec<String>,
    /// Tables, quotations, code and images shown on the slide (HTML made by lectern).
    #[serde(skip)]
    pub blocks: Vec<String>,
    /// The speaker notes, one plain string a paragraph.
    pub notes: Vec<String>,
    /// The same paragraphs as HTML (escaped text, or the Markdown's markup).
    #[serde(skip)]
    pub notes_html: Vec<String>,
    /// Planned speaking time in seconds.
    pub timing: u32,
    /// Source line the slide starts at (0 for slides made by lectern).
    pub line: usize,
}

/// What the planner needs besides the lecture.
#[derive(Debug, Clone)]
pub struct PlanOptions {
    /// Speaking rate in characters a minute.
    pub rate: u32,
    pub keep_punctuation: bool,
    /// Used when the lecture has no title line.
    pub fallback_title: String,
    /// The big words of the closing slide.
    pub closing_text: String,
    pub outline: bool,
}

impl Default for PlanOptions {
    fn default() -> Self {
        PlanOptions {
            rate: 240,
            keep_punctuation: false,
            fallback_title: "讲稿".into(),
            closing_text: "谢谢！".into(),
            outline: true,
        }
    }
}

/// The deck-wide facts a template shows besides the slides.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct DeckInfo {
    pub title: String,
    pub kicker: Option<String>,
    pub subtitle: Option<String>,
    pub speaker: Option<String>,
    pub organisation: Option<String>,
    pub date: Option<String>,
    pub source_note: Vec<String>,
    /// Sum of the slides' timings, in seconds.
    pub total_seconds: u32,
}

impl DeckInfo {
    /// Subtitle, speaker, organisation and date, those the lecture has, in that order.
    pub fn byline(&self) -> impl Iterator<Item = &String> {
        [
            &self.subtitle,
            &self.speaker,
            &self.organisation,
            &self.date,
        ]
        .into_iter()
        .flatten()
    }
}

/// Plans the slides of a lecture.
pub fn plan(lecture: &Lecture, opts: &PlanOptions) -> (DeckInfo, Vec<Slide>) {
    let p = Planner { opts };
    let mut slides = Vec::new();
    let meta = &lecture.meta;
    let info = DeckInfo {
        title: p.text(meta.title.as_deref().unwrap_or(&opts.fallback_title)),
        kicker: meta.kicker.as_deref().map(|k| p.text(k)),
        subtitle: meta.subtitle.as_deref().map(|k| p.text(k)),
        speaker: meta.speaker.as_deref().map(|k| p.text(k)),
        organisation: meta.organisation.as_deref().map(|k| p.text(k)),
        date: meta.date.as_deref().map(|k| p.text(k)),
        source_note: lecture.source_note.iter().map(|t| t.text.clone()).collect(),
        total_seconds: 0,
    };

    let opening = paragraphs(lecture.salutation.iter().chain(&lecture.opening));
    slides.push(p.slide(Kind::Title, info.title.clone(), opening, 0, |s| {
        s.kicker = info.kicker.clone();
        s.byline = info.byline().cloned().collect();
    }));

    if opts.outline && lecture.nodes.len() > 1 {
        let items = lecture
            .nodes
            .iter()
            .map(|n| short_title(&p.text(&n.title)))
            .collect();
        slides.push(p.slide(Kind::Outline, "目录".into(), Vec::new(), 0, |s| {
            s.items = items;
        }));
    }

    for node in &lecture.nodes {
        p.node(node, &[], &mut slides);
    }

    let closing = paragraphs(&lecture.closing);
    let line = lecture.closing.first().map_or(0, |t| t.line);
    slides.push(p.slide(
        Kind::Closing,
        opts.closing_text.clone(),
        closing,
        line,
        |_| {},
    ));

    for (i, s) in slides.iter_mut().enumerate() {
        s.number = i + 1;
    }
    let total_seconds = slides.iter().map(|s| s.timing).sum();
    (
        DeckInfo {
            total_seconds,
            ..info
        },
        slides,
    )
}

struct Planner<'a> {
    opts: &'a PlanOptions,
}

impl Planner<'_> {
    fn text(&self, s: &str) -> String {
        if self.opts.keep_punctuation {
            s.to_string()
        } else {
            fullwidth(s)
        }
    }

    /// The HTML of a paragraph: its markup if it has any, else its escaped text.
    fn html(&self, p: &Paragraph) -> String {
        match &p.html {
            Some(h) if self.opts.keep_punctuation => h.clone(),
            Some(h) => fullwidth_html(h),
            None => escape(&self.text(&p.text)),
        }
    }

    fn slide(
        &self,
        kind: Kind,
        title: String,
        paras: Vec<Paragraph>,
        line: usize,
        fill: impl FnOnce(&mut Slide),
    ) -> Slide {
        // A picture without words (a Word picture's alt text is read in its paragraph)
        // has nothing for the notes.
        let read = |p: &&Paragraph| !(p.role == Role::Block && p.text.is_empty());
        let notes: Vec<String> = paras
            .iter()
            .filter(read)
            .map(|p| self.text(&p.text))
            .collect();
        // Tables and images stay on the slide; the notes read their text.
        let notes_html = paras
            .iter()
            .filter(read)
            .map(|p| match p.role {
                Role::Block => escape(&self.text(&p.text)),
                _ => self.html(p),
            })
            .collect();
        let shown = |role: Role| {
            paras
                .iter()
                .filter(|p| p.role == role)
                .map(|p| self.html(p))
                .collect::<Vec<_>>()
        };
        let (bullets, blocks) = (shown(Role::Bullet), shown(Role::Block));
        let timing = speaking_seconds(&notes, self.opts.rate);
        let mut slide = Slide {
            bullets,
            blocks,
            notes_html,
            number: 0,
            kind,
            title,
            kicker: None,
            badge: None,
            crumbs: Vec::new(),
            items: Vec::new(),
            chips: Vec::new(),
            byline: Vec::new(),
            notes,
            timing,
            line,
        };
        fill(&mut slide);
        slide
    }

    fn node(&self, node: &Node, crumbs: &[String], out: &mut Vec<Slide>) {
        let kind = match (node.inline, node.marker.level()) {
            (false, Some(1)) => Kind::Part,
            (false, Some(2)) => Kind::Section,
            _ => Kind::Point,
        };
        let title = self.text(&node.title);
        let notes = node.own_paragraphs();
        let all: String = notes.iter().map(|p| p.text.as_str()).collect();
        let chips = keyword_chips(&all, &node.title)
            .iter()
            .map(|c| self.text(c))
            .collect();
        out.push(self.slide(kind, title.clone(), notes, node.line, |s| {
            s.kicker = Some(self.text(&node.marker.text));
            s.badge = Some(node.marker.badge());
            s.crumbs = crumbs.to_vec();
            s.items = node.children.iter().map(|c| self.text(&c.title)).collect();
            s.chips = chips;
        }));
        let mut below = crumbs.to_vec();
        below.push(short_title(&title));
        for child in &node.children {
            self.node(child, &below, out);
        }
    }
}

/// Seconds to speak `notes` at `rate` characters a minute (spaces do not count).
pub fn speaking_seconds(notes: &[String], rate: u32) -> u32 {
    let chars: usize = notes
        .iter()
        .map(|n| n.chars().filter(|c| !c.is_whitespace()).count())
        .sum();
    ((chars as u64 * 60 + rate as u64 / 2) / rate.max(1) as u64) as u32
}

/// The first clause of a title, at most 16 characters: what a breadcrumb or the outline
/// shows.
pub fn short_title(title: &str) -> String {
    let clause = title
        .split(['，', ',', '；', ';', ':', '：'])
        .next()
        .unwrap_or(title)
        .trim();
    let n = clause.chars().count();
    if n <= 16 {
        clause.to_string()
    } else {
        let mut s: String = clause.chars().take(15).collect();
        s.push('…');
        s
    }
}

/// Up to six “quoted” phrases of the text, each once, short enough for a chip.
pub fn keyword_chips(text: &str, title: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut rest = text;
    while let Some(open) = rest.find('“') {
        let after = &rest[open + '“'.len_utf8()..];
        let Some(close) = after.find('”') else {
            break;
        };
        let phrase = after[..close].trim();
        let n = phrase.chars().count();
        // A chip repeats nothing the title says, and a bare number says nothing alone.
        let wordy = phrase.chars().any(|c| c > '\u{2E80}');
        if (2..=12).contains(&n)
            && wordy
            && !title.contains(phrase)
            && !out.iter().any(|p| p == phrase)
        {
            out.push(phrase.to_string());
        }
        if out.len() == 6 {
            break;
        }
        rest = &after[close + '”'.len_utf8()..];
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_titles_take_the_first_clause() {
        assert_eq!(
            short_title("学深悟透、把准方向，切实增强发展新质生产力的战略主动"),
            "学深悟透、把准方向"
        );
        assert_eq!(short_title("聚焦“两个大局”，准确把握"), "聚焦“两个大局”");
        assert_eq!(
            short_title("一二三四五六七八九十一二三四五六七八"),
            "一二三四五六七八九十一二三四五…"
        );
    }

    #[test]
    fn chips_are_quoted_phrases_once_each() {
        let chips = keyword_chips(
            "全力突破“卡脖子”问题，“含金量”“含智量”“含金量”，“”“2070”“泛化”以及“一个长得超过了十二个字的引文片段”",
            "避免概念“泛化”",
        );
        assert_eq!(chips, ["卡脖子", "含金量", "含智量"]);
    }

    #[test]
    fn timing_counts_characters_at_the_rate() {
        let notes = vec!["一".repeat(240), " 二 ".repeat(120)];
        assert_eq!(speaking_seconds(&notes, 240), 90);
        assert_eq!(speaking_seconds(&notes, 360), 60);
    }
}
