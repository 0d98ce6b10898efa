"""Checks sendpack's HTML pages and fragments as an accessibility reviewer and a Local Offer
editor would, with Python's own HTML parser (an independent reader):

  every page: lang="en-GB", one h1, headings never skip a level, a skip link to <main>, every
  id prefixed sendpack- (a host page styles #contents, #key...) and every id an aria or for
  attribute names present, a contents list whose links all land, no script, nothing fetched
  (no src, no stylesheet link, no url()), every table with a caption and every th with a scope, every chart an svg role="img"
  labelled by a non-empty title and desc and followed by its figures in a <details> table,
  every status tag saying a word;
  fragments: no html/head/body, headings from h2 (or the level asked for);
  Local Offer pages: no owners, e-mail addresses (but the plan's contact), phone numbers,
  resource codes, risks, data-quality notes, challenges or tool notices; no double full stops;
  a late item always says its new date or that one will be set; every glossary abbreviation's
  first use is its expansion; "What has changed since last time" exactly with --previous.

Usage: html_structure.py WORK PAGE... -- FRAGMENT...
"""
import html
import html.parser
import re
import sys


class Page(html.parser.HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack = []
        self.headings = []          # (level, text)
        self.ids = set()
        self.links = []
        self.text = []              # text in document order, outside <style>/<title>/svg
        self.tables = []            # [caption seen, [th scopes]]
        self.svgs = []              # attrs
        self.svg_titles = {}        # id -> text
        self.tags = []              # status tag texts
        self.elements = []
        self.attrs_all = []
        self.details_tables = 0
        self.figures = 0
        self._cur = None
        self._skip = 0
        self._heading = None
        self._tag = None
        self._details = 0
        self._th = None
        self.th_texts = []          # the text of every table header cell

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        self.elements.append(tag)
        self.attrs_all.append((tag, a))
        if "id" in a:
            self.ids.add(a["id"])
        if tag in ("style", "title", "script") and "svg" not in self.stack:
            self._skip += 1
        if tag == "title" and "svg" in self.stack:
            self._cur = ("svgtitle", a.get("id"), [])
        if tag == "desc":
            self._cur = ("svgtitle", a.get("id"), [])
        if re.fullmatch(r"h[1-6]", tag):
            self._heading = (int(tag[1]), [])
        if tag == "a" and "href" in a:
            self.links.append(a["href"])
        if tag == "table":
            self.tables.append([False, []])
            if self._details:
                self.details_tables += 1
        if tag == "caption" and self.tables:
            self.tables[-1][0] = True
        if tag == "th" and self.tables:
            self.tables[-1][1].append(a.get("scope"))
        if tag == "th":
            self._th = []
        if tag == "svg":
            self.svgs.append(a)
        if tag == "details":
            self._details += 1
        if tag == "figure":
            self.figures += 1
        if "sp-tag" in (a.get("class") or "").split():
            self._tag = []
        if tag in ("p", "li", "dd", "dt", "td", "th", "br", "h1", "h2", "h3", "h4", "h5", "h6", "caption"):
            self.text.append("\n")
        if tag not in ("br", "meta", "img", "input", "line", "circle", "rect", "polyline"):
            self.stack.append(tag)

    def handle_endtag(self, tag):
        if tag in ("style", "title", "script") and "svg" not in self.stack and self._skip:
            self._skip -= 1
        if tag in ("title", "desc") and self._cur:
            self.svg_titles[self._cur[1]] = "".join(self._cur[2]).strip()
            self._cur = None
        if re.fullmatch(r"h[1-6]", tag) and self._heading:
            self.headings.append((self._heading[0], "".join(self._heading[1]).strip()))
            self._heading = None
        if tag == "details":
            self._details -= 1
        if tag == "th" and self._th is not None:
            self.th_texts.append("".join(self._th).strip())
            self._th = None
        if tag == "strong" and self._tag is not None:
            self.tags.append("".join(self._tag).strip())
            self._tag = None
        if tag in ("p", "li", "dd", "dt", "td", "th", "h1", "h2", "h3", "h4", "h5", "h6", "caption"):
            self.text.append("\n")
        while self.stack:
            if self.stack.pop() == tag:
                break

    def handle_data(self, data):
        if self._cur:
            self._cur[2].append(data)
        if self._heading:
            self._heading[1].append(data)
        if self._tag is not None:
            self._tag.append(data)
        if self._th is not None:
            self._th.append(data)
        if not self._skip and "svg" not in self.stack:
            self.text.append(data)


problems = []


def problem(path, msg):
    problems.append(f"{path}: {msg}")


def parse(path):
    raw = open(path, encoding="utf-8").read()
    p = Page()
    p.feed(raw)
    p.close()
    p.raw = raw
    p.plain = re.sub(r"[ \t]+", " ", "".join(p.text))
    return p


def common(path, p, top):
    levels = [h[0] for h in p.headings]
    if not levels or levels[0] != top:
        problem(path, f"first heading is h{levels[0] if levels else '-'}, expected h{top}")
    if levels.count(top) != 1:
        problem(path, f"{levels.count(top)} headings at the top level h{top}, expected one")
    for prev, cur in zip(levels, levels[1:]):
        if cur > prev + 1:
            problem(path, f"heading level skips from h{prev} to h{cur}")
    if min(levels, default=top) < top:
        problem(path, f"a heading above h{top}")
    for h in p.headings:
        if not h[1]:
            problem(path, "an empty heading")
    if "script" in p.elements or re.search(r"\son[a-z]+=", p.raw):
        problem(path, "script")
    for tag, a in p.attrs_all:
        if "src" in a or (tag == "link" and a.get("rel") == "stylesheet"):
            problem(path, f"<{tag}> fetches {a.get('src') or a.get('href')}")
    if re.search(r"url\(|@import", p.raw):
        problem(path, "the CSS fetches something")
    for href in p.links:
        if href.startswith("#") and href[1:] not in p.ids:
            problem(path, f"link to #{href[1:]} lands nowhere")
    # a host page styles #contents, #key, #main...: every id of the pack is its own (issue 22)
    for i in sorted(p.ids):
        if not i.startswith("sendpack-"):
            problem(path, f"id '{i}' is not prefixed sendpack-: a host page's CSS may restyle it")
    for tag, a in p.attrs_all:
        for attr in ("aria-labelledby", "aria-describedby", "for"):
            for ref in (a.get(attr) or "").split():
                if ref not in p.ids:
                    problem(path, f"<{tag} {attr}> names '{ref}', which no element has")
    for caption, scopes in p.tables:
        if not caption:
            problem(path, "a table without a caption")
        if any(s not in ("col", "row") for s in scopes):
            problem(path, "a th without scope")
    if any(not t for t in p.th_texts):
        problem(path, f"{sum(not t for t in p.th_texts)} table header cells without text")
    for s in p.svgs:
        if s.get("role") != "img":
            problem(path, "an svg without role=img")
        ids = (s.get("aria-labelledby") or "").split()
        if len(ids) != 2 or not all(p.svg_titles.get(i) for i in ids):
            problem(path, "an svg not labelled by a non-empty title and desc")
    if p.details_tables < len(p.svgs):
        problem(path, f"{len(p.svgs)} charts but {p.details_tables} data tables in <details>")
    for t in p.tags:
        if not re.search(r"[A-Za-z]", t):
            problem(path, "a status tag without a word")


SMALL = {"and", "of", "for", "the", "in", "on", "to", "with", "or", "a", "&"}


def initials_spell(lead, abbr):
    """The words before a bracket spell abbr by their initials, small words allowed between:
    a plan's own expansion ("Preparation for Adulthood (PfA)"), which wins over the built-in one."""
    words = [w.strip(",;:") for w in lead.split()]
    letters = list(abbr.lower())
    while letters and words:
        w = words.pop()
        if w and w[0] == letters[-1]:
            letters.pop()
        elif w not in SMALL:
            return False
    return not letters


def local_offer(path, p, previous):
    text = p.plain
    main = text
    for bad, why in [
        (r"Ann Lee|Head of SEND", "an owner"),
        (r"RC-77", "a resource code"),
        (r"\b0\d{4} ?\d{6}\b", "a phone number"),
        (r"\b[Rr]isks?\b", "risks"),
        (r"[Dd]ata quality", "data quality"),
        (r"\b[Cc]hallenged?\b|\bChallenges\b", "a challenge"),
        (r"kpi_values|\.csv|illustrative|exercise the tool", "a notice for the tool's users"),
        (r"[^.]\.\.(?!\.)", "a double full stop"),
        (r"\bBy [A-Z][a-z]{2} \d{4}\. Running late", "a bare past date"),
        (r"\bER\b", "the resource code ER"),
    ]:
        m = re.search(bad, main)
        if m:
            problem(path, f"{why} on the Local Offer page: ...{main[max(0, m.start() - 40):m.end() + 40]!r}...")
    emails = set(re.findall(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+", main))
    if emails - {"send.team@testshire.example"}:
        problem(path, f"e-mail addresses: {sorted(emails)}")
    for m in re.finditer(r"It is late;([^.]*)\.", main):
        if not re.match(r" (the new date is [A-Z][a-z]+ \d{4}|we will set a new date)$", m.group(1)):
            problem(path, f"a late item without its new date: {m.group(0)!r}")
    for m in re.finditer(r"We planned this for ([A-Za-z]+ \d{4})", main):
        if m.group(1).split()[0] not in ("January", "February", "March", "April", "May", "June", "July", "August",
                                         "September", "October", "November", "December"):
            problem(path, f"a date not in full: {m.group(0)}")
    has_changes = "What has changed since last time" in main
    if has_changes != previous:
        problem(path, f"'What has changed since last time' {'shown' if has_changes else 'missing'}")
    if "Ask a question or tell us what you think" not in main:
        problem(path, "nowhere to ask a question or give views")
    # the glossary: each abbreviation it lists is written out where it is first used
    m = re.search(r'<dl class="sp-summary sp-glossary">(.*?)</dl>', p.raw, re.S)
    if not m:
        problem(path, "no glossary")
        return 0
    entries = [(html.unescape(a), html.unescape(e)) for a, e in re.findall(r"<dt>(.*?)</dt><dd>(.*?)</dd>", m.group(1))]
    before = main[:main.rfind("Words we use")]
    for abbr, expansion in entries:
        first = re.search(r"(?<![A-Za-z0-9])" + re.escape(abbr) + r"s?(?![A-Za-z0-9])", before)
        if not first:
            problem(path, f"{abbr} is in the glossary but not on the page")
            continue
        lead = re.sub(r"\s+", " ", before[:first.start()]).lower()
        written = lead.endswith(" (") and (lead[:-2].endswith(expansion.lower()) or
                                            lead[:-2].endswith(expansion.lower() + "s") or
                                            initials_spell(lead[:-2], abbr))
        if not written:
            problem(path, f"{abbr} is used before it is written out: ...{before[max(0, first.start() - 60):first.end()]!r}")
    return len(entries)


def main():
    args = sys.argv[2:]
    split = args.index("--")
    pages, fragments = args[:split], args[split + 1:]
    glossary_entries = 0
    for path in pages:
        p = parse(path)
        if not re.search(r'<html lang="en-GB">', p.raw):
            problem(path, 'no <html lang="en-GB">')
        if not re.search(r'<a class="sp-skip" href="#sendpack-main">', p.raw) or "sendpack-main" not in p.ids:
            problem(path, "no skip link to <main id=main>")
        common(path, p, 1)
        if "local-offer" in path:
            glossary_entries += local_offer(path, p, "/cycle/" in path)
    for path in fragments:
        p = parse(path)
        if re.search(r"<(html|head|body|style)\b", p.raw):
            problem(path, "a fragment with html, head, body or style")
        common(path, p, 3 if "/h3/" in path else 2)
        if "local-offer" in path:
            local_offer(path, p, False)
    if problems:
        print("\n".join(problems[:40]))
        print(f"{len(problems)} problems")
        return 1
    print(f"structure: {len(pages)} pages and {len(fragments)} fragments; {glossary_entries} glossary entries checked")
    return 0


sys.exit(main())
