#!/bin/sh
# Builds target/studio/lectern-studio.html: the compiler as WebAssembly (MVP features, for
# Chromium 80+ and Firefox 78+) with the page's own HTML, CSS and JS, in one file.
#
# Needs Debian's rustc-web, cargo-web, rust-web-src (the standard library's sources, which
# -Z build-std compiles for wasm32) and lld (wasm-ld); see shared/TOOLCHAINS.md.
#   apt-get install -y rustc-web cargo-web rust-web-src lld
# Usage: studio/build.sh [OUT]   (default: target/studio/lectern-studio.html)
set -eu
here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
out=${1:-$root/target/studio/lectern-studio.html}
target_dir=${STUDIO_TARGET_DIR:-$root/target/studio/build}

# RUSTC_BOOTSTRAP only for this cross build (build-std is unstable), never the normal one.
cd "$here"
RUSTC=/usr/bin/rustc RUSTC_BOOTSTRAP=1 \
  RUSTFLAGS="-C target-cpu=mvp" \
  CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_LINKER=wasm-ld \
  /usr/bin/cargo build --release --locked \
  -Z build-std=std,panic_abort \
  --target wasm32-unknown-unknown --target-dir "$target_dir"

mkdir -p "$(dirname "$out")"
python3 "$here/page/assemble.py" \
  "$target_dir/wasm32-unknown-unknown/release/lectern_studio.wasm" "$here/page" "$out.tmp"
mv "$out.tmp" "$out"
echo "wrote $out ($(wc -c <"$out") bytes)"
