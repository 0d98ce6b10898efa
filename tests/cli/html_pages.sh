#!/bin/bash
# The HTML packs as their readers get them: every template's page for the demo, the shared WSoA
# and a 500-milestone stress plan, opened in Debian's headless chromium with axe-core (WCAG 2.2
# A and AA: zero violations) and the 320 px reflow check; validated by the Nu Html Checker;
# their structure, the Local Offer page's content and its glossary checked by Python.
set -euo pipefail
work="$WORK_DIR/html"
rm -rf "$work"
mkdir -p "$work"
fail() { echo "FAIL: $*"; exit 1; }

# axe-core, puppeteer-core and vnu-jar at the versions package-lock.json pins, from the npm
# registry (never a browser download: puppeteer-core has none, and chromium is Debian's).
browser="$WORK_DIR/browser"
mkdir -p "$browser"
if [ ! -d "$browser/node_modules" ] || ! cmp -s "$SOURCE_DIR/tests/browser/package-lock.json" "$browser/package-lock.json"; then
    cp "$SOURCE_DIR/tests/browser/package.json" "$SOURCE_DIR/tests/browser/package-lock.json" "$browser/"
    (cd "$browser" && PUPPETEER_SKIP_DOWNLOAD=1 npm ci --ignore-scripts --no-audit --no-fund >"$work/npm.log" 2>&1) ||
        { cat "$work/npm.log"; fail "npm ci in $browser"; }
fi
cp "$SOURCE_DIR/tests/browser/check.mjs" "$browser/"

# --- the plans -----------------------------------------------------------------------------
demo="$work/demo"
cp -r "$SOURCE_DIR/input/peterborough-app-2022" "$demo"
# a contact for families, and a plan glossary entry that wins over the built-in one
printf 'contact = https://www.example.org/send-local-offer/have-your-say\n[glossary]\nCCG = Cambridgeshire and Peterborough Clinical Commissioning Group\n' >>"$demo/plan.ini"
wsoa="$SHARED_DIR/data/peterborough-wsoa-2019"
big="$work/big"
mkdir -p "$big"
printf '[plan]\ntitle = Layout stress plan\narea = Testshire\nstart = 2022-01-31\ncontact = send.team@testshire.example\n' >"$big/plan.ini"
/usr/bin/python3 - "$big" <<'PY'
import csv, os, sys
d = sys.argv[1]
narrative = " ".join(["The service has been redesigned with families, and the new pathway is published."] * 40)
word = "Supercalifragilistic" * 15  # 300 characters, no spaces
with open(os.path.join(d, "actions.csv"), "w", newline="", encoding="utf-8") as f:
    w = csv.writer(f)
    w.writerow(["Area", "Ref", "Action", "Milestone", "Owner", "Resource", "Due", "Status", "Progress"])
    for i in range(500):
        text = narrative if i == 3 else word if i == 7 else f"Milestone number {i}: the DCO reviews EHCPs with the SENCO"
        w.writerow([f"Workstream {i % 5 + 1}", f"{i % 5 + 1}.{i // 5 + 1}", f"Action {i}", text,
                    "Ann Lee, Head of SEND, ann.lee@testshire.example, 01234 567890", "RC-77",
                    "March 2022" if i % 2 else "Dec 2023", "Green", "Ann Lee called 01234 567890 about it."])
with open(os.path.join(d, "kpis.csv"), "w", newline="", encoding="utf-8") as f:
    f.write("Ref,KPI,Unit,Direction,Baseline,12 months\nK01,A KPI with a <b>tag</b> & more,%,up,40%,60%\n")
with open(os.path.join(d, "kpi_values.csv"), "w", newline="", encoding="utf-8") as f:
    f.write("Ref,Period,Value\n" + "".join(f"K01,2022-{m:02d},{40 + m}\n" for m in range(1, 13)))
PY

out="$work/out"
run() { "$SENDPACK" --format html --html-fragment --output "$out" "$@" >/dev/null 2>"$work/stderr" ||
            { cat "$work/stderr"; fail "sendpack $*"; }; }
for t in scrutiny dfe-nhse local-offer; do
    run --as-of 2022-12-31 --template "$t" "$demo"
    run --as-of 2021-05-31 --template "$t" "$wsoa"
    run --as-of 2022-12-31 --template "$t" "$big"
done
# the burn-up with a forecast (the WSoA at its first monthly report has one; see README)
run --as-of 2020-01-31 --template scrutiny "$wsoa"
run --as-of 2020-01-31 --template local-offer "$wsoa"
"$SENDPACK" --format json --as-of 2020-01-31 --output "$work/burnup-json" "$wsoa" >/dev/null 2>&1 || fail "burn-up json"
/usr/bin/python3 - "$out" "$work/burnup-json/peterborough-wsoa-2019-scrutiny-2020-01-31.json" <<'PY' || exit 1
# The page draws the burn-up the JSON gives (same months, same counts) and names the forecast
# months in its forecast sentence; the families' page has none of it.
import html.parser, json, sys
out, js = sys.argv[1], json.load(open(sys.argv[2], encoding="utf-8"))
def month_word(ym):  # "2023-11" -> "Nov 2023", as the page writes months
    y, m = ym.split("-")
    return ["Jan","Feb","Mar","Apr","May","Jun","Jul","Aug","Sep","Oct","Nov","Dec"][int(m) - 1] + " " + y
class P(html.parser.HTMLParser):
    def __init__(s):
        super().__init__(); s.stack = []; s.rows = []; s.cell = None; s.figure = 0; s.burnup = False; s.svg_img = False; s.title = ""
    def handle_starttag(s, tag, attrs):
        a = dict(attrs)
        if tag == "figure": s.figure += 1; s.cur = []
        if tag == "svg" and a.get("role") == "img": s.svg_img = True
        if tag == "tr": s.row = []
        if tag in ("td", "th"): s.cell = ""
        s.stack.append(tag)
    def handle_endtag(s, tag):
        if tag in ("td", "th") and s.cell is not None: s.row.append(s.cell.strip()); s.cell = None
        if tag == "tr" and s.in_burnup: s.rows.append(s.row)
        if tag == "caption" or tag == "title": pass
        if s.stack: s.stack.pop()
    in_burnup = False
    def handle_data(s, d):
        if s.cell is not None: s.cell += d
        if s.stack and s.stack[-1] in ("title", "caption") and d.startswith("Burn-up"): s.in_burnup = True; s.burnup = True
        if s.stack and s.stack[-1] == "caption" and not d.startswith("Burn-up"): s.in_burnup = False
def parse(path):
    p = P(); p.feed(open(path, encoding="utf-8").read()); return p
page = parse(f"{out}/peterborough-wsoa-2019-scrutiny-2020-01-31.html")
fc, burnup = js["progress"]["forecast"], js["progress"]["burnup"]
assert page.burnup and page.svg_img, "no burn-up chart in the scrutiny page"
body = [r for r in page.rows if r and r[0][:3] in ("Jan","Feb","Mar","Apr","May","Jun","Jul","Aug","Sep","Oct","Nov","Dec")]
assert len(body) == len(burnup), (len(body), len(burnup))
for r, b in zip(body, burnup):
    assert r[0] == month_word(b["month"]), (r, b)
    assert r[1] == str(b["planned"]) and r[2] == str(b["revised"]), (r, b)
assert fc["likely_by"] and fc["chance85_by"], fc
text = open(f"{out}/peterborough-wsoa-2019-scrutiny-2020-01-31.html", encoding="utf-8").read()
assert fc["sentence"] in text and month_word(fc["likely_by"]) in fc["sentence"], fc["sentence"]
families = parse(f"{out}/peterborough-wsoa-2019-local-offer-2020-01-31.html")
assert not families.burnup, "a burn-up in the families' page"
print(f"burn-up: {len(body)} months as the JSON gives them; likely {fc['likely_by']}, 85% {fc['chance85_by']}")
PY
# the monthly cycle for families: what changed since last time, judged a month earlier
run --as-of 2021-05-31 --previous "$wsoa" --previous-as-of 2021-02-28 --template local-offer --output "$work/cycle" "$wsoa"
# a fragment for a CMS whose page puts its own h1 and h2 above it
"$SENDPACK" --format html --html-fragment --html-heading-level 3 --as-of 2022-12-31 --template local-offer \
    --output "$work/h3" "$demo" >/dev/null 2>&1 || fail "--html-heading-level 3"
"$SENDPACK" --html-heading-level 7 --output "$work/x" "$demo" >/dev/null 2>&1 && fail "--html-heading-level 7 accepted"
[ $? -eq 64 ] || fail "--html-heading-level 7: exit status"

# same input, same bytes
"$SENDPACK" --format html --as-of 2022-12-31 --template local-offer --output "$work/again" "$demo" >/dev/null 2>&1
cmp -s "$work/again/demo-local-offer-2022-12-31.html" "$out/demo-local-offer-2022-12-31.html" || fail "not the same bytes twice"

# hostile text (curly quotes, dashes, a formula, control characters): valid and escaped
cp -r "$SOURCE_DIR/tests/data/hostile" "$work/hostile"
sed -i 's/LONG_PROGRESS_PLACEHOLDER/progress/' "$work/hostile/actions.csv"
"$SENDPACK" --format html --as-of 2022-12-31 --template dfe-nhse --output "$work/hostile-out" "$work/hostile" >/dev/null 2>&1 ||
    fail "hostile run"
hostile_page="$work/hostile-out/hostile-dfe-nhse-2022-12-31.html"
grep -qF '“Curly quotes” – en dash — em dash • bullet £5 100%' "$hostile_page" || fail "punctuation lost in the HTML"
grep -qF '=HYPERLINK(&quot;http://example.invalid&quot;,&quot;click&quot;)' "$hostile_page" ||
    fail "a formula-like cell not kept as escaped text"

pages=("$out"/*-????-??-??.html "$work/cycle/"*-????-??-??.html)
fragments=("$out"/*.fragment.html "$work/h3/"*.fragment.html)
[ ${#pages[@]} -eq 12 ] || fail "expected 12 pages (3 templates x 3 plans, the WSoA burn-up pair, the cycle), got ${#pages[@]}"

# --- structure, content and glossary (Python) ----------------------------------------------
/usr/bin/python3 "$SOURCE_DIR/tests/cli/html_structure.py" "$work" "${pages[@]}" -- "${fragments[@]}" || exit 1

# --- validation: the Nu Html Checker; a fragment inside a minimal page ----------------------
mkdir -p "$work/wrapped"
for f in "${fragments[@]}"; do
    w="$work/wrapped/$(basename "$(dirname "$f")")-$(basename "$f")"
    # the CMS page's own headings above the fragment's first
    above='<h1>Local Offer</h1>'
    grep -q '^<h3' "$f" && above="$above<h2>Our plans</h2>"
    { printf '<!DOCTYPE html>\n<html lang="en-GB"><head><meta charset="utf-8"><title>Local Offer</title></head><body><main>%s\n' "$above"
      cat "$f"; printf '</main></body></html>\n'; } >"$w"
done
# (beside the browser: the two take a core each)
java -Xss4m -jar "$browser/node_modules/vnu-jar/build/dist/vnu.jar" --Werror "${pages[@]}" "$work/wrapped/"*.html "$work/hostile-out/"*.html \
    >"$work/vnu.log" 2>&1 &
vnu=$!

# --- a real browser: axe-core, 320 px reflow, no request leaves the file --------------------
node "$browser/check.mjs" "${pages[@]}" || fail "browser checks"
node "$browser/check.mjs" --fragment "$out/demo-local-offer-2022-12-31.fragment.html" "$work/h3/"*.fragment.html ||
    fail "browser checks of the fragments"
wait $vnu || { cat "$work/vnu.log"; fail "the Nu Html Checker found errors or warnings"; }
echo "html pages: ${#pages[@]} pages and ${#fragments[@]} fragments checked"

# --- the Local Offer workbook says what the page says, promise by promise -----------------
"$SENDPACK" --format xlsx,json --as-of 2021-05-31 --template local-offer --output "$work/lo-xlsx" "$wsoa" >/dev/null 2>&1 ||
    fail "local-offer workbook"
/usr/bin/python3 - "$out/peterborough-wsoa-2019-local-offer-2021-05-31.html" \
    "$work/lo-xlsx/peterborough-wsoa-2019-local-offer-2021-05-31.xlsx" <<'PY' || exit 1
import html, json, re, sys, openpyxl
page = html.unescape(re.sub(r"<[^>]+>", " ", open(sys.argv[1], encoding="utf-8").read()))
page = " ".join(page.split())
ws = openpyxl.load_workbook(sys.argv[2])["What we are doing"]
rows = [r for r in ws.iter_rows(min_row=5, values_only=True) if r[0]]
assert len(rows) > 100, len(rows)
missing = [t for r in rows for t in r[2:5] if " ".join(str(t).split()) not in page]
assert not missing, f"{len(missing)} workbook texts not on the page: {missing[:3]}"
late = [r[4] for r in rows if r[1] == "Late"]
assert late and all(t.startswith("We planned this for ") and "It is late;" in t for t in late), late[:3]
# decision 12: the page's word for a slipped item is the committee's Amber, and it never says "late"
later = [r[4] for r in rows if r[1] == "Later than planned"]
assert all("late;" not in t for t in later), later[:3]
# the JSON's families text is the same promises, in the same order
fam = json.load(open(sys.argv[2][:-5] + ".json", encoding="utf-8"))["families"]
promises = [p for part in fam["parts"] for a in part["actions"] for p in a["promises"]]
assert [(p["said"], p["done"], p["next"]) for p in promises] == [tuple(r[2:5]) for r in rows], "JSON and workbook differ"
assert fam["contact"] is not None and fam["glossary"], fam.keys()
print(f"the Local Offer workbook and JSON hold the page's {len(rows)} promises; {len(late)} late ones say so in words")
PY

# --- an abbreviation no glossary explains is named to the editor, and [glossary] fixes it ---
cp -r "$wsoa" "$work/gl"
"$SENDPACK" --format html --as-of 2021-05-31 --template local-offer --output "$work/gl-out" "$work/gl" \
    >/dev/null 2>"$work/gl.err" || fail "glossary run"
grep -q "plan.ini: warning: the Local Offer text uses .* abbreviations that no glossary explains (.*JCHB" "$work/gl.err" ||
    { cat "$work/gl.err"; fail "no warning naming JCHB"; }
printf '\n[glossary]\nJCHB = Joint Child Health Board\n' >>"$work/gl/plan.ini"
"$SENDPACK" --format html --as-of 2021-05-31 --template local-offer --output "$work/gl-out" "$work/gl" \
    >/dev/null 2>"$work/gl.err" || fail "glossary run with JCHB"
grep -q "JCHB" "$work/gl.err" && fail "JCHB still warned about after [glossary] explains it"
grep -q "Joint Child Health Board (JCHB)" "$work/gl-out/gl-local-offer-2021-05-31.html" || fail "JCHB not expanded on the page"
echo "glossary: the editor is told of JCHB until [glossary] explains it"

# --- the Local Offer PDF says what the page says (one text from the view feeds both) -------
"$SENDPACK" --format pdf --as-of 2021-05-31 --template local-offer --output "$work/pdf" "$wsoa" >/dev/null 2>&1 ||
    fail "local-offer PDF"
pdftotext "$work/pdf/peterborough-wsoa-2019-local-offer-2021-05-31.pdf" "$work/lo.txt" 2>/dev/null
/usr/bin/python3 - "$out/peterborough-wsoa-2019-local-offer-2021-05-31.html" "$work/lo.txt" <<'PY' || exit 1
import html, re, sys
page = open(sys.argv[1], encoding="utf-8").read()
# pdftotext joins a word wrapped at its hyphen ("self-|assessment") without it: compare without hyphens
flat = lambda t: re.sub(r"\s+", " ", t).replace("-", "")
pdf = flat(open(sys.argv[2], encoding="utf-8").read())
said = [flat(html.unescape(re.sub(r"<[^>]+>", "", t))) for t in re.findall(r"<dd>(.*?)</dd>", page, re.S)]
missing = [t for t in said if t not in pdf]
if len(said) < 300 or missing:
    print(f"FAIL: {len(missing)} of {len(said)} Local Offer texts of the page are not in the PDF: {missing[:3]}")
    sys.exit(1)
print(f"the Local Offer PDF holds all {len(said)} texts of the page")
PY
