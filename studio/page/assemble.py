#!/usr/bin/env python3
"""Puts lectern-studio.html together: the page's HTML, CSS and JS, the worker's JS and
the compiler's WebAssembly (deflated, base64) in one file, under a Content-Security-Policy that
allows no request.

usage: assemble.py WASM PAGE_DIR OUT

The policy's script hashes: the page's one inline script, and the deck runtime's (the
preview frame, a blob: document, inherits this policy, so the deck's script must be
allowed here too); the runtime's hash is the one lectern's build.rs wrote for the wasm
build, found beside the wasm. 'unsafe-eval' lets Chromium 80-96 compile WebAssembly
('wasm-unsafe-eval' is the narrower word from Chromium 97 and Firefox 102; Firefox 78
does not restrict WebAssembly by CSP)."""

import base64
import glob
import hashlib
import os
import sys
import zlib


def sha256(text):
    return base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii")


def runtime_hash(wasm):
    # .../wasm32-unknown-unknown/release/lectern_studio.wasm → .../release/build/lectern-*/out
    found = glob.glob(os.path.join(os.path.dirname(wasm), "build", "lectern-*", "out", "runtime.sha256"))
    if not found:
        sys.exit("assemble.py: no runtime.sha256 from lectern's build.rs beside " + wasm)
    newest = max(found, key=os.path.getmtime)
    with open(newest, encoding="ascii") as f:
        return f.read().strip()


def strip_custom_sections(wasm):
    """The module without its custom sections (function names, producers): only the
    code, data and the sections the engine needs are kept."""
    out, i = bytearray(wasm[:8]), 8
    while i < len(wasm):
        start, sid = i, wasm[i]
        i += 1
        size = shift = 0
        while True:
            byte = wasm[i]
            i += 1
            size |= (byte & 0x7F) << shift
            shift += 7
            if byte < 0x80:
                break
        i += size
        if sid != 0:
            out += wasm[start:i]
    return bytes(out)


def main():
    wasm, page, out = sys.argv[1:4]
    read = lambda name: open(os.path.join(page, name), encoding="utf-8").read()
    script = read("studio.js")
    worker = read("worker.js")
    for name, text in (("studio.js", script), ("worker.js", worker)):
        if "</script" in text.lower():
            sys.exit("assemble.py: " + name + " may not contain </script")
    with open(wasm, "rb") as f:
        wasm_bytes = strip_custom_sections(f.read())
    # DEFLATE, which worker.js inflates: a third of the size.
    packer = zlib.compressobj(9, zlib.DEFLATED, -15)
    code = base64.b64encode(packer.compress(wasm_bytes) + packer.flush()).decode("ascii")
    csp = "; ".join([
        "default-src 'none'",
        "script-src 'sha256-%s' 'sha256-%s' 'unsafe-eval' 'wasm-unsafe-eval'" % (sha256(script), runtime_hash(wasm)),
        "worker-src blob:",
        "child-src blob:",
        "frame-src blob:",
        "img-src data: blob:",
        "font-src data:",
        "style-src 'unsafe-inline'",
        "base-uri 'none'",
        "form-action 'none'",
    ])
    html = read("index.html")
    # Replace each placeholder once, the wasm last (it is the bulk and has no %).
    for key, value in (("%CSP%", csp), ("%WASM_SIZE%", str(len(wasm_bytes))), ("%CSS%", read("studio.css")), ("%WORKER%", worker), ("%SCRIPT%", script), ("%WASM%", code)):
        if html.count(key) != 1:
            sys.exit("assemble.py: index.html must hold " + key + " once")
        head, tail = html.split(key)
        html = head + value + tail
    with open(out, "w", encoding="utf-8", newline="\n") as f:
        f.write(html)


if __name__ == "__main__":
    main()
