//! `lectern build`: load, report, compile, write — [`build_one`] is the whole path for
//! one lecture, for the folder, watch and PDF front ends to reuse.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use lectern::project::{output, Project};
use lectern::Aspect;

use super::lang::t;
use super::{Fail, LectureArgs, Reporter};

#[derive(clap::Args, Debug, Clone)]
pub struct Args {
    #[command(flatten)]
    pub input: LectureArgs,
    #[command(flatten)]
    pub deck: DeckArgs,
    /// Where to write the deck (`-` for standard output). Default: beside the input, as .html.
    /// A name ending in .pptx writes a PowerPoint deck, .pdf a PDF (printed by Chrome, Edge
    /// or Chromium).
    #[arg(short, long)]
    pub output: Option<PathBuf>,
    /// The output format: html, pptx or pdf, where the output's extension does not say it
    /// [default: by the extension, else html].
    #[arg(long = "to", visible_alias = "format", value_name = "FORMAT")]
    pub format: Option<String>,
    /// What a PDF holds: slides (one a page), handout (slides with their notes) or
    /// script (the reading script) [default: slides].
    #[arg(long, value_enum)]
    pub print: Option<PrintLayout>,
}

/// How the deck looks, for `build` and `watch` alike.
#[derive(clap::Args, Debug, Clone)]
pub struct DeckArgs {
    /// A built-in theme by name (see `lectern themes`) or the path of a theme folder
    /// [default: the deck's setting, else the default theme].
    #[arg(long)]
    pub theme: Option<String>,
    /// Slide shape, 16:9 or 4:3 [default: the deck's setting, else the theme's].
    #[arg(long)]
    pub aspect: Option<Aspect>,
    /// What a point slide shows under its title: key (key sentences of its text), title
    /// (the title alone) or full (the full text shrunk to fit) [default: the deck's
    /// setting, else key].
    #[arg(long)]
    pub content: Option<lectern::settings::Content>,
    /// Leave out the outline (目录) slide.
    #[arg(long)]
    pub no_outline: bool,
    /// Let raw HTML in a Markdown lecture through (scripts still cannot run).
    #[arg(long)]
    pub allow_html: bool,
}

/// `--print`: the print layout a PDF is made from.
#[derive(clap::ValueEnum, Debug, Clone, Copy, PartialEq, Eq)]
pub enum PrintLayout {
    Slides,
    Handout,
    Script,
}

impl From<PrintLayout> for lectern::render::pdf::Layout {
    fn from(p: PrintLayout) -> Self {
        match p {
            PrintLayout::Slides => lectern::render::pdf::Layout::Slides,
            PrintLayout::Handout => lectern::render::pdf::Layout::Handout,
            PrintLayout::Script => lectern::render::pdf::Layout::Script,
        }
    }
}

/// What one build made.
#[derive(Debug, Clone)]
pub struct Summary {
    /// Where the deck went (`-` for standard output).
    pub output: PathBuf,
    pub slides: usize,
    pub bytes: usize,
    /// Title, speaker, date and total time, as the deck shows them.
    pub info: lectern::deck::DeckInfo,
}

pub fn run(args: &Args, reporter: &mut Reporter) -> Result<ExitCode, Fail> {
    if args.input.file.is_dir() {
        return super::folder::run(args, reporter);
    }
    build_one(args, reporter)?;
    Ok(ExitCode::SUCCESS)
}

/// Loads, reports, compiles and writes one lecture; the previous deck stays as it was
/// when anything fails.
pub fn build_one(args: &Args, reporter: &mut Reporter) -> Result<Summary, Fail> {
    let file = &args.input.file;
    let output = lectern::render::output_for(args.format.as_deref(), args.output.as_deref())
        .map_err(|e| {
            let (name, known) = (&e.0, lectern::render::UnknownOutput::known());
            Fail(t!(
                "unknown output format `{name}`: use {known}",
                "不认识的输出格式 `{name}`：请用 {known} 之一"
            ))
        })?;
    if args.print.is_some() && !output.printed {
        return Err(Fail(t!(
            "--print lays out a PDF: add -o NAME.pdf (or --to pdf)",
            "--print 用于 PDF：请加上 -o 文件名.pdf（或 --to pdf）"
        )));
    }
    let (options, planned) = plan(&args.input, &args.deck, reporter)?;
    let bytes = planned.write(output, &options.theme).map_err(|e| {
        let file = file.display();
        Fail(t!(
            "{file}: {e}; no deck written",
            "{file}：{e}，没有生成幻灯片"
        ))
    })?;
    let bytes = if output.printed {
        let layout = args.print.map(Into::into).unwrap_or_default();
        lectern::render::pdf::find_browser()
            .and_then(|browser| lectern::render::pdf::print(&bytes, layout, &browser))
            .map_err(|e| Fail(super::messages::pdf_error(&e)))?
    } else {
        bytes
    };
    let out = args
        .output
        .clone()
        .unwrap_or_else(|| file.with_extension(output.extensions[0]));
    if out == Path::new("-") {
        super::write_stdout(&bytes).map_err(|e| {
            Fail(t!(
                "cannot write the deck to standard output: {e}",
                "幻灯片写不到标准输出：{e}"
            ))
        })?;
    } else {
        output::write_deck(file, &out, &bytes)
            .map_err(|e| Fail(super::messages::write_error(&e)))?;
    }
    let summary = Summary {
        output: out,
        slides: planned.deck.slides.len(),
        bytes: bytes.len(),
        info: planned.deck.info.clone(),
    };
    if summary.output != Path::new("-") {
        let (out, slides) = (summary.output.display(), summary.slides);
        let kb = summary.bytes.div_ceil(1024);
        let min = summary.info.total_seconds.div_ceil(60);
        reporter.note(&t!(
            "wrote {out} ({slides} slides, {kb} KB, about {min} min)",
            "已写入 {out}（{slides} 张幻灯片，{kb} KB，约 {min} 分钟）"
        ));
    }
    Ok(summary)
}

/// Loads `input` with the deck flags, reports its diagnostics and plans it, for a
/// one-off build (`watch` keeps its project and calls [`report_and_compile`]). Errors
/// (or warnings under `--deny-warnings`) stop it before anything is written.
pub fn plan(
    input: &LectureArgs,
    deck: &DeckArgs,
    reporter: &mut Reporter,
) -> Result<(lectern::Options, lectern::Planned), Fail> {
    let project = load(input, deck)?;
    report(&project, input, reporter)?;
    Ok(project.into_planned()?)
}

/// Reads the lecture, its settings and theme.
pub fn load(input: &LectureArgs, deck: &DeckArgs) -> Result<Project, Fail> {
    let mut overrides = input.overrides();
    overrides.settings.theme.clone_from(&deck.theme);
    overrides.settings.aspect = deck.aspect;
    overrides.settings.outline = deck.no_outline.then_some(false);
    overrides.settings.content = deck.content;
    overrides.settings.allow_html = deck.allow_html.then_some(true);
    Ok(Project::load(&input.file, &overrides)?)
}

/// Prints the diagnostics of a loaded lecture and compiles it unless they stop it.
pub fn report_and_compile(
    project: &Project,
    input: &LectureArgs,
    reporter: &mut Reporter,
) -> Result<lectern::Compiled, Fail> {
    report(project, input, reporter)?;
    Ok(project.compile()?)
}

/// Shows the project's diagnostics; errors (or warnings under `--deny-warnings`) stop
/// the build.
fn report(project: &Project, input: &LectureArgs, reporter: &mut Reporter) -> Result<(), Fail> {
    let file = &input.file;
    if super::diagnostics(project, input.deny_warnings, reporter) {
        let file = file.display();
        return Err(Fail(if project.parsed.has_errors() {
            t!(
                "{file}: the lecture has errors; no deck written",
                "{file}：讲稿有错误，没有生成幻灯片"
            )
        } else {
            t!(
                "{file}: warnings are errors (--deny-warnings); no deck written",
                "{file}：警告按错误处理（--deny-warnings），没有生成幻灯片"
            )
        }));
    }
    Ok(())
}
