#!/bin/bash
# The growth table (cmake --build build --target bench-growth): --check of one plan and
# --previous matching at 1x, 4x, 16x and 64x (bench/gen_growth.py). Linear work shows as
# times growing 4-fold a step; 64x is one plan of ~61,000 milestones, and a --previous of
# 1,024 reworded milestones (all in one action) and 1,024 reworded risks.
set -euo pipefail
sendpack=$1 work=$2 source=$3
command -v /usr/bin/time >/dev/null || apt-get install -y -qq time >/dev/null
mkdir -p "$work"
printf '%-6s %11s %8s %8s %8s | %9s %9s %8s %8s %8s\n' scale milestones "wall s" "CPU s" "peak MB" \
    reworded "+ risks" "wall s" "CPU s" "peak MB"
measure() { # prints "wall cpu peakMB" of the command
    /usr/bin/time -o "$work/time.txt" -f "%e %U %S %M" "$@" >/dev/null 2>&1 || { echo "FAILED: $*" >&2; exit 1; }
    read -r wall user sys rss < "$work/time.txt"
    awk -v w="$wall" -v u="$user" -v s="$sys" -v r="$rss" 'BEGIN{printf "%8.2f %8.2f %8.1f", w, u + s, r / 1024}'
}
for s in 1 4 16 64; do
    dir="$work/x$s"
    [ -f "$dir/.done" ] || { rm -rf "$dir"; /usr/bin/python3 "$source/bench/gen_growth.py" "$dir" $s; touch "$dir/.done"; }
    ms=$(($(/usr/bin/python3 -c "import csv,sys; print(sum(1 for _ in csv.reader(open(sys.argv[1]))))" "$dir/check/actions.csv") - 1))
    check=$(measure "$sendpack" --check "$dir/check")
    prev=$(measure "$sendpack" --as-of 2022-12-31 --format json --output "$work/out" --previous "$dir/before" "$dir/now")
    printf '%-6s %11d %s | %9d %9d %s\n' "${s}x" "$ms" "$check" $((16 * s)) $((16 * s)) "$prev"
done
echo "(--check reads and checks the plan; --previous also assesses both exports, matches them and writes the JSON)"
