#!/usr/bin/python3
"""Every written form of a phone number and an e-mail address x every free-text field of the input
contract x both periods: in none of the public outputs, and in the same packs with redaction off.

  privacy_forms.py make DIR PERIOD LONG  writes the plan folder DIR (a copy of peterborough-app-2022
                                          already there) with a contact of every form in every field
  privacy_forms.py check OUT LONG PLAN   reads every pack in OUT (made from PLAN) and judges them
LONG is 1 where plan.ini lines of any length are read (else plan.ini fields share the forms out).

Each contact carries a code naming its form, field and period, so what is found says exactly which
leaked. Texts are read as a person does before looking (NFKC, invisible characters dropped, entity
and JSON escapes undone, spaces, dashes, dots and brackets taken out), so a number that survives with
its separators changed, a line break in it or as fullwidth digits is still found.
"""
import csv, glob, html, json, os, re, subprocess, sys, unicodedata, zipfile

ZW, SHY, NBSP = "\u200b", "\u00ad", "\u00a0"


def fullwidth(s):
    return "".join(chr(ord(c) - 0x30 + 0xFF10) if c.isdigit() else c for c in s)


# (name, kind, write(code)): phones' code is 5 digits, the number 01632 9ccccc; e-mails' local part
# ends in the code
PHONES = [
    ("plain", lambda c: f"01632 9{c}"),
    ("no-break space", lambda c: f"01632{NBSP}9{c}"),
    ("thin space", lambda c: f"01632\u20099{c}"),
    ("narrow no-break space", lambda c: f"01632\u202f9{c[:2]}\u202f{c[2:]}"),
    ("non-breaking hyphen", lambda c: f"01632\u20119{c}"),
    ("en dash", lambda c: f"01632\u20139{c}"),
    ("dots", lambda c: f"01632.9{c[:2]}.{c[2:]}"),
    ("fullwidth digits", lambda c: fullwidth(f"01632 9{c}")),
    ("broken across a line", lambda c: f"01632\n9{c}"),
    ("a/b", lambda c: f"01632 9{c}/07700 9{c}"),
    ("a - b", lambda c: f"01632 9{c} - 07700 9{c}"),
    ("Tel-", lambda c: f"Tel-016329{c}"),
    ("tel/", lambda c: f"tel/01632 9{c}"),
    ("zero-width space inside", lambda c: f"0163{ZW}2 9{c}"),
    ("soft hyphen inside", lambda c: f"01632{SHY}9{c}"),
    ("+44 (0)", lambda c: f"+44 (0)1632 9{c}"),
]
EMAILS = [
    ("plain @", lambda l: f"{l}@example.org"),
    ("fullwidth @", lambda l: f"{l}\uff20example.org"),
    ("small @", lambda l: f"{l}\ufe6bexample.org"),
    ("[at]", lambda l: f"{l}[at]example.org"),
    ("(at)", lambda l: f"{l} (at) example.org"),
    ("%40", lambda l: f"{l}%40example.org"),
    ("zero-width space inside", lambda l: f"{l[:6]}{ZW}{l[6:]}@example.org"),
    ("soft hyphen inside", lambda l: f"{l[:7]}{SHY}{l[7:]}@example.org"),
    ("accented domain", lambda l: f"{l}@caf\u00e9-exemple.fr"),
    ("spaces around @", lambda l: f"{l} @ example.org"),
    ("line break before @", lambda l: f"{l}\n@example.org"),
    ("line break after @", lambda l: f"{l}@\nexample.org"),
    ("at as a word", lambda l: f"{l} at example.org"),
]
FORMS = [(n, "phone", w) for n, w in PHONES] + [(n, "email", w) for n, w in EMAILS]

def contract_fields(path):
    """every free-text field of the input contract (its tables' fields whose values are text), as
    (file, the field's header aliases): read from the contract, so a field it gains is tested too"""
    out = []
    for section in re.split(r"^## ", open(path, encoding="utf-8").read(), flags=re.M):
        file = section.split()[0] if section else ""
        if not file.endswith(".csv"):
            continue
        for row in re.findall(r"^\|(.*)\|\s*$", section, re.M):
            cells = [c.strip() for c in row.split("|")]
            if len(cells) >= 4 and (cells[3].startswith("text") or "free text" in cells[3]):
                out.append((file, [a.strip().strip("`") for a in cells[2].split(",")]))
    return out


SPEC = os.path.join(os.environ.get("SHARED_DIR", "../shared"), "spec", "input-contract.md")
# the contract's text fields; text inside a value (a baseline's note, a target's words), kept and
# shown; plan.ini's texts and a [glossary] expansion
FIELDS = [(f, a[0]) for f, a in contract_fields(SPEC)] + \
         [("kpis.csv", "Baseline"), ("kpis.csv", "12 months")] + \
         [("plan.ini", k) for k in ["title", "area", "organisations", "glossary"]]
ALIASES = {(f, a[0]): a for f, a in contract_fields(SPEC)}


def code(form, field, period):
    return f"{period}{form:02d}{field:02d}"


def contacts(field, period, forms=None):
    """the text of every form (or of those given) for one field and period"""
    out = []
    for f, (name, kind, write) in enumerate(FORMS):
        if forms is not None and f not in forms:
            continue
        c = code(f, field, period)
        out.append(write(c) if kind == "phone" else write(f"ann.qz{c}"))
    return " | ".join(out)


def ini_layout(long_lines):
    """plan.ini field -> lists of forms, one list a line: all forms on one line where the build reads
    lines of any length (decision 17), else shared out in lines that fit Debian libinih's 200 bytes
    (title, area and organisations take what fits, the glossary the rest in as many entries)"""
    keys = [k for f, k in FIELDS if f == "plan.ini"]
    if long_lines:
        return {k: [list(range(len(FORMS)))] for k in keys}
    size = lambda forms: len(contacts(0, 1, forms).encode())
    layout, left = {k: [] for k in keys}, list(range(len(FORMS)))
    for k in keys:
        while left:
            line = []
            while left and size(line + left[:1]) < 120:
                line.append(left.pop(0))
            layout[k].append(line)
            if k != "glossary":
                break
    return layout


def written(long_lines):
    ini = {k: sum(lines, []) for k, lines in ini_layout(long_lines).items()}
    # last period's plan.ini area is this period's (decision 15: --previous must be the same area),
    # so its forms are written once, as this period's
    return {(f, k, p) for k, (file, col) in enumerate(FIELDS) for p in (0, 1)
            if not (file, col, p) == ("plan.ini", "area", 0)
            for f in (ini[col] if file == "plan.ini" else range(len(FORMS)))}



def make(d, period, long_lines):
    period, long_lines = int(period), long_lines == "1"
    for k, (file, col) in enumerate(FIELDS):
        text = contacts(k, period)
        if file == "plan.ini":
            continue
        p = os.path.join(d, file)
        if file == "areas.csv" and not os.path.exists(p):
            area = list(csv.reader(open(os.path.join(d, "actions.csv"), encoding="utf-8")))
            rows = [["Area"], [area[1][area[0].index("Area")]]]
        elif file == "kpi_targets.csv" and not os.path.exists(p):
            rows = [["Ref", "Date", "Target"], ["K02", "2023-03-31", "380"]]
        else:
            rows = list(csv.reader(open(p, encoding="utf-8-sig", newline="")))
        names = [n.lower() for n in ALIASES.get((file, col), [col])]
        col = next((h for h in rows[0] if h.lower() in names or (h.startswith(col) and "(" in h)), col)
        if col not in rows[0]:
            rows[0].append(col)
            for r in rows[1:]:
                r.append(f"{col} of {r[0]}")
        for r in rows[1:]:
            r += [""] * (len(rows[0]) - len(r))
        i = rows[0].index(col)
        row = rows[1]
        if col == "Baseline":  # a number, then its note in brackets
            row[i] = f"17% (Jan 2022 14-17 years, {text})"
        elif col == "12 months":  # a target, then its words
            row[i] = f"Reduction by 7.5% Service user feedback ({text})"
        elif file == "actions.csv" and col == "Area":  # every row of the area, so it stays one area
            old = row[i]
            for r in rows[1:]:
                if r[i] == old:
                    r[i] = f"{old} ({text})"
        else:
            row[i] = f"{row[i] or col} ({text})"
        csv.writer(open(p, "w", encoding="utf-8", newline="")).writerows(rows)
    if period == 0:  # last period had one more action, "no longer in the plan" now: its texts quoted
        p = os.path.join(d, "actions.csv")
        rows = list(csv.reader(open(p, encoding="utf-8", newline="")))
        extra = list(rows[1])
        extra[rows[0].index("Ref")] = "APP-99"
        rows.append(extra)
        csv.writer(open(p, "w", encoding="utf-8", newline="")).writerows(rows)
    # plan.ini: title, area, organisations, a glossary expansion (values on one line)
    layout = ini_layout(long_lines)
    flat = {k: [contacts(i, 1 if k == "area" else period, forms).replace("\n", " ") for forms in layout[k]]
            for i, (f, k) in enumerate(FIELDS) if f == "plan.ini"}
    ini = open(os.path.join(d, "plan.ini"), encoding="utf-8").read()
    for key in ["title", "area", "organisations"]:
        ini = re.sub(rf"^{key} = (.*)$", lambda m: f"{key} = {m.group(1)[:40]} ({flat[key][0]})", ini, count=1,
                     flags=re.M)
    ini = ini.replace("[plan]\n", "[plan]\ncontact = localoffer@peterborough.gov.uk\n")
    abbrs = [f"PQ{chr(65 + i)}" for i in range(len(flat["glossary"]))]
    ini += "\n[glossary]\n" + "".join(f"{a} = Quality Review ({t})\n" for a, t in zip(abbrs, flat["glossary"]))
    open(os.path.join(d, "plan.ini"), "w", encoding="utf-8").write(ini)
    # the glossary's abbreviation used in a text, so the Local Offer expands it
    p = os.path.join(d, "actions.csv")
    rows = list(csv.reader(open(p, encoding="utf-8", newline="")))
    i = rows[0].index("Action")
    rows[2][i] = f"The {', '.join(abbrs)} check this. " + rows[2][i]
    csv.writer(open(p, "w", encoding="utf-8", newline="")).writerows(rows)


def as_read(text):
    """NFKC, invisible characters dropped, then only letters and digits kept, lower case"""
    t = unicodedata.normalize("NFKC", text)
    return "".join(c for c in t if c.isalnum()).lower()


def strings(o):
    if isinstance(o, str):
        yield o
    elif isinstance(o, dict):
        for k, v in o.items():
            yield k
            yield from strings(v)
    elif isinstance(o, list):
        for v in o:
            yield from strings(v)


def parts(base):
    """every public text of a pack, by part"""
    if os.path.exists(base + ".json"):
        yield "json", "\n".join(strings(json.load(open(base + ".json", encoding="utf-8"))))
    if os.path.exists(base + ".xlsx"):
        with zipfile.ZipFile(base + ".xlsx") as z:
            for n in z.namelist():
                if n.endswith(".xml") or n.endswith(".rels"):
                    yield n, html.unescape(z.read(n).decode("utf-8"))
    if os.path.exists(base + ".pdf"):
        yield "pdf", subprocess.run(["pdftotext", base + ".pdf", "-"], capture_output=True, text=True).stdout
    for ext in [".html", ".fragment.html"]:
        if os.path.exists(base + ext):
            yield ext[1:], html.unescape(open(base + ext, encoding="utf-8").read())


def needles():
    """(form, field, period) -> the keys that must not be read"""
    out = {}
    for f, (name, kind, _) in enumerate(FORMS):
        for k in range(len(FIELDS)):
            for p in (0, 1):
                c = code(f, k, p)
                out[(f, k, p)] = [f"16329{c}"] + ([f"77009{c}"] if name in ("a/b", "a - b") else []) \
                    if kind == "phone" else [f"annqz{c}"]
    return out


def check(out, long_lines, plan):
    keys = {n: k for n, k in needles().items() if n in written(long_lines == "1")}
    found = {}  # template -> set of needles read somewhere in its pack
    leaks = []
    for base in sorted(glob.glob(os.path.join(out, "*", "*.json"))):
        base = base[:-5]
        template = os.path.basename(os.path.dirname(base))  # out/LABEL/app-....json
        public = template in ("scrutiny", "local-offer")
        seen = found.setdefault(template, set())
        n_parts = 0
        for part, text in parts(base):
            n_parts += 1
            t = as_read(text)
            read = set(re.findall(r"(?=(annqz\d{5}|16329\d{5}|77009\d{5}))", t))  # every key in the text
            for needle, ks in keys.items():
                hit = [k for k in ks if k in read]
                if hit:
                    seen.add(needle)
                    if public:
                        leaks.append(f"{template} {part}: {FORMS[needle[0]][0]} in {FIELDS[needle[1]]} "
                                     f"({'this' if needle[2] else 'last'} period): {hit}")
        if n_parts < 5:
            sys.exit(f"FAIL: {base}: only {n_parts} parts read")
    if leaks:
        sys.exit("FAIL: contact details in public packs:\n  " + "\n  ".join(leaks[:40]) +
                 (f"\n  ... {len(leaks)} in all" if len(leaks) > 40 else ""))
    for t in ("scrutiny", "local-offer", "dfe-nhse", "open-scrutiny", "open-local-offer"):
        if t not in found:
            sys.exit(f"FAIL: no {t} pack was read")
    # the fixture carries them: with redaction off, every form in every field of this period is
    # read in some pack, and every form of last period's (quoted by "what has changed")
    shown = set().union(*(s for t, s in found.items() if t not in ("scrutiny", "local-offer")))
    missing = sorted({FIELDS[k] for (f, k, p) in keys if p == 1 and (f, k, p) not in shown})
    # a field no pack shows at all has nothing to leak; its contacts must still be in the input
    # (kpis.csv's owner and source are shown in no pack; the accountable officer, the end target's
    # source and kpi_targets.csv are read by builds with issue 24's checkpoints and owners)
    unshown = {("kpis.csv", "Owner"), ("kpis.csv", "Source"), ("actions.csv", "Senior responsible officer"),
               ("kpis.csv", "Target source"), ("kpi_targets.csv", "Note")}
    if set(missing) - unshown:
        sys.exit(f"FAIL: with redaction off these fields never show their contacts: the test would prove "
                 f"nothing for them: {sorted(set(missing) - unshown)}")
    for file, col in sorted(unshown - set(missing)):
        print(f"note: {file} {col} is now shown in a pack: take it out of the unshown list")
    for file, col in missing:
        t = as_read(open(os.path.join(plan, file), encoding="utf-8").read())
        k = FIELDS.index((file, col))
        if not all(any(x in t for x in keys[(f, k, 1)]) for f in range(len(FORMS))):
            sys.exit(f"FAIL: the fixture lost the contacts of {file} {col}")
    last = {f for (f, k, p) in shown if p == 0}
    if len(last) != len(FORMS):
        sys.exit(f"FAIL: last period's {sorted(set(range(len(FORMS))) - last)} forms never show")
    print(f"privacy forms ok: {len(FORMS)} forms x {len(FIELDS)} fields x 2 periods; "
          f"{sum(1 for n in keys if n in shown)} of {len(keys)} shown with redaction off, none in public packs")


if __name__ == "__main__":
    {"make": lambda: make(*sys.argv[2:5]), "check": lambda: check(*sys.argv[2:5])}[sys.argv[1]]()
