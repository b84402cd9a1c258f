//! The `lectern` binary as a user runs it: build, check, outline --json, and every way a
//! build can go wrong.

mod common;

use common::deck as util;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn lectern(args: &[&str], dir: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_lectern"))
        .args(args)
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .output()
        .expect("the binary runs")
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

/// A temp folder holding a copy of the seed lecture.
fn seed_dir() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("lecture.txt");
    std::fs::copy(util::root().join("decks/lecture.txt"), &path).unwrap();
    (dir, path)
}

#[test]
fn build_writes_the_deck_beside_the_input() {
    let (dir, _) = seed_dir();
    let o = lectern(&["build", "lecture.txt"], dir.path());
    assert!(o.status.success(), "{}", stderr(&o));
    let html = std::fs::read_to_string(dir.path().join("lecture.html")).unwrap();
    assert_eq!(util::slides(&html).len(), 17);
    assert!(
        stderr(&o).contains("lecture.txt:12:1"),
        "the cut-off 一要 is reported: {}",
        stderr(&o)
    );
    assert!(stderr(&o).contains("wrote lecture.html (17 slides"));
    let leftovers: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".tmp"))
        .collect();
    assert!(leftovers.is_empty(), "temporary files left: {leftovers:?}");
}

#[test]
fn build_to_stdout_and_to_a_chosen_path_give_the_same_bytes() {
    let (dir, _) = seed_dir();
    let piped = lectern(&["build", "lecture.txt", "-o", "-"], dir.path());
    assert!(piped.status.success());
    let o = lectern(&["build", "lecture.txt", "-o", "deck.html"], dir.path());
    assert!(o.status.success());
    assert_eq!(
        piped.stdout,
        std::fs::read(dir.path().join("deck.html")).unwrap()
    );
}

#[test]
fn build_never_overwrites_the_input() {
    let (dir, path) = seed_dir();
    let before = std::fs::read(&path).unwrap();
    let o = lectern(&["build", "lecture.txt", "-o", "lecture.txt"], dir.path());
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stderr(&o).contains("overwrite the lecture itself"),
        "{}",
        stderr(&o)
    );
    assert_eq!(std::fs::read(&path).unwrap(), before);
    let o = lectern(
        &["build", "lecture.txt", "-o", "./sub/../lecture.txt"],
        dir.path(),
    );
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(std::fs::read(&path).unwrap(), before);
}

#[test]
fn a_failed_build_leaves_the_previous_deck_untouched() {
    let (dir, _) = seed_dir();
    assert!(
        lectern(&["build", "lecture.txt", "-o", "deck.html"], dir.path())
            .status
            .success()
    );
    let before = std::fs::read(dir.path().join("deck.html")).unwrap();
    std::fs::write(dir.path().join("broken.txt"), b"").unwrap();
    let o = lectern(&["build", "broken.txt", "-o", "deck.html"], dir.path());
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(std::fs::read(dir.path().join("deck.html")).unwrap(), before);
    // --deny-warnings refuses the seed (it has one warning) and keeps the old deck too
    let o = lectern(
        &["build", "lecture.txt", "-o", "deck.html", "--deny-warnings"],
        dir.path(),
    );
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("no deck written"));
    assert_eq!(std::fs::read(dir.path().join("deck.html")).unwrap(), before);
}

#[test]
fn bad_inputs_give_one_clear_line_and_exit_1() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("empty.txt"), b"").unwrap();
    std::fs::write(
        dir.path().join("blank.txt"),
        " \n\u{3000}\r\n\t\n".as_bytes(),
    )
    .unwrap();
    std::fs::write(
        dir.path().join("image.txt"),
        b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0",
    )
    .unwrap();
    for (file, says) in [
        ("empty.txt", "empty"),
        ("blank.txt", "empty"),
        ("image.txt", "not a text file"),
        ("missing.txt", "no such file"),
    ] {
        let o = lectern(&["build", file], dir.path());
        assert_eq!(o.status.code(), Some(1), "{file}");
        let err = stderr(&o);
        assert_eq!(err.lines().count(), 1, "{file}: {err}");
        assert!(err.starts_with(&format!("error: {file}:")), "{file}: {err}");
        assert!(err.contains(says), "{file}: {err}");
    }
}

#[test]
fn usage_errors_exit_2() {
    let dir = tempfile::tempdir().unwrap();
    assert_eq!(lectern(&["build"], dir.path()).status.code(), Some(2));
    assert_eq!(lectern(&["frobnicate"], dir.path()).status.code(), Some(2));
    assert_eq!(
        lectern(&["check", "x.txt", "--rate", "0"], dir.path())
            .status
            .code(),
        Some(2)
    );
}

#[test]
fn check_prints_outline_warning_with_caret_and_time() {
    let (dir, _) = seed_dir();
    let o = lectern(&["check", "lecture.txt"], dir.path());
    assert_eq!(o.status.code(), Some(0), "warnings alone do not fail");
    let out = stdout(&o);
    assert!(
        out.contains("  一、 学深悟透、把准方向，切实增强发展新质生产力的战略主动  (line 4)"),
        "{out}"
    );
    assert!(out.contains("      第一 生产力是大国博弈的胜负手"), "{out}");
    assert!(out.contains("17 slides, about 11 min"), "{out}");
    let err = stderr(&o);
    assert!(err.contains("lecture.txt:12:1"), "{err}");
    // The caret sits under the marker, counting each Chinese character as two columns.
    let lines: Vec<&str> = err.lines().collect();
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

    let slow = lectern(&["check", "lecture.txt", "--rate", "120"], dir.path());
    assert!(stdout(&slow).contains("about 23 min"), "{}", stdout(&slow));
    let denied = lectern(&["check", "lecture.txt", "--deny-warnings"], dir.path());
    assert_eq!(denied.status.code(), Some(1));
}

#[test]
fn outline_json_follows_the_documented_schema() {
    let (dir, _) = seed_dir();
    let o = lectern(&["outline", "lecture.txt", "--json"], dir.path());
    assert!(o.status.success());
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).expect("valid JSON on stdout");
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
