#!/bin/bash
# --previous: last period's WSoA against a later version derived from it here; every change is
# reported and nothing else. And SPC: the charts and the sheet, for KPIs with enough points.
set -u
fail() { echo "FAIL: $*"; exit 1; }
work="$WORK_DIR/monthly_cycle"
rm -rf "$work" && mkdir -p "$work"
prev="$SHARED_DIR/data/peterborough-wsoa-2019"
cur="$work/peterborough-wsoa-2019"
cp -r "$prev" "$cur"
/usr/bin/python3 - "$cur/actions.csv" <<'PY'
import csv, sys
p = sys.argv[1]
rows = list(csv.reader(open(p, encoding="utf-8", newline="")))
h = rows[0]
M, D, B, R = h.index("Key milestones (Action tracker)"), h.index("Deadline"), h.index("BRAG + date"), h.index("Ref")
def row(ref, start):
    for r in rows[1:]:
        if r[R] == ref and r[M].startswith(start):
            return r
    raise SystemExit(f"no row {ref} {start}")
row("1.1a", "Baseline of needs identified")[B] = "May 2020"                    # completed
row("2.3", "Contract and monitoring arrangements")[B] = "May 2020"             # completed
row("2.4", "LA partners agree with providers")[D] = "October 2020 (revised from July 2020)"  # revised, not yet due
row("3.1", "Recruitment processes commenced")[D] = "September 2020 (revised from Dec 2019)"  # revised, was overdue
row("1.2b", "Publication of the revised pathway")[M] = "Revised pathway published on the Local Offer website"
rows.remove(row("4.2", "Implementation of a multi-agency review panel"))       # removed
new = list(row("5.1c", "Plans for transition officer role"))
new[M], new[D], new[B] = "Transition officer recruited", "December 2020", ""
rows.insert(rows.index(row("5.1c", "Plans for transition officer role")) + 1, new)  # added
csv.writer(open(p, "w", encoding="utf-8", newline="")).writerows(rows)
PY
# No month ends between the two report dates, so the passing of time changes nothing.
"$SENDPACK" --as-of 2020-06-29 --previous "$prev" --previous-as-of 2020-06-01 --output "$work/out" "$cur" >/dev/null 2>&1 || fail "run"
b="$work/out/peterborough-wsoa-2019-scrutiny-2020-06-29"
/usr/bin/python3 - "$b" <<'PY' || exit 1
import json, re, subprocess, sys
import openpyxl
b = sys.argv[1]
def check(cond, msg):
    if not cond: sys.exit("FAIL: " + msg)
d = json.load(open(b + ".json"))
ch = d["changes"]
check(ch["previous_as_of"] == "2020-06-01", ch["previous_as_of"])
got = sorted((c["kind"], c["ref"]) for c in ch["items"])
want = sorted([("completed", "1.1a"), ("completed", "2.3"), ("deadline_revised", "2.4"), ("deadline_revised", "3.1"),
               ("reworded", "1.2b"), ("milestone_removed", "4.2"), ("milestone_added", "5.1c")])
check(got == want, f"changes {got}")
by = {c["ref"]: c for c in ch["items"]}
check(by["3.1"]["from"] == "31 Dec 2019" and by["3.1"]["to"] == "30 Sep 2020", f"3.1 {by['3.1']}")
check("Derived status Red → Amber" in by["3.1"]["sentence"], by["3.1"]["sentence"])
check(by["2.4"]["from"] == "31 Jul 2020" and by["2.4"]["to"] == "31 Oct 2020" and "Green → Amber" in by["2.4"]["sentence"], f"{by['2.4']}")
check("Red → Blue" in by["1.1a"]["sentence"], by["1.1a"]["sentence"])
check(by["1.2b"]["reworded"] and "Publication of the revised pathway on the Local Offer website" in by["1.2b"]["sentence"], f"{by['1.2b']}")
check(by["4.2"]["source"].startswith("actions.csv:"), by["4.2"]["source"])
check(ch["counts"] == {"completed": 2, "deadline_revised": 2, "reworded": 1, "milestone_added": 1, "milestone_removed": 1}, f"{ch['counts']}")
wb = openpyxl.load_workbook(b + ".xlsx")
check(wb.sheetnames.index("Changes") == 5, f"sheets {wb.sheetnames}")
rows = list(wb["Changes"].iter_rows(min_row=5, values_only=True))
check(len(rows) == 7, f"Changes rows {len(rows)}")
text = re.sub(r"\s+", " ", subprocess.run(["pdftotext", b + ".pdf", "-"], capture_output=True, text=True).stdout)
check("Since the last report (1 Jun 2020)" in text, "PDF section")
check(text.find("Since the last report") < text.find("Exceptions: what needs attention"), "section near the front")
check("Completed: 2; Deadline revised: 2; Reworded: 1; New milestone: 1; Milestone removed: 1." in text, "summary line")
# each area's highlights list what was completed since the last report, not everything complete
ws2 = text[text.find("Area 2:", text.find("Progress by area")):]
ws2 = ws2[:ws2.find("Due in the next 90 days")]
check("Completed since the last report (1 Jun 2020)" in ws2 and "2.3 Contract and monitoring arrangements in place (completed 31 May 2020)" in ws2, f"highlights: {ws2[:400]}")
check("Quality assurance post agreed" not in ws2, "an earlier completion listed as new")
print("changes ok")
PY
# Without --previous, neither the sheet nor the section appears.
"$SENDPACK" --as-of 2020-06-29 --output "$work/plain" "$cur" >/dev/null 2>&1 || fail "run without previous"
/usr/bin/python3 -c "
import json, sys, openpyxl
b = sys.argv[1]
assert 'changes' not in json.load(open(b + '.json'))
assert 'Changes' not in openpyxl.load_workbook(b + '.xlsx').sheetnames
" "$work/plain/peterborough-wsoa-2019-scrutiny-2020-06-29" || fail "changes without --previous"
pdftotext "$work/plain/peterborough-wsoa-2019-scrutiny-2020-06-29.pdf" - 2>/dev/null | grep -q "Since the last report" && fail "PDF section without --previous"
# The same export as its own previous, a day earlier (--previous-as-of must come first): nothing changed.
"$SENDPACK" --as-of 2020-06-29 --previous "$prev" --previous-as-of 2020-06-28 --format json --output "$work/same" "$prev" >/dev/null 2>&1 || fail "same"
/usr/bin/python3 -c "import json,sys; assert json.load(open(sys.argv[1]))['changes']['items'] == []" "$work/same/peterborough-wsoa-2019-scrutiny-2020-06-29.json" || fail "identical exports report changes"

# KPIs and risks: the APP with K12's December value changed, one risk closed and one raised.
app="$SHARED_DIR/data/peterborough-app-2022"
cp -r "$app" "$work/app-next"
sed -i 's/^K12,2022-12-31,18.9,/K12,2022-12-31,19.6,/' "$work/app-next/kpi_values.csv"
/usr/bin/python3 - "$work/app-next/risks.csv" <<'PY'
import sys
p = sys.argv[1]
lines = open(p, encoding="utf-8").read().splitlines()
lines = [l for l in lines if "Transition to ICS" not in l]
lines.append('Nov 2022,Recruitment of educational psychologists,High,Regional recruitment campaign,Medium,Advert live')
open(p, "w", encoding="utf-8").write("\n".join(lines) + "\n")
PY
mkdir -p "$work/app-out"
# (the next day's report: the previous report date must come first; four milestones due on 31 Dec
# are overdue the day after)
"$SENDPACK" --as-of 2023-01-01 --previous "$app" --previous-as-of 2022-12-31 --format json --output "$work/app-out" "$work/app-next" >/dev/null 2>&1 || fail "app run"
/usr/bin/python3 - "$work/app-out/app-next-scrutiny-2023-01-01.json" <<'PY' || exit 1
import json, sys
ch = json.load(open(sys.argv[1]))["changes"]["items"]
got = sorted((c["kind"], c["ref"] or c["what"][:20]) for c in ch)
want = sorted([("kpi_changed", "K12"), ("risk_closed", "Transition to ICS in"), ("risk_new", "Recruitment of educa")] +
              [("newly_overdue", r) for r in ("APP-01", "APP-02", "APP-04", "APP-06")])
assert got == want, got
k = next(c for c in ch if c["kind"] == "kpi_changed")
assert k["from"] == "18.9% (Dec 2022), Red" and k["to"] == "19.6% (Dec 2022), Red", k
assert k["sentence"] == "Latest value 18.9% (Dec 2022) → 19.6% (Dec 2022); still Red.", k["sentence"]
print("kpi and risk changes ok")
PY

# SPC: three KPIs with 24 monthly values each.
# Every SPC chart is in the DfE/NHS England pack; the scrutiny pack gives each reading in words
# in its scorecard, and charts only K01, which fails its target (decisions #5).
"$SENDPACK" --as-of 2022-12-31 --output "$work/spc" "$SOURCE_DIR/tests/data/spc-plan" >/dev/null 2>&1 || fail "spc run"
"$SENDPACK" --as-of 2022-12-31 --template dfe-nhse --output "$work/spc" "$SOURCE_DIR/tests/data/spc-plan" >/dev/null 2>&1 || fail "spc run"
scrutiny=$(pdftotext -layout "$work/spc/spc-plan-scrutiny-2022-12-31.pdf" - 2>/dev/null)
grep -qF "Statistical process control" <<<"$scrutiny" && fail "SPC charts in the scrutiny pack"
# (the assurance column wraps, so its words are read in reading order, lines joined)
pdftotext "$work/spc/spc-plan-scrutiny-2022-12-31.pdf" - 2>/dev/null | tr '\n' ' ' | grep -qF "consistently fails the target" \
    || fail "no assurance in words in the scrutiny scorecard"
s="$work/spc/spc-plan-dfe-nhse-2022-12-31"
text=$(pdftotext "$s.pdf" - 2>/dev/null | tr '\n' ' ' | tr -s ' ')
grep -qF "Statistical process control" <<<"$text" || fail "no SPC section"
grep -qF "Variation: special cause — improving. Assurance: consistently fails the target. 24 points." <<<"$text" || fail "K01 summary"
grep -qF "Variation: common cause variation. Assurance: no target to assure against. 24 points." <<<"$text" || fail "K03 summary"
qpdf --check "$s.pdf" >/dev/null 2>&1 || fail "qpdf"
/usr/bin/python3 - "$s.xlsx" <<'PY' || exit 1
import sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
ws = wb["SPC"]
rows = list(ws.iter_rows(min_row=5, values_only=True))
assert len(rows) == 72, len(rows)
assert len(ws._charts) == 3, len(ws._charts)
k = wb["KPIs"]
header = [c.value for c in k[4]]
r = dict(zip(header, next(k.iter_rows(min_row=5, max_row=5, values_only=True))))
assert r["SPC variation"] == "special cause — improving" and r["SPC assurance"] == "consistently fails the target", r
# each XmR chart's four series (five with its checkpoints' diamonds) share the first one's months:
# one category cache a chart
import re, zipfile
z = zipfile.ZipFile(sys.argv[1])
charts = [n for n in z.namelist() if re.match(r"xl/charts/chart\d+\.xml$", n)]
xmr = [z.read(n).decode() for n in charts if "XmR chart" in z.read(n).decode()]
assert len(xmr) == 3, len(xmr)
# the checkpoints within a chart's months: diamonds labelled with their values (the 6 and 12-month
# targets of K01 and K02 fall within their values' months; K03 has no targets)
with_cp = [x for x in xmr if "Checkpoint target" in x]
assert len(with_cp) == 2 and all(x.count("<c:ser>") == 5 and "<c:dLbls>" in x for x in with_cp), \
    [x.count("<c:ser>") for x in xmr]
for x in xmr:
    assert x.count("<c:ser>") in (4, 5) and x.count("<c:cat>") == 1, (x.count("<c:ser>"), x.count("<c:cat>"))
    # the mean and limit lines are cached at their ends only, and the chart spans the gap
    assert 'dispBlanksAs val="span"' in x
    sers = x.split("<c:ser>")[1:]
    values = [int(re.search(r'<c:val>.*?<c:ptCount val="(\d+)"', s, re.S).group(1)) for s in sers]
    cached = [len(re.findall(r"<c:pt idx=", s.split("<c:val>")[1])) for s in sers]
    assert cached[0] == values[0] and all(c <= 2 * 2 for c in cached[1:]), (values, cached)
# the line columns hold each phase's first and last month, blank between
header = [c.value for c in ws[4]]
col = {h: header.index(h) for h in header}
for name, line in (("Mean", "Chart: mean line"), ("Upper process limit", "Chart: upper limit line"),
                   ("Lower process limit", "Chart: lower limit line")):
    for i, r in enumerate(rows):
        prev = rows[i - 1] if i and rows[i - 1][0] == r[0] else None
        nxt = rows[i + 1] if i + 1 < len(rows) and rows[i + 1][0] == r[0] else None
        end = prev is None or nxt is None or prev[col[name]] != r[col[name]] or nxt[col[name]] != r[col[name]]
        assert r[col[line]] == (r[col[name]] if end else None), (i, name, r)
print("spc ok")
PY
echo "monthly cycle ok"
