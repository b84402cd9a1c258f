#!/usr/bin/env python3
"""Writes the comparison inputs from one lecture: the seed at 1x/10x/100x for lectern, and
the same slides (headings and notes, as lectern cuts them) as Marp and pandoc Markdown —
the hand work those tools need before they can make a deck.

usage: inputs.py LECTURE.txt DECK.html OUTDIR
"""
import html, os, re, sys
from html.parser import HTMLParser

lecture, deck, out = sys.argv[1:4]
lines = open(lecture, encoding="utf-8").read().split("\n")
for n in (1, 10, 100):
    body = lines[:3] + lines[3:12] * n + lines[12:]
    open(os.path.join(out, f"seed{n}.txt"), "w", encoding="utf-8").write("\n".join(body))


class Slides(HTMLParser):
    def __init__(self, text):
        super().__init__(convert_charrefs=True)
        self.slides, self.mode = [], None
        self.feed(text)

    def handle_starttag(self, tag, attrs):
        if tag == "section":
            self.slides.append({"heading": "", "notes": []})
        elif tag in ("h1", "h2", "h3") and self.slides:
            self.mode = "heading"
        elif tag == "aside":
            self.mode = "notes"
        elif tag == "p" and self.mode == "notes":
            self.slides[-1]["notes"].append("")

    def handle_endtag(self, tag):
        if tag in ("h1", "h2", "h3", "aside"):
            self.mode = None

    def handle_data(self, d):
        if self.mode == "heading":
            self.slides[-1]["heading"] += d
        elif self.mode == "notes" and self.slides[-1]["notes"]:
            self.slides[-1]["notes"][-1] += d


slides = Slides(open(deck, encoding="utf-8").read()).slides
marp = ["---", "marp: true", "paginate: true", "---", ""]
pandoc = [f"% {slides[0]['heading']}", ""]
for i, s in enumerate(slides):
    if i:
        marp += ["---", ""]
    marp += [f"# {s['heading']}", ""]
    if s["notes"]:
        marp += ["<!--", *s["notes"], "-->", ""]
    pandoc += [f"## {s['heading']}", ""]
    if s["notes"]:
        pandoc += ["::: notes", "", *(p + "\n" for p in s["notes"]), ":::", ""]
open(os.path.join(out, "seed.marp.md"), "w", encoding="utf-8").write("\n".join(marp))
open(os.path.join(out, "seed.pandoc.md"), "w", encoding="utf-8").write("\n".join(pandoc))
print(f"{len(slides)} slides written for Marp and pandoc")
