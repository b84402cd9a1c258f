//! Every limit a build keeps, in one table: how deep, how many, how large. A lecture,
//! picture or theme past one gets the error (or, for nesting, the warning) the table
//! names instead of taking the machine's memory, time or stack. The README's table of
//! limits is checked against [`TABLE`] by a test.

pub mod budget;

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

/// What a theme's templates may hold in memory while they render, over what they were
/// given: this base plus four times what they may write (the output itself, grown by
/// doubling, is two of those). A string grown in a variable stops here.
pub const TEMPLATE_MEMORY_BASE: u64 = 64 << 20;

/// The memory budget of the templates of a deck whose output may reach `output` bytes.
pub fn template_memory(output: u64) -> u64 {
    TEMPLATE_MEMORY_BASE.saturating_add(output.saturating_mul(4))
}

/// A field width or precision in a template's `format` or `indent` (`"%400000000s"`
/// would fill 400 MB with spaces).
pub const TEMPLATE_WIDTH: usize = 1000;

/// One limit as the README shows it.
pub struct Limit {
    pub what: &'static str,
    pub value: u64,
    pub unit: &'static str,
    /// What a lecture, picture or theme past it gets.
    pub gives: &'static str,
}

impl Limit {
    /// The limit's row in the README's table.
    pub fn row(&self) -> String {
        let mut digits = self.value.to_string();
        let mut at = digits.len();
        while at > 3 {
            at -= 3;
            digits.insert(at, ',');
        }
        let value = if self.unit.is_empty() {
            digits
        } else {
            format!("{digits} {}", self.unit)
        };
        format!("| {} | {value} | {} |", self.what, self.gives)
    }
}

const MB: u64 = 1 << 20;
const MILLION: u64 = 1_000_000;

/// Every limit, as the README documents it.
pub const TABLE: &[Limit] = &[
    Limit {
        what: "size of a lecture file",
        value: crate::input::source::MAX_INPUT as u64 / MB,
        unit: "MB",
        gives: "error: the lecture is N MB; lectern reads lectures up to 64 MB — split it into several lectures",
    },
    Limit {
        what: "nesting of Markdown lists, quotations and emphasis",
        value: MAX_DEPTH as u64,
        unit: "levels",
        gives: "warning L050: deeper levels are flattened into the deepest",
    },
    Limit {
        what: "nesting of raw HTML elements (`allow_html`)",
        value: MAX_DEPTH as u64,
        unit: "levels",
        gives: "warning L051: the HTML is shown as text",
    },
    Limit {
        what: "headings and points in a lecture (slides)",
        value: MAX_POINTS as u64,
        unit: "",
        gives: "error L053: no deck; split the lecture into several files",
    },
    Limit {
        what: "points in a row in one paragraph",
        value: MAX_POINTS as u64,
        unit: "",
        gives: "warning L052: the rest stays text of the last point",
    },
    Limit {
        what: "pixels of one picture (read from its header, before decoding)",
        value: crate::input::images::MAX_PICTURE_PIXELS / MILLION,
        unit: "megapixels",
        gives: "Markdown: error L041, .docx: warning L006 (picture left out), theme: error — `x.jpg` is too large (W×H pixels, N megapixels); save it smaller",
    },
    Limit {
        what: "bytes one picture decodes to",
        value: crate::input::images::MAX_PICTURE_BYTES / MB,
        unit: "MB",
        gives: "as above: … pixels that decode to N MB, more than 160 MB",
    },
    Limit {
        what: "pixels decoded for all of a deck's pictures",
        value: crate::input::images::MAX_DECODED_PIXELS / MILLION,
        unit: "megapixels",
        gives: "as above: `x.jpg` is left out: … budget of decoded pixels; use fewer or smaller pictures",
    },
    Limit {
        what: "bytes of pictures in a deck",
        value: crate::input::images::MAX_DECK_PICTURES / MB,
        unit: "MB",
        gives: "as above: `x.jpg` is left out: it would put more than 96 MB of pictures in the deck",
    },
    Limit {
        what: "template instructions (fuel), plus 20,000 a slide",
        value: crate::theme::errors::FUEL_BASE,
        unit: "",
        gives: "error: the theme's template failed: … ran too long … and was stopped; fix the loop",
    },
    Limit {
        what: "template output, plus style sheet and script, plus 16 bytes a byte of slide text",
        value: TEMPLATE_OUTPUT_BASE / MB,
        unit: "MB",
        gives: "error: the theme's template failed: the template wrote too much (more than this deck's limit of N MB …)",
    },
    Limit {
        what: "memory a theme's templates hold while rendering, plus 4 × their output limit",
        value: TEMPLATE_MEMORY_BASE / MB,
        unit: "MB",
        gives: "error: the theme's template failed: the template held more than N MB … and was stopped; fix the template",
    },
    Limit {
        what: "width in a template's `format` or `indent`",
        value: TEMPLATE_WIDTH as u64,
        unit: "columns",
        gives: "error: the theme's template failed: … a width of N is more than 1000 columns",
    },
    Limit {
        what: "template nesting (include, macro, loop)",
        value: crate::theme::errors::RECURSION_LIMIT as u64,
        unit: "levels",
        gives: "error: the theme's template failed: … nests too deep",
    },
    Limit {
        what: "files in a .docx",
        value: crate::input::docx::MAX_ENTRIES as u64,
        unit: "",
        gives: "error: refused: it holds N entries, over the limit of 10000; this looks like a zip bomb, not a lecture",
    },
    Limit {
        what: "one part of a .docx, unpacked",
        value: crate::input::docx::MAX_PART / MB,
        unit: "MB",
        gives: "error: refused: … this looks like a zip bomb, not a lecture",
    },
    Limit {
        what: "all parts of a .docx, unpacked",
        value: crate::input::docx::MAX_TOTAL / MB,
        unit: "MB",
        gives: "error: refused: … this looks like a zip bomb, not a lecture",
    },
];

#[cfg(test)]
mod tests {
    #[test]
    fn the_readme_documents_every_limit() {
        let readme = include_str!("../../README.md");
        for limit in super::TABLE {
            let row = limit.row();
            if std::env::var_os("LECTERN_PRINT_LIMITS").is_some() {
                println!("{row}");
                continue;
            }
            assert!(readme.contains(&row), "README.md lacks the row\n{row}");
        }
    }
}
