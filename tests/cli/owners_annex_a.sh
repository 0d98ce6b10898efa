#!/bin/bash
# Who answers for the work, and the header DfE and NHS England put on the plans they monitor.
# 1. Two owners from two organisations (`;` in the owner cell, under Devon's own header) and an
#    accountable senior officer show in every output wherever an owner shows: the JSON (owners
#    array, owner string, accountable, on actions and milestones), the PDF's text (exceptions and
#    areas), the page and the workbook's Actions and Exceptions sheets. The public scrutiny pack
#    keeps the names and job titles and loses the officer's e-mail; the advisers' pack keeps it.
# 2. The demo's dfe-nhse pack opens with the APP's Annex A header (seed 000): first on the PDF's
#    first page, before "at a glance"; at the top of the page before its contents; first on the
#    workbook's Cover; under `plan` in the JSON. The scrutiny and local-offer packs don't show it,
#    unless their template lists annex_a; a public template that does redacts contact details in it.
# 3. A plan without the Annex A keys still builds: the header says "not recorded", and one warning
#    names the missing keys, only for a pack that shows the header.
set -u
fail() { echo "FAIL: $*"; exit 1; }
work="$WORK_DIR/owners_annex_a"
rm -rf "$work" && mkdir -p "$work"

# ---- 1. two owners and an accountable officer ------------------------------------------------
plan="$work/two-owners"
mkdir -p "$plan"
cat >"$plan/plan.ini" <<'EOF'
[plan]
title = Testshire Accelerated Progress Plan
area = Testshire
start = 2022-06-30
organisations = Testshire County Council; NHS Testshire ICB
EOF
# 1.1 is overdue and reported Green (an exception); its second milestone falls due within 90 days
# (the areas' "due soon" list). 1.2 has one owner and no accountable officer.
cat >"$plan/actions.csv" <<'EOF'
Ref,Area,Action,Milestone,Responsible officer (action lead),Senior responsible officer (accountable),By when,Action RAG
1.1,Preparing for adulthood,Joint transition pathway for young people aged 14 to 25,Pathway drafted,"Jo Bloggs, Head of SEND, Testshire County Council; Dr Sam Patel, Designated Clinical Officer, NHS Testshire ICB","Pat Jones, Director of Childrens Services, Testshire County Council (pat.jones@testshire.gov.uk)",Sep 2022,Green
,,,Pathway agreed by the board,,,Feb 2023,Green
1.2,Preparing for adulthood,Post-16 strategy,Strategy published,"Ann Lee, Strategic Lead",,Jun 2023,Green
EOF
cat >"$plan/kpis.csv" <<'EOF'
Ref,Area,KPI,Unit,Direction,Baseline,12 months
K01,Preparing for adulthood,EHCP reviews with a transition plan,%,up,40%,60%
EOF
for t in scrutiny dfe-nhse; do
    "$SENDPACK" --as-of 2022-12-31 --template "$t" --output "$work/out1" "$plan" >"$work/$t.log" 2>&1 ||
        fail "two owners: $t run: $(cat "$work/$t.log")"
done
/usr/bin/python3 - "$work/out1" <<'PY' || exit 1
import json, re, subprocess, sys
import openpyxl
out = sys.argv[1]
A = "Jo Bloggs, Head of SEND, Testshire County Council"
B = "Dr Sam Patel, Designated Clinical Officer, NHS Testshire ICB"
C = "Pat Jones, Director of Childrens Services, Testshire County Council"
MAIL = "pat.jones@testshire.gov.uk"
def check(cond, msg):
    if not cond:
        sys.exit("FAIL: two owners: " + msg)
def flat(s):
    return re.sub(r"\s+", " ", s)
for t in ("scrutiny", "dfe-nhse"):
    base = f"{out}/two-owners-{t}-2022-12-31"
    public = t == "scrutiny"
    acc = C + (" ([contact details removed])" if public else f" ({MAIL})")
    # JSON: owners one by one, the owner string as several read, the accountable officer
    j = json.load(open(base + ".json", encoding="utf-8"))
    act = {a["ref"]: a for a in j["actions"]}
    check(act["1.1"]["owners"] == [A, B], f"{t}: JSON action owners {act['1.1']['owners']}")
    check(act["1.1"]["owner"] == f"{A}; {B}", f"{t}: JSON action owner {act['1.1']['owner']!r}")
    check(act["1.1"]["accountable"] == acc, f"{t}: JSON action accountable {act['1.1']['accountable']!r}")
    check(act["1.2"]["owners"] == ["Ann Lee, Strategic Lead"] and act["1.2"]["accountable"] is None,
          f"{t}: JSON action 1.2 {act['1.2']}")
    ms = [m for m in j["milestones"] if m["ref"] == "1.1"]
    check(len(ms) == 2, f"{t}: {len(ms)} milestones of 1.1")
    for m in ms:  # the second row is a merged cell: it takes its action's owners
        check(m["owners"] == [A, B] and m["accountable"] == acc, f"{t}: JSON milestone {m['milestone']}: {m}")
    # the PDF's text: the exception's story and the area's due-soon list (scrutiny), the actions (dfe-nhse)
    pdf = flat(subprocess.run(["pdftotext", "-layout", base + ".pdf", "-"], capture_output=True, text=True).stdout)
    for who in (A, B, C):
        check(who in pdf, f"{t}: PDF lacks {who!r}")
    check(f"Owners: {A}; {B} · Accountable: {acc}" in pdf, f"{t}: PDF does not say both owners and the accountable officer together")
    if public:
        exc, areas = pdf.index("Exceptions: what needs attention"), pdf.index("Progress by area")
        section = pdf[exc:areas]
        check(A in section and C in section, "scrutiny: PDF exceptions lack the owners or the accountable officer")
        check(f"({A}; {B} — accountable: {acc})" in pdf[areas:], "scrutiny: PDF areas' due-soon list lacks them")
    # the page
    html = flat(open(base + ".html", encoding="utf-8").read())
    for who in (A, B, C):
        check(who in html, f"{t}: HTML lacks {who!r}")
    check(f"{A}; {B} — accountable: {acc}" in html, f"{t}: the HTML exceptions table lacks owners and accountable officer")
    # the workbook: Actions and Exceptions sheets, an owner column and an accountable officer column
    wb = openpyxl.load_workbook(base + ".xlsx")
    for sheet in ("Actions", "Exceptions"):
        ws = wb[sheet]
        header = [c.value for c in ws[4]]
        check("Owner" in header and "Accountable officer" in header, f"{t}: {sheet} header {header}")
        o, a = header.index("Owner"), header.index("Accountable officer")
        rows = [r for r in ws.iter_rows(min_row=5, values_only=True) if r[header.index("Ref")] == "1.1"]
        check(rows, f"{t}: {sheet} has no row of 1.1")
        for r in rows:
            check(r[o] == f"{A}; {B}" and r[a] == acc, f"{t}: {sheet} row {r[o]!r} / {r[a]!r}")
    # contact details: only in the advisers' pack
    everything = json.dumps(j) + pdf + html
    for ws in wb:
        for row in ws.iter_rows(values_only=True):
            everything += " ".join(str(v) for v in row if v is not None)
    check((MAIL in everything) != public, f"{t}: the officer's e-mail is {'kept' if public else 'lost'}")
PY

# ---- 2. the demo's Annex A header ------------------------------------------------------------
demo="$SOURCE_DIR/input/peterborough-app-2022"
for t in dfe-nhse scrutiny local-offer; do
    "$SENDPACK" --as-of 2022-12-31 --template "$t" --output "$work/out2" "$demo" >"$work/demo-$t.log" 2>&1 ||
        fail "demo $t run"
done
grep -q "Annex A" "$work/demo-dfe-nhse.log" && fail "the demo's full header is said to be missing: $(cat "$work/demo-dfe-nhse.log")"
# the same header in a public template that asks for it: redacted
sed 's/^pdf = glance,/pdf = annex_a, glance,/; s/^name = scrutiny/name = public-header/' \
    "$SOURCE_DIR/templates/scrutiny.ini" >"$work/public-header.ini"
grep -q '^pdf = annex_a,' "$work/public-header.ini" || fail "could not make the public template"
# listed late, in a pack without the glance: it still opens the pack
sed 's/^pdf = .*/pdf = exceptions, annex_a, key/; s/^name = scrutiny/name = late-header/' \
    "$SOURCE_DIR/templates/scrutiny.ini" >"$work/late-header.ini"
"$SENDPACK" --as-of 2022-12-31 --template "$work/late-header.ini" --format pdf,html --output "$work/out2" "$demo" \
    >/dev/null 2>&1 || fail "late-header run"
redacted="$work/demo-with-contacts"
cp -r "$demo" "$redacted"
sed -i 's/^advisers = Brian Gale (DfE Advisor)/advisers = Brian Gale (DfE Advisor, brian.gale@education.gov.uk, 020 7946 0123)/' \
    "$redacted/plan.ini"
grep -q 'brian.gale@' "$redacted/plan.ini" || fail "could not add a contact to the header"
for t in "$work/public-header.ini" dfe-nhse; do
    "$SENDPACK" --as-of 2022-12-31 --template "$t" --output "$work/out3" "$redacted" >/dev/null 2>&1 ||
        fail "header with contacts: $t run"
done
/usr/bin/python3 - "$work/out2" "$work/out3" <<'PY' || exit 1
import json, re, subprocess, sys
import openpyxl
out, out3 = sys.argv[1], sys.argv[2]
HEADING = "Local area, inspection and governance (Annex A)"
ADVISERS = ["Brian Gale (DfE Advisor)", "Anneliese Hillyer-Thake (NHS England Advisor)"]
OFFICER = "Karlene Allen, Deputy Director of Maternity and Childrens Commissioning / Deputy Chief Nurse, CCG"
def check(cond, msg):
    if not cond:
        sys.exit("FAIL: Annex A: " + msg)
def flat(s):
    return re.sub(r"\s+", " ", s)
def pdf_text(path, first=None, last=None):
    args = ["pdftotext", "-layout"] + (["-f", str(first), "-l", str(last)] if first else []) + [path, "-"]
    return flat(subprocess.run(args, capture_output=True, text=True).stdout)
def strings(path):  # every sheet's cells, in order, as text
    wb = openpyxl.load_workbook(path)
    return {ws.title: [str(v) for row in ws.iter_rows(values_only=True) for v in row if v is not None] for ws in wb}
base = f"{out}/peterborough-app-2022-%s-2022-12-31"
d = base % "dfe-nhse"
# PDF: on the first page, under the title, before the glance
page1 = pdf_text(d + ".pdf", 1, 1)
check(HEADING in page1, "not on the dfe-nhse PDF's first page")
for text in ["Date of inspection", "Inspection – 10-14 June 2019", "Revisit – 24-26 January 2022", "10 February 2022",
             "Joint SEND Strategic Partnership Group provides strategic leadership"] + ADVISERS:
    check(text in page1, f"the PDF's first page lacks {text!r}")
check(page1.index("DfE and NHS England monitoring pack") < page1.index(HEADING) < page1.index("Areas at a glance"),
      "the header is not between the title and the glance")
# the page: under the title, before the contents and the glance
html = flat(open(d + ".html", encoding="utf-8").read())
check(HEADING in html and "Anneliese Hillyer-Thake (NHS England Advisor)" in html, "not in the dfe-nhse page")
check(html.index("<h1") < html.index(HEADING) < html.index('aria-labelledby="sendpack-contents"') < html.index('id="sendpack-glance"'),
      "the page's header is not at its top")
check("Karlene Allen" in html and OFFICER in html, "the page lacks an accountable officer")
# the workbook's Cover: first, before the pack's own facts
cover = strings(d + ".xlsx")["Cover"]
check(HEADING in cover, f"not on the Cover: {cover[:6]}")
check(cover.index(HEADING) < cover.index("Date of inspection") < cover.index("Plan"), "the Cover does not open with it")
check("Brian Gale (DfE Advisor)\nAnneliese Hillyer-Thake (NHS England Advisor)" in cover, "the Cover lacks the advisers")
# the JSON's plan
plan = json.load(open(d + ".json", encoding="utf-8"))["plan"]
check(plan.get("advisers") == ADVISERS, f"JSON advisers {plan.get('advisers')}")
check(len(plan.get("accountable_officers") or []) == 5 and plan["accountable_officers"][4] == OFFICER,
      f"JSON accountable_officers {plan.get('accountable_officers')}")
check(plan.get("inspection") == "Inspection – 10-14 June 2019\nRevisit – 24-26 January 2022", f"JSON inspection {plan.get('inspection')!r}")
check(plan.get("revisit_report") == "10 February 2022", "JSON revisit_report")
check(plan.get("governance", "").startswith("The Joint SEND Strategic Partnership Group provides strategic leadership"),
      "JSON governance")
# listed after the exceptions in a pack without the glance: still first
late = base % "late-header"
page1 = pdf_text(late + ".pdf", 1, 1)
check(HEADING in page1 and "Brian Gale (DfE Advisor)" in page1, "a header listed late is not on the first page")
check(page1.index(HEADING) < (page1 + "Exceptions: what needs attention").index("Exceptions: what needs attention"),
      "a header listed late comes after the exceptions")
html = open(late + ".html", encoding="utf-8").read()
check(html.index(HEADING) < html.index('id="sendpack-exceptions"'), "a header listed late is not at the page's top")
# the scrutiny and local-offer packs: none of it
for t in ("scrutiny", "local-offer"):
    b = base % t
    j = json.load(open(b + ".json", encoding="utf-8"))["plan"]
    check(not any(k in j for k in ("inspection", "revisit_report", "accountable_officers", "advisers", "governance")),
          f"{t}: JSON plan has Annex A fields")
    texts = {"PDF": pdf_text(b + ".pdf"), "HTML": open(b + ".html", encoding="utf-8").read(),
             "workbook": " ".join(" ".join(v) for v in strings(b + ".xlsx").values())}
    for where, text in texts.items():
        check("Brian Gale" not in text and "Annex A" not in text, f"{t}: the {where} shows the header")
# a public template that lists annex_a: shown, with contact details redacted; the advisers' pack keeps them
pub = f"{out3}/demo-with-contacts-public-header-2022-12-31"
page1 = pdf_text(pub + ".pdf", 1, 1)
check(HEADING in page1 and "Brian Gale (DfE Advisor, [contact details removed], [contact details removed])" in page1,
      f"the public template's header: {page1[:400]}")
everything = pdf_text(pub + ".pdf") + open(pub + ".html", encoding="utf-8").read() + open(pub + ".json", encoding="utf-8").read()
everything += " ".join(" ".join(v) for v in strings(pub + ".xlsx").values())
check("Brian Gale (DfE Advisor" in everything, "the public pack lost the adviser's name")
check("brian.gale@" not in everything and "7946" not in everything, "the public pack shows the adviser's contact details")
adv = json.load(open(f"{out3}/demo-with-contacts-dfe-nhse-2022-12-31.json", encoding="utf-8"))["plan"]["advisers"]
check(adv[0] == "Brian Gale (DfE Advisor, brian.gale@education.gov.uk, 020 7946 0123)", f"the advisers' pack: {adv}")
PY

# ---- 3. no Annex A keys: the pack still builds and says "not recorded" -------------------------
"$SENDPACK" --as-of 2022-12-31 --template dfe-nhse --output "$work/out4" "$plan" >"$work/none.log" 2>&1 ||
    fail "a plan without Annex A keys: $(cat "$work/none.log")"
want='the DfE and NHS England header (Annex A) says "not recorded" for inspection, revisit_report, accountable_officers, advisers, governance'
[ "$(grep -c 'Annex A' "$work/none.log")" = 1 ] || fail "not one warning: $(cat "$work/none.log")"
grep -qF "plan.ini:1:1: warning: $want" "$work/none.log" || fail "the warning: $(cat "$work/none.log")"
"$SENDPACK" --check --template dfe-nhse "$plan" >/dev/null 2>"$work/check.log" || fail "--check"
grep -qF "$want" "$work/check.log" || fail "--check -t dfe-nhse does not say it: $(cat "$work/check.log")"
grep -q "Annex A" "$work/scrutiny.log" && fail "the scrutiny run warns about a header it does not show"
/usr/bin/python3 - "$work/out4/two-owners-dfe-nhse-2022-12-31" <<'PY' || exit 1
import json, re, subprocess, sys
import openpyxl
b = sys.argv[1]
def check(cond, msg):
    if not cond:
        sys.exit("FAIL: no Annex A: " + msg)
page1 = re.sub(r"\s+", " ", subprocess.run(["pdftotext", "-layout", "-f", "1", "-l", "1", b + ".pdf", "-"],
                                           capture_output=True, text=True).stdout)
HEADING = "Local area, inspection and governance (Annex A)"
check(HEADING in page1 and "Areas at a glance" in page1, "the PDF's first page lacks the header or the glance")
header = page1[page1.index(HEADING):page1.index("Areas at a glance")]
check(header.count("not recorded") == 5, f"the PDF's header says 'not recorded' {header.count('not recorded')} times")
check("Date of inspection not recorded" in header and "Name of the local area Testshire" in header,
      f"the PDF's header: {header}")
html = re.sub(r"\s+", " ", open(b + ".html", encoding="utf-8").read())
check(html.count("<td>not recorded</td>") == 5, f"the page's header says 'not recorded' {html.count('<td>not recorded</td>')} times")
cover = [str(v) for row in openpyxl.load_workbook(b + ".xlsx")["Cover"].iter_rows(values_only=True) for v in row if v]
check(cover.count("not recorded") == 5, "the Cover does not say 'not recorded' for five rows")
plan = json.load(open(b + ".json", encoding="utf-8"))["plan"]
check(all(plan[k] is None for k in ("inspection", "revisit_report", "accountable_officers", "advisers", "governance")),
      f"JSON: {plan}")
PY
# hostile: 200,000 continuation lines under two keys are read in linear time (once quadratic:
# each line re-read the file and copied the text so far)
long="$work/long-header"
cp -r "$plan" "$long"
/usr/bin/python3 - "$long/plan.ini" <<'PY'
import sys
with open(sys.argv[1], "a", encoding="utf-8") as f:
    f.write("governance = start\n" + "".join(f"    more words {i}\n" for i in range(100000)))
    f.write("advisers = first\n" + "".join(f"    adviser {i}\n" for i in range(100000)))
PY
timeout 30 "$SENDPACK" --check --template dfe-nhse "$long" >/dev/null 2>"$work/long.log" || fail "a long header: $(tail -3 "$work/long.log")"
grep -qF '"not recorded" for inspection, revisit_report, accountable_officers:' "$work/long.log" ||
    fail "a long header: $(tail -3 "$work/long.log")"
echo "ok: two owners and an accountable officer in every output; the Annex A header opens the dfe-nhse pack only"
