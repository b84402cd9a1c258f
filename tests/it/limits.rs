//! Bad input never hurts, second round (issue 25): nesting deeper than the stack,
//! decoding bombs, templates that eat memory, and the one table of limits.

use crate::common::cli::Test;

use lectern::render::{pptx::Pptx, Writer};
use lectern::{compile, Format, Options};

fn markdown() -> Options {
    Options {
        format: Format::Markdown,
        ..Options::default()
    }
}

/// Runs `f` on a thread with Windows' main-thread stack (1 MB).
fn on_small_stack<T: Send + 'static>(f: impl FnOnce() -> T + Send + 'static) -> T {
    std::thread::Builder::new()
        .stack_size(1 << 20)
        .spawn(f)
        .unwrap()
        .join()
        .expect("no stack overflow")
}

#[test]
fn a_list_nested_25000_deep_on_one_line_is_flattened_with_a_warning() {
    let lecture = format!("# 标题\n\n{}内容\n", "- ".repeat(25_000));
    let ran = Test::new()
        .file("deep.md", &lecture)
        .args(["build", "deep.md"])
        .stderr_has("deep.md:3")
        .stderr_has("L050")
        .stderr_has("nested more than 32 levels deep")
        .run();
    let html = std::fs::read_to_string(ran.dir.path().join("deep.html")).unwrap();
    assert!(html.contains("内容"));
    let lists = html.matches("<ul").count();
    assert!((32..=40).contains(&lists), "{lists} lists");
}

#[test]
fn emphasis_100000_markers_deep_builds_both_formats() {
    let lecture = format!(
        "# 标题\n\n{}内容{}\n",
        "*".repeat(100_000),
        "*".repeat(100_000)
    );
    for out in ["deep.html", "deep.pptx"] {
        Test::new()
            .file("deep.md", &lecture)
            .args(["build", "deep.md", "-o", out])
            .stderr_has("L050")
            .stderr_has(&format!("wrote {out}"))
            .run();
    }
}

#[test]
fn the_deepest_deck_allowed_fits_in_a_1_mb_stack() {
    // lists, quotes and emphasis as deep as the reader lets them be, through every
    // stage that walks the deck: both writers and the outline
    let deep = 10_000;
    let lecture = format!(
        "# 标题\n\n## 一、部分\n\n{}列表\n\n{}引文\n\n{}强调{}\n\n[{}链接{}](https://www.gov.cn/)\n",
        "- ".repeat(deep),
        "> ".repeat(deep),
        "**_".repeat(deep),
        "_**".repeat(deep),
        "*".repeat(deep),
        "*".repeat(deep),
    );
    on_small_stack(move || {
        let c = compile(lecture.as_bytes(), &markdown()).unwrap();
        assert!(c.html.contains("列表") && c.html.contains("强调"));
        assert!(c
            .diagnostics()
            .iter()
            .any(|d| d.code == lectern::Code::NestedTooDeep));
        Pptx.write(&c.deck, &Options::default().theme, c.aspect)
            .unwrap();
        lectern::outline::outline_json(&c.parsed).to_string();
    });
}
