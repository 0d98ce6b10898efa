#!/usr/bin/env python3
"""pdf_tags_check.py - reads a sendpack PDF's structure back and checks it as a screen reader
would need it (issue 23; docs/accessibility.md lists which PDF/UA-1 checkpoints this covers).

Readers: poppler (pdfinfo -struct, -struct-text; pdftotext; pdffonts; pdftoppm), qpdf --json
for the objects poppler does not print (/Alt, the catalog, ToUnicode maps), and optionally
pdf.js (tests/pdfjs/read_struct.mjs output) as a second, independent reader of the tree.

Usage: pdf_tags_check.py PDF HTML [--pdfjs JSON] [--tables] [--figures] [--lists] [--as-web]
                         [--expect-file TEXT_FILE]
HTML is the same pack's web page: each PDF figure's /Alt must be one of its charts' title and
description; with --as-web (the Local Offer page, which the PDF follows section for section) the
PDF's headings are the page's (but its contents list), level for level, and its list items the
page's bulleted ones; with --expect-file the structure's text holds that file's text (UTF-8)
exactly, read through the fonts' ToUnicode maps. Exit 1 with the problems listed.
"""
import html
import json
import re
import subprocess
import sys

problems = []


def fail(msg):
    problems.append(msg)


def run(args):
    r = subprocess.run(args, capture_output=True, text=True)
    for line in r.stderr.splitlines():
        if "Syntax Warning" in line or "Syntax Error" in line:
            fail(f"{args[0]}: {line}")
    return r.stdout


def norm(s):
    return " ".join(s.split())


def words_of(s):
    return re.findall(r"[\w'’]+", s)


def in_order(part, whole):
    """Whether the words of part appear in whole, in order (whole may have more)."""
    it = iter(whole)
    return all(any(w == x for x in it) for w in part)


# ---- the structure as poppler reads it ------------------------------------------------------
class Elem:
    def __init__(self, role, depth):
        self.role, self.depth, self.kids, self.text, self.attrs = role, depth, [], "", []

    def walk(self):
        yield self
        for k in self.kids:
            yield from k.walk()


def parse_struct(text):
    roots, stack = [], []
    for line in text.splitlines():
        if not line.strip():
            continue
        depth = (len(line) - len(line.lstrip(" "))) // 2
        body = line.strip()
        if body.startswith('"'):
            if stack:
                stack[-1].text += body[1:-1] if body.endswith('"') else body[1:]
            continue
        if body.startswith("/"):
            if stack:
                stack[-1].attrs.append(body)
            continue
        role = body.split()[0].rstrip(":")
        e = Elem(role, depth)
        while stack and stack[-1].depth >= depth:
            stack.pop()
        (stack[-1].kids if stack else roots).append(e)
        stack.append(e)
    return roots


# ---- the objects as qpdf reads them ---------------------------------------------------------
def qpdf_objects(pdf):
    data = json.loads(subprocess.run(["qpdf", "--json", "--json-key=qpdf", pdf], capture_output=True,
                                     text=True).stdout)
    return data["qpdf"][1]


def qstr(v):
    if isinstance(v, str) and v.startswith("u:"):
        return v[2:]
    if isinstance(v, str) and v.startswith("b:"):
        b = bytes.fromhex(v[2:])
        return b[2:].decode("utf-16-be") if b[:2] == b"\xfe\xff" else b.decode("latin-1")
    return v


def val(objs, ref):
    o = objs.get("obj:" + ref) if isinstance(ref, str) and ref.endswith(" R") else None
    if o is None:
        return ref
    return o.get("value", o.get("stream", {}).get("dict"))


def stream_data(pdf, ref):
    n = ref.split()[0]
    return subprocess.run(["qpdf", f"--show-object={n}", "--filtered-stream-data", pdf], capture_output=True).stdout


def main():
    args = sys.argv[1:]
    pdf, page_html = args[0], args[1]
    pdfjs = args[args.index("--pdfjs") + 1] if "--pdfjs" in args else None
    want_tables, want_figures, want_lists = "--tables" in args, "--figures" in args, "--lists" in args
    as_web = "--as-web" in args
    expect = open(args[args.index("--expect-file") + 1], encoding="utf-8").read() if "--expect-file" in args else None

    info = run(["pdfinfo", pdf])
    title = norm(re.search(r"^Title:\s*(.*)$", info, re.M).group(1))
    struct = parse_struct(run(["pdfinfo", "-struct-text", pdf]))
    run(["pdfinfo", "-struct", pdf])
    run(["pdffonts", pdf])
    run(["pdftoppm", "-r", "10", "-gray", pdf, "/dev/null/x"])  # renders every page (output discarded)
    words = run(["pdftotext", pdf, "-"]).split()

    if len(struct) != 1 or struct[0].role != "Document":
        fail(f"the tree's root is not one Document: {[e.role for e in struct]}")
        return
    doc = struct[0]
    elems = list(doc.walk())
    roles = [e.role for e in elems]
    standard = {"Document", "H1", "H2", "H3", "H4", "H5", "H6", "P", "L", "LI", "Lbl", "LBody", "Table", "TR", "TH",
                "TD", "Figure", "Sect", "Span"}
    if set(roles) - standard:
        fail(f"structure types PDF 1.7 does not define, with no role map: {sorted(set(roles) - standard)}")

    # one H1, the title, first; headings in order, no level skipped
    heads = [e for e in elems if re.fullmatch(r"H[1-6]", e.role)]
    if [e.role for e in heads].count("H1") != 1:
        fail(f"{[e.role for e in heads].count('H1')} H1 elements, not one")
    if not doc.kids or doc.kids[0].role != "H1":
        fail(f"the first element is {doc.kids[0].role if doc.kids else 'nothing'}, not the H1")
    elif not in_order(words_of(title), words_of(doc.kids[0].text)):
        # the document's title, or the families' page title that spells its abbreviations out
        fail(f"the H1 reads {norm(doc.kids[0].text)!r}, the title is {title!r}")
    level = 0
    for e in heads:
        n = int(e.role[1])
        if n > level + 1:
            fail(f"{e.role} {norm(e.text)[:60]!r} follows an H{level}: a level skipped")
        level = n

    # tables: a header row of TH cells with their scope
    tables = [e for e in elems if e.role == "Table"]
    if want_tables and not tables:
        fail("no Table")
    for t in tables:
        th = [c for r in t.kids if r.role == "TR" for c in r.kids if c.role == "TH"]
        if not th:
            fail("a Table with no TH cells")
        if any(not any(a in ("/Scope /Column", "/Scope /Row") for a in c.attrs) for c in th):
            fail("a TH without /Scope /Column or /Row")
        if t.kids and any(c.role != "TH" or "/Scope /Column" not in c.attrs for c in t.kids[0].kids):
            fail("a Table whose first row is not its column headers")
        if any(r.role != "TR" for r in t.kids):
            fail(f"a Table holds {sorted(set(r.role for r in t.kids))}")

    # lists: L of LI, each a Lbl and an LBody
    lists = [e for e in elems if e.role == "L"]
    if want_lists and not lists:
        fail("no L (list)")
    for l in lists:
        for li in l.kids:
            if li.role != "LI" or [k.role for k in li.kids] != ["Lbl", "LBody"]:
                fail(f"a list item is {li.role} of {[k.role for k in li.kids]}")

    # figures: each with the alternative text the web page gives its chart
    objs = qpdf_objects(pdf)
    alts = [qstr(v.get("/Alt")) for v in (o.get("value") for o in objs.values()) if isinstance(v, dict)
            and v.get("/Type") == "/StructElem" and v.get("/S") == "/Figure"]
    n_fig = roles.count("Figure")
    if want_figures and not n_fig:
        fail("no Figure")
    if len(alts) != n_fig or any(not a for a in alts):
        fail(f"{n_fig} Figures, {sum(1 for a in alts if a)} with /Alt")
    page = open(page_html, encoding="utf-8").read()
    charts = {norm(html.unescape(f"{t}. {d}")) for t, d in
              re.findall(r"<title id=\"[^\"]*\">(.*?)</title>\s*<desc id=\"[^\"]*\">(.*?)</desc>", page, re.S)}
    for a in alts:
        if a and norm(a) not in charts:
            fail(f"a Figure's /Alt is none of the web page's chart descriptions: {a[:100]!r}")

    if as_web:
        web = [(int(n), norm(html.unescape(re.sub(r"<[^>]+>", "", t))))
               for n, t in re.findall(r"<h([1-6])[^>]*>(.*?)</h\1>", page, re.S)]
        web = [h for h in web if h[1] != "Contents"]
        mine = [(int(e.role[1]), norm(e.text)) for e in heads]
        if mine != web:
            fail(f"the headings differ from the web page's: {[h for h in mine if h not in web][:3]} "
                 f"/ {[h for h in web if h not in mine][:3]}")
        web_items = sum(len(re.findall(r"<li\b", ul)) for ul in re.findall(r"<ul\b.*?</ul>", page, re.S))
        if roles.count("LI") != web_items:
            fail(f"{roles.count('LI')} list items, the web page has {web_items}")

    # the document: PDF 1.7, /Lang, /MarkInfo, /ViewerPreferences, XMP; pages' /StructParents, /Tabs
    if not open(pdf, "rb").read(9).startswith(b"%PDF-1.7"):
        fail("the header is not %PDF-1.7")
    trailer = objs["trailer"]["value"]
    cat = val(objs, trailer["/Root"])
    if qstr(cat.get("/Lang")) != "en-GB":
        fail(f"/Lang is {cat.get('/Lang')}")
    if val(objs, cat.get("/MarkInfo", {})).get("/Marked") is not True:
        fail("no /MarkInfo <</Marked true>>")
    if val(objs, cat.get("/ViewerPreferences", {})).get("/DisplayDocTitle") is not True:
        fail("no /ViewerPreferences <</DisplayDocTitle true>>")
    root = val(objs, cat.get("/StructTreeRoot"))
    if not isinstance(root, dict) or "/ParentTree" not in root or "/ParentTreeNextKey" not in root:
        fail("the StructTreeRoot lacks /ParentTree or /ParentTreeNextKey")
    xmp = stream_data(pdf, cat["/Metadata"]).decode("utf-8") if "/Metadata" in cat else ""
    if "<pdfuaid:part>1</pdfuaid:part>" not in xmp:
        fail("no pdfuaid:part 1 in the XMP metadata")
    m = re.search(r"<dc:title><rdf:Alt><rdf:li xml:lang=\"x-default\">(.*?)</rdf:li>", xmp)
    if not m or norm(html.unescape(m.group(1))) != title:
        fail(f"the XMP dc:title is not the title: {m.group(1) if m else None!r}")
    pages = [v for v in (o.get("value") for o in objs.values()) if isinstance(v, dict) and v.get("/Type") == "/Page"]
    keys = sorted(p.get("/StructParents", -1) for p in pages)
    if keys != list(range(len(pages))) or any(p.get("/Tabs") != "/S" for p in pages):
        fail(f"pages' /StructParents {keys} or /Tabs not /S")
    if root and root.get("/ParentTreeNextKey") != len(pages):
        fail(f"/ParentTreeNextKey {root.get('/ParentTreeNextKey')} for {len(pages)} pages")

    # each font's ToUnicode map: bfchar/bfrange blocks of at most 100, ranges within one last byte
    fonts = [v for v in (o.get("value") for o in objs.values()) if isinstance(v, dict) and v.get("/Subtype") == "/Type0"]
    if not fonts:
        fail("no Type0 font")
    for f in fonts:
        if "/ToUnicode" not in f:
            fail(f"{f.get('/BaseFont')} has no ToUnicode map")
            continue
        cmap = stream_data(pdf, f["/ToUnicode"]).decode("latin-1")
        if "cidrange" in cmap:
            fail(f"{f.get('/BaseFont')}: a cidrange in its ToUnicode map")
        for n, kind, body in re.findall(r"(\d+) begin(bfchar|bfrange)\n(.*?)end\2", cmap, re.S):
            lines = body.strip().splitlines()
            if int(n) != len(lines) or int(n) > 100:
                fail(f"{f.get('/BaseFont')}: a {kind} block of {n} says, {len(lines)} has")
            for line in lines:
                codes = re.findall(r"<([0-9A-F]{4})>", line)
                if kind == "bfrange" and (codes[0][:2] != codes[1][:2] or codes[0] > codes[1]):
                    fail(f"{f.get('/BaseFont')}: the range {line} crosses a last byte")

    # all the page's text is in the tree, but for the running head and foot
    tree_text = re.sub(r"\s+", "", "".join(e.text for e in elems))
    running = set(title.split()) | {"Report", "date", "Page", "of"}
    date = re.search(r"Report date (\S+ \S+ \S+)", " ".join(words))
    if date:
        running |= set(date.group(1).split())
    # pdftotext joins a word broken after its hyphen at a line end ("Co-|designed": "Codesigned")
    unbroken = tree_text.replace("-", "")
    # ... and may join it to the next line of the cell beside it ("Co-" ending a row header, then
    # "development" opening the next cell's second line: "Codevelopment"): both parts in the tree
    def joined(w):
        return any(w[:i] + "-" in tree_text and w[i:] in tree_text for i in range(1, len(w)))
    missing = [w for w in words if w not in tree_text and w.replace("-", "") not in unbroken and w not in running
               and not w.isdigit() and not joined(w)]
    if missing:
        fail(f"{len(missing)} words on the pages are in no structure element: {missing[:12]}")
    if expect is not None and re.sub(r"\s+", "", expect) not in tree_text:
        fail(f"the structure's text does not hold {expect[:40]!r}...: a character read back wrong")
    for e in elems:
        if re.search(r"Page \d+ of \d+|Report date", e.text):
            fail(f"the running head or foot is in the tree ({e.role}: {norm(e.text)[:60]!r})")

    # pdf.js: the same roles, headings, header cells, labels and figures in the same order
    if pdfjs:
        js = json.load(open(pdfjs))
        js_roles = [r for p in js["pages"] for r in p["roles"]]
        if set(js_roles) != set(roles):
            fail(f"pdf.js reads roles {sorted(set(js_roles))}, poppler {sorted(set(roles))}")
        whole = {"H1", "H2", "H3", "H4", "Figure", "Lbl"}  # drawn whole on one page
        if [r for r in js_roles if r in whole] != [r for r in roles if r in whole]:
            fail("pdf.js reads headings, figures or list labels in another order than poppler")
        js_alts = [a for p in js["pages"] for a in p["alts"]]
        if len(js_alts) != n_fig or any(not a or norm(a) not in charts for a in js_alts):
            fail(f"pdf.js reads {len(js_alts)} figures' /Alt, not the {n_fig} charts' descriptions")
        if js["nested"]:
            fail(f"pdf.js finds {js['nested']} marked-content sequences inside another (an artifact in content, or content in an artifact)")
        if js["untagged"]:
            fail(f"pdf.js finds text in no marked content: {js['untagged'][:5]}")
        heads_th = {norm(c.text) for c in elems if c.role == "TH"}
        for s in js["artifactText"]:
            s = norm(s)
            if not (re.fullmatch(r"Page \d+ of \d+|Report date .*|[\d ]+", s) or title.startswith(s)
                    or any(h.startswith(s) or s in h for h in heads_th)):
                fail(f"pdf.js reads {s!r} as an artifact: only running heads, feet and repeated headers may be")


main()
if problems:
    print("\n".join(problems))
    sys.exit(1)
