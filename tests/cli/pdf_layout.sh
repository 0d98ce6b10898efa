#!/bin/bash
# The PDF as its reader sees the pages (issue 12's layout faults), for the demo plan and the
# shared WSoA in every template: no word split across lines except at a hyphen or a space, no
# heading or bold label left as the last thing on its page, no table text below 9 pt, no words
# printed over each other, no page a reader must skip (blank, or a leftover row or two: issue
# 22). The checks are in pdf_layout_check.py; a plan built to break them shows that each check
# can fail. The WSoA is also read without its KPIs (kpis.csv with its header only): its DfE
# pack once had a blank page after an "Impact scorecard" heading with nothing under it.
set -u
fail() { echo "FAIL: $*"; exit 1; }
work="$WORK_DIR/pdf_layout"
rm -rf "$work" && mkdir -p "$work"
check="$SOURCE_DIR/tests/cli/pdf_layout_check.py"
wsoa="$SHARED_DIR/data/peterborough-wsoa-2019"
mkdir -p "$work/no-kpis" && cp "$wsoa"/{plan.ini,actions.csv,areas.csv} "$work/no-kpis/" \
    && head -1 "$wsoa/kpis.csv" >"$work/no-kpis/kpis.csv" || fail "cannot make the plan without KPIs"
for plan in "$SHARED_DIR/data/peterborough-app-2022:2022-12-31" "$SOURCE_DIR/input/peterborough-app-2022:2022-12-31" \
    "$wsoa:2020-06-29" "$wsoa:2021-06-30" "$work/no-kpis:2020-06-29"; do
    dir=${plan%%:*} as_of=${plan#*:}
    name=$(basename "$dir")
    for template in scrutiny dfe-nhse local-offer; do
        "$SENDPACK" --as-of "$as_of" --template "$template" --format pdf,json --output "$work/out" "$dir" >/dev/null 2>&1 \
            || fail "$name $template run"
        base="$work/out/$name-$template-$as_of"
        /usr/bin/python3 "$check" "$base.pdf" "$base.json" "$dir"/*.csv || exit 1
    done
done

# Each check finds the fault it looks for: a PDF with a word broken mid-word, a heading alone
# at a page foot, a bold label ending a page, 7-point table text, a page with only its running
# head and foot and one with a single line under its head, drawn here directly with the
# checker's conventions.
/usr/bin/python3 - "$work/faulty.pdf" <<'PY' || fail "cannot make the faulty PDF"
import sys, zlib
def text(x, y, size, s, font="F1"):
    return f"BT\n/{font} {size} Tf\n{x} {y} Td\n({s}) Tj\nET\n"  # one operator a line, as libharu writes
page1 = ("0.12157 0.21961 0.39216 rg\n48 700 499.276 20 re\nf\n" + text(51, 706, 7, "Header") +
         text(51, 690, 7, "tiny") + "0.4 w\n48 680 m\n547.276 680 l\nS\n" +
         text(48, 600, 10, "the reporting arrange") + text(48, 587, 10, "ments were agreed") +
         text(48, 100, 14, "Stranded heading"))
page2 = (text(48, 700, 10, "the reporting arrangements were agreed") + text(48, 70, 10, "Completed", "F2") +
         text(300, 400, 7, "12m target 62.4%") + text(290, 401, 7, "6m target 57%"))
def running(n):
    return text(48, 811, 8, "Plan title") + text(270, 28, 8, f"Page {n} of 5")
page3 = running(3)
page4 = running(4) + text(48, 780, 9, "a leftover row")
page5 = running(5) + text(48, 780, 9, "the last page") + text(48, 660, 9, "may end early")
objs = ["<< /Type /Catalog /Pages 2 0 R /Outlines 7 0 R >>",
        "<< /Type /Pages /Kids [3 0 R 5 0 R 11 0 R 13 0 R 15 0 R] /Count 5 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595.276 841.89] /Contents 4 0 R /Resources << /Font << /F1 9 0 R /F2 10 0 R >> >> >>",
        None,
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595.276 841.89] /Contents 6 0 R /Resources << /Font << /F1 9 0 R /F2 10 0 R >> >> >>",
        None,
        "<< /Type /Outlines /First 8 0 R /Last 8 0 R /Count 1 >>",
        "<< /Title (Stranded heading) /Parent 7 0 R /Dest [3 0 R /FitH 114] >>",
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold >>"]
streams = {4: page1, 6: page2}
for n, page in ((11, page3), (13, page4), (15, page5)):
    objs += [f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595.276 841.89] /Contents {n + 1} 0 R "
             "/Resources << /Font << /F1 9 0 R /F2 10 0 R >> >> >>", None]
    streams[n + 1] = page
out = bytearray(b"%PDF-1.4\n")
offsets = []
for i, body in enumerate(objs, 1):
    offsets.append(len(out))
    if body is None:
        data = streams[i].encode()
        out += f"{i} 0 obj\n<< /Length {len(data)} >>\nstream\n".encode() + data + b"\nendstream\nendobj\n"
    else:
        out += f"{i} 0 obj\n{body}\nendobj\n".encode()
xref = len(out)
out += f"xref\n0 {len(objs) + 1}\n0000000000 65535 f \n".encode()
for o in offsets:
    out += f"{o:010d} 00000 n \n".encode()
out += f"trailer\n<< /Size {len(objs) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
open(sys.argv[1], "wb").write(out)
PY
printf 'text\nthe reporting arrangements were agreed\n' > "$work/faulty.csv"
found=$(/usr/bin/python3 "$check" "$work/faulty.pdf" "$work/faulty.csv" 2>&1) && fail "the checker passed a faulty PDF"
grep -q "'arrangements' is split" <<<"$found" || fail "split word not found: $found"
grep -q "heading 'Stranded heading' is the last thing on its page" <<<"$found" || fail "stranded heading not found: $found"
grep -q "table text at 7 pt" <<<"$found" || fail "small table text not found: $found"
grep -q "page 2: a bold label is the last line on its page" <<<"$found" || fail "stranded label not found: $found"
grep -q "page 2: .* are printed over each other" <<<"$found" || fail "overprinted labels not found: $found"
grep -q "page 3: blank, only the running head and foot" <<<"$found" || fail "blank page not found: $found"
grep -q "page 4: near-empty" <<<"$found" || fail "near-empty page not found: $found"
! grep -q "page 5: near-empty" <<<"$found" || fail "the last page may end early (but not in its top eighth): $found"
echo "pdf layout ok"
