#!/bin/bash
# --previous must be this plan (decisions #15): the same plan.ini area and kind and at least half
# of the current refs found in it, else exit 65 saying why and nothing written; --previous-as-of
# on or after --as-of is a usage error (exit 64).
set -u
fail() { echo "FAIL: $*"; exit 1; }
work="$WORK_DIR/previous_plan"
rm -rf "$work" && mkdir -p "$work"
app="$SHARED_DIR/data/peterborough-app-2022"
wsoa="$SHARED_DIR/data/peterborough-wsoa-2019"
refused() { # previous-folder expected-reason
    local msg st
    rm -rf "$work/out"
    msg=$("$SENDPACK" --as-of 2022-12-31 --previous "$1" --output "$work/out" "$app" 2>&1); st=$?
    [ $st -eq 65 ] || fail "$1: exit $st, expected 65: $msg"
    grep -qF -- "sendpack: $1: --previous is not an earlier export of this plan: $2; no pack written" <<<"$msg" ||
        fail "$1: expected '$2', got: $msg"
    [ ! -e "$work/out" ] || [ -z "$(ls -A "$work/out")" ] || fail "$1: something was written"
}
# another kind of plan; another area; the same area and kind but other refs
refused "$wsoa" "it is another kind of plan (WSoA, not APP)"
cp -r "$app" "$work/elsewhere"
sed -i 's/^area = .*/area = Elsewhere/' "$work/elsewhere/plan.ini"
refused "$work/elsewhere" "it is a plan for another area ('Elsewhere', not 'Peterborough')"
cp -r "$app" "$work/renumbered"
/usr/bin/python3 - "$work/renumbered" <<'PY' || fail fixture
import csv, os, sys
for name in ("actions.csv", "kpis.csv", "kpi_values.csv"):   # every ref renamed, consistently
    p = os.path.join(sys.argv[1], name)
    rows = list(csv.reader(open(p, newline="", encoding="utf-8-sig")))
    col = [h.strip().lower() for h in rows[0]].index("ref")
    for r in rows[1:]:
        if len(r) > col and r[col].strip():
            r[col] = "X" + r[col]
    csv.writer(open(p, "w", newline="", encoding="utf-8")).writerows(rows)
PY
msg=$("$SENDPACK" --as-of 2022-12-31 --previous "$work/renumbered" --output "$work/out" "$app" 2>&1)
[ $? -eq 65 ] && grep -qE "only 0 of this plan's [0-9]+ milestone and KPI refs are in it \(at least half must be\)" <<<"$msg" ||
    fail "renumbered: $msg"
# the same plan a month earlier: compared
"$SENDPACK" --as-of 2022-12-31 --previous "$app" --format json --output "$work/ok" "$app" >/dev/null 2>&1 ||
    fail "the same plan as --previous refused"
grep -q '"changes"' "$work/ok"/*.json || fail "no changes compared"
# --previous-as-of on or after --as-of
for d in 2022-12-31 2023-01-31; do
    msg=$("$SENDPACK" --as-of 2022-12-31 --previous "$app" --previous-as-of $d --output "$work/out2" "$app" 2>&1)
    [ $? -eq 64 ] || fail "--previous-as-of $d: want exit 64"
    grep -qF -- "--previous-as-of $d is not before the report date 2022-12-31" <<<"$msg" || fail "$d: $msg"
    [ ! -e "$work/out2" ] || fail "--previous-as-of $d: something written"
done
echo "previous plan ok"
