#!/usr/bin/python3
"""The workbook as it prints on A4 (decisions #19), from each sheet's own page setup.

usage: xlsx_print_check.py WORKBOOK.xlsx...

For every sheet: the paper (A4), orientation and margins give the printable width; the column
widths of the print area (xl/worksheets/sheetN.xml <cols>, default 8.43 characters) give the
sheet's width, in pixels as Excel counts them (a width of w characters of the default font,
whose digits are 7 pixels wide, is trunc(w * 7 + 0.5) pixels; 96 pixels an inch). The printed
scale is then
  - fitted to pages (<pageSetUpPr fitToPage="1"/>, fitToWidth n, 0 meaning any): at most
    100%, and no more than n pages wide allow (with the print-title columns on each page);
  - else the <pageSetup scale> (100% by default).
A sheet fails when its scale is below 60%; or when it runs across pages without print-title
columns (its key columns repeated, xl/workbook.xml _xlnm.Print_Titles); or when its title
columns and any one other column do not fit one page at that scale.
"""
import re
import sys
import zipfile

MIN_SCALE = 60
PAPER_WIDTH_PT = {9: (595.28, 841.89)}  # A4, portrait width and height
failures = []


def col_number(letters):
    n = 0
    for ch in letters:
        n = n * 26 + ord(ch) - 64
    return n


def pixels(width):
    return int(width * 7 + 0.5)


def attrs(tag):
    return dict(re.findall(r'(\w+)="([^"]*)"', tag))


def check(path):
    z = zipfile.ZipFile(path)
    book = z.read("xl/workbook.xml").decode()
    rels = dict(re.findall(r'Id="(rId\d+)"[^>]*Target="([^"]+)"', z.read("xl/_rels/workbook.xml.rels").decode()))
    sheets = re.findall(r'<sheet name="([^"]+)" sheetId="\d+" r:id="(rId\d+)"/>', book)
    names = {}
    for kind, local, ref in re.findall(r'<definedName name="_xlnm\.(Print_Area|Print_Titles)" localSheetId="(\d+)">([^<]+)<',
                                       book):
        names[(kind, int(local))] = ref.replace("&apos;", "'")
    report = []
    where = path.split("/")[-1] + ": "
    for index, (name, rid) in enumerate(sheets):
        xml = z.read("xl/" + rels[rid]).decode()
        tag = re.search(r"<pageSetup [^>]*>", xml)
        setup = attrs(tag.group(0)) if tag else {}
        margins = attrs(re.search(r"<pageMargins [^>]*>", xml).group(0)) if "<pageMargins" in xml else {}
        paper = int(setup.get("paperSize", "9"))
        if paper not in PAPER_WIDTH_PT:
            failures.append(f"{where}{name}: paper size {paper} is not A4")
            continue
        w, h = PAPER_WIDTH_PT[paper]
        page_w = (h if setup.get("orientation") == "landscape" else w) - 72 * (
            float(margins.get("left", 0.7)) + float(margins.get("right", 0.7)))
        widths = {}
        for c in re.findall(r"<col [^>]*>", xml):
            a = attrs(c)
            for k in range(int(a["min"]), int(a["max"]) + 1):
                widths[k] = float(a.get("width", 8.43))
        area = names.get(("Print_Area", index))
        if area:
            m = re.search(r"\$([A-Z]+)\$\d+:\$([A-Z]+)\$\d+", area)
            first, last = col_number(m.group(1)), col_number(m.group(2))
        else:
            dim = re.search(r'<dimension ref="[A-Z]+\d+(?::([A-Z]+)\d+)?"', xml)
            first, last = 1, col_number(dim.group(1)) if dim and dim.group(1) else 1
        cols = [pixels(widths.get(k, 8.43)) * 0.75 for k in range(first, last + 1)]
        total = sum(cols)
        titles = names.get(("Print_Titles", index), "")
        m = re.search(r"\$([A-Z]+):\$([A-Z]+)", titles)
        title_cols = list(range(col_number(m.group(1)), col_number(m.group(2)) + 1)) if m else []
        title_w = sum(pixels(widths.get(k, 8.43)) * 0.75 for k in title_cols)
        fitted = re.search(r'<pageSetUpPr[^>]*fitToPage="1"', xml) is not None
        if fitted:
            across = int(setup.get("fitToWidth", "1"))
            scale = 100.0 if across == 0 else min(100.0, 100 * across * page_w / (total + (across - 1) * title_w))
        else:
            scale = float(setup.get("scale", "100"))
        room = page_w * 100 / scale  # points of the sheet on one page
        pages = 1
        if total > room + 0.5:
            if not title_cols:
                failures.append(f"{where}{name}: {total:.0f} pt wide runs across pages at {scale:.0f}% without its key "
                                f"columns repeated (no print-title columns)")
            rest = [c for k, c in zip(range(first, last + 1), cols) if k not in title_cols]
            if rest and title_w + max(rest) > room:
                failures.append(f"{where}{name}: its title columns and widest column do not fit one page at {scale:.0f}%")
            # pages across, each with the title columns
            used, pages = title_w, 1
            for c in rest:
                if used + c > room:
                    pages, used = pages + 1, title_w
                used += c
        if scale < MIN_SCALE - 0.5:
            failures.append(f"{where}{name}: prints at {scale:.0f}% (at least {MIN_SCALE}%)")
        report.append(f"{name} {scale:.0f}%" + (f" x{pages}" if pages > 1 else ""))
    print(f"{path.split('/')[-1]}: " + ", ".join(report))


def main():
    for path in sys.argv[1:]:
        check(path)
    if failures:
        for f in failures:
            print(f"FAIL: {f}")
        sys.exit(1)


main()
