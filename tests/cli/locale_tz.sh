#!/bin/bash
# Results and bytes are the same under a decimal-comma locale and any time zone.
set -u
fail() { echo "FAIL: $*"; exit 1; }
work="$WORK_DIR/locale_tz"
rm -rf "$work" && mkdir -p "$work"
locale -a 2>/dev/null | grep -qi '^de_DE.utf8$' || fail "the de_DE.UTF-8 locale is not generated (tools/test.sh generates it)"
plan="$SOURCE_DIR/input/peterborough-app-2022"
LC_ALL=C TZ=UTC "$SENDPACK" --as-of 2022-12-31 --output "$work/c" "$plan" "$SOURCE_DIR/tests/data/spc-plan" >/dev/null 2>&1 || fail "C run"
for env in "LC_ALL=de_DE.UTF-8 TZ=Pacific/Kiritimati" "LC_ALL=de_DE.UTF-8 TZ=America/Los_Angeles" "LANG=de_DE.UTF-8 LC_NUMERIC=de_DE.UTF-8 TZ=Europe/London"; do
    rm -rf "$work/x"
    env $env "$SENDPACK" --as-of 2022-12-31 --output "$work/x" "$plan" "$SOURCE_DIR/tests/data/spc-plan" >/dev/null 2>&1 || fail "$env run"
    diff -r "$work/c" "$work/x" >/dev/null || fail "$env: outputs differ: $(diff -rq "$work/c" "$work/x")"
done
# the figures really are written with a decimal point
grep -q '"value": 18.9' "$work/c/peterborough-app-2022-scrutiny-2022-12-31.json" || fail "18.9 not in the JSON"
echo "locale and time zone ok"
