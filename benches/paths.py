#!/usr/bin/env python3
"""The four timed paths of benches/paths.sh. usage: paths.py LECTERN MARP PANDOC WORKDIR

Every measurement is a median of RUNS paired rounds; each round runs each tool once.
"""
import os, shutil, statistics, subprocess, sys, tempfile, threading, time

lectern, marp, pandoc, work = sys.argv[1:5]
RUNS = int(os.environ.get("RUNS", "5"))
CHROMIUM = "/usr/bin/chromium"
HERE = os.path.dirname(os.path.abspath(__file__))
os.chdir(work)
med = statistics.median


def run(cmd, **kw):
    subprocess.run(cmd, check=True, capture_output=True, **kw)


def timed(cmd, **kw):
    t = time.perf_counter()
    run(cmd, **kw)
    return time.perf_counter() - t


def paired(cmds):
    """{name: median seconds} of RUNS rounds, each running every command once in turn."""
    out = {k: [] for k in cmds}
    for _ in range(RUNS):
        for k, c in cmds.items():
            out[k].append(timed(c) if isinstance(c, list) else c())
    return {k: med(v) for k, v in out.items()}


# ---- decks to open: lectern's, Marp's and pandoc's of the same 1,403 slides
run([marp, "--no-stdin", "--html", "x100/seed.marp.md", "-o", "marp100.html"])
run([pandoc, "-t", "revealjs", "--self-contained", f"-Vrevealjs-url={os.environ['REVEAL']}",
     "x100/seed.pandoc.md", "-o", "pandoc100.html"])

# slide 1 presented: lectern's first section on screen and the page not a long scroll; for
# Marp its first slide's svg; for pandoc's reveal.js the slide it presents
SHOWN = {
    "lectern": """() => { const s = document.querySelectorAll('section[data-kind]'); if (s.length < 2) return false;
        const a = s[0].getBoundingClientRect(); return a.width > 0 && a.top >= -1 && a.top < innerHeight
        && document.scrollingElement.scrollHeight <= innerHeight + 2 ? performance.now() : false; }""",
    "marp": """() => { const s = document.querySelector('svg[data-marpit-svg]');
        return s && s.getBoundingClientRect().height > 0 ? performance.now() : false; }""",
    "pandoc": """() => { const s = document.querySelector('.reveal .slides section.present');
        return s && s.getBoundingClientRect().height > 0 ? performance.now() : false; }""",
}
PAGES = {"lectern": "seed100.html", "marp": "marp100.html", "pandoc": "pandoc100.html"}


def slide_one():
    from playwright.sync_api import sync_playwright
    with sync_playwright() as pw:
        br = pw.chromium.launch(executable_path=CHROMIUM)

        def one(tool):
            def go():
                pg = br.new_page(viewport={"width": 1280, "height": 720})
                pg.goto("file://" + os.path.abspath(PAGES[tool]), wait_until="commit")
                t = pg.wait_for_function(SHOWN[tool], polling="raf", timeout=30000).json_value() / 1000
                pg.close()
                return t
            return go
        res = paired({k: one(k) for k in PAGES})
        br.close()
    return res


def pdf():
    prof = tempfile.mkdtemp()
    env = dict(os.environ, LECTERN_BROWSER=CHROMIUM)
    return paired({
        "lectern": lambda: timed([lectern, "build", "seed1.txt", "-o", "l.pdf", "-q"], env=env),
        "chromium": [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", f"--user-data-dir={prof}",
                     "--no-pdf-header-footer", "--print-to-pdf=c.pdf", "file://" + os.path.abspath("seed1.html") + "?print"],
        "marp": [marp, "--no-stdin", "--pdf", "--browser-path", CHROMIUM, "x1/seed.marp.md", "-o", "marp.pdf"],
    })


def watch():
    """save → the page shows it (benches/watch.py), at least 21 saves"""
    sys.path.insert(0, HERE)
    import watch as bench
    return bench.summary("seed1.txt", *bench.measure(lectern, "seed1.txt", max(RUNS, 21)))


def pptx():
    return paired({
        "lectern html": [lectern, "build", "seed1.txt", "-o", "s.html", "-q"],
        "lectern pptx": [lectern, "build", "seed1.txt", "-o", "s.pptx", "-q"],
        "pandoc pptx": [pandoc, "x1/seed.pandoc.md", "-o", "p.pptx"],
    })


one = slide_one()
print(f"slide 1 of 1,403 (ms): " + ", ".join(f"{k} {v * 1000:.0f}" for k, v in one.items()) +
      f"; Marp/lectern {one['marp'] / one['lectern']:.2f}×, pandoc/lectern {one['pandoc'] / one['lectern']:.2f}×")
p = pdf()
print(f"PDF of the seed (s): " + ", ".join(f"{k} {v:.2f}" for k, v in p.items()) +
      f"; lectern/Chromium {p['lectern'] / p['chromium']:.2f}×, Marp/lectern {p['marp'] / p['lectern']:.2f}×")
print("watch, save to page showing it: " + watch())
x = pptx()
print(f"pptx (ms): " + ", ".join(f"{k} {v * 1000:.1f}" for k, v in x.items()) +
      f"; pptx/html {x['lectern pptx'] / x['lectern html']:.2f}×, pandoc/lectern pptx {x['pandoc pptx'] / x['lectern pptx']:.1f}×")
