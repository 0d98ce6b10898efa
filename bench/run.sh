#!/bin/bash
# The benchmark (cmake --build build --target bench). Generates the national-scale set once,
# then times sendpack and the floor, printing wall and CPU seconds, peak memory and the ratio
# to the floor. Figures depend on the machine; the README quotes one run.
set -euo pipefail
sendpack=$1 gen=$2 floor=$3 work=$4 source=$5
command -v /usr/bin/time >/dev/null || { apt-get install -y -qq time >/dev/null; }
set_dir="$work/national"
[ -f "$set_dir/.done" ] || { rm -rf "$set_dir"; "$gen" "$set_dir" >/dev/null; touch "$set_dir/.done"; }
plans=("$set_dir"/area-*)
largest=$(dirname "$(ls -S "$set_dir"/area-*/actions.csv | sed -n 1p)")
out="$work/out"
printf '%-52s %8s %8s %9s %9s\n' "run" "wall s" "CPU s" "peak MB" "vs floor"
measure() { # label floor_cpu command...
    local label=$1 floor=$2; shift 2
    rm -rf "$out"; mkdir -p "$out"
    /usr/bin/time -o "$work/time.txt" -f "%e %U %S %M" "$@" >/dev/null 2>&1 || true
    read -r wall user sys rss < "$work/time.txt"
    local cpu
    cpu=$(awk -v u="$user" -v s="$sys" 'BEGIN{printf "%.2f", u+s}')
    local ratio="-"
    # a floor under 0.02 s of CPU is too small to divide by
    [ "$floor" != "-" ] && ratio=$(awk -v c="$cpu" -v f="$floor" 'BEGIN{ if (f < 0.02) print "-"; else printf "%.2fx", c/f }')
    printf '%-52s %8s %8s %9.1f %9s\n' "$label" "$wall" "$cpu" "$(awk -v r="$rss" 'BEGIN{print r/1024}')" "$ratio"
    LAST_CPU=$cpu
}
for scope in batch largest; do
    if [ $scope = batch ]; then set=("${plans[@]}"); name="all ${#plans[@]} plans"; else set=("$largest"); name="largest plan ($(basename "$largest"))"; fi
    echo "== $name"
    measure "floor: libcsv parse" - "$floor" parse "$out" "${set[@]}"; parse_floor=$LAST_CPU
    measure "floor: libcsv parse + libxlsxwriter cells" - "$floor" write "$out" "${set[@]}"; write_floor=$LAST_CPU
    measure "sendpack --check" "$parse_floor" "$sendpack" --check "${set[@]}"
    measure "sendpack json" "$parse_floor" "$sendpack" --as-of 2023-01-31 -f json -o "$out" "${set[@]}"
    measure "sendpack xlsx" "$write_floor" "$sendpack" --as-of 2023-01-31 -f xlsx -o "$out" "${set[@]}"
    measure "sendpack pdf" "$write_floor" "$sendpack" --as-of 2023-01-31 -f pdf -o "$out" "${set[@]}"
    measure "sendpack scrutiny pack (json, xlsx, pdf)" "$write_floor" "$sendpack" --as-of 2023-01-31 -o "$out" "${set[@]}"
    if [ $scope = batch ]; then
        measure "sendpack scrutiny pack, -j 2" "$write_floor" "$sendpack" -j 2 --as-of 2023-01-31 -o "$out" "${set[@]}"
    fi
done
echo "== demo plan"
measure "sendpack scrutiny pack for input/ (demo)" - "$sendpack" --as-of 2022-12-31 -o "$out" "$source/input/peterborough-app-2022"
echo "(CPU = user + system seconds; peak MB = the largest resident set of any one process; ratios are CPU to the floor:"
echo " --check and json against parsing, the rest against parsing + writing the same cells)"
