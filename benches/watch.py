#!/usr/bin/env python3
"""`lectern watch`: from saving the lecture to the open page showing the change.

    python3 benches/watch.py LECTERN [LECTURE] [RUNS] [reload]
    (defaults: decks/lecture.txt, 21; `reload` times the page's fallback, a reload)

Serves LECTURE with `lectern watch`, opens it in headless Chromium (Debian's, driven by
playwright) on slide 1, and RUNS times saves an edit of the title the way editors do (a new
file renamed over the old one). The time is taken on one clock, the machine's: the save's
just before the rename, the page's in the first animation frame whose slide on screen holds
the new words. Prints median, min and max in ms, and how many of the changes the page took
without navigating (a mark left on `window` survives). With `reload` the page is made to
reload instead (the runtime's hook for new slides taken away), as it did before it swapped
slides in place.
"""
import os, socket, statistics, subprocess, sys, tempfile, time

WORDS = "强化创新驱动"


def measure(lectern, source, runs, reload=False):
    from playwright.sync_api import sync_playwright
    d = tempfile.mkdtemp()
    lec = os.path.join(d, "lecture.txt")
    text = open(source, encoding="utf-8").read()
    assert WORDS in text, f"{source} has no {WORDS}"
    open(lec, "w", encoding="utf-8").write(text)
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    proc = subprocess.Popen([lectern, "watch", lec, "--port", str(port)], stderr=subprocess.DEVNULL)
    times, kept, page = [], 0, []
    try:
        for _ in range(100):
            try:
                socket.create_connection(("127.0.0.1", port)).close()
                break
            except OSError:
                time.sleep(0.05)
        with sync_playwright() as pw:
            br = pw.chromium.launch(executable_path="/usr/bin/chromium")
            # (the deck's CSP forbids the string predicates playwright evaluates)
            pg = br.new_context(bypass_csp=True, viewport={"width": 1280, "height": 720}).new_page()
            pg.goto(f"http://127.0.0.1:{port}/#/1")
            for i in range(runs):
                mark = f"测试{i}号"
                pg.wait_for_function("document.querySelector('section.present')")
                # when the server's news arrives (a listener of the bench's own)
                pg.evaluate("""window.lxBench = 1; window.lxHeard = 0; if (!window.lxEs) {
                  window.lxEs = new EventSource('/lectern-watch/events');
                  lxEs.onmessage = () => { window.lxHeard = Date.now(); }; }""")
                if reload:
                    pg.evaluate("delete window.lxSlides")
                tmp = lec + ".swp"
                open(tmp, "w", encoding="utf-8").write(text.replace(WORDS, mark, 1))
                t = time.time() * 1000
                os.rename(tmp, lec)
                seen = pg.wait_for_function(
                    f"(() => {{ const s = document.querySelector('section.present');"
                    f" return s && s.textContent.includes('{mark}') ? Date.now() : false; }})()",
                    polling="raf", timeout=10000).json_value()
                times.append(seen - t)
                if pg.evaluate("window.lxBench === 1"):
                    kept += 1
                    heard = pg.evaluate("window.lxHeard")
                    if heard:
                        page.append(seen - heard)
                time.sleep(0.3)
            br.close()
    finally:
        proc.kill()
        proc.wait()
    return times, kept, page


def summary(source, times, kept, page):
    out = (f"{len(times)} saves of {os.path.basename(source)}: median {statistics.median(times):.0f} ms, "
           f"min {min(times):.0f}, max {max(times):.0f}; {kept} without navigating")
    if page:
        out += f"; from the server's news to the slide shown: median {statistics.median(page):.0f} ms"
    return out


if __name__ == "__main__":
    lectern = os.path.abspath(sys.argv[1])
    source = sys.argv[2] if len(sys.argv) > 2 else "decks/lecture.txt"
    runs = int(sys.argv[3]) if len(sys.argv) > 3 else 21
    reload = sys.argv[4:5] == ["reload"]
    print("watch, save → page shows it, " + summary(source, *measure(lectern, source, runs, reload)))
