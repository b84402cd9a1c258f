//! `lectern check`: the outline, the warnings and the speaking time.

use std::process::ExitCode;

use lectern::project::Project;

use super::lang::t;
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
    let (n, secs, rate) = (deck.slides.len(), deck.info.total_seconds, plan_opts.rate);
    let (min, s) = (secs / 60, secs % 60);
    out.line(&t!(
        "\n{n} slides, about {min} min {s:02} s at {rate} characters a minute",
        "\n{n} 张幻灯片，按每分钟 {rate} 字约 {min} 分 {s:02} 秒"
    ));
    drop(out);
    let failed = super::diagnostics(&project, args.input.deny_warnings, reporter);
    Ok(super::status(failed))
}
