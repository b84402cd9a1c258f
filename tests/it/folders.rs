//! Folder builds and `new` against a hostile folder (issue 25): planted links are never
//! written or read through, the index's links are percent-encoded, and a refused `new`
//! leaves nothing behind.

use crate::common::cli::Test;

const SEED: &[u8] = include_bytes!("../../decks/lecture.txt");

#[cfg(unix)]
#[test]
fn a_folder_build_never_writes_through_a_planted_deck_or_index_link() {
    use std::os::unix::fs::symlink;
    let outside = tempfile::tempdir().unwrap();
    let victim = outside.path().join("victim.txt");
    std::fs::write(&victim, "precious").unwrap();
    let t = Test::new().file("d/a.txt", SEED).file("d/b.txt", SEED);
    symlink(&victim, t.path().join("d/a.html")).unwrap();
    let ran = t
        .args(["build", "d"])
        .status(1)
        .stderr_has(
            "d/a.html is a link to another file; a folder build does not write through links",
        )
        .stderr_has("1 of 2 lectures built")
        .run();
    assert_eq!(std::fs::read_to_string(&victim).unwrap(), "precious");
    assert!(ran.read_string("d/b.html").contains("data-kind"));

    // a planted index.html: nothing is created outside the folder
    let t = Test::new().file("d/a.txt", SEED);
    let elsewhere = outside.path().join("made-by-lectern.html");
    symlink(&elsewhere, t.path().join("d/index.html")).unwrap();
    t.args(["build", "d"])
        .status(1)
        .stderr_has("index.html is a link to another file")
        .run();
    assert!(!elsewhere.exists());
}

#[cfg(unix)]
#[test]
fn a_lecture_linked_to_a_file_outside_the_folder_is_not_published() {
    use std::os::unix::fs::symlink;
    let outside = tempfile::tempdir().unwrap();
    let secret = outside.path().join("secret.txt");
    std::fs::write(&secret, "机密标题\n同志们：\n一、密码是 hunter2\n内容。\n").unwrap();
    let t = Test::new().file("d/a.txt", SEED).file("d/same.txt", SEED);
    symlink(&secret, t.path().join("d/notes.txt")).unwrap();
    // a link inside the folder is fine
    symlink(t.path().join("d/same.txt"), t.path().join("d/alias.txt")).unwrap();
    let ran = t
        .args(["build", "d"])
        .status(1)
        .stderr_has("notes.txt is a link to a file outside the folder; it is not built")
        .stderr_has("3 of 4 lectures built")
        .run();
    assert!(!ran.path("d/notes.html").exists());
    assert!(ran.path("d/alias.html").exists());
    assert!(!ran.read_string("d/index.html").contains("hunter2"));
    // the user's permission builds it
    let ran = ran.then().args(["build", "d", "--allow-outside"]).run();
    assert!(ran.read_string("d/notes.html").contains("hunter2"));
}

#[test]
fn new_refusing_an_existing_lecture_leaves_no_picture_behind() {
    let ran = Test::new()
        .file("讲稿.md", "# 我的讲稿\n")
        .args(["new", "讲稿.md"])
        .status(1)
        .stderr_has("讲稿.md: already exists and is left as it is")
        .run();
    assert!(!ran.path("images").exists(), "images/ was made");
    assert_eq!(ran.read_string("讲稿.md"), "# 我的讲稿\n");
}

#[cfg(unix)]
#[test]
fn the_index_links_to_decks_whatever_their_names() {
    let t = Test::new()
        .file("d/a#1.txt", SEED)
        .file("d/b?x.txt", SEED)
        .file("d/c:d.txt", SEED)
        .file("d/e%41.txt", SEED)
        .file("d/f\ng.txt", SEED)
        .file("d/讲稿 甲.txt", SEED);
    let ran = t.args(["build", "d", "-q"]).run();
    let index = ran.read_string("d/index.html");
    for href in [
        "a%231.html",
        "b%3Fx.html",
        "c%3Ad.html",
        "e%2541.html",
        "f%0Ag.html",
        "讲稿%20甲.html",
    ] {
        assert!(
            index.contains(&format!("<a href=\"{href}\">")),
            "{href}: {index}"
        );
    }
}
