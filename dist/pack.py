#!/usr/bin/env python3
"""Packs a staged folder into a reproducible archive: entries sorted by name, every one
dated SOURCE_DATE_EPOCH, owner 0, modes 755 for executables and 644 otherwise, and no
host-system field that depends on the machine (zip entries say Unix; UTF-8 names are
flagged so Windows' Explorer shows 使用说明.txt right).

usage: pack.py STAGED_DIR ARCHIVE(.zip|.tar.gz)
"""
import gzip, io, os, sys, tarfile, time, zipfile

def files(root):
    out = []
    for d, dirs, names in os.walk(root):
        dirs.sort()
        for n in sorted(names):
            p = os.path.join(d, n)
            out.append((os.path.relpath(p, os.path.dirname(root)).replace(os.sep, "/"), p))
    return sorted(out)

def main(staged, archive):
    epoch = int(os.environ.get("SOURCE_DATE_EPOCH", "315532800"))  # 1980-01-01
    staged = staged.rstrip("/")
    entries = files(staged)
    if archive.endswith(".zip"):
        stamp = time.gmtime(max(epoch, 315532800))[:6]
        with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as z:
            for name, path in entries:
                info = zipfile.ZipInfo(name, stamp)
                info.create_system = 3
                info.external_attr = (0o100755 if os.access(path, os.X_OK) else 0o100644) << 16
                info.compress_type = zipfile.ZIP_DEFLATED
                z.writestr(info, open(path, "rb").read())
    else:
        raw = io.BytesIO()
        with tarfile.open(fileobj=raw, mode="w", format=tarfile.GNU_FORMAT) as t:
            dirs = sorted({os.path.dirname(n) for n, _ in entries} - {""})
            for d in dirs:
                info = tarfile.TarInfo(d); info.type = tarfile.DIRTYPE; info.mode = 0o755; info.mtime = epoch
                t.addfile(info)
            for name, path in entries:
                info = tarfile.TarInfo(name); data = open(path, "rb").read()
                info.size = len(data); info.mtime = epoch
                info.mode = 0o755 if os.access(path, os.X_OK) else 0o644
                t.addfile(info, io.BytesIO(data))
        with open(archive, "wb") as f, gzip.GzipFile(filename="", mode="wb", fileobj=f, mtime=epoch, compresslevel=9) as g:
            g.write(raw.getvalue())

if __name__ == "__main__":
    main(*sys.argv[1:])
