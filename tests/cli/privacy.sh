#!/bin/bash
# Public packs carry no contact details. A plan whose every free-text field, in this period's
# export and last period's, holds an e-mail address and a phone number is run with --previous
# through every template; no address or number may appear in any output of the public
# templates (scrutiny: the committee's public papers; local-offer: families): not in the
# JSON, not in any XML part of the workbook, not in the PDF's text. The advisers' pack
# (dfe-nhse, not published) keeps them, which shows the fixture really carries them. The plan's
# own contact for families (plan.ini `contact`) is the one address kept, in Local Offer outputs.
set -u
fail() { echo "FAIL: $*"; exit 1; }
work="$WORK_DIR/privacy"
rm -rf "$work" && mkdir -p "$work"
make_plan() { # DIR TAG: the APP with contact details in every text, TAG telling the periods apart
    cp -r "$SHARED_DIR/data/peterborough-app-2022" "$1"
    /usr/bin/python3 - "$1" "$2" <<'PY'
import csv, os, sys
d, tag = sys.argv[1], sys.argv[2]
contact = f" (ask {tag}.officer@peterborough.gov.uk or 01733 45{'25' if tag == 'now' else '99'}08)"
free = {"actions.csv": ["Area", "Action", "Responsible officer", "KPI used to measure", "Milestone", "Outcome", "Progress"],
        "kpis.csv": ["KPI", "Owner", "Source"],
        "kpi_values.csv": ["Note"],
        "risks.csv": ["Risk", "Mitigation", "Progress following action", "Owner"]}
for name, cols in free.items():
    p = os.path.join(d, name)
    rows = list(csv.reader(open(p, encoding="utf-8-sig", newline="")))
    for c in cols:
        if c not in rows[0]:
            rows[0].append(c)
            for r in rows[1:]:
                r.append(f"{c} of {r[0]}")
    for r in rows[1:]:
        r += [""] * (len(rows[0]) - len(r))
        for c in cols:
            i = rows[0].index(c)
            r[i] = (r[i] or c) + contact
    # a baseline with a note, which is kept as text
    if name == "kpis.csv":
        i = rows[0].index("Baseline")
        rows[1][i] = "17% (Jan 2022 14-17 years, ring 07700 900123)"
    # a run of digits no phone number has: removed all the same, and the data-quality list says where
    if name == "risks.csv":
        rows[2][rows[0].index("Mitigation")] += " (case 1234 5678 9012)"
    csv.writer(open(p, "w", encoding="utf-8", newline="")).writerows(rows)
ini = open(os.path.join(d, "plan.ini"), encoding="utf-8").read()
ini = ini.replace("organisations = ", f"organisations = Peterborough SEND team, send.team@peterborough.gov.uk, 01733 864000; ")
# the plan's own public address for families: the one kept, in Local Offer outputs only
ini = ini.replace("[plan]\n", "[plan]\ncontact = localoffer@peterborough.gov.uk\n")
open(os.path.join(d, "plan.ini"), "w", encoding="utf-8").write(ini)
PY
}
# a folder named with a contact detail: its name becomes the output files' names, so the check warns
cp -r "$SHARED_DIR/data/peterborough-app-2022" "$work/app tel 01632 960001"
"$SENDPACK" --check "$work/app tel 01632 960001" 2>&1 | grep -q "folder's name holds what may be a phone number" ||
    fail "no warning of a contact in the folder's name"
"$SENDPACK" --check "$SHARED_DIR/data/peterborough-app-2022" 2>&1 | grep -q "folder's name" && fail "a warning for a plain folder name"
rm -rf "$work/app tel 01632 960001"
make_plan "$work/before" before
make_plan "$work/app" now
# last period: one milestone reworded and one KPI value different, so the changes quote both periods' texts
sed -i '2s/Develop a Post-16 strategic plan/Draft a Post-16 strategic plan/' "$work/before/actions.csv"
for t in scrutiny dfe-nhse local-offer; do
    "$SENDPACK" --as-of 2022-12-31 --previous "$work/before" --previous-as-of 2022-11-30 --template "$t" \
        --output "$work/out" "$work/app" >/dev/null 2>&1 || fail "$t run"
done
/usr/bin/python3 - "$work/out" <<'PY' || exit 1
import json, os, re, subprocess, sys, zipfile
out = sys.argv[1]
contact = re.compile(r"[\w.+-]+@[\w-]+\.[\w.-]+|(?<![\d.])(?:\d[ ()-]*){10,}(?![\d.])")  # not the digits of a decimal
def texts(base):
    """every text of a pack: the JSON, each XML part of the workbook, the PDF's text"""
    yield "json", open(base + ".json", encoding="utf-8").read()
    with zipfile.ZipFile(base + ".xlsx") as z:
        for n in z.namelist():
            if n.endswith(".xml") or n.endswith(".rels"):
                yield n, z.read(n).decode("utf-8")
    yield "pdf", subprocess.run(["pdftotext", base + ".pdf", "-"], capture_output=True, text=True).stdout
found = {}
for t in ["scrutiny", "dfe-nhse", "local-offer"]:
    base = os.path.join(out, f"app-{t}-2022-12-31")
    every = list(texts(base))
    kept = [part for part, text in every if "localoffer@peterborough.gov.uk" in text]
    if (t == "local-offer") != bool(kept):
        sys.exit(f"FAIL: {t}: the plan's contact for families is in {kept or 'nothing'}")
    hits = [(part, m.group(0)) for part, text in every for m in contact.finditer(text)
            if m.group(0) != "localoffer@peterborough.gov.uk"]
    found[t] = hits
    if t != "dfe-nhse" and hits:
        sys.exit(f"FAIL: {t} shows contact details: {hits[:5]}")
# the fixture does carry them, in both periods' texts: the advisers' pack shows them
adv = found["dfe-nhse"]
for needle in ["now.officer@peterborough.gov.uk", "before.officer@peterborough.gov.uk", "01733 452508", "07700 900123",
               "send.team@peterborough.gov.uk"]:
    if not any(needle in h for _, h in adv):
        sys.exit(f"FAIL: the fixture lost {needle}: the test would prove nothing")
# and the public packs still say that something was removed, in the changes as elsewhere
j = json.load(open(os.path.join(out, "app-scrutiny-2022-12-31.json"), encoding="utf-8"))
if not any("[contact details removed]" in (c["what"] or "") + (c["sentence"] or "") for c in j["changes"]["items"]):
    sys.exit("FAIL: no change quotes a redacted text")
# what was removed in doubt is in the public pack's data-quality list, at its row
doubts = [d for d in j["data_quality"] if "removed from this public pack to be safe" in d["message"]]
if not any(d["file"] == "risks.csv" and d["line"] == 3 for d in doubts):
    sys.exit(f"FAIL: the data-quality list does not name the row with text removed in doubt: {doubts}")
adv = json.load(open(os.path.join(out, "app-dfe-nhse-2022-12-31.json"), encoding="utf-8"))
if any("to be safe" in d["message"] for d in adv["data_quality"]) or "1234 5678 9012" not in json.dumps(adv):
    sys.exit("FAIL: the advisers' pack (not redacted) has a redaction warning or lost the text")
print("privacy ok:", {t: len(h) for t, h in found.items()})
PY
