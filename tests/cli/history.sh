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
# Any template's packs give the same forecast: milestones match by ref and position, never by
# text (a scrutiny pack holds redacted text). Every milestone's text here holds a phone number.
contact="$work/wsoa-contact"
/usr/bin/python3 - "$plan" "$contact" <<'PY' || fail "fixture"
import csv, os, shutil, sys
src, dst = sys.argv[1], sys.argv[2]
shutil.copytree(src, dst)
rows = list(csv.reader(open(os.path.join(src, "actions.csv"), newline="", encoding="utf-8")))
col = rows[0].index("Key milestones (Action tracker)")
for r in rows[1:]:
    if len(r) > col and r[col].strip():
        r[col] += " (ring 01632 960001)"
with open(os.path.join(dst, "actions.csv"), "w", newline="", encoding="utf-8") as f:
    csv.writer(f).writerows(rows)
PY
for t in scrutiny dfe-nhse local-offer; do
    mkdir -p "$work/hist-$t"
    for d in 2020-02-29 2020-05-31 2020-08-31; do
        "$SENDPACK" --as-of $d --template $t --format json --output "$work/hist-$t" "$contact" >/dev/null 2>&1 || fail "$t pack $d"
    done
    grep -q "01632 960001" "$work/hist-$t"/*2020-02-29.json && [ $t = scrutiny ] && fail "the scrutiny pack is not redacted"
    "$SENDPACK" --as-of 2020-11-30 --format json --history "$work/hist-$t" --output "$work/from-$t" "$contact" \
        >/dev/null 2>"$work/from-$t.err" || fail "from $t packs: $(cat "$work/from-$t.err")"
done
/usr/bin/python3 - "$work" <<'PY' || exit 1
import json, sys
w = sys.argv[1]
progress = {t: json.load(open(f"{w}/from-{t}/wsoa-contact-scrutiny-2020-11-30.json"))["progress"]
            for t in ("scrutiny", "dfe-nhse", "local-offer")}
assert progress["scrutiny"]["earlier_packs"] == 3, progress["scrutiny"]
assert progress["scrutiny"]["completed_month_unknown"] == 0, progress["scrutiny"]
for t in ("dfe-nhse", "local-offer"):
    assert progress[t] == progress["scrutiny"], (t, progress[t]["forecast"], progress["scrutiny"]["forecast"])
PY

# Packs that cannot be true are skipped with a warning naming each; the rest are used.
mkdir -p "$work/forged"
cp "$work/hist-scrutiny"/*.json "$work/forged/"
base="$work/forged/wsoa-contact-scrutiny-2020-05-31.json"
/usr/bin/python3 - "$base" "$work/forged" <<'PY' || fail "forged packs"
import copy, json, sys
base, out = json.load(open(sys.argv[1])), sys.argv[2]
total = base["summary"]["milestones"]["total"]
def forge(name, as_of, change):
    d = copy.deepcopy(base)
    d["plan"]["as_of"] = as_of
    change(d)
    json.dump(d, open(f"{out}/{name}.json", "w"))
def blue(v):
    return lambda d: d["summary"]["milestones"].__setitem__("blue", v)
forge("huge", "2020-03-31", blue(9 * 10**18))
forge("above", "2020-04-30", blue(total + 1))
forge("negative", "2020-06-30", blue(-3))
forge("real", "2020-07-31", blue(2.5))
def falling(d):
    blue(3)(d)
    for a in d["areas"]:
        a["counts"]["blue"] = 0
forge("falling", "2020-09-30", falling)
forge("early", "2010-01-31", lambda d: None)
forge("area", "2020-10-31", lambda d: d["areas"][0]["counts"].__setitem__("blue", 10**12))
def pace(d):
    d.setdefault("progress", {}).setdefault("pace", {})["counts"] = [{"month": "2020-04", "completed": 4000000000000000}]
forge("pace", "2020-10-15", pace)
PY
mkfifo "$work/forged/pipe.json"
mkdir "$work/forged/folder.json"
timeout 60 "$SENDPACK" --as-of 2020-11-30 --format json --history "$work/forged" --output "$work/from-forged" "$contact" \
    >/dev/null 2>"$work/forged.err" || fail "forged packs: exit $? $(cat "$work/forged.err")"
for c in "huge.json: warning: skipped: it cannot be true: 9000000000000000000 milestones complete of the plan's 106" \
         "above.json: warning: skipped: it cannot be true: 107 milestones complete of the plan's 106" \
         "negative.json: warning: skipped: it cannot be true: its complete count" \
         "real.json: warning: skipped: it cannot be true: its complete count" \
         "falling.json: warning: skipped: it cannot be true: 3 milestones complete, fewer than the 11" \
         "early.json: warning: skipped: it cannot be true: its report date is before the plan's start" \
         "area.json: warning: skipped: it cannot be true: area '" \
         "pace.json: warning: skipped: it cannot be true: its pace" \
         "pipe.json: warning: skipped: this is a named pipe (FIFO)" \
         "folder.json: warning: skipped: this is a folder"; do
    grep -qF "$c" "$work/forged.err" || fail "not warned: $c ($(cat "$work/forged.err"))"
done
/usr/bin/python3 - "$work" <<'PY' || exit 1
import json, sys
w = sys.argv[1]
forged = json.load(open(f"{w}/from-forged/wsoa-contact-scrutiny-2020-11-30.json"))["progress"]
honest = json.load(open(f"{w}/from-scrutiny/wsoa-contact-scrutiny-2020-11-30.json"))["progress"]
assert forged == honest, (forged["forecast"], honest["forecast"])
PY
# a pace month may hold a share of the completions between two packs (2.5): that pack is used
mkdir -p "$work/spread"
cp "$work/hist-scrutiny"/*.json "$work/spread/"
/usr/bin/python3 - "$base" "$work/spread/spread.json" <<'PY' || fail "spread pack"
import json, sys
d = json.load(open(sys.argv[1]))
d["plan"]["as_of"] = "2020-06-30"
d.setdefault("progress", {}).setdefault("pace", {})["counts"] = [{"month": "2020-04", "completed": 2.5}]
json.dump(d, open(sys.argv[2], "w"))
PY
"$SENDPACK" --as-of 2020-11-30 --format json --history "$work/spread" --output "$work/from-spread" "$contact" \
    >/dev/null 2>"$work/spread.err" || fail "spread: $(cat "$work/spread.err")"
! grep -q "spread.json" "$work/spread.err" || fail "a share in the pace refused: $(cat "$work/spread.err")"
grep -q '"earlier_packs": 4' "$work/from-spread/wsoa-contact-scrutiny-2020-11-30.json" || fail "spread pack not used"
echo "history: ok"
