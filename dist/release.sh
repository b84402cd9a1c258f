#!/usr/bin/env bash
# Builds the release archives into dist/out/ from a clean checkout:
#   lectern-VERSION-windows-x86_64.zip     lectern.exe (x86_64-pc-windows-gnu, MinGW)
#   lectern-VERSION-linux-x86_64.tar.gz    lectern, static (glibc linked in: runs on any
#   lectern-VERSION-linux-aarch64.tar.gz   Linux with glibc 2.28+ or none, e.g. UOS 20, 麒麟V10)
# each with 使用说明.txt, 示例讲稿.txt, themes/ (the built-in themes as folders) and
# SHA256SUMS, plus dist/out/SHA256SUMS over the archives. The archives are reproducible:
# the same commit and toolchains give the same bytes (fixed dates, order, owners, paths).
# Then dist/same-bytes.sh checks every fixture gives the same HTML, PPTX and outline JSON
# from the Windows build (under Wine) and the aarch64 build (under qemu-user) as here.
#
#   dist/release.sh                  everything
#   dist/release.sh windows          one or more of: windows linux-x86_64 linux-aarch64
#   NO_CHECK=1 dist/release.sh       archives only
#
# Cross builds use Debian's Rust (rustc-web, 1.96) with its standard-library sources
# (-Z build-std); Linux x86-64 uses the rustup toolchain, whose std links statically.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(windows linux-x86_64 linux-aarch64)
version=$(sed -n 's/^version = "\(.*\)"/\1/p' Cargo.toml | head -1)
out=$root/dist/out
export SOURCE_DATE_EPOCH=${SOURCE_DATE_EPOCH:-$(git log -1 --format=%ct 2>/dev/null || echo 315532800)}
export TZ=UTC LC_ALL=C.UTF-8

# What the machine needs, installed only when missing.
need=(python3 file binutils rustc-web cargo-web rust-web-src)
for t in "${targets[@]}"; do
  case $t in
    windows) need+=(gcc-mingw-w64-x86-64 wine wine64) ;;
    linux-x86_64) need+=(libc6-dev gcc) ;;
    linux-aarch64) need+=(gcc-aarch64-linux-gnu libc6-dev-arm64-cross qemu-user-static) ;;
    *) echo "unknown target $t (windows, linux-x86_64, linux-aarch64)" >&2; exit 2 ;;
  esac
done
missing=()
for p in "${need[@]}"; do dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p"); done
if [ ${#missing[@]} -gt 0 ]; then
  DEBIAN_FRONTEND=noninteractive apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# Paths in the binary (panic locations) name the source, not this machine's folders.
remap="--remap-path-prefix=$root=/lectern --remap-path-prefix=${CARGO_HOME:-$HOME/.cargo}=/cargo"

# cross TARGET_DIR TRIPLE LINKER [RUSTFLAGS]: a release build with Debian's Rust, std built
# from source (each cross target in its own target dir, so two can build at once).
cross() {
  local dir=$1 triple=$2 linker=$3 flags=${4:-} var
  var=CARGO_TARGET_$(echo "$triple" | tr 'a-z-' 'A-Z_')
  env RUSTC=/usr/bin/rustc RUSTC_BOOTSTRAP=1 "${var}_LINKER=$linker" "${var}_RUSTFLAGS=$flags" \
    nice -n 19 /usr/bin/cargo build --release --locked -Z build-std=std,panic_abort \
    --target "$triple" --target-dir "$dir"
}

# stage NAME BINARY NOTES EOL: the folder an archive is made from.
stage() {
  local dir=$out/stage/lectern-$version-$1 exe=$2 notes=$3 eol=$4
  rm -rf "$dir"; mkdir -p "$dir/themes"
  cp "$exe" "$dir/"
  chmod 755 "$dir/$(basename "$exe")"
  cp decks/lecture.txt "$dir/示例讲稿.txt"
  for theme in $("$host" themes --lang en | awk '{print $1}'); do
    "$host" theme new "$dir/themes/$theme" --from "$theme" -q
  done
  if [ "$eol" = crlf ]; then
    # Notepad on older Windows 10 wants the BOM and CRLF to show Chinese text right.
    printf '\xef\xbb\xbf' >"$dir/使用说明.txt"
    sed 's/$/\r/' "$notes" >>"$dir/使用说明.txt"
  else
    cp "$notes" "$dir/使用说明.txt"
  fi
  (cd "$dir" && find . -type f ! -name SHA256SUMS | LC_ALL=C sort | sed 's|^\./||' |
    xargs -d '\n' sha256sum >SHA256SUMS)
  [ "$eol" = crlf ] && sed -i 's/$/\r/' "$dir/SHA256SUMS"
  echo "$dir"
}

mkdir -p "$out"
# The Linux x86-64 build exports the themes and is the reference for same-bytes; CI, which
# builds no Linux archive, names its test build instead (LECTERN_HOST=target/debug/lectern).
static=$root/target/xs/x86_64-unknown-linux-gnu/release/lectern
if [[ " ${targets[*]} " == *" linux-x86_64 "* || -z "${LECTERN_HOST:-}" ]]; then
  echo "== linux-x86_64 (static glibc)"
  RUSTFLAGS="-C target-feature=+crt-static -C relocation-model=static $remap" nice -n 19 \
    cargo build --release --locked --target x86_64-unknown-linux-gnu --target-dir target/xs
  file "$static"
  "$static" --version >/dev/null || { echo "$static does not start" >&2; exit 1; }
fi
host=$(realpath -m "${LECTERN_HOST:-$static}")
export LECTERN_REF=$host
archives=()
for t in "${targets[@]}"; do
  case $t in
    windows)
      echo "== windows-x86_64"
      # MinGW's runtime is linked in by Rust's windows-gnu target: the exe needs only
      # system DLLs (checked below).
      cross target x86_64-pc-windows-gnu x86_64-w64-mingw32-gcc
      if x86_64-w64-mingw32-objdump -p target/x86_64-pc-windows-gnu/release/lectern.exe |
        grep 'DLL Name' | grep -Ei 'libgcc|winpthread|libstdc'; then
        echo "lectern.exe needs MinGW DLLs" >&2; exit 1
      fi
      dir=$(stage windows-x86_64 target/x86_64-pc-windows-gnu/release/lectern.exe dist/使用说明-windows.txt crlf | tail -1)
      python3 dist/pack.py "$dir" "$out/lectern-$version-windows-x86_64.zip"
      archives+=("lectern-$version-windows-x86_64.zip")
      ;;
    linux-x86_64)
      dir=$(stage linux-x86_64 "$static" dist/使用说明-linux.txt lf | tail -1)
      python3 dist/pack.py "$dir" "$out/lectern-$version-linux-x86_64.tar.gz"
      archives+=("lectern-$version-linux-x86_64.tar.gz")
      ;;
    linux-aarch64)
      echo "== linux-aarch64 (static glibc)"
      cross target/xa aarch64-unknown-linux-gnu aarch64-linux-gnu-gcc \
        "-C target-feature=+crt-static -C relocation-model=static $remap"
      file target/xa/aarch64-unknown-linux-gnu/release/lectern
      qemu-aarch64-static target/xa/aarch64-unknown-linux-gnu/release/lectern --version >/dev/null ||
        { echo "the aarch64 lectern does not start" >&2; exit 1; }
      dir=$(stage linux-aarch64 target/xa/aarch64-unknown-linux-gnu/release/lectern dist/使用说明-linux.txt lf | tail -1)
      python3 dist/pack.py "$dir" "$out/lectern-$version-linux-aarch64.tar.gz"
      archives+=("lectern-$version-linux-aarch64.tar.gz")
      ;;
  esac
done
# No dynamic glibc symbols at all: nothing newer than 2.28 can be asked for at run time.
for bin in "$static" target/xa/aarch64-unknown-linux-gnu/release/lectern; do
  [ -f "$bin" ] || continue
  if objdump -T "$bin" 2>/dev/null | grep -q GLIBC_; then
    echo "$bin links glibc dynamically:" >&2; objdump -T "$bin" | grep GLIBC_ >&2; exit 1
  fi
done
(cd "$out" && sha256sum "${archives[@]}" >SHA256SUMS && cat SHA256SUMS)

[ -n "${NO_CHECK:-}" ] || dist/same-bytes.sh "${targets[@]}"
