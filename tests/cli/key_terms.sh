#!/bin/bash
# The key is generated from the terms a pack uses (issue 22 item 7): key_terms.py finds each of a
# list of sendpack's own terms used outside the key of a PDF, web page or workbook and fails
# where that output's key has no row for it. Plans: the demo, the SPC test plan, the WSoA and a
# small national plan, in the two committee templates (the Local Offer has its own key of words).
set -u
fail() { echo "FAIL: $*"; exit 1; }
work="$WORK_DIR/key_terms"
rm -rf "$work" && mkdir -p "$work"
/usr/bin/python3 "$SHARED_DIR/bench/gen_national.py" "$work/gen" 1 150 1500 >/dev/null || fail "generator"
packs=()
for run in "$SOURCE_DIR/input/peterborough-app-2022 2022-12-31" "$SOURCE_DIR/tests/data/spc-plan 2022-12-31" \
           "$SHARED_DIR/data/peterborough-wsoa-2019 2020-11-30" "$work/gen/area-000 2023-06-30"; do
    set -- $run
    for t in scrutiny dfe-nhse; do
        "$SENDPACK" --as-of "$2" --template $t --format pdf,html,xlsx --output "$work/out" "$1" >/dev/null 2>&1 ||
            fail "$1 $t"
        packs+=("$work/out/$(basename "$1")-$t-$2")
    done
done
/usr/bin/python3 "$SOURCE_DIR/tests/cli/key_terms.py" "${packs[@]}"
