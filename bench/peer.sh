#!/bin/bash
# sendpack beside the peer (cmake --build build --target bench-peer): the national set of
# ../shared/bench/gen_national.py (153 plans, ~60,000 milestones, ~600,000 observations)
# made into scrutiny packs by `sendpack -j 2 --format json,xlsx,pdf` and by
# ../shared/bench/peer_pipeline.py run as two processes, one after the other in one run;
# wall time, CPU and the largest process's peak memory (/usr/bin/time -v). Then one plan of
# 1,000,000 observations, each output on its own, for peak memory. Uses both cores for
# minutes: run it alone.
set -euo pipefail
sendpack=$1 work=$2 shared=$3
command -v /usr/bin/time >/dev/null || apt-get install -y -qq time >/dev/null
mkdir -p "$work"
national="$work/national-py"
[ -f "$national/.done" ] || { rm -rf "$national"; /usr/bin/python3 "$shared/bench/gen_national.py" "$national" >/dev/null; touch "$national/.done"; }
plans=("$national"/area-*)
half=$(( ${#plans[@]} / 2 ))
now() { date +%s.%N; }
peak() { awk '/Maximum resident set size/ {print $NF}' "$1"; }
cpu() { awk '/User time/ {u=$NF} /System time/ {s=$NF} END {printf "%.2f", u + s}' "$1"; }
mb() { awk -v k="$1" 'BEGIN {printf "%.1f", k / 1024}'; }

rm -rf "$work/out-sendpack" "$work/out-peer"
t0=$(now)
/usr/bin/time -v -o "$work/sendpack.time" "$sendpack" -j 2 --as-of 2023-01-31 --format json,xlsx,pdf \
    --output "$work/out-sendpack" "${plans[@]}" >/dev/null 2>&1
t1=$(now)
/usr/bin/time -v -o "$work/peer1.time" /usr/bin/python3 "$shared/bench/peer_pipeline.py" 2023-01-31 "$work/out-peer" "${plans[@]:0:$half}" >/dev/null 2>&1 &
p1=$!
/usr/bin/time -v -o "$work/peer2.time" /usr/bin/python3 "$shared/bench/peer_pipeline.py" 2023-01-31 "$work/out-peer" "${plans[@]:$half}" >/dev/null 2>&1 &
p2=$!
wait $p1 $p2
t2=$(now)
s_wall=$(awk -v a="$t0" -v b="$t1" 'BEGIN {printf "%.1f", b - a}')
p_wall=$(awk -v a="$t1" -v b="$t2" 'BEGIN {printf "%.1f", b - a}')
p_cpu=$(awk -v a="$(cpu "$work/peer1.time")" -v b="$(cpu "$work/peer2.time")" 'BEGIN {printf "%.2f", a + b}')
p_peak=$(( $(peak "$work/peer1.time") > $(peak "$work/peer2.time") ? $(peak "$work/peer1.time") : $(peak "$work/peer2.time") ))
echo "== national set: ${#plans[@]} plans, scrutiny packs, two processes each"
printf '%-58s %8s %8s %9s\n' run "wall s" "CPU s" "peak MB"
printf '%-58s %8s %8s %9s\n' "sendpack -j 2 --format json,xlsx,pdf" "$s_wall" "$(cpu "$work/sendpack.time")" "$(mb "$(peak "$work/sendpack.time")")"
printf '%-58s %8s %8s %9s\n' "peer_pipeline.py (xlsx, pdf), two processes" "$p_wall" "$p_cpu" "$(mb $p_peak)"
awk -v s="$s_wall" -v p="$p_wall" 'BEGIN {printf "wall-time ratio sendpack / peer: %.2f (target <= 1.0)\n", s / p}'
echo "files: sendpack $(ls "$work/out-sendpack" | wc -l), peer $(ls "$work/out-peer" | wc -l)"

# where the time goes, by library, in the national run itself (perf follows the workers)
if command -v perf >/dev/null && perf record -q -o "$work/perf.data" -- true >/dev/null 2>&1; then
    rm -rf "$work/out-perf"
    perf record -q -o "$work/perf.data" -- "$sendpack" -j 2 --as-of 2023-01-31 --format json,xlsx,pdf \
        --output "$work/out-perf" "${plans[@]}" >/dev/null 2>&1
    echo "== where the time goes: the national run again under perf, CPU samples by library"
    perf report -i "$work/perf.data" --stdio --sort dso 2>/dev/null |
        awk '/^ +[0-9.]+%/ {printf "  %-40s %7s\n", $2, $1}' | head -12
    rm -rf "$work/out-perf"
fi

million="$work/million"
[ -f "$million/.done" ] || { rm -rf "$million"; /usr/bin/python3 "$shared/bench/gen_national.py" "$million" 1 400 1000000 >/dev/null; touch "$million/.done"; }
echo "== one plan of $(($(wc -l < "$million/area-000/kpi_values.csv") - 1)) observations ($(du -sh "$million/area-000/kpi_values.csv" | cut -f1) of CSV)"
printf '%-58s %8s %8s %9s\n' output "wall s" "CPU s" "peak MB"
for f in json xlsx pdf html json,xlsx,pdf,html; do
    rm -rf "$work/out-million"
    if /usr/bin/time -v -o "$work/million.time" "$sendpack" --as-of 2023-01-31 --format $f --output "$work/out-million" "$million/area-000" >/dev/null 2>&1; then
        wall=$(awk '/Elapsed \(wall clock\)/ {n = split($NF, t, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + t[i]; printf "%.1f", s}' "$work/million.time")
        printf '%-58s %8s %8s %9s\n' "sendpack --format $f" "$wall" "$(cpu "$work/million.time")" "$(mb "$(peak "$work/million.time")")"
    else
        echo "sendpack --format $f: FAILED"
    fi
done
echo "(peak MB: the largest resident set of any one process, from /usr/bin/time -v)"
