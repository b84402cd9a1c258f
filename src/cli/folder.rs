//! `lectern build DIR`: every lecture in the folder (a format of [`lectern::input::FORMATS`]) becomes a deck
//! beside it (or in `-o DIR`), and `index.html` lists them. One bad lecture is reported
//! and the others still build; the exit status says whether any failed.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use lectern::input::format::{is_lecture, lecture_extensions};
use lectern::project::output;
use lectern::render::index::{index, Entry};

use super::build::{build_one, Args};
use super::lang::t;
use super::{Fail, Reporter};

pub fn run(args: &Args, reporter: &mut Reporter) -> Result<ExitCode, Fail> {
    let dir = &args.input.file;
    let out_dir = match &args.output {
        Some(o) if o == Path::new("-") => {
            return Err(Fail(t!(
                "a folder builds many decks: give -o a folder, not -",
                "一个文件夹会生成多套幻灯片：-o 请给出文件夹，而不是 -"
            )))
        }
        Some(o) => {
            std::fs::create_dir_all(o).map_err(|e| Fail(super::messages::os_error(o, &e, true)))?;
            o.clone()
        }
        // `lectern build .` names its decks `a.html`, not `./a.html`
        None if dir == Path::new(".") => PathBuf::new(),
        None => dir.clone(),
    };
    let lectures = lectures(dir).map_err(|e| Fail(super::messages::os_error(dir, &e, false)))?;
    if lectures.is_empty() {
        let d = dir.display();
        let (en, zh) = (
            lecture_extensions(", ", " or "),
            lecture_extensions("、", " 或 "),
        );
        return Err(Fail(t!(
            "{d}: no lecture in this folder ({en})",
            "{d}：这个文件夹里没有讲稿（{zh}）"
        )));
    }
    let index_at = out_dir.join("index.html");
    let mut entries = Vec::new();
    let mut failed = 0;
    // Two lectures that would write one deck (a.txt and a.docx), or the index itself.
    let mut taken = vec![index_at.clone()];
    for lecture in &lectures {
        let name = lecture
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let deck = out_dir.join(Path::new(&name).with_extension(lecture_output_ext(args)));
        let mut one = args.clone();
        one.input.file = lecture.clone();
        one.output = Some(deck.clone());
        let built = if taken.contains(&deck) {
            let d = deck.display();
            Err(Fail(t!(
                "{name}: its deck {d} would overwrite another's; rename the lecture",
                "{name}：它的幻灯片 {d} 会覆盖别的文件；请给讲稿改个名"
            )))
        } else {
            taken.push(deck);
            build_one(&one, reporter)
        };
        match built {
            Ok(done) => entries.push(Entry {
                href: Some(relative(&done.output, &out_dir)),
                title: done.info.title.clone(),
                date: done.info.date.clone(),
                speaker: done.info.speaker.clone(),
                slides: done.slides,
                seconds: done.info.total_seconds,
                lecture: name,
                error: None,
            }),
            Err(Fail(why)) => {
                failed += 1;
                reporter.error(&why);
                entries.push(Entry {
                    title: name.clone(),
                    lecture: name,
                    error: Some(why),
                    ..Entry::default()
                });
            }
        }
    }
    let folder = std::fs::canonicalize(dir)
        .ok()
        .and_then(|d| d.file_name().map(|n| n.to_string_lossy().into_owned()))
        .unwrap_or_else(|| dir.display().to_string());
    let page = index(&folder, &entries);
    output::write_deck(dir, &index_at, page.as_bytes())
        .map_err(|e| Fail(super::messages::write_error(&e)))?;
    let (n, built, shown) = (lectures.len(), lectures.len() - failed, index_at.display());
    reporter.note(&t!(
        "{built} of {n} lectures built; the list is {shown}",
        "{n} 份讲稿生成了 {built} 份；目录在 {shown}"
    ));
    Ok(super::status(failed > 0))
}

/// The lectures in `dir`, by name; hidden files, decks and the index are not lectures.
fn lectures(dir: &Path) -> std::io::Result<Vec<PathBuf>> {
    let mut found = Vec::new();
    for entry in std::fs::read_dir(dir)? {
        let path = entry?.path();
        let hidden = path
            .file_name()
            .is_some_and(|n| n.to_string_lossy().starts_with(['.', '~']));
        if is_lecture(&path) && !hidden && path.is_file() {
            found.push(
                path.strip_prefix(".")
                    .map_or(path.clone(), Path::to_path_buf),
            );
        }
    }
    found.sort();
    Ok(found)
}

fn lecture_output_ext(args: &Args) -> &'static str {
    // a bad --to is reported by the first build
    lectern::render::output_for(args.format.as_deref(), None).map_or("html", |o| o.extensions[0])
}

/// `deck` as a link from the index in `dir`.
fn relative(deck: &Path, dir: &Path) -> String {
    let name = deck.strip_prefix(dir).unwrap_or(deck);
    name.to_string_lossy().replace('\\', "/")
}
