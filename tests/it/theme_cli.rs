//! The theme commands as a department uses them: list, eject, edit, check, build.

use crate::common::cli::Test;

#[test]
fn themes_lists_one_per_line_default_first() {
    let ran = Test::new().args(["themes"]).run();
    let names: Vec<&str> = ran
        .stdout
        .lines()
        .map(|l| l.split_whitespace().next().unwrap())
        .collect();
    assert_eq!(names, ["red", "blue", "contrast", "light"]);
    assert!(
        ran.stdout
            .lines()
            .all(|l| l.split_whitespace().count() >= 2),
        "{}",
        ran.stdout
    );
}

#[test]
fn an_ejected_theme_is_edited_checked_and_built_with() {
    let ran = Test::new()
        .args(["theme", "new", "dept", "--from", "blue"])
        .run();
    let toml_path = ran.path("dept/theme.toml");
    let toml = ran.read_string("dept/theme.toml");
    assert!(toml.contains("\nlogo = \"\""), "{toml}");
    assert!(toml.contains("\norganisation = \"\""), "{toml}");
    assert!(ran.path("dept/templates/deck.html.j2").exists());
    assert!(ran.path("dept/style.css").exists());

    let toml = toml
        .replacen("#0b3c8c", "#2e7d32", 1)
        .replace("organisation = \"\"", "organisation = \"某县农业农村局\"");
    std::fs::write(&toml_path, toml).unwrap();
    let ran = ran
        .then()
        .args(["theme", "check", "dept"])
        .stdout_has("某县农业农村局")
        .run();

    let lecture = concat!(env!("CARGO_MANIFEST_DIR"), "/decks/lecture.txt");
    let ran = ran
        .then()
        .args(["build", lecture, "-o", "deck.html", "--theme", "dept"])
        .run();
    let html = ran.read_string("deck.html");
    assert!(html.contains("--primary:#2e7d32"));
    assert!(html.contains("某县农业农村局"));

    // a second eject into the same, now non-empty, folder is refused
    let ran = ran
        .then()
        .args(["theme", "new", "dept", "--from", "red"])
        .status(1)
        .stderr_has("already exists")
        .run();

    // a typo is reported with the file, line and key
    let mut toml = std::fs::read_to_string(&toml_path).unwrap();
    toml.push_str("\nbogus_key = 1\n");
    std::fs::write(&toml_path, &toml).unwrap();
    let line = toml.lines().count();
    ran.then()
        .args(["theme", "check", "dept"])
        .status(1)
        .stderr_has(&format!("theme.toml:{line}: key `bogus_key`"))
        .run();
}

#[test]
fn an_unknown_theme_name_is_a_user_error() {
    let lecture = concat!(env!("CARGO_MANIFEST_DIR"), "/decks/lecture.txt");
    Test::new()
        .args(["build", lecture, "-o", "-", "--theme", "scarlet"])
        .status(1)
        .stderr_has("there is no theme `scarlet`")
        .run();
}

#[test]
fn the_decks_own_theme_setting_picks_a_folder_beside_the_lecture() {
    // run from another folder: the theme is found beside the lecture, not the cwd
    let ran = Test::new()
        .args(["theme", "new", "talks/dept", "--from", "blue"])
        .file("talks/deck.toml", "theme = \"dept\"\n")
        .seed("talks/lecture.txt")
        .run();
    let toml = ran.read_string("talks/dept/theme.toml");
    std::fs::write(
        ran.path("talks/dept/theme.toml"),
        toml.replacen("#0b3c8c", "#2e7d32", 1),
    )
    .unwrap();
    let ran = ran
        .then()
        .args(["build", "talks/lecture.txt", "-o", "deck.html"])
        .run();
    assert!(ran.read_string("deck.html").contains("--primary:#2e7d32"));
}
