//! Started from the desktop rather than a terminal. Windows passes the files dropped on
//! lectern.exe (or opened with it) as the only arguments, with no subcommand: each is
//! built beside itself and opened in the default browser. A double-click passes nothing:
//! the console that Windows made for us shows a short usage and waits for Enter instead
//! of flashing shut.

use std::ffi::OsString;
use std::io::BufRead;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use super::lang::t;
use super::{build, console, LectureArgs, Reporter};

/// The subcommands, which a first argument names instead of a file.
const COMMANDS: &[&str] = &[
    "build",
    "check",
    "outline",
    "themes",
    "theme",
    "watch",
    "new",
    "completions",
    "help",
];

/// The files, when the arguments are paths and nothing else (no flag, no subcommand).
/// A word that is not a file and has no extension is left to clap, which suggests the
/// subcommand meant (`lectern buidl`).
pub fn dropped(args: &[OsString]) -> Option<Vec<PathBuf>> {
    let rest = args.get(1..).filter(|r| !r.is_empty())?;
    let first = rest[0].to_string_lossy();
    if COMMANDS.contains(&first.as_ref()) {
        return None;
    }
    let file_like = |a: &OsString| {
        let p = Path::new(a);
        !a.to_string_lossy().starts_with('-') && (p.exists() || p.extension().is_some())
    };
    rest.iter()
        .all(file_like)
        .then(|| rest.iter().map(PathBuf::from).collect())
}

/// Builds each dropped lecture beside itself as HTML and opens it; a lecture that fails
/// does not stop the others. In a console of our own the messages stay up until Enter.
pub fn build_dropped(files: &[PathBuf], reporter: &mut Reporter) -> ExitCode {
    let mut failed = false;
    for file in files {
        let args = build::Args {
            input: LectureArgs {
                file: file.clone(),
                ..LectureArgs::default()
            },
            ..build::Args::default()
        };
        // A dropped folder builds every lecture in it and its index.html, as `lectern build
        // FOLDER` does, and opens the index.
        let built = if file.is_dir() {
            build::run(&args, reporter).map(|code| {
                failed |= code != ExitCode::SUCCESS;
                open(&file.join("index.html"), reporter);
            })
        } else {
            build::build_one(&args, reporter).map(|summary| open(&summary.output, reporter))
        };
        match built {
            Ok(()) => {}
            Err(super::Fail(message)) => {
                reporter.error(&message);
                failed = true;
            }
        }
    }
    reporter.flush();
    if failed && console::own() {
        wait_for_enter();
    }
    super::status(failed)
}

/// A double-click: what to do with lectern.exe, then wait for Enter.
pub fn usage_and_wait() -> ExitCode {
    println!(
        "{}",
        t!(
            "lectern: turns a lecture into a slide deck.\n\n\
             Drag a lecture (.docx, .txt or .md) onto lectern.exe: the deck (.html) is\n\
             written beside it and opens in your browser. Several files make several decks.\n\n\
             In a terminal:\n  \
             lectern build lecture.docx              writes lecture.html\n  \
             lectern build lecture.docx -o a.pptx    writes a PowerPoint deck\n  \
             lectern --help                          every command",
            "lectern：把讲稿变成幻灯片。\n\n\
             把讲稿文件（.docx、.txt 或 .md）拖到 lectern.exe 上，幻灯片（.html）就生成在\n\
             讲稿旁边，并用浏览器打开。一次拖几个文件，就生成几套幻灯片。\n\n\
             在命令行里：\n  \
             lectern build 讲稿.docx              生成 讲稿.html\n  \
             lectern build 讲稿.docx -o 讲稿.pptx   生成 PowerPoint 演示文稿\n  \
             lectern --help                       全部命令"
        )
    );
    wait_for_enter();
    ExitCode::SUCCESS
}

fn wait_for_enter() {
    println!("\n{}", t!("Press Enter to close.", "按回车键关闭。"));
    let _ = std::io::stdin().lock().read_line(&mut String::new());
}

/// Opens `deck` with the program named by `LECTERN_OPENER` (empty: none; tests set it),
/// else the system's default for the file; a failure is only a note.
fn open(deck: &Path, reporter: &mut Reporter) {
    let opener = std::env::var_os("LECTERN_OPENER");
    let mut cmd = match opener {
        Some(o) if o.is_empty() => return,
        Some(o) => std::process::Command::new(o),
        // explorer.exe opens a file with its default program and exits 1 even then.
        None if cfg!(windows) => std::process::Command::new("explorer.exe"),
        None if cfg!(target_os = "macos") => std::process::Command::new("open"),
        None => std::process::Command::new("xdg-open"),
    };
    let ran = cmd.arg(deck).status();
    if ran.is_err() || !cfg!(windows) && !ran.is_ok_and(|s| s.success()) {
        let deck = deck.display();
        reporter.note(&t!(
            "could not open a browser: open {deck} yourself",
            "没能打开浏览器：请自己打开 {deck}"
        ));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(a: &[&str]) -> Vec<OsString> {
        a.iter().map(OsString::from).collect()
    }

    #[test]
    fn paths_without_a_subcommand_are_dropped_files() {
        let got = dropped(&args(&["lectern.exe", "讲稿.docx", r"C:\材料\报告.txt"]));
        assert_eq!(
            got,
            Some(vec![
                PathBuf::from("讲稿.docx"),
                PathBuf::from(r"C:\材料\报告.txt")
            ])
        );
    }

    #[test]
    fn the_command_line_is_left_to_clap() {
        for a in [
            &["lectern"][..],
            &["lectern", "build", "a.txt"],
            &["lectern", "a.txt", "--theme", "red"],
            &["lectern", "buidl"],
            &["lectern", "--version"],
        ] {
            assert_eq!(dropped(&args(a)), None, "{a:?}");
        }
    }
}
