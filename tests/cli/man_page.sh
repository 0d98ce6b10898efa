#!/bin/bash
# The man page (docs/sendpack.1, installed gzipped as sendpack(1)) and `sendpack --help` agree:
# every option one lists the other lists, and every exit status --help names the man page
# explains. The page has the sections a user looks for, and man renders it without warnings.
set -u
fail() { echo "FAIL: $*"; exit 1; }
page="$SOURCE_DIR/docs/sendpack.1"
[ -f "$page" ] || fail "no man page at $page"
help=$("$SENDPACK" --help) || fail "sendpack --help"

# --help: the option column of its option lines ("  -c, --check   read and check ...")
help_options=$(grep -E '^ +-' <<<"$help" | sed -E 's/^ +//; s/  .*//' | grep -oE -- '--?[A-Za-z][A-Za-z-]*' | sort -u)
# the man page: the tag line after each .TP of its OPTIONS section, with roff's \- and fonts undone
man_options=$(awk '/^\.SH /{in_opts = ($2 == "OPTIONS")} in_opts && tag {print; tag = 0} in_opts && /^\.TP/{tag = 1}' "$page" |
    sed -E 's/\\-/-/g; s/\\f[BIRP]//g' | grep -oE -- '--?[A-Za-z][A-Za-z-]*' | sort -u)
[ "$(wc -l <<<"$help_options")" -ge 10 ] || fail "read too few options from --help: $help_options"
only_help=$(comm -23 <(echo "$help_options") <(echo "$man_options"))
only_man=$(comm -13 <(echo "$help_options") <(echo "$man_options"))
[ -z "$only_help" ] || fail "in --help but not in the man page's OPTIONS: $(echo $only_help)"
[ -z "$only_man" ] || fail "in the man page's OPTIONS but not in --help: $(echo $only_man)"

for section in NAME SYNOPSIS DESCRIPTION OPTIONS "EXIT STATUS" FILES ENVIRONMENT EXAMPLES "SEE ALSO"; do
    grep -qE "^\.SH \"?$section\"?\$" "$page" || fail "no $section section"
done
exit_section=$(awk '/^\.SH /{on = ($0 ~ /EXIT STATUS/)} on' "$page")
statuses=$(grep -i '^exit status' <<<"$help" | grep -oE '\b[0-9]+\b')
[ -n "$statuses" ] || fail "--help names no exit status"
for s in $statuses; do
    grep -qx "\.B $s" <<<"$exit_section" || fail "exit status $s (in --help) is not in the man page's EXIT STATUS"
done
# the examples the issue asks for: the monthly run, --previous, --history, a batch with -j
examples=$(awk '/^\.SH /{on = ($2 == "EXAMPLES")} on' "$page" | sed 's/\\-/-/g')
for e in --previous --history "-j " --as-of; do
    grep -q -- "$e" <<<"$examples" || fail "no example with $e"
done

# renders without a warning, as man-db shows it and as groff checks it
if command -v groff >/dev/null; then
    out=$(groff -man -ww -z "$page" 2>&1) || fail "groff failed: $out"
    [ -z "$out" ] || fail "groff warns: $out"
fi
if command -v man >/dev/null; then
    out=$(MANWIDTH=80 man --warnings -l "$page" 2>&1 >/dev/null)
    [ -z "$out" ] || fail "man warns: $out"
    MANWIDTH=80 man -l "$page" 2>/dev/null | grep -q -- '--html-heading-level' || fail "man -l did not render the options"
fi
echo "man page ok: $(wc -l <<<"$help_options") options in both"
