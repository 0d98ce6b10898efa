#!/usr/bin/python3
"""Checks a sendpack PDF as its reader sees the pages (used by pdf_layout.sh).

usage: pdf_layout_check.py PDF SOURCE_TEXT...

SOURCE_TEXT: files whose words the PDF prints (the plan's CSV files, the pack's JSON).
Three faults are looked for:
1. a word split across two lines other than at a hyphen or a space: the last word of a line
   and the first word of the line below it in the same column (same left edge) join into a
   word of the source or of the PDF itself, and the sources never have them side by side;
2. a heading (each outline entry is a heading) that is the last thing on its page, or a bold
   label at the left margin ("Completed", "KPIs") that is the page's last line;
3. table text smaller than 9 pt: text inside a table's header band or its rows (the rows end at
   the thin full-width rules the engine draws under each one);
4. words printed over each other (a chart's labels): two words whose boxes share more than a
   third of the smaller one;
5. a page a reader must skip (decisions #14): one with nothing but its running head and foot,
   or, but for the last page, one whose body ends in its top fifth (a leftover row or two
   before a section that starts a new page); the last page, in its top eighth (a table's
   last row or two, which the engine keeps with rows of the page before).
"""
import json
import re
import subprocess
import sys
from collections import defaultdict

MIN_TABLE_PT = 9.0
failures = []


def fail(msg):
    failures.append(msg)


def words_of_pages(pdf):
    html = subprocess.run(["pdftotext", "-bbox", pdf, "-"], capture_output=True, text=True).stdout
    pages = []
    for w, h, body in re.findall(r'<page width="([\d.]+)" height="([\d.]+)">(.*?)</page>', html, re.S):
        words = []
        for x0, y0, x1, y1, t in re.findall(
                r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*?)</word>', body):
            t = t.replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", '"').replace("&apos;", "'")
            words.append((float(x0), float(y0), float(x1), float(y1), t))
        pages.append((float(w), float(h), words))
    return pages


def source_vocabulary(paths, pages):
    """Tokens and adjacent token pairs of the sources and of each printed line."""
    tokens, pairs = set(), set()

    def add(text):
        ws = text.split()
        tokens.update(ws)
        pairs.update(zip(ws, ws[1:]))

    for path in paths:
        raw = open(path, encoding="utf-8-sig", errors="replace").read()
        if path.endswith(".json"):
            def walk(v):
                if isinstance(v, str):
                    add(v)
                elif isinstance(v, dict):
                    for x in v.values():
                        walk(x)
                elif isinstance(v, list):
                    for x in v:
                        walk(x)
            walk(json.loads(raw))
        else:
            add(raw.replace('"', " "))
            add(raw)
    for _, _, words in pages:
        for line in segments(words):
            add(" ".join(w[4] for w in line))
    return tokens, pairs


def segments(words):
    """Runs of words on one baseline with no more than a wide space between them: one line of
    one paragraph or table cell (cells are at least two cell paddings apart)."""
    out = []
    for w in sorted(words, key=lambda w: (round(w[3], 1), w[0])):
        last = out[-1][-1] if out else None
        if last and abs(last[3] - w[3]) < 0.3 and 0 <= w[0] - last[2] < 0.45 * (w[3] - w[1]):
            out[-1].append(w)
        else:
            out.append([w])
    return out


def bare(t):
    return t.strip(".,;:()[]'\"“”‘’")


def check_split_words(pages, tokens, pairs):
    bare_tokens = {bare(t) for t in tokens}
    for n, (_, _, words) in enumerate(pages, 1):
        segs = segments(words)
        for s in segs:
            x0, bottom, height = s[0][0], s[0][3], s[0][3] - s[0][1]
            below = [t for t in segs
                     if abs(t[0][0] - x0) < 0.6 and abs((t[0][3] - t[0][1]) - height) < 0.3
                     and 0 < t[0][1] - bottom < height]
            if not below:
                continue
            nxt = min(below, key=lambda t: t[0][1])
            w, v = s[-1][4], nxt[0][4]
            if w.endswith(("-", "/", "–", "—")) or (w, v) in pairs:
                continue
            if not bare(w) and w in tokens:
                continue  # a lone bracket the source writes apart ("Services )") ends a line whole
            joined = w + v
            if joined in tokens or bare(joined) in bare_tokens:
                fail(f"page {n}: '{joined}' is split across lines as '{w}' / '{v}'")


def outline_entries(pdf):
    data = json.loads(subprocess.run(["qpdf", "--json", "--json-key=outlines", pdf],
                                     capture_output=True, text=True).stdout)
    out = []

    def walk(items):
        for x in items:
            dest = x.get("dest") or []
            top = next((d for d in dest[2:] if isinstance(d, (int, float))), None) if len(dest) > 2 else None
            out.append((x["title"], x.get("destpageposfrom1"), top))
            walk(x.get("kids", []))
    walk(data["outlines"])
    return out


def check_headings(pdf, pages):
    for title, page, top in outline_entries(pdf):
        if not page or top is None:
            fail(f"heading '{title}' has no destination")
            continue
        w, h, words = pages[page - 1]
        start = h - top
        # the heading's own words, in order, from its destination down
        want = title.split()
        body = sorted((x for x in words if x[1] >= start - 2 and x[3] < h - 40), key=lambda x: (round(x[3], 1), x[0]))
        i, end = 0, None
        for x in body:
            if i < len(want) and x[4] == want[i]:
                i += 1
                end = x[3]
                if i == len(want):
                    break
            elif i < len(want) and x[4].endswith("-") and want[i].startswith(x[4]):
                want[i] = want[i][len(x[4]):]  # a heading line may end after a hyphen
                end = x[3]
        if i < len(want):
            fail(f"page {page}: heading '{title}' not found where its bookmark points")
            continue
        after = [x for x in body if x[1] > end + 0.5]
        if not after:
            fail(f"page {page}: heading '{title}' is the last thing on its page")


def qdf_text(pdf):
    return subprocess.run(["qpdf", "--qdf", "--object-streams=disable", pdf, "-"], capture_output=True).stdout.decode("latin-1")


def bold_font_names(text):
    """Resource names (F1, F2, ...) of the bold fonts."""
    bold_objs = {n for n, body in re.findall(r"\n(\d+) 0 obj\n(.*?)endobj", text, re.S)
                 if re.search(r"/BaseFont /\S*Bold", body)}
    return {name for name, n in re.findall(r"/(F\d+) (\d+) 0 R", text) if n in bold_objs}


def check_labels(pdf):
    text = qdf_text(pdf)
    bold = bold_font_names(text)
    for n, stream in sorted(content_streams(pdf, text).items()):
        font, size, lowest = None, 0.0, None
        for line in stream.split("\n"):
            ops = line.split()
            if len(ops) >= 3 and ops[-1] == "Tf":
                font, size = ops[-3].lstrip("/"), float(ops[-2])
            elif len(ops) == 3 and ops[-1] == "Td":
                x, y = float(ops[0]), float(ops[1])
                if y > 60 and (lowest is None or y < lowest[1]):  # above the footer
                    lowest = [x, y, font, size, 0]
            elif ops[-1] == "Tj" and lowest and lowest[4] == 0:
                lowest[4] = len(ops[0].strip("<>")) // 4  # glyphs: 4 hex digits each (Identity-H)
        # a label is short ("Completed", "Due in the next 90 days"); a bold sentence ending a
        # block is not one
        if lowest and abs(lowest[0] - 48) < 0.5 and lowest[2] in bold and lowest[3] >= 9 and lowest[4] <= 40:
            fail(f"page {n}: a bold label is the last line on its page (y {lowest[1]:.0f})")


def content_streams(pdf, text=None):
    text = text or qdf_text(pdf)
    parts = re.split(r"%% Contents for page (\d+)\n", text)
    streams = {}
    for i in range(1, len(parts), 2):
        m = re.search(r"stream\n(.*?)\nendstream", parts[i + 1], re.S)
        streams[int(parts[i])] = m.group(1) if m else ""
    return streams


NAVY = (0x1F / 255, 0x38 / 255, 0x64 / 255)


def check_table_text(pdf, pages):
    for n, stream in sorted(content_streams(pdf).items()):
        page_w = pages[n - 1][0]
        size, line_w, fill = 0.0, 1.0, None
        texts, bands = [], []
        top = None  # the top of the next row: the header band's bottom, then each rule
        pending_move = None
        for line in stream.split("\n"):
            ops = line.split()
            if not ops:
                continue
            op, args = ops[-1], ops[:-1]
            try:
                if op == "Tf":
                    size = float(args[-1])
                elif op == "Td":
                    texts.append((float(args[0]), float(args[1]), size))
                elif op == "w":
                    line_w = float(args[0])
                elif op == "rg":
                    fill = tuple(float(a) for a in args)
                elif op == "re":
                    x, y, rw, rh = map(float, args)
                    if fill and all(abs(a - b) < 0.01 for a, b in zip(fill, NAVY)) and abs(x - 48) < 0.5 \
                            and abs(x + rw - (page_w - 48)) < 0.5:
                        bands.append((y, y + rh))
                        top = y
                elif op == "m":
                    pending_move = (float(args[0]), float(args[1]))
                elif op == "l" and pending_move:
                    x1, y1 = float(args[0]), float(args[1])
                    x0, y0 = pending_move
                    if abs(line_w - 0.4) < 0.01 and abs(y0 - y1) < 0.01 and abs(x0 - 48) < 0.5 \
                            and abs(x1 - (page_w - 48)) < 0.5 and top is not None:
                        bands.append((y0, top))
                        top = y0
                    pending_move = None
            except ValueError:
                continue
        for x, y, s in texts:
            if any(lo <= y <= hi for lo, hi in bands) and s < MIN_TABLE_PT - 0.01:
                fail(f"page {n}: table text at {s:g} pt (x {x:.0f}, y {y:.0f}); tables use {MIN_TABLE_PT:g} pt or more")
                break


def check_overprinted(pages):
    for n, (_, _, words) in enumerate(pages, 1):
        boxes = sorted(words)
        for i, a in enumerate(boxes):
            for b in boxes[i + 1:]:
                if b[0] >= a[2]:
                    break  # sorted by left edge: no later word starts inside this one
                w = min(a[2], b[2]) - max(a[0], b[0])
                h = min(a[3], b[3]) - max(a[1], b[1])
                smaller = min((a[2] - a[0]) * (a[3] - a[1]), (b[2] - b[0]) * (b[3] - b[1]))
                if w > 0 and h > 0 and smaller > 0 and w * h > smaller / 3:
                    fail(f"page {n}: '{a[4]}' and '{b[4]}' are printed over each other")
                    return


HEAD_BOTTOM, FOOT_TOP = 45.0, 50.0  # the running head ends above this; the foot starts this far above the bottom
BODY_TOP, BODY_BOTTOM = 52.0, 56.0  # the body's first line from the top, its last from the bottom (pdf_doc.h)
NEAR_EMPTY, LAST_NEAR_EMPTY = 0.2, 0.125


def check_empty_pages(pages):
    for n, (_, h, words) in enumerate(pages, 1):
        body = [w for w in words if w[1] > HEAD_BOTTOM and w[3] < h - FOOT_TOP]
        if not body:
            fail(f"page {n}: blank, only the running head and foot")
            continue
        used = (max(w[3] for w in body) - BODY_TOP) / (h - BODY_TOP - BODY_BOTTOM)
        if used < (NEAR_EMPTY if n < len(pages) else LAST_NEAR_EMPTY):
            fail(f"page {n}: near-empty, its body ends {used:.0%} down the page")


def main():
    pdf, sources = sys.argv[1], sys.argv[2:]
    pages = words_of_pages(pdf)
    tokens, pairs = source_vocabulary(sources, pages)
    check_split_words(pages, tokens, pairs)
    check_headings(pdf, pages)
    check_labels(pdf)
    check_table_text(pdf, pages)
    check_overprinted(pages)
    check_empty_pages(pages)
    if failures:
        for f in failures[:15]:
            print(f"FAIL: {pdf.split('/')[-1]}: {f}")
        if len(failures) > 15:
            print(f"... and {len(failures) - 15} more")
        sys.exit(1)
    print(f"layout ok: {pdf.split('/')[-1]}, {len(pages)} pages")


main()
