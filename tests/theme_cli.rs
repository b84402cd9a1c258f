//! The theme commands as a department uses them: list, eject, edit, check, build.

use std::process::Command;

fn lectern(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_lectern"))
        .args(args)
        .output()
        .expect("lectern runs")
}

#[test]
fn themes_lists_one_per_line_default_first() {
    let out = lectern(&["themes"]);
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    let names: Vec<&str> = text
        .lines()
        .map(|l| l.split_whitespace().next().unwrap())
        .collect();
    assert_eq!(names, ["red", "blue", "contrast", "light"]);
    assert!(
        text.lines().all(|l| l.split_whitespace().count() >= 2),
        "{text}"
    );
}

#[test]
fn an_ejected_theme_is_edited_checked_and_built_with() {
    let dir = tempfile::tempdir().unwrap();
    let theme = dir.path().join("dept");
    let theme_s = theme.to_str().unwrap();
    let out = lectern(&["theme", "new", theme_s, "--from", "blue"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let toml_path = theme.join("theme.toml");
    let toml = std::fs::read_to_string(&toml_path).unwrap();
    assert!(toml.contains("\nlogo = \"\""), "{toml}");
    assert!(toml.contains("\norganisation = \"\""), "{toml}");
    assert!(theme.join("templates/deck.html.j2").exists());
    assert!(theme.join("style.css").exists());

    let toml = toml
        .replacen("#0b3c8c", "#2e7d32", 1)
        .replace("organisation = \"\"", "organisation = \"某县农业农村局\"");
    std::fs::write(&toml_path, toml).unwrap();
    let out = lectern(&["theme", "check", theme_s]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(String::from_utf8_lossy(&out.stdout).contains("某县农业农村局"));

    let deck = dir.path().join("deck.html");
    let lecture = concat!(env!("CARGO_MANIFEST_DIR"), "/decks/lecture.txt");
    let out = lectern(&[
        "build",
        lecture,
        "-o",
        deck.to_str().unwrap(),
        "--theme",
        theme_s,
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let html = std::fs::read_to_string(&deck).unwrap();
    assert!(html.contains("--primary:#2e7d32"));
    assert!(html.contains("某县农业农村局"));

    // a second eject into the same, now non-empty, folder is refused
    let out = lectern(&["theme", "new", theme_s, "--from", "red"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("already exists"));

    // a typo is reported with the file, line and key
    let mut toml = std::fs::read_to_string(&toml_path).unwrap();
    toml.push_str("\nbogus_key = 1\n");
    std::fs::write(&toml_path, &toml).unwrap();
    let out = lectern(&["theme", "check", theme_s]);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    let line = toml.lines().count();
    assert!(
        err.contains(&format!("theme.toml:{line}: key `bogus_key`")),
        "{err}"
    );
}

#[test]
fn an_unknown_theme_name_is_a_user_error() {
    let lecture = concat!(env!("CARGO_MANIFEST_DIR"), "/decks/lecture.txt");
    let out = lectern(&["build", lecture, "-o", "-", "--theme", "scarlet"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("there is no theme `scarlet`"));
}
