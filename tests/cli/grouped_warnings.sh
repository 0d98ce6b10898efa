#!/bin/bash
# The same warning on many rows is one line with the count and the first row; --check -v lists
# every row (issue 11, point 9). Three milestones are marked complete with no completion date in
# an export that records completion dates.
set -u
fail() { echo "FAIL: $*"; exit 1; }
work="$WORK_DIR/grouped"
rm -rf "$work" && mkdir -p "$work/plan"
cp "$SOURCE_DIR/tests/data/merged-tracker/plan.ini" "$SOURCE_DIR/tests/data/merged-tracker/kpis.csv" "$work/plan/"
cat > "$work/plan/actions.csv" <<'CSV'
Area,Ref,Action,Milestone,Owner,Due,Status,Completed
Workstream 1,1.1a,Write the strategy,Draft agreed,Ann Lee,Mar 2022,Blue,
,,,Consulted,,Apr 2022,Blue,
Workstream 2,2.1,Publish it,Published,Bob Ray,May 2022,Complete,
Workstream 2,2.2,Review it,Reviewed,Bob Ray,Jun 2022,Green,15/06/2022
CSV
cd "$work"
out=$("$SENDPACK" --check plan 2>&1 >/dev/null); st=$?
[ $st -eq 0 ] || fail "exit $st: $out"
want="plan/actions.csv:2:1: warning: 3 milestones are marked complete with no completion date (first: plan/actions.csv:2)"
grep -qxF "$want" <<<"$out" || fail "no grouped line: $out"
[ "$(grep -c "marked complete" <<<"$out")" -eq 1 ] || fail "more than one line: $out"
out=$("$SENDPACK" --check -v plan 2>&1 >/dev/null)
for row in "2:1: warning: 1.1a:" "3:1: warning: 1.1a:" "4:1: warning: 2.1:"; do
    grep -qF "plan/actions.csv:$row marked complete but no completion date is recorded" <<<"$out" || fail "-v lacks row $row: $out"
done
[ "$(grep -c "marked complete" <<<"$out")" -eq 3 ] || fail "-v: $out"
echo "grouped warnings: ok"
