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
    if lectern::docx::convert(data).is_ok() {
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
