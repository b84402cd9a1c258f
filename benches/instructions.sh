#!/usr/bin/env bash
# Instructions a whole `lectern build` takes on the seed and on 10x and 100x its body,
# counted by callgrind: the same count for the same binary and input however busy the
# machine is, so two builds can be compared on a noisy machine (times are in
# benches/compare.sh and `cargo bench`). Give binaries to compare several:
#   benches/instructions.sh [LECTERN_BINARY ...]      (default: a fresh release build)
set -euo pipefail
cd "$(dirname "$0")/.."
if ! command -v valgrind >/dev/null; then
  apt-get update -qq && apt-get install -y -qq valgrind >/dev/null
fi
if [ $# -eq 0 ]; then
  cargo build --release -q
  set -- "$PWD/target/release/lectern"
fi
work=$PWD/target/bench-instructions
mkdir -p "$work"
python3 - "$work" <<'EOF'
import sys
out = sys.argv[1]
lines = open("decks/lecture.txt", encoding="utf-8").read().split("\n")
for n in (1, 10, 100):
    open(f"{out}/seed{n}.txt", "w", encoding="utf-8").write("\n".join(lines[:3] + lines[3:12] * n + lines[12:]))
EOF
printf '%-50s %14s %14s %14s\n' binary seed 10x 100x
for bin in "$@"; do
  row=()
  for n in 1 10 100; do
    count=$(valgrind --tool=callgrind --callgrind-out-file=/dev/null "$bin" build "$work/seed$n.txt" \
      -o "$work/out$n.html" 2>&1 >/dev/null | sed -n 's/.*Collected : //p')
    row+=("$count")
  done
  printf '%-50s %14s %14s %14s\n' "$bin" "${row[@]}"
done
