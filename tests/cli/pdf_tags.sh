#!/bin/bash
# The tagged PDF (issue 23, docs/accessibility.md): for each template, on the demo plan and the
# shared WSoA plan, the structure read back by poppler and qpdf (pdf_tags_check.py) and by pdf.js
# (tests/pdfjs/read_struct.mjs): one H1, the title, first; headings in order; tables with header
# cells; every chart a Figure with its chart's words from the web page; lists; the Local Offer
# PDF's headings and list items those of its web page; all the page text
# in the tree but the running head and foot; no poppler syntax warning; the document entries
# and ToUnicode maps. pdf.js comes from the npm registry at the version package-lock.json pins.
set -u
fail() { echo "FAIL: $*"; exit 1; }
work="$WORK_DIR/pdf_tags"
rm -rf "$work" && mkdir -p "$work"

pdfjs="$WORK_DIR/pdfjs"
mkdir -p "$pdfjs"
if [ ! -d "$pdfjs/node_modules" ] || ! cmp -s "$SOURCE_DIR/tests/pdfjs/package-lock.json" "$pdfjs/package-lock.json"; then
    cp "$SOURCE_DIR/tests/pdfjs/package.json" "$SOURCE_DIR/tests/pdfjs/package-lock.json" "$pdfjs/"
    (cd "$pdfjs" && npm ci --ignore-scripts --omit=optional --no-audit --no-fund >"$work/npm.log" 2>&1) ||
        { cat "$work/npm.log"; fail "npm ci in $pdfjs"; }
fi
cp "$SOURCE_DIR/tests/pdfjs/read_struct.mjs" "$pdfjs/"

check() { # plan template [checker flags]
    local plan=$1 t=$2; shift 2
    local out="$work/$(basename "$plan")-$t"
    "$SENDPACK" --as-of 2022-12-31 --format pdf,html --template "$t" --output "$out" "$plan" >"$out.log" 2>&1 ||
        { cat "$out.log"; fail "$t on $plan"; }
    local pdf html
    pdf=$(ls "$out"/*.pdf) html=$(ls "$out"/*.html)
    (cd "$pdfjs" && node read_struct.mjs "$pdf" "$out.pdfjs.json" >"$out.pdfjs.log" 2>&1) ||
        { cat "$out.pdfjs.log"; fail "pdf.js could not read $pdf"; }
    python3 "$SOURCE_DIR/tests/cli/pdf_tags_check.py" "$pdf" "$html" --pdfjs "$out.pdfjs.json" "$@" ||
        fail "$t on $(basename "$plan"): the structure above"
}

demo="$SOURCE_DIR/input/peterborough-app-2022"
wsoa="$SHARED_DIR/data/peterborough-wsoa-2019"
for plan in "$demo" "$wsoa"; do
    check "$plan" scrutiny --tables --figures --lists
    check "$plan" dfe-nhse --tables --figures --lists
    check "$plan" local-offer --lists --as-web
done
# ToUnicode maps of more than 100 single codes (blocks of 100) and a run across a last byte
# (U+00F0-U+010F: two ranges): a risk in many scripts, read back character for character
many="$work/many-scripts"
cp -r "$demo" "$many"
python3 - "$many" <<'PY'
import sys
chars = (''.join(map(chr, range(0xF0, 0x110))) + ' ' + ''.join(map(chr, range(0x111, 0x180, 2))) + ' '
         + ''.join(map(chr, range(0x401, 0x450, 2))) + ' ' + ''.join(map(chr, range(0x391, 0x3AA, 2))))
path = sys.argv[1] + '/risks.csv'
text = open(path, encoding='utf-8').read()
open(path, 'w', encoding='utf-8').write(text.replace('Transition to ICS in July 2022', 'Transition to ICS ' + chars, 1))
open(sys.argv[1] + '.txt', 'w', encoding='utf-8').write('Transition to ICS ' + chars)
PY
check "$many" scrutiny --tables --figures --lists --expect-file "$many.txt"
[ "$(qpdf --qdf --object-streams=disable "$work/many-scripts-scrutiny/"*.pdf - | grep -ac 'beginbfchar')" -ge 3 ] ||
    fail "no ToUnicode map of more than 100 single codes: the test's text did not reach the PDF"
echo "ok: tagged PDFs of 3 templates on 2 plans read back by poppler, qpdf and pdf.js"
