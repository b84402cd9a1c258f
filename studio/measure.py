#!/usr/bin/env python3
"""Times lectern-studio.html in Chromium (the README's figures): the sample lecture and the
sample ×100 (1,400-odd slides) chosen in the page's file input, from the choice to the
outline and deck being there, and the longest the page's main thread stalled meanwhile
(the largest gap between animation frames).

usage: studio/measure.py [PAGE] (default target/studio/lectern-studio.html); needs the
Python playwright package and /usr/bin/chromium."""

import os
import sys
import tempfile

from playwright.sync_api import sync_playwright

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PAGE = sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, "target/studio/lectern-studio.html")
SEED = os.path.join(ROOT, "decks/lecture.txt")


def scaled(d, times):
    # as shared/acceptance/v3.py's scaled_seed: the body repeated
    lines = open(SEED, encoding="utf-8").read().split("\n")
    p = os.path.join(d, f"seed{times}.txt")
    open(p, "w", encoding="utf-8").write("\n".join(lines[:3] + lines[3:12] * times + lines[12:]))
    return p


def main():
    with tempfile.TemporaryDirectory() as d, sync_playwright() as pw:
        br = pw.chromium.launch(executable_path="/usr/bin/chromium")
        pg = br.new_context(offline=True).new_page()
        pg.goto("file://" + os.path.abspath(PAGE))
        pg.wait_for_function("document.body.dataset.ready === '1'", timeout=60000)
        print(f"compiler ready (wasm compiled and instantiated) in {pg.evaluate('window.studio.initMs'):.0f} ms")
        for name, path, runs in (("seed", SEED, 5), ("seed x100", scaled(d, 100), 3)):
            totals, compiles, stalls = [], [], []
            for _ in range(runs):
                n = pg.evaluate("+(document.body.dataset.compiled || 0)")
                pg.evaluate("""window.__gap = 0; window.__run = true; (function f(last) {
                    requestAnimationFrame(function (t) { if (last) window.__gap = Math.max(window.__gap, t - last);
                      if (window.__run) f(t); }); })(0)""")
                pg.locator("#file").set_input_files(path)
                pg.wait_for_function(f"+(document.body.dataset.compiled || 0) > {n}", timeout=60000)
                pg.wait_for_timeout(1000)
                pg.evaluate("window.__run = false")
                t = pg.evaluate("window.studio.timings[window.studio.timings.length - 1]")
                totals.append(t["total_ms"]); compiles.append(t["compile_ms"]); stalls.append(pg.evaluate("window.__gap"))
            slides = pg.evaluate("window.studio.timings[window.studio.timings.length - 1].slides")
            med = lambda xs: sorted(xs)[len(xs) // 2]
            print(f"{name}: {slides} slides; chosen → outline and deck {med(totals):.0f} ms "
                  f"(compile+write in the worker {med(compiles):.0f} ms); longest main-thread stall {med(stalls):.0f} ms (medians of {runs})")
        br.close()


if __name__ == "__main__":
    main()
