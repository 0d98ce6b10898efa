#!/bin/bash
# Templates are checked like plans (decisions #18), generated over every list key: a name given
# twice, more names than the table has, an unknown name; a key given twice; a cohort that is no
# LOW-HIGH range; a template that is no ordinary file. Each is an error naming the template's
# file:line, exit 65, from --check --template too, and nothing written. A template asking for
# every column of each table renders (the renderers size their tables from the template).
set -u
fail() { echo "FAIL: $*"; exit 1; }
work="$WORK_DIR/template_checks"
rm -rf "$work" && mkdir -p "$work"
# a small plan: the checks are of the template
plan="$work/plan"; mkdir -p "$plan"
printf '[plan]\ntitle = Test plan\narea = Testshire\nstart = 2022-06-30\n' > "$plan/plan.ini"
printf 'Area,Ref,Action,Milestone,Owner,Due,Status\nWorkstream 1,1.1a,Write it,Draft agreed,Ann Lee,Dec 2022,Green\n' > "$plan/actions.csv"
printf 'Ref,KPI,Unit,Direction,Baseline,12 months\nK01,EHCPs issued within 20 weeks,%%,up,40%%,60%%\n' > "$plan/kpis.csv"
n=0
refused() { # template-file line expected-message-regex [modes]: --check and a pack unless told
    local msg st mode
    for mode in ${4:-check pack}; do
        rm -rf "$work/out"
        if [ $mode = check ]; then
            msg=$(timeout 20 "$SENDPACK" --check --template "$1" "$plan" 2>&1); st=$?
        else
            msg=$(timeout 20 "$SENDPACK" --as-of 2022-12-31 --template "$1" --output "$work/out" "$plan" 2>&1); st=$?
        fi
        [ $st -eq 65 ] || fail "$1 ($mode): exit $st, expected 65: $msg"
        grep -qE -- "^$1:${2:+$2:1:} error: $3" <<<"$msg" || fail "$1 ($mode): expected $1:$2: /$3/, got: $msg"
        [ ! -e "$work/out" ] || [ -z "$(ls -A "$work/out")" ] || fail "$1 ($mode): something was written"
    done
    n=$((n + 1))
}

# Every list key: the names it accepts, from the tool's own message for an unknown one.
for entry in sections.pdf sections.workbook columns.actions columns.kpis columns.pdf_exceptions columns.pdf_scorecard; do
    section=${entry%%.*} key=${entry#*.}
    t="$work/$key-unknown.ini"
    printf '[%s]\n%s = bogus\n' "$section" "$key" > "$t"
    refused "$t" 2 "$key: unknown name 'bogus' \(accepted: "
    names=$("$SENDPACK" --check --template "$t" "$plan" 2>&1 | sed -n 's/.*(accepted: \(.*\))$/\1/p' | tr -d ' ')
    IFS=, read -ra list <<<"$names"
    [ ${#list[@]} -ge 4 ] || fail "$key: accepted names not found: $names"
    for name in "${list[@]}"; do
        # the name twice, the second on a continuation line
        t="$work/$key-$name-twice.ini"
        printf '[%s]\n%s = %s,\n    %s\n' "$section" "$key" "$name" "$name" > "$t"
        refused "$t" 3 "$key: '$name' is named twice" check
    done
    # every name, then one more than the table has: the last one again
    t="$work/$key-too-many.ini"
    all=$(IFS=,; echo "${list[*]}")
    printf '[%s]\n%s = %s, %s\n' "$section" "$key" "$all" "${list[-1]}" > "$t"
    refused "$t" 2 "$key: more names than the ${#list[@]} it has"
    # the same key on two lines
    t="$work/$key-key-twice.ini"
    printf '[%s]\n%s = %s\n%s = %s\n' "$section" "$key" "${list[0]}" "$key" "${list[1]}" > "$t"
    refused "$t" 3 "'$key' in \[$section\] is given twice \(first on line 2\)"
    # every name once, in reverse: accepted (a table as wide as the template asks)
    rev=$(printf '%s\n' "${list[@]}" | tac | paste -sd, -)
    printf '[%s]\n%s = %s\n' "$section" "$key" "$rev" > "$work/$key-all.ini"
done
# every key given twice (not only lists), from the bundled scrutiny template
grep -nE '^[a-z_0-9]+ *=' "$SOURCE_DIR/templates/scrutiny.ini" | head -40 > "$work/keys"
while IFS=: read -r line text; do
    key=$(sed 's/ *=.*//' <<<"$text")
    t="$work/dup-$key.ini"
    awk -v l="$line" '{print} NR==l{print}' "$SOURCE_DIR/templates/scrutiny.ini" > "$t"
    refused "$t" $((line + 1)) "'$key' in \[[a-z]+\] is given twice \(first on line $line\)" check
done < "$work/keys"
# a value continued where only lists continue
printf '[report]\ntitle = A\n    B\n' > "$work/title-continued.ini"
refused "$work/title-continued.ini" 3 "title: only a list of names may continue"
# cohorts that are no LOW-HIGH range
for c in banana 25-18 18 18- -25 18-25x 1-999; do
    for key in cohort focus_cohort; do
        printf '[filter]\n%s = %s\n' "$key" "$c" > "$work/cohort.ini"
        refused "$work/cohort.ini" 2 "$key = '$c': give an age range LOW-HIGH" check
    done
done
# a template that is no ordinary file: a folder, a FIFO (never waited on), a device
mkdir -p "$work/folder.ini"
refused "$work/folder.ini" "" "this is a folder, not a file"
mkfifo "$work/fifo.ini"
refused "$work/fifo.ini" "" "this is a named pipe \(FIFO\)"
refused /dev/urandom "" "this is a device, not a file"
echo "$n refusals checked"

# Every name of each list, all at once (in reverse order): the pack is written in every format.
for t in "$work"/*-all.ini; do
    rm -rf "$work/out"
    "$SENDPACK" --as-of 2022-12-31 --template "$t" --format json,xlsx,pdf,html --output "$work/out" "$plan" \
        >/dev/null 2>"$work/err" || fail "$t: $(cat "$work/err")"
    [ "$(ls "$work/out" | wc -l)" -ge 4 ] || fail "$t: not every format written"
done
# a cohort range is taken
printf '[filter]\ncohort = 18-25\nfocus_cohort = 14-25\n' > "$work/cohort-ok.ini"
"$SENDPACK" --check --template "$work/cohort-ok.ini" "$plan" >/dev/null 2>&1 || fail "cohort 18-25 refused"
echo "template checks ok"
