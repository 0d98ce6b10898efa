#!/bin/bash
# The workbook prints readably on A4 (decisions #19, issue 22): no sheet scaled below 60% to fit;
# a sheet too wide for that runs across pages with its key columns repeated. Each sheet's scale
# is computed from its own page setup and column widths (xlsx_print_check.py), for the demo in
# every template, the shared WSoA and a national-scale plan (shared/bench/gen_national.py); a
# workbook made to print as before (the KPIs sheet fitted to one page wide, at about 30%; its key
# columns not repeated) shows that the check can fail.
set -u
fail() { echo "FAIL: $*"; exit 1; }
work="$WORK_DIR/xlsx_print"
rm -rf "$work" && mkdir -p "$work/out"
check="$SOURCE_DIR/tests/cli/xlsx_print_check.py"
/usr/bin/python3 "$SHARED_DIR/bench/gen_national.py" "$work/in" 1 392 3921 >/dev/null || fail "generator"
for template in scrutiny dfe-nhse local-offer; do
    "$SENDPACK" --as-of 2022-12-31 --template "$template" --format xlsx --output "$work/out" \
        "$SOURCE_DIR/input/peterborough-app-2022" >/dev/null 2>&1 || fail "demo $template run"
    "$SENDPACK" --as-of 2021-06-30 --template "$template" --format xlsx --output "$work/out" \
        "$SHARED_DIR/data/peterborough-wsoa-2019" >/dev/null 2>&1 || fail "WSoA $template run"
done
for template in scrutiny dfe-nhse; do
    "$SENDPACK" --as-of 2023-06-30 --template "$template" --format xlsx --output "$work/out" "$work/in/area-000" \
        >/dev/null 2>&1 || fail "national $template run"
done
/usr/bin/python3 "$check" "$work/out"/*.xlsx || exit 1

# the wide sheets do run across pages, each with its key columns
/usr/bin/python3 - "$work/out/area-000-dfe-nhse-2023-06-30.xlsx" <<'PY' || fail "the KPIs sheet"
import re, sys, zipfile
z = zipfile.ZipFile(sys.argv[1])
book = z.read("xl/workbook.xml").decode()
sheets = re.findall(r'<sheet name="([^"]+)"', book)
kpis = sheets.index("KPIs")
titles = re.search(rf'<definedName name="_xlnm.Print_Titles" localSheetId="{kpis}">([^<]+)<', book)
assert titles and "KPIs!$A:$B" in titles.group(1), titles and titles.group(1)
xml = z.read(f"xl/worksheets/sheet{kpis + 1}.xml").decode()
assert 'scale="75"' in xml and "fitToPage" not in xml, re.search(r"<pageSetup [^>]*>", xml).group(0)
PY

# a workbook printed as before: the KPIs sheet fitted to one page wide; and its Actions sheet
# running across pages without its key columns
/usr/bin/python3 - "$work/out/area-000-dfe-nhse-2023-06-30.xlsx" "$work/faulty.xlsx" <<'PY' || fail "cannot make the faulty workbook"
import re, sys, zipfile
src, dst = zipfile.ZipFile(sys.argv[1]), zipfile.ZipFile(sys.argv[2], "w", zipfile.ZIP_DEFLATED)
sheets = re.findall(r'<sheet name="([^"]+)"', src.read("xl/workbook.xml").decode())
kpis = f"xl/worksheets/sheet{sheets.index('KPIs') + 1}.xml"
for item in src.infolist():
    data = src.read(item.filename)
    if item.filename == kpis:
        xml = data.decode()
        xml = re.sub(r"<pageSetup [^>]*>", '<pageSetup paperSize="9" fitToHeight="0" orientation="landscape"/>', xml)
        xml = xml.replace("<sheetPr>", '<sheetPr><pageSetUpPr fitToPage="1"/>', 1) if "<sheetPr>" in xml else \
            xml.replace("<dimension", '<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr><dimension', 1)
        data = xml.encode()
    if item.filename == "xl/workbook.xml":
        data = re.sub(r"(KPIs|Actions)!\$A:\$[A-Z],", "", data.decode()).encode()
    dst.writestr(item, data)
dst.close()
PY
found=$(/usr/bin/python3 "$check" "$work/faulty.xlsx" 2>&1) && fail "the check passed a workbook fitted at a third: $found"
grep -q "FAIL: faulty.xlsx: KPIs: prints at [0-9]*% (at least 60%)" <<<"$found" || fail "small scale not found: $found"
grep -q "FAIL: faulty.xlsx: Actions: .* without its key columns repeated" <<<"$found" || fail "no key columns not found: $found"
echo "$found" | head -1 | grep -q "KPIs [0-9]%\|KPIs [1-5][0-9]%" || fail "the faulty KPIs sheet's scale: $found"
echo "xlsx print ok"
