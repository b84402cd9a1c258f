//! `lectern new FILE.md|FILE.txt`: a starter lecture that shows every way to mark the
//! structure (title block, 一、（一）1.（1）, 一是…二是…, notes, a picture, settings) and
//! builds as it is. Nothing that exists is overwritten.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use super::lang::t;
use super::{Fail, Reporter};

const MARKDOWN: &str = include_str!("starter/lecture.md");
const PLAIN: &str = include_str!("starter/lecture.txt");
/// Where the Markdown starter's picture goes, relative to the lecture.
const PICTURE: &str = "images/示例图片.png";

#[derive(clap::Args, Debug, Clone)]
pub struct Args {
    /// The lecture to write: a name ending in .md (Markdown, with a picture) or .txt.
    pub file: PathBuf,
}

pub fn run(args: &Args, reporter: &mut Reporter) -> Result<ExitCode, Fail> {
    let file = &args.file;
    let markdown = match file.extension().and_then(|e| e.to_str()) {
        Some(e) if e.eq_ignore_ascii_case("md") || e.eq_ignore_ascii_case("markdown") => true,
        Some(e) if e.eq_ignore_ascii_case("txt") => false,
        _ => {
            let f = file.display();
            return Err(Fail(t!(
                "{f}: give a name ending in .md (Markdown) or .txt (plain text)",
                "{f}：文件名请以 .md（Markdown）或 .txt（纯文本）结尾"
            )));
        }
    };
    let folder = file.parent().filter(|p| !p.as_os_str().is_empty());
    let picture = folder.unwrap_or(Path::new(".")).join(PICTURE);
    let mut written = vec![file.clone()];
    if markdown {
        // the lecture first: a name that is taken leaves nothing behind
        create(file, MARKDOWN.as_bytes())?;
        if !picture.exists() {
            let dir = picture.parent().expect("the picture has a folder");
            let made = std::fs::create_dir_all(dir)
                .map_err(|e| Fail(super::messages::os_error(dir, &e, true)))
                .and_then(|()| create(&picture, &sample_picture()));
            if let Err(e) = made {
                let _ = std::fs::remove_file(file);
                return Err(e);
            }
            written.push(picture);
        }
    } else {
        create(file, PLAIN.as_bytes())?;
    }
    let f = file.display();
    for w in &written {
        let w = w.display();
        reporter.note(&t!("wrote {w}", "已写入 {w}"));
    }
    reporter.note(&t!(
        "next: lectern build {f}   (or lectern watch {f} --open to see each change)",
        "下一步：lectern build {f}（或 lectern watch {f} --open，边改边看）"
    ));
    Ok(ExitCode::SUCCESS)
}

/// Writes a new file; an existing one is left alone and named.
fn create(path: &Path, bytes: &[u8]) -> Result<(), Fail> {
    let mut f = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(path)
        .map_err(|e| {
            if e.kind() == std::io::ErrorKind::AlreadyExists {
                let p = path.display();
                Fail(t!(
                    "{p}: already exists and is left as it is; choose another name",
                    "{p}：已经存在，没有改动它；请换一个文件名"
                ))
            } else {
                Fail(super::messages::os_error(path, &e, true))
            }
        })?;
    f.write_all(bytes)
        .and_then(|()| f.sync_all())
        .map_err(|e| Fail(super::messages::os_error(path, &e, true)))
}

/// A 16:9 picture drawn here (a red field fading to gold, with a white frame) so the
/// starter's image line builds without any file of someone else's.
fn sample_picture() -> Vec<u8> {
    let (w, h) = (640u32, 360u32);
    let img = image::RgbImage::from_fn(w, h, |x, y| {
        let frame = x < 12 || y < 12 || x >= w - 12 || y >= h - 12;
        if frame {
            return image::Rgb([255, 255, 255]);
        }
        let t = x as f32 / w as f32;
        let mix = |a: f32, b: f32| (a + (b - a) * t) as u8;
        image::Rgb([mix(178.0, 212.0), mix(0.0, 165.0), mix(30.0, 55.0)])
    });
    let mut png = Vec::new();
    img.write_to(&mut std::io::Cursor::new(&mut png), image::ImageFormat::Png)
        .expect("a PNG encodes in memory");
    png
}
