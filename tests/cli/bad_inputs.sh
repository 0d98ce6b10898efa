#!/bin/bash
# Every folder in tests/bad is a plan with one or more defects. `sendpack --check` must
# print exactly the diagnostics (file, line, column, message) and summary in its
# `expected` file, exit with status 65 (data error), and never crash.
set -u
cd "$SOURCE_DIR/tests/bad" || exit 1
pass=0 fail=0
for dir in */; do
    name=${dir%/}
    [ -f "$name/expected" ] || continue
    actual=$("$SENDPACK" --check "$name" 2>&1)
    status=$?
    if [ "$status" -ne 65 ]; then
        echo "FAIL $name: exit status $status, expected 65"
        fail=$((fail + 1))
    elif [ "$actual" != "$(cat "$name/expected")" ]; then
        echo "FAIL $name: output differs"
        diff <(printf '%s\n' "$actual") "$name/expected" | sed 's/^/    /'
        fail=$((fail + 1))
    else
        pass=$((pass + 1))
    fi
done
echo "bad inputs: $pass passed, $fail failed"
[ "$pass" -ge 30 ] || { echo "FAIL: fewer than 30 bad cases ran"; exit 1; }
[ "$fail" -eq 0 ]
