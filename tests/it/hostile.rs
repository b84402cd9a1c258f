//! Bad input never hurts (issue 13): files someone else gave you are read with care,
//! a theme's templates cannot hang a build or reach outside the theme, and every refusal
//! is one line that names the file and says what to do.

use std::path::Path;
use std::process::Command;

use crate::common::cli::{Ran, Test};

use lectern::theme::{MemoryFiles, Registry};
use lectern::{compile, Format, Options, Theme};

const SEED: &[u8] = include_bytes!("../../decks/lecture.txt");

/// Runs lectern in `dir`, whatever its exit status.
fn lectern(args: &[&str], dir: &Path) -> Ran {
    Test::new().current_dir(dir).args(args).any_status().run()
}

fn stderr(o: &Ran) -> String {
    o.stderr.clone()
}

fn png(w: u32, h: u32) -> Vec<u8> {
    let img = image::RgbImage::from_fn(w, h, |x, y| image::Rgb([(x * 7) as u8, (y * 5) as u8, 60]));
    let mut out = Vec::new();
    img.write_to(&mut std::io::Cursor::new(&mut out), image::ImageFormat::Png)
        .unwrap();
    out
}

fn theme_with(files: MemoryFiles) -> Result<Theme, lectern::ThemeError> {
    Registry::new().load_from(&files)
}

fn dept(template: &str) -> Theme {
    theme_with(
        MemoryFiles::new("dept")
            .with("theme.toml", "name = \"dept\"\nextends = \"red\"\n")
            .with("templates/deck.html.j2", template),
    )
    .expect("the theme loads; its template fails only when it renders")
}

fn template_error(template: &str) -> String {
    let opts = Options {
        theme: dept(template),
        ..Options::default()
    };
    let err = compile(SEED, &opts).expect_err("the template must fail");
    let msg = err.to_string();
    assert!(!msg.contains('\n'), "one line: {msg}");
    msg
}

#[test]
fn a_theme_cannot_include_files_outside_its_templates() {
    let msg = template_error(r#"{% include "/etc/passwd" %}"#);
    assert!(msg.contains("templates/deck.html.j2:1"), "{msg}");
    assert!(msg.contains("only its own templates"), "{msg}");
    assert!(!msg.contains("root:"), "{msg}");
}

#[test]
fn a_template_that_never_ends_is_stopped() {
    let msg = template_error(
        "{% for i in range(100000) %}{% for j in range(100000) %}{{ j }}{% endfor %}{% endfor %}",
    );
    assert!(msg.contains("ran too long"), "{msg}");
}

#[test]
fn a_template_that_recurses_is_stopped() {
    let msg = template_error("{% macro f(n) %}{{ f(n + 1) }}{% endmacro %}{{ f(0) }}");
    assert!(msg.contains("nests too deep"), "{msg}");
}

#[test]
fn a_style_sheet_that_closes_the_style_element_is_refused() {
    let err = theme_with(
        MemoryFiles::new("dept")
            .with("theme.toml", "name = \"dept\"\nextends = \"red\"\n")
            .with(
                "style.css",
                "h1{color:red}</STYLE><script>alert(1)</script>",
            ),
    )
    .unwrap_err();
    let msg = err.to_string();
    assert!(
        msg.starts_with("dept/style.css: contains `</style>`"),
        "{msg}"
    );
}

fn write(path: &Path, bytes: &[u8]) {
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(path, bytes).unwrap();
}

fn mkfifo(path: &Path) {
    let ok = Command::new("mkfifo").arg(path).status().unwrap();
    assert!(ok.success());
}

fn load_folder(dir: &Path, allow_outside: bool) -> Result<Theme, lectern::project::LoadError> {
    lectern::project::load_theme_folder(dir, &lectern::project::Reads::default(), allow_outside)
}

#[test]
fn theme_files_outside_the_theme_folder_or_not_regular_are_refused() {
    let tmp = tempfile::tempdir().unwrap();
    let theme = tmp.path().join("theme");
    write(&tmp.path().join("secret.png"), &png(20, 10));
    write(
        &theme.join("theme.toml"),
        b"name = \"dept\"\nextends = \"red\"\n[brand]\nlogo = \"../secret.png\"\n",
    );
    let err = load_folder(&theme, false).unwrap_err().to_string();
    assert!(
        err.contains("`../secret.png` is outside the theme's folder"),
        "{err}"
    );
    assert!(err.contains("--allow-outside"), "{err}");
    assert!(err.contains("theme.toml:4"), "{err}");
    let allowed = load_folder(&theme, true).unwrap();
    assert!(allowed.logo.is_some());

    // a logo that is a FIFO, and a style.css that is one: refused at once, never a hang
    write(
        &theme.join("theme.toml"),
        b"name = \"dept\"\nextends = \"red\"\n[brand]\nlogo = \"logo.png\"\n",
    );
    mkfifo(&theme.join("logo.png"));
    let err = load_folder(&theme, false).unwrap_err().to_string();
    assert!(
        err.contains("`logo.png` is not a regular file (a device or a pipe)"),
        "{err}"
    );
    std::fs::remove_file(theme.join("logo.png")).unwrap();
    write(&theme.join("logo.png"), &png(20, 10));
    mkfifo(&theme.join("style.css"));
    let err = load_folder(&theme, false).unwrap_err().to_string();
    assert!(err.contains("style.css"), "{err}");
    assert!(
        err.contains("not a regular file (a device or a pipe)"),
        "{err}"
    );
}

#[test]
fn theme_check_reports_an_unreadable_style_sheet() {
    let tmp = tempfile::tempdir().unwrap();
    let theme = tmp.path().join("theme");
    write(
        &theme.join("theme.toml"),
        b"name = \"dept\"\nextends = \"red\"\n",
    );
    mkfifo(&theme.join("style.css"));
    let out = lectern(&["theme", "check", "theme"], tmp.path());
    assert_eq!(out.status, Some(1), "{}", stderr(&out));
    let err = stderr(&out);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(
        err.contains("style.css") && err.contains("not a regular file"),
        "{err}"
    );
}

/// A Markdown lecture in a folder of its own, with `secret.png` beside the folder.
fn lecture_folder(markdown: &str) -> tempfile::TempDir {
    let tmp = tempfile::tempdir().unwrap();
    write(&tmp.path().join("secret.png"), &png(30, 20));
    write(&tmp.path().join("talk/pic.png"), &png(30, 20));
    write(&tmp.path().join("talk/talk.md"), markdown.as_bytes());
    tmp
}

const TALK: &str = "# 讲稿\n\n同志们：\n\n## 一、第一部分\n\n正文。\n\n";

#[test]
fn a_picture_from_a_device_or_a_fifo_is_refused_at_once() {
    let tmp = lecture_folder(&format!("{TALK}![零](/dev/zero)\n"));
    let dir = tmp.path().join("talk");
    let out = lectern(
        &["build", "talk.md", "--allow-outside", "-o", "out.html"],
        &dir,
    );
    assert_eq!(out.status, Some(1));
    assert!(
        stderr(&out).contains("/dev/zero: is not a regular file (a device or a pipe)"),
        "{}",
        stderr(&out)
    );
    mkfifo(&dir.join("pipe.png"));
    write(
        &dir.join("talk.md"),
        format!("{TALK}![管道](pipe.png)\n").as_bytes(),
    );
    let out = lectern(&["build", "talk.md", "-o", "out.html"], &dir);
    assert_eq!(out.status, Some(1));
    assert!(
        stderr(&out).contains("a device or a pipe"),
        "{}",
        stderr(&out)
    );
    assert!(!dir.join("out.html").exists());
}

#[test]
fn a_picture_outside_the_lecture_folder_needs_the_users_permission() {
    for written in ["../secret.png", "/etc/hostname"] {
        let tmp = lecture_folder(&format!("{TALK}![图]({written})\n"));
        let dir = tmp.path().join("talk");
        let out = lectern(&["build", "talk.md", "-o", "out.html"], &dir);
        assert_eq!(out.status, Some(1), "{written}");
        let err = stderr(&out);
        assert!(
            err.contains(&format!("`{written}` is outside the lecture's folder")),
            "{err}"
        );
        assert!(err.contains("--allow-outside"), "{err}");
    }
    let tmp = lecture_folder(&format!("{TALK}![图](../secret.png)\n"));
    let dir = tmp.path().join("talk");
    let out = lectern(
        &["build", "talk.md", "--allow-outside", "-o", "out.html"],
        &dir,
    );
    assert!(out.status == Some(0), "{}", stderr(&out));
    // the deck setting allows it too
    write(&dir.join("deck.toml"), b"allow_outside = true\n");
    let out = lectern(&["build", "talk.md", "-o", "out2.html"], &dir);
    assert!(out.status == Some(0), "{}", stderr(&out));
    // a picture inside the folder needs nothing
    std::fs::remove_file(dir.join("deck.toml")).unwrap();
    write(
        &dir.join("talk.md"),
        format!("{TALK}![图](pic.png)\n").as_bytes(),
    );
    let out = lectern(&["build", "talk.md", "-o", "out3.html"], &dir);
    assert!(out.status == Some(0), "{}", stderr(&out));
}

#[test]
fn an_xml_file_that_mentions_svg_is_not_carried_into_the_deck() {
    let tmp = lecture_folder(&format!("{TALK}![图](notes.xml)\n"));
    let dir = tmp.path().join("talk");
    write(
        &dir.join("notes.xml"),
        b"<?xml version=\"1.0\"?><private><!-- <svg> -->PASSWORD=hunter2</private>",
    );
    let out = lectern(&["build", "talk.md", "-o", "out.html"], &dir);
    assert_eq!(out.status, Some(1));
    assert!(
        stderr(&out).contains("not an SVG picture"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn a_lecture_that_is_a_device_or_too_large_is_refused_with_a_line() {
    let tmp = tempfile::tempdir().unwrap();
    let out = lectern(&["check", "/dev/zero"], tmp.path());
    assert_eq!(out.status, Some(1));
    let err = stderr(&out);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.contains("/dev/zero: is not a regular file"), "{err}");

    let big = tmp.path().join("big.txt");
    let f = std::fs::File::create(&big).unwrap();
    f.set_len((64 << 20) + 1).unwrap();
    let out = lectern(&["check", "big.txt"], tmp.path());
    assert_eq!(out.status, Some(1));
    assert!(
        stderr(&out).contains("larger than 64 MB"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn a_lecture_that_is_not_utf8_nor_gb18030_says_where() {
    let tmp = tempfile::tempdir().unwrap();
    let mut bytes = "标题\n同志们：\n一、学".as_bytes().to_vec();
    bytes.push(0xFF);
    std::fs::write(tmp.path().join("bad.txt"), &bytes).unwrap();
    let out = lectern(&["check", "bad.txt"], tmp.path());
    assert_eq!(out.status, Some(1));
    let err = stderr(&out);
    assert_eq!(
        err.trim_end(),
        "error: bad.txt: line 3, column 4: byte 0xFF is not UTF-8, and the text is not GB18030 either; save the file as UTF-8 and try again"
    );
}

#[test]
fn many_warnings_of_one_kind_are_counted_not_all_printed() {
    let mut text = String::from("标题\n同志们：\n一、开头\n内容。\n");
    for _ in 0..2000 {
        text.push_str("一、\n");
    }
    let opts = Options {
        format: Format::Plain,
        ..Options::default()
    };
    let parsed = lectern::parse(text.as_bytes(), &opts).unwrap();
    assert!(
        parsed.diagnostics.len() < 200,
        "{} diagnostics",
        parsed.diagnostics.len()
    );
    assert!(
        parsed
            .diagnostics
            .iter()
            .any(|d| d.message.contains("more like this")),
        "{:#?}",
        &parsed.diagnostics[..5]
    );
}

#[test]
fn allowed_html_keeps_its_blocks_and_loses_what_could_load_navigate_or_run() {
    let md = "+++\nallow_html = true\n+++\n# 讲稿\n\n## 一、部分\n\n\
<div class=\"box\">\n<p>重要提示内容</p>\n</div>\n\n\
段落<span class=\"hl\">内联</span>文字。<meta http-equiv=\"refresh\" content=\"0;url=https://e.example/\">\n\n\
<script src=\"https://e.example/x.js\" integrity=\"sha256-abc\"></script>\n\n\
<link rel=\"modulepreload\" href=\"https://e.example/y.js\" integrity=\"sha256-abc\">\n\n\
<img src=\"https://e.example/pixel.gif\" onerror=\"alert(1)\">\n";
    let opts = Options {
        format: Format::Markdown,
        ..Options::default()
    };
    let deck = compile(md.as_bytes(), &opts).unwrap();
    let html = &deck.html;
    assert!(html.contains(r#"<div class="box">"#), "the block stays");
    let shown: Vec<&lectern::Slide> = deck
        .deck
        .slides
        .iter()
        .filter(|s| {
            s.content
                .iter()
                .any(|b| matches!(b, lectern::deck::Block::Html { html, .. } if html.contains("重要提示内容")))
        })
        .collect();
    assert_eq!(shown.len(), 1, "the <div> block is on a slide");
    let notes = shown[0].notes_text();
    assert!(
        notes.iter().any(|n| n.contains("重要提示内容")),
        "and its text in the notes: {notes:?}"
    );
    assert!(html.contains(r#"<span class="hl">内联</span>"#));
    for gone in [
        "e.example",
        "http-equiv=\"refresh\"",
        "integrity=\"sha256-abc\"",
        "modulepreload",
        "onerror",
    ] {
        assert!(!html.contains(gone), "{gone} survived");
    }
}
