//! `lectern check`: the outline, the warnings and the speaking time.

use std::process::ExitCode;

use lectern::project::Project;

use super::{Fail, LectureArgs, Out, Reporter};

#[derive(clap::Args, Debug, Clone)]
pub struct Args {
    #[command(flatten)]
    pub input: LectureArgs,
}

pub fn run(args: &Args, reporter: &mut Reporter) -> Result<ExitCode, Fail> {
    let project = Project::load(&args.input.file, &args.input.overrides())?;
    let mut out = Out::new();
    super::outline::print_tree(&mut out, &project);
    let plan_opts = lectern::plan_options(&project.parsed, &project.options);
    let deck = lectern::plan::plan(&project.parsed.lecture, &plan_opts);
    let (secs, slides) = (deck.info.total_seconds, deck.slides);
    out.line(&format!(
        "\n{} slides, about {} min {:02} s at {} characters a minute",
        slides.len(),
        secs / 60,
        secs % 60,
        plan_opts.rate
    ));
    drop(out);
    let failed = super::diagnostics(&project, args.input.deny_warnings, reporter);
    Ok(super::status(failed))
}
