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
    // the pacing at a glance: the slide that holds the speaker longest, and how fast
    // the slides go by
    if let Some(longest) = deck.slides.iter().max_by_key(|s| s.timing) {
        let (number, title) = (longest.number, longest.title.as_str());
        let (lm, ls) = (longest.timing / 60, longest.timing % 60);
        let per_minute = if secs == 0 {
            0.0
        } else {
            n as f64 * 60.0 / secs as f64
        };
        out.line(&t!(
            "longest slide: {number} «{title}», {lm} min {ls:02} s · {per_minute:.1} slides a minute",
            "最长的一张：第 {number} 张「{title}」，{lm} 分 {ls:02} 秒 · 平均每分钟 {per_minute:.1} 张"
        ));
    }
    drop(out);
    let failed = super::diagnostics(&project, args.input.deny_warnings, reporter);
    Ok(super::status(failed))
}
