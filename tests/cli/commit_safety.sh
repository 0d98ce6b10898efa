#!/bin/bash
# A pack is committed whole or not at all. Fault injection (tests/shim/fail_rename.c, preloaded)
# fails each rename and each link of the commit in turn: every time the run exits 74 and the
# previous pack is exactly as it was, with no temporary or backup file left. Two runs writing
# the same pack name at once leave one run's whole pack, never a mix. SIGTERM and SIGINT
# mid-run remove the temporary files; those kill -9 leaves are removed by the next run, while
# a live run's are not.
set -u
fail() { echo "FAIL: $*"; exit 1; }
work="$WORK_DIR/commit_safety"
rm -rf "$work" && mkdir -p "$work"
# the shim is not sanitized, so it cannot come first; the sanitizer need not insist
export ASAN_OPTIONS="${ASAN_OPTIONS:-}${ASAN_OPTIONS:+:}verify_asan_link_order=0"
one="$work/one/plan" two="$work/two/plan"
mkdir -p "$one" "$two"
cp "$SHARED_DIR/data/peterborough-app-2022/"* "$one/"
cp "$SHARED_DIR/data/peterborough-app-2022/"* "$two/"
sed -i 's/^title = .*/title = The other plan of the same name/' "$two/plan.ini"
out="$work/out"
pack() { "$SENDPACK" --as-of 2022-12-31 --output "$out" "$@"; }
pack "$one" >/dev/null 2>&1 || fail "first run"
cp -r "$out" "$work/last-month"
unchanged() {
    diff -r "$out" "$work/last-month" >/dev/null || fail "$1: the previous pack changed or a file was left: $(ls -A "$out")"
}

# 1. Each rename of the commit fails in turn (four files: four renames), with hard links
#    for the backups and, where links fail, with moved backups.
for n in 1 2 3 4; do
    msg=$(FAIL_RENAME=$n LD_PRELOAD="$FAIL_RENAME_SHIM" pack "$two" 2>&1); st=$?
    [ $st -eq 74 ] || fail "rename $n: exit $st ($msg)"
    grep -q "cannot replace .*Input/output error; nothing was written and any earlier pack is unchanged" <<<"$msg" || fail "rename $n: $msg"
    unchanged "rename $n"
done
# no hard links: each previous version is moved aside and moved back (renames 1-4 move the
# previous versions aside, 5-8 put the new ones in place)
for m in 1 2 3 4 5 6 7 8; do
    msg=$(FAIL_LINK=all FAIL_RENAME=$m LD_PRELOAD="$FAIL_RENAME_SHIM" pack "$two" 2>&1); st=$?
    [ $st -eq 74 ] || fail "no link, rename $m: exit $st ($msg)"
    unchanged "no link, rename $m"
done
# a link that fails for any other reason than "not supported" still falls back to moving
FAIL_LINK=2 LD_PRELOAD="$FAIL_RENAME_SHIM" pack "$two" >/dev/null 2>&1 || fail "a failed link stopped the run"
cmp -s "$out/plan-scrutiny-2022-12-31.json" "$work/last-month/plan-scrutiny-2022-12-31.json" && fail "the commit did not happen"
[ "$(ls -A "$out" | wc -l)" -eq 4 ] || fail "files left after a commit: $(ls -A "$out")"
# the first pack of a name: a failed rename leaves nothing at all
for n in 1 2 3 4; do
    rm -rf "$work/fresh"
    FAIL_RENAME=$n LD_PRELOAD="$FAIL_RENAME_SHIM" "$SENDPACK" --as-of 2022-12-31 --output "$work/fresh" "$one" >/dev/null 2>&1
    [ $? -eq 74 ] || fail "fresh rename $n: exit"
    [ -z "$(ls -A "$work/fresh")" ] || fail "fresh rename $n left: $(ls -A "$work/fresh")"
done
rm -rf "$out" && cp -r "$work/last-month" "$out"

# 2. Concurrent runs of two different plans of the same name into one folder.
pack "$two" --output "$work/ref-two" >/dev/null 2>&1 || fail "reference run"
same_as() { # dir: every file of the pack equals dir's
    for f in "$1"/*; do cmp -s "$f" "$out/$(basename "$f")" || return 1; done
}
for i in $(seq 1 8); do
    pack "$one" >/dev/null 2>&1 & a=$!
    pack "$two" >/dev/null 2>&1 & b=$!
    wait $a || fail "concurrent run $i (one)"
    wait $b || fail "concurrent run $i (two)"
    [ "$(ls -A "$out" | wc -l)" -eq 4 ] || fail "concurrent run $i left: $(ls -A "$out")"
    same_as "$work/last-month" || same_as "$work/ref-two" || fail "concurrent run $i left a mixed pack"
done

# 3. Signals mid-run: a plan large enough to take a while (the WSoA four times over).
big="$work/big/wsoa"
mkdir -p "$big"
cp "$SHARED_DIR/data/peterborough-wsoa-2019/"* "$big/"
/usr/bin/python3 - "$SHARED_DIR/data/peterborough-wsoa-2019/actions.csv" "$big/actions.csv" <<'PY'
import csv, sys
rows = list(csv.reader(open(sys.argv[1], encoding="utf-8-sig", newline="")))
ref = rows[0].index("Ref")
with open(sys.argv[2], "w", encoding="utf-8", newline="") as f:
    w = csv.writer(f)
    w.writerow(rows[0])
    for k in range(4):
        for r in rows[1:]:
            r = list(r)
            if r[ref]:
                r[ref] = f"{k + 1}.{r[ref]}"
            w.writerow(r)
PY
bigout="$work/bigout"
"$SENDPACK" --as-of 2022-12-31 --output "$bigout" "$big" >/dev/null 2>&1 || fail "big plan"
cp -r "$bigout" "$work/big-last"
temps() { find "$bigout" -name '.*' -type f | wc -l; }
for sig in TERM INT; do
    "$SENDPACK" --as-of 2023-01-31 --output "$bigout" "$big" >/dev/null 2>&1 & pid=$!
    for _ in $(seq 1 6000); do [ "$(temps)" -gt 0 ] && break; sleep 0.005; done
    [ "$(temps)" -gt 0 ] || fail "SIG$sig: no temporary file seen"
    kill -s $sig $pid
    wait $pid; st=$?
    [ $st -gt 128 ] || fail "SIG$sig: the run was not stopped by the signal (exit $st)"
    [ "$(temps)" -eq 0 ] || fail "SIG$sig left temporary files: $(ls -A "$bigout")"
    diff -r "$bigout" "$work/big-last" >/dev/null || fail "SIG$sig: the previous pack changed"
done
# SIGTERM to a batch stops its workers, and each removes its temporary files
mkdir -p "$work/big2" && cp -r "$big" "$work/big2/wsoa2"
"$SENDPACK" -j 2 --as-of 2022-12-31 --output "$bigout" "$big" "$work/big2/wsoa2" >/dev/null 2>&1 || fail "big batch"
cp -r "$bigout" "$work/batch-last"
"$SENDPACK" -j 2 --as-of 2023-01-31 --output "$bigout" "$big" "$work/big2/wsoa2" >/dev/null 2>&1 & pid=$!
for _ in $(seq 1 6000); do [ "$(temps)" -gt 0 ] && break; sleep 0.005; done
[ "$(temps)" -gt 0 ] || fail "batch: no temporary file seen"
kill -s TERM $pid
wait $pid; st=$?
[ $st -gt 128 ] || fail "batch SIGTERM: exit $st"
for _ in $(seq 1 500); do [ "$(temps)" -eq 0 ] && break; sleep 0.01; done # the workers end on their own
[ "$(temps)" -eq 0 ] || fail "batch SIGTERM left temporary files: $(ls -A "$bigout")"
diff -r "$bigout" "$work/batch-last" >/dev/null || fail "batch SIGTERM: the previous packs changed"
# kill -9 leaves them; the next run into the folder removes them, but not a live run's
"$SENDPACK" --as-of 2023-01-31 --output "$bigout" "$big" >/dev/null 2>&1 & pid=$!
for _ in $(seq 1 6000); do [ "$(temps)" -gt 0 ] && break; sleep 0.005; done
kill -9 $pid; wait $pid 2>/dev/null
[ "$(temps)" -gt 0 ] || fail "kill -9 left nothing to clean (the test did not test)"
touch "$bigout/.other-scrutiny-2023-01-31.pdf.AbC123"
exec 9>"$bigout/.other-scrutiny-2023-01-31.pdf.AbC123"
flock -x 9 # held as a live run holds its temporary file
touch "$bigout/.notes.txt" "$bigout/keep.pdf.XyZ123" "$bigout/.notes.json.backup" "$bigout/.x-2023-01-31.pdf.AB.123"
"$SENDPACK" --as-of 2022-12-31 --format json --output "$bigout" "$big" >/dev/null 2>&1 || fail "run after kill -9"
left=$(cd "$bigout" && find . -name '.*' -type f | sort | tr '\n' ' ')
exec 9>&-
[ "$left" = "./.notes.json.backup ./.notes.txt ./.other-scrutiny-2023-01-31.pdf.AbC123 ./.x-2023-01-31.pdf.AB.123 " ] ||
    fail "after kill -9, left: $left"
[ -f "$bigout/keep.pdf.XyZ123" ] || fail "a file not of our naming was removed"
echo "commit safety ok"
