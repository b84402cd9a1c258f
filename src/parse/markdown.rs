//! Markdown lectures (Typora, Obsidian, VS Code): pulldown-cmark events, with their byte
//! offsets, turned into the same items the plain reader makes, so the same rules build
//! the tree. `#` is the title, `##`…`######` are levels; paragraphs are notes; list items
//! are bullets; tables, quotations, code and images are slide blocks; `<!-- 备注: … -->`,
//! `<!-- notes: … -->` and `::: notes … :::` are notes for the slide they stand in.
//!
//! The markup becomes the deck model's runs and blocks (no HTML here: the writers make
//! their own). Raw HTML is text unless the deck sets `allow_html`; then it is kept as
//! a raw run for the HTML writer, and the deck's Content-Security-Policy still keeps
//! scripts from running.

use pulldown_cmark::{Event, HeadingLevel, Options as MdOptions, Parser, Tag, TagEnd};

use crate::deck::{self, Block, Inline as Run};
use crate::diag::{Code, Diagnostics};
use crate::input::source::LineIndex;
use crate::input::source::Span;
use crate::numbering::block_marker;
use crate::tree::{Lecture, Rich, Role, Text};
use crate::Assets;

use super::assemble::assemble;
use super::item::Item;

/// What the Markdown reader needs besides the text.
pub struct MarkdownContext<'a> {
    pub allow_html: bool,
    /// Pictures may come from outside the lecture's folder.
    pub allow_outside: bool,
    /// Where images come from; `None` leaves them as their alt text.
    pub assets: Option<&'a dyn Assets>,
    /// Each distinct picture decoded once, within the deck's budgets.
    pub pictures: &'a crate::input::images::Cache,
}

/// Reads a Markdown lecture. `text` is the normalised source with any front matter
/// blanked out (same offsets).
pub fn parse(
    text: &str,
    lines: &LineIndex,
    ctx: &MarkdownContext,
    diags: &mut Diagnostics,
) -> Lecture {
    let (text, fenced_notes) = take_fenced_notes(text);
    let mut reader = Reader {
        src: &text,
        lines,
        ctx,
        items: Vec::new(),
        inline: None,
        pending: Vec::new(),
        image: None,
        lists: Vec::new(),
        quote: None,
        quote_depth: 0,
        table: None,
        code: None,
        raw: None,
        heading: None,
        flat_lists: 0,
        too_deep: None,
        html_too_deep: None,
    };
    let opts = MdOptions::ENABLE_TABLES | MdOptions::ENABLE_STRIKETHROUGH;
    let mut headings = 0;
    for (event, range) in Parser::new_ext(&text, opts).into_offset_iter() {
        if matches!(event, Event::Start(Tag::Heading { .. })) {
            headings += 1;
            // twice the headings a deck may have as points (a title, empty headings and a
            // notes heading are not points, but not thousands of them): the lecture is
            // refused (L053) whatever follows, so stop rather than hold the rest in memory
            if headings > 2 * crate::limits::MAX_POINTS {
                let limit = crate::limits::MAX_POINTS.to_string();
                let at = Span::new(range.start, range.start);
                diags.emit(Code::TooManyPoints, at, &[&limit]);
                break;
            }
        }
        reader.event(event, range, diags);
    }
    if let Some(at) = reader.too_deep {
        let depth = crate::limits::MAX_DEPTH.to_string();
        diags.emit(Code::NestedTooDeep, Span::new(at, at), &[&depth]);
    }
    if let Some(at) = reader.html_too_deep {
        let depth = crate::limits::MAX_DEPTH.to_string();
        diags.emit(Code::HtmlTooDeep, Span::new(at, at), &[&depth]);
    }
    // Fenced notes go where they stood in the text: before the first item that starts
    // after them. Both lists are in text order, so one merge places them all.
    let mut items = Vec::with_capacity(reader.items.len() + fenced_notes.len());
    let mut rest = reader.items.into_iter().peekable();
    for note in fenced_notes {
        while let Some(item) = rest.next_if(|i| item_start(i) <= note.span.start) {
            items.push(item);
        }
        items.push(Item::Text(note));
    }
    items.extend(rest);
    assemble(items, diags)
}

fn item_start(item: &Item) -> usize {
    match item {
        Item::Text(t) | Item::Heading { text: t, .. } => t.span.start,
    }
}

/// Text being gathered for one paragraph, heading, list item or table cell: its plain
/// words and its runs.
#[derive(Default)]
struct Inline {
    text: String,
    runs: Runs,
    start: usize,
    end: usize,
    /// Holds raw HTML the deck allows: cleaned when the run ends.
    raw: bool,
}

impl Inline {
    fn push_text(&mut self, s: &str) {
        self.text.push_str(s);
        self.runs.text(s);
    }
}

/// Runs under construction: the formatting spans still open, innermost last.
#[derive(Default)]
struct Runs {
    open: Vec<(Span_, Vec<Run>)>,
    done: Vec<Run>,
    /// Spans opened past [`crate::limits::MAX_DEPTH`]: not made, only counted so
    /// that their ends close nothing else.
    flat: usize,
}

/// A formatting span that wraps the runs inside it.
#[derive(Clone)]
enum Span_ {
    Strong,
    Emphasis,
    Strikethrough,
    Superscript,
    Subscript,
    Link(String),
}

impl Runs {
    fn target(&mut self) -> &mut Vec<Run> {
        match self.open.last_mut() {
            Some((_, runs)) => runs,
            None => &mut self.done,
        }
    }

    fn text(&mut self, s: &str) {
        let target = self.target();
        match target.last_mut() {
            Some(Run::Text(t)) => t.push_str(s),
            _ => {
                // most paragraphs are one run of text: room for one, not the Vec's four
                if target.capacity() == 0 {
                    target.reserve_exact(1);
                }
                target.push(Run::Text(s.to_string()))
            }
        }
    }

    fn push(&mut self, run: Run) {
        self.target().push(run);
    }

    /// Opens a span; false when it is past the depth limit and flattened.
    fn open(&mut self, span: Span_) -> bool {
        if self.open.len() >= crate::limits::MAX_DEPTH {
            self.flat += 1;
            false
        } else {
            self.open.push((span, Vec::new()));
            true
        }
    }

    fn close(&mut self) {
        if self.flat > 0 {
            self.flat -= 1;
            return;
        }
        if let Some((span, runs)) = self.open.pop() {
            let run = match span {
                Span_::Strong => Run::Strong(runs),
                Span_::Emphasis => Run::Emphasis(runs),
                Span_::Strikethrough => Run::Strikethrough(runs),
                Span_::Superscript => Run::Superscript(runs),
                Span_::Subscript => Run::Subscript(runs),
                Span_::Link(url) => Run::Link { url, content: runs },
            };
            self.push(run);
        }
    }

    /// Closes every open span, returning them outermost first to open again (with
    /// the count of flattened ones).
    fn close_all(&mut self) -> (Vec<Span_>, usize) {
        let open: Vec<Span_> = self.open.iter().map(|(s, _)| s.clone()).collect();
        let flat = std::mem::take(&mut self.flat);
        while !self.open.is_empty() {
            self.close();
        }
        (open, flat)
    }

    /// The runs, every span closed, white space trimmed at both ends.
    fn finish(mut self) -> Vec<Run> {
        self.flat = 0;
        while !self.open.is_empty() {
            self.close();
        }
        let mut runs = self.done;
        while matches!(runs.last(), Some(Run::Break)) {
            runs.pop();
        }
        if let Some(Run::Text(t)) = runs.first_mut() {
            *t = t.trim_start().to_string();
        }
        if let Some(Run::Text(t)) = runs.last_mut() {
            *t = t.trim_end().to_string();
        }
        runs.retain(|r| !matches!(r, Run::Text(t) if t.is_empty()));
        runs
    }
}

struct Quote {
    text: String,
    blocks: Vec<Block>,
    start: usize,
}

struct Table {
    text: String,
    head: Vec<Vec<Run>>,
    rows: Vec<Vec<Vec<Run>>>,
    start: usize,
    in_head: bool,
}

struct Image {
    url: String,
    alt: String,
    start: usize,
}

struct Reader<'a, 'c> {
    /// The text being read, to look at the line after a break.
    src: &'a str,
    lines: &'a LineIndex,
    ctx: &'a MarkdownContext<'c>,
    items: Vec<Item>,
    inline: Option<Inline>,
    /// Image blocks found inside the paragraph being read; they follow it.
    pending: Vec<Text>,
    image: Option<Image>,
    /// The lists being read, outermost first: the next item's number in a numbered one.
    lists: Vec<Option<u64>>,
    quote: Option<Quote>,
    quote_depth: usize,
    table: Option<Table>,
    code: Option<(String, usize)>,
    raw: Option<(String, usize)>,
    heading: Option<u8>,
    /// Lists opened past [`crate::limits::MAX_DEPTH`]: their items join the deepest list.
    flat_lists: usize,
    /// Where nesting first went past the limit.
    too_deep: Option<usize>,
    /// Where raw HTML first nested past the limit.
    html_too_deep: Option<usize>,
}

impl Reader<'_, '_> {
    fn event(&mut self, event: Event, range: std::ops::Range<usize>, diags: &mut Diagnostics) {
        match event {
            Event::Start(tag) => self.start(tag, range.clone()),
            Event::End(tag) => self.end(tag, range.clone(), diags),
            Event::Text(t) => {
                if let Some((code, _)) = &mut self.code {
                    code.push_str(&t);
                } else if let Some(img) = &mut self.image {
                    img.alt.push_str(&t);
                } else {
                    self.inline_at(range.start).push_text(&t);
                }
            }
            Event::Code(t) => {
                let i = self.inline_at(range.start);
                i.text.push_str(&t);
                i.runs.push(Run::Code(t.to_string()));
            }
            Event::InlineMath(t) | Event::DisplayMath(t) => {
                self.inline_at(range.start).push_text(&t)
            }
            Event::SoftBreak if self.starts_paragraph(range.end) => self.split(range.end),
            Event::SoftBreak => {
                // Chinese lines joined by a soft break get no space between them.
                let i = self.inline_at(range.start);
                if i.text.chars().last().is_none_or(|c| c <= '\u{2E80}') {
                    i.push_text(" ");
                }
            }
            // Web exports end every paragraph in a hard break: a paragraph of its own,
            // so that markers at its start are found.
            Event::HardBreak if self.splittable() => self.split(range.end),
            Event::HardBreak => {
                let i = self.inline_at(range.start);
                i.text.push(' ');
                i.runs.push(Run::Break);
            }
            Event::Html(h) => match &mut self.raw {
                Some((raw, _)) => raw.push_str(&h),
                None => self.raw_inline(&h, range.clone(), true),
            },
            Event::InlineHtml(h) => self.raw_inline(&h, range.clone(), true),
            Event::FootnoteReference(r) => self.inline_at(range.start).push_text(&format!("[{r}]")),
            Event::TaskListMarker(done) => {
                self.inline_at(range.start)
                    .push_text(if done { "☑ " } else { "☐ " })
            }
            Event::Rule => {}
        }
        if let Some(i) = &mut self.inline {
            i.end = i.end.max(range.end);
        }
    }

    /// A plain paragraph of the lecture (not a heading, list item, quotation or table
    /// cell), which a line break may split.
    fn splittable(&self) -> bool {
        self.heading.is_none()
            && self.lists.is_empty()
            && self.quote.is_none()
            && self.table.is_none()
            && self.inline.as_ref().is_some_and(|i| !i.raw)
    }

    /// Whether the line at `at` starts a paragraph of its own though only a soft break
    /// leads to it: web exports indent paragraphs with U+3000 and run numbered ones
    /// together.
    fn starts_paragraph(&self, at: usize) -> bool {
        let line = self.src.get(at..).unwrap_or("");
        let line = line.trim_start_matches([' ', '\t']);
        self.splittable()
            && (line.starts_with('\u{3000}') || block_marker(line.trim_start()).is_some())
    }

    /// Ends the paragraph at a line break and starts the next at `at`, the formatting
    /// still open carried over.
    fn split(&mut self, at: usize) {
        let (open, flat) = self
            .inline
            .as_mut()
            .map(|i| i.runs.close_all())
            .unwrap_or_default();
        self.flush(Role::Prose);
        let next = self.inline_at(at);
        for span in open {
            next.runs.open(span);
        }
        next.runs.flat = flat;
    }

    fn inline_at(&mut self, start: usize) -> &mut Inline {
        self.inline.get_or_insert_with(|| Inline {
            start,
            end: start,
            ..Inline::default()
        })
    }

    fn start(&mut self, tag: Tag, range: std::ops::Range<usize>) {
        let open = |s: &mut Self, span: Span_| {
            if !s.inline_at(range.start).runs.open(span) {
                s.too_deep.get_or_insert(range.start);
            }
        };
        match tag {
            Tag::Heading { level, .. } => {
                self.heading = Some(heading_level(level));
                self.inline_at(range.start);
            }
            Tag::Paragraph | Tag::Item | Tag::TableCell => {
                self.inline_at(range.start);
            }
            Tag::List(first) => {
                if !self.lists.is_empty() {
                    self.flush(Role::Bullet);
                }
                if self.lists.len() >= crate::limits::MAX_DEPTH {
                    self.flat_lists += 1;
                    self.too_deep.get_or_insert(range.start);
                } else {
                    self.lists.push(first);
                }
            }
            Tag::BlockQuote(_) => {
                self.quote_depth += 1;
                self.quote.get_or_insert(Quote {
                    text: String::new(),
                    blocks: Vec::new(),
                    start: range.start,
                });
            }
            Tag::CodeBlock(_) => self.code = Some((String::new(), range.start)),
            Tag::HtmlBlock => self.raw = Some((String::new(), range.start)),
            Tag::Table(_) => {
                self.table = Some(Table {
                    text: String::new(),
                    head: Vec::new(),
                    rows: Vec::new(),
                    start: range.start,
                    in_head: false,
                })
            }
            Tag::TableHead => {
                if let Some(t) = &mut self.table {
                    t.in_head = true;
                }
            }
            Tag::TableRow => {
                if let Some(t) = &mut self.table {
                    t.rows.push(Vec::new());
                }
            }
            Tag::Emphasis => open(self, Span_::Emphasis),
            Tag::Strong => open(self, Span_::Strong),
            Tag::Strikethrough => open(self, Span_::Strikethrough),
            Tag::Superscript => open(self, Span_::Superscript),
            Tag::Subscript => open(self, Span_::Subscript),
            Tag::Link { dest_url, .. } => open(self, Span_::Link(dest_url.to_string())),
            Tag::Image { dest_url, .. } => {
                self.image = Some(Image {
                    url: dest_url.to_string(),
                    alt: String::new(),
                    start: range.start,
                })
            }
            _ => {}
        }
    }

    fn end(&mut self, tag: TagEnd, range: std::ops::Range<usize>, diags: &mut Diagnostics) {
        let close = |s: &mut Self| s.inline_at(range.start).runs.close();
        match tag {
            TagEnd::Heading(_) => {
                let level = self.heading.take().unwrap_or(2);
                if let Some(text) = self.take_inline(Role::Prose) {
                    self.items.push(Item::Heading { level, text });
                }
            }
            TagEnd::Paragraph => {
                let role = if self.lists.is_empty() {
                    Role::Prose
                } else {
                    Role::Bullet
                };
                self.flush(role);
            }
            TagEnd::Item => {
                self.flush(Role::Bullet);
                if let Some(Some(n)) = self.lists.last_mut() {
                    *n += 1;
                }
            }
            TagEnd::List(_) => {
                if self.flat_lists > 0 {
                    self.flat_lists -= 1;
                } else {
                    self.lists.pop();
                }
            }
            TagEnd::BlockQuote(_) => {
                self.quote_depth = self.quote_depth.saturating_sub(1);
                if self.quote_depth == 0 {
                    if let Some(q) = self.quote.take() {
                        let block = Block::Quote { blocks: q.blocks };
                        self.push_block(q.text, block, q.start, range.end);
                    }
                }
            }
            TagEnd::CodeBlock => {
                if let Some((code, start)) = self.code.take() {
                    let text = code.trim_end().to_string();
                    let block = Block::Code { text: text.clone() };
                    self.push_block(text, block, start, range.end);
                }
            }
            TagEnd::HtmlBlock => {
                if let Some((raw, start)) = self.raw.take() {
                    let deep = self.ctx.allow_html && crate::parse::sanitize::too_deep(&raw);
                    if deep {
                        self.html_too_deep.get_or_insert(start);
                    }
                    if self.ctx.allow_html && !deep && !raw.trim_start().starts_with("<!--") {
                        // a block of its own, cleaned; its text goes to the notes
                        let html = crate::parse::sanitize::html(&raw);
                        if !html.trim().is_empty() {
                            let text = crate::parse::sanitize::text(&raw);
                            let block = Block::Html {
                                html,
                                text: text.clone(),
                            };
                            self.push_block(text, block, start, range.end);
                        }
                    } else {
                        self.raw_inline(&raw, start..range.end, !deep);
                        self.flush(Role::Prose);
                    }
                }
            }
            TagEnd::TableCell => {
                let Some(cell) = self.inline.take() else {
                    return;
                };
                if let Some(t) = &mut self.table {
                    if !t.text.is_empty() {
                        t.text.push(' ');
                    }
                    t.text.push_str(cell.text.trim());
                    let runs = cell.runs.finish();
                    match t.rows.last_mut() {
                        Some(row) if !t.in_head => row.push(runs),
                        _ => t.head.push(runs),
                    }
                }
            }
            TagEnd::TableHead => {
                if let Some(t) = &mut self.table {
                    t.in_head = false;
                }
            }
            TagEnd::Table => {
                if let Some(t) = self.table.take() {
                    let block = Block::Table(deck::Table {
                        head: t.head,
                        rows: t.rows,
                    });
                    self.push_block(t.text, block, t.start, range.end);
                }
            }
            TagEnd::Emphasis
            | TagEnd::Strong
            | TagEnd::Strikethrough
            | TagEnd::Superscript
            | TagEnd::Subscript
            | TagEnd::Link => close(self),
            TagEnd::Image => {
                if let Some(img) = self.image.take() {
                    self.image(img, range.end, diags);
                }
            }
            _ => {}
        }
    }

    /// Ends the current inline run as an item of `role` (inside a quotation it joins the
    /// quotation instead), then the images it held.
    fn flush(&mut self, role: Role) {
        if let Some(q) = self.quote.as_mut() {
            if let Some(i) = self.inline.take() {
                if !i.text.trim().is_empty() {
                    if !q.text.is_empty() {
                        q.text.push(' ');
                    }
                    q.text.push_str(i.text.trim());
                    q.blocks.push(Block::Paragraph {
                        runs: i.runs.finish(),
                    });
                }
            }
        } else if let Some(text) = self.take_inline(role) {
            self.items.push(Item::Text(text));
        }
        for block in std::mem::take(&mut self.pending) {
            self.items.push(Item::Text(block));
        }
    }

    fn take_inline(&mut self, role: Role) -> Option<Text> {
        let i = self.inline.take()?;
        let text = i.text.trim();
        if text.is_empty() {
            return None;
        }
        let mut runs = i.runs.finish();
        if i.raw {
            // the author's HTML, allowed by the deck, cleaned as one piece
            let html = crate::markup::runs_html(&runs);
            if crate::parse::sanitize::too_deep(&html) {
                self.html_too_deep.get_or_insert(i.start);
                runs = html_as_text(runs);
            } else {
                runs = vec![Run::Html(crate::parse::sanitize::html(&html))];
            }
        }
        let rich = match (role, self.lists.len()) {
            (Role::Bullet, depth @ 1..) => Rich::Item {
                depth: depth - 1,
                number: self.lists[depth - 1],
                runs,
            },
            _ => Rich::Runs(runs),
        };
        Some(Text {
            text: text.to_string(),
            span: Span::new(i.start, i.end.max(i.start)),
            new_para: true,
            line: self.lines.line(i.start),
            role,
            rich: Some(rich),
        })
    }

    fn push_block(&mut self, text: String, block: Block, start: usize, end: usize) {
        if let Some(q) = self.quote.as_mut() {
            q.text.push_str(&text);
            q.blocks.push(block);
        } else {
            self.items.push(Item::Text(Text {
                text,
                span: Span::new(start, end),
                new_para: true,
                line: self.lines.line(start),
                role: Role::Block,
                rich: Some(Rich::Block(block)),
            }));
        }
    }

    /// Raw HTML: a notes comment becomes notes; another comment is dropped (no renderer
    /// shows it); anything else is shown as text, or passed through with `allow_html`.
    fn raw_inline(&mut self, raw: &str, range: std::ops::Range<usize>, allowed: bool) {
        let t = raw.trim();
        if let Some(inner) = t
            .strip_prefix("<!--")
            .and_then(|r| r.trim_end().strip_suffix("-->"))
        {
            if let Some(note) = notes_comment(inner) {
                self.items.push(Item::Text(Text {
                    text: note.to_string(),
                    span: Span::new(range.start, range.end),
                    new_para: true,
                    line: self.lines.line(range.start),
                    role: Role::Note,
                    rich: None,
                }));
            }
            return;
        }
        let allow = self.ctx.allow_html && allowed;
        let i = self.inline_at(range.start);
        if allow {
            i.runs.push(Run::Html(raw.to_string()));
            i.raw = true;
        } else {
            i.push_text(raw);
        }
    }

    /// An image: a local file read through the assets the caller gave and put through
    /// the image pipeline; a web address is refused (the deck makes no request).
    fn image(&mut self, img: Image, end: usize, diags: &mut Diagnostics) {
        let span = Span::new(img.start, end);
        let alt = img.alt.trim().to_string();
        let remote = img.url.contains("://") && !img.url.starts_with("file://");
        let picture = if remote {
            diags.emit(Code::ImageOnWeb, span, &[&img.url]);
            None
        } else if let Some(assets) = self.ctx.assets {
            let path = img.url.strip_prefix("file://").unwrap_or(&img.url);
            let read = assets.read(path, self.ctx.allow_outside).and_then(|bytes| {
                self.ctx
                    .pictures
                    .picture(&bytes, path, &alt)
                    .map_err(|e| e.to_string())
            });
            match read {
                Ok(picture) => Some(picture),
                Err(e) => {
                    diags.emit(Code::ImageUnreadable, span, &[&img.url, &e]);
                    None
                }
            }
        } else {
            diags.emit(Code::ImageNotGiven, span, &[&img.url]);
            None
        };
        match picture {
            Some(picture) => {
                self.pending.push(Text {
                    text: alt,
                    span,
                    new_para: true,
                    line: self.lines.line(img.start),
                    role: Role::Block,
                    rich: Some(Rich::Block(Block::Image(picture))),
                });
            }
            None => self.inline_at(img.start).push_text(&alt),
        }
    }
}

/// Raw HTML runs shown as the text they are written as.
fn html_as_text(runs: Vec<Run>) -> Vec<Run> {
    let inner = |runs: Vec<Run>| html_as_text(runs);
    runs.into_iter()
        .map(|run| match run {
            Run::Html(h) => Run::Text(h),
            Run::Strong(r) => Run::Strong(inner(r)),
            Run::Emphasis(r) => Run::Emphasis(inner(r)),
            Run::Strikethrough(r) => Run::Strikethrough(inner(r)),
            Run::Superscript(r) => Run::Superscript(inner(r)),
            Run::Subscript(r) => Run::Subscript(inner(r)),
            Run::Link { url, content } => Run::Link {
                url,
                content: inner(content),
            },
            other => other,
        })
        .collect()
}

fn heading_level(level: HeadingLevel) -> u8 {
    match level {
        HeadingLevel::H1 => 1,
        HeadingLevel::H2 => 2,
        HeadingLevel::H3 => 3,
        HeadingLevel::H4 => 4,
        HeadingLevel::H5 => 5,
        HeadingLevel::H6 => 6,
    }
}

/// `备注: …`, `备注：…`, `notes: …` inside a comment.
fn notes_comment(inner: &str) -> Option<&str> {
    let t = inner.trim();
    let rest = ["备注", "notes", "Notes", "NOTES", "讲稿"]
        .iter()
        .find_map(|p| t.strip_prefix(p))?;
    let rest = rest.trim_start().strip_prefix([':', '：'])?;
    Some(rest.trim()).filter(|r| !r.is_empty())
}

/// Finds pandoc's `::: notes` … `:::` blocks, returns the text with them blanked out
/// (offsets unchanged) and the notes they held.
fn take_fenced_notes(text: &str) -> (String, Vec<Text>) {
    let mut bytes = text.as_bytes().to_vec();
    let mut notes = Vec::new();
    let mut open: Option<(usize, usize, usize)> = None; // fence start, content start, line
    let mut offset = 0;
    for (n, line) in text.split_inclusive('\n').enumerate() {
        let t = line.trim();
        let opener = t
            .strip_prefix(":::")
            .map(str::trim)
            .is_some_and(|r| matches!(r, "notes" | "{.notes}" | ".notes" | "备注" | "{.备注}"));
        match open {
            None if opener => open = Some((offset, offset + line.len(), n + 1)),
            Some((start, content, line_no)) if t == ":::" => {
                let body = text[content..offset].trim();
                if !body.is_empty() {
                    notes.push(Text {
                        text: body.split_whitespace().collect::<Vec<_>>().join(" "),
                        span: Span::new(start, offset + line.len()),
                        new_para: true,
                        line: line_no,
                        role: Role::Note,
                        rich: None,
                    });
                }
                for b in &mut bytes[start..offset + line.len()] {
                    if *b != b'\n' {
                        *b = b' ';
                    }
                }
                open = None;
            }
            _ => {}
        }
        offset += line.len();
    }
    let blanked = String::from_utf8(bytes).expect("only whole lines were blanked");
    (blanked, notes)
}
