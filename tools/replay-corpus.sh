#!/bin/bash
# Replays the fuzzers' corpora through the whole sendpack binary with every output (the
# renderers are too slow to fuzz directly), under the sanitizer build. A crash or sanitizer
# report is a finding: add the input to tests/bad.
#   tools/replay-corpus.sh [MAX_INPUTS_PER_CORPUS]
set -u
cd "$(dirname "$0")/.."
max=${1:-400}
bin=build-test/sendpack
[ -x "$bin" ] || { echo "build the sanitizer build first: bash tools/test.sh"; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export ASAN_OPTIONS=detect_leaks=1:abort_on_error=0:exitcode=99 UBSAN_OPTIONS=halt_on_error=1:exitcode=99
ran=0 bad=0
base_plan=tests/data/hostile
check() { # the folder, the input's name
    "$bin" --as-of 2022-12-31 --output "$work/out" "$1" >"$work/log" 2>&1
    local st=$?
    ran=$((ran + 1))
    if [ $st -ne 0 ] && [ $st -ne 65 ]; then
        bad=$((bad + 1))
        echo "FINDING ($st): $2"; grep -m3 -E "ERROR|runtime error|SUMMARY" "$work/log"
        mkdir -p build-fuzz/findings && cp -r "$1" "build-fuzz/findings/replay-$(basename "$2")"
    fi
}
# fuzz_plan inputs: files joined by %% lines
for f in $(ls build-fuzz/corpus-fuzz_plan 2>/dev/null | head -n "$max"); do
    rm -rf "$work/plan" && mkdir -p "$work/plan"
    /usr/bin/python3 - "build-fuzz/corpus-fuzz_plan/$f" "$work/plan" <<'PY'
import sys, os
data = open(sys.argv[1], "rb").read()
names = ["plan.ini", "actions.csv", "kpis.csv", "kpi_values.csv", "risks.csv"]
parts = data.split(b"%%\n")
for name, part in zip(names, parts):
    open(os.path.join(sys.argv[2], name), "wb").write(part)
PY
    check "$work/plan" "$f"
done
# fuzz_csv inputs: the first byte picks the file, the rest of the plan is a small valid one
for f in $(ls build-fuzz/corpus-fuzz_csv 2>/dev/null | head -n "$max"); do
    rm -rf "$work/plan" && cp -r "$base_plan" "$work/plan"
    sed -i 's/LONG_PROGRESS_PLACEHOLDER/progress/' "$work/plan/actions.csv"
    sel=$(od -An -tu1 -N1 "build-fuzz/corpus-fuzz_csv/$f" | tr -d ' ')
    case $(( ${sel:-0} % 4 )) in 0) name=actions.csv;; 1) name=kpis.csv;; 2) name=kpi_values.csv;; *) name=risks.csv;; esac
    tail -c +2 "build-fuzz/corpus-fuzz_csv/$f" > "$work/plan/$name"
    check "$work/plan" "$f"
done
echo "replayed $ran inputs through every output: $bad findings"
[ $bad -eq 0 ]
