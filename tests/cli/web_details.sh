#!/bin/bash
# Web details (issue 22, item 9), for the demo and the shared WSoA in every template:
# - every id of the page and the CMS fragment starts sendpack- (a host page's CSS restyles
#   #contents, #contact, #key, #glossary), and every in-page link and aria/for reference lands;
# - no cell or paragraph says the same sentence twice (the exceptions' Why said its challenge
#   twice: "Reported Green, but ... Challenged: Reported Green, but ..."), nor does an exception's
#   why and position in the workbook's row or the JSON;
# - "Words we use" holds no two terms differing only by case (SENCO and SENCo, PFA and PfA);
# - a Local Offer run whose plan.ini has no contact warns the editor, naming plan.ini, and its
#   page sends families to the Local Offer website and their SEND information, advice and
#   support service, with no address made up; with a contact, or in another template, no warning.
set -u
fail() { echo "FAIL: $*"; exit 1; }
work="$WORK_DIR/web_details"
rm -rf "$work" && mkdir -p "$work/out"
demo="$SOURCE_DIR/input/peterborough-app-2022"
wsoa="$SHARED_DIR/data/peterborough-wsoa-2019"
for plan in "$demo:2022-12-31" "$wsoa:2021-06-30"; do
    dir=${plan%%:*} as_of=${plan#*:}
    for template in scrutiny dfe-nhse local-offer; do
        "$SENDPACK" --as-of "$as_of" --template "$template" --format html,xlsx,json --html-fragment --output "$work/out" "$dir" \
            >/dev/null 2>"$work/$(basename "$dir")-$template.err" || fail "$(basename "$dir") $template run"
    done
done

/usr/bin/python3 - "$work/out" <<'PY' || exit 1
import glob, html, html.parser, re, sys
out = sys.argv[1]
problems = []

class Page(html.parser.HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.ids, self.refs, self.blocks, self.cur = [], [], [], None
    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if "id" in a:
            self.ids.append(a["id"])
        if tag == "a" and a.get("href", "").startswith("#"):
            self.refs.append(("href", a["href"][1:]))
        for attr in ("aria-labelledby", "aria-describedby", "for"):
            self.refs += [(attr, r) for r in (a.get(attr) or "").split()]
        if tag in ("td", "th", "p", "li", "dd"):
            self.cur = []
    def handle_endtag(self, tag):
        if tag in ("td", "th", "p", "li", "dd") and self.cur is not None:
            self.blocks.append(" ".join("".join(self.cur).split()))
            self.cur = None
    def handle_data(self, data):
        if self.cur is not None:
            self.cur.append(data)

def sentences(text):
    # "Challenged: X." says X again
    return [re.sub(r"^(Challenged|Acknowledged): ", "", s).rstrip(".").lower()
            for s in re.split(r"(?<=[.!?])\s+", text) if len(s) > 12]

files = sorted(glob.glob(f"{out}/*.html"))
assert len(files) == 12, files
for path in files:
    name = path.split("/")[-1]
    p = Page()
    p.feed(open(path, encoding="utf-8").read())
    ids = set(p.ids)
    for i in p.ids:
        if not i.startswith("sendpack-"):
            problems.append(f"{name}: id '{i}' is not prefixed sendpack-")
    if len(ids) != len(p.ids):
        problems.append(f"{name}: an id is used twice")
    for attr, ref in p.refs:
        if ref not in ids:
            problems.append(f"{name}: {attr} '{ref}' lands nowhere")
    if not any(a == "href" for a, _ in p.refs):
        problems.append(f"{name}: no in-page link checked")
    for b in p.blocks:
        s = sentences(b)
        if len(set(s)) < len(s):
            problems.append(f"{name}: a sentence said twice: {b[:160]}")
    if "local-offer" in name:
        page = open(path, encoding="utf-8").read()
        m = re.search(r'id="sendpack-glossary".*?</dl>', page, re.S)
        if not m:
            problems.append(f"{name}: no Words we use list")
            continue
        terms = [html.unescape(t) for t in re.findall(r"<dt>(.*?)</dt>", m.group(0))]
        lower = [t.lower() for t in terms]
        if len(set(lower)) != len(lower) or not terms:
            problems.append(f"{name}: Words we use lists terms differing only by case: {terms}")
# an exception's why and its position, side by side in the workbook and the JSON, say each thing once
import json, openpyxl
challenged = 0
for path in sorted(glob.glob(f"{out}/*.json")):
    name = path.split("/")[-1]
    for e in json.load(open(path, encoding="utf-8")).get("exceptions", []):
        challenged += e["challenged"]
        if set(sentences(e["why"] or "")) & set(sentences(e["position"] or "")):
            problems.append(f"{name}: {e['ref']} says in its position what its why says: {e['why']} | {e['position']}")
    book = path[:-5] + ".xlsx"
    wb = openpyxl.load_workbook(book)
    if "Exceptions" not in wb.sheetnames:
        continue
    ws = wb["Exceptions"]
    head = [c.value for c in ws[4]]
    for row in ws.iter_rows(min_row=5, values_only=True):
        d = dict(zip(head, row))
        if set(sentences(d.get("Why") or "")) & set(sentences(d.get("Officer's position") or "")):
            problems.append(f"{book.split('/')[-1]}: a row's Why and Officer's position say the same: {d.get('Why')}")
if not challenged:
    problems.append("no challenged exception: the check shows nothing")
for x in problems[:20]:
    print("FAIL:", x)
sys.exit(1 if problems else 0)
PY

# the contact: neither plan.ini has one
for name in peterborough-app-2022 peterborough-wsoa-2019; do
    grep -q "/plan.ini: warning: no contact: .* add contact = " "$work/$name-local-offer.err" ||
        fail "$name: the local-offer run does not warn of no contact: $(cat "$work/$name-local-offer.err")"
    for template in scrutiny dfe-nhse; do
        ! grep -q "no contact" "$work/$name-$template.err" || fail "$name $template warns of a contact it does not show"
    done
    grep -q "use the contact details on Peterborough&#39;s Local Offer website, or ask your local SEND\|use the contact details on Peterborough's Local Offer website, or ask your local SEND" \
        "$work/out/$name-local-offer-"*[0-9].html || fail "$name: the page does not say who to ask"
done
cp -r "$demo" "$work/with-contact"
printf 'contact = https://www.example.org/send-views\n' >>"$work/with-contact/plan.ini"
"$SENDPACK" --as-of 2022-12-31 --template local-offer --format html --output "$work/out2" "$work/with-contact" \
    >/dev/null 2>"$work/with-contact.err" || fail "run with a contact"
! grep -q "no contact" "$work/with-contact.err" || fail "a warning with a contact given"
grep -q 'href="https://www.example.org/send-views"' "$work/out2/with-contact-local-offer-2022-12-31.html" ||
    fail "the contact is not linked"
echo "web details ok"
