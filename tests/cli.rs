//! The `lectern` binary as a user runs it: build, check, outline --json, and every way a
//! build can go wrong.

mod common;

use common::cli::Test;

#[test]
fn build_writes_the_deck_beside_the_input() {
    let ran = Test::new()
        .seed("lecture.txt")
        .args(["build", "lecture.txt"])
        // the cut-off 一要 is reported
        .stderr_has("lecture.txt:12:1")
        .stderr_has("wrote lecture.html (17 slides")
        .run();
    let html = ran.read_string("lecture.html");
    assert_eq!(common::deck::slides(&html).len(), 17);
    let leftovers: Vec<_> = std::fs::read_dir(ran.dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".tmp"))
        .collect();
    assert!(leftovers.is_empty(), "temporary files left: {leftovers:?}");
}

#[test]
fn build_to_stdout_and_to_a_chosen_path_give_the_same_bytes() {
    let piped = Test::new()
        .seed("lecture.txt")
        .args(["build", "lecture.txt", "-o", "-"])
        .stderr_lacks("wrote")
        .run();
    let deck = piped.stdout_bytes.clone();
    let ran = piped
        .then()
        .args(["build", "lecture.txt", "-o", "deck.html"])
        .run();
    assert_eq!(deck, ran.read("deck.html"));
}

#[test]
fn build_never_overwrites_the_input() {
    let ran = Test::new()
        .seed("lecture.txt")
        .args(["build", "lecture.txt", "-o", "lecture.txt"])
        .status(1)
        .stderr_has("overwrite the lecture itself")
        .run();
    let before = std::fs::read(common::deck::root().join("decks/lecture.txt")).unwrap();
    assert_eq!(ran.read("lecture.txt"), before);
    let ran = ran
        .then()
        .args(["build", "lecture.txt", "-o", "./sub/../lecture.txt"])
        .status(1)
        .run();
    assert_eq!(ran.read("lecture.txt"), before);
}

#[test]
fn a_failed_build_leaves_the_previous_deck_untouched() {
    let ran = Test::new()
        .seed("lecture.txt")
        .file("broken.txt", "")
        .args(["build", "lecture.txt", "-o", "deck.html"])
        .run();
    let before = ran.read("deck.html");
    let ran = ran
        .then()
        .args(["build", "broken.txt", "-o", "deck.html"])
        .status(1)
        .run();
    assert_eq!(ran.read("deck.html"), before);
    // --deny-warnings refuses the seed (it has one warning) and keeps the old deck too
    let ran = ran
        .then()
        .args(["build", "lecture.txt", "-o", "deck.html", "--deny-warnings"])
        .status(1)
        .stderr_has("no deck written")
        .run();
    assert_eq!(ran.read("deck.html"), before);
}

#[test]
fn bad_inputs_give_one_clear_line_and_exit_1() {
    for (file, says) in [
        ("empty.txt", "empty"),
        ("blank.txt", "empty"),
        ("image.txt", "not a text file"),
        ("missing.txt", "no such file"),
    ] {
        let ran = Test::new()
            .file("empty.txt", "")
            .file("blank.txt", " \n\u{3000}\r\n\t\n")
            .file("image.txt", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0")
            .args(["build", file])
            .status(1)
            .stderr_has(says)
            .run();
        assert_eq!(ran.stderr.lines().count(), 1, "{file}: {}", ran.stderr);
        assert!(
            ran.stderr.starts_with(&format!("error: {file}:")),
            "{file}: {}",
            ran.stderr
        );
    }
}

#[test]
fn usage_errors_exit_2() {
    Test::new().args(["build"]).status(2).run();
    Test::new().args(["frobnicate"]).status(2).run();
    Test::new()
        .args(["check", "x.txt", "--rate", "0"])
        .status(2)
        .run();
}

#[test]
fn check_prints_outline_warning_with_caret_and_time() {
    let ran = Test::new()
        .seed("lecture.txt")
        .args(["check", "lecture.txt"])
        // warnings alone do not fail
        .stdout_has("  一、 学深悟透、把准方向，切实增强发展新质生产力的战略主动  (line 4)")
        .stdout_has("      第一 生产力是大国博弈的胜负手")
        .stdout_has("17 slides, about 11 min")
        .stderr_has("lecture.txt:12:1")
        .run();
    // The caret sits under the marker, counting each Chinese character as two columns.
    let lines: Vec<&str> = ran.stderr.lines().collect();
    let src = lines
        .iter()
        .position(|l| l.ends_with("│ 一要"))
        .expect("source line shown");
    let caret = lines[src + 1];
    let col = |l: &str, pat: &str| l[..l.find(pat).unwrap()].chars().count();
    assert_eq!(col(caret, "^"), col(lines[src], "一"));
    assert_eq!(
        caret.trim_start_matches([' ', '│']).trim_end(),
        "^^^^",
        "two wide characters"
    );

    let ran = ran
        .then()
        .args(["check", "lecture.txt", "--rate", "120"])
        .stdout_has("about 23 min")
        .run();
    ran.then()
        .args(["check", "lecture.txt", "--deny-warnings"])
        .status(1)
        .run();
}

#[test]
fn outline_json_follows_the_documented_schema() {
    let ran = Test::new()
        .seed("lecture.txt")
        .args(["outline", "lecture.txt", "--json"])
        .run();
    let v: serde_json::Value = serde_json::from_str(&ran.stdout).expect("valid JSON on stdout");
    for key in [
        "title",
        "kicker",
        "subtitle",
        "salutation",
        "source",
        "nodes",
        "diagnostics",
    ] {
        assert!(v.get(key).is_some(), "top-level key {key}");
    }
    assert_eq!(v["kicker"], "专题党课");
    assert_eq!(v["salutation"], "同志们:");
    assert!(v["source"].as_str().unwrap().starts_with("如若转载"));
    let part = &v["nodes"][0];
    assert_eq!(
        (part["marker"].as_str(), part["level"].as_u64()),
        (Some("一、"), Some(1))
    );
    let section = &part["children"][2];
    assert_eq!(section["marker"], "(三)");
    assert_eq!(section["level"], 2);
    let point = &section["children"][4];
    assert_eq!(point["marker"], "五要");
    assert_eq!(point["level"], serde_json::Value::Null);
    assert_eq!(point["inline"], true);
    assert_eq!(point["ordinal"], 5);
    assert_eq!(point["title"], "避免措施“虚化”");
    assert_eq!(point["line"], 8);
    let d = &v["diagnostics"][0];
    assert_eq!(
        (
            d["severity"].as_str(),
            d["line"].as_u64(),
            d["column"].as_u64()
        ),
        (Some("warning"), Some(12), Some(1))
    );
    assert!(d["message"].as_str().unwrap().contains("一要"));
}
