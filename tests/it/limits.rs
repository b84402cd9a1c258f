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

/// A real JPEG of 16×16 pixels whose header claims `w`×`h`: a few hundred bytes.
fn jpeg_claiming(w: u16, h: u16) -> Vec<u8> {
    let img = image::RgbImage::from_pixel(16, 16, image::Rgb([128, 128, 128]));
    let mut jpeg = Vec::new();
    img.write_to(
        &mut std::io::Cursor::new(&mut jpeg),
        image::ImageFormat::Jpeg,
    )
    .unwrap();
    let sof = jpeg
        .windows(2)
        .position(|m| m == [0xFF, 0xC0])
        .expect("a baseline frame header");
    jpeg[sof + 5..sof + 7].copy_from_slice(&h.to_be_bytes());
    jpeg[sof + 7..sof + 9].copy_from_slice(&w.to_be_bytes());
    jpeg
}

#[test]
fn a_picture_claiming_12000_by_12000_pixels_is_refused_before_decoding() {
    let bomb = jpeg_claiming(12_000, 12_000);
    assert!(bomb.len() < 1000, "{} bytes", bomb.len());
    let started = std::time::Instant::now();
    Test::new()
        .file("讲稿.md", "# 标题\n\n## 一、部分\n\n![现场](bomb.jpg)\n")
        .file("bomb.jpg", &bomb)
        .args(["build", "讲稿.md"])
        .status(1)
        .stderr_has("讲稿.md:5")
        .stderr_has("`bomb.jpg` is too large (12000×12000 pixels, 144 megapixels); save it smaller, at most 40 megapixels")
        .run();
    // nothing was decoded: a bomb costs no more than a small picture (debug build)
    assert!(started.elapsed() < std::time::Duration::from_secs(5));

    // in Chinese too
    Test::new()
        .file("讲稿.md", "# 标题\n\n## 一、部分\n\n![现场](bomb.jpg)\n")
        .file("bomb.jpg", &bomb)
        .args(["--lang", "zh", "build", "讲稿.md"])
        .status(1)
        .stderr_has("图片 bomb.jpg")
        .run();
}

#[test]
fn a_docx_carrying_a_decoding_bomb_leaves_the_picture_out() {
    let docx = std::fs::read(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/docx/pictures.docx"
    ))
    .unwrap();
    let bombed = crate::docx::rezip(&docx, &mut |name, data| {
        if name == "word/media/image1.png" {
            jpeg_claiming(12_000, 12_000)
        } else {
            data
        }
    });
    let opts = Options {
        format: Format::Docx,
        ..Options::default()
    };
    let c = compile(&bombed, &opts).unwrap();
    let warning = c
        .diagnostics()
        .iter()
        .find(|d| d.code == lectern::Code::PictureLeftOut)
        .expect("the bomb is named");
    assert!(
        warning
            .message
            .contains("12000×12000 pixels, 144 megapixels"),
        "{warning:?}"
    );
}

#[test]
fn a_picture_that_would_decode_past_the_byte_limit_is_refused() {
    // 16-bit RGBA: 8 bytes a pixel, so 30 megapixels (under the pixel limit) decode
    // to 229 MB
    let mut png = Vec::new();
    image::ImageBuffer::<image::Rgba<u16>, _>::from_pixel(4, 4, image::Rgba([1, 2, 3, 4]))
        .write_to(&mut std::io::Cursor::new(&mut png), image::ImageFormat::Png)
        .unwrap();
    png[16..20].copy_from_slice(&6000u32.to_be_bytes());
    png[20..24].copy_from_slice(&5000u32.to_be_bytes());
    let crc = crc32fast::hash(&png[12..29]);
    png[29..33].copy_from_slice(&crc.to_be_bytes());
    let err =
        lectern::input::images::inline(&png, "deep.png", lectern::input::images::ImageUse::Content)
            .unwrap_err()
            .to_string();
    assert!(
        err.contains("6000×5000 pixels that decode to 228 MB, more than 160 MB"),
        "{err}"
    );
}

#[test]
fn raw_html_nested_100000_deep_is_shown_as_text_in_linear_time() {
    let allow = |md: String| {
        let started = std::time::Instant::now();
        let c = compile(
            format!("+++\nallow_html = true\n+++\n# 标题\n\n## 一、部分\n\n{md}\n").as_bytes(),
            &markdown(),
        )
        .unwrap();
        (c, started.elapsed())
    };
    for md in [
        "<div>".repeat(100_000),
        "<ul><li>".repeat(16_000),
        format!("段落 {} 文字", "<span>".repeat(50_000)),
    ] {
        let (c, took) = allow(md);
        let d = c
            .diagnostics()
            .iter()
            .find(|d| d.code == lectern::Code::HtmlTooDeep)
            .expect("warned");
        assert_eq!(d.line, 8, "{d:?}");
        assert!(d
            .message
            .contains("more than 32 elements deep: it is shown as text"));
        // shown as text: escaped, never parsed
        assert!(
            c.html.contains("&lt;div&gt;")
                || c.html.contains("&lt;ul&gt;")
                || c.html.contains("&lt;span&gt;")
        );
        // the sanitiser took seconds to minutes on these (debug build: generous)
        assert!(took < std::time::Duration::from_secs(20), "{took:?}");
    }
    // HTML as deep as the limit still goes through as HTML
    let (c, _) = allow(format!("{}深{}", "<div>".repeat(32), "</div>".repeat(32)));
    assert!(
        c.html.contains("<div><div>")
            && c.diagnostics()
                .iter()
                .all(|d| d.code != lectern::Code::HtmlTooDeep)
    );
}

fn template_error(template: &str) -> String {
    let theme = lectern::theme::Registry::new()
        .load_from(
            &lectern::theme::MemoryFiles::new("dept")
                .with("theme.toml", "name = \"dept\"\nextends = \"red\"\n")
                .with("templates/deck.html.j2", template),
        )
        .unwrap();
    let opts = Options {
        theme,
        ..Options::default()
    };
    let seed = include_bytes!("../../decks/lecture.txt");
    let err = compile(seed, &opts).expect_err("the template must fail");
    let msg = err.to_string();
    assert!(!msg.contains('\n'), "one line: {msg}");
    msg
}

#[test]
fn a_template_cannot_write_or_pad_its_way_to_gigabytes() {
    // 100 MB of output from a few instructions: stopped at the deck's limit
    let msg = template_error("{% for i in range(100) %}{{ 'x' * 1000000 }}{% endfor %}");
    assert!(
        msg.contains("the theme's template failed: the template wrote too much")
            && msg.contains("more than this deck's limit of 16 MB"),
        "{msg}"
    );
    // one filter asking for 400 MB of padding
    for template in [
        r#"{{ "%400000000s"|format("x") }}"#,
        r#"{{ "%.400000000f"|format(1.5) }}"#,
        r#"{{ "a\nb"|indent(400000000) }}"#,
        r#"{{ "a\nb"|indent(width=400000000) }}"#,
    ] {
        let msg = template_error(template);
        assert!(
            msg.contains("a width of 400000000 is more than 1000 columns"),
            "{template}: {msg}"
        );
    }
}

#[test]
fn a_template_cannot_grow_a_string_it_never_writes() {
    // each grows a 2-byte string to 2 GB (doubled 30 times) and writes only its length
    for template in [
        "{% set ns = namespace(s='ab') %}{% for i in range(30) %}{% set ns.s = ns.s ~ ns.s %}{% endfor %}{{ ns.s|length }}",
        "{% macro grow(s, n) %}{% if n %}{{ grow(s ~ s ~ s ~ s, n - 1) }}{% else %}{{ s|length }}{% endif %}{% endmacro %}{{ grow('ab', 15) }}",
        &format!("{{% set s = 'ab' %}}{}{{{{ s|length }}}}", "{% set s = s + s %}".repeat(30)),
    ] {
        let started = std::time::Instant::now();
        let msg = template_error(template);
        assert!(
            msg.contains("the theme's template failed: the template held more than")
                && msg.contains("MB (a string or list grown in a loop"),
            "{template}: {msg}"
        );
        // stopped at its budget, long before it reached gigabytes
        assert!(started.elapsed().as_secs() < 20, "{template}");
    }
}

#[test]
fn fair_widths_still_format() {
    let theme = lectern::theme::Registry::new()
        .load_from(
            &lectern::theme::MemoryFiles::new("dept")
                .with("theme.toml", "name = \"dept\"\nextends = \"red\"\n")
                .with(
                    "templates/deck.html.j2",
                    r#"[{{ "%5s|%-4d|%.2f"|format("a", 7, 1.5) }}][{{ "x\ny"|indent(2) }}]"#,
                ),
        )
        .unwrap();
    let opts = Options {
        theme,
        ..Options::default()
    };
    let c = compile(include_bytes!("../../decks/lecture.txt"), &opts).unwrap();
    assert_eq!(c.html, "[    a|7   |1.50][x\n  y]");
}

#[test]
fn control_characters_escaped_in_deck_settings_never_reach_the_deck() {
    for (settings, what) in [
        (
            "title = \"标题\\u0000\"",
            "title holds the control character U+0000",
        ),
        (
            "speaker = \"张三\\u001B[31m\"",
            "speaker holds the control character U+001B",
        ),
        (
            "closing = \"谢谢\\u000C\"",
            "closing holds the control character U+000C",
        ),
    ] {
        let ran = Test::new()
            .file(
                "讲稿.md",
                format!("+++\n{settings}\n+++\n# 标题\n\n## 一、部分\n\n内容。\n"),
            )
            .args(["build", "讲稿.md"])
            .status(1)
            .stderr_has("讲稿.md:2")
            .stderr_has(what)
            .run();
        assert!(!ran.path("讲稿.html").exists());
    }
    // deck.toml too
    Test::new()
        .file("deck.toml", "organisation = \"某单位\\u0007\"\n")
        .file("讲稿.md", "# 标题\n\n## 一、部分\n\n内容。\n")
        .args(["build", "讲稿.md"])
        .status(1)
        .stderr_has("organisation holds the control character U+0007")
        .run();
}

#[test]
fn a_folder_theme_named_like_a_built_in_may_extend_it() {
    use lectern::theme::{MemoryFiles, Registry};
    let folder = MemoryFiles::new("red")
        .with("theme.toml", "name = \"red\"\nextends = \"red\"\n")
        .with("style.css", ".slide { outline: 1px solid #123456; }");
    let theme = Registry::new().load_from(&folder).expect("not a circle");
    assert!(theme.css.contains("#123456"));
    // a real circle is still one
    let mut reg = Registry::new();
    reg.add(
        "a",
        MemoryFiles::new("a").with("theme.toml", "name = \"a\"\nextends = \"b\"\n"),
    );
    reg.add(
        "b",
        MemoryFiles::new("b").with("theme.toml", "name = \"b\"\nextends = \"a\"\n"),
    );
    let err = reg.load("a").unwrap_err().to_string();
    assert!(err.contains("goes round in a circle: a → b → a"), "{err}");
}

#[test]
fn a_lecture_past_the_slide_limit_is_refused_and_a_run_of_points_stops_at_it() {
    let heads: String = (0..5_001).map(|i| format!("## 第{i}节\n\n")).collect();
    let ran = Test::new()
        .file("讲稿.md", format!("# 标题\n\n{heads}"))
        .args(["build", "讲稿.md"])
        .status(1)
        .stderr_has("L053")
        .stderr_has("more than 5000 headings and points (the slide limit); no deck is made")
        .stderr_has("split the lecture into several files")
        .run();
    assert!(!ran.path("讲稿.html").exists());

    // 一是，二是，… 6,000 times in one paragraph: the first 5,000 are points
    let run = "一是，二是，".repeat(3_000);
    let c = compile(
        format!("标题\n同志们：\n{run}完。\n").as_bytes(),
        &Options::default(),
    )
    .unwrap();
    let d = c
        .diagnostics()
        .iter()
        .find(|d| d.code == lectern::Code::TooManyInlinePoints)
        .expect("warned");
    assert_eq!(d.line, 3);
    assert!(
        c.deck.slides.len() <= 5_100,
        "{} slides",
        c.deck.slides.len()
    );
}

#[test]
fn a_markdown_lecture_of_endless_headings_is_refused_at_the_limit_with_the_line() {
    // the title heading is not a point: 5,000 sections under it are a deck
    let sections: String = (0..5_000).map(|i| format!("## 第{i}节\n\n")).collect();
    let c = compile(
        format!("# 标题\n\n{sections}").as_bytes(),
        &Options::default(),
    );
    assert!(c.is_ok(), "5,000 sections and a title are within the limit");

    // 30,000 headings: refused at the first heading past twice the limit, reading no
    // further (no deck; the error names its line)
    let heads: String = (0..30_000)
        .map(|i| format!("# 标题{i}\n\n正文。\n\n"))
        .collect();
    Test::new()
        .file("讲稿.md", heads)
        .args(["build", "讲稿.md"])
        .status(1)
        .stderr_has("L053")
        .stderr_has("讲稿.md:40001:1")
        .run();
}
