#!/bin/sh
# Peak memory (maximum resident set size, GNU time) of `lectern build` on big and hostile
# lectures, as HTML and as .pptx — the README's "Limits" table. The target is about 20 times
# the input plus a fixed base.
#
# usage: benches/memory.sh [LECTERN]     (default target/release/lectern; needs /usr/bin/time)
set -eu
bin=${1:-target/release/lectern}
seed=${SEED:-decks/lecture.txt}
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT

python3 - "$seed" "$dir" <<'EOF'
import sys
seed, out = sys.argv[1:3]
lines = open(seed, encoding="utf-8").read().split("\n")
def write(name, text):
    open(f"{out}/{name}", "w", encoding="utf-8").write(text)
# the seed's body (its chapters and points) repeated after its title, to 1 MB and 10 MB
body = "\n".join(lines[3:])
for mb, name in ((1, "seed-1mb.txt"), (10, "seed-10mb.txt")):
    n = mb * 1024 * 1024 // len(body.encode())
    write(name, "\n".join(lines[:3] + [body] * n))
# one long paragraph of the seed, no numbering, to 10 MB: slides by pacing only
para, body = lines[4], ["大段文字"]
while sum(len(l.encode()) + 1 for l in body) < 10 * 1024 * 1024:
    body.extend([para] * 100)
write("plain-10mb.txt", "\n".join(body) + "\n")
write("series-5mb.txt", "题目\n" + "一是，二是，" * 300_000 + "\n")
write("one-line.txt", "标题\n正文。\n")
write("headings.md", "".join(f"# 标题{i}\n\n正文。\n\n" for i in range(30_000)))
# a theme whose template doubles a string 30 times (2 GB) and writes only its length
import os
os.makedirs(f"{out}/grow/templates")
open(f"{out}/grow/theme.toml", "w").write('name = "grow"\nextends = "red"\n')
open(f"{out}/grow/templates/deck.html.j2", "w").write(
    "{% set ns = namespace(s='ab') %}{% for i in range(30) %}"
    "{% set ns.s = ns.s ~ ns.s %}{% endfor %}{{ ns.s|length }}")
EOF

peak() { /usr/bin/time -f %M "$bin" build "$dir/$1" -o "$dir/out.$2" 2>&1 >/dev/null | tail -1; }
base_html=$(peak one-line.txt html)
base_pptx=$(peak one-line.txt pptx)
echo "base (a one-line lecture): HTML $((base_html / 1024)) MB, .pptx $((base_pptx / 1024)) MB;" \
    "in brackets: (peak - base) / input size"
printf '| input | size | HTML | .pptx |\n|---|---|---|---|\n'
for f in seed-1mb.txt plain-10mb.txt seed-10mb.txt series-5mb.txt headings.md; do
    size=$(stat -c %s "$dir/$f")
    row="| $f | $(awk "BEGIN{printf \"%.2f MB\", $size/1048576}")"
    for ext in html pptx; do
        kb=$(peak "$f" $ext)
        base=$base_html
        [ $ext = pptx ] && base=$base_pptx
        row="$row | $((kb / 1024)) MB ($(awk "BEGIN{printf \"%.1f\", ($kb-$base)*1024/$size}")×)"
    done
    echo "$row |"
done
# the template is stopped at its memory budget: the peak and the build's last word
kb=$(/usr/bin/time -f %M "$bin" build "$seed" --theme "$dir/grow" -o "$dir/grow.html" 2>&1 >/dev/null | tail -1)
said=$("$bin" --lang en build "$seed" --theme "$dir/grow" -o "$dir/grow.html" 2>&1 | grep -m1 '^error' || true)
echo "a theme doubling a string 30 times (2 GB), seed lecture: $((kb / 1024)) MB peak; $said"
