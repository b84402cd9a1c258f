//! The fuzz targets' bodies, one function a target, shared by the libFuzzer binaries in
//! `fuzz_targets/` (`cargo fuzz run NAME`) and by the stable-toolchain runner in
//! `src/bin/mutate.rs`. Each takes any bytes; an error is fine, a panic, a hang or a
//! blow-up in memory is a finding.

use std::sync::Arc;

use lectern::theme::{MemoryFiles, Registry};
use lectern::{Format, Options};

fn opts(format: Format) -> Options {
    Options {
        format,
        ..Options::default()
    }
}

/// Builds one small lecture before the first input: the word list for line breaks is
/// unpacked once a process (seconds in a coverage build), which would otherwise count
/// against the first input's time limit.
pub fn warm() {
    plain("标题\n同志们：\n一、加快发展新质生产力\n我们要坚持创新驱动。\n".as_bytes());
}

/// A plain-text lecture.
pub fn plain(data: &[u8]) {
    let _ = lectern::compile(data, &opts(Format::Plain));
}

/// Pictures a fuzzed Markdown lecture can name: a tiny PNG and SVGs.
struct Pictures;

const PNG_1X1: &[u8] = &[
    0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52,
    0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x01, 0x08, 0x06, 0x00, 0x00, 0x00, 0x1F, 0x15, 0xC4,
    0x89, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x44, 0x41, 0x54, 0x78, 0x9C, 0x63, 0xF8, 0xCF, 0xC0, 0xF0,
    0x1F, 0x00, 0x05, 0x00, 0x01, 0xFF, 0x89, 0x99, 0x3D, 0x1D, 0x00, 0x00, 0x00, 0x00, 0x49, 0x45,
    0x4E, 0x44, 0xAE, 0x42, 0x60, 0x82,
];

impl lectern::Assets for Pictures {
    fn read(&self, path: &str, _allow_outside: bool) -> Result<Vec<u8>, String> {
        Ok(if path.ends_with(".svg") {
            // the path itself becomes the SVG's content: the parser gets fuzzed too
            format!("<svg xmlns=\"http://www.w3.org/2000/svg\">{path}</svg>").into_bytes()
        } else {
            PNG_1X1.to_vec()
        })
    }
}

/// A Markdown lecture; the first byte says whether raw HTML is allowed.
pub fn markdown(data: &[u8]) {
    let Some((&flags, text)) = data.split_first() else {
        return;
    };
    let mut o = opts(Format::Markdown);
    o.overrides.allow_html = Some(flags & 1 == 1);
    o.assets = Some(Arc::new(Pictures));
    let _ = lectern::compile(text, &o);
}

/// A Word file: the package reader, then the whole build.
pub fn docx(data: &[u8]) {
    if lectern::input::docx::convert(data).is_ok() {
        let _ = lectern::compile(data, &opts(Format::Docx));
    }
}

/// `theme.toml` (with a style sheet and a template) and deck settings (front matter,
/// `deck.toml`): the bytes are split at the first NUL into the two.
pub fn settings(data: &[u8]) {
    let text = String::from_utf8_lossy(data);
    let (theme_toml, deck) = text.split_once('\0').unwrap_or((&text, ""));
    let _ = lectern::Settings::from_toml(deck);
    let _ = lectern::Settings::from_yaml(deck);
    let _ = lectern::settings::front_matter(deck);
    let files = MemoryFiles::new("fuzz")
        .with("theme.toml", theme_toml.as_bytes().to_vec())
        .with("style.css", deck.as_bytes().to_vec());
    if let Ok(theme) = Registry::new().load_from(&files) {
        let o = Options {
            theme,
            ..Options::default()
        };
        let _ = lectern::compile(
            b"\xe6\xa0\x87\xe9\xa2\x98\n\xe4\xb8\x80\xe3\x80\x81\xe9\x83\xa8\xe5\x88\x86\n",
            &o,
        );
    }
}

/// Everything at once: the first byte picks the format and the switches, the rest is
/// a lecture with front matter, rendered with a theme whose template comes from the
/// lecture's last line.
pub fn compile_all(data: &[u8]) {
    let Some((&flags, text)) = data.split_first() else {
        return;
    };
    let format = match flags % 3 {
        0 => Format::Plain,
        1 => Format::Markdown,
        _ => Format::Docx,
    };
    let mut o = opts(format);
    o.plan.keep_punctuation = flags & 4 != 0;
    o.overrides.allow_html = Some(flags & 8 != 0);
    o.assets = Some(Arc::new(Pictures));
    if flags & 16 != 0 {
        let source = String::from_utf8_lossy(text);
        let template = source.lines().last().unwrap_or_default().to_string();
        let files = MemoryFiles::new("fuzz")
            .with("theme.toml", "name = \"fuzz\"\nextends = \"red\"\n")
            .with("templates/footer.html.j2", template);
        if let Ok(theme) = Registry::new().load_from(&files) {
            o.theme = theme;
        }
    }
    let _ = lectern::compile(text, &o);
}

/// The whole compile, by the target's name.
pub fn compile(data: &[u8]) {
    compile_all(data)
}

/// Structure-aware: the bytes are a recipe, three bytes a step (what, and how many
/// times, up to 65,535), that builds the lectures random bytes almost never reach —
/// lists, quotations, emphasis, links and raw HTML nested thousands deep, long runs of
/// point markers, and pictures whose headers claim huge sizes — and compiles them as
/// Markdown (raw HTML allowed or not) or plain text.
pub fn deep(data: &[u8]) {
    let Some((&flags, recipe)) = data.split_first() else {
        return;
    };
    let mut text = String::from("# 标题\n\n同志们：\n\n## 一、部分\n\n");
    for step in recipe.chunks(3) {
        let n = match step {
            [_, a, b] => usize::from(u16::from_le_bytes([*a, *b])),
            _ => 1,
        };
        let piece: &str = match step[0] % 16 {
            0 => "- ",
            1 => "1. ",
            2 => "> ",
            3 => "*",
            4 => "**",
            5 => "_",
            6 => "[",
            7 => "](https://www.gov.cn/)",
            8 => "<div>",
            9 => "<ul><li>",
            10 => "</div>",
            11 => "一是，",
            12 => "第一，",
            13 => "（一）",
            14 => "\n",
            _ => {
                // a picture whose header claims n×n pixels (or n×65535)
                let kind = if n % 2 == 0 { "png" } else { "jpg" };
                text.push_str(&format!("\n![图](p-{n}-{}.{kind})\n", (n * 7919) % 65_536));
                continue;
            }
        };
        text.push_str(&piece.repeat(n));
        text.push_str("内容");
    }
    let mut o = opts(if flags & 1 == 0 {
        Format::Markdown
    } else {
        Format::Plain
    });
    o.overrides.allow_html = Some(flags & 2 != 0);
    o.assets = Some(Arc::new(Claims));
    let _ = lectern::compile(text.as_bytes(), &o);
}

/// Pictures named `p-W-H.png` / `p-W-H.jpg`: a few hundred bytes whose header claims
/// W×H pixels.
struct Claims;

impl lectern::Assets for Claims {
    fn read(&self, path: &str, _allow_outside: bool) -> Result<Vec<u8>, String> {
        let mut parts = path.trim_start_matches("p-").split(['-', '.']);
        let mut size = || {
            parts
                .next()
                .and_then(|n| n.parse::<u16>().ok())
                .unwrap_or(1)
        };
        let (w, h) = (size(), size());
        Ok(if path.ends_with(".png") {
            png_claiming(u32::from(w), u32::from(h))
        } else {
            jpeg_claiming(w, h)
        })
    }
}

fn png_claiming(w: u32, h: u32) -> Vec<u8> {
    let mut png = PNG_1X1.to_vec();
    png[16..20].copy_from_slice(&w.to_be_bytes());
    png[20..24].copy_from_slice(&h.to_be_bytes());
    let crc = crc32fast::hash(&png[12..29]);
    png[29..33].copy_from_slice(&crc.to_be_bytes());
    png
}

fn jpeg_claiming(w: u16, h: u16) -> Vec<u8> {
    static GREY: std::sync::OnceLock<Vec<u8>> = std::sync::OnceLock::new();
    let mut jpeg = GREY
        .get_or_init(|| {
            let img = image::GrayImage::from_pixel(16, 16, image::Luma([128]));
            let mut out = Vec::new();
            img.write_to(
                &mut std::io::Cursor::new(&mut out),
                image::ImageFormat::Jpeg,
            )
            .expect("a JPEG");
            out
        })
        .clone();
    if let Some(sof) = jpeg.windows(2).position(|m| m == [0xFF, 0xC0]) {
        jpeg[sof + 5..sof + 7].copy_from_slice(&h.to_be_bytes());
        jpeg[sof + 7..sof + 9].copy_from_slice(&w.to_be_bytes());
    }
    jpeg
}
