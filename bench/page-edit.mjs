// Editing one of ten long articles on the page, in headless Chromium: how long from the reader's
// last keystroke until the new analysis is drawn, and how long the page's thread is busy with it.
//
//   scripts/build-wasm.sh && npm ci && node bench/page-edit.mjs [--articles N] [--words N] [--edits N] [--json]
//
// The page (www/) is served locally; N articles of about W words (PolNeAR's news texts from
// ../shared/data/polnear/data/dev/text, joined in file order, as bench/reanalysis.mjs does) are
// pasted into N panels and analysed; then a short sentence is typed at the end of one article at a
// time (round the articles). Reported, as medians and maxima over the edits:
//   - shown after: from the last keystroke until the analysis is drawn, less the page's 250 ms
//     wait for typing to pause (so: analysis in the worker, transfer, parse, drawing);
//   - page script: the page's own script time in the frame that handles the reply (parse and draw);
//   - frame: that whole frame, style and layout included (long animation frames over 50 ms).
// Needs a Chromium (CHROMIUM=/path, default /usr/bin/chromium).

import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { serve } from '../scripts/serve.mjs';
import { newsArticles } from './articles.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const opt = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};
const ARTICLES = opt('articles', 10);
const WORDS = opt('words', 5000);
const EDITS = opt('edits', 10);
const JSON_OUT = args.includes('--json');
const ANALYZE_DELAY = 250; // www/app.js: the wait for typing to pause

const stats = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return { median: s[Math.floor(s.length / 2)], max: s.at(-1) };
};

const www = path.join(root, 'www');
if (!fs.existsSync(path.join(www, 'pkg', 'dateline_bg.wasm'))) throw new Error('www/pkg is not built (scripts/build-wasm.sh)');
const server = await serve(www, 0);
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
    '--disable-component-update', '--no-first-run', '--disable-sync'],
});
const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
const pending = () => page.waitForFunction(() => document.getElementById('status')?.dataset.pending === 'false', null, { timeout: 120_000 });
try {
  await page.goto(`http://127.0.0.1:${server.address().port}/`);
  await page.waitForFunction(() => document.getElementById('status')?.dataset.ready === 'true');
  const texts = newsArticles(ARTICLES, WORDS);
  for (const [k, text] of texts.entries()) {
    if (k > 0) await page.click('#add-article');
    await page.locator('.article textarea').nth(k).fill(text);
  }
  await pending();
  await page.evaluate(() => {
    window.__frames = [];
    new PerformanceObserver((list) => {
      for (const f of list.getEntries()) {
        const reply = f.scripts.filter((s) => s.invoker === 'Worker.onmessage');
        if (reply.length) window.__frames.push({ frame: f.duration, script: reply.reduce((n, s) => n + s.duration, 0) });
      }
    }).observe({ type: 'long-animation-frame' });
  });
  const shown = [];
  for (let e = 0; e < EDITS; e += 1) {
    const area = page.locator('.article textarea').nth(e % texts.length);
    await area.focus();
    await area.press('End');
    await page.keyboard.type(` They met on Monday ${e}.`, { delay: 20 });
    const typed = Date.now();
    await pending();
    shown.push(Date.now() - typed - ANALYZE_DELAY);
  }
  await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 200)));
  const frames = await page.evaluate(() => window.__frames);
  const words = texts.reduce((n, t) => n + t.split(/\s+/).filter(Boolean).length, 0);
  const result = {
    articles: texts.length,
    words,
    edits: EDITS,
    shown_after_ms: stats(shown),
    page_script_ms: frames.length ? stats(frames.map((f) => f.script)) : null,
    frame_ms: frames.length ? stats(frames.map((f) => f.frame)) : null,
  };
  if (JSON_OUT) {
    console.log(JSON.stringify(result, null, 2));
  } else {
    const f = (s) => (s ? `median ${s.median.toFixed(0)} ms, max ${s.max.toFixed(0)} ms` : 'no frame over 50 ms');
    console.log(`${texts.length} articles, ${words} words; ${EDITS} edits, one article at a time`);
    console.log(`analysis shown after the typing pause: ${f(result.shown_after_ms)}`);
    console.log(`page script handling the reply:        ${f(result.page_script_ms)}`);
    console.log(`that frame, layout included:           ${f(result.frame_ms)}`);
  }
} finally {
  await browser.close();
  server.close();
}
