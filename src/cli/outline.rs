//! `lectern outline`: the section tree, as an indented list or as JSON.

use std::process::ExitCode;

use lectern::project::Project;

use super::lang::t;
use super::{Fail, LectureArgs, Out, Reporter};

#[derive(clap::Args, Debug, Clone)]
pub struct Args {
    #[command(flatten)]
    pub input: LectureArgs,
    /// As JSON (the schema is in the README).
    #[arg(long)]
    pub json: bool,
}

pub fn run(args: &Args, reporter: &mut Reporter) -> Result<ExitCode, Fail> {
    let project = Project::load(&args.input.file, &args.input.overrides())?;
    let mut out = Out::new();
    if args.json {
        let value = lectern::outline::outline_json(&project.parsed);
        out.line(&serde_json::to_string_pretty(&value).expect("JSON of plain data"));
    } else {
        print_tree(&mut out, &project);
    }
    drop(out);
    let failed = super::diagnostics(&project, args.input.deny_warnings, reporter);
    Ok(super::status(failed))
}

/// The outline as an indented tree.
pub fn print_tree(out: &mut Out, project: &Project) {
    let unit = project.line_word();
    let l = &project.parsed.lecture;
    let m = &l.meta;
    out.line(&match (&m.kicker, &m.title) {
        (Some(k), Some(t)) => format!("{k}：{t}"),
        (None, Some(t)) => t.clone(),
        _ => t!("(no title)", "（没有标题）"),
    });
    // the closing's points after the headings, as the slides have them
    let ending = l.ending.iter().flat_map(|e| &e.children);
    for node in l.nodes.iter().chain(ending) {
        node.walk(&mut |n, depth| {
            let point = if n.inline { " ·" } else { "" };
            let (marker, title) = (
                &n.marker.text,
                lectern::plan::typography::fullwidth(&n.title),
            );
            let (line, indent) = (n.line, 2 * (depth + 1));
            out.line(&if unit == "paragraph" {
                t!(
                    "{:indent$}{marker} {title}{point}  (paragraph {line})",
                    "{:indent$}{marker} {title}{point}  （第 {line} 段）",
                    ""
                )
            } else {
                t!(
                    "{:indent$}{marker} {title}{point}  (line {line})",
                    "{:indent$}{marker} {title}{point}  （第 {line} 行）",
                    ""
                )
            });
        });
    }
}
