#!/usr/bin/env python3
"""Designer-slide counts over the real-text corpus (issue 23): opens every slide of every
corpus text and the seed in Chromium at 1280x720 and 1024x768 (4:3) with the acceptance
check's own measure (shared/acceptance/v3.py `look`) and prints the totals.

    python3 benches/look.py target/release/lectern [OUT_DIR] [GLOB]
"""
import glob, os, sys, tempfile
sys.path.insert(0, "/work/shared/acceptance")
import acceptance  # noqa: E402,F401 (v3 imports it back)
import v3  # noqa: E402

b = os.path.abspath(sys.argv[1])
d = sys.argv[2] if len(sys.argv) > 2 else tempfile.mkdtemp()
pat = sys.argv[3] if len(sys.argv) > 3 else "*"
os.makedirs(d, exist_ok=True)
texts = [("seed", os.path.abspath("decks/lecture.txt"))]
for p in sorted(glob.glob(f"tests/corpus/{pat}.txt") + glob.glob(f"tests/corpus/{pat}.md")):
    name = os.path.splitext(os.path.basename(p))[0]
    if name.isupper():  # README, GAPS: about the corpus, not in it
        continue
    texts.append((name, os.path.abspath(p)))
totals, rows, examples, seen = v3.look(b, d, texts, tuple(t for t, _ in texts))
print(f"{seen} slides; " + ", ".join(f"{k} {v}" for k, v in totals.items()))
for r in rows:
    print(r)
with open(os.path.join(d, "examples.txt"), "w") as f:
    f.write("\n".join(examples))
