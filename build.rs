//! Shrinks the deck's runtime once, at build time, deflates the word list headings are
//! segmented with (`src/words/list.txt`, 3.3 MB of text, 1.2 MB front-coded and deflated), and links the
//! `lectern` binary as a position-dependent executable on Linux (glibc).
//!
//! The runtime script and stylesheet go into every deck shrunk by `src/render/minify.rs`
//! (the same module the library uses for a theme's CSS), and the script's sha256 goes into
//! the deck's Content-Security-Policy. Both were done at every build of a deck, a quarter
//! of the work of building the seed; here they are done once.
//!
//! A PIE binary of this size carries about 44,000 relative relocations (string tables of
//! the HTML entity set, serde field names, vtables): the loader writes every one at start,
//! copying some 220 pages of `.data.rel.ro`, which made `lectern --version` cost 4.6 ms
//! against 0.8 ms for `/bin/true`. Linked with `-no-pie` the addresses are fixed at link
//! time and start-up touches only the pages it reads. Only the binary is affected (the
//! library and tests link as before), and only where the linker is GCC's or Clang's
//! driver on Linux, which both know the flag.

use std::path::PathBuf;

use base64::Engine as _;
use sha2::{Digest, Sha256};

#[path = "src/render/minify.rs"]
mod minify;

fn main() {
    let out = PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"));
    let read = |path: &str| {
        println!("cargo:rerun-if-changed={path}");
        std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{path}: {e}"))
    };
    let js = minify::js(&read("src/runtime/runtime.js"));
    let css = minify::css(&read("src/runtime/runtime.css"));
    let noscript = minify::css(&read("src/runtime/noscript.css"));
    let hash = base64::engine::general_purpose::STANDARD.encode(Sha256::digest(js.as_bytes()));
    println!("cargo:rerun-if-changed=src/render/minify.rs");
    for (name, text) in [
        ("runtime.min.js", js.as_str()),
        ("runtime.min.css", css.as_str()),
        ("noscript.min.css", noscript.as_str()),
        ("runtime.sha256", hash.as_str()),
    ] {
        std::fs::write(out.join(name), text).unwrap_or_else(|e| panic!("{name}: {e}"));
    }

    let words = word_table(&read("src/words/list.txt"));
    let mut packed = flate2::write::DeflateEncoder::new(Vec::new(), flate2::Compression::best());
    std::io::Write::write_all(&mut packed, &words).expect("deflate the word list");
    let packed = packed.finish().expect("deflate the word list");
    std::fs::write(out.join("words.deflate"), packed).expect("words.deflate");

    let os = std::env::var("CARGO_CFG_TARGET_OS").unwrap_or_default();
    let env = std::env::var("CARGO_CFG_TARGET_ENV").unwrap_or_default();
    // A static build (the release archives' crt-static) is linked as static-pie; -no-pie
    // on top made an executable that asks for a loader it does not have, and crashed at
    // start. The release script builds those with `-C relocation-model=static` instead.
    let crt_static = std::env::var("CARGO_CFG_TARGET_FEATURE")
        .unwrap_or_default()
        .split(',')
        .any(|f| f == "crt-static");
    if os == "linux" && env == "gnu" && !crt_static {
        println!("cargo:rustc-link-arg-bins=-no-pie");
    }
    println!("cargo:rerun-if-changed=build.rs");
}

/// The word list as `src/words/mod.rs` reads it back: for each length of 1 to 6
/// ideographs, a count (u32, little-endian), the costs of that length's words (one byte
/// each) in the words' sorted order, then the words front-coded: for each, how many
/// leading characters it shares with the word before (one byte) and the UTF-8 bytes of
/// the rest (3 a character). Sorted words share most of their start, so this deflates to
/// 1.2 MB where the plain records took 1.5 MB (the studio page carries it too).
fn word_table(list: &str) -> Vec<u8> {
    let mut by_len: Vec<Vec<(&str, u8)>> = vec![Vec::new(); 6];
    let mut cost = 0u8;
    for line in list.lines() {
        if let Some(n) = line.strip_prefix('=') {
            cost = n.parse().expect("a cost line is =N");
        } else if !line.starts_with('#') && !line.is_empty() {
            let n = line.chars().count();
            assert!(
                (1..=6).contains(&n) && line.len() == 3 * n,
                "word list: {line} is not 1 to 6 ideographs"
            );
            by_len[n - 1].push((line, cost));
        }
    }
    let mut out = Vec::new();
    for words in &mut by_len {
        words.sort_unstable();
        words.dedup_by(|a, b| a.0 == b.0);
        out.extend_from_slice(&(words.len() as u32).to_le_bytes());
        out.extend(words.iter().map(|(_, c)| *c));
        let mut previous: &[u8] = &[];
        for (w, _) in words.iter() {
            let w = w.as_bytes();
            let shared = w
                .chunks(3)
                .zip(previous.chunks(3))
                .take_while(|(a, b)| a == b)
                .count();
            out.push(shared as u8);
            out.extend_from_slice(&w[3 * shared..]);
            previous = w;
        }
    }
    out
}
