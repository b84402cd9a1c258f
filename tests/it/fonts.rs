//! An embedded font holds the deck's characters and is far smaller than the font.

use std::collections::BTreeSet;

use lectern::theme::{MemoryFiles, Registry};
use lectern::{compile, Options};

const SEED: &[u8] = include_bytes!("../../decks/lecture.txt");
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
    let face = ttf_parser::Face::parse(&subset.sfnt, 0).expect("the subset is a font");
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
        subset.sfnt.len() * 200 < font.len(),
        "{} bytes",
        subset.sfnt.len()
    );
    assert!(
        subset.woff.len() < subset.sfnt.len() * 3 / 4,
        "WOFF packs it"
    );
    assert_eq!(
        unwoff(&subset.woff),
        subset.sfnt,
        "the WOFF holds the same tables"
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
    assert!(
        html.contains("@font-face{font-family:\"lectern-embed\";src:url(data:font/woff;base64,")
    );
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
        .split("src:url(data:font/woff;base64,")
        .nth(1)
        .and_then(|s| s.split(')').next())
        .unwrap();
    use base64::Engine as _;
    let bytes = base64::engine::general_purpose::STANDARD
        .decode(b64)
        .unwrap();
    let sfnt = unwoff(&bytes);
    let face = ttf_parser::Face::parse(&sfnt, 0).unwrap();
    for slide in &deck.deck.slides {
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

/// WOFF 1.0 back to the OpenType font it packs (tables in the same order and places).
fn unwoff(woff: &[u8]) -> Vec<u8> {
    use std::io::Read as _;
    let u16_at = |i: usize| u16::from_be_bytes([woff[i], woff[i + 1]]);
    let u32_at = |i: usize| u32::from_be_bytes(woff[i..i + 4].try_into().unwrap());
    assert_eq!(&woff[..4], b"wOFF");
    let count = usize::from(u16_at(12));
    let mut out = woff[4..8].to_vec();
    out.extend((count as u16).to_be_bytes());
    let (mut sr, mut es) = (1u16, 0u16);
    while usize::from(sr) * 2 <= count {
        sr *= 2;
        es += 1;
    }
    out.extend((sr * 16).to_be_bytes());
    out.extend(es.to_be_bytes());
    out.extend((count as u16 * 16 - sr * 16).to_be_bytes());
    let mut data = Vec::new();
    let mut dir = Vec::new();
    for i in 0..count {
        let r = 44 + 20 * i;
        let (tag, off, comp, orig, sum) = (
            u32_at(r),
            u32_at(r + 4),
            u32_at(r + 8),
            u32_at(r + 12),
            u32_at(r + 16),
        );
        let stored = &woff[off as usize..(off + comp) as usize];
        let table = if comp < orig {
            let mut t = Vec::new();
            flate2::read::ZlibDecoder::new(stored)
                .read_to_end(&mut t)
                .unwrap();
            t
        } else {
            stored.to_vec()
        };
        let at = 12 + 16 * count + data.len();
        for v in [tag, sum, at as u32, orig] {
            dir.extend(v.to_be_bytes());
        }
        data.extend(table);
        data.resize((data.len() + 3) & !3, 0);
    }
    out.extend(dir);
    out.extend(data);
    out
}
