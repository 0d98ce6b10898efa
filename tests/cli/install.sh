#!/bin/bash
# `cmake --install` puts the binary in PREFIX/bin and the templates in
# PREFIX/share/sendpack/templates; the installed copy, run from another folder, finds its own
# templates (an edit to the installed one shows in the pack), and still does after the whole
# installed tree is moved.
set -u
fail() { echo "FAIL: $*"; exit 1; }
work="$WORK_DIR/install"
rm -rf "$work" && mkdir -p "$work"
prefix="$work/prefix"
cmake --install "$BUILD_DIR" --prefix "$prefix" >/dev/null || fail "cmake --install"
for f in bin/sendpack share/sendpack/templates/scrutiny.ini share/sendpack/templates/dfe-nhse.ini \
         share/sendpack/templates/local-offer.ini share/doc/sendpack/README.md; do
    [ -f "$prefix/$f" ] || fail "not installed: $f"
done
cp -r "$SHARED_DIR/data/peterborough-app-2022" "$work/plan"
sed -i 's/^title = .*/title = {plan}: installed monitoring report/' "$prefix/share/sendpack/templates/scrutiny.ini"
run() { # installed-binary: the three report kinds, from an unrelated folder
    (cd / && for t in scrutiny dfe-nhse local-offer; do
        "$1" --as-of 2022-12-31 --template $t --output "$work/out" "$work/plan" >/dev/null 2>&1 || exit 1
    done) || fail "$1 failed"
    for t in scrutiny dfe-nhse local-offer; do
        for ext in json xlsx pdf; do
            [ -s "$work/out/plan-$t-2022-12-31.$ext" ] || fail "$1: no plan-$t-2022-12-31.$ext"
        done
    done
    pdftotext "$work/out/plan-scrutiny-2022-12-31.pdf" - 2>/dev/null | grep -q "installed monitoring report" ||
        fail "$1 did not use its installed templates"
    rm -rf "$work/out"
}
run "$prefix/bin/sendpack"
mv "$prefix" "$work/moved"
run "$work/moved/bin/sendpack"
echo "install ok"
