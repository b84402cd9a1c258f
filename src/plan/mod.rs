//! `Lecture` → slides: which slides exist, what each shows, its notes and its timing.
//!
//! One slide per point: title, outline, a slide per part (一、), per section (（一）) and
//! per point (deeper levels and inline points), closing. Read in order, the notes of all
//! slides are the lecture from the salutation to the closing, word for word.

pub mod chips;
pub mod entries;
pub mod figures;
pub mod keys;
pub mod pacing;
pub mod titles;
pub mod typography;

use crate::deck::{Block, Deck, DeckInfo, Inline, Kind, List, ListItem, Slide};
use crate::plan::typography::{fullwidth, fullwidth_in_place, fullwidth_runs};
use crate::tree::{paragraphs, Lecture, Node, Paragraph, Rich, Role};

pub use crate::settings::Content;
use crate::Aspect;
pub use chips::{keyword_chips, MAX_CHIP};
pub use entries::{entry_title, short_title};
use entries::{Room, ITEM_CHARS, MAX_ITEMS, PART_LONG_ITEMS};

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
    pub content: Content,
    /// Longest a slide's notes may take, in seconds, before the text continues on
    /// the next slide.
    pub max_seconds: u32,
    /// The planned total, when the deck must fill a given time (`--minutes`): the
    /// slides' timings are shared out to add up to it exactly.
    pub total_seconds: Option<u32>,
    /// The slide shape: how much a line of the outline, a part's list or the crumbs holds.
    pub aspect: Aspect,
}

impl Default for PlanOptions {
    fn default() -> Self {
        PlanOptions {
            rate: 240,
            keep_punctuation: false,
            fallback_title: "讲稿".into(),
            closing_text: "谢谢！".into(),
            outline: true,
            content: Content::Key,
            max_seconds: 180,
            total_seconds: None,
            aspect: Aspect::Wide,
        }
    }
}

/// Plans the slides of a lecture.
pub fn plan(lecture: &Lecture, opts: &PlanOptions) -> Deck {
    let p = Planner {
        opts,
        citations: &lecture.citations,
        room: Room::of(opts.aspect),
    };
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
    let mut stretches = p.stretches(opening).into_iter();
    let first = stretches.next().unwrap_or_default();
    slides.push(p.slide(Kind::Title, info.title.clone(), first, 0, |s, _| {
        s.kicker = info.kicker.clone();
        s.byline = info.byline().cloned().collect();
    }));
    // the opening's further stretches carry on the title slide: its title (续), no crumbs
    for stretch in stretches {
        slides.push(p.continuation(&info.title, &[], stretch, 0));
    }

    // the headings, not the points found in the opening ahead of them
    let headings = lecture.nodes.iter().filter(|n| !n.inline);
    if opts.outline && headings.clone().count() > 1 {
        // up to ten entries a slide, the rest on 目录（续）; past six in two columns, an
        // entry whole when it fits two lines of a column
        let titles: Vec<String> = headings.map(|n| p.text(&n.title)).collect();
        let mut before = 0;
        for (i, chunk) in entries::share(&titles, MAX_ITEMS).enumerate() {
            let max = if chunk.len() > 6 {
                p.room.column
            } else {
                p.room.outline
            };
            let title = if i == 0 { "目录" } else { "目录（续）" };
            slides.push(p.slide(Kind::Outline, title.into(), Vec::new(), 0, |s, _| {
                s.items = chunk.iter().map(|t| entry_title(t, max)).collect();
                s.items_before = before;
            }));
            before += chunk.len();
        }
    }

    for node in &lecture.nodes {
        p.node(node, &[], &mut slides);
    }

    // A series in the closing: its points under 结束语, after the text before them (on a
    // slide of its own, or, when it only leads into the first point's sentence —
    // 同志们，新征程上，一要…… — read with that point).
    if let Some(end) = &lecture.ending {
        let mut points = end.children.clone();
        let lead_in = match (end.body.as_slice(), points.first()) {
            ([intro], Some(first)) => {
                !first.heading.new_para && !intro.text.contains(['。', '！', '？', '!', '?'])
            }
            _ => false,
        };
        if lead_in {
            let first = &mut points[0].heading;
            first.text.insert_str(0, &end.body[0].text);
            first.new_para = true;
            first.rich = None;
        } else if !end.body.is_empty() {
            for stretch in p.stretches(paragraphs(&end.body)) {
                slides.push(p.closing_stretch(stretch, end.line));
            }
        }
        for point in &points {
            p.node(point, &["结束语".to_string()], &mut slides);
        }
    }

    // A long closing speaks its first stretches on slides of their own, the last on
    // the closing slide.
    let closing = paragraphs(&lecture.closing);
    let line = lecture.closing.first().map_or(0, |t| t.line);
    let mut stretches = p.stretches(closing);
    let last = stretches.pop().unwrap_or_default();
    for stretch in stretches {
        slides.push(p.closing_stretch(stretch, line));
    }
    slides.push(p.slide(
        Kind::Closing,
        opts.closing_text.clone(),
        last,
        line,
        |_, _| {},
    ));

    for (i, s) in slides.iter_mut().enumerate() {
        s.number = i + 1;
        entries::fit_trail(&mut s.crumbs, p.room);
    }
    if let Some(total) = opts.total_seconds {
        share_out(&mut slides, total);
    }
    let total_seconds = slides.iter().map(|s| s.timing).sum();
    Deck {
        info: DeckInfo {
            total_seconds,
            ..info
        },
        slides,
    }
}

struct Planner<'a> {
    opts: &'a PlanOptions,
    /// Citation marks of the lecture's notes: in the notes, never shown.
    citations: &'a [String],
    room: Room,
}

/// Longest part title kept whole: a part's title is set larger and wider than a point's.
const PART_TITLE: usize = 36;

impl Planner<'_> {
    fn text(&self, s: &str) -> String {
        if self.opts.keep_punctuation {
            s.to_string()
        } else {
            fullwidth(s)
        }
    }

    fn runs(&self, mut runs: Vec<Inline>) -> Vec<Inline> {
        if self.opts.keep_punctuation {
            return runs;
        }
        // a paragraph without formatting, most of them: its one run converted in place
        if let [Inline::Text(t)] = runs.as_mut_slice() {
            fullwidth_in_place(t);
            return runs;
        }
        fullwidth_runs(&runs)
    }

    /// A block with the deck's typography.
    fn block(&self, block: &Block) -> Block {
        match block {
            Block::Paragraph { runs } => Block::Paragraph {
                runs: self.runs(runs.clone()),
            },
            Block::List(list) => Block::List(self.list(list)),
            Block::Table(t) => Block::Table(crate::deck::Table {
                head: t.head.iter().map(|c| self.runs(c.clone())).collect(),
                rows: t
                    .rows
                    .iter()
                    .map(|r| r.iter().map(|c| self.runs(c.clone())).collect())
                    .collect(),
            }),
            Block::Quote { blocks } => Block::Quote {
                blocks: blocks.iter().map(|b| self.block(b)).collect(),
            },
            Block::Code { .. } | Block::Image(_) | Block::Html { .. } => block.clone(),
        }
    }

    fn list(&self, list: &List) -> List {
        List {
            start: list.start,
            items: list
                .items
                .iter()
                .map(|i| ListItem {
                    runs: self.runs(i.runs.clone()),
                    sublist: i.sublist.as_ref().map(|l| self.list(l)),
                })
                .collect(),
        }
    }

    fn slide(
        &self,
        kind: Kind,
        title: String,
        paras: Vec<Paragraph>,
        line: usize,
        fill: impl FnOnce(&mut Slide, Vec<String>),
    ) -> Slide {
        let mut notes = Vec::new();
        // the prose as the deck writes it, for the slide's key sentences: converted once,
        // with the notes
        let mut spoken = Vec::new();
        let mut content = Vec::new();
        // the notes that are footnotes: read, not spoken
        let mut unspoken: Vec<usize> = Vec::new();
        // List items in a row, as (depth, number, runs), until something else comes.
        let mut items: Vec<(usize, Option<u64>, Vec<Inline>)> = Vec::new();
        // A list keeps its shape on the slide and in the notes alike (the speaker view,
        // the handout and the reading script show its numbers and nesting).
        let flush = |items: &mut Vec<_>, content: &mut Vec<Block>, notes: &mut Vec<Block>| {
            if !items.is_empty() {
                let list = Block::List(nest(&mut items.drain(..).peekable(), 0));
                notes.push(list.clone());
                content.push(list);
            }
        };
        for p in &paras {
            if p.role != Role::Bullet {
                flush(&mut items, &mut content, &mut notes);
            }
            let runs = || self.runs(p.runs());
            match (p.role, &p.rich) {
                (Role::Bullet, rich) => {
                    let (depth, number) = match rich {
                        Some(Rich::Item { depth, number, .. }) => (*depth, *number),
                        _ => (0, None),
                    };
                    items.push((depth, number, runs()));
                }
                (Role::Block, Some(Rich::Block(b))) => {
                    let b = self.block(b);
                    // A picture's words are its caption (a Word picture's are read in
                    // its paragraph already); tables, quotations and code keep their
                    // shape in the notes too.
                    if let Block::Image(_) = b {
                        if !p.text.is_empty() {
                            notes.push(Block::text(self.text(&p.text)));
                        }
                    } else {
                        notes.push(b.clone());
                    }
                    content.push(b);
                }
                _ => {
                    let runs = runs();
                    if p.role == Role::Prose {
                        let mut said = match (&p.rich, runs.as_slice()) {
                            (None, [Inline::Text(t)]) => t.clone(),
                            _ => self.text(&p.text),
                        };
                        for mark in self.citations {
                            said = said.replace(mark.as_str(), "");
                        }
                        spoken.push(said);
                    }
                    if p.role == Role::Footnote {
                        unspoken.push(notes.len());
                    }
                    notes.push(Block::Paragraph { runs });
                }
            }
        }
        flush(&mut items, &mut content, &mut notes);
        let mut slide = Slide {
            number: 0,
            kind,
            title,
            kicker: None,
            badge: None,
            crumbs: Vec::new(),
            items: Vec::new(),
            items_before: 0,
            chips: Vec::new(),
            byline: Vec::new(),
            keys: Vec::new(),
            figures: Vec::new(),
            continues: None,
            content,
            notes,
            timing: 0,
            line,
        };
        slide.timing = if unspoken.is_empty() {
            speaking_seconds(&slide.notes_text(), self.opts.rate)
        } else {
            let said: Vec<String> = (slide.notes.iter().enumerate())
                .filter(|(i, _)| !unspoken.contains(i))
                .map(|(_, b)| b.plain_text())
                .filter(|t| !t.is_empty())
                .collect();
            speaking_seconds(&said, self.opts.rate)
        };
        fill(&mut slide, spoken);
        slide
    }

    fn node(&self, node: &Node, crumbs: &[String], out: &mut Vec<Slide>) {
        // a chapter line above 一、 is a part over parts
        let kind = match (node.inline, node.level()) {
            (false, Some(0 | 1)) => Kind::Part,
            (false, Some(2)) => Kind::Section,
            _ => Kind::Point,
        };
        let title = self.text(&node.title);
        // a long lead sentence: its first clause is the title, the rest shows under it (a
        // part's too when its big title would not fit two lines: 深入学习贯彻…精神，深刻认识…
        // 的现实意义, 45 characters, took four lines at 4:3; 32 still sit on two)
        let (title, rest) = match self.opts.content {
            Content::Key if kind != Kind::Part || title.chars().count() > PART_TITLE => {
                titles::shorten(&title)
            }
            _ => (title, String::new()),
        };
        let notes = node.own_paragraphs();
        let all: String = (notes.iter())
            .filter(|p| p.role != Role::Footnote)
            .map(|p| p.text.as_str())
            .collect();
        let chips: Vec<String> = keyword_chips(&all, &node.title)
            .iter()
            .map(|c| self.text(c))
            .collect();
        let mut stretches = self.stretches(notes).into_iter();
        let first = stretches.next().unwrap_or_default();
        // A part or section lists its children; with none it shows its own text. A long
        // list goes on in two columns, and past MAX_ITEMS on slides of its own.
        let shows_text = kind == Kind::Point || node.children.is_empty();
        // a part's entry whole on up to two lines of its column
        let room = match kind {
            Kind::Part => self.room.part_item,
            _ => ITEM_CHARS,
        };
        let entries: Vec<String> = node
            .children
            .iter()
            .map(|c| entry_title(&self.text(&c.title), room))
            .collect();
        // a part's red field holds fewer entries of two lines (the ordinal and its title
        // take a third of it)
        let long = |e: &String| e.chars().count() > self.room.short_item;
        let max = if kind == Kind::Part && entries.iter().any(long) {
            // under a chapter line, whose name takes a line: four, one column of one
            // line each (gov-report-2026-inner-mongolia-web at 16:9 shrank to 19 px)
            if crumbs.is_empty() {
                PART_LONG_ITEMS
            } else {
                PART_LONG_ITEMS - 2
            }
        } else {
            MAX_ITEMS
        };
        let mut lists = entries::share(&entries, max).map(<[String]>::to_vec);
        let (items, more): (Vec<String>, Vec<Vec<String>>) =
            (lists.next().unwrap_or_default(), lists.collect());
        out.push(
            self.slide(kind, title.clone(), first, node.line, |s, spoken| {
                s.kicker = Some(self.text(&node.marker.text));
                // a chapter line writes no number, and one counted for it would read as
                // its first part's 一
                // nor does a part the reader made (存在的问题), counted as no number
                s.badge = (!node.chapter && node.marker.ordinal > 0).then(|| badge(node, kind));
                s.crumbs = crumbs.to_vec();
                // chips beside a list leave it little room: three at most, none beside a
                // long one
                let mut chips = chips;
                chips.truncate(match items.len() {
                    0 => 6,
                    1..=6 => 3,
                    _ => 0,
                });
                s.chips = chips;
                s.items = items;
                if shows_text {
                    self.show_text(s, &spoken, true);
                }
                if !rest.is_empty() {
                    let mut lines = titles::rest_lines(&rest, 2);
                    lines.extend(std::mem::take(&mut s.keys));
                    lines.dedup();
                    lines.truncate(3);
                    s.keys = lines;
                }
            }),
        );
        // A part or section that lists its children shows its lists, tables and quotations
        // on a slide of their own: beside the list they would shrink both. (These slides
        // say （续） in their title, not in the breadcrumb.)
        let moved = match out.last_mut() {
            Some(s) if kind != Kind::Point && !s.items.is_empty() => std::mem::take(&mut s.content),
            _ => Vec::new(),
        };
        if !moved.is_empty() {
            let mut below = crumbs.to_vec();
            below.push(short_title(&title));
            out.push(self.slide(
                Kind::Point,
                format!("{title}（续）"),
                Vec::new(),
                node.line,
                |s, _| {
                    s.crumbs = below;
                    s.content = moved;
                },
            ));
        }
        for items in more {
            out.push(self.slide(
                kind,
                format!("{title}（续）"),
                Vec::new(),
                node.line,
                |s, _| {
                    s.badge = (!node.chapter).then(|| badge(node, kind));
                    s.crumbs = crumbs.to_vec();
                    s.items = items;
                },
            ));
        }
        for stretch in stretches {
            out.push(self.continuation(&title, crumbs, stretch, node.line));
        }
        let mut below = crumbs.to_vec();
        below.push(short_title(&title));
        for child in &node.children {
            self.node(child, &below, out);
        }
    }

    /// The notes cut into stretches no longer than the deck's pacing allows.
    fn stretches(&self, paras: Vec<Paragraph>) -> Vec<Vec<Paragraph>> {
        let limit = self.opts.max_seconds as usize * self.opts.rate as usize / 60;
        let mut out = pacing::split(paras, limit);
        if out.len() > 1 && !self.citations.is_empty() {
            notes_to_citing_stretch(&mut out);
        }
        out
    }

    /// A slide that carries on the text of `parent`: titled by the parent's title and
    /// （续）, under the parent's own crumbs; what it shows is its own text's key sentences.
    fn continuation(
        &self,
        parent: &str,
        crumbs: &[String],
        paras: Vec<Paragraph>,
        line: usize,
    ) -> Slide {
        let lead = self.lead(&paras);
        let title = format!("{}（续）", parent.trim());
        self.slide(Kind::Point, title, paras, line, |s, spoken| {
            s.crumbs = crumbs.to_vec();
            s.continues = Some(parent.to_string());
            self.show_text(s, &spoken, false);
            // one long sentence that no key line can show whole: its clauses
            if self.opts.content == Content::Key && s.keys.is_empty() {
                s.keys = rest_of_sentence(&lead, "", 3);
            }
        })
    }

    /// A slide of the closing's text before its points or its last words: titled by its
    /// own lead sentence, under 结束语.
    fn closing_stretch(&self, paras: Vec<Paragraph>, line: usize) -> Slide {
        let lead = self.lead(&paras);
        let title = titles::continuation_title(&lead);
        self.slide(Kind::Point, title, paras, line, |s, spoken| {
            s.continues = Some("结束语".to_string());
            self.show_text(s, &spoken, false);
            // one long sentence and nothing else to show: the title is a cut of it, the
            // rest of it shows below
            if self.opts.content == Content::Key && s.keys.is_empty() {
                s.keys = rest_of_sentence(&lead, &s.title, 3);
            }
        })
    }

    /// The lead sentence of a stretch's first paragraph.
    fn lead(&self, paras: &[Paragraph]) -> String {
        paras
            .iter()
            .find(|p| p.role != Role::Footnote && !p.text.trim().is_empty())
            .map(|p| {
                let t = self.text(p.text.trim());
                let (stop, _) = crate::parse::lead_sentence(&t);
                t[..stop].to_string()
            })
            .unwrap_or_default()
    }

    /// Puts on the slide what the deck's `content` setting asks for of its spoken
    /// text (its prose paragraphs, the speaker's own notes left out). `headed`: the
    /// text opens with the slide's own heading, which the title shows already.
    fn show_text(&self, s: &mut Slide, spoken: &[String], headed: bool) {
        match self.opts.content {
            Content::Title => {}
            Content::Key => {
                // the heading's sentence is the title (and what a cut title leaves out)
                let mut text = spoken.concat();
                if let Some(first) = spoken.first().filter(|_| headed) {
                    text.drain(..crate::parse::lead_sentence(first).1);
                }
                s.keys = keys::key_sentences(&text, &s.title, 3);
                // a point of figures shows them large; its key lines then say the rest
                if matches!(s.kind, Kind::Point | Kind::Section) {
                    s.figures = figures::figures(&text);
                }
                if !s.figures.is_empty() {
                    let shown = |k: &String| s.figures.iter().any(|f| k.contains(&f.value));
                    s.keys.retain(|k| !shown(k));
                    s.keys.truncate(2);
                }
            }
            Content::Full => {
                let mut shown: Vec<Block> = Vec::new();
                for (i, t) in spoken.iter().enumerate() {
                    let t = if i == 0 && headed {
                        &t[crate::parse::lead_sentence(t).1..]
                    } else {
                        t.as_str()
                    };
                    if !t.trim().is_empty() {
                        shown.push(Block::text(t.trim()));
                    }
                }
                s.content.splice(0..0, shown);
            }
        }
    }
}

/// A footnote placed after a paragraph that was cut into stretches goes to the stretch
/// whose text cites it.
fn notes_to_citing_stretch(stretches: &mut [Vec<Paragraph>]) {
    for from in 0..stretches.len() {
        let mut i = 0;
        while i < stretches[from].len() {
            let p = &stretches[from][i];
            let to = (p.role == Role::Footnote)
                .then(|| crate::parse::note_number(&p.text))
                .flatten()
                .and_then(|n| {
                    let marks = crate::parse::citation_marks(n);
                    stretches.iter().position(|s| {
                        s.iter().any(|q| {
                            q.role != Role::Footnote && marks.iter().any(|m| q.text.contains(m))
                        })
                    })
                })
                .filter(|&to| to != from);
            match to {
                Some(to) => {
                    let note = stretches[from].remove(i);
                    stretches[to].push(note);
                }
                None => i += 1,
            }
        }
    }
}

/// What a title cut from `sentence` leaves out, in reading order, as up to `max` pieces
/// of whole clauses (each at least 16 characters where the clauses allow): a slide of one
/// long sentence shows that sentence.
fn rest_of_sentence(sentence: &str, title: &str, max: usize) -> Vec<String> {
    const CLAUSE_ENDS: [char; 6] = ['，', '；', '：', ',', ';', ':'];
    let Some(rest) = sentence.trim().strip_prefix(title.trim_end_matches('…')) else {
        return Vec::new();
    };
    let rest = rest
        .trim_start_matches(CLAUSE_ENDS)
        .trim_start_matches('、')
        .trim_start();
    let mut out: Vec<String> = Vec::new();
    let mut piece = String::new();
    let mut depth = 0i32;
    for c in rest.chars() {
        piece.push(c);
        match c {
            '“' | '（' | '(' | '《' => depth += 1,
            '”' | '）' | ')' | '》' => depth -= 1,
            _ => {}
        }
        if depth <= 0 && CLAUSE_ENDS.contains(&c) && piece.chars().count() >= 16 {
            out.push(piece.trim_end_matches(CLAUSE_ENDS).to_string());
            piece.clear();
        }
    }
    // A stretch may end on a lead-in (三个基本人生目标：, its list on the next slides): shown
    // without its colon, and not at all when a word still leads on (他强调：).
    let piece = piece.trim();
    let lead_in = piece.ends_with(['：', ':']);
    let piece = piece.trim_end_matches(CLAUSE_ENDS);
    let said_whole = !(lead_in && keys::dangles(piece));
    if !piece.is_empty() && said_whole {
        out.push(piece.to_string());
    }
    out.truncate(max);
    out
}

/// Shares `total` seconds out over the slides in proportion to their timings, so that
/// they add up to it exactly (largest remainders get the odd seconds).
fn share_out(slides: &mut [Slide], total: u32) {
    let sum: u64 = slides.iter().map(|s| u64::from(s.timing)).sum();
    if sum == 0 {
        return;
    }
    let mut rest: Vec<(u64, usize)> = Vec::with_capacity(slides.len());
    let mut given = 0u64;
    for (i, s) in slides.iter_mut().enumerate() {
        let exact = u64::from(s.timing) * u64::from(total);
        s.timing = (exact / sum) as u32;
        given += u64::from(s.timing);
        rest.push((exact % sum, i));
    }
    rest.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    for &(_, i) in rest.iter().take((u64::from(total) - given) as usize) {
        slides[i].timing += 1;
    }
}

/// List items in a row nested by depth: items at `depth` are this list's, deeper ones
/// the sublist of the item before them. A numbered list starts at its first number.
fn nest(
    items: &mut std::iter::Peekable<impl Iterator<Item = (usize, Option<u64>, Vec<Inline>)>>,
    depth: usize,
) -> List {
    let mut list = List {
        start: None,
        items: Vec::new(),
    };
    while let Some((d, number, runs)) = items.next_if(|(d, ..)| *d >= depth) {
        if d > depth {
            // deeper than this list: a sublist of the item before (or of an empty one)
            let mut deeper = vec![(d, number, runs)];
            while let Some(item) = items.next_if(|(d, ..)| *d > depth) {
                deeper.push(item);
            }
            let sub = nest(&mut deeper.into_iter().peekable(), depth + 1);
            match list.items.last_mut() {
                Some(last) if last.sublist.is_none() => last.sublist = Some(sub),
                _ => list.items.push(ListItem {
                    runs: Vec::new(),
                    sublist: Some(sub),
                }),
            }
            continue;
        }
        if list.items.is_empty() {
            list.start = number;
        }
        list.items.push(ListItem {
            runs,
            sublist: None,
        });
    }
    list
}

/// Seconds to speak `notes` at `rate` characters a minute (spaces do not count).
pub fn speaking_seconds(notes: &[String], rate: u32) -> u32 {
    let chars: usize = notes.iter().map(|n| pacing::spoken_chars(n)).sum();
    ((chars as u64 * 60 + rate as u64 / 2) / rate.max(1) as u64) as u32
}

/// A slide's ordinal badge: a section's lone numeral in its brackets (（一）: a 一 alone in
/// a small box reads as a minus sign); a part's, in its own circle, with 第 (第一).
fn badge(node: &Node, kind: Kind) -> String {
    let b = node.marker.badge();
    let chinese = b
        .chars()
        .all(|c| crate::numbering::chinese_number(&c.to_string()).is_some());
    match kind {
        // a lone 一 in a ring reads as a minus sign (⊖) in a 黑体 theme
        Kind::Part if chinese => format!("第{b}"),
        _ if chinese && b.chars().count() == 1 => format!("（{b}）"),
        _ => b,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_cut_title_leaves_the_rest_of_its_sentence_to_show() {
        let sentence = "我们要坚持以人民为中心的发展思想，把人民对美好生活的向往作为奋斗目标，在发展中保障和改善民生，推进全体人民共同富裕";
        let title = titles::continuation_title(sentence);
        assert_eq!(title, "我们要坚持以人民为中心的发展思想");
        assert_eq!(
            rest_of_sentence(sentence, &title, 3),
            [
                "把人民对美好生活的向往作为奋斗目标",
                "在发展中保障和改善民生，推进全体人民共同富裕"
            ]
        );
        // a title cut in a list stops at its 、, and the rest starts after it
        let sentence = "实现上述目标，要坚持党的全面领导、坚持人民至上、坚持高质量发展、坚持全面深化改革，认真落实省委要求";
        let title = titles::continuation_title(sentence);
        assert_eq!(title, "实现上述目标，要坚持党的全面领导、坚持人民至上…");
        assert_eq!(
            rest_of_sentence(sentence, &title, 3),
            ["坚持高质量发展、坚持全面深化改革", "认真落实省委要求"]
        );
        // a title that is the whole sentence leaves nothing
        assert!(rest_of_sentence("坚持人民至上", "坚持人民至上", 3).is_empty());
        // a stretch that ends on a lead-in shows it without the colon that leads on
        // (theory-article-values-web: its list is on the next slides)
        assert_eq!(
            rest_of_sentence("三个基本人生目标：", "", 3),
            ["三个基本人生目标"]
        );
        assert!(rest_of_sentence("他在会上强调：", "", 3).is_empty());
    }

    #[test]
    fn timing_counts_characters_at_the_rate() {
        let notes = vec!["一".repeat(240), " 二 ".repeat(120)];
        assert_eq!(speaking_seconds(&notes, 240), 90);
        assert_eq!(speaking_seconds(&notes, 360), 60);
    }
}
