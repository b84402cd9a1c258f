//! An embedded font holds the deck's characters and is far smaller than the font.

use std::collections::BTreeSet;

use lectern::theme::{MemoryFiles, Registry};
use lectern::{compile, Options};

const SEED: &[u8] = include_bytes!("../decks/lecture.txt");
/// From Debian's fonts-noto-cjk (installed by .ci/run): a 19 MB CFF collection.
const NOTO: &str = "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc";

fn noto() -> Option<Vec<u8>> {
    match std::fs::read(NOTO) {
        Ok(bytes) => Some(bytes),
        Err(_) if std::env::var_os("LECTERN_REQUIRE_BROWSER").is_none() => {
            eprintln!("SKIPPED font tests: {NOTO} not found (apt-get install fonts-noto-cjk)");
            None
        }
        Err(e) => panic!("{NOTO}: {e}"),
    }
}

#[test]
fn a_subset_maps_every_character_asked_for_and_is_small() {
    let Some(font) = noto() else { return };
    let text = "强化创新驱动，加快发展新质生产力：谢谢！ABC 123";
    let chars: BTreeSet<char> = text.chars().collect();
    let subset = lectern::fonts::subset(&font, &chars).unwrap();
    assert!(subset.missing.is_empty(), "{:?}", subset.missing);
    let face = ttf_parser::Face::parse(&subset.bytes, 0).expect("the subset is a font");
    for c in text.chars().filter(|c| !c.is_whitespace()) {
        assert!(
            face.glyph_index(c).is_some(),
            "{c} is not in the subset's cmap"
        );
    }
    assert!(
        face.glyph_index('党').is_none(),
        "characters not asked for stay out"
    );
    // CFF subsets keep the font's subroutines (about 60 KB for Noto CJK), glyphs add the rest
    assert!(
        subset.bytes.len() * 200 < font.len(),
        "{} bytes",
        subset.bytes.len()
    );
}

#[test]
fn a_theme_embeds_only_the_glyphs_of_the_deck() {
    let Some(font) = noto() else { return };
    let font_len = font.len();
    let theme = MemoryFiles::new("dept")
        .with(
            "theme.toml",
            "name = \"dept\"\nextends = \"red\"\n[fonts]\nembed = \"fonts/noto.ttc\"\nembed_for = \"title\"\n",
        )
        .with("fonts/noto.ttc", font);
    let theme = Registry::new().load_from(&theme).unwrap();
    let plain = compile(SEED, &Options::default()).unwrap();
    let deck = compile(
        SEED,
        &Options {
            theme,
            ..Options::default()
        },
    )
    .unwrap();
    let html = &deck.html;
    assert!(html.contains("@font-face{font-family:\"lectern-embed\";src:url(data:font/otf;base64,"));
    assert!(html.contains("--font-title:\"lectern-embed\",\"FZXiaoBiaoSong-B05S\""));
    assert!(
        html.contains("--font-body:\"Microsoft YaHei\""),
        "body keeps its stack"
    );
    let grow = html.len() - plain.html.len();
    assert!(
        grow * 50 < font_len,
        "the font adds {grow} bytes of {font_len}"
    );
    // every character of every slide title is in the embedded subset
    let b64 = html
        .split("src:url(data:font/otf;base64,")
        .nth(1)
        .and_then(|s| s.split(')').next())
        .unwrap();
    use base64::Engine as _;
    let bytes = base64::engine::general_purpose::STANDARD
        .decode(b64)
        .unwrap();
    let face = ttf_parser::Face::parse(&bytes, 0).unwrap();
    for slide in &deck.slides {
        for c in slide.title.chars() {
            assert!(face.glyph_index(c).is_some(), "{c} of {:?}", slide.title);
        }
    }
}

#[test]
fn a_file_that_is_not_a_font_is_refused_at_its_line() {
    let theme = MemoryFiles::new("dept")
        .with(
            "theme.toml",
            "name = \"d\"\nextends = \"red\"\n[fonts]\nembed = \"x.ttf\"\n",
        )
        .with("x.ttf", b"not a font".to_vec());
    let err = Registry::new().load_from(&theme).unwrap_err().to_string();
    assert!(err.starts_with("dept/theme.toml:4: key `embed`:"), "{err}");
}
