#!/bin/bash
# Runs each libFuzzer harness for SECONDS (default 60), seeded from shared/data and tests/bad.
#   tools/fuzz.sh [SECONDS] [HARNESS...]      e.g. tools/fuzz.sh 1800 fuzz_plan
# Findings are written to build-fuzz/findings/; add each as a regression case in tests/bad.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-60}
shift || true
harnesses=("$@")
[ ${#harnesses[@]} -gt 0 ] || harnesses=(fuzz_csv fuzz_values fuzz_plan fuzz_template fuzz_history fuzz_redact)
bash tools/install-deps.sh test
command -v clang >/dev/null || apt-get install -y -qq clang >/dev/null
CC=clang cmake -S . -B build-fuzz -DCMAKE_BUILD_TYPE=RelWithDebInfo -DSENDPACK_FUZZ=ON -DSENDPACK_TESTS=OFF >/dev/null
cmake --build build-fuzz -j"$(nproc)" >/dev/null
shared=../shared
seeds=build-fuzz/seeds
rm -rf "$seeds" && mkdir -p "$seeds"/{fuzz_csv,fuzz_values,fuzz_plan,fuzz_template,fuzz_history} build-fuzz/findings
# CSV: every CSV file, behind a byte that picks its reader
i=0
for f in "$shared"/data/*/*.csv tests/bad/*/*.csv tests/data/*/*.csv; do
    case $(basename "$f") in actions.csv) b='\x00';; kpis.csv) b='\x01';; kpi_values.csv) b='\x02';; kpi_targets.csv) b='\x04';; *) b='\x03';; esac
    { printf "$b"; cat "$f"; } > "$seeds/fuzz_csv/$i"; i=$((i + 1))
done
# cells: every cell of the real plans
/usr/bin/python3 - "$seeds/fuzz_values" "$shared"/data/*/*.csv <<'PY'
import csv, sys, os
out, n = sys.argv[1], 0
for path in sys.argv[2:]:
    for row in csv.reader(open(path, encoding="utf-8-sig")):
        for cell in row:
            if 0 < len(cell) < 200:
                open(os.path.join(out, str(n)), "w").write(cell); n += 1
PY
# plan folders: the files joined with %% lines
for d in "$shared"/data/* tests/bad/* tests/data/*; do
    [ -d "$d" ] || continue
    out="$seeds/fuzz_plan/$(basename "$d")"
    for part in plan.ini actions.csv kpis.csv kpi_values.csv risks.csv kpi_targets.csv; do
        [ -f "$d/$part" ] && cat "$d/$part"
        printf '%%%%\n'
    done > "$out"
done
cp templates/*.ini "$seeds/fuzz_template/" 2>/dev/null || true
# the committed corpora (tests/fuzz/corpus/HARNESS): hand-written cases, e.g. each template list
# with a name twice, and earlier packs of the harness's own small plan from every template
for c in tests/fuzz/corpus/*/; do
    h=$(basename "$c")
    mkdir -p "$seeds/$h" && cp "$c"* "$seeds/$h/"
done
# the redactor also takes every cell of the real plans
cp "$seeds/fuzz_values"/* "$seeds/fuzz_redact/"
for h in "${harnesses[@]}"; do
    [ -x "build-fuzz/tests/fuzz/$h" ] || continue
    corpus="build-fuzz/corpus-$h"
    mkdir -p "$corpus"
    echo "== $h for ${seconds}s"
    "build-fuzz/tests/fuzz/$h" "$corpus" "$seeds/$h" -max_total_time="$seconds" -max_len=65536 \
        -artifact_prefix=build-fuzz/findings/ -print_final_stats=1 2>&1 | grep -E "^(stat::|#[0-9]+[[:space:]]+DONE|==[0-9]+==|SUMMARY)" || true
done
ls build-fuzz/findings
