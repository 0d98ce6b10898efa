#!/bin/bash
# Every relative link and #anchor in README.md and docs/*.md resolves (tests/cli/doc_links.py):
# the file exists, and the anchor is a heading of the target as GitHub names it. The checker
# itself is shown to catch a missing file, a missing anchor and a repeated heading's -1.
set -u
fail() { echo "FAIL: $*"; exit 1; }
check="$(cd "$SOURCE_DIR" && pwd)/tests/cli/doc_links.py"
work="$WORK_DIR/doc_links"
rm -rf "$work" && mkdir -p "$work/docs"
cat > "$work/docs/guide.md" <<'MD'
# The guide
## Speed and memory: `-j 2`, *twice*
## Options
## Options
see [a](#speed-and-memory--j-2-twice), [b](#options-1), [c](../README.md#top), `[code](nowhere.md)`
```
[fenced](nowhere.md)
```
MD
printf '# Top\n[guide](docs/guide.md#options) [web](https://example.org/x.md) [mail](mailto:a@b.c)\n' > "$work/README.md"
out=$(cd "$work" && python3 "$check" README.md docs/guide.md) || fail "a tree of good links reported broken: $out"
printf '[missing](docs/gone.md) [anchor](docs/guide.md#options-2)\n' >> "$work/README.md"
out=$(cd "$work" && python3 "$check" README.md docs/guide.md) && fail "broken links not found"
grep -q 'README.md:3: (docs/gone.md): no such file' <<<"$out" || fail "a missing file not reported: $out"
grep -q 'README.md:3: (docs/guide.md#options-2): no heading' <<<"$out" || fail "a missing anchor not reported: $out"

cd "$SOURCE_DIR" || fail "no source tree"
files=(README.md docs/*.md)
[ ${#files[@]} -ge 2 ] || fail "no docs/*.md"
out=$(python3 "$check" "${files[@]}") || fail "broken links:"$'\n'"$out"
echo "doc links ok: ${#files[@]} files"
