#!/usr/bin/env bash
# Same bytes everywhere: every fixture and corpus lecture built by the Windows build
# (under Wine) and the Linux aarch64 build (under qemu-user) gives byte-identical HTML,
# PPTX and outline JSON, and the same exit status, as the Linux x86-64 build. Then the
# Windows build started as Explorer starts it: a dropped file, a double-click, and its
# messages with a Chinese locale. Run by dist/release.sh (and CI, for Windows); takes
# the targets it checks (windows, linux-aarch64; others are ignored).
#
#   dist/same-bytes.sh windows linux-aarch64
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
ref=${LECTERN_REF:-$root/target/xs/x86_64-unknown-linux-gnu/release/lectern}
[ -x "$ref" ] || ref=$root/target/release/lectern
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export WINEDEBUG=-all

runners=(ref)
for t in "$@"; do
  case $t in
    windows)
      exe=$root/target/x86_64-pc-windows-gnu/release/lectern.exe
      # Wine 8 lacks bcryptprimitives.dll (real Windows 10/11 has it): a stand-in beside a
      # copy of the exe, never in the archive.
      mkdir -p "$work/win"
      cp "$exe" "$work/win/"
      x86_64-w64-mingw32-gcc -shared -o "$work/win/bcryptprimitives.dll" \
        dist/wine/bcryptprimitives.c dist/wine/bcryptprimitives.def -ladvapi32
      wine wineboot -i >/dev/null 2>&1 || true
      runners+=(win)
      ;;
    linux-aarch64) runners+=(arm) ;;
  esac
done
[ ${#runners[@]} -gt 1 ] || { echo "same-bytes: nothing to compare (windows, linux-aarch64)"; exit 0; }

lectern() { # RUNNER ARGS…
  local r=$1; shift
  case $r in
    ref) "$ref" "$@" ;;
    win) wine "$work/win/lectern.exe" "$@" ;;
    arm) qemu-aarch64-static "$root/target/xa/aarch64-unknown-linux-gnu/release/lectern" "$@" ;;
  esac
}

# The lectures, copied with what they refer to (pictures beside them).
mkdir -p "$work/in"
cp -r tests/fixtures/. "$work/in/"
mkdir -p "$work/in/corpus" && cp tests/corpus/*.txt tests/corpus/*.md "$work/in/corpus/"
rm -f "$work/in/corpus/README.md" "$work/in/corpus/GAPS.md"
cp decks/lecture.txt "$work/in/seed.txt"
cd "$work/in"
mapfile -t lectures < <(find . -type f \( -name '*.txt' -o -name '*.md' -o -name '*.docx' \) \
  ! -path './docx/bad/*' | sed 's|^\./||' | LC_ALL=C sort)

differ=0 compared=0
for r in "${runners[@]}"; do
  for l in "${lectures[@]}"; do
    o=$work/out/$r/$l
    mkdir -p "$(dirname "$o")"
    # a failing run is a status to compare, not the end of the script (set -e)
    s=0; lectern "$r" build "$l" -o "$o.html" -q >/dev/null 2>&1 || s=$?; echo "html $s" >"$o.status"
    s=0; lectern "$r" build "$l" -o "$o.pptx" -q >/dev/null 2>&1 || s=$?; echo "pptx $s" >>"$o.status"
    s=0; lectern "$r" outline "$l" --json >"$o.json" 2>/dev/null || s=$?; echo "json $s" >>"$o.status"
  done
done
for r in "${runners[@]:1}"; do
  for l in "${lectures[@]}"; do
    for ext in html pptx json status; do
      a=$work/out/ref/$l.$ext b=$work/out/$r/$l.$ext
      compared=$((compared + 1))
      if [ -e "$a" ] && ! cmp -s "$a" "$b"; then
        echo "DIFFERS ($r): $l.$ext"; differ=$((differ + 1))
      fi
    done
  done
  echo "same-bytes $r: ${#lectures[@]} lectures, html/pptx/json/status compared with the x86-64 build"
done
echo "same-bytes: $compared files compared, $differ differ"
[ "$differ" = 0 ] || exit 1

case " ${runners[*]} " in *" win "*)
  # Wine gives the program a Chinese Windows only when the Linux locale it maps
  # zh_CN.UTF-8 to exists: generate it where it is missing (Debian's locales package).
  if ! locale -a 2>/dev/null | grep -qi '^zh_CN\.utf-\?8$'; then
    if ! command -v locale-gen >/dev/null 2>&1; then
      DEBIAN_FRONTEND=noninteractive apt-get install -y -qq locales >/dev/null
    fi
    sed -i 's/^# *\(zh_CN.UTF-8 UTF-8\)/\1/' /etc/locale.gen
    grep -q '^zh_CN.UTF-8 UTF-8' /etc/locale.gen || echo 'zh_CN.UTF-8 UTF-8' >>/etc/locale.gen
    locale-gen >/dev/null
  fi
  cd "$work"
  # A dropped file (a path, no subcommand) builds its deck beside it; the opener is
  # stubbed (LECTERN_OPENER) so no browser starts.
  mkdir -p drop && cp "$root/decks/lecture.txt" "drop/讲稿.txt"
  # (LC_ALL too: release.sh sets it to C.UTF-8 for its own tools, and it outranks LANG)
  LC_ALL=zh_CN.UTF-8 LANG=zh_CN.UTF-8 LECTERN_OPENER=cmd.exe wine "$work/win/lectern.exe" "drop/讲稿.txt" \
    </dev/null >drop.out 2>&1 || { cat drop.out; exit 1; }
  [ -s "drop/讲稿.html" ] || { echo "a dropped file built no deck"; cat drop.out; exit 1; }
  grep -q '已写入' drop.out || { echo "no Chinese message under LANG=zh_CN.UTF-8"; cat drop.out; exit 1; }
  echo "windows: a dropped 讲稿.txt built 讲稿.html beside it; said: $(grep '已写入' drop.out)"
  ;;
esac
