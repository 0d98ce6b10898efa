#!/bin/bash
# The PDF's and the workbook's streams are deflated at zlib level 1 (src/deflate_level.c),
# not the libraries' default 6: every zip entry of the workbook is byte for byte what zlib
# level 1 makes of its content, and every FlateDecode stream of the PDF carries the level-1
# zlib header (78 01). Both files still open in independent readers (the other tests).
set -u
fail() { echo "FAIL: $*"; exit 1; }
work="$WORK_DIR/compression"
rm -rf "$work" && mkdir -p "$work"
plan="$SHARED_DIR/data/peterborough-app-2022"
"$SENDPACK" --as-of 2022-12-31 --format xlsx,pdf --output "$work" "$plan" >/dev/null 2>&1 || fail "run"
f="$work/peterborough-app-2022-scrutiny-2022-12-31"

/usr/bin/python3 - "$f.xlsx" "$f.pdf" <<'PY' || exit 1
import re, struct, sys, zipfile, zlib

def fail(msg):
    sys.exit("FAIL: " + msg)

raw = open(sys.argv[1], "rb").read()
with zipfile.ZipFile(sys.argv[1]) as z:
    infos = z.infolist()
    if len(infos) < 10:
        fail(f"only {len(infos)} parts in the workbook")
    for info in infos:
        if info.compress_type != zipfile.ZIP_DEFLATED:
            fail(f"{info.filename} is not deflated")
        name_len, extra_len = struct.unpack("<HH", raw[info.header_offset + 26:info.header_offset + 30])
        start = info.header_offset + 30 + name_len + extra_len
        stored = raw[start:start + info.compress_size]
        data = z.read(info.filename)
        level1 = zlib.compressobj(1, zlib.DEFLATED, -15, 8)
        if level1.compress(data) + level1.flush() != stored:
            default = zlib.compressobj(6, zlib.DEFLATED, -15, 8)
            was6 = default.compress(data) + default.flush() == stored
            fail(f"{info.filename} is not deflated at level 1" + (" (it is level 6)" if was6 else ""))

pdf = open(sys.argv[2], "rb").read()
streams = [m.end() for m in re.finditer(rb"/FlateDecode.*?>>\s*stream\r?\n", pdf, re.S)]
if len(streams) < 5:
    fail(f"only {len(streams)} compressed streams in the PDF")
for at in streams:
    if pdf[at:at + 2] != b"\x78\x01":
        fail(f"a PDF stream at byte {at} starts {pdf[at:at + 2].hex()}, not the level-1 header 7801")
    zlib.decompress(pdf[at:at + pdf.index(b"endstream", at) - at].rstrip(b"\r\n"))
print(f"ok: {len(infos)} workbook parts and {len(streams)} PDF streams at level 1")
PY
