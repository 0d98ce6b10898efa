#!/usr/bin/env python3
"""Every relative link and #anchor in the given Markdown files resolves: the file or folder
exists, and an anchor names a heading of the target file (GitHub's slugs: lower case,
punctuation out, spaces to hyphens, -1, -2 for repeats) or an explicit id. Links in code
blocks and code spans are not links. Prints each broken link with its file and line; exits 1
if there is one."""
import os
import re
import sys
import unicodedata
from urllib.parse import unquote

FENCE = re.compile(r'^\s*(```|~~~)')
CODE_SPAN = re.compile(r'(`+)(.+?)\1')
INLINE = re.compile(r'!?\[(?:[^\[\]]|\[[^\]]*\])*\]\(\s*<?([^)\s>]*)>?(?:\s+"[^"]*")?\s*\)')
REFERENCE = re.compile(r'^\s{0,3}\[[^\]]+\]:\s*<?(\S+?)>?(?:\s+".*")?\s*$')
HTML = re.compile(r'<(?:a|img)\b[^>]*\b(?:href|src)="([^"]*)"', re.I)
HTML_ID = re.compile(r'<[a-z]+\b[^>]*\b(?:id|name)="([^"]+)"', re.I)
HEADING = re.compile(r'^\s{0,3}(#{1,6})\s+(.*?)\s*#*\s*$')


def lines_outside_code(text):
    fenced = False
    for number, line in enumerate(text.splitlines(), 1):
        if FENCE.match(line):
            fenced = not fenced
            continue
        if not fenced:
            yield number, line


def slug(heading):
    """GitHub's anchor for a heading: the text as rendered, lower case, with everything but
    letters, digits, marks, '_', '-' and spaces removed, and spaces made hyphens."""
    text = CODE_SPAN.sub(lambda m: m.group(2), heading)
    text = re.sub(r'!?\[([^\]]*)\]\([^)]*\)', r'\1', text)  # links keep their text
    text = re.sub(r'<[^>]+>', '', text)  # inline HTML
    text = re.sub(r'(\*\*|__|\*|(?<!\w)_|_(?!\w))', '', text)  # emphasis
    text = text.strip().lower()
    kept = ''.join(c for c in text if c in ' -_' or unicodedata.category(c)[0] in 'LMN')
    return kept.replace(' ', '-')


def anchors(path, cache={}):
    if path not in cache:
        found, seen = set(), {}
        with open(path, encoding='utf-8') as f:
            text = f.read()
        for _, line in lines_outside_code(text):
            m = HEADING.match(line)
            if m:
                base = slug(m.group(2))
                n = seen.get(base, 0)
                seen[base] = n + 1
                found.add(base if n == 0 else f'{base}-{n}')
            found.update(HTML_ID.findall(line))
        cache[path] = found
    return cache[path]


def links(text):
    for number, line in lines_outside_code(text):
        m = REFERENCE.match(line)
        if m:
            yield number, m.group(1)
            continue
        bare = CODE_SPAN.sub('', line)
        for target in INLINE.findall(bare) + HTML.findall(bare):
            yield number, target


def broken(md):
    with open(md, encoding='utf-8') as f:
        text = f.read()
    here = os.path.dirname(md)
    for number, target in links(text):
        if not target or re.match(r'^[a-z][a-z0-9+.-]*:', target, re.I) or target.startswith('//'):
            continue  # a web address, mailto: and the like
        path, _, anchor = target.partition('#')
        resolved = os.path.normpath(os.path.join(here, unquote(path))) if path else md
        if not os.path.exists(resolved):
            yield number, target, 'no such file'
        elif anchor:
            if not resolved.endswith('.md') or os.path.isdir(resolved):
                yield number, target, 'an anchor into a file that is not Markdown'
            elif unquote(anchor) not in anchors(resolved):
                yield number, target, f'no heading with the anchor #{anchor} in {os.path.relpath(resolved)}'


def main(files):
    count = 0
    for md in files:
        for number, target, why in broken(md):
            print(f'{md}:{number}: ({target}): {why}')
            count += 1
    return 1 if count else 0


if __name__ == '__main__':
    sys.exit(main(sys.argv[1:]))
