#!/bin/bash
# Every plan in shared/data passes --check with 0 errors, and the summary's counts equal
# the rows in its files, counted independently by Python's csv module.
set -u
fail=0
for plan in "$SHARED_DIR"/data/*/; do
    plan=${plan%/}
    summary=$("$SENDPACK" --check "$plan" 2>/dev/null)
    status=$?
    expected=$(/usr/bin/python3 - "$plan" <<'PY'
import csv, os, sys
d = sys.argv[1]
def rows(name):
    path = os.path.join(d, name)
    if not os.path.exists(path):
        return None, []
    with open(path, encoding="utf-8-sig", newline="") as f:
        r = [row for row in csv.reader(f) if any(c.strip() for c in row)]
    return [h.strip().lower() for h in r[0]], r[1:]
def col(header, *names):
    for n in names:
        if n in header:
            return header.index(n)
    raise SystemExit("no column " + str(names))
h, acts = rows("actions.csv")
area = col(h, "area", "workstream", "area of weakness", "theme", "priority")
ref = col(h, "ref", "action ref", "id")
_, kpis = rows("kpis.csv")
_, obs = rows("kpi_values.csv")
_, risks = rows("risks.csv")
def n(k, one, many):
    return f"{k} {one if k == 1 else many}"
print(f"{d}: {n(len({r[area].strip() for r in acts}), 'area', 'areas')}, "
      f"{n(len({r[ref].strip() for r in acts}), 'action', 'actions')}, "
      f"{n(len(acts), 'milestone', 'milestones')}, {n(len(kpis), 'KPI', 'KPIs')}, "
      f"{n(len(obs), 'observation', 'observations')}, {n(len(risks), 'risk', 'risks')}; 0 errors,")
PY
)
    if [ "$status" -ne 0 ]; then
        echo "FAIL $plan: exit $status"; fail=1
    elif [ "${summary% * warning*}" != "$expected" ]; then
        echo "FAIL $plan:"; echo "  got      $summary"; echo "  expected $expected N warnings"; fail=1
    else
        echo "ok   $summary"
    fi
done
exit $fail
