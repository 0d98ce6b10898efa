#!/bin/bash
# A failed run exits non-zero with a clear message, leaves no partial or temporary file, and
# leaves an existing pack of the same name untouched: a data error, an output folder that is
# not a folder, one that cannot exist, and a full disk (a file-size limit, and a small tmpfs
# where this machine allows mounting one).
set -u
fail() { echo "FAIL: $*"; exit 1; }
work="$WORK_DIR/failure_safety"
rm -rf "$work" && mkdir -p "$work"
cp -r "$SHARED_DIR/data/peterborough-app-2022" "$work/plan"
out="$work/out"
"$SENDPACK" --as-of 2022-12-31 --output "$out" "$work/plan" >/dev/null 2>&1 || fail "first run"
cp -r "$out" "$work/last-month"
unchanged() { # what: the pack is exactly last month's and nothing else is there
    diff -r "$out" "$work/last-month" >/dev/null || fail "$1: the previous pack changed or a file was left: $(ls -A "$out")"
}

# 1. A data error in this month's export.
cp "$work/plan/actions.csv" "$work/actions.good"
printf 'APP-99,Area,Action,12/31/2022,Ann Lee,Green,,\n' >> "$work/plan/actions.csv"
msg=$("$SENDPACK" --as-of 2022-12-31 --output "$out" "$work/plan" 2>&1); st=$?
[ $st -eq 65 ] || fail "data error: exit $st"
grep -q "actions.csv:30:.*US month/day order" <<<"$msg" || fail "data error message: $msg"
unchanged "data error"
cp "$work/actions.good" "$work/plan/actions.csv"

# 2. The output folder is a file.
touch "$work/not-a-folder"
msg=$("$SENDPACK" --as-of 2022-12-31 --output "$work/not-a-folder" "$work/plan" 2>&1); st=$?
[ $st -eq 74 ] || fail "output is a file: exit $st"
grep -q "cannot write to the output folder .*Not a directory; nothing was written" <<<"$msg" || fail "message: $msg"

# 3. An output folder that cannot be created.
msg=$("$SENDPACK" --as-of 2022-12-31 --output /proc/sendpack/out "$work/plan" 2>&1); st=$?
[ $st -eq 74 ] || fail "impossible folder: exit $st"
grep -q "cannot create the output folder" <<<"$msg" || fail "message: $msg"

# 4. A full disk, simulated by a 40 KiB file-size limit: the PDF cannot be written.
msg=$(trap '' XFSZ; ulimit -f 40; "$SENDPACK" --as-of 2022-12-31 --output "$out" "$work/plan" 2>&1); st=$?
[ $st -eq 74 ] || fail "file-size limit: exit $st ($msg)"
grep -q "nothing was written and any earlier pack is unchanged" <<<"$msg" || fail "message: $msg"
unchanged "file-size limit"
# the same with the signal left to its default: sendpack ignores it itself
msg=$(ulimit -f 40; "$SENDPACK" --as-of 2022-12-31 --output "$out" "$work/plan" 2>&1); st=$?
[ $st -eq 74 ] || fail "file-size limit, default signal: exit $st"
unchanged "file-size limit, default signal"

# 5. A really full file system, where a tmpfs can be mounted here (root with CAP_SYS_ADMIN): room
# for the JSON (about 100 KB) but not for the whole pack (about 270 KB).
mkdir -p "$work/small"
if mount -t tmpfs -o size=160k tmpfs "$work/small" 2>/dev/null; then
    "$SENDPACK" --as-of 2022-12-31 --format json --output "$work/small/out" "$work/plan" >/dev/null 2>&1 || { umount "$work/small"; fail "tmpfs json"; }
    cp "$work/small/out/"*.json "$work/small.json"
    msg=$("$SENDPACK" --as-of 2022-12-31 --output "$work/small/out" "$work/plan" 2>&1); st=$?
    left=$(ls -A "$work/small/out")
    same=$(cmp -s "$work/small/out/"*.json "$work/small.json" && echo yes)
    umount "$work/small"
    [ $st -eq 74 ] || fail "full tmpfs: exit $st ($msg)"
    [ "$same" = yes ] || fail "full tmpfs: the previous JSON changed"
    [ "$left" = "plan-scrutiny-2022-12-31.json" ] || fail "full tmpfs: files left: $left"
    echo "tmpfs case ran"
else
    echo "tmpfs case skipped: mounting is not allowed here (the file-size limit covers a full disk)"
fi
echo "failure safety ok"
