//! Word lectures: each .docx fixture (made by tests/docx/gen.py) reads as its plain-text
//! twin and plans to the same slides; every kind of bad file gets its own clear error,
//! and no mutated file makes the reader panic.

use std::io::{Cursor, Read, Write};
use std::path::{Path, PathBuf};

use crate::common::cli::Test;
use lectern::input::docx::{convert, DocxError};
use lectern::{Format, Kind, PlanOptions};

const FIXTURES: [&str; 7] = [
    "styles_numbering",
    "direct_numbering",
    "articles",
    "tracked_changes",
    "runs_fields_controls",
    "table_outline",
    "pictures",
];

fn dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/docx")
}

fn read(name: &str) -> Vec<u8> {
    std::fs::read(dir().join(name)).unwrap_or_else(|e| panic!("{name}: {e}"))
}

fn parse(bytes: &[u8], format: Format) -> Result<lectern::Parsed, lectern::Error> {
    let opts = lectern::Options {
        format,
        ..lectern::Options::default()
    };
    lectern::parse(bytes, &opts)
}

/// What a reader of the deck sees of each slide.
fn slides(bytes: &[u8], format: Format) -> Vec<(Kind, String, Option<String>, Vec<String>)> {
    let parsed = parse(bytes, format).expect("parses");
    let deck = lectern::plan::plan(&parsed.lecture, &PlanOptions::default());
    deck.slides
        .into_iter()
        .map(|s| (s.kind, s.title.clone(), s.badge.clone(), s.notes_text()))
        .collect()
}

#[test]
fn each_fixture_reads_as_its_twin_and_plans_the_same_slides() {
    for name in FIXTURES {
        let docx = read(&format!("{name}.docx"));
        let twin = read(&format!("{name}.txt"));
        let text = convert(&docx)
            .unwrap_or_else(|e| panic!("{name}: {e}"))
            .text;
        let twin_text = String::from_utf8(twin.clone()).unwrap();
        for (i, (got, want)) in text.lines().zip(twin_text.lines()).enumerate() {
            assert_eq!(got, want, "{name}: paragraph {}", i + 1);
        }
        assert_eq!(text.lines().count(), twin_text.lines().count(), "{name}");
        let from_docx = slides(&docx, Format::Docx);
        assert!(from_docx.len() >= 4, "{name}: {from_docx:?}");
        assert_eq!(from_docx, slides(&twin, Format::Plain), "{name}");
    }
}

fn outline(name: &str) -> Vec<(Kind, String)> {
    slides(&read(name), Format::Docx)
        .into_iter()
        .map(|(k, t, b, _)| (k, format!("{}{t}", b.map(|b| b + " ").unwrap_or_default())))
        .collect()
}

#[test]
fn heading_styles_make_parts_and_sections() {
    let o = outline("styles_numbering.docx");
    let titles: Vec<&str> = o.iter().map(|(_, t)| t.as_str()).collect();
    assert_eq!(o[0].0, Kind::Title);
    assert_eq!(
        o.iter().filter(|(k, _)| *k == Kind::Part).count(),
        2,
        "{titles:?}"
    );
    assert!(
        titles.contains(&"（二） 聚焦源头本质，准确把握必然路径"),
        "{titles:?}"
    );
    assert!(
        titles.contains(&"第二 创新是引领发展的源动力"),
        "{titles:?}"
    );
    assert!(titles.contains(&"2 强化成果转化"), "{titles:?}");
}

#[test]
fn restarts_and_numid_zero() {
    let text = convert(&read("direct_numbering.docx")).unwrap().text;
    let numbered: Vec<&str> = text
        .lines()
        .filter(|l| l.starts_with(['1', '2', '3']))
        .collect();
    assert_eq!(
        numbered,
        [
            "1. 坚持读原著学原文。",
            "2. 坚持联系实际。",
            "1. 选优配强带头人。",
            "2. 完善激励机制。"
        ]
    );
    assert!(text.contains("\n这一段落的样式带编号"));
}

#[test]
fn articles_count_on_across_parts() {
    let text = convert(&read("articles.docx")).unwrap().text;
    assert!(text.contains("\n二、学习内容部分的规定\n第五条 "), "{text}");
    assert!(text.contains("\n第十二条 "), "{text}");
}

#[test]
fn tracked_changes_are_accepted() {
    let text = convert(&read("tracked_changes.docx")).unwrap().text;
    assert!(text.contains("今天我们集中讲三个问题。"));
    assert!(!text.contains("我简单") && !text.contains("被删除"));
    assert!(text.contains("\n要把纪律挺在前面。\n"));
    assert!(text.contains("\n二、严明政治纪律\n"), "{text}");
    assert_eq!(text.matches("（移走的句子）").count(), 1);
}

#[test]
fn title_and_outline_hints_are_reported() {
    let parsed = parse(&read("table_outline.docx"), Format::Docx).unwrap();
    assert_eq!(
        parsed.lecture.meta.title.as_deref(),
        Some("推进全面从严治党向纵深发展")
    );
    let messages: Vec<&str> = parsed
        .diagnostics
        .iter()
        .map(|d| d.message.as_str())
        .collect();
    assert!(
        messages
            .iter()
            .any(|m| m.contains("paragraph 2 (the Word title)")),
        "{messages:?}"
    );
    let numbered: Vec<usize> = parsed
        .diagnostics
        .iter()
        .filter(|d| d.message.contains("numbered"))
        .map(|d| d.line)
        .collect();
    assert_eq!(numbered, [5, 7, 13], "{messages:?}");
}

/// An OLE compound file holding the named streams, as Word writes encrypted files and
/// old .doc files.
fn build(bytes: &[u8]) -> lectern::Compiled {
    let opts = lectern::Options {
        format: Format::Docx,
        ..lectern::Options::default()
    };
    lectern::compile(bytes, &opts).expect("builds")
}

/// The pictures (`data:` URIs) shown on the slide with this title.
fn pictures_on(compiled: &lectern::Compiled, title: &str) -> Vec<String> {
    let slide = compiled
        .deck
        .slides
        .iter()
        .find(|s| s.title == title)
        .unwrap_or_else(|| panic!("no slide {title}"));
    slide
        .content
        .iter()
        .filter_map(|b| match b {
            lectern::deck::Block::Image(img) => {
                Some(lectern::input::images::data_uri(img.mime, &img.data))
            }
            _ => None,
        })
        .collect()
}

#[test]
fn pictures_show_on_the_slide_of_their_section() {
    let compiled = build(&read("pictures.docx"));
    let small = pictures_on(&compiled, "学习形式更加丰富");
    assert_eq!(small.len(), 1, "{small:?}");
    assert!(small[0].starts_with("data:image/png;base64,"));
    let shown = lectern::render::html::block_html(
        &compiled
            .deck
            .slides
            .iter()
            .find(|s| s.title == "学习形式更加丰富")
            .unwrap()
            .content[0],
    );
    assert!(
        shown.contains("alt=\"集中学习现场\"")
            && shown.contains("<figcaption>集中学习现场</figcaption>"),
        "{shown}"
    );
    // The deck itself carries it, once, on that section's slide.
    let at = compiled.html.find("data-kind=\"section\"").unwrap();
    let slide = &compiled.html[at..at + compiled.html[at..].find("</section>").unwrap()];
    assert!(slide.contains("学习形式更加丰富"), "{slide}");
    assert!(slide.contains(" src=\"data:image/png;base64,"), "{slide}");
    assert_eq!(compiled.html.matches(" src=\"data:").count(), 2);
    // The alt text is read once, in the notes.
    let notes: Vec<String> = compiled
        .deck
        .slides
        .iter()
        .flat_map(|s| s.notes_text())
        .collect();
    assert_eq!(
        notes.iter().filter(|n| n.contains("集中学习现场")).count(),
        1,
        "{notes:?}"
    );
    assert!(notes.iter().all(|n| !n.is_empty()), "{notes:?}");
    assert!(
        compiled.diagnostics().is_empty(),
        "{:?}",
        compiled.diagnostics()
    );

    // The 3000×2000 picture is scaled down to what a slide shows.
    let big = pictures_on(&compiled, "学习规模不断扩大");
    assert_eq!(big.len(), 1);
    let (_, b64) = big[0].split_once(";base64,").unwrap();
    use base64::Engine as _;
    let bytes = base64::engine::general_purpose::STANDARD
        .decode(b64)
        .unwrap();
    let img = image::load_from_memory(&bytes).unwrap();
    assert!(
        img.width() <= 1600 && img.height() <= 900,
        "{}x{}",
        img.width(),
        img.height()
    );
    assert!(img.width() >= 1000, "{}x{}", img.width(), img.height());
}

#[test]
fn a_damaged_or_missing_picture_is_a_warning_and_the_deck_still_builds() {
    let damaged = rezip(&read("pictures.docx"), &mut |name, data| {
        if name == "word/media/image1.png" {
            let mut bad = data[..40].to_vec();
            bad.extend(std::iter::repeat_n(0x5A, 200));
            bad
        } else {
            data
        }
    });
    let compiled = build(&damaged);
    assert!(pictures_on(&compiled, "学习形式更加丰富").is_empty());
    assert_eq!(pictures_on(&compiled, "学习规模不断扩大").len(), 1);
    let warning = compiled
        .diagnostics()
        .iter()
        .find(|d| d.message.contains("picture"))
        .expect("a warning about the picture");
    assert_eq!(warning.severity, lectern::Severity::Warning);
    assert_eq!(warning.line, 7, "{warning:?}");
    assert!(
        warning.message.contains("word/media/image1.png"),
        "{warning:?}"
    );
    // The alt text is still read.
    assert!(compiled
        .deck
        .slides
        .iter()
        .flat_map(|s| s.notes_text())
        .any(|n| n.contains("集中学习现场")));

    // A relationship that points at no part: the same, a warning and a deck.
    let missing = rezip(&read("pictures.docx"), &mut |name, data| {
        if name == "word/_rels/document.xml.rels" {
            String::from_utf8(data)
                .unwrap()
                .replace("media/image2.png", "media/gone.png")
                .into_bytes()
        } else {
            data
        }
    });
    let compiled = build(&missing);
    assert!(pictures_on(&compiled, "学习规模不断扩大").is_empty());
    let warning = compiled
        .diagnostics()
        .iter()
        .find(|d| d.message.contains("missing"))
        .expect("warned");
    assert_eq!(warning.line, 9, "{warning:?}");
}

fn ole(streams: &[&str]) -> Vec<u8> {
    let mut file = cfb::CompoundFile::create(Cursor::new(Vec::new())).unwrap();
    for s in streams {
        let mut stream = file.create_stream(format!("/{s}")).unwrap();
        stream.write_all(&[0u8; 64]).unwrap();
    }
    file.flush().unwrap();
    file.into_inner().into_inner()
}

fn error_of(bytes: &[u8]) -> DocxError {
    convert(bytes).expect_err("must fail")
}

#[test]
fn every_bad_file_gets_its_own_error() {
    let bad = |n: &str| error_of(&read(&format!("bad/{n}")));
    assert_eq!(
        error_of(&ole(&["EncryptionInfo", "EncryptedPackage"])),
        DocxError::Encrypted
    );
    assert_eq!(
        error_of(&ole(&["WordDocument", "1Table"])),
        DocxError::OldWord
    );
    assert_eq!(error_of(&ole(&["Workbook"])), DocxError::OtherOle);
    assert_eq!(bad("rtf.doc"), DocxError::Rtf);
    assert_eq!(bad("html.doc"), DocxError::Html { mhtml: false });
    assert_eq!(bad("mhtml.doc"), DocxError::Html { mhtml: true });
    assert_eq!(bad("no_document.docx"), DocxError::NoDocument);
    assert_eq!(bad("not_a_zip.docx"), DocxError::NotDocx);
    assert!(matches!(bad("truncated.docx"), DocxError::Corrupt(_)));
    assert!(matches!(
        bad("corrupt.docx"),
        DocxError::Corrupt(_) | DocxError::BadXml(_)
    ));
    assert!(matches!(bad("bomb.docx"), DocxError::TooLarge(_)));
    assert!(DocxError::Encrypted
        .to_string()
        .starts_with("文件已加密，请取消密码后另存为 .docx"));
}

/// Rewrites a zip with `edit` applied to each entry's bytes (stored, so any content goes).
pub(crate) fn rezip(bytes: &[u8], edit: &mut dyn FnMut(&str, Vec<u8>) -> Vec<u8>) -> Vec<u8> {
    let mut zin = zip::ZipArchive::new(Cursor::new(bytes)).unwrap();
    let mut out = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let opts =
        zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    for i in 0..zin.len() {
        let mut f = zin.by_index(i).unwrap();
        let name = f.name().to_string();
        let mut data = Vec::new();
        f.read_to_end(&mut data).unwrap();
        out.start_file(name.as_str(), opts).unwrap();
        out.write_all(&edit(&name, data)).unwrap();
    }
    out.finish().unwrap().into_inner()
}

#[test]
fn zip_bombs_by_count_and_by_lying_size() {
    let mut many = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let opts =
        zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    for i in 0..10_001 {
        many.start_file(format!("f{i}"), opts).unwrap();
    }
    let many = many.finish().unwrap().into_inner();
    assert!(matches!(error_of(&many), DocxError::TooLarge(_)));

    // The bomb with its declared size set to 100 bytes in both headers.
    let mut lying = read("bad/bomb.docx");
    let name = b"word/document.xml";
    let mut at = 0;
    while let Some(pos) = find(&lying[at..], b"PK\x03\x04").map(|p| p + at) {
        if lying[pos + 30..].starts_with(name) {
            lying[pos + 22..pos + 26].copy_from_slice(&100u32.to_le_bytes());
        }
        at = pos + 4;
    }
    let mut at = 0;
    while let Some(pos) = find(&lying[at..], b"PK\x01\x02").map(|p| p + at) {
        if lying[pos + 46..].starts_with(name) {
            lying[pos + 24..pos + 28].copy_from_slice(&100u32.to_le_bytes());
        }
        at = pos + 4;
    }
    assert!(convert(&lying).is_err());
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

/// xorshift: reproducible noise without a dependency.
struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

fn mutate(rng: &mut Rng, mut data: Vec<u8>) -> Vec<u8> {
    for _ in 0..=rng.below(8) {
        if data.is_empty() {
            break;
        }
        let at = rng.below(data.len());
        match rng.below(5) {
            0 => data[at] ^= 1 << rng.below(8),
            1 => data[at] = b"<>/\"=%0123456789"[rng.below(16)],
            2 => {
                let end = (at + rng.below(64)).min(data.len());
                data.drain(at..end);
            }
            3 => {
                let digits = rng.next().to_string();
                data.splice(at..at, digits.bytes());
            }
            _ => data.truncate(at),
        }
    }
    data
}

#[test]
fn mutated_documents_never_panic() {
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    let mut errors = 0;
    // DOCX_FUZZ_ROUNDS=5000 for a longer run by hand.
    let rounds: usize = std::env::var("DOCX_FUZZ_ROUNDS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(60);
    for name in FIXTURES {
        let good = read(&format!("{name}.docx"));
        for round in 0..rounds {
            let target = ["word/document.xml", "word/numbering.xml", "word/styles.xml"][round % 3];
            let bytes = rezip(&good, &mut |n, data| {
                if n == target {
                    mutate(&mut rng, data)
                } else {
                    data
                }
            });
            if parse(&bytes, Format::Docx).is_err() {
                errors += 1;
            }
            // The container itself, mutated.
            let raw = mutate(&mut rng, good.clone());
            let _ = parse(&raw, Format::Docx);
        }
        // Old Word files with damaged directories and sector tables.
        let doc = ole(&["WordDocument", "1Table", "EncryptedPackage"]);
        for _ in 0..rounds / 3 {
            let _ = convert(&mutate(&mut rng, doc.clone()));
        }
        // Every cut-short file (a download or copy that stopped).
        let opts = lectern::Options {
            format: Format::Docx,
            ..lectern::Options::default()
        };
        for end in (0..good.len()).step_by(211) {
            assert!(lectern::compile(&good[..end], &opts).is_err());
        }
    }
    // Mutated XML mostly fails to parse; the point is that nothing panicked.
    assert!(errors > 0);
}

#[test]
fn cli_names_the_file_and_exits_1_for_each_bad_file() {
    let tmp = tempfile::tempdir().unwrap();
    let encrypted = tmp.path().join("讲稿.docx");
    std::fs::write(&encrypted, ole(&["EncryptionInfo", "EncryptedPackage"])).unwrap();
    let old = tmp.path().join("旧讲稿.wps");
    std::fs::write(&old, ole(&["WordDocument"])).unwrap();
    let mut files = vec![encrypted, old];
    for n in [
        "rtf.doc",
        "html.doc",
        "bomb.docx",
        "truncated.docx",
        "no_document.docx",
    ] {
        files.push(dir().join("bad").join(n));
    }
    for file in files {
        let out = tmp.path().join("out.html");
        let ran = Test::new()
            .arg("build")
            .arg(&file)
            .arg("-o")
            .arg(&out)
            .status(1)
            .run();
        let stderr = &ran.stderr;
        assert_eq!(stderr.lines().count(), 1, "{stderr}");
        assert!(
            stderr.starts_with(&format!("error: {}: ", file.display())),
            "{stderr}"
        );
        assert!(!out.exists());
    }
}

#[test]
fn cli_builds_a_docx_and_says_paragraph() {
    let tmp = tempfile::tempdir().unwrap();
    // A .docx under a .txt name is still read as Word, by its content.
    let renamed = tmp.path().join("table_outline.txt");
    std::fs::write(&renamed, read("table_outline.docx")).unwrap();
    Test::new()
        .arg("outline")
        .arg(dir().join("table_outline.docx"))
        .stdout_has("(paragraph 5)")
        .run();
    Test::new().arg("build").arg(&renamed).run();
    let html = std::fs::read_to_string(tmp.path().join("table_outline.html")).unwrap();
    assert!(html.contains("压实管党治党责任"));
}
