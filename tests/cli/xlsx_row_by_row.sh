#!/bin/bash
# A workbook too big to hold in memory is written row by row (libxlsxwriter's constant-memory
# mode; above XL_ROW_BY_ROW_CELLS cells, lowered here with the tests' hook): the same sheets,
# every cell's value and format, the same row heights, column widths from the first rows,
# the same charts; an autofilter on each header row where libxlsxwriter refuses tables; and
# the same bytes from two runs.
set -u
fail() { echo "FAIL: $*"; exit 1; }
work="$WORK_DIR/xlsx_row_by_row"
rm -rf "$work" && mkdir -p "$work"
for plan in peterborough-app-2022 peterborough-wsoa-2019; do
    "$SENDPACK" --as-of 2022-12-31 --format xlsx --output "$work/whole" "$SHARED_DIR/data/$plan" >/dev/null 2>&1 || fail "$plan: run"
    SENDPACK_XLSX_ROW_BY_ROW_CELLS=0 "$SENDPACK" --as-of 2022-12-31 --format xlsx --output "$work/rows" "$SHARED_DIR/data/$plan" >/dev/null 2>&1 ||
        fail "$plan: row-by-row run"
    SENDPACK_XLSX_ROW_BY_ROW_CELLS=0 "$SENDPACK" --as-of 2022-12-31 --format xlsx --output "$work/rows2" "$SHARED_DIR/data/$plan" >/dev/null 2>&1 ||
        fail "$plan: second row-by-row run"
    f="$plan-scrutiny-2022-12-31.xlsx"
    cmp -s "$work/rows/$f" "$work/rows2/$f" || fail "$plan: two row-by-row runs differ"
    /usr/bin/python3 - "$work/whole/$f" "$work/rows/$f" <<'PY' || exit 1
import sys
import openpyxl
def fail(msg):
    sys.exit("FAIL: " + msg)
whole, rows = openpyxl.load_workbook(sys.argv[1]), openpyxl.load_workbook(sys.argv[2])
if whole.sheetnames != rows.sheetnames:
    fail(f"sheets {rows.sheetnames} against {whole.sheetnames}")
tables = 0
for name in whole.sheetnames:
    a, b = whole[name], rows[name]
    cells = lambda ws: [(c.coordinate, c.value, c.number_format, c.font.b, c.fill.fgColor.rgb, c.alignment.wrap_text)
                        for r in ws.iter_rows() for c in r]
    if cells(a) != cells(b):
        diff = next((x, y) for x, y in zip(cells(a), cells(b)) if x != y) if len(cells(a)) == len(cells(b)) else "rows"
        fail(f"{name}: cells differ: {diff}")
    heights = lambda ws: {i: ws.row_dimensions[i].height for i in range(1, ws.max_row + 1)}
    if heights(a) != heights(b):
        fail(f"{name}: row heights differ")
    if len(a._charts) != len(b._charts):
        fail(f"{name}: {len(b._charts)} charts against {len(a._charts)}")
    if b.tables:
        fail(f"{name}: a table in row-by-row mode")
    if a.tables:
        tables += 1
        ref = list(a.tables.values())[0].ref
        if b.auto_filter.ref != ref:
            fail(f"{name}: autofilter {b.auto_filter.ref}, the table was {ref}")
        if b.freeze_panes != "A5" or b.print_title_rows not in ("4:4", "$4:$4"):
            fail(f"{name}: header row not frozen and repeated")
        for col in range(1, b.max_column + 1):
            letter = openpyxl.utils.get_column_letter(col)
            if not b.column_dimensions[letter].width or b.column_dimensions[letter].width < 6:
                fail(f"{name}: column {letter} has no width")
if tables < 8:
    fail(f"only {tables} table sheets compared")
print(f"ok: {len(whole.sheetnames)} sheets, {tables} tables as autofilters")
PY
done
echo "xlsx row by row ok"
