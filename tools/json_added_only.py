#!/usr/bin/env python3
"""json_added_only.py BEFORE_DIR AFTER_DIR: every JSON pack under BEFORE_DIR must be in AFTER_DIR (same
relative path) with every key it had holding the same value; keys the later pack adds are ignored.
Lists compare element by element and must be the same length; schema_version may change. Used
to show a change of layout kept every judgement (issue 24: 3/6/12-month plans judged as before)."""
import json, os, sys
before, after = sys.argv[1], sys.argv[2]
diffs = 0
def cmp(a, b, path, out):
    if isinstance(a, dict):
        if not isinstance(b, dict):
            out.append(f"{path}: was an object"); return
        for k, v in a.items():
            if k not in b:
                out.append(f"{path}.{k}: removed"); continue
            cmp(v, b[k], f"{path}.{k}", out)
    elif isinstance(a, list):
        if not isinstance(b, list) or len(a) != len(b):
            out.append(f"{path}: list length {len(a)} -> {len(b) if isinstance(b, list) else type(b)}")
            if isinstance(b, list):
                for x in a:
                    if x not in b: out.append(f"   only before: {json.dumps(x)[:300]}")
                for x in b:
                    if x not in a: out.append(f"   only after: {json.dumps(x)[:300]}")
            return
        for i, (x, y) in enumerate(zip(a, b)):
            cmp(x, y, f"{path}[{i}]", out)
    elif a != b:
        out.append(f"{path}: {json.dumps(a)[:200]} -> {json.dumps(b)[:200]}")
n = 0
for root, _, files in os.walk(before):
    for f in sorted(files):
        if not f.endswith(".json"): continue
        pa = os.path.join(root, f); pb = os.path.join(after, os.path.relpath(pa, before))
        n += 1
        if not os.path.exists(pb):
            print(f"MISSING {pb}"); diffs += 1; continue
        a, b = json.load(open(pa)), json.load(open(pb))
        out = []
        cmp(a, b, "", out)
        out = [o for o in out if not o.startswith(".schema_version")]
        if out:
            diffs += 1
            print(f"== {os.path.relpath(pa, before)}"); print("\n".join(out[:30]))
print(f"{n} packs compared, {diffs} differ")
sys.exit(1 if diffs else 0)
