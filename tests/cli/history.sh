#!/bin/bash
# --history: earlier JSON packs of the same plan give the completion months and the pace;
# packs of another plan, of an unknown schema or not JSON at all are skipped with a warning,
# never an error; the same input gives the same bytes.
set -u
fail() { echo "FAIL: $*"; exit 1; }
work="$WORK_DIR/history"
rm -rf "$work" && mkdir -p "$work/hist"
wsoa="$SHARED_DIR/data/peterborough-wsoa-2019"

# The WSoA as a tracker that keeps BRAG but no completion dates: its "BRAG + date" column
# becomes a BRAG status, Blue where a date was.
plan="$work/wsoa-brag"
/usr/bin/python3 - "$wsoa" "$plan" <<'PY' || fail "fixture"
import csv, os, shutil, sys
src, dst = sys.argv[1], sys.argv[2]
shutil.copytree(src, dst)
rows = list(csv.reader(open(os.path.join(src, "actions.csv"), newline="", encoding="utf-8-sig")))
col = rows[0].index("BRAG + date")
rows[0][col] = "BRAG"
for r in rows[1:]:
    if len(r) > col:
        r[col] = "Blue" if r[col].strip() else ""
with open(os.path.join(dst, "actions.csv"), "w", newline="", encoding="utf-8") as f:
    csv.writer(f).writerows(rows)
PY

# three earlier packs (two templates on one date count once), another plan's, an unknown schema's
for d in 2020-02-29 2020-05-31 2020-08-31; do
    "$SENDPACK" --as-of $d --format json --output "$work/hist" "$plan" >/dev/null 2>&1 || fail "pack $d"
done
"$SENDPACK" --as-of 2020-05-31 --template dfe-nhse --format json --output "$work/hist" "$plan" >/dev/null 2>&1 ||
    fail "dfe-nhse pack"
"$SENDPACK" --as-of 2022-12-31 --format json --output "$work/hist" "$SHARED_DIR/data/peterborough-app-2022" \
    >/dev/null 2>&1 || fail "other plan's pack"
echo '{"schema_version": 99, "plan": {"title": "x"}}' >"$work/hist/future.json"
echo 'not json' >"$work/hist/broken.json"

for run in a b; do
    "$SENDPACK" --as-of 2020-11-30 --format json --history "$work/hist" --output "$work/$run" "$plan" \
        >"$work/$run.out" 2>"$work/$run.err" || fail "run $run exited $?"
done
f=wsoa-brag-scrutiny-2020-11-30.json
cmp "$work/a/$f" "$work/b/$f" || fail "two runs differ"
grep -q "future.json: warning: skipped: schema version 99" "$work/a.err" || fail "unknown schema not warned: $(cat "$work/a.err")"
grep -q "peterborough-app-2022-scrutiny-2022-12-31.json: warning: skipped: a pack of another plan" "$work/a.err" ||
    fail "other plan not warned"
grep -q "broken.json:1:.*warning: skipped: not JSON" "$work/a.err" || fail "broken pack not warned"

/usr/bin/python3 - "$work/a/$f" <<'PY' || exit 1
import json, sys
d = json.load(open(sys.argv[1]))
assert d["schema_version"] == 2
p = d["progress"]
assert p["earlier_packs"] == 3, p["earlier_packs"]
# the 11 completed milestones take the month of the earliest pack showing them complete (Feb
# 2020), so every completion has a month and the pace comes from completion months: none since
assert p["pace"]["source"] == "completion months", p["pace"]
assert [c["month"] for c in p["pace"]["counts"]] == ["2020-05", "2020-06", "2020-07", "2020-08", "2020-09", "2020-10"]
assert all(c["completed"] == 0 for c in p["pace"]["counts"]), p["pace"]["counts"]
f = p["forecast"]
assert f["likely_by"] is None and f["chance85_by"] is None, f
assert f["sentence"] == ("No milestone has been completed in the last 6 months; at that pace the plan will not "
                         "finish."), f["sentence"]
# each of the 11 took the month of the earliest pack showing it complete (Feb 2020)
assert p["completed_month_unknown"] == 0, p
burn = {r["month"]: r["completed"] for r in p["burnup"]}
assert burn["2020-01"] == 0 and burn["2020-02"] == 11 and burn["2020-11"] == 11, burn
assert burn["2021-07"] is None
PY

# without --history: the same plan is forecast from its average and counts the 11 as unknown months
"$SENDPACK" --as-of 2020-11-30 --format json --output "$work/c" "$plan" >/dev/null 2>&1 || fail "no history"
/usr/bin/python3 - "$work/c/$f" <<'PY' || exit 1
import json, sys
p = json.load(open(sys.argv[1]))["progress"]
assert p["pace"]["source"] == "plan average" and p["completed_month_unknown"] == 11, p["pace"]
assert p["forecast"]["likely_by"] is not None
PY

# a history folder that does not exist: an I/O error, nothing written
"$SENDPACK" --as-of 2020-11-30 --format json --history "$work/none" --output "$work/d" "$plan" >/dev/null 2>&1
[ $? -eq 74 ] || fail "missing history folder: want exit 74"
[ ! -e "$work/d/$f" ] || fail "a pack was written despite the error"
# a forecast made (the WSoA at its first monthly report): every format twice, the same bytes
for run in e f; do
    "$SENDPACK" --as-of 2020-01-31 --format json,xlsx,pdf --output "$work/$run" "$wsoa" >/dev/null 2>&1 || fail "wsoa $run"
done
for ext in json xlsx pdf; do
    cmp "$work/e/peterborough-wsoa-2019-scrutiny-2020-01-31.$ext" "$work/f/peterborough-wsoa-2019-scrutiny-2020-01-31.$ext" ||
        fail "two runs differ: $ext"
done
grep -q '"likely_by": "20' "$work/e/peterborough-wsoa-2019-scrutiny-2020-01-31.json" || fail "no forecast made for the WSoA"
echo "history: ok"
