#!/bin/bash
# Errors in words (issue 21): every I/O failure says why (strerror), in each format; libharu's
# codes never reach the user, and an unbroken 64 KiB word is broken into lines so the PDF is
# written; a failed write to stdout is exit 74.
set -u
fail() { echo "FAIL: $*"; exit 1; }
work="$WORK_DIR/errors_in_words"
rm -rf "$work" && mkdir -p "$work"
plan="$SHARED_DIR/data/peterborough-wsoa-2019"

# 1. stdout that cannot be written: /dev/full
for args in "--check $plan" "--version" "--help"; do
    msg=$("$SENDPACK" $args 2>&1 >/dev/full); st=$?
    [ $st -eq 74 ] || fail "$args >/dev/full: exit $st, expected 74"
    grep -q "sendpack: cannot write to standard output: No space left on device" <<<"$msg" || fail "$args: $msg"
done

# 2. A full disk, as a file-size limit, in each format: the reason is said, not a code
for f in json pdf xlsx html; do
    msg=$(ulimit -f 20; "$SENDPACK" --as-of 2020-11-30 --format $f --output "$work/full-$f" "$plan" 2>&1); st=$?
    [ $st -eq 74 ] || fail "$f: exit $st ($msg)"
    grep -qE "File too large\)?; nothing was written" <<<"$msg" || fail "$f: no reason given: $msg"
    ! grep -qi "libharu\|0x[0-9a-f]\{4\}" <<<"$msg" || fail "$f: a library code: $msg"
done

# 3. An unbroken 64 KiB word in a milestone's action: every template's pack is written
cp -r "$SHARED_DIR/data/peterborough-app-2022" "$work/long-word"
/usr/bin/python3 - "$work/long-word/actions.csv" <<'PY' || fail fixture
import csv, sys
p = sys.argv[1]
rows = list(csv.reader(open(p, encoding="utf-8-sig", newline="")))
rows[1][rows[0].index("Action")] = "x" * 65536
csv.writer(open(p, "w", newline="", encoding="utf-8")).writerows(rows)
PY
for t in dfe-nhse scrutiny local-offer; do
    msg=$("$SENDPACK" --as-of 2022-12-31 --template $t --format pdf --output "$work/out" "$work/long-word" 2>&1) ||
        fail "$t: the pack with a 64 KiB word failed: $(grep -v warning <<<"$msg")"
done
# all of it, broken into lines that fit the page
xs=$(pdftotext "$work/out/long-word-dfe-nhse-2022-12-31.pdf" - 2>/dev/null | tr -cd x | wc -c)
[ "$xs" -ge 65536 ] || fail "the long word is not all in the PDF ($xs letters)"
longest=$(pdftotext "$work/out/long-word-dfe-nhse-2022-12-31.pdf" - 2>/dev/null | awk '{ if (length($0) > n) n = length($0) } END { print n }')
[ "$longest" -lt 200 ] || fail "a line of $longest characters"
echo "errors in words ok"
