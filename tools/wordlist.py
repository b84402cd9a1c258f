#!/usr/bin/env python3
"""Makes src/words/list.txt, the word list lectern segments headings with: the words of
jieba's dictionary (dict.txt, MIT licence, (c) Sun Junyi) seen at least {MIN_FREQ} times, up to
six ideographs, and every single ideograph, each with its cost: -2 ln(frequency / total),
rounded. Run it again only to change the cut:  python3 tools/wordlist.py > src/words/list.txt
"""
import math, os, re, sys
import jieba

MIN_FREQ, MAX_LEN = 1, 6
d = os.path.join(os.path.dirname(jieba.__file__), "dict.txt")
words = [(w, int(f)) for w, f, _ in (l.split(" ") for l in open(d, encoding="utf-8"))]
total = sum(f for _, f in words)
ideographs = re.compile(r"^[\u4e00-\u9fff]+$")
by_cost = {}
for w, f in words:
    if ideographs.match(w) and len(w) <= MAX_LEN and (f >= MIN_FREQ or len(w) == 1) and f > 0:
        by_cost.setdefault(round(-2 * math.log(f / total)), []).append(w)
out = sys.stdout
out.write(f"# lectern word list: words of jieba {jieba.__version__}'s dict.txt (MIT licence, (c) Sun Junyi) of\n"
          f"# up to {MAX_LEN} ideographs. A line `=N` gives\n"
          "# the cost (-2 ln of the word's share) of the words under it. Made by tools/wordlist.py.\n")
for cost in sorted(by_cost):
    out.write(f"={cost}\n")
    out.write("\n".join(sorted(set(by_cost[cost]))) + "\n")
