#!/usr/bin/env bash
# Runs every fuzz target for a bounded time and prints executions and findings.
#   fuzz/run.sh [SECONDS_PER_TARGET]        (default 60)
# With a nightly toolchain (or FUZZ_ENGINE=libfuzzer), the coverage-guided libFuzzer
# targets run through `cargo fuzz`; otherwise the stable mutation runner
# (src/bin/mutate.rs) runs the same target functions. Findings: fuzz/artifacts/.
set -euo pipefail
cd "$(dirname "$0")"
secs=${1:-60}
root=..
seeds() {
  case $1 in
    plain) echo "$root/decks/lecture.txt" $root/tests/fixtures/*.txt ;;
    markdown) echo $root/tests/fixtures/*.md ;;
    docx) echo $root/tests/fixtures/docx/*.docx ;;
    settings) echo $root/themes/*/theme.toml ;;
    compile) echo "$root/decks/lecture.txt" $root/tests/fixtures/*.md $root/tests/fixtures/*.txt ;;
  esac
}
engine=${FUZZ_ENGINE:-}
if [ -z "$engine" ]; then
  if rustc --version | grep -q nightly; then engine=libfuzzer; else engine=mutate; fi
fi
status=0
[ "$engine" = libfuzzer ] || cargo build --quiet --release --bin mutate
for t in plain markdown docx settings compile; do
  if [ "$engine" = libfuzzer ]; then
    mkdir -p "corpus/$t"
    cp $(seeds $t) "corpus/$t/" 2>/dev/null || true
    cargo fuzz run "$t" "corpus/$t" -- -max_total_time="$secs" -timeout=10 -rss_limit_mb=3072 \
      2>&1 | grep -E "^(#[0-9]+.*DONE|Done|==[0-9]+==|SUMMARY|artifact_prefix|Test unit written)" || status=1
  else
    # a runaway input must not take the machine's memory with it
    (ulimit -v $((4 * 1024 * 1024)) 2>/dev/null || true
     exec target/release/mutate "$t" "$secs" $(seeds $t)) || status=1
  fi
done
exit $status
