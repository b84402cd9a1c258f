#!/usr/bin/env bash
# The four paths of issue 26 against Marp CLI and pandoc, paired runs (each round runs every
# tool once, in turn, so that the machine's load falls on all of them alike):
#   1. slide 1 of a 1,403-slide deck (the seed's body 100 times) presented in Chromium;
#   2. a PDF of the seed (lectern -o x.pdf, Chromium's own --print-to-pdf of the same deck,
#      Marp --pdf);
#   3. watch: from saving the seed to the open page showing the change;
#   4. the seed as .pptx against its HTML build (and pandoc's .pptx).
# Installs what is missing: Marp CLI from npm under target/bench-tools, pandoc from Debian,
# playwright for Python (driving Debian's /usr/bin/chromium, no browser download).
# Usage: RUNS=5 benches/paths.sh   (prints the ratios for the README's speed section)
set -euo pipefail
cd "$(dirname "$0")/.."
tools=$PWD/target/bench-tools
work=$PWD/target/bench-paths
mkdir -p "$tools" "$work"

if [ ! -x "$tools/node_modules/.bin/marp" ] || [ ! -d "$tools/node_modules/reveal.js" ]; then
  npm install --prefix "$tools" --no-audit --no-fund --silent @marp-team/marp-cli@4.5.1 reveal.js@5 >/dev/null
fi
if ! command -v pandoc >/dev/null; then
  apt-get update -qq && apt-get install -y -qq pandoc >/dev/null
fi
python3 -c "import playwright" 2>/dev/null || pip install -q playwright

cargo build --release -q
lectern=$PWD/target/release/lectern
# seed1/seed10/seed100.txt, then Marp's and pandoc's Markdown of the same slides
$lectern build decks/lecture.txt -o "$work/seed1.html" -q
python3 benches/inputs.py decks/lecture.txt "$work/seed1.html" "$work" >/dev/null
for n in 1 100; do
  mkdir -p "$work/x$n"
  $lectern build "$work/seed$n.txt" -o "$work/seed$n.html" -q
  python3 benches/inputs.py decks/lecture.txt "$work/seed$n.html" "$work/x$n" >/dev/null
done
REVEAL=$tools/node_modules/reveal.js exec nice -n 19 python3 benches/paths.py "$lectern" "$tools/node_modules/.bin/marp" "$(command -v pandoc)" "$work"
