#!/bin/bash
# Sized for its reader: one national-scale area plan (392 milestones, 65 KPIs, from
# shared/bench/gen_national.py) gives a scrutiny PDF of at most 30 pages (it was 84), while the
# DfE/NHS England pack keeps a chart for every KPI with values.
set -u
fail() { echo "FAIL: $*"; exit 1; }
work="$WORK_DIR/scrutiny_size"
rm -rf "$work" && mkdir -p "$work"
/usr/bin/python3 "$SHARED_DIR/bench/gen_national.py" "$work/in" 1 392 3921 >/dev/null || fail "generator"
plan="$work/in/area-000"
for t in scrutiny dfe-nhse; do
    "$SENDPACK" --as-of 2023-06-30 --template "$t" --format json,pdf --output "$work/out" "$plan" >/dev/null 2>&1 || fail "$t run"
done
# a national plan's charts crowd their labels: none may be printed over another (nor any other
# layout fault of pdf_layout_check.py)
for t in scrutiny dfe-nhse; do
    /usr/bin/python3 "$SOURCE_DIR/tests/cli/pdf_layout_check.py" "$work/out/area-000-$t-2023-06-30.pdf" \
        "$work/out/area-000-$t-2023-06-30.json" "$plan"/*.csv || exit 1
done
pages=$(pdfinfo "$work/out/area-000-scrutiny-2023-06-30.pdf" 2>/dev/null | awk '/^Pages:/{print $2}')
[ -n "$pages" ] && [ "$pages" -le 30 ] || fail "scrutiny PDF has $pages pages (at most 30)"
/usr/bin/python3 - "$work/out" <<'PY' || exit 1
import json, re, subprocess, sys
out = sys.argv[1]
j = json.load(open(f"{out}/area-000-scrutiny-2023-06-30.json", encoding="utf-8"))
assert len(j["milestones"]) == 392 and len(j["kpis"]) == 65, (len(j["milestones"]), len(j["kpis"]))
def outline(path):
    o = subprocess.run(["qpdf", "--json", "--json-key=outlines", path], capture_output=True, text=True).stdout
    titles = []
    def walk(items):
        for x in items:
            titles.append(x["title"]); walk(x.get("kids", []))
    walk(json.loads(o)["outlines"])
    return titles
# decisions #5: the scrutiny pack charts exactly the KPIs that need attention
def attention(k):
    spc = k["spc"]
    return (k["rag"] in ("red", "amber", "grey") or k["latest"] is None
            or (spc["computed"] and (spc["variation"] == "concern" or spc["assurance"] == "fail")))
want = {k["ref"] for k in j["kpis"] if attention(k) and k["latest"] is not None and k["judged_by"] == "value"}
charted = {t.split(":")[0] for t in outline(f"{out}/area-000-scrutiny-2023-06-30.pdf") if re.match(r"K\d+:", t)}
assert charted == want, (sorted(charted - want), sorted(want - charted))
assert len(want) < 65, "every KPI needs attention: the test shows nothing"
every = {t.split(":")[0] for t in outline(f"{out}/area-000-dfe-nhse-2023-06-30.pdf") if re.match(r"K\d+:", t)}
assert every >= {k["ref"] for k in j["kpis"] if k["latest"] is not None}, "the advisers' pack lost a chart"
print(f"scrutiny size ok: {len(want)} of 65 KPIs charted")
PY
echo "scrutiny: $pages pages"
