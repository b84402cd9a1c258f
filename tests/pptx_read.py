"""Reads a .pptx with python-pptx, as a third party would, and prints what it found as
JSON: per slide its layout name, the text of each shape in order, and the notes
paragraphs; plus the slide size. Called by tests/pptx.rs, which checks the result
against the deck lectern planned.

usage: python3 tests/pptx_read.py DECK.pptx
"""

import json
import sys

from pptx import Presentation


def main(path):
    p = Presentation(path)
    slides = []
    for s in p.slides:
        shapes = []
        for sh in s.shapes:
            entry = {"name": sh.name, "placeholder": None, "text": None}
            if sh.is_placeholder:
                entry["placeholder"] = str(sh.placeholder_format.type).split(" ")[0]
            if sh.has_text_frame:
                entry["text"] = sh.text_frame.text
            if sh.shape_type is not None and "PICTURE" in str(sh.shape_type):
                entry["picture"] = True
            if getattr(sh, "has_table", False) and sh.has_table:
                entry["table"] = [[c.text for c in row.cells] for row in sh.table.rows]
            shapes.append(entry)
        notes = []
        if s.has_notes_slide:
            notes = [para.text for para in s.notes_slide.notes_text_frame.paragraphs]
        slides.append({"layout": s.slide_layout.name, "shapes": shapes, "notes": notes})
    json.dump(
        {"width": p.slide_width, "height": p.slide_height, "slides": slides},
        sys.stdout,
        ensure_ascii=False,
    )


if __name__ == "__main__":
    main(sys.argv[1])
