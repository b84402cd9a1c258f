//! The command in the user's language (Chinese under a zh locale or `--lang zh`), its
//! conveniences (`-q`, shell completions) and warnings that stay readable in bulk.

use crate::common::cli::Test;

#[test]
fn a_chinese_locale_gets_chinese_messages_and_the_flag_beats_it() {
    Test::new()
        .env("LANG", "zh_CN.UTF-8")
        .args(["build", "missing.txt"])
        .status(1)
        .stderr("错误：missing.txt：找不到这个文件：请检查文件名和所在的文件夹\n")
        .run();
    Test::new()
        .env("LANG", "zh_CN.UTF-8")
        .args(["--lang", "en", "build", "missing.txt"])
        .status(1)
        .stderr("error: missing.txt: no such file\n")
        .run();
    // LC_ALL comes before LANG, as POSIX orders them
    Test::new()
        .seed("lecture.txt")
        .env("LANG", "zh_CN.UTF-8")
        .env("LC_ALL", "C")
        .args(["build", "lecture.txt"])
        .stderr_has("wrote lecture.html (17 slides")
        .run();
    Test::new()
        .seed("lecture.txt")
        .env("LANG", "en_US.UTF-8")
        .args(["build", "lecture.txt", "--lang", "zh"])
        .stderr_has("已写入 lecture.html（17 张幻灯片")
        .stderr_has("lecture.txt：0 个错误，2 个警告")
        .run();
}

#[test]
fn a_pdf_or_a_presentation_given_as_the_lecture_is_named_with_what_to_do() {
    let test = || {
        Test::new()
            .file("讲稿.pdf", "%PDF-1.7\n%âãÏÓ\n")
            .file("讲稿.txt", b"PK\x03\x04\x14\0\0\0ppt/presentation.xml")
            .status(1)
    };
    test()
        .args(["build", "讲稿.pdf"])
        .stderr_has("this is a PDF, not a lecture text")
        .run();
    test()
        .args(["build", "讲稿.pdf", "--lang", "zh"])
        .stderr_has("这是 PDF 文件，不是讲稿正文")
        .run();
    test()
        .args(["build", "讲稿.txt", "--lang", "zh"])
        .stderr_has("这是演示文稿")
        .run();
}

#[test]
fn usage_errors_and_help_in_chinese() {
    Test::new()
        .env("LANG", "zh_CN.UTF-8")
        .args(["frobnicate"])
        .status(2)
        .stderr_has("错误：没有 `frobnicate` 这个命令")
        .stderr_has("用法：")
        .run();
    Test::new()
        .args(["--lang", "zh", "build", "--help"])
        .stdout_has("用法：")
        .stdout_has("生成幻灯片")
        .stdout_has("语速，每分钟多少字")
        .run();
    Test::new()
        .args(["build", "--help"])
        .stdout_has("Speaking rate in characters a minute")
        .run();
}

#[cfg(unix)]
#[test]
fn a_full_disk_is_a_sentence_that_says_what_to_do() {
    let test = Test::new().seed("lecture.txt");
    let made = std::process::Command::new("mknod")
        .arg(test.path().join("full"))
        .args(["c", "1", "7"])
        .stderr(std::process::Stdio::null())
        .status()
        .is_ok_and(|s| s.success());
    if !made {
        return; // only root makes devices
    }
    test.args(["build", "lecture.txt", "-o", "full", "--lang", "zh"])
        .status(1)
        .stderr_has("错误：full：磁盘已满：请清理出一些空间，或用 -o 写到别的磁盘")
        .run();
}

#[test]
fn quiet_builds_say_nothing_unless_something_fails() {
    Test::new()
        .seed("lecture.txt")
        .args(["build", "-q", "lecture.txt"])
        .stderr("")
        .run();
    Test::new()
        .args(["-q", "build", "missing.txt"])
        .status(1)
        .stderr_has("no such file")
        .run();
}

#[test]
fn completions_for_each_shell() {
    for (shell, says) in [
        ("bash", "_lectern()"),
        ("zsh", "#compdef lectern"),
        ("fish", "complete -c lectern"),
        ("powershell", "Register-ArgumentCompleter"),
    ] {
        Test::new()
            .args(["completions", shell])
            .stdout_has(says)
            .stdout_has("build")
            .run();
    }
}

#[test]
fn many_warnings_of_one_kind_end_in_one_line_that_counts_the_rest() {
    let mut lecture = String::from("讲稿标题\n同志们：\n一、第一部分\n");
    for i in 0..30 {
        lecture.push_str(&format!("这是第{i}段，“没有闭合的引号。\n"));
    }
    let ran = Test::new()
        .file("x.txt", lecture)
        .args(["check", "x.txt"])
        .stderr_has("10 more like this")
        .run();
    // the library keeps 20 and one that counts the rest; the report shows them as they come
    assert_eq!(
        ran.stderr.matches("warning[L030]: unclosed quote").count(),
        20
    );
    assert_eq!(ran.stderr.matches("more like this").count(), 1);
}

#[test]
fn a_long_line_is_shown_clipped_around_the_caret() {
    let line = format!("{}“{}", "甲".repeat(3000), "乙".repeat(3000));
    let ran = Test::new()
        .file("x.txt", format!("讲稿标题\n同志们：\n{line}\n"))
        .args(["check", "x.txt"])
        .stderr_has("x.txt:3:3001")
        .run();
    let longest = ran.stderr.lines().map(|l| l.chars().count()).max().unwrap();
    assert!(
        longest < 120,
        "a line of {longest} characters: {}",
        ran.stderr
    );
}

/// Every kind of warning the parser gives, on one lecture: in Chinese each one is worded
/// in Chinese, help included, and in English nothing Chinese-only leaks in.
#[test]
fn the_lectures_warnings_in_chinese() {
    let lecture = "一、开头\n（二）第二\n（1）跳级\n“没有结束的引号。\n二、\n三、结尾\n一要\n";
    let zh = Test::new()
        .file("bad.txt", lecture)
        .args(["--lang", "zh", "check", "bad.txt"])
        .stderr_has("没有标题行：讲稿一开头就是带编号的标题")
        .stderr_has("编号从 （二） 开始，而不是 （一）")
        .stderr_has("引号没有配对")
        .stderr_has("二、 后面没有文字")
        .stderr_has("层级跳跃：（1） 直接在 （二） 下面，中间缺少 1. 这一级")
        .stderr_has("一要 后面没有文字：讲稿像是在这里断了")
        .stderr_has("提示：")
        .run();
    assert!(!zh.stderr.contains("help:"), "{}", zh.stderr);
    Test::new()
        .file("bad.txt", lecture)
        .args(["--lang", "en", "check", "bad.txt"])
        .stderr_has("no title line: the lecture starts with a numbered heading")
        .stderr_has("help: ")
        .run();
}

#[test]
fn rate_and_minutes_together_is_a_usage_error_that_says_which_to_keep() {
    Test::new()
        .seed("lecture.txt")
        .args(["build", "lecture.txt", "--rate", "200", "--minutes", "30"])
        .status(2)
        .stderr_has("--rate and --minutes both set the timing; keep one")
        .run();
    Test::new()
        .seed("lecture.txt")
        .args([
            "--lang",
            "zh",
            "check",
            "lecture.txt",
            "--minutes",
            "30",
            "--rate",
            "200",
        ])
        .status(2)
        .stderr_has("要讲满规定的时间就留 --minutes")
        .run();
}
