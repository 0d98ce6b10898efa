"""The key defines every term the pack uses (issue 22): for each output of a pack (PDF text,
HTML, workbook), a word of sendpack's own vocabulary found outside the key must have its row in
that output's key. The list below is the test's own, independent of the code's list of terms.

Usage: key_terms.py PACK_BASE...   (paths without the extension; each has .pdf, .html, .xlsx)
"""
import html
import re
import subprocess
import sys
import zipfile

# phrase (regex, case-insensitive) -> the key row that must define it
TERMS = [
    (r"special cause", "Special cause"),
    (r"common cause", "Common cause"),
    (r"hit and miss", "Hit and miss"),
    (r"process limits?\b", "Process limits"),
    (r"consistently (?:passes|fails)|spc assurance|\bassurance rule", "Assurance"),
    (r"\bxmr\b", "SPC (XmR chart)"),
    (r"\btolerance\b", "Tolerance"),
    (r"percentage points?|\d points?\b", "Points"),
    (r"burn-up", "Burn-up"),
    (r"open milestones?", "Forecast finish"),
    (r"\bscope\b", "Burn-up"),
    (r"likely complete by|85% chance by", "Forecast finish"),
    (r"\bchallenged\b", "Challenge"),
    (r"\backnowledged\b", "Acknowledged"),
    (r"plan-wide kpis?", "Plan-wide KPIs"),
    (r"\btrajectory\b", "Trajectory"),
]
HEADERS = {"Assurance": "Assurance", "Variation": "Common cause", "Trajectory": "Trajectory"}


def squash(t):
    return " ".join(t.split())


def pdf_parts(path):
    t = squash(subprocess.run(["pdftotext", "-enc", "UTF-8", path, "-"], capture_output=True, text=True).stdout)
    at = t.rfind("Key: what the colours and figures mean")
    return (t[:at], t[at:]) if at >= 0 else (t, "")


def html_parts(path):
    raw = open(path, encoding="utf-8").read()
    m = re.search(r"<table[^>]*>\s*<caption[^>]*>What each status, word and figure means</caption>.*?</table>", raw, flags=re.S)
    key = m.group(0) if m else ""
    rest = raw.replace(key, " ") if key else raw
    rest = re.sub(r"<(script|style)\b.*?</\1>", " ", rest, flags=re.S)
    headers = set(html.unescape(h) for h in re.findall(r"<th scope=\"col\"[^>]*>(.*?)</th>", rest))
    text = squash(html.unescape(re.sub(r"<[^>]+>", " ", rest)))
    keyrows = set(squash(html.unescape(re.sub(r"<[^>]+>", " ", h))) for h in re.findall(r"<th scope=\"row\">(.*?)</th>", key, flags=re.S))
    return text, " | ".join(sorted(keyrows)), headers


def workbook_parts(path):
    with zipfile.ZipFile(path) as z:
        strings = [html.unescape("".join(re.findall(r"<t[^>]*>(.*?)</t>", si, flags=re.S)))
                   for si in re.findall(r"<si>(.*?)</si>", z.read("xl/sharedStrings.xml").decode(), flags=re.S)]
        book = z.read("xl/workbook.xml").decode()
        rels = z.read("xl/_rels/workbook.xml.rels").decode()
        target = {}
        for rel in re.findall(r"<Relationship [^>]*>", rels):
            target[re.search(r'Id="([^"]+)"', rel).group(1)] = re.search(r'Target="([^"]+)"', rel).group(1)
        rest, key, headers = [], [], set()
        for name, rid in re.findall(r'<sheet name="([^"]+)"[^>]*r:id="([^"]+)"', book):
            xml = z.read("xl/" + target[rid].lstrip("/").removeprefix("xl/")).decode()
            cells = [strings[int(v)] for v in re.findall(r'<c [^>]*t="s"[^>]*><v>(\d+)</v>', xml)]
            (key if name == "Key" else rest).extend(cells)
            if name != "Key":
                headers.update(cells)  # column headings are cells too
        return squash(" ".join(rest)), squash(" | ".join(key)), headers


problems = []
for base in sys.argv[1:]:
    outputs = {"PDF": pdf_parts(base + ".pdf") + (set(),), "HTML": html_parts(base + ".html"),
               "workbook": workbook_parts(base + ".xlsx")}
    for where, (text, key, headers) in outputs.items():
        if not key:
            problems.append(f"{base} {where}: no key found")
            continue
        need = {}
        for pattern, row in TERMS:
            m = re.search(r".{0,40}(?:" + pattern + r").{0,40}", text, flags=re.I)
            if m:
                need[row] = m.group(0)
        for h, row in HEADERS.items():
            if h in headers:
                need.setdefault(row, f"the column heading '{h}'")
        for row, where_used in need.items():
            if row not in key:
                problems.append(f"{base.rsplit('/', 1)[-1]} {where}: uses '{row}' (…{where_used}…) but its key has no such row")
if problems:
    print("\n".join("FAIL " + p for p in problems))
    sys.exit(1)
print(f"ok: every term used in {len(sys.argv) - 1} packs (PDF, HTML, workbook) is in that output's key")
