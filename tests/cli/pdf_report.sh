#!/bin/bash
# --format pdf: sections and hand-worked figures through pdftotext, the seeds' punctuation,
# qpdf --check, the embedded font, nothing outside the page (pdftotext -bbox), tables that
# continue over pages, and the same bytes twice.
set -u
fail() { echo "FAIL: $*"; exit 1; }
work="$WORK_DIR/pdf_report"
rm -rf "$work" && mkdir -p "$work"
plan="$SHARED_DIR/data/peterborough-app-2022"
f=peterborough-app-2022-scrutiny-2022-12-31.pdf

"$SENDPACK" --as-of 2022-12-31 --format pdf --output "$work/a" "$plan" >/dev/null 2>&1 || fail "first run"
"$SENDPACK" --as-of 2022-12-31 --format pdf --output "$work/b" "$plan" >/dev/null 2>&1 || fail "second run"
cmp "$work/a/$f" "$work/b/$f" || fail "two runs differ"
qpdf --check "$work/a/$f" >/dev/null 2>&1 || fail "qpdf --check: $(qpdf --check "$work/a/$f" 2>&1 | tail -3)"
pdffonts "$work/a/$f" 2>/dev/null | grep -qE "LiberationSans-Bold[^ ]* +CID TrueType +Identity-H +yes" || fail "bold font not embedded: $(pdffonts "$work/a/$f" 2>&1)"
pdffonts "$work/a/$f" 2>/dev/null | grep -qE "\+LiberationSans +CID TrueType +Identity-H +yes" || fail "regular font not embedded"
info=$(pdfinfo "$work/a/$f" 2>/dev/null)
echo "$info" | grep -q "Title: *Peterborough LASEND Accelerated Progress Plan" || fail "title: $info"
echo "$info" | grep -q "CreationDate: *Sat Dec 31 00:00:00 2022" || fail "creation date: $info"
echo "$info" | grep -q "Author: *Peterborough City Council" || fail "author"

text=$(pdftotext -layout "$work/a/$f" - 2>/dev/null)
flat=$(pdftotext "$work/a/$f" - 2>/dev/null | tr '\n' ' ' | tr -s ' ')
need() { grep -qF -- "$1" <<<"$flat" || fail "missing: $1"; }
# the sections, in order
order=$(grep -noE "Areas at a glance|KPIs and challenges|Exceptions: what needs attention|Progress by area|Impact scorecard|KPIs that need attention|Risk register|Key: what the colours" <<<"$text" | sed "s/^[0-9]*://" | uniq | tr '\n' '|')
[ "$order" = "Areas at a glance|KPIs and challenges|Exceptions: what needs attention|Progress by area|Impact scorecard|KPIs that need attention|Risk register|Key: what the colours|" ] || fail "section order: $order"
# hand-worked figures (tests/unit/test_shared_plans.c)
need "Of 13 milestones, 0 are complete and 2 overdue; 3 of 4 areas are off track or at risk; 2 of 12 KPIs are Red or Amber; 7 checkpoint updates are missing; 2 reported positions are challenged."
need "1 of 3 milestones due by 31 Dec 2022 is overdue (33%); the longest, APP-05, by 92 days."
# at a glance: the whole plan's due milestones done on time (APP-01, 02, 04, 05, 06, 08 due by
# 31 Dec 2022; none complete), and K12 under Area 4 with its reason
need "Due milestones done on time: 0 of 6 (0%)."
need "Area 4: Improving the transition of young people for children's health services to adult health service (to 'make transitions easy') At risk"
need "Reported Green, but 3 months overdue (due 30 Sep 2022)."
need "Behind the trajectory by 1.5 points, more than the tolerance of 0.43 points: 18.9% in Dec 2022 against 20.4% expected."
need "The 12-month target of 381.1 is met: 374 in Dec 2022."
need "illustrative"
need "Page 1 of"
# the exceptions list puts the two overdue milestones first, then K12
exceptions=$(sed 's/.*Exceptions: what needs attention//; s/Progress by area.*//' <<<"$flat")
first=$(grep -oE "APP-0[58] (Develop|Review)|K12 Increase" <<<"$exceptions" | head -3 | tr '\n' '|')
[ "$first" = "APP-05 Develop|APP-08 Review|K12 Increase|" ] || fail "exception order: $first"
# each told with its deadline in the committee's words, how late, its owner and the challenge
grep -qF "Red Overdue · Sep 2022 (ongoing phased work); 3 months late · Owner: Siobhan MacBean, Development Manager, 0-25 Service Challenged: Reported Green, but 3 months overdue (due 30 Sep 2022)." <<<"$exceptions" || fail "APP-05's story: $exceptions"
# every page carries the title and report date
pages=$(pdfinfo "$work/a/$f" 2>/dev/null | awk '/^Pages:/{print $2}')
for p in $(seq 1 "$pages"); do
    pdftotext -f "$p" -l "$p" "$work/a/$f" - 2>/dev/null | grep -q "Report date 31 Dec 2022" || fail "page $p lacks the report date"
    pdftotext -f "$p" -l "$p" "$work/a/$f" - 2>/dev/null | grep -q "Page $p of $pages" || fail "page $p footer"
done

# the outline (bookmarks) has a section each, with the areas and KPIs under theirs
outline=$(qpdf --json --json-key=outlines "$work/a/$f" 2>/dev/null | /usr/bin/python3 -c '
import json, sys
def walk(items, depth=0):
    for x in items:
        print("  " * depth + x["title"]); walk(x.get("kids", []), depth + 1)
walk(json.load(sys.stdin)["outlines"])')
for title in "Areas at a glance" "Exceptions: what needs attention" "Progress by area" "  Area 2: Off track" \
             "Impact scorecard" "KPIs that need attention" "  K12: Increase in uptake numbers of LD Annual Health Checks" \
             "Risk register" "Key: what the colours and figures mean"; do
    grep -qxF -- "$title" <<<"$outline" || fail "outline lacks '$title': $outline"
done

# The seeds' punctuation survives: ’ “ ” – — • £ %
cp -r "$SOURCE_DIR/tests/data/hostile" "$work/hostile"
sed -i 's/LONG_PROGRESS_PLACEHOLDER/progress/' "$work/hostile/actions.csv"
"$SENDPACK" --as-of 2022-12-31 --format pdf --output "$work/h" "$work/hostile" >/dev/null 2>&1 || fail "hostile run"
htext=$(pdftotext "$work/h/hostile-scrutiny-2022-12-31.pdf" - 2>/dev/null | tr '\n' ' ')
grep -qF "Parents’ “voice” – heard — always • £5 100%" <<<"$htext" || fail "punctuation lost: $(grep -o 'Parents.\{0,60\}' <<<"$htext")"
grep -qF "Hostile text & other edge cases" <<<"$htext" || fail "ampersand title"

# A plan built to break layouts: 500 milestones, a long narrative, a 300-character word.
big="$work/big"
mkdir -p "$big"
printf '[plan]\ntitle = Layout stress plan\narea = Testshire\nstart = 2022-01-31\n' > "$big/plan.ini"
/usr/bin/python3 - "$big" <<'PY'
import csv, os, sys
d = sys.argv[1]
narrative = " ".join(["The service has been redesigned with families, and the new pathway is published on the Local Offer."] * 60)
word = "Supercalifragilistic" * 15  # 300 characters, no spaces
with open(os.path.join(d, "actions.csv"), "w", newline="", encoding="utf-8") as f:
    w = csv.writer(f)
    w.writerow(["Area", "Ref", "Action", "Milestone", "Owner", "Due", "Status"])
    for i in range(500):
        text = narrative if i == 3 else word if i == 7 else f"Milestone number {i} with a realistic amount of descriptive text"
        w.writerow([f"Workstream {i % 5 + 1}", f"{i % 5 + 1}.{i // 5 + 1}", f"Action {i}", text, "Ann Lee, Head of SEND",
                    "March 2022" if i % 2 else "Dec 2023", "Green"])
with open(os.path.join(d, "kpis.csv"), "w", newline="", encoding="utf-8") as f:
    f.write("Ref,KPI,Unit,Direction,Baseline,12 months\nK01,A KPI,%,up,40%,60%\n")
PY
"$SENDPACK" --as-of 2022-12-31 --format pdf --output "$work/big-out" "$big" >/dev/null 2>&1 || fail "big run"
bigpdf="$work/big-out/big-scrutiny-2022-12-31.pdf"
qpdf --check "$bigpdf" >/dev/null 2>&1 || fail "qpdf big"
pdftotext -bbox "$bigpdf" "$work/big.html" 2>/dev/null
/usr/bin/python3 - "$work/big.html" <<'PY' || exit 1
import re, sys
html = open(sys.argv[1], encoding="utf-8").read()
pages = re.findall(r'<page width="([\d.]+)" height="([\d.]+)">(.*?)</page>', html, re.S)
margin = 48
bad = []
header_pages = 0
word_chars = 0
for n, (w, h, body) in enumerate(pages, 1):
    w, h = float(w), float(h)
    words = re.findall(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*?)</word>', body)
    for x0, y0, x1, y1, t in words:
        x0, y0, x1, y1 = map(float, (x0, y0, x1, y1))
        if x0 < margin - 1 or x1 > w - margin + 1 or y0 < 0 or y1 > h:
            bad.append((n, t[:30], x0, x1, y0, y1))
        if len(t) >= 5 and t in "Supercalifragilistic" * 15:  # the chunks of the broken word
            word_chars += len(t)
    if re.search(r'>What</word>', body) and re.search(r'>Deadline</word>', body):  # the grouped list's table
        header_pages += 1
if bad:
    sys.exit(f"FAIL: {len(bad)} words outside the page body, e.g. {bad[:3]}")
if header_pages < 3:
    sys.exit(f"FAIL: the exceptions table header appears on {header_pages} pages; it should repeat on each")
if word_chars < 300:
    sys.exit(f"FAIL: the 300-character word lost characters ({word_chars})")
print(f"layout ok: {len(pages)} pages, exceptions header on {header_pages} pages")
PY
# the narrative is all there, in order
# (read with each page's running header and footer taken out, as a paragraph may flow over a page)
pdftotext "$bigpdf" - 2>/dev/null | tr '\f' '\n' | grep -vE "^(Layout stress plan: monitoring report|Report date 31 Dec 2022|Page [0-9]+ of [0-9]+)$" |
    tr '\n' ' ' | tr -s ' ' | grep -o "The service has been redesigned" | wc -l | grep -qE "^ *(60|120)$" || fail "narrative lost words"
echo "pdf ok"
