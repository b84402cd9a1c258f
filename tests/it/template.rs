//! `lectern theme import` on real PowerPoint templates (`tests/templates/`, where each
//! came from is in its README): the theme folder checks, holds the template's palette,
//! faces and slide size, and the seed lecture builds with it as a .pptx on the template
//! itself (its master, layouts, theme and pictures kept, layouts chosen by type) that
//! python-pptx and LibreOffice open, and as an HTML deck that looks, in Chromium, like
//! LibreOffice's rendering of the template's layouts. Bad templates are refused and
//! leave no folder. Page images and screenshots go to `target/screenshots/template/`.

use std::collections::{BTreeMap, BTreeSet};
use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::process::Command;

use crate::common::browser::{chromium, file_url, screenshot_dir};
use crate::common::cli::{Ran, Test};
use crate::common::deck::root;
use crate::common::office::libreoffice_pdf;
use crate::common::package::{entries, resolve, text};

/// A template and what its import must find.
struct Case {
    file: &'static str,
    /// `accent1` of its colour scheme (the theme's primary colour).
    accent: &'static str,
    aspect: &'static str,
    /// The East Asian heading face the theme lists first after the Latin one.
    ea: &'static str,
    /// Whether its master or layouts show pictures (kept in the .pptx, drawn in HTML).
    pictures: bool,
}

const CASES: &[Case] = &[
    Case {
        file: "nyu-shanghai.potx",
        accent: "4472c4",
        aspect: "16:9",
        ea: "楷体",
        pictures: true,
    },
    Case {
        file: "aws-honolulu.potx",
        accent: "4472c4",
        aspect: "16:9",
        ea: "等线 Light",
        pictures: true,
    },
    Case {
        file: "md2pptxjp-reference.pptx",
        accent: "4f81bd",
        aspect: "16:9",
        ea: "宋体",
        pictures: false,
    },
    Case {
        file: "soleng-structure.pptx",
        accent: "4f81bd",
        aspect: "4:3",
        ea: "宋体",
        pictures: false,
    },
    Case {
        file: "python-pptx-sld-background.pptx",
        accent: "4f81bd",
        aspect: "4:3",
        ea: "宋体",
        pictures: false,
    },
    Case {
        file: "lo-gradient-4x3.pptx",
        accent: "b2001e",
        aspect: "4:3",
        ea: "DejaVu Sans",
        pictures: true,
    },
    Case {
        file: "lo-picture-16x9.pptx",
        accent: "0b3c8c",
        aspect: "16:9",
        ea: "DejaVu Sans",
        pictures: true,
    },
];

fn template(file: &str) -> Vec<u8> {
    std::fs::read(root().join("tests/templates").join(file))
        .unwrap_or_else(|e| panic!("{file}: {e}"))
}

/// `(type, target)` of each relationship of `part`.
fn rels(files: &BTreeMap<String, Vec<u8>>, part: &str) -> Vec<(String, String)> {
    let (dir, name) = part.rsplit_once('/').unwrap_or(("", part));
    let rels = format!("{dir}/_rels/{name}.rels");
    let Some(data) = files.get(&rels) else {
        return Vec::new();
    };
    let doc = roxmltree::Document::parse(text(data)).unwrap();
    doc.descendants()
        .filter(|n| n.has_tag_name("Relationship"))
        .map(|n| {
            let ty = n
                .attribute("Type")
                .unwrap()
                .rsplit('/')
                .next()
                .unwrap()
                .to_string();
            (ty, resolve(&rels, n.attribute("Target").unwrap()))
        })
        .collect()
}

/// What PowerPoint checks before it calls a file damaged: content types, XML, targets
/// that exist, nothing unreachable, slide ids in range.
fn check_package(name: &str, files: &BTreeMap<String, Vec<u8>>, slides: usize) {
    let ct = roxmltree::Document::parse(text(&files["[Content_Types].xml"])).unwrap();
    let defaults: BTreeSet<String> = ct
        .descendants()
        .filter(|n| n.has_tag_name("Default"))
        .map(|n| n.attribute("Extension").unwrap().to_lowercase())
        .collect();
    let overrides: BTreeMap<String, String> = ct
        .descendants()
        .filter(|n| n.has_tag_name("Override"))
        .map(|n| {
            let part = n
                .attribute("PartName")
                .unwrap()
                .trim_start_matches('/')
                .to_string();
            (part, n.attribute("ContentType").unwrap().to_string())
        })
        .collect();
    for o in overrides.keys() {
        assert!(
            files.contains_key(o),
            "{name}: override for missing part {o}"
        );
    }
    assert!(
        overrides["ppt/presentation.xml"].ends_with("presentationml.presentation.main+xml"),
        "{name}: a .pptx's main part is a presentation's, not a template's"
    );
    let mut targets = BTreeSet::new();
    for (part, data) in files {
        let ext = part.rsplit('.').next().unwrap().to_lowercase();
        assert!(
            overrides.contains_key(part) || defaults.contains(&ext),
            "{name}: {part} has no content type"
        );
        if ext == "xml" || ext == "rels" {
            roxmltree::Document::parse(text(data))
                .unwrap_or_else(|e| panic!("{name}: {part}: {e}"));
        }
        if ext == "rels" {
            let doc = roxmltree::Document::parse(text(data)).unwrap();
            let mut ids = BTreeSet::new();
            for r in doc.descendants().filter(|n| n.has_tag_name("Relationship")) {
                assert!(
                    ids.insert(r.attribute("Id").unwrap()),
                    "{name}: {part} repeats an id"
                );
                if r.attribute("TargetMode") == Some("External") {
                    continue;
                }
                let t = resolve(part, r.attribute("Target").unwrap());
                assert!(
                    files.contains_key(&t),
                    "{name}: {part} points at missing {t}"
                );
                targets.insert(t);
            }
        }
    }
    for part in files.keys() {
        if part != "[Content_Types].xml" && !part.ends_with(".rels") {
            assert!(targets.contains(part), "{name}: nothing points at {part}");
        }
    }
    let pres = roxmltree::Document::parse(text(&files["ppt/presentation.xml"])).unwrap();
    let ids: Vec<u64> = pres
        .descendants()
        .filter(|n| n.tag_name().name() == "sldId")
        .map(|n| n.attribute("id").unwrap().parse().unwrap())
        .collect();
    assert_eq!(ids.len(), slides, "{name}: slides");
    assert!(
        ids.iter().all(|i| (256..2_147_483_648).contains(i)),
        "{name}"
    );
    assert_eq!(
        ids.iter().collect::<BTreeSet<_>>().len(),
        ids.len(),
        "{name}"
    );
    assert!(
        pres.descendants()
            .any(|n| n.tag_name().name() == "notesMasterId"),
        "{name}: notes pages need a notes master"
    );
}

/// The layout types of the template's first master.
fn layout_types(files: &BTreeMap<String, Vec<u8>>) -> BTreeMap<String, String> {
    files
        .iter()
        .filter(|(p, _)| p.starts_with("ppt/slideLayouts/slideLayout") && p.ends_with(".xml"))
        .map(|(p, d)| {
            let doc = roxmltree::Document::parse(text(d)).unwrap();
            (
                p.clone(),
                doc.root_element()
                    .attribute("type")
                    .unwrap_or("cust")
                    .to_string(),
            )
        })
        .collect()
}

/// Imports `case`, checks the theme and builds the seed as .pptx and .html in one folder.
fn import_and_build(case: &Case) -> Ran {
    Test::new()
        .file(case.file, template(case.file))
        .seed("lecture.txt")
        .args(["theme", "import", case.file, "dept"])
        .stdout_has("taken:")
        .run()
        .then()
        .args(["theme", "check", "dept"])
        .stdout_has("is fine")
        .run()
        .then()
        .args(["build", "lecture.txt", "--theme", "dept", "-o", "deck.pptx"])
        .run()
        .then()
        .args(["build", "lecture.txt", "--theme", "dept", "-o", "deck.html"])
        .run()
}

#[test]
fn every_template_imports_checks_and_builds_on_itself() {
    for case in CASES {
        let name = case.file;
        let ran = import_and_build(case);
        let toml = String::from_utf8(ran.read("dept/theme.toml")).unwrap();
        assert!(
            toml.contains(&format!("primary = \"#{}\"", case.accent)),
            "{name}:\n{toml}"
        );
        assert!(
            toml.contains(&format!("aspect = \"{}\"", case.aspect)),
            "{name}:\n{toml}"
        );
        let title_fonts = toml.lines().find(|l| l.starts_with("title = ")).unwrap();
        assert!(
            title_fonts.contains(&format!("\"{}\"", case.ea)),
            "{name}: {title_fonts}"
        );
        let ext = name.rsplit('.').next().unwrap();
        assert!(
            toml.contains(&format!("file = \"template.{ext}\"")),
            "{name}"
        );
        assert_eq!(
            ran.read(&format!("dept/template.{ext}")),
            template(name),
            "{name}"
        );

        // the .pptx is the template with lectern's slides
        let tpl = entries(&template(name));
        let out = entries(&ran.read("deck.pptx"));
        check_package(name, &out, 17);
        let accent = case.accent;
        let themes: String = out
            .iter()
            .filter(|(p, _)| p.starts_with("ppt/theme/"))
            .map(|(_, d)| text(d).to_lowercase())
            .collect();
        assert!(
            themes.contains(&format!("val=\"{accent}\"")),
            "{name}: the colour scheme is kept"
        );
        for (part, data) in tpl.iter().filter(|(p, _)| {
            p.starts_with("ppt/slideMasters/") || p.starts_with("ppt/slideLayouts/")
        }) {
            if !part.ends_with(".rels") {
                assert_eq!(
                    out.get(part),
                    Some(data),
                    "{name}: {part} is the template's own"
                );
            }
        }
        let master_media: BTreeSet<&Vec<u8>> = tpl
            .keys()
            .filter(|p| p.starts_with("ppt/slideMasters/") || p.starts_with("ppt/slideLayouts/"))
            .filter(|p| !p.contains("_rels"))
            .flat_map(|p| rels(&tpl, p))
            .filter(|(ty, _)| ty == "image")
            .filter_map(|(_, t)| tpl.get(&t))
            .collect();
        assert_eq!(
            !master_media.is_empty(),
            case.pictures,
            "{name}: pictures on master or layouts"
        );
        let out_media: BTreeSet<&Vec<u8>> = out
            .iter()
            .filter(|(p, _)| p.starts_with("ppt/media/"))
            .map(|(_, d)| d)
            .collect();
        assert!(
            master_media.is_subset(&out_media),
            "{name}: the master's pictures are kept"
        );
        // the template's sample slides are gone; lectern's are on layouts chosen by type
        let types = layout_types(&out);
        let has = |t: &str| types.values().any(|v| v == t);
        let layout_of = |n: usize| {
            let slide = format!("ppt/slides/slide{n}.xml");
            let (_, layout) = rels(&out, &slide)
                .into_iter()
                .find(|(ty, _)| ty == "slideLayout")
                .unwrap();
            types[&layout].clone()
        };
        for (n, want) in [(1, "title"), (3, "secHead"), (5, "obj")] {
            if has(want) {
                assert_eq!(layout_of(n), want, "{name}: slide {n}");
            }
        }
        let first = text(&out["ppt/slides/slide1.xml"]);
        assert!(
            first.contains("强化创新驱动"),
            "{name}: the title is on the first slide"
        );
        assert!(
            !first.contains("样例"),
            "{name}: the template's own slides are dropped"
        );

        // the HTML deck has the template's colours and pictures
        let html = String::from_utf8(ran.read("deck.html")).unwrap();
        assert!(html.contains(&format!("--primary:#{accent}")), "{name}");
        assert_eq!(
            html.contains("url(data:image/"),
            case.pictures,
            "{name}: the template's pictures are drawn in the HTML deck"
        );
    }
}

/// Layouts are matched by type, not by name: a template whose layouts are named in
/// Chinese (or anything) gets the same layouts.
#[test]
fn layouts_are_chosen_by_type_whatever_their_names() {
    let case = &CASES[1];
    let mut files = entries(&template(case.file));
    for (part, data) in files.iter_mut() {
        if part.starts_with("ppt/slideLayouts/slideLayout") && part.ends_with(".xml") {
            let t = text(data).to_string();
            let renamed = regex_free_rename(&t);
            *data = renamed.into_bytes();
        }
    }
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    for (name, data) in &files {
        zip.start_file(name.as_str(), zip::write::SimpleFileOptions::default())
            .unwrap();
        zip.write_all(data).unwrap();
    }
    let bytes = zip.finish().unwrap().into_inner();
    let ran = Test::new()
        .file("单位模板.potx", bytes)
        .seed("lecture.txt")
        .args(["theme", "import", "单位模板.potx", "dept"])
        .run()
        .then()
        .args(["build", "lecture.txt", "--theme", "dept", "-o", "deck.pptx"])
        .run();
    let out = entries(&ran.read("deck.pptx"));
    let types = layout_types(&out);
    for (n, want) in [
        (1, "title"),
        (2, "obj"),
        (3, "secHead"),
        (5, "obj"),
        (17, "secHead"),
    ] {
        let (_, layout) = rels(&out, &format!("ppt/slides/slide{n}.xml"))
            .into_iter()
            .find(|(ty, _)| ty == "slideLayout")
            .unwrap();
        assert_eq!(types[&layout], want, "slide {n}");
    }
}

/// Every layout renamed `版式` (the names say nothing any more).
fn regex_free_rename(xml: &str) -> String {
    let Some(at) = xml.find("<p:cSld name=\"") else {
        return xml.to_string();
    };
    let start = at + "<p:cSld name=\"".len();
    let end = start + xml[start..].find('"').unwrap();
    format!("{}版式{}", &xml[..start], &xml[end..])
}

fn require() -> bool {
    std::env::var("LECTERN_REQUIRE_BROWSER").is_ok_and(|v| v == "1")
}

fn have(tool: &str, args: &[&str]) -> bool {
    Command::new(tool)
        .args(args)
        .output()
        .is_ok_and(|o| o.status.success())
}

fn out_dir(sub: &str) -> PathBuf {
    let dir = screenshot_dir().join("template").join(sub);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn squeeze(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

#[test]
fn python_pptx_and_libreoffice_open_decks_built_on_every_template() {
    if !(have("soffice", &["--version"])
        && have("pdftotext", &["-v"])
        && have("python3", &["-c", "import pptx"]))
    {
        assert!(
            !require(),
            "LibreOffice, poppler-utils and python-pptx are required here"
        );
        eprintln!("skipped: soffice, pdftotext or python-pptx missing");
        return;
    }
    let dir = out_dir("decks");
    let mut files = Vec::new();
    for case in CASES {
        let ran = import_and_build(case);
        let stem = case.file.rsplit_once('.').unwrap().0;
        let path = dir.join(format!("{stem}.pptx"));
        std::fs::write(&path, ran.read("deck.pptx")).unwrap();
        let read = Command::new("python3")
            .arg(root().join("tests/pptx_read.py"))
            .arg(&path)
            .output()
            .unwrap();
        assert!(
            read.status.success(),
            "{stem}: {}",
            String::from_utf8_lossy(&read.stderr)
        );
        let json: serde_json::Value = serde_json::from_slice(&read.stdout).unwrap();
        let slides = json["slides"].as_array().unwrap();
        assert_eq!(slides.len(), 17, "{stem}");
        let first: String = slides[0]["shapes"]
            .as_array()
            .unwrap()
            .iter()
            .filter_map(|s| s["text"].as_str())
            .collect();
        assert!(first.contains("强化创新驱动"), "{stem}: {first}");
        assert!(
            slides
                .iter()
                .all(|s| !s["notes"].as_array().unwrap().is_empty()),
            "{stem}: every slide has its notes"
        );
        files.push(path);
    }
    libreoffice_pdf(&dir, &files);
    for path in &files {
        let pdf = path.with_extension("pdf");
        assert!(pdf.exists(), "{}: LibreOffice wrote no PDF", path.display());
        let info = Command::new("pdfinfo").arg(&pdf).output().unwrap();
        let info = String::from_utf8_lossy(&info.stdout);
        let pages = info
            .lines()
            .find_map(|l| l.strip_prefix("Pages:"))
            .map(str::trim);
        assert_eq!(pages, Some("17"), "{}", pdf.display());
        let txt = Command::new("pdftotext")
            .arg(&pdf)
            .arg("-")
            .output()
            .unwrap();
        let txt = squeeze(&String::from_utf8_lossy(&txt.stdout));
        for want in [
            "强化创新驱动",
            "目录",
            "学深悟透",
            "生产力是大国博弈的胜负手",
        ] {
            assert!(
                txt.contains(want),
                "{}: {want} not in the PDF",
                pdf.display()
            );
        }
        let stem = path.file_stem().unwrap().to_string_lossy();
        let _ = Command::new("pdftoppm")
            .args(["-r", "40", "-png"])
            .arg(&pdf)
            .arg(dir.join(format!("{stem}-page")))
            .status();
    }
}

/// A picture reduced to a grid of average colours.
fn grid(png: &Path, w: u32, h: u32) -> Vec<[f32; 3]> {
    let img = image::open(png)
        .unwrap_or_else(|e| panic!("{}: {e}", png.display()))
        .to_rgb8();
    let small = image::imageops::resize(&img, w, h, image::imageops::FilterType::Triangle);
    small
        .pixels()
        .map(|p| [p[0] as f32, p[1] as f32, p[2] as f32])
        .collect()
}

/// The share of grid cells whose colours are close in the two pictures.
fn alike(a: &[[f32; 3]], b: &[[f32; 3]]) -> f32 {
    let close = a
        .iter()
        .zip(b)
        .filter(|(x, y)| {
            x.iter()
                .zip(y.iter())
                .map(|(p, q)| (p - q).abs())
                .sum::<f32>()
                < 60.0
        })
        .count();
    close as f32 / a.len() as f32
}

/// The HTML deck in Chromium against LibreOffice's rendering of the same slides built on
/// the template (the template's own layouts): the point slide and the title slide agree
/// on most of a 16×9 grid of colours (background, bands, logo), far more than the
/// built-in red theme does.
#[test]
fn html_decks_look_like_libreoffice_renders_the_template() {
    let test = "html_decks_look_like_libreoffice_renders_the_template";
    if !(have("soffice", &["--version"]) && have("pdftoppm", &["-v"])) {
        assert!(
            !require(),
            "LibreOffice and poppler-utils are required here"
        );
        eprintln!("skipped: soffice or pdftoppm missing");
        return;
    }
    let Some(chrome) = chromium(test) else {
        return;
    };
    let dir = out_dir("look");
    let visual: Vec<&Case> = CASES.iter().filter(|c| c.pictures).collect();
    let mut decks = Vec::new();
    for case in &visual {
        let ran = import_and_build(case);
        let stem = case.file.rsplit_once('.').unwrap().0.to_string();
        let pptx = dir.join(format!("{stem}.pptx"));
        std::fs::write(&pptx, ran.read("deck.pptx")).unwrap();
        let html = dir.join(format!("{stem}.html"));
        std::fs::write(&html, ran.read("deck.html")).unwrap();
        let red = Test::new()
            .seed("lecture.txt")
            .args([
                "build",
                "lecture.txt",
                "--aspect",
                case.aspect,
                "-o",
                "red.html",
            ])
            .run();
        let red_html = dir.join(format!("{stem}-red.html"));
        std::fs::write(&red_html, red.read("red.html")).unwrap();
        decks.push((stem, pptx, html, red_html));
    }
    let pptxs: Vec<PathBuf> = decks.iter().map(|d| d.1.clone()).collect();
    libreoffice_pdf(&dir, &pptxs);
    for (stem, pptx, html, red_html) in &decks {
        let pdf = pptx.with_extension("pdf");
        for (slide, kind) in [(5, "point"), (1, "title")] {
            let lo = dir.join(format!("{stem}-lo-{kind}"));
            let status = Command::new("pdftoppm")
                .args([
                    "-r",
                    "40",
                    "-png",
                    "-singlefile",
                    "-f",
                    &slide.to_string(),
                    "-l",
                    &slide.to_string(),
                ])
                .arg(&pdf)
                .arg(&lo)
                .status()
                .unwrap();
            assert!(status.success(), "{stem}: pdftoppm");
            let lo = lo.with_extension("png");
            let shot = |deck: &Path, name: &str| {
                let page = chrome.open(&file_url(deck, &format!("#/{slide}")));
                page.wait_for(
                    &format!("document.querySelector('#s-{slide}.present')"),
                    "the slide shows",
                );
                page.wait_for("document.fonts.status === 'loaded'", "fonts load");
                let png = page.screenshot(&format!("template/look/{name}"));
                // keep only the canvas: the window may be wider than a 4:3 slide
                crop_to_canvas(&png, &page);
                png
            };
            let ours = shot(html, &format!("{stem}-html-{kind}"));
            let red = shot(red_html, &format!("{stem}-red-{kind}"));
            let (gl, go, gr) = (grid(&lo, 16, 9), grid(&ours, 16, 9), grid(&red, 16, 9));
            let (like, unlike) = (alike(&gl, &go), alike(&gl, &gr));
            eprintln!("{stem} {kind}: HTML agrees with LibreOffice on {:.0} % of the grid, red on {:.0} %", like * 100.0, unlike * 100.0);
            // a title slide is mostly its big title, set differently by the two
            let need = if kind == "title" { 0.5 } else { 0.7 };
            assert!(
                like >= need,
                "{stem} {kind}: the HTML deck agrees with LibreOffice on only {:.0} %",
                like * 100.0
            );
            assert!(
                like > unlike + 0.1,
                "{stem} {kind}: no closer to the template than the red theme"
            );
        }
    }
}

/// Crops a screenshot to the slide canvas (`.reveal > .slides`).
fn crop_to_canvas(png: &Path, page: &crate::common::browser::Page) {
    let r: Vec<f64> = page.eval(
        "(() => { const r = document.querySelector('.reveal > .slides').getBoundingClientRect(); return [r.left * devicePixelRatio, r.top * devicePixelRatio, r.width * devicePixelRatio, r.height * devicePixelRatio]; })()",
    );
    let img = image::open(png).unwrap();
    let cropped = img.crop_imm(
        r[0].max(0.0) as u32,
        r[1].max(0.0) as u32,
        r[2] as u32,
        r[3] as u32,
    );
    cropped.save(png).unwrap();
}

/// A compound file with one stream of `name` (an old .ppt, or an encrypted package).
fn ole(name: &str) -> Vec<u8> {
    let mut file = cfb::CompoundFile::create(std::io::Cursor::new(Vec::new())).unwrap();
    file.create_stream(name)
        .unwrap()
        .write_all(b"not a package")
        .unwrap();
    file.flush().unwrap();
    file.into_inner().into_inner()
}

fn zip_of(entries: &[(&str, &[u8])]) -> Vec<u8> {
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let opts = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    for (name, data) in entries {
        zip.start_file(*name, opts).unwrap();
        zip.write_all(data).unwrap();
    }
    zip.finish().unwrap().into_inner()
}

#[test]
fn bad_templates_are_refused_and_leave_no_folder() {
    let rels = br#"<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="ppt/presentation.xml"/></Relationships>"#;
    let pres = br#"<?xml version="1.0"?><p:presentation xmlns:p="http://schemas.openxmlformats.org/presentationml/2006/main"><p:sldSz cx="9144000" cy="6858000"/></p:presentation>"#;
    let no_master = zip_of(&[("_rels/.rels", rels), ("ppt/presentation.xml", pres)]);
    let word = zip_of(&[("word/document.xml", b"<w:document/>")]);
    // a 200 MB picture (zeros, so the file itself is small)
    let mut huge = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let opts = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .large_file(true);
    huge.start_file("_rels/.rels", opts).unwrap();
    huge.write_all(rels).unwrap();
    huge.start_file("ppt/media/image1.png", opts).unwrap();
    let block = vec![0u8; 1 << 20];
    for _ in 0..200 {
        huge.write_all(&block).unwrap();
    }
    let huge = huge.finish().unwrap().into_inner();
    let cases: Vec<(&str, Vec<u8>, &str)> = vec![
        (
            "notes.pptx",
            "这是一段文字".as_bytes().to_vec(),
            "it is not a zip package",
        ),
        ("old.ppt", ole("PowerPoint Document"), "PowerPoint 97–2003"),
        (
            "locked.pptx",
            ole("EncryptedPackage"),
            "protected by a password",
        ),
        ("bare.pptx", no_master, "has no slide master"),
        ("letter.pptx", word, "not a PowerPoint presentation"),
        ("photo.pptx", huge, "ppt/media/image1.png is 200 MB"),
    ];
    for (file, bytes, says) in cases {
        let ran = Test::new()
            .file(file, bytes)
            .args(["theme", "import", file, "dept"])
            .status(1)
            .stderr_has(file)
            .stderr_has(says)
            .run();
        let left: Vec<String> = std::fs::read_dir(ran.dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        assert_eq!(left, [file], "{file}: the import wrote something");
    }
    // and in Chinese
    Test::new()
        .file("old.ppt", ole("PowerPoint Document"))
        .env("LANG", "zh_CN.UTF-8")
        .args(["theme", "import", "old.ppt", "dept"])
        .status(1)
        .stderr_has("旧版 PowerPoint 97–2003 文件")
        .run();
}
