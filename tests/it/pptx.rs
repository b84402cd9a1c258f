//! The PowerPoint writer, checked from outside: the package's invariants (what
//! PowerPoint checks before it offers to repair a file), python-pptx reading the titles
//! and notes back, and LibreOffice rendering every slide, with page images saved under
//! `target/screenshots/pptx/` for a person to look at.
//!
//! python-pptx and LibreOffice are skipped when missing, unless
//! `LECTERN_REQUIRE_BROWSER=1` (CI sets it and `.ci/run` installs them).

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::Arc;

use crate::common::cli::Test;
use crate::common::office::libreoffice_pdf;
use crate::common::package::{entries, resolve, text};
use lectern::deck::{Deck, Kind};
use lectern::render::pptx::Pptx;
use lectern::render::Writer as _;
use lectern::theme::{MemoryFiles, Registry};
use lectern::{Aspect, Format, Options, Theme};

const SEED: &str = include_str!("../../decks/lecture.txt");
const SPEECH: &str = include_str!("../fixtures/speech-levels.txt");
const PHOTO: &[u8] = include_bytes!("../fixtures/photo.png");

const SVG: &str = "<svg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 400 200'><rect width='400' height='200' fill='#B2001E'/></svg>";

const RICH: &str = "---\ntitle: 以高质量党建引领高质量发展\nkicker: 专题党课\n---\n\n同志们：\n\n今天谈三点体会。\n\n\
## 一、提高政治站位\n\n开展学习的情况如下。\n\n\
| 年度 | 支部 | 党员 |\n|---|---|---|\n| 2023 | 12 | 186 |\n| 2024 | 14 | 203 |\n\n\
### （一）把握基本要求\n\n- 深刻领会“两个确立”\n- 坚决做到“两个维护”\n  - 在思想上政治上行动上保持高度一致\n\n\
> 办好中国的事情，关键在党。\n\n![支部活动照片](photo.png)\n\n![组织架构示意图](chart.svg)\n\n\
```\ncargo run -- build\n```\n\n谢谢大家！\n";

struct Memory;

impl lectern::Assets for Memory {
    fn read(&self, path: &str, _allow_outside: bool) -> Result<Vec<u8>, String> {
        match path {
            "photo.png" => Ok(PHOTO.to_vec()),
            "chart.svg" => Ok(SVG.as_bytes().to_vec()),
            _ => Err(format!("{path}: no such file")),
        }
    }
}

/// The lecture planned and written as .pptx.
fn build(text: &str, format: Format, theme: &str, aspect: Aspect) -> (Deck, Vec<u8>) {
    let theme = Theme::builtin(theme).expect("built-in theme");
    let opts = Options {
        format,
        aspect: Some(aspect),
        theme: theme.clone(),
        assets: Some(Arc::new(Memory)),
        ..Options::default()
    };
    let compiled = lectern::compile(text.as_bytes(), &opts).expect("the lecture compiles");
    let bytes = Pptx
        .write(&compiled.deck, &theme, compiled.aspect)
        .expect("the deck writes");
    (compiled.deck, bytes)
}

/// Everything PowerPoint checks before it calls a file damaged, for one package.
fn check_package(name: &str, deck: &Deck, bytes: &[u8]) {
    let files = entries(bytes);
    let ct = roxmltree::Document::parse(text(&files["[Content_Types].xml"])).unwrap();
    let defaults: BTreeSet<String> = ct
        .descendants()
        .filter(|n| n.has_tag_name("Default"))
        .map(|n| n.attribute("Extension").unwrap().to_lowercase())
        .collect();
    let overrides: BTreeSet<String> = ct
        .descendants()
        .filter(|n| n.has_tag_name("Override"))
        .map(|n| {
            n.attribute("PartName")
                .unwrap()
                .trim_start_matches('/')
                .to_string()
        })
        .collect();
    for o in &overrides {
        assert!(
            files.contains_key(o),
            "{name}: override for missing part {o}"
        );
    }
    let mut targets = BTreeSet::new();
    for (part, data) in &files {
        let ext = part.rsplit('.').next().unwrap().to_lowercase();
        assert!(
            overrides.contains(part) || defaults.contains(&ext),
            "{name}: {part} has no content type"
        );
        if ext == "xml" || ext == "rels" {
            roxmltree::Document::parse(text(data))
                .unwrap_or_else(|e| panic!("{name}: {part} is not XML: {e}"));
        }
        if ext == "rels" {
            let doc = roxmltree::Document::parse(text(data)).unwrap();
            let mut ids = BTreeSet::new();
            for r in doc.descendants().filter(|n| n.has_tag_name("Relationship")) {
                assert_ne!(
                    r.attribute("TargetMode"),
                    Some("External"),
                    "{name}: {part}"
                );
                assert!(
                    ids.insert(r.attribute("Id").unwrap()),
                    "{name}: {part} repeats an id"
                );
                let t = resolve(part, r.attribute("Target").unwrap());
                assert!(
                    files.contains_key(&t),
                    "{name}: {part} points at missing {t}"
                );
                targets.insert(t);
            }
        }
    }
    // every part is reachable: nothing written that nobody points at
    for part in files.keys() {
        if part != "[Content_Types].xml" && !part.ends_with(".rels") {
            assert!(targets.contains(part), "{name}: nothing points at {part}");
        }
    }
    let pres = roxmltree::Document::parse(text(&files["ppt/presentation.xml"])).unwrap();
    let ids = |tag: &str| -> Vec<u64> {
        pres.descendants()
            .filter(|n| n.tag_name().name() == tag)
            .map(|n| n.attribute("id").unwrap().parse().unwrap())
            .collect()
    };
    let slide_ids = ids("sldId");
    assert_eq!(slide_ids.len(), deck.slides.len(), "{name}");
    assert!(
        slide_ids.iter().all(|i| (256..2_147_483_648).contains(i)),
        "{name}"
    );
    assert_eq!(
        slide_ids.iter().collect::<BTreeSet<_>>().len(),
        slide_ids.len()
    );
    let master =
        roxmltree::Document::parse(text(&files["ppt/slideMasters/slideMaster1.xml"])).unwrap();
    let mut big: Vec<u64> = ids("sldMasterId");
    big.extend(
        master
            .descendants()
            .filter(|n| n.tag_name().name() == "sldLayoutId")
            .map(|n| n.attribute("id").unwrap().parse::<u64>().unwrap()),
    );
    assert_eq!(big.len(), 7, "{name}: one master and six layouts");
    assert!(big.iter().all(|i| *i >= 2_147_483_648), "{name}: {big:?}");
    assert_eq!(
        big.iter().collect::<BTreeSet<_>>().len(),
        big.len(),
        "{name}"
    );
    for needed in [
        "ppt/presProps.xml",
        "ppt/viewProps.xml",
        "ppt/notesMasters/notesMaster1.xml",
        "ppt/theme/theme1.xml",
    ] {
        assert!(files.contains_key(needed), "{name}: {needed}");
    }
    // every slide: shape ids unique, every run Chinese with three faces and a size
    for i in 1..=deck.slides.len() {
        let part = format!("ppt/slides/slide{i}.xml");
        let doc = roxmltree::Document::parse(text(&files[&part])).unwrap();
        let mut seen = BTreeSet::new();
        for n in doc.descendants().filter(|n| n.tag_name().name() == "cNvPr") {
            assert!(
                seen.insert(n.attribute("id").unwrap()),
                "{name}: {part} repeats a shape id"
            );
        }
        for r in doc.descendants().filter(|n| n.tag_name().name() == "r") {
            let props = r
                .children()
                .find(|c| c.tag_name().name() == "rPr")
                .expect("rPr");
            assert_eq!(props.attribute("lang"), Some("zh-CN"), "{name}: {part}");
            assert!(
                props.attribute("sz").is_some(),
                "{name}: {part}: a run without a size"
            );
            let faces: Vec<&str> = props
                .children()
                .map(|c| c.tag_name().name())
                .filter(|t| ["latin", "ea", "cs"].contains(t))
                .collect();
            assert_eq!(faces, ["latin", "ea", "cs"], "{name}: {part}");
        }
        for p in doc.descendants().filter(|n| n.tag_name().name() == "pPr") {
            assert_eq!(p.attribute("eaLnBrk"), Some("1"), "{name}: {part}");
        }
        assert!(
            !text(&files[&part]).contains("Autofit\"")
                && !text(&files[&part]).contains("normAutofit")
        );
    }
}

#[test]
fn every_theme_and_shape_gives_a_sound_package() {
    for theme in lectern::theme::builtin_names() {
        for aspect in [Aspect::Wide, Aspect::Standard] {
            let (deck, bytes) = build(SEED, Format::Plain, &theme, aspect);
            assert_eq!(deck.slides.len(), 17);
            check_package(&format!("seed {theme} {aspect}"), &deck, &bytes);
            let pres = entries(&bytes).remove("ppt/presentation.xml").unwrap();
            let want = match aspect {
                Aspect::Wide => "cx=\"12192000\" cy=\"6858000\"",
                Aspect::Standard => "cx=\"9144000\" cy=\"6858000\"",
            };
            assert!(text(&pres).contains(want), "{theme} {aspect}");
        }
    }
    let (deck, bytes) = build(RICH, Format::Markdown, "red", Aspect::Wide);
    check_package("rich markdown", &deck, &bytes);
    let files = entries(&bytes);
    // the photo as PNG, the SVG with its PNG stand-in
    let media: Vec<&String> = files
        .keys()
        .filter(|k| k.starts_with("ppt/media/"))
        .collect();
    assert_eq!(
        media.iter().filter(|m| m.ends_with(".svg")).count(),
        1,
        "{media:?}"
    );
    assert_eq!(
        media.iter().filter(|m| m.ends_with(".png")).count(),
        2,
        "{media:?}"
    );
    let all: String = files
        .iter()
        .filter(|(k, _)| k.starts_with("ppt/slides/slide"))
        .map(|(_, v)| text(v).to_string())
        .collect();
    assert!(
        all.contains("<a:tbl>") && all.contains("<a:t>186</a:t>"),
        "the table is a table"
    );
    assert!(all.contains("descr=\"组织架构示意图\"") && all.contains("asvg:svgBlip"));
}

#[test]
fn the_theme_is_the_masters_look() {
    let (_, bytes) = build(SEED, Format::Plain, "red", Aspect::Wide);
    let files = entries(&bytes);
    let theme = text(&files["ppt/theme/theme1.xml"]);
    assert!(
        theme.contains("<a:accent1><a:srgbClr val=\"B2001E\"/></a:accent1>"),
        "primary"
    );
    assert!(
        theme.contains("<a:accent2><a:srgbClr val=\"F2C75C\"/></a:accent2>"),
        "accent"
    );
    // red's title stack reaches 宋体 first among Windows fonts, its body stack 微软雅黑
    assert!(
        theme.contains("<a:majorFont><a:latin typeface=\"宋体\""),
        "{theme}"
    );
    assert!(theme.contains("<a:ea typeface=\"宋体\""));
    assert!(theme.contains("<a:minorFont><a:latin typeface=\"微软雅黑\""));
    let layouts: Vec<String> = (1..=6)
        .map(|i| text(&files[&format!("ppt/slideLayouts/slideLayout{i}.xml")]).to_string())
        .collect();
    let names: Vec<&str> = layouts
        .iter()
        .map(|l| {
            l.split("<p:cSld name=\"")
                .nth(1)
                .unwrap()
                .split('"')
                .next()
                .unwrap()
        })
        .collect();
    assert_eq!(names, ["标题页", "目录", "篇章页", "节", "要点", "结束页"]);
    let master = text(&files["ppt/slideMasters/slideMaster1.xml"]);
    for ph in [
        "type=\"title\"",
        "type=\"body\" idx=\"1\"",
        "type=\"ftr\"",
        "type=\"sldNum\"",
    ] {
        assert!(master.contains(ph), "master lacks {ph}");
    }
    // the band on the primary colour, the rule on the accent
    assert!(master.contains("name=\"色带\"") && master.contains("<a:schemeClr val=\"accent1\"/>"));
}

/// A 4:3 picture, in the theme's primary colour on top and white below, as a department
/// would give for its slide background.
fn four_by_three() -> Vec<u8> {
    let img = image::RgbImage::from_fn(400, 300, |_, y| {
        if y < 150 {
            image::Rgb([0xB2, 0x00, 0x1E])
        } else {
            image::Rgb([0xFF, 0xFF, 0xFF])
        }
    });
    let mut out = Vec::new();
    img.write_to(&mut std::io::Cursor::new(&mut out), image::ImageFormat::Png)
        .unwrap();
    out
}

#[test]
fn the_themes_background_picture_is_on_the_master_cropped_like_the_html() {
    let files = MemoryFiles::new("dept")
        .with(
            "theme.toml",
            "name = \"dept\"\nextends = \"red\"\n[brand]\nbackground = \"bg.png\"\n",
        )
        .with("bg.png", four_by_three());
    let theme = Registry::new().load_from(&files).expect("the theme loads");
    let opts = Options {
        theme: theme.clone(),
        ..Options::default()
    };
    let compiled = lectern::compile(SEED.as_bytes(), &opts).unwrap();
    let bytes = Pptx
        .write(&compiled.deck, &theme, Aspect::Wide)
        .expect("the deck writes");
    let deck_files = entries(&bytes);
    let master = text(&deck_files["ppt/slideMasters/slideMaster1.xml"]);
    let bg = master
        .split("<p:bg>")
        .nth(1)
        .and_then(|b| b.split("</p:bg>").next())
        .expect("the master has a background");
    let embed = bg
        .split("r:embed=\"")
        .nth(1)
        .and_then(|b| b.split('"').next())
        .expect("the background is a picture");
    // the picture the relationship names is in the package, as a PNG
    let rels = text(&deck_files["ppt/slideMasters/_rels/slideMaster1.xml.rels"]);
    let target = rels
        .split(&format!("Id=\"{embed}\""))
        .nth(1)
        .and_then(|r| r.split("Target=\"").nth(1))
        .and_then(|r| r.split('"').next())
        .expect("the relationship exists");
    let part = resolve("ppt/slideMasters/_rels/slideMaster1.xml.rels", target);
    assert!(deck_files[&part].starts_with(b"\x89PNG"), "{part}");
    // 4:3 on 16:9 keeps the full width and crops an eighth off the top and the bottom
    assert!(
        bg.contains("<a:srcRect l=\"0\" t=\"12500\" r=\"0\" b=\"12500\"/>"),
        "{bg}"
    );
    check_package("background", &compiled.deck, &bytes);
    // the title and part slides keep their own field colour over it
    let title_layout = text(&deck_files["ppt/slideLayouts/slideLayout1.xml"]);
    assert!(title_layout.contains("<p:bg>") && !title_layout.contains("r:embed=\"rId"));
}

#[test]
fn the_same_deck_gives_the_same_bytes() {
    let a = build(RICH, Format::Markdown, "blue", Aspect::Wide).1;
    let b = build(RICH, Format::Markdown, "blue", Aspect::Wide).1;
    assert!(a == b, "two builds differ");
}

#[test]
fn control_characters_never_reach_the_package() {
    let lecture = SEED.replacen("同志们", "同\u{1}志\u{b}们\u{7}", 1);
    let (deck, bytes) = build(&lecture, Format::Plain, "red", Aspect::Wide);
    check_package("control characters", &deck, &bytes);
    for (name, data) in entries(&bytes) {
        if name.ends_with(".xml") {
            assert!(
                !text(&data)
                    .chars()
                    .any(|c| matches!(c, '\u{1}' | '\u{b}' | '\u{7}')),
                "{name}"
            );
        }
    }
}

#[test]
fn long_titles_get_smaller_type_than_short_ones() {
    // the seed writes half-width commas; the slides show them full-width
    let title = "聚焦源头本质,准确把握变革创新是增创发展优势的必然路径";
    // (with no clause mark in it: a title with one is cut to its first clause)
    let plain = title.replace(',', "");
    let lecture = SEED.replacen(title, &format!("{plain}和{plain}"), 1);
    assert_ne!(lecture, SEED);
    // the largest size the words are set in: the section slide's title (they are also
    // an item of the part slide, in smaller type)
    let size_of = |bytes: &[u8], needle: &str| -> u32 {
        let files = entries(bytes);
        let mut sizes = Vec::new();
        for (name, x) in &files {
            if !name.starts_with("ppt/slides/slide") {
                continue;
            }
            let x = text(x);
            for (at, _) in x.match_indices(needle) {
                let sz = x[..at].rsplit("sz=\"").next().unwrap();
                sizes.push(sz.split('"').next().unwrap().parse::<u32>().unwrap());
            }
        }
        sizes.into_iter().max().expect("the words are on a slide")
    };
    // every title shown whole (the key-sentence deck cuts a long one between words)
    let whole = |text: &str| {
        let mut opts = Options {
            aspect: Some(Aspect::Wide),
            ..Options::default()
        };
        opts.plan.content = lectern::plan::Content::Full;
        let compiled = lectern::compile(text.as_bytes(), &opts).expect("compiles");
        Pptx.write(&compiled.deck, &opts.theme, compiled.aspect)
            .expect("writes")
    };
    let (short, long) = (whole(SEED), whole(&lecture));
    let a = size_of(&short, "聚焦源头本质");
    let b = size_of(&long, "聚焦源头本质");
    assert!(b < a, "short title {a}, long one {b}");
    assert!(b >= 1400, "never below 14 pt: {b}");
}

fn require() -> bool {
    std::env::var("LECTERN_REQUIRE_BROWSER").is_ok_and(|v| v == "1")
}

fn target_dir(sub: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("target")
        .join(sub);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn squeeze(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

#[test]
fn python_pptx_reads_every_title_and_the_notes_word_for_word() {
    let ok = Command::new("python3")
        .args(["-c", "import pptx"])
        .status()
        .is_ok_and(|s| s.success());
    if !ok {
        assert!(
            !require(),
            "python-pptx is required here (python3 -m pip install python-pptx)"
        );
        eprintln!("skipped: python-pptx is not installed");
        return;
    }
    let dir = target_dir("pptx");
    for (name, lecture, format) in [
        ("seed", SEED, Format::Plain),
        ("speech", SPEECH, Format::Plain),
        ("rich", RICH, Format::Markdown),
    ] {
        let (deck, bytes) = build(lecture, format, "red", Aspect::Wide);
        let path = dir.join(format!("{name}.pptx"));
        std::fs::write(&path, &bytes).unwrap();
        let out = Command::new("python3")
            .arg(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/pptx_read.py"))
            .arg(&path)
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{name}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        let read: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        let slides = read["slides"].as_array().unwrap();
        assert_eq!(slides.len(), deck.slides.len(), "{name}");
        assert_eq!(read["width"], 12192000);
        let mut notes = String::new();
        for (s, got) in deck.slides.iter().zip(slides) {
            // a line break the writer placed (between words, after an elision) is no word
            let unbroken = |t: &str| t.replace('\u{b}', "");
            let texts: Vec<String> = got["shapes"]
                .as_array()
                .unwrap()
                .iter()
                .filter_map(|sh| sh["text"].as_str())
                .map(unbroken)
                .collect();
            let title_shape = got["shapes"]
                .as_array()
                .unwrap()
                .iter()
                .find(|sh| matches!(sh["placeholder"].as_str(), Some("TITLE" | "CENTER_TITLE")))
                .unwrap_or_else(|| panic!("{name} slide {}: no title placeholder", s.number));
            assert_eq!(
                title_shape["text"].as_str().map(unbroken).as_deref(),
                Some(s.title.as_str()),
                "{name} slide {}",
                s.number
            );
            if let Some(b) = &s.badge {
                assert!(texts.contains(b), "{name} slide {}: badge {b}", s.number);
            }
            for item in s.items.iter().chain(&s.chips).chain(&s.keys) {
                assert!(
                    texts.iter().any(|t| t.contains(item.as_str())),
                    "{name} slide {}: {item}",
                    s.number
                );
            }
            let want_layout = match s.kind {
                Kind::Title => "标题页",
                Kind::Outline => "目录",
                Kind::Part => "篇章页",
                Kind::Section => "节",
                Kind::Point => "要点",
                Kind::Closing => "结束页",
            };
            assert_eq!(got["layout"], want_layout);
            // the notes page holds the slide's notes, block by block
            let paras: Vec<&str> = got["notes"]
                .as_array()
                .unwrap()
                .iter()
                .map(|p| p.as_str().unwrap())
                .collect();
            assert_eq!(
                squeeze(&paras.concat()),
                squeeze(&s.notes_text().concat()),
                "{name} slide {}",
                s.number
            );
            notes.push_str(&paras.join("\n"));
        }
        if name == "seed" {
            // read in order, the notes are the lecture from the salutation on, word for word
            let lines: Vec<&str> = SEED.lines().collect();
            let body: Vec<char> = lines[1..12]
                .concat()
                .chars()
                .filter(|c| c.is_alphanumeric())
                .collect();
            let mut i = 0;
            for c in notes.chars() {
                if i < body.len() && c == body[i] {
                    i += 1;
                }
            }
            assert_eq!(
                i,
                body.len(),
                "the notes hold {i} of {} letters of the lecture in order",
                body.len()
            );
        }
    }
}

#[test]
fn libreoffice_renders_every_slide_and_every_title() {
    let have = |tool: &str, arg: &str| {
        Command::new(tool)
            .arg(arg)
            .output()
            .is_ok_and(|o| o.status.success())
    };
    if !(have("soffice", "--version") && have("pdftotext", "-v")) {
        assert!(
            !require(),
            "LibreOffice (libreoffice-impress) and poppler-utils are required here"
        );
        eprintln!("skipped: soffice or pdftotext missing");
        return;
    }
    let dir = target_dir("pptx-render");
    let mut decks = Vec::new();
    for theme in lectern::theme::builtin_names() {
        let (d, b) = build(SEED, Format::Plain, &theme, Aspect::Wide);
        decks.push((format!("seed-{theme}"), d, b));
    }
    let (d, b) = build(SEED, Format::Plain, "red", Aspect::Standard);
    decks.push(("seed-red-4x3".into(), d, b));
    let (d, b) = build(SPEECH, Format::Plain, "red", Aspect::Wide);
    decks.push(("speech-red".into(), d, b));
    let (d, b) = build(RICH, Format::Markdown, "blue", Aspect::Wide);
    decks.push(("rich-blue".into(), d, b));
    let mut files = Vec::new();
    for (name, _, bytes) in &decks {
        let p = dir.join(format!("{name}.pptx"));
        let _ = std::fs::remove_file(dir.join(format!("{name}.pdf")));
        std::fs::write(&p, bytes).unwrap();
        files.push(p);
    }
    // one LibreOffice run for all decks
    libreoffice_pdf(&dir, &files);
    let shots = target_dir("screenshots/pptx");
    for (name, deck, _) in &decks {
        let pdf = dir.join(format!("{name}.pdf"));
        assert!(pdf.exists(), "{name}: LibreOffice wrote no PDF");
        let info = Command::new("pdfinfo").arg(&pdf).output().unwrap();
        let info = String::from_utf8_lossy(&info.stdout);
        let pages: usize = info
            .lines()
            .find_map(|l| l.strip_prefix("Pages:"))
            .and_then(|p| p.trim().parse().ok())
            .unwrap_or(0);
        assert_eq!(pages, deck.slides.len(), "{name}: pages");
        let txt = Command::new("pdftotext")
            .arg(&pdf)
            .arg("-")
            .output()
            .unwrap();
        let txt = squeeze(&String::from_utf8_lossy(&txt.stdout));
        for s in &deck.slides {
            let head: String = squeeze(&s.title).chars().take(8).collect();
            assert!(
                txt.contains(&head),
                "{name}: slide {} title {head} not in the PDF",
                s.number
            );
        }
        let out = shots.join(name);
        let _ = std::fs::remove_dir_all(&out);
        std::fs::create_dir_all(&out).unwrap();
        let _ = Command::new("pdftoppm")
            .args(["-r", "40", "-png"])
            .arg(&pdf)
            .arg(out.join("page"))
            .status();
    }
}

#[test]
fn the_command_line_picks_the_writer_by_extension_or_flag() {
    let dir = tempfile::tempdir().unwrap();
    let lecture = dir.path().join("讲稿.txt");
    std::fs::write(&lecture, SEED).unwrap();
    let out = dir.path().join("deck.pptx");
    let build = || Test::new().arg("build").arg(&lecture).status(0);
    build().arg("-o").arg(&out).run();
    let bytes = std::fs::read(&out).unwrap();
    assert!(bytes.starts_with(b"PK"), "a zip");
    assert!(entries(&bytes).contains_key("ppt/presentation.xml"));
    // --to where the extension does not say it: standard output (--format is its alias)
    let run = build().args(["--to", "pptx", "-o", "-"]).run();
    assert_eq!(run.stdout_bytes, bytes, "the same deck, the same bytes");
    // and HTML stays the default
    build().run();
    assert!(dir.path().join("讲稿.html").exists());
}
