#!/bin/bash
# sendpack -j N PLAN...: every plan's pack, a bad plan's errors and failure line, the others
# complete, the exit status says a plan failed, and a summary lists every outcome.
set -u
fail() { echo "FAIL: $*"; exit 1; }
work="$WORK_DIR/batch"
rm -rf "$work" && mkdir -p "$work"
cp -r "$SOURCE_DIR/tests/bad/due-us-order" "$work/broken-plan"
plans=("$SHARED_DIR/data/peterborough-app-2022" "$work/broken-plan" "$SHARED_DIR/data/peterborough-wsoa-2019" "$SOURCE_DIR/tests/data/spc-plan")
msg=$("$SENDPACK" -j 2 --as-of 2022-12-31 --output "$work/out" "${plans[@]}" 2>&1); st=$?
[ $st -eq 65 ] || fail "exit $st"
grep -q "broken-plan/actions.csv:2:59: error: due: '12/31/2022' looks like US month/day order" <<<"$msg" || fail "the bad plan's error: $msg"
grep -q "sendpack: 4 plans: 3 written, 1 failed" <<<"$msg" || fail "summary: $msg"
grep -qE "^  FAILED +$work/broken-plan$" <<<"$msg" || fail "failure line"
for p in peterborough-app-2022 peterborough-wsoa-2019 spc-plan; do
    grep -qE "^  ok +.*/$p$" <<<"$msg" || fail "no ok line for $p"
    for ext in json xlsx pdf; do
        [ -s "$work/out/$p-scrutiny-2022-12-31.$ext" ] || fail "missing $p.$ext"
    done
done
[ -z "$(ls "$work/out" | grep broken)" ] || fail "the bad plan wrote something"
# the batch's packs are the same bytes as single runs
"$SENDPACK" --as-of 2022-12-31 --output "$work/single" "${plans[0]}" >/dev/null 2>&1
cmp "$work/single/peterborough-app-2022-scrutiny-2022-12-31.pdf" "$work/out/peterborough-app-2022-scrutiny-2022-12-31.pdf" || fail "batch and single differ"
# one worker through every plan (it keeps its heap between plans): each pack, every format,
# is the same bytes as the plan's run on its own
"$SENDPACK" -j 1 --as-of 2022-12-31 --output "$work/one-worker" "${plans[@]}" >/dev/null 2>&1
for p in "${plans[0]}" "${plans[2]}" "${plans[3]}"; do
    "$SENDPACK" --as-of 2022-12-31 --output "$work/alone" "$p" >/dev/null 2>&1 || fail "single run of $p"
done
[ "$(ls "$work/alone" | wc -l)" -eq 12 ] || fail "single runs wrote $(ls "$work/alone")"
for f in "$work/alone"/*; do
    cmp -s "$f" "$work/one-worker/$(basename "$f")" || fail "$(basename "$f"): one worker's pack differs from the single run's"
done
# a worker killed in the middle of a plan: that plan fails as a crash, a new worker takes the
# rest, and the batch still reports every plan
big="$work/big/wsoa"
mkdir -p "$big"
for i in 1 2 3 4 5 6; do cp -r "${plans[2]}" "$work/big/copy$i"; done
cp "${plans[2]}"/* "$big/"
"$SENDPACK" -j 1 --as-of 2022-12-31 --output "$work/crash" "$big" "$work"/big/copy* >"$work/crash.log" 2>&1 &
batch=$!
victim=""
for _ in $(seq 1 200); do
    victim=$(pgrep -P $batch | head -1)
    [ -n "$victim" ] && break
    sleep 0.01
done
[ -n "$victim" ] || fail "no worker seen"
kill -9 "$victim"
wait $batch; st=$?
msg=$(cat "$work/crash.log")
[ $st -eq 70 ] || fail "a killed worker: exit $st ($msg)"
grep -q "sendpack: 7 plans: 6 written, 1 failed" <<<"$msg" || fail "killed worker summary: $msg"
grep -qE "^  FAILED +$big$" <<<"$msg" || fail "the killed plan is not the failed one: $msg"
for i in 1 2 3 4 5 6; do
    grep -qE "^  ok +$work/big/copy$i$" <<<"$msg" || fail "copy$i not written after the crash: $msg"
done
# too few file descriptors for every worker: the slots that cannot start one are given up, the
# workers that started take every plan, and the batch ends with its summary (it once freed a
# worker's log twice and aborted)
for n in 12 16 20; do
    msg=$( (ulimit -n $n; "$SENDPACK" -j 8 --as-of 2022-12-31 --format json --output "$work/fds$n" "$work"/big/copy* "$big") 2>&1); st=$?
    [ $st -eq 0 ] || [ $st -eq 74 ] || fail "ulimit -n $n: exit $st: $msg"
    grep -q "sendpack: 7 plans: " <<<"$msg" || fail "ulimit -n $n: no summary: $msg"
    [ "$(grep -cE "^  (ok|FAILED) " <<<"$msg")" -eq 7 ] || fail "ulimit -n $n: not every plan reported: $msg"
done
# all good: exit 0
"$SENDPACK" -j 3 --as-of 2022-12-31 --format json --output "$work/good" "${plans[0]}" "${plans[2]}" "${plans[3]}" >/dev/null 2>&1 || fail "good batch"
# two folders of the same name would write the same files
mkdir -p "$work/a/x" "$work/b/x"
"$SENDPACK" --as-of 2022-12-31 --output "$work/dup" "$work/a/x" "$work/b/x" >/dev/null 2>&1
[ $? -eq 64 ] || fail "same folder names not refused"
echo "batch ok"
