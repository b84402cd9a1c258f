#!/usr/bin/env bash
# Whole-process comparison on this machine: lectern against Marp CLI and pandoc + reveal.js
# on the same lecture (as HTML, then as .pptx), medians of RUNS runs from one hyperfine run, peak memory from
# /usr/bin/time, output sizes; then lectern's growth at 1x, 10x and 100x the seed.
# Installs what is missing (hyperfine from Debian; Marp CLI and reveal.js from npm; pandoc 3
# from PyPI's pypandoc_binary) under target/bench-tools. Usage: benches/compare.sh [LECTURE]
set -euo pipefail
cd "$(dirname "$0")/.."
lecture=${1:-decks/lecture.txt}
runs=${RUNS:-5}
tools=$PWD/target/bench-tools
work=$PWD/target/bench-compare
mkdir -p "$tools" "$work"

if ! command -v hyperfine >/dev/null; then
  apt-get update -qq && apt-get install -y -qq hyperfine >/dev/null
fi
if [ ! -x "$tools/node_modules/.bin/marp" ] || [ ! -d "$tools/node_modules/reveal.js" ]; then
  npm install --prefix "$tools" --no-audit --no-fund --silent @marp-team/marp-cli@4.5.1 reveal.js@5 >/dev/null
fi
if [ ! -x "$tools/py/pypandoc/files/pandoc" ]; then
  pip install -q --target "$tools/py" pypandoc_binary >/dev/null
fi
marp=$tools/node_modules/.bin/marp
pandoc=$tools/py/pypandoc/files/pandoc
reveal=$tools/node_modules/reveal.js

cargo build --release -q
lectern=$PWD/target/release/lectern
$lectern build "$lecture" -o "$work/lectern.html" 2>/dev/null
python3 benches/inputs.py "$lecture" "$work/lectern.html" "$work"

cd "$work"
lectern_cmd="$lectern build seed1.txt -o lectern.html"
marp_cmd="$marp --no-stdin --html seed.marp.md -o marp.html"
pandoc_cmd="$pandoc -t revealjs --embed-resources --standalone -V revealjs-url=$reveal seed.pandoc.md -o pandoc.html"

hyperfine -N --warmup 1 --runs "$runs" --export-json times.json \
  -n lectern "$lectern_cmd" -n marp "$marp_cmd" -n pandoc "$pandoc_cmd" >/dev/null 2>&1
hyperfine -N --warmup 1 --runs "$runs" --export-json scale.json \
  -n 1x "$lectern build seed1.txt -o s1.html" -n 10x "$lectern build seed10.txt -o s10.html" \
  -n 100x "$lectern build seed100.txt -o s100.html" >/dev/null 2>&1

peak() { # median peak resident memory in MiB of three runs
  for _ in 1 2 3; do /usr/bin/time -f %M "$@" >/dev/null 2>"$work/mem" || true; tail -1 "$work/mem"; done |
    sort -n | sed -n 2p | awk '{printf "%.1f", $1 / 1024}'
}

python3 - "$(peak $lectern_cmd)" "$(peak $marp_cmd)" "$(peak $pandoc_cmd)" \
  "$("$marp" --version | head -1)" "$("$pandoc" --version | head -1)" <<'PY'
import json, os, sys
mem = dict(zip(["lectern", "marp", "pandoc"], sys.argv[1:4]))
times = {r["command"]: r["median"] for r in json.load(open("times.json"))["results"]}
size = {"lectern": "lectern.html", "marp": "marp.html", "pandoc": "pandoc.html"}
print(f"versions: {sys.argv[4]}; {sys.argv[5]}; reveal.js 5")
print("| tool | median | peak memory | output | time vs lectern |")
print("|---|---|---|---|---|")
for tool in ("lectern", "marp", "pandoc"):
    t = times[tool]
    print(f"| {tool} | {t * 1000:.1f} ms | {mem[tool]} MiB | {os.path.getsize(size[tool]) / 1024:.0f} KB "
          f"| {t / times['lectern']:.0f}× |")
scale = {r["command"]: r["median"] for r in json.load(open("scale.json"))["results"]}
kb = {n: os.path.getsize(f"seed{n}.txt") / 1024 for n in (1, 10, 100)}
print()
print("| lectern input | size | median | per KB of input |")
print("|---|---|---|---|")
for n in (1, 10, 100):
    t = scale[f"{n}x"]
    print(f"| {n}× seed | {kb[n]:.0f} KB | {t * 1000:.1f} ms | {t * 1000 / kb[n]:.3f} ms |")
PY

# PowerPoint: the same slides as .pptx from lectern, pandoc's pptx writer and Marp's --pptx
# (Marp renders each slide in Chromium to a picture). Time, size, and — read back with
# python-pptx — whether the slides hold editable text and whether the notes came along.
export CHROME_PATH=${CHROME_PATH:-$(command -v chromium || true)}
lectern_pptx="$lectern build seed1.txt -o lectern.pptx"
pandoc_pptx="$pandoc -t pptx seed.pandoc.md -o pandoc.pptx"
marp_pptx="$marp --no-stdin --pptx --allow-local-files seed.marp.md -o marp.pptx"
hyperfine -N --warmup 1 --runs "$runs" --export-json pptx.json \
  -n lectern "$lectern_pptx" -n pandoc "$pandoc_pptx" -n marp "$marp_pptx" >/dev/null 2>&1 || true
python3 - <<'PY'
import json, os
try:
    from pptx import Presentation
except ImportError:
    Presentation = None
times = {r["command"]: r["median"] for r in json.load(open("pptx.json"))["results"]} if os.path.exists("pptx.json") else {}
print()
print("| .pptx | median | output | slides | slides with editable text | notes characters |")
print("|---|---|---|---|---|---|")
for tool in ("lectern", "pandoc", "marp"):
    f = f"{tool}.pptx"
    if not os.path.exists(f):
        print(f"| {tool} | – | not written | | | |"); continue
    slides = editable = notes = "?"
    if Presentation:
        p = Presentation(f)
        slides = len(p.slides)
        editable = sum(1 for s in p.slides if any(sh.has_text_frame and sh.text_frame.text.strip() for sh in s.shapes))
        notes = sum(len(s.notes_slide.notes_text_frame.text) for s in p.slides if s.has_notes_slide)
    t = times.get(tool)
    print(f"| {tool} | {t * 1000:.1f} ms | {os.path.getsize(f) / 1024:.0f} KB | {slides} | {editable} | {notes} |"
          if t else f"| {tool} | – | {os.path.getsize(f) / 1024:.0f} KB | {slides} | {editable} | {notes} |")
PY
