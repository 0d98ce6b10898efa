#!/bin/bash
# Inputs that used to be accepted quietly, or to make a workbook Excel-compatible readers
# refuse with exit 0 (issue 14, items 1, 7-10). Each case is a small valid plan with one defect:
# either an error naming file, line and column (exit 65, nothing written), or a pack that says
# what is true.
set -u
fail() { echo "FAIL: $*"; exit 1; }
work="$WORK_DIR/hostile_inputs"
rm -rf "$work" && mkdir -p "$work"
INI='[plan]
title = Test plan
area = Testshire
start = 2022-06-30'
ACT='Area,Ref,Action,Milestone,Owner,Due,Status
Workstream 1,1.1a,Write the strategy,Draft agreed,Ann Lee,Dec 2022,Green'
KPI='Ref,KPI,Unit,Direction,Baseline,12 months
K01,EHCPs issued within 20 weeks,%,up,40%,60%'
mk() { # name: a fresh valid plan
    rm -rf "$work/$1"; mkdir -p "$work/$1"
    printf '%s\n' "$INI" > "$work/$1/plan.ini"
    printf '%s\n' "$ACT" > "$work/$1/actions.csv"
    printf '%s\n' "$KPI" > "$work/$1/kpis.csv"
}
rejects() { # name expected-diagnostic-regex: exit 65, the diagnostic, no pack
    local msg st
    msg=$(cd "$work" && "$SENDPACK" --as-of 2022-12-31 --output "out-$1" "$1" 2>&1); st=$?
    [ $st -eq 65 ] || fail "$1: exit $st, expected 65 ($msg)"
    grep -qE -- "$2" <<<"$msg" || fail "$1: expected /$2/, got: $msg"
    [ ! -e "$work/out-$1" ] || [ -z "$(ls -A "$work/out-$1")" ] || fail "$1: something was written"
}
pack() { # name formats: writes the pack, exit 0
    (cd "$work" && "$SENDPACK" --as-of 2022-12-31 --format "$2" --output "out-$1" "$1" >/dev/null 2>&1) || fail "$1: the pack failed"
}

mk valid; pack valid json,xlsx,pdf

# 1. U+FFFE / U+FFFF in a cell (not characters; XML forbids them)
mk nonchar-milestone
printf 'Workstream 1,1.1b,Write it,Dr\xef\xbf\xbeaft,Ann Lee,Dec 2022,Green\n' >> "$work/nonchar-milestone/actions.csv"
rejects nonchar-milestone '^nonchar-milestone/actions.csv:3:30: error: U\+FFFE is not a character'
mk nonchar-kpi
printf 'K02,Waits\xef\xbf\xbf,number,down,10,5\n' >> "$work/nonchar-kpi/kpis.csv"
rejects nonchar-kpi '^nonchar-kpi/kpis.csv:3:10: error: U\+FFFF is not a character'
# control characters in plan.ini's title, area and organisations
mk ini-title; printf '[plan]\ntitle = Test\033[2J plan\narea = Testshire\nstart = 2022-06-30\n' > "$work/ini-title/plan.ini"
rejects ini-title '^ini-title/plan.ini:2:13: error: title: a control character \(U\+001B\)'
mk ini-area; printf '[plan]\ntitle = Test\narea   =  Test\007shire\nstart = 2022-06-30\n' > "$work/ini-area/plan.ini"
rejects ini-area '^ini-area/plan.ini:3:15: error: area: a control character \(U\+0007\)'
mk ini-orgs; printf '[plan]\ntitle = Test\norganisations = A; B\x01\nstart = 2022-06-30\n' > "$work/ini-orgs/plan.ini"
rejects ini-orgs '^ini-orgs/plan.ini:3:21: error: organisations: a control character \(U\+0001\)'
mk ini-nonchar; printf '[plan]\ntitle = T\xef\xbf\xbe\nstart = 2022-06-30\n' > "$work/ini-nonchar/plan.ini"
rejects ini-nonchar '^ini-nonchar/plan.ini:2:10: error: title: U\+FFFE is not a character'
mk ini-utf8; printf '[plan]\ntitle = T\xe9st\nstart = 2022-06-30\n' > "$work/ini-utf8/plan.ini"
rejects ini-utf8 '^ini-utf8/plan.ini:2:10: error: title: invalid UTF-8'
# and in a report template's values (its title is every document's title)
mk tmpl-title
printf '[report]\nname = own\ntitle = Own \033]0;x\007 report\n' > "$work/own.ini"
msg=$(cd "$work" && "$SENDPACK" --as-of 2022-12-31 --template own.ini --output out-tmpl tmpl-title 2>&1); st=$?
[ $st -eq 65 ] || fail "template title: exit $st ($msg)"
grep -q '^own.ini:3:1: error: title: a control character (U+001B) (at character 5 of the value)' <<<"$msg" || fail "template title: $msg"
[ ! -e "$work/out-tmpl" ] || fail "template title: something was written"
# control characters in cells stay allowed (the workbook escapes them); every cell of the
# workbook must still load
mk controls
printf 'Workstream\0331,1.1b,Write\007 it,Dr\001aft,Ann Lee,Dec 2022,Green\n' >> "$work/controls/actions.csv"
pack controls json,xlsx,pdf

# 7. literal _xHHHH_ text stays literal in the workbook
mk escapes
printf 'Workstream 1,1.1b,Write it,Read _x0041_ and _X005f_ and _x00e9_ here,Ann Lee,Dec 2022,Green\n' >> "$work/escapes/actions.csv"
pack escapes xlsx
/usr/bin/python3 - "$work/out-escapes/escapes-scrutiny-2022-12-31.xlsx" <<'PY' || fail "_xHHHH_ text"
import re, sys, zipfile
# Excel reads _xHHHH_ in a string as the character U+HHHH: the literal text must be stored
# with its underscore escaped (_x005F_), or the sheet shows "Read A and ... é here".
# (openpyxl does not unescape, so the stored XML is what is checked.)
xml = zipfile.ZipFile(sys.argv[1]).read("xl/sharedStrings.xml").decode()
texts = [t for t in re.findall(r"<t[^>]*>([^<]*)</t>", xml) if t.startswith("Read ")]
assert texts == ["Read _x005F_x0041_ and _X005f_ and _x005F_x00e9_ here"], texts
PY
for d in controls valid; do
    /usr/bin/python3 -c "import openpyxl,sys; [list(ws.values) for ws in openpyxl.load_workbook(sys.argv[1])]" \
        "$work/out-$d/$d-scrutiny-2022-12-31.xlsx" || fail "$d: openpyxl cannot read the workbook"
done

# 8. K01 and K01 with a zero-width joiner are one ref
mk zwj; printf 'K01\xe2\x80\x8d,Another,number,down,10,5\n' >> "$work/zwj/kpis.csv"
rejects zwj "^zwj/kpis.csv:3:1: error: duplicate KPI ref 'K01': it is already used at line 2"
mk zwj-action; printf 'Workstream 2,1.1a\xe2\x80\x8b,Other action,Other,Ann Lee,Dec 2022,Green\n' >> "$work/zwj-action/actions.csv"
(cd "$work" && "$SENDPACK" --check zwj-action 2>&1) | grep -q "action 1.1a is also listed under area 'Workstream 2'" || fail "zwj action ref not merged"

# 9. a series mixing quarters and months is not one XmR process
mk mixed
printf 'Ref,Period,Value\n' > "$work/mixed/kpi_values.csv"
for q in 1 2 3 4; do printf 'K01,2021-Q%d,%d%%\n' $q $((40 + q)) >> "$work/mixed/kpi_values.csv"; done
for m in 01 02 03 04 05 06 07 08 09 10 11 12; do printf 'K01,2022-%s,%d%%\n' $m $((45 + 10#$m % 3)) >> "$work/mixed/kpi_values.csv"; done
pack mixed json
/usr/bin/python3 - "$work/out-mixed/mixed-scrutiny-2022-12-31.json" <<'PY' || fail "mixed quarters and months"
import json, sys
k = json.load(open(sys.argv[1]))["kpis"][0]
assert k["spc"]["computed"] is False, k["spc"]
assert "quarters and months" in k["spc"]["why_not"], k["spc"]
PY

# 10. quietly accepted before
mk header-only; printf 'Area,Ref,Action,Milestone,Owner,Due,Status\n' > "$work/header-only/actions.csv"
rejects header-only '^header-only/actions.csv:1:1: error: no actions: the file has a header row but no rows'
mk extra-cells; printf 'Workstream 1,1.1b,Write it,Draft, with a comma,Ann Lee,Dec 2022,Green\n' >> "$work/extra-cells/actions.csv"
rejects extra-cells '^extra-cells/actions.csv:3:65: error: a cell beyond the last column \(the header has 7\)'
mk trailing-commas; printf 'Workstream 1,1.1b,Write it,Draft,Ann Lee,Dec 2022,Green,,\n' >> "$work/trailing-commas/actions.csv"
pack trailing-commas json
mk percent-over; printf 'Ref,Period,Value\nK01,2022-07,45%%\nK01,2022-08,104%%\n' > "$work/percent-over/kpi_values.csv"
rejects percent-over '^percent-over/kpi_values.csv:3:[0-9]+: error: K01: 104% is over 100%'
mk target-over; printf 'Ref,KPI,Unit,Direction,Baseline,12 months\nK01,EHCPs,%%,up,40%%,160%%\n' > "$work/target-over/kpis.csv"
rejects target-over '^target-over/kpis.csv:2:[0-9]+: error: K01: 160% is over 100%'
mk zero-base
printf 'Ref,KPI,Unit,Direction,Baseline,12 months\nK01,Tribunal appeals,number,down,0,Reduction by 20%%\n' > "$work/zero-base/kpis.csv"
printf 'Ref,Period,Value\nK01,2022-11,0\n' > "$work/zero-base/kpi_values.csv"
msg=$(cd "$work" && "$SENDPACK" --as-of 2022-12-31 --format json --output out-zero-base zero-base 2>&1) || fail "zero-base: $msg"
grep -q "zero-base/kpis.csv:2:[0-9]*: warning: K01: 'Reduction by 20%' is relative to a baseline of 0" <<<"$msg" || fail "zero-base warning: $msg"
/usr/bin/python3 - "$work/out-zero-base/zero-base-scrutiny-2022-12-31.json" <<'PY' || fail "relative target on a zero baseline"
import json, sys
k = json.load(open(sys.argv[1]))["kpis"][0]
assert k["rag"] not in ("Blue", "Green"), k
assert "baseline of 0" in k["reason"], k["reason"]
PY
# a target that moves against the KPI's direction is named, with where to fix it
mk against
printf 'Ref,KPI,Unit,Direction,Baseline,6 months,12 months\nK01,Waiting weeks,number,down,52,57,Increase on baseline of at least 20%%\nK02,EHCPs on time,%%,up,40%%,45%%,-5pp\n' > "$work/against/kpis.csv"
printf 'Ref,Period,Value\nK01,2022-11,47\nK02,2022-11,44%%\n' > "$work/against/kpi_values.csv"
msg=$(cd "$work" && "$SENDPACK" -v --as-of 2022-12-31 --format json --output out-against against 2>&1) || fail "against: $msg"
grep -q "against/kpis.csv:2:[0-9]*: warning: K01: the 6-month target '57' is above the baseline, but the KPI's direction is down (lower is better)" <<<"$msg" || fail "against 6m warning: $msg"
grep -q "against/kpis.csv:2:[0-9]*: warning: K01: the 12-month target 'Increase on baseline of at least 20%' is above the baseline" <<<"$msg" || fail "against 12m warning: $msg"
grep -q "against/kpis.csv:3:[0-9]*: warning: K02: the 12-month target '-5pp' is below the baseline, but the KPI's direction is up (higher is better)" <<<"$msg" || fail "against K02 warning: $msg"
grep -q "K01: the 12-month target .* so any value at or below 62.4 counts as meeting it: correct the direction or the target" <<<"$msg" || fail "against: the number K01's target comes to: $msg"
grep -q "K02: the 12-month target .* so any value at or above 35% counts as meeting it" <<<"$msg" || fail "against: the number K02's target comes to: $msg"
[ "$(grep -c "direction is" <<<"$msg")" -eq 3 ] || fail "against: the 6-month target of K02 agrees with its direction: $msg"
# "-0%": a KPI a hair behind its baseline shows 0% progress, never -0%
mk minus-zero
printf 'Ref,KPI,Unit,Direction,Baseline,12 months\nK01,EHCPs,%%,up,40%%,60%%\n' > "$work/minus-zero/kpis.csv"
printf 'Ref,Period,Value\nK01,2022-11,39.95%%\n' > "$work/minus-zero/kpi_values.csv"
(cd "$work" && "$SENDPACK" --as-of 2022-12-31 --format pdf --template dfe-nhse --output out-minus-zero minus-zero >/dev/null 2>&1) || fail "minus-zero"
text=$(pdftotext -layout "$work/out-minus-zero/minus-zero-dfe-nhse-2022-12-31.pdf" - 2>/dev/null)
# progress = (39.95 - 40) / (60 - 40) = -0.25%, which rounds to 0%
grep -q -- "-0%" <<<"$text" && fail "-0% printed: $(grep -- '-0%' <<<"$text")"
grep -qE "39.95%( \(Nov( 2022\))?)? +Red +0% " <<<"$text" || fail "the progress column is not 0%: $text"
# Inputs are ordinary files of sane size (decisions #17): each refused at once, naming the file
# (and line), exit 65, before any large allocation; a FIFO is never waited on.
quick_rejects() { # name expected-regex: as rejects, within 10 seconds
    local msg st
    msg=$(cd "$work" && timeout 10 "$SENDPACK" --as-of 2022-12-31 --output "out-$1" "$1" 2>&1); st=$?
    [ $st -eq 65 ] || fail "$1: exit $st, expected 65 ($msg)"
    grep -qE -- "$2" <<<"$msg" || fail "$1: expected /$2/, got: $msg"
    [ ! -e "$work/out-$1" ] || fail "$1: something was written"
}
for f in plan.ini actions.csv kpis.csv; do
    mk "fifo-${f%.*}"; rm "$work/fifo-${f%.*}/$f"; mkfifo "$work/fifo-${f%.*}/$f"
    quick_rejects "fifo-${f%.*}" "^fifo-${f%.*}/$f: error: this is a named pipe \(FIFO\), not a file"
    mk "dir-${f%.*}"; rm "$work/dir-${f%.*}/$f"; mkdir "$work/dir-${f%.*}/$f"
    quick_rejects "dir-${f%.*}" "^dir-${f%.*}/$f: error: this is a folder, not a file"
done
mk zero-values; ln -s /dev/zero "$work/zero-values/kpi_values.csv"
quick_rejects zero-values "^zero-values/kpi_values.csv: error: this is a device, not a file"
mk wide-header; /usr/bin/python3 -c "import sys; sys.stdout.write(','.join('c%d' % i for i in range(1000000)) + '\n')" \
    > "$work/wide-header/kpi_values.csv"
quick_rejects wide-header "^wide-header/kpi_values.csv:1:[0-9]+: error: more than 1000 columns in a row"
mk wide-row; /usr/bin/python3 -c "import sys; sys.stdout.write('Ref,Period,Value\nK01,Jan 2023,1' + ',' * 1000 + 'x\n')" \
    > "$work/wide-row/kpi_values.csv"
quick_rejects wide-row "^wide-row/kpi_values.csv:2:[0-9]+: error: more than 1000 columns in a row"
mk big-cell; /usr/bin/python3 -c "import sys; sys.stdout.write('Ref,Period,Value\nK01,Jan 2023,\"' + 'a' * (1 << 20) + 'a\"\n')" \
    > "$work/big-cell/kpi_values.csv"
quick_rejects big-cell "^big-cell/kpi_values.csv:2:14: error: a cell longer than 1 MiB"
mk big-line; /usr/bin/python3 -c "import sys; sys.stdout.write('Ref,Period,Value\n' + 'a' * (17 << 20) + '\n')" \
    > "$work/big-line/kpi_values.csv"
quick_rejects big-line "^big-line/kpi_values.csv:2:1: error: a line longer than 16 MiB"
mk big-ini-line; /usr/bin/python3 -c "import sys; sys.stdout.write('[plan]\ntitle = T\n; ' + 'a' * (17 << 20) + '\n')" \
    > "$work/big-ini-line/plan.ini"
quick_rejects big-ini-line "^big-ini-line/plan.ini:3:1: error: a line longer than 16 MiB"
# a cell just under 1 MiB and a 5,000-byte plan.ini title are read whole
mk near-limits; /usr/bin/python3 - "$work/near-limits" <<'PY'
import sys
d = sys.argv[1]
open(d + "/plan.ini", "w").write("[plan]\ntitle = " + "Long title " * 455 + "end\narea = Testshire\nstart = 2022-06-30\n")
with open(d + "/actions.csv", "a") as f:
    f.write('Workstream 1,1.1b,Write it,"' + "word " * 200000 + '",Ann Lee,Dec 2022,Green\n')
PY
(cd "$work" && timeout 60 "$SENDPACK" --check near-limits >/dev/null 2>&1) || fail "a cell under 1 MiB or a long title refused"
echo "special files and sizes ok"
echo "hostile inputs ok"
