//! lectern's integration tests: one crate (one link of the library), one module a
//! subject. Browser tests drive real headless Chromium and Firefox ESR; with
//! `LECTERN_REQUIRE_BROWSER=1` (CI) a missing browser is a failure, not a skip.
//!
//! Data lives beside this folder: `tests/fixtures/` (small lectures with insta snapshots
//! in `snapshots/` here), `tests/corpus/` (real published texts with hand-written
//! expectations), `tests/docx/`.

mod common;

/// Allocations counted as in the `lectern` binary, so the library's memory budgets
/// (a theme's templates) hold here too.
#[global_allocator]
static COUNTING: lectern::limits::budget::Counting = lectern::limits::budget::Counting;

mod authoring;
mod browser;
mod cli;
mod cli_lang;
mod compat;
mod continuations;
mod corpus;
mod designer;
mod desktop;
mod docx;
mod entries;
mod figures;
mod fixtures;
mod folders;
mod fonts;
mod hostile;
mod html;
mod limits;
mod markdown;
mod outputs;
mod pictures;
mod pptx;
mod pptx_lines;
mod robust;
mod shown_lines;
mod speaker;
mod speeches;
mod studio;
mod template;
mod theme_cli;
mod theme_screens;
mod themes;
mod typeset;
mod watch;
