//! Shrinks the deck's runtime once, at build time, and links the `lectern` binary as a
//! position-dependent executable on Linux (glibc).
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

    let os = std::env::var("CARGO_CFG_TARGET_OS").unwrap_or_default();
    let env = std::env::var("CARGO_CFG_TARGET_ENV").unwrap_or_default();
    if os == "linux" && env == "gnu" {
        println!("cargo:rustc-link-arg-bins=-no-pie");
    }
    println!("cargo:rerun-if-changed=build.rs");
}
