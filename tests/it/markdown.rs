//! Markdown lectures: the same tree as plain text, settings, notes, escaping, images.

use crate::common::deck as util;

use crate::common::cli::Test;

use lectern::{compile, Format, Options};

fn md_options() -> Options {
    Options {
        format: Format::Markdown,
        ..Options::default()
    }
}

/// Serves images from memory.
struct Memory(Vec<(&'static str, Vec<u8>)>);

impl lectern::Assets for Memory {
    fn read(&self, path: &str, _allow_outside: bool) -> Result<Vec<u8>, String> {
        let (_, bytes) = self
            .0
            .iter()
            .find(|(p, _)| *p == path)
            .ok_or("no such file")?;
        Ok(bytes.to_vec())
    }
}

#[test]
fn markdown_mirror_of_the_seed_plans_like_the_plain_text() {
    let plain = compile(
        &util::read(&util::root().join("decks/lecture.txt")),
        &Options::default(),
    )
    .unwrap();
    let md = compile(&util::read(&util::fixture("seed-mirror.md")), &md_options()).unwrap();
    let shape = |c: &lectern::Compiled| -> Vec<(lectern::Kind, String, Vec<String>)> {
        c.deck
            .slides
            .iter()
            .map(|s| (s.kind, s.title.clone(), s.crumbs.clone()))
            .collect()
    };
    assert_eq!(shape(&md), shape(&plain));
    let notes = |c: &lectern::Compiled| {
        util::canon(
            &c.deck
                .slides
                .iter()
                .flat_map(|s| s.notes_text())
                .collect::<String>(),
        )
    };
    assert_eq!(notes(&md), notes(&plain), "the same words in the notes");
    assert_eq!(md.diagnostics().len(), 2, "{:?}", md.diagnostics());
    assert_eq!(
        md.diagnostics()[0].line,
        36,
        "the cut-off 一要, on its line in the .md file"
    );
    assert!(md.diagnostics()[1]
        .message
        .contains("copied from a website"));
    assert_eq!(
        md.deck.info.speaker.as_deref(),
        Some("局党组书记"),
        "TOML front matter"
    );
}

#[test]
fn talk_renders_markup_bullets_blocks_notes_and_images() {
    let mut opts = md_options();
    opts.assets = Some(std::sync::Arc::new(Memory(vec![(
        "photo.png",
        util::read(&util::fixture("photo.png")),
    )])));
    let c = compile(&util::read(&util::fixture("talk.md")), &opts).unwrap();
    let h = &c.html;
    // YAML front matter overrides the # title and sets the rate
    assert_eq!(c.deck.info.title, "以高质量党建引领高质量发展");
    assert_eq!(c.deck.info.kicker.as_deref(), Some("专题党课"));
    assert_eq!(c.parsed.settings.rate, Some(200));
    assert!(h.contains("<strong>党的二十大精神</strong>") && h.contains("<em>高质量党建</em>"));
    assert!(h.contains("<ul class=\"bullets\"><li>深刻领会“两个确立”的决定性意义</li>"));
    assert!(h.contains("<blockquote><p>办好中国的事情，关键在党。</p></blockquote>"));
    assert!(h.contains("<th>指标</th>") && h.contains("<td>135</td>"));
    assert!(
        h.contains(" src=\"data:image/png;base64,"),
        "the image is inlined"
    );
    assert!(h.contains("<a href=\"https://www.example.gov.cn/study\">学习资料</a>"));
    // explicit notes: a comment on the title slide, a ::: block on the point it stands in
    let slides = util::slides(h);
    assert!(slides[0].notes.contains("开场先问候，停顿两秒再开始。"));
    let third = slides
        .iter()
        .find(|s| s.heading.contains("常学常新"))
        .unwrap();
    assert!(third.notes.contains("这里举本单位的两个例子"));
    assert!(
        !third.shown.contains("这里举本单位的两个例子"),
        "notes stay off the slide"
    );
    assert!(
        !slides.iter().any(|s| s.shown.contains("备注")),
        "the comment is not shown"
    );
    // inline points inside a Markdown paragraph
    // (besides the slide that shows the part's own list after its list of sections)
    assert_eq!(
        slides
            .iter()
            .filter(|s| s.kind == "point" && !s.heading.ends_with("（续）"))
            .count(),
        3
    );
}

#[test]
fn raw_html_is_text_unless_allowed_and_never_runs() {
    let md =
        "# 标题\n\n## 第一部分\n\n正文<b onclick=\"x()\">加粗</b>。\n\n<script>alert(1)</script>\n";
    let escaped = compile(md.as_bytes(), &md_options()).unwrap().html;
    assert!(!escaped.contains("<b onclick"));
    assert!(escaped.contains("&lt;b onclick=&quot;x()&quot;&gt;"));
    assert!(!escaped.contains("<script>alert"));
    let allowed_md = format!("+++\nallow_html = true\n+++\n{md}");
    let allowed = compile(allowed_md.as_bytes(), &md_options()).unwrap().html;
    assert!(
        allowed.contains("<b>加粗</b>"),
        "allow_html lets markup through, cleaned of what could run"
    );
    assert!(!allowed.contains("onclick") && !allowed.contains("alert(1)"));
    // ... but the CSP allows only the runtime's own script
    let csp = lectern::render::html::content_security_policy(lectern::render::html::runtime_js());
    assert!(allowed.contains(&csp));
    assert_eq!(csp.matches("sha256-").count(), 1);
    let script_src = csp
        .split(';')
        .find(|d| d.trim().starts_with("script-src"))
        .unwrap();
    assert!(!script_src.contains("unsafe"), "{script_src}");
}

#[test]
fn front_matter_errors_name_the_line() {
    for (md, line, says) in [
        (
            "+++\ntitle = \"x\"\nbogus = 1\n+++\n# 标题\n",
            3,
            "unknown field `bogus`",
        ),
        (
            "---\ntitle: x\nrate: fast\n---\n# 标题\n",
            3,
            "`rate` takes a whole number",
        ),
        ("+++\noutline = \"yes\"\n+++\n# 标题\n", 2, "invalid type"),
    ] {
        let err = match compile(md.as_bytes(), &md_options()) {
            Err(lectern::Error::Rejected(p)) => p.diagnostics[0].clone(),
            other => panic!(
                "{md}: expected a rejection, got {:?}",
                other.map(|c| c.deck.slides.len())
            ),
        };
        assert_eq!(err.line, line, "{md}: {}", err.message);
        assert!(err.message.contains(says), "{md}: {}", err.message);
    }
}

#[test]
fn nothing_is_lost_from_markdown() {
    for name in ["talk.md", "seed-mirror.md"] {
        let mut opts = md_options();
        opts.assets = Some(std::sync::Arc::new(Memory(vec![(
            "photo.png",
            util::read(&util::fixture("photo.png")),
        )])));
        let bytes = util::read(&util::fixture(name));
        let c = compile(&bytes, &opts).unwrap();
        // Every character of the Markdown's text, outside the front matter and the
        // (overridden) title line, is in a slide's heading or notes, in order.
        let text = String::from_utf8(bytes).unwrap();
        let body_start = text.find("\n# ").map_or(0, |i| i + 1);
        let body = &text[body_start..];
        let body: String = body[body.find('\n').unwrap()..]
            .lines()
            .filter(|l| !l.starts_with("如若转载"))
            .map(|l| format!("{l}\n"))
            .collect();
        let mut words = String::new();
        for ev in pulldown_cmark::Parser::new_ext(&body, pulldown_cmark::Options::ENABLE_TABLES) {
            match ev {
                pulldown_cmark::Event::Text(t) | pulldown_cmark::Event::Code(t) => {
                    words.push_str(&t)
                }
                pulldown_cmark::Event::Html(t) | pulldown_cmark::Event::InlineHtml(t) => {
                    if let Some(note) = t.trim().strip_prefix("<!-- 备注:") {
                        words.push_str(
                            note.trim_end_matches("-->")
                                .trim_end()
                                .trim_end_matches("-->"),
                        );
                    } else {
                        words.push_str(&t);
                    }
                }
                _ => {}
            }
        }
        let words: String = words
            .replace(":::notes", "")
            .replace("::: notes", "")
            .replace(":::", "");
        let deck: String = util::slides(&c.html)
            .iter()
            .map(|s| format!("{}{}", s.heading, s.notes))
            .collect();
        let (want, have) = (util::canon(&words), util::canon(&deck));
        let mut it = have.chars();
        let missing: Vec<char> = want
            .chars()
            .filter(|c| !it.any(|h| h == *c))
            .take(10)
            .collect();
        assert!(
            missing.is_empty(),
            "{name}: not in the deck, in order: {missing:?}"
        );
    }
}

#[test]
fn cli_reads_deck_toml_front_matter_and_flags_in_that_order() {
    let ran = Test::new()
        .fixture("talk.md", "talk.md")
        .fixture("photo.png", "photo.png")
        .file(
            "deck.toml",
            "organisation = \"测试局\"\nrate = 300\noutline = false\n",
        )
        .args(["build", "talk.md"])
        .run();
    let h = ran.read_string("talk.html");
    assert!(h.contains("测试局"), "deck.toml organisation");
    assert!(
        !h.contains("data-kind=\"outline\""),
        "deck.toml outline = false"
    );
    let timing = |h: &str| util::slides(h)[0].timing;
    let front = timing(&h); // front matter rate 200 beats deck.toml's 300
    let notes = util::slides(&h)[0].notes.clone();
    let ran = ran
        .then()
        .args(["build", "talk.md", "-o", "fast.html", "--rate", "400"])
        .run();
    let fast = timing(&ran.read_string("fast.html"));
    assert_eq!(
        front,
        lectern::plan::speaking_seconds(&[notes], 200),
        "at 200 a minute"
    );
    assert!(fast < front, "the flag beats the front matter");

    let ran = ran
        .then()
        .file("deck.toml", "organisation = \"x\"\nspeed = 3\n")
        .args(["build", "talk.md"])
        .status(1)
        .stderr_has("deck.toml:2:1")
        .stderr_has("unknown field `speed`")
        .run();

    std::fs::remove_file(ran.path("deck.toml")).unwrap();
    std::fs::remove_file(ran.path("photo.png")).unwrap();
    // a missing image fails the build
    ran.then()
        .args(["build", "talk.md"])
        .status(1)
        .stderr_has("talk.md:41:1")
        .stderr_has("image photo.png: no file")
        .run();
}

#[test]
fn web_export_line_breaks_start_numbered_paragraphs_and_keep_their_formatting() {
    // Web exports end each paragraph in a hard break (two spaces) or indent it with
    // U+3000 after a plain line break; each numbered one is its own point.
    let md = "# 题目\n\n正文开头。\n\n## 一、总的要求\n\n（一）第一段，**重点在这里**。  \n（二）第二段，*强调\n　　延续到下一行*，完。\n　　（三）第三段。\n";
    let c = compile(md.as_bytes(), &md_options()).unwrap();
    let titled: Vec<&lectern::Slide> = c.deck.slides.iter().filter(|s| s.badge.is_some()).collect();
    let badges: Vec<&str> = titled.iter().filter_map(|s| s.badge.as_deref()).collect();
    assert_eq!(
        badges,
        ["第一", "（一）", "（二）", "（三）"],
        "{:#?}",
        c.deck.slides
    );
    let notes = |s: &lectern::Slide| format!("{:?}", s.notes);
    assert!(notes(titled[1]).contains("Strong"), "{}", notes(titled[1]));
    // a span open across a split line goes on in the next paragraph
    assert!(
        notes(titled[2]).contains("Emphasis"),
        "{}",
        notes(titled[2])
    );
    assert_eq!(
        notes(titled[2]).matches("Emphasis").count(),
        2,
        "{}",
        notes(titled[2])
    );
    assert!(
        !notes(titled[2]).contains('\u{3000}'),
        "{}",
        notes(titled[2])
    );
    assert_eq!(
        notes(titled[3]),
        r#"[Paragraph { runs: [Text("（三）第三段。")] }]"#
    );
}
