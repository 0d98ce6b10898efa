// check.mjs - opens each HTML file given in Debian's headless chromium (never a downloaded
// browser) and checks it as a reader's browser would:
//   axe-core with the WCAG 2.2 A and AA rules: zero violations;
//   at 320 CSS px wide, nothing sticks out sideways except inside a table's scrolling region;
//   no request leaves the file (no other site, no script, no font, no image).
// Usage: node check.mjs [--fragment] FILE.html...   (exit 1 and a list of problems on failure)
//        node check.mjs --screenshot OUT.png [--width W] [--height H] [--full] [--at SELECTOR] FILE.html
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import puppeteer from 'puppeteer-core';

const require = createRequire(import.meta.url);
const axeSource = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

const args = process.argv.slice(2);
let screenshot = null, width = 1280, height = 900, full = false, scrollTo = null, fragment = false;
const files = [];
for (let i = 0; i < args.length; i++) {
  if (args[i] === '--screenshot') screenshot = args[++i];
  else if (args[i] === '--width') width = Number(args[++i]);
  else if (args[i] === '--height') height = Number(args[++i]);
  else if (args[i] === '--full') full = true;
  else if (args[i] === '--at') scrollTo = args[++i];
  else if (args[i] === '--fragment') fragment = true;
  else files.push(path.resolve(args[i]));
}
if (!files.length) {
  console.error('usage: node check.mjs [--fragment] FILE.html... | --screenshot OUT.png --width W FILE.html');
  process.exit(64);
}

const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'sendpack-chromium-'));
const browser = await puppeteer.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  headless: true,
  userDataDir: profile,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
         '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-dev-shm-usage'],
});

// Where a page's content sticks out of a 320 px viewport, outside the table scrolling regions.
function overflowAt320() {
  const limit = document.documentElement.clientWidth;
  const out = [];
  if (document.documentElement.scrollWidth > limit + 1)
    out.push(`the page scrolls sideways: ${document.documentElement.scrollWidth}px wide`);
  for (const el of document.body.querySelectorAll('*')) {
    if (el.closest('.sp-table-scroll')) continue; // its own scrolling region, keyboard-focusable
    const r = el.getBoundingClientRect();
    if (r.width && r.right > limit + 1)
      out.push(`<${el.tagName.toLowerCase()}${el.id ? ' id=' + el.id : ''}${el.className && typeof el.className === 'string' ? ' class=' + el.className : ''}> ends at ${Math.round(r.right)}px`);
  }
  // each scrolling region must be reachable by keyboard and named
  for (const el of document.querySelectorAll('.sp-table-scroll')) {
    if (el.getAttribute('tabindex') !== '0') out.push('a table scrolling region without tabindex="0"');
    if (!el.getAttribute('aria-labelledby') && !el.getAttribute('aria-label')) out.push('a table scrolling region without a label');
  }
  return out.slice(0, 10);
}

let failures = 0;
try {
  // one tab for every file: opening a tab costs more than checking a page
  const page = (await browser.pages())[0] || await browser.newPage();
  let url = null, requests = [];
  await page.setRequestInterception(true);
  page.on('request', req => {
    if (req.url() === url || req.url() === 'about:blank' || req.url().startsWith('data:')) req.continue();
    else { requests.push(req.url()); req.abort(); }
  });
  for (const file of files) {
    url = 'file://' + file;
    requests = [];
    await page.setViewport({ width, height });
    if (fragment) {
      // a fragment as a CMS would hold it: inside a page of the site's own
      const body = fs.readFileSync(file, 'utf8');
      const first = Number((body.match(/<h([2-6])/) || [0, 2])[1]);
      let above = '<h1>Local Offer</h1>';
      for (let level = 2; level < first; level++) above += `<h${level}>Our plans</h${level}>`;
      await page.setContent(`<!DOCTYPE html><html lang="en-GB"><head><meta charset="utf-8"><title>Local Offer</title></head><body><main>${above}${body}</main></body></html>`);
    } else {
      await page.goto(url, { waitUntil: 'load' });
    }
    if (screenshot) {
      if (scrollTo) await page.evaluate(sel => document.querySelector(sel).scrollIntoView(), scrollTo);
      await page.screenshot({ path: screenshot, fullPage: full });
      continue;
    }
    const problems = [];
    if (requests.length) problems.push(`requests outside the file: ${requests.join(', ')}`);
    if (!fragment && await page.$('script')) problems.push('the page holds a script');
    await page.evaluate(axeSource);
    const result = await page.evaluate(tags => window.axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] }), AXE_TAGS);
    for (const v of result.violations)
      problems.push(`axe ${v.id} (${v.impact}): ${v.help}: ${v.nodes.slice(0, 3).map(n => n.target.join(' ') + ' ' + (n.failureSummary || '').replace(/\s+/g, ' ')).join(' | ')}`);
    await page.setViewport({ width: 320, height: 640 });
    for (const o of await page.evaluate(overflowAt320)) problems.push(`320px: ${o}`);
    if (problems.length) {
      failures++;
      console.log(`FAIL ${file}`);
      for (const p of problems) console.log(`  ${p}`);
    } else {
      console.log(`ok   ${file}: axe WCAG 2.2 A/AA ${result.passes ? result.passes.length : 0} rules passed, 0 violations; 320px reflow`);
    }
  }
} finally {
  await browser.close();
  fs.rmSync(profile, { recursive: true, force: true });
}
process.exit(failures ? 1 : 0);
