#!/bin/bash
# --format json: the file name, the documented field names, byte-identical reruns, and a
# failed run leaving the previous pack untouched.
set -u
fail() { echo "FAIL: $*"; exit 1; }
work="$WORK_DIR/json_export"
rm -rf "$work" && mkdir -p "$work"
plan="$SHARED_DIR/data/peterborough-app-2022"

"$SENDPACK" --as-of 2022-12-31 --format json --output "$work/a" "$plan" >/dev/null 2>&1 || fail "first run"
"$SENDPACK" --as-of 2022-12-31 --format json --output "$work/b" "$plan" >/dev/null 2>&1 || fail "second run"
f=peterborough-app-2022-scrutiny-2022-12-31.json
[ -f "$work/a/$f" ] || fail "no $f"
cmp "$work/a/$f" "$work/b/$f" || fail "two runs differ"
[ -z "$(ls -A "$work/a" | grep -v "^$f$")" ] || fail "stray files: $(ls -A "$work/a")"

/usr/bin/python3 - "$work/a/$f" <<'PY' || exit 1
import json, sys
d = json.load(open(sys.argv[1]))
def need(obj, keys, where):
    missing = [k for k in keys if k not in obj]
    if missing:
        sys.exit(f"FAIL: {where} lacks {missing}")
need(d, ["plan", "areas", "milestones", "kpis", "risks"], "top level")
need(d["plan"], ["title", "area", "start", "as_of"], "plan")
assert d["plan"]["as_of"] == "2022-12-31" and d["plan"]["start"] == "2022-06-30"
for a in d["areas"]:
    need(a, ["name", "assessment", "reason", "counts", "percent_complete"], "area")
    need(a["counts"], ["blue", "green", "amber", "red", "grey"], "area counts")
for m in d["milestones"]:
    need(m, ["ref", "area", "action", "milestone", "owner", "due", "revised_due", "effective_due", "complete",
             "reported_status", "derived_status", "days_overdue", "slippage_days", "challenge", "source"], "milestone")
for k in d["kpis"]:
    need(k, ["ref", "name", "unit", "direction", "baseline", "targets", "latest", "trajectory", "rag", "reason",
             "progress_to_target", "source"], "kpi")
    for cp in ["3m", "6m", "12m"]:
        need(k["targets"][cp], ["as_written", "resolved"], "target")
# statuses lower-case words, dates ISO, absent values null, sources "file:line"
m = next(m for m in d["milestones"] if m["ref"] == "APP-08")
assert m["derived_status"] == "red" and m["reported_status"] == "green", m
assert m["due"] == "2022-09-30" and m["revised_due"] is None and m["days_overdue"] == 92, m
assert m["source"] == "actions.csv:24", m["source"]
assert m["challenge"] == "Reported Green, but 3 months overdue (due 30 Sep 2022)"
k = next(k for k in d["kpis"] if k["ref"] == "K12")
assert k["rag"] == "red" and k["targets"]["6m"]["resolved"] == 20.4 and k["targets"]["6m"]["as_written"] == "Increase on baseline of at least 20%"
assert k["latest"] == {"period": "2022-12", "period_end": "2022-12-31", "value": 18.9, "projected": False, "source": "kpi_values.csv:20"}, k["latest"]
assert d["plan"]["values_illustrative"] is True
assert len(d["risks"]) == 4 and d["risks"][0]["source"] == "risks.csv:2"
print("json fields ok")
PY

# A failed run (a data error in this month's export) leaves last month's pack as it was.
cp -r "$plan" "$work/peterborough-app-2022"
"$SENDPACK" --as-of 2022-12-31 --format json --output "$work/out" "$work/peterborough-app-2022" >/dev/null 2>&1 || fail "good run"
cp "$work/out/$f" "$work/before.json"
printf 'APP-99,Area,Action,12/31/2022,Ann Lee,Green,,\n' >> "$work/peterborough-app-2022/actions.csv"
"$SENDPACK" --as-of 2022-12-31 --format json --output "$work/out" "$work/peterborough-app-2022" >/dev/null 2>&1
[ $? -eq 65 ] || fail "bad data did not exit 65"
cmp "$work/out/$f" "$work/before.json" || fail "the previous pack changed"
[ "$(ls -A "$work/out")" = "$f" ] || fail "partial files left: $(ls -A "$work/out")"

# An output folder that cannot be written: exit 74, a clear message.
mkdir -p "$work/ro" && chmod 555 "$work/ro"
if [ "$(id -u)" -ne 0 ]; then
    msg=$("$SENDPACK" --as-of 2022-12-31 --format json --output "$work/ro" "$plan" 2>&1 >/dev/null)
    [ $? -eq 74 ] || fail "unwritable output did not exit 74"
    echo "$msg" | grep -q "cannot write to the output folder" || fail "message: $msg"
fi
msg=$("$SENDPACK" --as-of 2022-12-31 --format json --output /proc/sendpack-no "$plan" 2>&1 >/dev/null)
[ $? -eq 74 ] || fail "impossible output folder did not exit 74"
echo "$msg" | grep -q "nothing was written" || fail "message: $msg"
echo "json export ok"
