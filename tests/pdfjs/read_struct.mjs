// read_struct.mjs - reads a PDF's structure tree with pdf.js (Mozilla's reader, independent of
// poppler), page by page, as a browser's PDF viewer would hand it to a screen reader.
// Usage: node read_struct.mjs FILE.pdf OUT.json
// Writes JSON (pdf.js prints its own warnings on stdout): {pages: [{roles: [role, ...] in reading order (pre-order; an element with
// content on the page), alts: [a Figure's /Alt, ...], content: number of marked-content
// references}], artifactText: [text pdf.js reads as marked /Artifact], untagged: [text in
// no marked content at all], nested: marked-content sequences begun inside another}.
import fs from 'node:fs';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

const [file, outFile] = process.argv.slice(2);
if (!file || !outFile) {
  console.error('usage: node read_struct.mjs FILE.pdf OUT.json');
  process.exit(2);
}
const doc = await getDocument({ url: file, verbosity: 0, isEvalSupported: false }).promise;
const out = { pages: [], artifactText: [], untagged: [], nested: 0 };
for (let p = 1; p <= doc.numPages; p++) {
  const page = await doc.getPage(p);
  const tree = await page.getStructTree();
  const roles = [], alts = [];
  let content = 0;
  const walk = (node) => {
    if (!node) return;
    if (node.type === 'content') { content++; return; }
    if (node.role && node.role !== 'Root') roles.push(node.role);
    if (node.role === 'Figure') alts.push(node.alt ?? null);
    for (const c of node.children ?? []) walk(c);
  };
  walk(tree);
  // the text and the marked content it is in
  const tc = await page.getTextContent({ includeMarkedContent: true });
  const stack = [];
  for (const item of tc.items) {
    if (item.type === 'beginMarkedContent' || item.type === 'beginMarkedContentProps') {
      if (stack.length) out.nested++;
      stack.push(item);
    }
    else if (item.type === 'endMarkedContent') stack.pop();
    else if (item.str !== undefined && item.str.trim()) {
      const top = stack[stack.length - 1];
      if (!top) out.untagged.push(item.str);
      else if (top.tag === 'Artifact') out.artifactText.push(item.str);
    }
  }
  out.pages.push({ roles, alts, content });
}
fs.writeFileSync(outFile, JSON.stringify(out));
