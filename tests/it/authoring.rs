//! Preparing a deck: a starter lecture (`lectern new`), a folder of lectures built at
//! once with its index, and PDFs printed through the machine's Chromium.

use std::path::Path;
use std::process::Command;

use crate::common::browser::{chromium_path, pdf_page_size, pdf_pages};
use crate::common::cli::Test;

#[test]
fn a_starter_lecture_builds_as_it_is_and_shows_every_kind_of_slide() {
    let ran = Test::new()
        .args(["new", "讲稿.md"])
        .stderr_has("wrote 讲稿.md")
        .run();
    assert!(ran.path("images/示例图片.png").is_file());
    let ran = ran
        .then()
        .args(["build", "讲稿.md", "--deny-warnings"])
        .run();
    let html = ran.read_string("讲稿.html");
    for kind in ["title", "outline", "part", "section", "point", "closing"] {
        assert!(
            html.contains(&format!("data-kind=\"{kind}\"")),
            "no {kind} slide"
        );
    }
    // the picture, the table and the inline 一是…二是… points made it to the slides
    assert!(html.contains("data:image/png;base64,"));
    assert!(html.contains("<table"));
    assert!(html.contains("学深悟透"));
    // the comment and the ::: notes block are notes only
    let notes_only = "观众看不到";
    let at = html.find(notes_only).expect("the note is in the deck");
    assert!(html[..at]
        .rfind("<aside class=\"notes\"")
        .is_some_and(|a| !html[a..at].contains("</aside>")));

    let ran = ran.then().args(["new", "讲稿.txt"]).run();
    ran.then()
        .args(["build", "讲稿.txt", "--deny-warnings"])
        .stderr_has("(13 slides")
        .run();
}

#[test]
fn new_never_overwrites_and_wants_a_lecture_name() {
    let ran = Test::new()
        .file("讲稿.md", "我的讲稿")
        .args(["new", "讲稿.md"])
        .status(1)
        .stderr_has("讲稿.md: already exists and is left as it is")
        .run();
    assert_eq!(ran.read_string("讲稿.md"), "我的讲稿");
    Test::new()
        .args(["--lang", "zh", "new", "讲稿.docx"])
        .status(1)
        .stderr_has("文件名请以 .md（Markdown）或 .txt（纯文本）结尾")
        .run();
}

#[test]
fn a_folder_builds_every_lecture_and_lists_them_and_one_bad_lecture_fails_alone() {
    let seed =
        std::fs::read(Path::new(env!("CARGO_MANIFEST_DIR")).join("decks/lecture.txt")).unwrap();
    let ran = Test::new()
        .file("讲稿/a.txt", &seed)
        .file("讲稿/b.txt", &seed)
        .file("讲稿/bad.txt", "")
        .file("讲稿/notes.pdf", "%PDF-1.4")
        .args(["build", "讲稿"])
        .status(1)
        .stderr_has("the lecture is empty")
        .stderr_has("2 of 3 lectures built")
        .run();
    for deck in ["讲稿/a.html", "讲稿/b.html"] {
        assert!(
            ran.read_string(deck).contains("data-kind=\"point\""),
            "{deck}"
        );
    }
    assert!(!ran.path("讲稿/bad.html").exists());
    let index = ran.read_string("讲稿/index.html");
    assert!(index.contains("<a href=\"a.html\">强化创新驱动"), "{index}");
    assert!(index.contains("<a href=\"b.html\">"));
    assert!(index.contains("bad.txt") && index.contains("没有生成"));
    assert!(!index.contains("notes.pdf"));
    // 17 slides, 12 minutes, in the row of a.txt
    assert!(index.contains("<td class=\"n\">17</td><td class=\"n\">12</td>"));

    // into a folder of its own, and all good: exit 0
    std::fs::remove_file(ran.path("讲稿/bad.txt")).unwrap();
    let ran = ran
        .then()
        .args(["build", "讲稿", "-o", "幻灯片", "-q"])
        .stderr("")
        .run();
    assert!(ran.path("幻灯片/a.html").is_file() && ran.path("幻灯片/index.html").is_file());
}

#[test]
fn a_folder_with_two_lectures_of_one_name_builds_one_and_names_the_other() {
    let ran = Test::new()
        .file("d/a.txt", "标题\n同志们：\n一、开头\n内容。\n")
        .file("d/a.md", "# 标题\n\n同志们：\n\n## 一、开头\n\n内容。\n")
        .args(["build", "d"])
        .status(1)
        .stderr_has("would overwrite another's; rename the lecture")
        .run();
    assert!(ran.read_string("d/a.html").contains("data-kind"));
}

fn pdf_text(pdf: &Path) -> String {
    let out = Command::new("pdftotext")
        .arg(pdf)
        .arg("-")
        .output()
        .expect("pdftotext (poppler-utils) runs");
    String::from_utf8_lossy(&out.stdout).into_owned()
}

#[test]
fn a_pdf_of_the_slides_a_handout_and_the_reading_script() {
    let Some(chromium) = chromium_path("a_pdf_of_the_slides_a_handout_and_the_reading_script")
    else {
        return;
    };
    let chromium = chromium.to_string_lossy().into_owned();
    let ran = Test::new()
        .seed("lecture.txt")
        .env("LECTERN_BROWSER", &chromium)
        .args(["build", "lecture.txt", "-o", "deck.pdf", "-q"])
        .run();
    assert!(ran.read("deck.pdf").starts_with(b"%PDF-"));
    assert_eq!(pdf_pages(&ran.read("deck.pdf")), 17, "one slide a page");
    let slides = pdf_text(&ran.path("deck.pdf"));
    assert!(slides.contains("学深悟透、把准方向"), "{slides}");

    let ran = ran
        .then()
        .env("LECTERN_BROWSER", &chromium)
        .args([
            "build",
            "lecture.txt",
            "-o",
            "script.pdf",
            "--print",
            "script",
            "-q",
        ])
        .run();
    // the reading script is the lecture: its paragraphs are in the PDF's text
    // punctuation aside: the script sets it full-width
    let words = |t: &str| {
        t.chars()
            .filter(|c| c.is_alphanumeric())
            .collect::<String>()
    };
    let script = words(&pdf_text(&ran.path("script.pdf")));
    let lecture = std::fs::read_to_string(ran.path("lecture.txt")).unwrap();
    let paragraph = lecture
        .lines()
        .find(|l| l.starts_with("高质量发展的新实践"))
        .expect("a paragraph of the seed");
    let sentence: String = words(paragraph).chars().take(30).collect();
    assert!(script.contains(&sentence), "{sentence} not in the script");

    let ran = ran
        .then()
        .env("LECTERN_BROWSER", &chromium)
        .args([
            "build",
            "lecture.txt",
            "--format",
            "pdf",
            "--print",
            "handout",
            "-q",
        ])
        .run();
    assert!(pdf_pages(&ran.read("lecture.pdf")) >= 6);
}

#[test]
fn a_pdf_of_the_slides_has_pages_of_the_slides_own_size() {
    let Some(chromium) = chromium_path("a_pdf_of_the_slides_has_pages_of_the_slides_own_size")
    else {
        return;
    };
    let chromium = chromium.to_string_lossy().into_owned();
    // 1920×1080 px slides on 1440×810 pt pages, 1440×1080 px on 1080×810 pt: no white bands
    for (aspect, size) in [("16:9", (1440.0, 810.0)), ("4:3", (1080.0, 810.0))] {
        let ran = Test::new()
            .seed("lecture.txt")
            .env("LECTERN_BROWSER", &chromium)
            .args([
                "build",
                "lecture.txt",
                "-o",
                "deck.pdf",
                "-q",
                "--aspect",
                aspect,
            ])
            .run();
        let pdf = ran.read("deck.pdf");
        assert_eq!(pdf_pages(&pdf), 17, "{aspect}: one slide a page");
        assert_eq!(pdf_page_size(&pdf), Some(size), "{aspect}");
    }
    // the handout stays on A4 portrait
    let ran = Test::new()
        .seed("lecture.txt")
        .env("LECTERN_BROWSER", &chromium)
        .args([
            "build",
            "lecture.txt",
            "-o",
            "h.pdf",
            "-q",
            "--print",
            "handout",
        ])
        .run();
    let (w, h) = pdf_page_size(&ran.read("h.pdf")).expect("a page size");
    assert!(
        (w - 595.0).abs() <= 1.0 && (h - 842.0).abs() <= 1.0,
        "{w}×{h}"
    );
}

/// A "browser" that ends at once, or never prints, is reported within seconds (it once
/// took 5.5 minutes and then spoke of ports), and no PDF is written.
#[cfg(unix)]
#[test]
fn a_browser_that_exits_or_hangs_is_reported_quickly() {
    use std::time::{Duration, Instant};
    let t = Instant::now();
    let ran = Test::new()
        .seed("lecture.txt")
        .env("LECTERN_BROWSER", "/bin/false")
        .args(["build", "lecture.txt", "-o", "deck.pdf", "-q"])
        .status(1)
        .stderr_has("/bin/false could not print the deck: it ended (exit status: 1)")
        .stderr_has("without writing a PDF")
        .run();
    assert!(!ran.path("deck.pdf").exists());
    assert!(t.elapsed() < Duration::from_secs(10), "{:?}", t.elapsed());

    let dir = tempfile::tempdir().unwrap();
    let hang = dir.path().join("hanging-browser");
    std::fs::write(&hang, "#!/bin/sh\nexec sleep 600\n").unwrap();
    use std::os::unix::fs::PermissionsExt as _;
    std::fs::set_permissions(&hang, std::fs::Permissions::from_mode(0o755)).unwrap();
    let t = Instant::now();
    let ran = Test::new()
        .seed("lecture.txt")
        .env("LECTERN_BROWSER", hang.to_str().unwrap())
        .env("LECTERN_PDF_TIMEOUT", "2")
        .args([
            "--lang",
            "zh",
            "build",
            "lecture.txt",
            "-o",
            "deck.pdf",
            "-q",
        ])
        .status(1)
        .stderr_has("过了 2 秒仍没有打印完，已停止")
        .run();
    assert!(!ran.path("deck.pdf").exists());
    assert!(t.elapsed() < Duration::from_secs(10), "{:?}", t.elapsed());
}

#[test]
fn without_a_browser_the_pdf_says_what_to_install_and_writes_nothing() {
    Test::new()
        .seed("lecture.txt")
        .env("PATH", "")
        .env_remove("LECTERN_BROWSER")
        .args(["build", "lecture.txt", "-o", "deck.pdf", "-q"])
        .status(1)
        .stderr_has("no Chrome, Edge or Chromium found to print the PDF: install one")
        .run();
    let ran = Test::new()
        .seed("lecture.txt")
        .env("LECTERN_BROWSER", "/nowhere/chrome")
        .args([
            "--lang",
            "zh",
            "build",
            "lecture.txt",
            "-o",
            "deck.pdf",
            "-q",
        ])
        .status(1)
        .stderr_has("LECTERN_BROWSER 指定的 /nowhere/chrome 不存在")
        .run();
    assert!(!ran.path("deck.pdf").exists());
    Test::new()
        .seed("lecture.txt")
        .args(["build", "lecture.txt", "--print", "handout"])
        .status(1)
        .stderr_has("--print lays out a PDF")
        .run();
}
