//! Every limit a build keeps, in one table: how deep, how many, how large. A lecture,
//! picture or theme past one gets the error (or, for nesting, the warning) the table
//! names instead of taking the machine's memory, time or stack. The README's table of
//! limits is checked against [`TABLE`] by a test.

/// Lists, emphasis and other formatting nested in a Markdown lecture, and elements
/// nested in raw HTML it brings with `allow_html`: deeper levels are flattened into
/// the deepest (L050, L051). Every stage that walks the deck recursively stays within
/// a few KB of stack a level, far inside [`STACK`].
pub const MAX_DEPTH: usize = 32;

/// The stack of the thread a command's work runs on, the same on every platform
/// (Windows gives its main thread only 1 MB).
pub const STACK: usize = 8 << 20;

/// Headings and points in a lecture, each a slide (or more): a deck past it is
/// refused (L053); points found in a row in one paragraph stop there (L052). A real
/// lecture has a few hundred; each slide costs a writer some 20 KB.
pub const MAX_POINTS: usize = 5_000;

/// Pixels of one picture (Markdown, .docx or a theme's), read from its header before
/// any decoding: a 634-byte JPEG can claim 12000×12000.
pub const MAX_PICTURE_PIXELS: u64 = 40_000_000;

/// Bytes one picture may decode to (a 16-bit RGBA picture takes 8 bytes a pixel).
pub const MAX_PICTURE_BYTES: u64 = 160 << 20;

/// What a theme's templates may write for a deck: this base, plus the deck's style
/// sheet and script, plus this many bytes for each byte of the lecture's text the
/// slides and notes hold (a fair template writes three or four).
pub const TEMPLATE_OUTPUT_BASE: u64 = 16 << 20;
pub const TEMPLATE_OUTPUT_PER_BYTE: u64 = 16;

/// What the templates may write for a deck with `text` bytes of slides and notes and
/// `fixed` bytes of style sheet and script.
pub fn template_output(text: u64, fixed: u64) -> u64 {
    TEMPLATE_OUTPUT_BASE
        .saturating_add(fixed)
        .saturating_add(text.saturating_mul(TEMPLATE_OUTPUT_PER_BYTE))
}

/// One limit as the README shows it.
pub struct Limit {
    pub what: &'static str,
    pub value: u64,
    pub unit: &'static str,
    /// What a lecture past it gets.
    pub gives: &'static str,
}

/// The limits, as documented.
pub const TABLE: &[Limit] = &[Limit {
    what: "nesting depth (Markdown lists, emphasis; raw HTML elements)",
    value: MAX_DEPTH as u64,
    unit: "levels",
    gives: "warning L050/L051: deeper levels are flattened",
}];
