//! Links the `lectern` binary as a position-dependent executable on Linux (glibc).
//!
//! A PIE binary of this size carries about 44,000 relative relocations (string tables of
//! the HTML entity set, serde field names, vtables): the loader writes every one at start,
//! copying some 220 pages of `.data.rel.ro`, which made `lectern --version` cost 4.6 ms
//! against 0.8 ms for `/bin/true`. Linked with `-no-pie` the addresses are fixed at link
//! time and start-up touches only the pages it reads. Only the binary is affected (the
//! library and tests link as before), and only where the linker is GCC's or Clang's
//! driver on Linux, which both know the flag.

fn main() {
    let os = std::env::var("CARGO_CFG_TARGET_OS").unwrap_or_default();
    let env = std::env::var("CARGO_CFG_TARGET_ENV").unwrap_or_default();
    if os == "linux" && env == "gnu" {
        println!("cargo:rustc-link-arg-bins=-no-pie");
    }
    println!("cargo:rerun-if-changed=build.rs");
}
