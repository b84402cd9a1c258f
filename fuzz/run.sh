#!/usr/bin/env bash
# Runs every fuzz target for a bounded time and prints executions and findings.
#   fuzz/run.sh [SECONDS_PER_TARGET [TARGET…]]   (default 60 s, every target)
# By default the coverage-guided libFuzzer targets run through `cargo fuzz run -s none`,
# which needs no nightly compiler: without a sanitizer cargo-fuzz passes only stable
# flags (-Cpasses=sancov-module, -Cllvm-args=…); optimised, with debug assertions (in a debug
# build under load the first unit, the seed lecture, took over 10 s). FUZZ_ENGINE=mutate runs
# the same target functions through the plain mutation runner (src/bin/mutate.rs) instead.
# Needs `cargo install cargo-fuzz` and a C++ compiler. Findings: fuzz/artifacts/.
set -euo pipefail
cd "$(dirname "$0")"
secs=${1:-60}
shift || true
targets=${*:-plain markdown docx settings compile deep}
root=..
seeds() {
  case $1 in
    plain) echo "$root/decks/lecture.txt" $root/tests/fixtures/*.txt ;;
    markdown) echo $root/tests/fixtures/*.md ;;
    docx) echo $root/tests/fixtures/docx/*.docx ;;
    settings) echo $root/themes/*/theme.toml ;;
    compile) echo "$root/decks/lecture.txt" $root/tests/fixtures/*.md $root/tests/fixtures/*.txt ;;
    deep) echo seeds/deep/*.bin ;;
  esac
}
engine=${FUZZ_ENGINE:-libfuzzer}
status=0
[ "$engine" = libfuzzer ] || cargo build --quiet --release --bin mutate
# markers, Markdown and HTML syntax for the text targets (deep builds its own structures)
dict() {
  case $1 in plain|markdown|compile) echo "-dict=dict/lecture.dict" ;; esac
}
for t in $targets; do
  if [ "$engine" = libfuzzer ]; then
    mkdir -p "corpus/$t"
    cp $(seeds $t) "corpus/$t/" 2>/dev/null || true
    cargo fuzz run -s none "$t" "corpus/$t" -- -max_total_time="$secs" -timeout=30 \
      -rss_limit_mb=3072 $(dict $t) 2>&1 | grep -E "^(#[0-9]+.*DONE|Done|==[0-9]+==|SUMMARY|Test unit written)" \
      || status=1
  else
    # a runaway input must not take the machine's memory with it
    (ulimit -v $((4 * 1024 * 1024)) 2>/dev/null || true
     exec target/release/mutate "$t" "$secs" $(seeds $t)) || status=1
  fi
done
exit $status
