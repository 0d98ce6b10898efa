#!/bin/bash
# "What is being done about it": each exception in the PDF with its deadline in the committee's
# words (revised-from date and how late, decisions #3) and the first ~300 characters of its
# latest progress narrative; the workbook with the narrative whole. On the WSoA with a PROGRESS
# column and revised deadlines, at two report dates: a short list (each told in full) and a
# long one (grouped by area with a count, the worst of each group told in full, every
# deadline listed).
set -u
fail() { echo "FAIL: $*"; exit 1; }
work="$WORK_DIR/exception_story"
rm -rf "$work" && mkdir -p "$work"
plan="$work/wsoa"
cp -r "$SHARED_DIR/data/peterborough-wsoa-2019" "$plan"
/usr/bin/python3 - "$plan/actions.csv" <<'PY'
import csv, sys
p = sys.argv[1]
rows = list(csv.reader(open(p, encoding="utf-8", newline="")))
h = rows[0]
D = h.index("Deadline")
h.append("PROGRESS")
for n, r in enumerate(rows[1:]):
    # a narrative of ~450 characters on every other row, numbered so each is told apart
    r.append(f"Update {n}: the joint commissioning strategy is in final draft and going through governance, "
             "with a project manager and a core steering group reworking the draft to cover all of children's "
             "commissioning. Baseline data has come from Business Intelligence, and the Children in Care, "
             "Children with Disabilities and SEND statements are going through governance. "
             f"Closing words of update {n}, past the excerpt." if n % 2 == 0 else "")
    if n % 3 == 0 and r[D] and "(" not in r[D] and any(c.isdigit() for c in r[D]):
        r[D] = f"Feb 2020 (revised from {r[D]})"
csv.writer(open(p, "w", encoding="utf-8", newline="")).writerows(rows)
PY
for as_of in 2019-12-15 2020-06-29; do
    "$SENDPACK" --as-of "$as_of" --output "$work/out" "$plan" >/dev/null 2>&1 || fail "run at $as_of"
done
/usr/bin/python3 - "$work/out" <<'PY' || exit 1
import json, re, subprocess, sys
import openpyxl
out = sys.argv[1]
def flat_pdf(path):
    t = subprocess.run(["pdftotext", path, "-"], capture_output=True, text=True).stdout.replace("\f", "\n")
    lines = [l for l in t.split("\n") if not re.fullmatch(r".*: monitoring report|Report date .*|Page \d+ of \d+", l)]
    return re.sub(r"\s+", " ", " ".join(lines))
for as_of, grouped in [("2019-12-15", False), ("2020-06-29", True)]:
    base = f"{out}/wsoa-scrutiny-{as_of}"
    j = json.load(open(base + ".json", encoding="utf-8"))
    pdf = flat_pdf(base + ".pdf")
    exc = j["exceptions"]
    assert (len(exc) > 12) == grouped, (as_of, len(exc))
    told = 0
    for e in exc:
        if e["deadline"]:
            assert e["deadline"] in pdf, f"{as_of}: deadline of {e['ref']} not in the PDF: {e['deadline']}"
        if e["progress"] and e["progress"][:60] in pdf:
            told += 1
            # the excerpt, not the whole: the closing words stay in the workbook
            assert e["progress"][-30:] not in pdf, f"{as_of}: {e['ref']}'s narrative not cut"
        elif e["progress"] and not grouped:
            sys.exit(f"FAIL: {as_of}: {e['ref']}'s narrative excerpt is not in the PDF")
    revised = [e for e in exc if e["deadline"] and "(revised from " in e["deadline"]]
    assert revised, f"{as_of}: no revised deadline among the exceptions"
    late = [e for e in exc if e["kind"] == "overdue"]
    # decisions #3, worked: due 29 Feb 2020, at 29 Jun 2020 that is 121 days; 121 / 30.44 = 3.97 -> 3 months
    if grouped:
        assert any(e["deadline"].startswith("Feb 2020 (revised from ") and e["deadline"].endswith("; 3 months late")
                   for e in late), [e["deadline"] for e in late][:5]
        # grouped by area with a count, each group opening with its counts
        assert re.search(r"Area 1: Workstream 1: [^()]+\((\d+)\)", pdf), "no area group with a count"
        assert told >= 4, f"{as_of}: only {told} stories told"
    else:
        # due 30 Nov 2019 (a month without a day is its last day), at 15 Dec 2019: 15 days late
        assert any(e["deadline"].endswith("; 15 days late") for e in late), [e["deadline"] for e in late]
    # the workbook has every narrative whole
    ws = openpyxl.load_workbook(base + ".xlsx")["Exceptions"]
    header = [c.value for c in ws[4]]
    rows = [dict(zip(header, r)) for r in ws.iter_rows(min_row=5, values_only=True)]
    assert len(rows) == len(exc), (len(rows), len(exc))
    for r, e in zip(rows, exc):  # the same order, worst first
        assert r["Ref"] == e["ref"] and (r["Latest progress"] or None) == e["progress"], (r["Ref"], e["ref"])
    print(f"{as_of}: {len(exc)} exceptions, {told} told in full, {len(revised)} revised deadlines")
print("exception stories ok")
PY
