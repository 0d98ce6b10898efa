#!/bin/bash
# Three report kinds from templates, for every plan in shared/data; a user's own template;
# malformed templates refused with file and line, and nothing written.
set -u
fail() { echo "FAIL: $*"; exit 1; }
work="$WORK_DIR/templates"
rm -rf "$work" && mkdir -p "$work"

# A copy of the APP with contact details in it, to show the Local Offer export drops them.
cp -r "$SHARED_DIR/data/peterborough-app-2022" "$work/contacts"
/usr/bin/python3 - "$work/contacts/actions.csv" <<'PY'
import sys
p = sys.argv[1]
s = open(p, encoding="utf-8").read()
s = s.replace('"Lucy Loia, Strategic Lead for Integrated Commissioning 0-25"',
              '"Lucy Loia, Strategic Lead, lucy.loia@peterborough.gov.uk, 01733 863606"')
s = s.replace("Develop a Post-16 strategic plan with", "Develop (call 07700 900123 or email send.team@example.org.uk) a Post-16 strategic plan with")
open(p, "w", encoding="utf-8").write(s)
PY

plans=("$SHARED_DIR/data/peterborough-app-2022" "$SHARED_DIR/data/peterborough-wsoa-2019" "$work/contacts")
for plan in "${plans[@]}"; do
    for t in scrutiny dfe-nhse local-offer; do
        "$SENDPACK" --as-of 2022-12-31 --template "$t" --output "$work/out" "$plan" >/dev/null 2>&1 || fail "$t on $plan"
    done
done

/usr/bin/python3 - "$work/out" <<'PY' || exit 1
import glob, json, os, re, subprocess, sys
import openpyxl
out = sys.argv[1]
def check(cond, msg):
    if not cond:
        sys.exit("FAIL: " + msg)
def pdf_text(path):
    return subprocess.run(["pdftotext", "-layout", path, "-"], capture_output=True, text=True).stdout
def headings_in_order(text, headings):
    found = [(text.find(h), h) for h in headings]
    missing = [h for pos, h in found if pos < 0]
    check(not missing, f"missing sections {missing}")
    order = [h for pos, h in sorted(found)]
    check(order == headings, f"section order {order}")

SHEETS = {
    "scrutiny": ["Cover", "Contents", "Summary", "Progress", "Forecast", "Actions", "KPIs", "Checkpoints", "Exceptions", "Data quality", "Key"],
    "dfe-nhse": ["Cover", "Contents", "Summary", "Progress", "Forecast", "KPIs", "Checkpoints", "Cohort", "Actions", "Exceptions", "Data quality", "Key"],
    "local-offer": ["Cover", "Contents", "What we are doing", "Key"],
}
PDF = {
    "scrutiny": ["Areas at a glance", "Will it be done in time?", "Exceptions: what needs attention", "Progress by area", "Impact scorecard", "KPIs that need attention", "Key: what the colours"],
    "dfe-nhse": ["Areas at a glance", "Will it be done in time?", "Impact scorecard", "KPIs: the impact scorecard", "Outcomes for young people aged 18-25", "Actions and progress", "Exceptions: what needs attention", "Key: what the colours"],
    "local-offer": ["What we said we would do", "What we have done", "What happens next", "What the words mean"],
}
for plan in ["peterborough-app-2022", "peterborough-wsoa-2019", "contacts"]:
    has_risks = plan != "peterborough-wsoa-2019"
    for t in ["scrutiny", "dfe-nhse", "local-offer"]:
        base = os.path.join(out, f"{plan}-{t}-2022-12-31")
        for ext in ("json", "xlsx", "pdf"):
            check(os.path.exists(f"{base}.{ext}"), f"no {base}.{ext}")
        wb = openpyxl.load_workbook(base + ".xlsx")
        want = list(SHEETS[t])
        if has_risks and t != "local-offer":
            want.insert(want.index("Data quality"), "Risks")
        check(wb.sheetnames == want, f"{plan} {t}: sheets {wb.sheetnames}, expected {want}")
        text = pdf_text(base + ".pdf")
        want = list(PDF[t])
        if has_risks and t != "local-offer":
            want.insert(want.index("Key: what the colours"), "Risk register")
        headings_in_order(text, want)
        if t == "dfe-nhse":
            cohort = text[text.find("Outcomes for young people aged 18-25"):]
            flat = re.sub(r"\s+", " ", cohort)
            rows = [r for r in wb["Cohort"].iter_rows(min_row=5, values_only=True) if any(r)]
            if plan != "peterborough-wsoa-2019":   # the APP's actions and KPIs are all for 18-25 (or 14-25)
                whole = "Every action and KPI of this plan is for the 18-25 age group, so the whole report is its view."
                check(whole in flat and "K12: Increase in uptake" not in flat, "whole-plan cohort said once")
                check(len(rows) == 1 and whole in str(rows[0]), f"cohort rows {rows}")
            else:
                # Workstream 5 "... young people aged 18 - 25": its actions 5.1a-5.2b are in the view by the
                # area title; 3.3 by its outcome ("14 - 25 year olds"); K07 by its name; nothing 0-25
                why = {r[1]: r[3] for r in rows}
                check(why.get("5.2b") == "area title: aged 18 - 25" and "5.1a" in why, f"Workstream 5 in the 18-25 view {why}")
                check(why.get("K07") == "KPI: 14 – 25 year olds" and "1.1a" not in why, f"K07 in, 1.1a (0 - 25) out {why}")
                check("5.2b" in flat, "Workstream 5 in the PDF's 18-25 view")
        if t == "local-offer":   # no forecast for families: it reads as a promise
            check("progress" not in json.load(open(base + ".json", encoding="utf-8")), f"{plan}: progress in the Local Offer JSON")
            check(not re.search(r"forecast|likely complete|chance by", text + " ".join(wb.sheetnames), re.I),
                  f"{plan}: a forecast in the Local Offer pack")
        else:
            check("likely complete by" in re.sub(r"\s+", " ", text) or "forecast yet" in re.sub(r"\s+", " ", text)
                  or "will not finish" in re.sub(r"\s+", " ", text), f"{plan} {t}: no forecast sentence in the PDF")
        if t == "local-offer":
            everything = text + "\n" + "\n".join(str(v) for ws in wb for row in ws.iter_rows(values_only=True) for v in row if v is not None)
            def strings(node):
                if isinstance(node, str): yield node
                elif isinstance(node, dict):
                    for v in node.values(): yield from strings(v)
                elif isinstance(node, list):
                    for v in node: yield from strings(v)
            everything += "\n".join(strings(json.load(open(base + ".json", encoding="utf-8"))))
            check(not re.search(r"[\w.+-]+@[\w-]+\.[\w.]+", everything), f"{plan}: an e-mail address in the Local Offer export")
            check(not re.search(r"(\+44|\b0)[\d ()-]{9,}\d", everything), f"{plan}: a phone number in the Local Offer export")
            pdf_and_sheets = text + "\n".join(str(v) for ws in wb for row in ws.iter_rows(values_only=True) for v in row if v is not None)
            check(not re.search(r"\b(AR|ER)\b", pdf_and_sheets), f"{plan}: a resource code in the Local Offer export")
            for internal in ["Exceptions", "Risk register", "Data quality", "Challenge", "challenged", "Source row", "Owner", "RAG"]:
                check(internal not in pdf_and_sheets, f"{plan}: '{internal}' in the Local Offer export")
            check("[contact details removed]" in everything or plan != "contacts", "redaction marker")
            d = json.load(open(base + ".json", encoding="utf-8"))
            check(not {"risks", "data_quality", "exceptions"} & set(d), f"internal lists in the Local Offer JSON: {set(d)}")
            check(all("challenge" not in m and "owner" not in m and "resource" not in m for m in d["milestones"]), "internal milestone fields")
            check(all("challenge" not in k for k in d["kpis"]), "KPI challenges")
print("three kinds ok")
PY

# A user-written template: its title, its word for Red and its threshold all show.
custom="$SOURCE_DIR/tests/data/templates/custom.ini"
"$SENDPACK" --as-of 2022-12-31 --template "$custom" --output "$work/custom" "$SHARED_DIR/data/peterborough-app-2022" >/dev/null 2>&1 || fail "custom template"
b="$work/custom/peterborough-app-2022-custom-2022-12-31"
[ -f "$b.pdf" ] && [ -f "$b.xlsx" ] && [ -f "$b.json" ] || fail "custom outputs: $(ls "$work/custom")"
/usr/bin/python3 - "$b" <<'PY' || exit 1
import json, re, subprocess, sys
import openpyxl
b = sys.argv[1]
def check(cond, msg):
    if not cond: sys.exit("FAIL: " + msg)
d = json.load(open(b + ".json"))
# off_track_share 90% and 200 days: area 2 (1 of 3 overdue by 92 days) is At risk, not Off track
check(d["areas"][1]["assessment"] == "at_risk", f"area 2 {d['areas'][1]['assessment']}")
check(d["plan"]["template"] == "custom", "template name")
# reporting_lag_months 4: the 3-month statuses (30 Sep 2022) are due by 31 Jan 2023, so on 31 Dec
# 2022 none is missing yet (with the default month's lag, 7 are)
k03 = next(k for k in d["kpis"] if k["ref"] == "K03")
check(d["summary"]["kpis_missing_update"] == 0 and k03["missing_update"] is None
      and "due to be reported by 31 Jan 2023" in k03["reason"], f"lag: {k03['reason']}")
wb = openpyxl.load_workbook(b + ".xlsx")
title = "Custom pack for Peterborough: Peterborough LASEND Accelerated Progress Plan"
check(wb["Cover"]["A1"].value == title and wb.properties.title == title, f"title {wb['Cover']['A1'].value}")
ws = wb["Actions"]
header = [c.value for c in ws[4]]
rows = [dict(zip(header, r)) for r in ws.iter_rows(min_row=5, values_only=True)]
check(next(r for r in rows if r["Ref"] == "APP-05")["Derived status"] == "Overdue!", "label in the workbook")
summary = [r for r in wb["Summary"].iter_rows(min_row=5, values_only=True)]
check(summary[1][2] == "At risk", f"summary {summary[1][2]}")
text = re.sub(r"\s+", " ", subprocess.run(["pdftotext", b + ".pdf", "-"], capture_output=True, text=True).stdout)
check(title in text, "title in the PDF")
check("Overdue!" in text and "At risk" in text, "label and threshold in the PDF")
check("overdue by more than 200 days, or at least 90% of the milestones" in text, "the key states the template's thresholds")
key = [r for r in wb["Key"].iter_rows(min_row=5, values_only=True) if r[0] == "Assessment"][0][1]
check("more than 200 days" in key and "at least 90%" in key, f"workbook key: {key}")
layout = subprocess.run(["pdftotext", "-layout", b + ".pdf", "-"], capture_output=True, text=True).stdout
exc = layout[layout.find("Exceptions: what needs attention"):layout.find("Progress by area")]
# a short list: each exception told in full, with only what the template's columns name
check("Reported Green, but 3 months overdue" in exc and "Owner" not in exc and "Siobhan MacBean" not in exc,
      "PDF columns chosen by the template")
print("custom template ok")
PY

# Malformed templates: file and line, exit 65, nothing written (with --check too).
for case in "bad-section.ini:5:1: error: pdf: unknown name 'bogus'" \
            "bad-threshold.ini:4:1: error: off_track_share = 'a lot': give a percentage" \
            "bad-key.ini:4:1: error: unknown section [colours]"; do
    file=${case%%:*}
    expected=${case#*:}
    path="$SOURCE_DIR/tests/data/templates/$file"
    for mode in pack check; do
        rm -rf "$work/bad"
        if [ $mode = check ]; then
            msg=$("$SENDPACK" --check --template "$path" "$SHARED_DIR/data/peterborough-app-2022" 2>&1)
        else
            msg=$("$SENDPACK" --as-of 2022-12-31 --template "$path" --output "$work/bad" "$SHARED_DIR/data/peterborough-app-2022" 2>&1)
        fi
        status=$?
        [ $status -eq 65 ] || fail "$file ($mode): exit $status"
        grep -qF "$path:$expected" <<<"$msg" || fail "$file ($mode): message: $msg"
        [ ! -e "$work/bad" ] || [ -z "$(ls -A "$work/bad")" ] || fail "$file: something was written"
    done
done
msg=$("$SENDPACK" --check --template nosuch "$SHARED_DIR/data/peterborough-app-2022" 2>&1)
[ $? -eq 65 ] && grep -q "no template 'nosuch' (the bundled ones are scrutiny, dfe-nhse and local-offer)" <<<"$msg" || fail "unknown template: $msg"
echo "templates ok"
