"""One set of figures (issue 22): every headline figure of each pack, read back from the JSON,
the PDF's text (pdftotext), the HTML and the workbook, must be equal; the families' counts must be
the committee's in the same run; no area's forecast may be later than its plan's; no output may say
"0 of 0".

Usage: consistency_check.py OUTDIR PLAN AS_OF   (OUTDIR holds PLAN's packs of every template)
"""
import html
import json
import re
import subprocess
import sys
import zipfile

out, plan, as_of = sys.argv[1:4]
problems = []


def problem(msg):
    problems.append(f"{plan}: {msg}")


def squash(text):
    return " ".join(text.split())


def pdf_text(path):
    r = subprocess.run(["pdftotext", "-enc", "UTF-8", path, "-"], capture_output=True, text=True)
    return squash(r.stdout)


def html_text(path):
    raw = open(path, encoding="utf-8").read()
    raw = re.sub(r"<(script|style)\b.*?</\1>", " ", raw, flags=re.S)
    return squash(html.unescape(re.sub(r"<[^>]+>", " ", raw)))


def workbook(path):
    """Every sheet as rows of cell values (shared strings resolved), read from the XML itself."""
    with zipfile.ZipFile(path) as z:
        strings = []
        if "xl/sharedStrings.xml" in z.namelist():
            for si in re.findall(r"<si>(.*?)</si>", z.read("xl/sharedStrings.xml").decode(), flags=re.S):
                strings.append(html.unescape("".join(re.findall(r"<t[^>]*>(.*?)</t>", si, flags=re.S))))
        book = z.read("xl/workbook.xml").decode()
        rels = z.read("xl/_rels/workbook.xml.rels").decode()
        targets = dict(re.findall(r'<Relationship Id="([^"]+)"[^>]*Target="([^"]+)"', rels))
        targets.update({k: v for v, k in re.findall(r'<Relationship[^>]*Target="([^"]+)"[^>]*Id="([^"]+)"', rels)})
        sheets = {}
        for name, rid in re.findall(r'<sheet name="([^"]+)"[^>]*r:id="([^"]+)"', book):
            xml = z.read("xl/" + targets[rid].lstrip("/").removeprefix("xl/")).decode()
            rows = []
            for row in re.findall(r"<row[^>]*>(.*?)</row>", xml, flags=re.S):
                cells = []
                for attrs, body in re.findall(r"<c([^>]*?)(?:/>|>(.*?)</c>)", row, flags=re.S):
                    ref = re.search(r'r="([A-Z]+)\d+"', attrs).group(1)
                    col = 0
                    for ch in ref:
                        col = col * 26 + ord(ch) - 64
                    while len(cells) < col - 1:
                        cells.append(None)
                    v = re.search(r"<v>(.*?)</v>", body or "", flags=re.S)
                    t = re.search(r'\bt="(\w+)"', attrs)
                    if t and t.group(1) == "s" and v:
                        cells.append(strings[int(v.group(1))])
                    elif t and t.group(1) == "inlineStr":
                        cells.append(html.unescape("".join(re.findall(r"<t[^>]*>(.*?)</t>", body, flags=re.S))))
                    elif v:
                        x = float(v.group(1))
                        cells.append(int(x) if x == int(x) else x)
                    else:
                        cells.append(None)
                rows.append(cells)
            sheets[name] = rows
        return sheets


def table(rows, first_header):
    """The sheet's table as dicts, from the row whose first cell is first_header."""
    for i, r in enumerate(rows):
        if r and r[0] == first_header:
            head = r
            return [dict(zip(head, x)) for x in rows[i + 1:] if x and any(c is not None for c in x)]
    return []


MONTHS = "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec".split()


def month_key(words):
    """'Sep 2023' -> '2023-09'."""
    m, y = words.split()
    return f"{y}-{MONTHS.index(m[:3]) + 1:02d}"


def committee_figures(text, where):
    """The headline figures as the committee's pages say them."""
    f = {}
    m = re.search(r"Of (\d+) milestones, (\d+) (?:is|are) complete and (\d+) overdue", text)
    if m:
        f["milestones"], f["complete"], f["overdue"] = map(int, m.groups())
    elif "The export has no milestones" in text:
        f["milestones"] = f["complete"] = f["overdue"] = 0
    m = re.search(r"(\d+) KPIs?: (\d+) Blue \([^)]*\), (\d+) Green, (\d+) Amber, (\d+) Red, (\d+) Grey", text)
    if m:
        f["kpis"] = tuple(map(int, m.groups()))
    elif "KPIs: the export has no KPIs" in text:
        f["kpis"] = (0, 0, 0, 0, 0, 0)
    m = re.search(r"Due milestones done on time: (\d+) of (\d+)", text)
    if m:
        f["on_time"] = tuple(map(int, m.groups()))
    elif "Due milestones done on time: none has fallen due yet" in text:
        f["on_time"] = (0, 0)
    for key in ("milestones", "kpis", "on_time"):
        if key not in f:
            problem(f"{where}: no {key} figure found")
    return f


def json_figures(j):
    s = j["summary"]
    m, k = s["milestones"], s["kpis"]
    return {"milestones": m["total"], "complete": m["blue"], "overdue": m["red"],
            "kpis": (k["total"], k["blue"], k["green"], k["amber"], k["red"], k["grey"]),
            "on_time": (s["due_on_time"], s["due"])}


def workbook_figures(sheets):
    f = {}
    rows = table(sheets.get("Summary", []), "No.")
    whole = [r for r in rows if r.get("No.") == "All"]
    if not whole:
        problem("workbook: no whole-plan row on the Summary sheet")
        return f
    w = whole[0]
    f["milestones"], f["complete"], f["overdue"] = w["Milestones"], w["Blue (complete)"], w["Red (overdue)"]
    kp = [w.get(f"KPIs {c}") or 0 for c in ("Blue", "Green", "Amber", "Red", "Grey")]
    f["kpis"] = (sum(kp), *kp)
    pos = squash(str(w.get("Why") or w.get("Assessment") or ""))
    m = re.search(r"Of (\d+) milestones, (\d+) (?:is|are) complete and (\d+) overdue", " ".join(str(c) for c in w.values()))
    if m and tuple(map(int, m.groups())) != (f["milestones"], f["complete"], f["overdue"]):
        problem(f"workbook: the whole-plan sentence says {m.groups()}, its cells {f}")
    return f


def forecast_of(p):
    """(likely, chance) as YYYY-MM, '9999-99' when not within the cap; None when no forecast."""
    fc = p["forecast"]
    if fc["state"] != "made":
        return None
    return (fc["likely_by"] or "9999-99", fc["chance85_by"] or "9999-99")


def text_forecast(text, sentence, where):
    if squash(sentence) not in text:
        problem(f"{where}: the plan's forecast sentence is not there: {sentence[:90]}…")


def no_zero_of_zero(text, where):
    m = re.search(r".{0,60}\b0 of 0\b.{0,40}", text)
    if m:
        problem(f"{where}: says '0 of 0': …{m.group(0)}…")


packs = {}
for template in ("scrutiny", "dfe-nhse", "local-offer"):
    base = f"{out}/{plan}-{template}-{as_of}"
    j = json.load(open(base + ".json", encoding="utf-8"))
    sheets = workbook(base + ".xlsx")
    texts = {"PDF": pdf_text(base + ".pdf"), "HTML": html_text(base + ".html")}
    book_text = squash(" ".join(str(c) for rows in sheets.values() for r in rows for c in r if c is not None))
    json_text = squash(json.dumps(j, ensure_ascii=False))
    for where, t in list(texts.items()) + [("workbook", book_text), ("JSON", json_text)]:
        no_zero_of_zero(t, f"{template} {where}")
    packs[template] = (j, sheets, texts)
    figures = json_figures(j)
    if template == "local-offer":
        continue
    # a figure that leaves something out says so (decision 14)
    s = j["summary"]
    for n, words in ((s["complete_no_deadline"], "with no deadline"), (s["complete_no_date"], "have no completion date")):
        if not n:
            continue
        said = f"{n} complete milestone{'s' if n != 1 else ''} " + ("due by now " if "date" in words else "")
        for where, t in texts.items():
            if said not in t:
                problem(f"{template} {where}: {n} complete milestones left out ({words}) and not said so")
    for a in j["areas"]:
        if a["complete_no_deadline"] and " of " in a["reason"] and "with no deadline" not in a["reason"]:
            problem(f"{template}: {a['name'][:40]}: {a['reason']!r} leaves out {a['complete_no_deadline']} unsaid")
    for where, t in texts.items():
        got = committee_figures(t, f"{template} {where}")
        for key, value in got.items():
            if figures[key] != value:
                problem(f"{template} {where}: {key} {value}, the JSON {figures[key]}")
    got = workbook_figures(sheets)
    for key, value in got.items():
        if figures[key] != value:
            problem(f"{template} workbook: {key} {value}, the JSON {figures[key]}")
    # the forecast: one answer, the same in every output
    pr = j["progress"]
    plan_fc = forecast_of(pr)
    for where, t in texts.items():
        text_forecast(t, pr["forecast"]["sentence"], f"{template} {where}")
    fc_rows = table(sheets.get("Forecast", []), "Area")
    whole = [r for r in fc_rows if r.get("Area") == "Whole plan"]
    if not whole:
        problem(f"{template} workbook: no whole-plan row on the Forecast sheet")
    elif plan_fc:
        book = tuple("9999-99" if str(whole[0][c]).startswith("not within") else month_key(str(whole[0][c]))
                     for c in ("Likely by", "85% chance by"))
        if book != plan_fc:
            problem(f"{template} workbook: forecast {book}, the JSON {plan_fc}")
    # the plan finishes when its last area does
    for a in j["areas"]:
        area_fc = forecast_of(a)
        if area_fc is None:
            continue
        if plan_fc is None:
            problem(f"{template}: {a['name'][:40]} has a forecast {area_fc} and the plan has none")
        elif area_fc[0] > plan_fc[0] or area_fc[1] > plan_fc[1]:
            problem(f"{template}: {a['name'][:40]} is forecast {area_fc}, later than the plan's {plan_fc}")

# the same run's committee and families: the page's counts are the committee's (decision 12)
committee = packs["scrutiny"][0]
families, _, lo_texts = packs["local-offer"]
words = {"is done": "blue", "are done": "blue", "is on track": "green", "are on track": "green",
         "is later than planned": "amber", "are later than planned": "amber", "is late": "red",
         "are late": "red", "has no date yet": "grey", "have no date yet": "grey"}


def family_counts(sentence):
    counts = {"blue": 0, "green": 0, "amber": 0, "red": 0, "grey": 0}
    m = re.match(r"We said we would do (\d+) things?(?: here)?: (.*)", sentence)
    if not m:
        problem(f"families: unexpected sentence {sentence!r}")
        return None, counts
    for n, phrase in re.findall(r"(\d+) ((?:is|are|has|have) [a-z ]+?)(?=,| and |\.|;|$)", m.group(2)):
        if phrase not in words:
            problem(f"families: a count in words no committee word maps to: {phrase!r} in {sentence!r}")
            continue
        counts[words[phrase]] += int(n)
    return int(m.group(1)), counts


fam = families["families"]
total, counts = family_counts(fam["position"])
ms = committee["summary"]["milestones"]
if total != ms["total"] or any(counts[c] != ms[c] for c in counts):
    problem(f"families say {total} things {counts}; the committee's pack {ms}")
for where, t in lo_texts.items():
    if squash(fam["position"]) not in t:
        problem(f"local-offer {where}: the families' position is not there")
areas = {a["name"]: a for a in committee["areas"]}
for part in fam["parts"]:
    name = re.sub(r"^Part \d+: ", "", part["heading"])
    area = next((a for n, a in areas.items() if squash(n).startswith(squash(name)[:40]) or squash(name).startswith(squash(n)[:40])), None)
    summary = part["summary"].split(". Nothing here is late")[0]
    total, counts = family_counts(summary)
    if area is None:
        problem(f"families: part {name[:40]} matches no area")
        continue
    c = area["counts"]
    if total != c["total"] or any(counts[k] != c[k] for k in counts):
        problem(f"families: {part['heading'][:40]} says {total} {counts}; the committee {c}")
    # a part's word agrees with its own sentence: "late" only where something is late
    # (templates/local-offer.ini: at_risk "Some things are late", off_track "Well behind")
    late_word = part["status_word"] in ("Some things are late", "Well behind")
    if late_word != (c["red"] > 0):
        problem(f"families: {part['heading'][:40]} is '{part['status_word']}' with {c['red']} late")
    promises = [p for a in part["actions"] for p in a["promises"]]
    tagged_late = sum(p["status_word"] == "Late" for p in promises)
    if tagged_late != counts["red"]:
        problem(f"families: {part['heading'][:40]} counts {counts['red']} late and tags {tagged_late}")

if problems:
    print("\n".join("FAIL " + p for p in problems))
    sys.exit(1)
print(f"ok {plan} {as_of}: JSON, PDF, HTML and workbook agree in every template; families = committee; "
      f"no area later than its plan; no '0 of 0'")
