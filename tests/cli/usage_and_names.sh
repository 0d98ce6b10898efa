#!/bin/bash
# Usage errors exit 64 before anything is written (decisions #2, #9): a cohort that is not
# LOW-HIGH with LOW <= HIGH, a report date that is not YYYY-MM-DD, and plans whose packs would
# share a name (`a_b`, `a-b`, `A.B`; a trailing slash; one folder name in two places; two
# all-non-ASCII names). The refusal names every plan and the shared output name.
# Diagnostics echo a cell's control bytes escaped, never raw to the terminal.
set -u
fail() { echo "FAIL: $*"; exit 1; }
work="$WORK_DIR/usage_and_names"
rm -rf "$work" && mkdir -p "$work"
plan="$SHARED_DIR/data/peterborough-app-2022"
SENDPACK=$(realpath "$SENDPACK")
run() { "$SENDPACK" --as-of 2022-12-31 --format json --output "$work/out" "$@" 2>&1; }

# --cohort
for bad in banana 25-18 18- -25 18-25x "18 25" 1-2-3 ""; do
    msg=$(run --cohort "$bad" "$plan"); st=$?
    [ $st -eq 64 ] || fail "--cohort '$bad': exit $st"
    grep -q -- "--cohort '$bad'" <<<"$msg" || fail "--cohort '$bad' message: $msg"
done
[ ! -e "$work/out" ] || fail "a usage error wrote something"
run --cohort 18-25 "$plan" >/dev/null && rm -r "$work/out" || fail "--cohort 18-25 refused"
run --cohort 14-14 "$plan" >/dev/null && rm -r "$work/out" || fail "--cohort 14-14 refused"

# --as-of and --previous-as-of: only YYYY-MM-DD, a real day
for bad in -2021-01-01 2021-01-01x 31/12/2022 2021-02-30 "" 20210101 +2021-01-01; do
    msg=$("$SENDPACK" --check --as-of "$bad" "$plan" 2>&1); st=$?
    [ $st -eq 64 ] || fail "--as-of '$bad': exit $st"
    grep -q -- "--as-of '$bad' is not a date" <<<"$msg" || fail "--as-of '$bad' message: $msg"
    msg=$("$SENDPACK" --check --previous-as-of "$bad" "$plan" 2>&1); st=$?
    [ $st -eq 64 ] || fail "--previous-as-of '$bad': exit $st"
done

# colliding output names
mk() { mkdir -p "$work/$1" && cp "$plan"/* "$work/$1/"; }
mk a_b; mk a-b; mk A.B; mk one/x; mk two/x; mk é; mk план; mk データ; mk Été
msg=$(cd "$work" && "$SENDPACK" --as-of 2022-12-31 --output out a_b a-b A.B 2>&1); st=$?
[ $st -eq 64 ] || fail "a_b a-b A.B: exit $st"
grep -q "'a_b', 'a-b' and 'A.B' would all write out/a-b-scrutiny-2022-12-31" <<<"$msg" || fail "message: $msg"
msg=$(cd "$work" && "$SENDPACK" --as-of 2022-12-31 --output out a_b a_b/ 2>&1); st=$?
[ $st -eq 64 ] || fail "trailing slash: exit $st ($msg)"
grep -q "'a_b' and 'a_b/' would all write out/a-b-scrutiny-2022-12-31" <<<"$msg" || fail "message: $msg"
msg=$(cd "$work" && "$SENDPACK" --as-of 2022-12-31 --template dfe-nhse --output out one/x two/x/ 2>&1); st=$?
[ $st -eq 64 ] || fail "one/x two/x: exit $st"
grep -q "'one/x' and 'two/x/' would all write out/x-dfe-nhse-2022-12-31" <<<"$msg" || fail "message: $msg"
msg=$(cd "$work" && "$SENDPACK" --as-of 2022-12-31 --output out план データ 2>&1); st=$?
[ $st -eq 64 ] || fail "two non-ASCII names: exit $st ($msg)"
# --check writes nothing, so the same names are fine there
(cd "$work" && "$SENDPACK" --check a_b a-b >/dev/null 2>&1) || fail "--check refused colliding names"
[ ! -e "$work/out" ] || fail "a refused batch wrote something"
# accented names keep their letters: Été and é are different packs
(cd "$work" && "$SENDPACK" --as-of 2022-12-31 --format json --output out Été é >/dev/null 2>&1) || fail "Été é"
[ -f "$work/out/ete-scrutiny-2022-12-31.json" ] && [ -f "$work/out/e-scrutiny-2022-12-31.json" ] || fail "accented names: $(ls "$work/out")"

# control bytes in a cell are escaped in diagnostics
mk ctl
printf 'Area,Ref,Action,Milestone,Owner,Due,Status\nW1,1.1,Do it,Draft,Ann,31/12/22,"\033]0;pwned\007 Gr\reen"\n' > "$work/ctl/actions.csv"
msg=$("$SENDPACK" --check "$work/ctl" 2>&1)
grep -q $'\033\|\007' <<<"$msg" && fail "ESC or BEL echoed raw: $(cat -v <<<"$msg")"
grep -q $'\r' <<<"$msg" && fail "CR echoed raw"
grep -qF '\e]0;pwned\a' <<<"$msg" || fail "the escaped cell is not shown: $(cat -v <<<"$msg")"
echo "usage and names ok"
