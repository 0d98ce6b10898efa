#!/bin/bash
# --format xlsx, read back by an independent reader (openpyxl): sheets, row counts equal to
# the model's, hand-worked cells, accessible tables, print setup, properties, same bytes.
set -u
fail() { echo "FAIL: $*"; exit 1; }
work="$WORK_DIR/xlsx_workbook"
rm -rf "$work" && mkdir -p "$work"
plan="$SHARED_DIR/data/peterborough-app-2022"

"$SENDPACK" --as-of 2022-12-31 --format json,xlsx --output "$work/a" "$plan" >/dev/null 2>&1 || fail "first run"
"$SENDPACK" --as-of 2022-12-31 --format xlsx --output "$work/b" "$plan" >/dev/null 2>&1 || fail "second run"
f=peterborough-app-2022-scrutiny-2022-12-31
cmp "$work/a/$f.xlsx" "$work/b/$f.xlsx" || fail "two runs differ"

/usr/bin/python3 - "$work/a/$f.xlsx" "$work/a/$f.json" <<'PY' || exit 1
import json, sys, datetime
import openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
model = json.load(open(sys.argv[2]))
def check(cond, msg):
    if not cond:
        sys.exit("FAIL: " + msg)
check(wb.sheetnames == ["Cover", "Contents", "Summary", "Progress", "Forecast", "Actions", "KPIs", "Checkpoints", "Exceptions", "Risks", "Data quality", "Key"],
      f"sheets {wb.sheetnames}")
check(wb.active.title == "Cover", "the first sheet is not active")

def table(ws):
    check(len(ws.tables) == 1, f"{ws.title}: {len(ws.tables)} tables")
    t = list(ws.tables.values())[0]
    first, last = t.ref.split(":")
    check(first == "A4", f"{ws.title}: table starts at {first}")
    check(ws.max_row == int(''.join(ch for ch in last if ch.isdigit())), f"{ws.title}: something below the table")
    rows = list(ws.iter_rows(min_row=5, max_row=ws.max_row, values_only=True))
    header = [c.value for c in ws[4]]
    check(all(h for h in header), f"{ws.title}: blank header")
    check(ws.freeze_panes == "A5", f"{ws.title}: freeze panes {ws.freeze_panes}")
    check(ws.page_setup.orientation == "landscape" and ws.page_setup.paperSize in (9, "9"), f"{ws.title}: print setup")
    # one page wide, or (decisions #19) across pages at 75% with the key columns repeated
    fitted = ws.sheet_properties.pageSetUpPr is not None and ws.sheet_properties.pageSetUpPr.fitToPage
    check((fitted and ws.page_setup.fitToWidth in (1, None) and ws.page_setup.fitToHeight == 0)
          or (not fitted and int(ws.page_setup.scale) == 75 and ws.print_title_cols and ws.print_title_cols.lstrip("$").startswith("A:")),
          f"{ws.title}: neither one page wide nor across pages with its key columns")
    check(ws.print_title_rows in ("4:4", "$4:$4"), f"{ws.title}: header row not repeated ({ws.print_title_rows})")
    check("Page &P of &N" in ws.oddFooter.center.text, f"{ws.title}: footer")
    check("Peterborough LASEND" in ws.oddHeader.left.text and "31 Dec 2022" in ws.oddHeader.right.text, f"{ws.title}: header")
    check(ws["A1"].value and "31 Dec 2022" in ws["A2"].value, f"{ws.title}: title and report date not in cells")
    return header, [dict(zip(header, r)) for r in rows]

for name in wb.sheetnames[1:]:
    table(wb[name])

h, actions = table(wb["Actions"])
check(len(actions) == len(model["milestones"]) == 13, f"Actions rows {len(actions)}")
a8 = next(r for r in actions if r["Ref"] == "APP-08")
check(a8["Derived status"] == "Red" and a8["Reported status"] == "Green" and a8["Days overdue"] == 92, f"APP-08 {a8}")
check(a8["Due"] == datetime.datetime(2022, 9, 30), f"APP-08 due {a8['Due']}")
check(a8["Challenge"] == "Reported Green, but 3 months overdue (due 30 Sep 2022)", a8["Challenge"])
check(a8["Source row"] == "actions.csv:24", a8["Source row"])
ws = wb["Actions"]
col = h.index("Derived status") + 1
for row in range(5, ws.max_row + 1):
    cell = ws.cell(row, col)
    check(cell.value in ("Blue", "Green", "Amber", "Red", "Grey"), f"status word {cell.value}")
    check(cell.fill.fgColor.rgb not in (None, "00000000"), f"status cell without a fill at row {row}")
check(ws.cell(5, h.index("Due") + 1).number_format == "dd mmm yyyy", "date format")

h, kpis = table(wb["KPIs"])
check(len(kpis) == len(model["kpis"]) == 12, f"KPI rows {len(kpis)}")
k12 = next(r for r in kpis if r["Ref"] == "K12")
check(k12["RAG"] == "Red" and k12["Final target"] == "21.25% by Jun 2023" and abs(k12["Latest value"] - 18.9) < 1e-9, f"K12 {k12}")
check(abs(k12["Progress to target"] - 1.9 / 4.25) < 1e-9, f"K12 progress {k12['Progress to target']}")
check(wb["KPIs"].cell(5 + [r['Ref'] for r in kpis].index("K12"), h.index("Progress to target") + 1).number_format == "0%", "percent format")
k02 = next(r for r in kpis if r["Ref"] == "K02")
check(k02["RAG"] == "Blue" and k02["Next checkpoint"] == datetime.datetime(2023, 6, 30) and k02["Next target"] == "381.1", f"K02 {k02}")

# every checkpoint of every KPI, one row each, as the JSON lists them
h, cps = table(wb["Checkpoints"])
check(h == ["Ref", "KPI", "Checkpoint", "Date", "Target", "Target value", "Target source", "Actual", "Met"], f"Checkpoints header {h}")
check(len(cps) == sum(len(k["checkpoints"]) for k in model["kpis"]), f"Checkpoints rows {len(cps)}")
k02 = [r for r in cps if r["Ref"] == "K02"]
check([r["Checkpoint"] for r in k02] == ["3-month (Sep 2022)", "6-month (Dec 2022)", "12-month (Jun 2023)"], f"K02 checkpoints {k02}")
# the 3-month target is words beside a numeric KPI: never judged by a status
check(k02[0]["Target value"] is None and k02[0]["Met"] == "–", f"K02 at 3 months {k02[0]}")
check(abs(k02[1]["Target value"] - 391.4) < 1e-9 and k02[1]["Target"] == "391.4 (Reduction by 5%)", f"K02 at 6 months {k02[1]}")
check(k02[1]["Actual"] == "374" and k02[1]["Met"] == "met", f"K02 at 6 months {k02[1]}")
check(k02[2]["Met"] == "not yet due" and k02[2]["Actual"] == "–", f"K02 at 12 months {k02[2]}")

h, summary = table(wb["Summary"])
check(len(summary) == 5, f"Summary rows {len(summary)}")
check([r["Assessment"] for r in summary[:4]] == ["On track", "Off track", "Off track", "At risk"], "assessments")  # Area 4: K12 is Red
check(summary[4]["Area"] == "Whole plan" and summary[4]["Red (overdue)"] == 2 and summary[4]["Green (on track)"] == 11, f"{summary[4]}")
check((summary[4]["KPIs Blue"], summary[4]["KPIs Green"], summary[4]["KPIs Amber"], summary[4]["KPIs Red"], summary[4]["KPIs Grey"]) == (1, 1, 1, 1, 8), "KPI counts")
check(len(wb["Summary"]._charts) == 2, "Summary charts")
# the charts sit under the table (it ends in row 9), where the sheet opens, and print with it
ws = wb["Summary"]
anchors = sorted((c.anchor._from.col, c.anchor._from.row) for c in ws._charts)
check([r for _, r in anchors] == [10, 10] and anchors[0][0] == 0 and anchors[1][0] > 0, f"charts at {anchors} (column, row)")
area = str(ws.print_area).split("!")[-1].replace("$", "")
last_row = int("".join(ch for ch in area.split(":")[1] if ch.isdigit()))
check(last_row >= 10 + 18, f"Summary print area {area} stops above the charts (they are 18 rows high)")
# numbers show the decimals they have: 412 as "412" (not "412."), 21.25 with two places, 18.9 with one
kws = wb["KPIs"]
kh = [c.value for c in kws[4]]
kcol = {name: kh.index(name) + 1 for name in ("Baseline", "Latest value", "Latest period")}
row_of = {kws.cell(r, 1).value: r for r in range(5, kws.max_row + 1)}
check(kws.cell(row_of["K02"], kcol["Baseline"]).number_format == "#,##0", "K02 baseline 412: " + kws.cell(row_of["K02"], kcol["Baseline"]).number_format)
cws = wb["Checkpoints"]
ch = [c.value for c in cws[4]]
k12_final = next(r for r in range(5, cws.max_row + 1) if cws.cell(r, 1).value == "K12" and cws.cell(r, 3).value.startswith("12-month"))
check(cws.cell(k12_final, ch.index("Target value") + 1).number_format == "#,##0.00", "21.25")
check(kws.cell(row_of["K12"], kcol["Latest value"]).number_format == "#,##0.0", "18.9")
check(all(".##" not in str(c.number_format) for row in kws.iter_rows(min_row=5) for c in row), "a format with a trailing point")
# the latest period is a date shown as its month
period = kws.cell(row_of["K12"], kcol["Latest period"])
check(period.value == datetime.datetime(2022, 12, 31) and period.number_format == "mmm yyyy", f"latest period {period.value!r} {period.number_format}")

# Progress: the JSON's burn-up row for row, with a native line chart; Forecast: each area and the plan
h, progress = table(wb["Progress"])
burnup = model["progress"]["burnup"]
check(len(progress) == len(burnup) == 19, f"Progress rows {len(progress)}")   # Jun 2022 .. Dec 2023
for row, b in zip(progress, burnup):
    check((row["Planned by original due dates"], row["Planned by revised due dates"]) == (b["planned"], b["revised"]), f"{row}")
    check(row["Completed"] == b["completed"], f"completed {row} {b}")
check(progress[6]["Note"] == "report month" and progress[7]["Completed"] is None, f"{progress[6]} {progress[7]}")
check(progress[18]["Planned by original due dates"] == 13, "every milestone planned by Dec 2023")
check(len(wb["Progress"]._charts) == 1, "Progress chart")
h, forecast = table(wb["Forecast"])
check([r["Area"] for r in forecast][-1] == "Whole plan" and len(forecast) == 5, f"Forecast rows {len(forecast)}")
check(forecast[-1]["Likely by"] == "no forecast" and forecast[-1]["Forecast"].startswith("Too few completed milestones"),
      f"{forecast[-1]}")

h, exceptions = table(wb["Exceptions"])
check(len(exceptions) == 11, f"Exceptions rows {len(exceptions)}")  # 2 overdue, K12 Red, 7 missing updates, K07 Amber
# Red first, then missing updates (missing data is never reassurance), then Amber
check([r["Ref"] for r in exceptions] == ["APP-05", "APP-08", "K12", "K03", "K04", "K05", "K06", "K08", "K10", "K11", "K07"],
      f"order {[r['Ref'] for r in exceptions]}")
h, risks = table(wb["Risks"])
check(len(risks) == len(model["risks"]) == 4, "risks")
h, quality = table(wb["Data quality"])
# K02's pending baseline; K05 and K06 in no area (Plan-wide KPIs); K08, K10-K12 placed by word overlap
check(len(quality) == len(model["data_quality"]) == 7 and [q["Line"] for q in quality] == [3, 6, 7, 9, 11, 12, 13],
      f"quality {quality}")
check("Plan-wide KPIs" in quality[1]["What to fix"] and "overlap 75%" in quality[6]["What to fix"], f"quality {quality}")
h, key = table(wb["Key"])
check(any(r["Term"] == "[note 2]" and "illustrative" in r["Meaning"] for r in key), "illustrative note")
h, contents = table(wb["Contents"])
check([r["Sheet"] for r in contents] == wb.sheetnames[1:], "contents")
check(wb["Contents"]["A5"].hyperlink.location == "'Contents'!A1", "contents links")
check(wb.properties.created == datetime.datetime(2022, 12, 31), f"created {wb.properties.created}")
check(wb.properties.title == "Peterborough LASEND Accelerated Progress Plan: monitoring report" and wb.properties.creator, f"properties {wb.properties.title}")
check("illustrative" in [c.value for c in wb["Cover"]["B"] if c.value and "illustrative" in str(c.value)][0], "cover note")
print("workbook ok")
PY

# Hostile text: formula-looking cells stay text; an over-long narrative is cut with a marker.
cp -r "$SOURCE_DIR/tests/data/hostile" "$work/hostile"
/usr/bin/python3 -c "
import sys
p = sys.argv[1]
s = open(p, encoding='utf-8').read().replace('LONG_PROGRESS_PLACEHOLDER', '\"' + 'Progress. ' * 4000 + '\"')
open(p, 'w', encoding='utf-8').write(s)" "$work/hostile/actions.csv"
# (the advisers' pack: the public ones remove the phone number this test puts in a milestone)
msg=$("$SENDPACK" --as-of 2022-12-31 --template dfe-nhse --format xlsx --output "$work/h" "$work/hostile" 2>&1) || fail "hostile run: $msg"
echo "$msg" | grep -q "1 cell longer than Excel allows was cut" || fail "no warning about the cut: $msg"
/usr/bin/python3 - "$work/h/hostile-dfe-nhse-2022-12-31.xlsx" <<'PY' || exit 1
import sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
ws = wb["Actions"]
header = [c.value for c in ws[4]]
rows = [dict(zip(header, r)) for r in ws.iter_rows(min_row=5, values_only=True)]
def check(cond, msg):
    if not cond: sys.exit("FAIL: " + msg)
check(rows[0]["Action"] == '=HYPERLINK("http://example.invalid","click")', repr(rows[0]["Action"]))
check(ws.cell(5, header.index("Action") + 1).data_type == "s", "formula-looking text is not a string cell")
check(rows[0]["Milestone"] == "+44 1733 000000" and rows[0]["Owner"] == "@owner" and rows[0]["Progress"] == "-5 is not a formula", f"{rows[0]}")
check(rows[1]["Action"] == "“Curly quotes” – en dash — em dash • bullet £5 100%", rows[1]["Action"])
p = rows[1]["Progress"]
check(len(p) < 32767 and p.endswith("[cut: longer than an Excel cell holds; see the source row]"), f"long cell {len(p)}")
check(wb["KPIs"]["B5"].value == "=1+1" and wb["KPIs"]["B5"].data_type == "s", "KPI name formula")
print("hostile text ok")
PY
# the whole plan's "due milestones done on time" (tests/unit/test_exports.c: 1 of 4 due by
# 30 Jun 2022 done on time in the merged-cell tracker) and the areas' own shares
"$SENDPACK" --as-of 2022-06-30 --format xlsx --output "$work/m" "$SOURCE_DIR/tests/data/merged-tracker" >/dev/null 2>&1 || fail "merged tracker"
/usr/bin/python3 - "$work/m/merged-tracker-scrutiny-2022-06-30.xlsx" <<'PY' || exit 1
import sys
import openpyxl
ws = openpyxl.load_workbook(sys.argv[1])["Summary"]
header = [c.value for c in ws[4]]
rows = [dict(zip(header, r)) for r in ws.iter_rows(min_row=5, values_only=True) if any(r)]
col = "Due milestones done on time"
whole = next(r for r in rows if r["Area"] == "Whole plan")
if whole[col] != 0.25 or rows[0][col] != 0.25 or rows[1][col] is not None:
    sys.exit(f"FAIL: on time {[r[col] for r in rows]}")
print("Summary on-time cells ok")
PY
echo "xlsx ok"
