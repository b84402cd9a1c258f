//! The `lectern` binary as a user runs it: build, check, outline --json, and every way a
//! build can go wrong.

use crate::common::cli::Test;

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
    assert_eq!(crate::common::deck::slides(&html).len(), 17);
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
    let before = std::fs::read(crate::common::deck::root().join("decks/lecture.txt")).unwrap();
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
        // the seed's longest slide is the title slide with its opening (under 3 min)
        .stdout_has("longest slide: ")
        .stdout_has(" slides a minute")
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
        "closing_points",
        "diagnostics",
    ] {
        assert!(v.get(key).is_some(), "top-level key {key}");
    }
    assert_eq!(v["kicker"], "专题党课");
    assert_eq!(v["salutation"], "同志们:");
    assert_eq!(v["closing_points"], serde_json::json!([]));
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

/// Runs `mkfifo PATH` or `mknod PATH c MAJOR MINOR` (special files are made in the
/// test's folder: never touch the machine's own /dev/null, a regression would replace it).
#[cfg(unix)]
fn make_special(path: &std::path::Path, device: Option<(&str, &str)>) -> bool {
    let mut cmd = match device {
        None => std::process::Command::new("mkfifo"),
        Some(_) => std::process::Command::new("mknod"),
    };
    cmd.arg(path);
    if let Some((major, minor)) = device {
        cmd.args(["c", major, minor]);
    }
    cmd.stderr(std::process::Stdio::null())
        .status()
        .is_ok_and(|s| s.success())
}

#[cfg(unix)]
fn is_char_device(path: &std::path::Path) -> bool {
    use std::os::unix::fs::FileTypeExt;
    std::fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_char_device())
}

#[cfg(unix)]
#[test]
fn a_device_or_pipe_as_output_is_written_to_not_replaced() {
    let test = Test::new().seed("lecture.txt");
    // a pipe: the deck flows through it and it stays a pipe
    let pipe = test.path().join("pipe");
    assert!(make_special(&pipe, None));
    let reader = std::thread::spawn({
        let pipe = pipe.clone();
        move || std::fs::read(pipe).unwrap()
    });
    let ran = test.args(["build", "lecture.txt", "-o", "pipe"]).run();
    use std::os::unix::fs::FileTypeExt;
    let kind = std::fs::symlink_metadata(&pipe).unwrap().file_type();
    assert!(kind.is_fifo(), "the pipe was replaced by a file");
    let deck = reader.join().unwrap();
    assert!(String::from_utf8_lossy(&deck).contains("data-kind=\"title\""));

    // devices, where we may make them (root): copies of /dev/null and /dev/full
    let null = make_special(&ran.path("null"), Some(("1", "3")));
    let full = make_special(&ran.path("full"), Some(("1", "7")));
    if !(null && full) {
        return;
    }
    let ran = ran
        .then()
        .args(["build", "lecture.txt", "-o", "null"])
        .run();
    assert!(is_char_device(&ran.path("null")), "the device was replaced");
    let ran = ran
        .then()
        .args(["build", "lecture.txt", "-o", "full"])
        .status(1)
        .stderr_has("full")
        .run();
    assert_eq!(
        ran.stderr.lines().last(),
        error_lines(&ran.stderr).last().copied()
    );
    assert_eq!(error_lines(&ran.stderr).len(), 1, "{}", ran.stderr);
    assert!(is_char_device(&ran.path("full")), "the device was replaced");
}

#[test]
fn a_folder_as_output_is_refused_in_one_line() {
    let ran = Test::new()
        .seed("lecture.txt")
        .file("decks/keep", "")
        .args(["build", "lecture.txt", "-o", "decks"])
        .status(1)
        .stderr_has("decks: is a folder")
        .run();
    assert_eq!(error_lines(&ran.stderr).len(), 1, "{}", ran.stderr);
    assert!(ran.path("decks/keep").exists());
}

/// The `error:` lines of standard error (the seed's own warning comes before them).
fn error_lines(stderr: &str) -> Vec<&str> {
    stderr.lines().filter(|l| l.starts_with("error")).collect()
}

#[cfg(target_os = "linux")]
#[test]
fn a_planted_link_at_a_temporary_name_is_not_followed() {
    // The old temporary name was predictable (.OUT.PID.tmp): plant one for each pid
    // the build may get.
    let test = Test::new()
        .seed("lecture.txt")
        .file("victim.txt", "keep me");
    let last: u32 = std::fs::read_to_string("/proc/sys/kernel/ns_last_pid")
        .unwrap()
        .trim()
        .parse()
        .unwrap();
    for pid in last + 1..=last + 3000 {
        std::os::unix::fs::symlink(
            test.path().join("victim.txt"),
            test.path().join(format!(".out.html.{pid}.tmp")),
        )
        .unwrap();
    }
    let ran = test.args(["build", "lecture.txt", "-o", "out.html"]).run();
    assert_eq!(ran.read_string("victim.txt"), "keep me");
    assert!(ran.read_string("out.html").contains("data-kind=\"title\""));
}

#[test]
fn leftovers_of_a_killed_build_are_removed_by_the_next() {
    // pid 4194305 is above Linux's largest pid, so no such build runs
    let ran = Test::new()
        .seed("lecture.txt")
        .file(".lectern-4194305-AbC123.tmp", "half a deck")
        .file(".lectern-notes.txt", "not ours")
        .args(["build", "lecture.txt", "-o", "deck.html"])
        .run();
    assert!(!ran.path(".lectern-4194305-AbC123.tmp").exists());
    assert!(ran.path(".lectern-notes.txt").exists());
}

#[test]
fn a_long_chinese_file_name_builds() {
    // 81 characters: the deck's name has 248 bytes, within the 255 a name may have
    let stem = "党".repeat(79) + "讲稿";
    let name = format!("{stem}.txt");
    assert_eq!(format!("{stem}.html").len(), 248);
    let ran = Test::new().seed(&name).args(["build", name.as_str()]).run();
    assert!(ran.path(&format!("{stem}.html")).exists());
}

#[cfg(unix)]
#[test]
fn a_symlinked_output_is_followed_and_keeps_its_mode() {
    use std::os::unix::fs::PermissionsExt;
    let test = Test::new()
        .seed("lecture.txt")
        .file("shared/deck.html", "old deck");
    let real = test.path().join("shared/deck.html");
    std::fs::set_permissions(&real, std::fs::Permissions::from_mode(0o664)).unwrap();
    std::os::unix::fs::symlink("shared/deck.html", test.path().join("deck.html")).unwrap();
    let ran = test.args(["build", "lecture.txt", "-o", "deck.html"]).run();
    let link = std::fs::symlink_metadata(ran.path("deck.html")).unwrap();
    assert!(link.file_type().is_symlink(), "the link is still a link");
    assert!(ran.read_string("shared/deck.html").contains("data-kind"));
    let mode = std::fs::metadata(&real).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o664);
}

#[cfg(unix)]
#[test]
fn a_new_deck_gets_the_usual_mode_not_a_private_one() {
    use std::os::unix::fs::PermissionsExt;
    let ran = Test::new()
        .seed("lecture.txt")
        .args(["build", "lecture.txt"])
        .run();
    let mode = std::fs::metadata(ran.path("lecture.html"))
        .unwrap()
        .permissions()
        .mode();
    let lecture = std::fs::metadata(ran.path("lecture.txt"))
        .unwrap()
        .permissions()
        .mode();
    // both made by open(2) under the same umask
    assert_eq!(mode & 0o777, lecture & 0o777);
}

#[test]
fn control_characters_from_a_lecture_never_reach_the_terminal() {
    // CSI and OSC sequences in a title, a heading and a cut-off line
    let lecture = "讲稿\u{1b}[2J标题\n同志们：\n开场。\n一、第一部分\u{1b}]0;pwned\u{7}\n（一）一节。第一，要点\u{1b}[31m一。第二，要点二。\n（二）二节。“没有闭合\u{1b}[5m的引号。\n";
    for command in ["check", "outline"] {
        let ran = Test::new()
            .file("x.txt", lecture)
            .args([command, "x.txt"])
            .stderr_has("x.txt:6:")
            .run();
        for (what, text) in [("stdout", &ran.stdout), ("stderr", &ran.stderr)] {
            assert!(
                !text.chars().any(|c| c.is_control() && c != '\n'),
                "{command}: a control character on {what}: {text:?}"
            );
        }
        assert!(ran.stdout.contains("第一部分"), "{}", ran.stdout);
    }
}

#[test]
fn an_unclosed_toml_front_matter_warns() {
    Test::new()
        .file(
            "x.txt",
            "+++\ntitle = \"讲稿\"\n讲稿标题\n同志们：\n一、第一部分\n（一）一节。\n",
        )
        .args(["check", "x.txt"])
        .stderr_has("x.txt:1:1")
        .stderr_has("+++")
        .run();
}

#[test]
fn content_chooses_what_point_slides_show() {
    let title_only = Test::new()
        .seed("lecture.txt")
        .args([
            "build",
            "lecture.txt",
            "--content",
            "title",
            "-o",
            "-",
            "-q",
        ])
        .run()
        .stdout;
    let keys = Test::new()
        .seed("lecture.txt")
        .args(["build", "lecture.txt", "-o", "-", "-q"])
        .run()
        .stdout;
    assert!(
        keys.contains("class=\"keys\""),
        "no key sentences by default"
    );
    assert!(!title_only.contains("class=\"keys\""));
    assert!(title_only.len() < keys.len());
    // the deck setting does the same, and the flag beats it
    let set = Test::new()
        .file("deck.toml", "content = \"title\"\n")
        .seed("lecture.txt")
        .args(["build", "lecture.txt", "-o", "-", "-q"])
        .run()
        .stdout;
    assert_eq!(set, title_only);
    Test::new()
        .file("deck.toml", "content = \"short\"\n")
        .seed("lecture.txt")
        .args(["build", "lecture.txt"])
        .status(1)
        .stderr_has("deck.toml")
        .run();
}
