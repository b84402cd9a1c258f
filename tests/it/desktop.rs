//! Started the way Windows starts a program a file is dropped on: `lectern FILE…` with no
//! subcommand builds each deck beside its lecture and opens it (the opener is stubbed
//! through `LECTERN_OPENER`, so no browser starts).

use crate::common::cli::Test;

/// A shell script that appends each path it is asked to open to `opened.txt`.
const OPENER: &str = "#!/bin/sh\nprintf '%s\\n' \"$1\" >> \"$(dirname \"$0\")/opened.txt\"\n";

fn with_opener(test: Test) -> Test {
    let test = test.file("opener.sh", OPENER);
    let opener = test.path().join("opener.sh");
    use std::os::unix::fs::PermissionsExt as _;
    std::fs::set_permissions(&opener, std::fs::Permissions::from_mode(0o755)).unwrap();
    let opener = opener.to_str().unwrap().to_owned();
    test.env("LECTERN_OPENER", &opener)
}

#[test]
fn a_dropped_lecture_is_built_beside_it_and_opened() {
    let ran = with_opener(Test::new().seed("材料/讲稿.txt"))
        .arg("材料/讲稿.txt")
        .env("LANG", "zh_CN.UTF-8")
        .stderr_has("已写入 材料/讲稿.html（17 张幻灯片")
        .run();
    let html = ran.read_string("材料/讲稿.html");
    assert_eq!(crate::common::deck::slides(&html).len(), 17);
    assert_eq!(ran.read_string("opened.txt"), "材料/讲稿.html\n");
}

#[test]
fn several_dropped_lectures_make_several_decks() {
    let ran = with_opener(
        Test::new()
            .seed("a.txt")
            .fixture("talk.md", "b.md")
            .fixture("photo.png", "photo.png")
            .fixture("docx/articles.docx", "c.docx"),
    )
    .args(["a.txt", "b.md", "c.docx"])
    .run();
    for deck in ["a.html", "b.html", "c.html"] {
        assert!(ran.path(deck).is_file(), "{deck} written");
    }
    assert_eq!(ran.read_string("opened.txt"), "a.html\nb.html\nc.html\n");
}

#[test]
fn a_dropped_folder_builds_every_lecture_and_opens_its_index() {
    let ran = with_opener(Test::new().seed("讲稿/a.txt").seed("讲稿/b.txt"))
        .arg("讲稿")
        .run();
    assert!(ran.path("讲稿/a.html").is_file() && ran.path("讲稿/b.html").is_file());
    assert_eq!(ran.read_string("opened.txt"), "讲稿/index.html\n");
}

#[test]
fn a_bad_lecture_does_not_stop_the_others() {
    let ran = with_opener(Test::new().seed("good.txt"))
        .args(["missing.txt", "good.txt"])
        .status(1)
        .stderr_has("missing.txt")
        .run();
    assert!(ran.path("good.html").is_file());
    assert_eq!(ran.read_string("opened.txt"), "good.html\n");
}

#[test]
fn a_mistyped_subcommand_is_still_a_usage_error() {
    Test::new().arg("buidl").status(2).stderr_has("build").run();
}
