// Browser end-to-end tests of the dateline page (www/) against the built wasm core (www/pkg/).
//
//   npm install && npm run test:e2e        (or: node --test tests/e2e/)
//
// Needs a Chromium (CHROMIUM=/path, default /usr/bin/chromium) and the seeds in ../shared/seeds.
// The page (www/, or DATELINE_WWW=/other/dir) is served by scripts/serve.mjs on a free localhost
// port.

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { serve } from '../../scripts/serve.mjs';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const www = process.env.DATELINE_WWW ? path.resolve(process.env.DATELINE_WWW) : path.join(repoRoot, 'www');
const seedsDir = path.resolve(repoRoot, '../shared/seeds');
const SEEDS = ['000_9e564b1e3b2a1e75.txt', '003_ad26fecc2024d8bc.txt', '004_51a7731db1c5ae50.txt'];
const ANALYSIS_TIMEOUT = 20_000;

function seed(name) {
  const file = path.join(seedsDir, name);
  if (!existsSync(file)) {
    throw new Error(`seed article missing: ${file} (the tests expect the shared/ folder beside the repository)`);
  }
  return readFileSync(file, 'utf8');
}

function log(line) {
  console.log(`e2e: ${line}`);
}

let server;
let browser;
let baseUrl;

before(async () => {
  const pkg = path.join(www, 'pkg', 'dateline.js');
  if (!existsSync(pkg)) {
    throw new Error(`${pkg} is missing: build the core first `
      + '(wasm-pack build --target web --release --out-dir www/pkg --out-name dateline)');
  }
  server = await serve(www, 0);
  baseUrl = `http://127.0.0.1:${server.address().port}/`;
  const executablePath = process.env.CHROMIUM || '/usr/bin/chromium';
  if (!existsSync(executablePath)) throw new Error(`no Chromium at ${executablePath} (set CHROMIUM=/path/to/chromium)`);
  browser = await chromium.launch({
    executablePath,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
      '--disable-component-update', '--no-first-run', '--disable-sync', '--disable-quic'],
  });
});

after(async () => {
  await browser?.close();
  await new Promise((resolve) => (server ? server.close(resolve) : resolve()));
});

/**
 * A fresh page (own context, so own localStorage) that records console errors, page errors and
 * every request it makes.
 */
async function openPage({ viewport = { width: 1280, height: 900 } } = {}) {
  const context = await browser.newContext({ viewport, reducedMotion: 'reduce' });
  const page = await context.newPage();
  const problems = [];
  const requests = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') problems.push(`console error: ${msg.text()}`);
  });
  page.on('pageerror', (err) => problems.push(`page error: ${err.message}`));
  page.on('request', (req) => requests.push(req.url()));
  context.on('request', (req) => requests.push(req.url())); // also the worker's requests
  await page.goto(baseUrl);
  await page.waitForFunction(() => document.getElementById('status')?.dataset.ready,
    null, { timeout: ANALYSIS_TIMEOUT });
  if (await page.locator('#status').getAttribute('data-ready') !== 'true') {
    throw new Error(`the page could not load the analyzer: ${await page.locator('#status-text').textContent()}`);
  }
  return { context, page, problems, requests };
}

/** Put `text` in article panel `index` (0-based) as a paste would, then wait for its analysis. */
async function paste(page, index, text) {
  const area = page.locator('.article textarea').nth(index);
  await area.fill(text);
  await waitForAnalysis(page);
}

/** Wait until the last change has been analysed and shown; fail with the status line if not ok. */
async function waitForAnalysis(page) {
  await page.waitForFunction(() => document.getElementById('status')?.dataset.pending === 'false',
    null, { timeout: ANALYSIS_TIMEOUT });
  const kind = await page.locator('#status').getAttribute('data-kind');
  assert.equal(kind, 'ok', `analysis failed: ${await page.locator('#status-text').textContent()}`);
}

/** Let the page finish what it draws in animation frames. */
async function settle(page) {
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
}

function assertLocalOnly(requests) {
  assert.ok(requests.length > 0, 'no request recorded');
  for (const url of requests) {
    const { protocol, hostname } = new URL(url);
    if (protocol === 'data:' || protocol === 'blob:') continue;
    assert.ok(hostname === '127.0.0.1' || hostname === 'localhost', `request to another host: ${url}`);
  }
}

describe('dateline page', () => {
  test('one article: creation date, timeline, highlights, tooltip, click-through', async () => {
    const article = seed('004_51a7731db1c5ae50.txt');
    const { context, page, problems, requests } = await openPage();
    try {
      await paste(page, 0, article);

      const dct = await page.locator('.article input[type="date"]').first().inputValue();
      assert.equal(dct, '2016-12-19', 'creation date taken from the dateline in the text');

      const starts = await page.locator('.tl-entry').evaluateAll((els) => els.map((e) => e.dataset.start));
      for (const want of ['1976', '2013-07']) {
        assert.ok(starts.includes(want), `timeline entry starting ${want} (have: ${starts.join(', ')})`);
      }
      assert.ok(starts.some((s) => s.startsWith('2016-12-19')), `timeline entry on 2016-12-19 (have: ${starts.join(', ')})`);
      for (const el of await page.locator('.tl-entry').all()) {
        assert.equal(await el.locator('title').count(), 1, 'each marker has a <title>');
        assert.ok(await el.getAttribute('data-end'), 'each marker has data-end');
        assert.ok(await el.getAttribute('data-granularity'), 'each marker has data-granularity');
      }

      const marks = page.locator('.article .annotated mark.timex');
      assert.ok(await marks.count() > 0, 'time expressions highlighted in the annotated view');
      const annotated = await page.locator('.article .annotated').first().textContent();
      assert.equal(annotated, article, 'the annotated view shows the whole text, unchanged');

      // Hover: the tooltip shows the sentence the expression came from.
      const marker = page.locator('.tl-entry[data-start="2013-07"]').first();
      await marker.hover();
      const tooltip = page.locator('.tl-tooltip');
      await tooltip.waitFor({ state: 'visible' });
      const tip = await tooltip.innerText();
      assert.match(tip, /July 2013/, 'tooltip shows the expression');
      assert.match(tip, /became ambassador/, 'tooltip shows the sentence text');
      log(`tooltip: ${tip.replace(/\s+/g, ' ').slice(0, 100)}…`);

      // Click: the matching mark is flashed and scrolled into view.
      await marker.click();
      const flashed = page.locator('.article .annotated mark.timex.flash');
      await flashed.waitFor({ state: 'attached', timeout: 2000 });
      assert.match(await flashed.textContent(), /July 2013/);
      await page.waitForFunction(() => {
        const mark = document.querySelector('.annotated mark.timex.flash');
        if (!mark) return false;
        const box = mark.getBoundingClientRect();
        const view = mark.closest('.annotated').getBoundingClientRect();
        return box.top >= view.top && box.bottom <= view.bottom && box.top >= 0 && box.bottom <= innerHeight;
      }, null, { timeout: 3000 });

      // Export: the last analysis as dateline.json, made in the page.
      const [download] = await Promise.all([page.waitForEvent('download'), page.locator('#export-json').click()]);
      assert.equal(download.suggestedFilename(), 'dateline.json');
      assert.match(download.url(), /^blob:/);
      const exported = JSON.parse(readFileSync(await download.path(), 'utf8'));
      assert.equal(exported.schema, 'dateline/1');
      assert.equal(exported.documents[0].creation_time.source, 'text');

      assert.deepEqual(problems, [], 'no console errors or page errors');
      assertLocalOnly(requests);
      assert.ok(requests.some((url) => url.endsWith('/pkg/dateline_bg.wasm')), 'the worker\'s requests are recorded too');
      log(`case 1: dct ${dct}, ${starts.length} timeline markers, ${await marks.count()} highlights, `
        + `${new Set(requests).size} requests all local`);
    } finally {
      await context.close();
    }
  });

  test('pasted markup is shown as text, never run', async () => {
    const hostile = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script> On December 19, 2016 the talks began.';
    const { context, page, problems, requests } = await openPage();
    try {
      await paste(page, 0, hostile);
      const view = page.locator('.article .annotated').first();
      assert.equal(await view.textContent(), hostile, 'the markup appears literally');
      assert.equal(await view.locator('img, script').count(), 0, 'no element made from the text');
      assert.equal(await page.evaluate(() => typeof window.__pwned), 'undefined');
      assert.ok(await view.locator('mark.timex').count() > 0, 'the date in it is still highlighted');

      // Quick successive edits: only the last text's analysis is shown.
      const area = page.locator('.article textarea').first();
      for (const year of ['2001', '2002', '2003']) {
        await area.fill(`${hostile} In July ${year} nothing happened.`);
        await page.waitForTimeout(year === '2003' ? 0 : 270); // just past the debounce: requests overlap
      }
      await waitForAnalysis(page);
      assert.equal(await view.textContent(), `${hostile} In July 2003 nothing happened.`);
      assert.deepEqual(problems, [], 'no console errors or page errors');
      assertLocalOnly(requests);
      log('case 2: markup rendered as text, nothing executed');
    } finally {
      await context.close();
    }
  });

  test('articles survive a reload', async () => {
    const text = 'On Monday, December 19, 2016 the ambassador spoke at an exhibition in Ankara.';
    const { context, page, problems } = await openPage();
    try {
      await page.locator('.article textarea').first().pressSequentially(text.slice(0, 20));
      await page.locator('.article textarea').first().fill(text);
      await page.locator('.article .article-name').first().fill('my article');
      await waitForAnalysis(page);
      await page.waitForTimeout(700); // the save is debounced
      await page.reload();
      await page.waitForFunction(() => document.querySelector('.article textarea')?.value.length > 0);
      assert.equal(await page.locator('.article textarea').first().inputValue(), text);
      assert.equal(await page.locator('.article .article-name').first().inputValue(), 'my article');
      await waitForAnalysis(page);
      assert.ok(await page.locator('.article .annotated mark.timex').count() > 0, 'analysed again after the reload');

      // A full storage is said, not thrown.
      await page.evaluate(() => {
        IDBObjectStore.prototype.put = () => {
          throw new DOMException('quota', 'QuotaExceededError');
        };
      });
      await page.locator('.article textarea').first().fill(`${text} More.`);
      const storageMessage = page.locator('#status-storage');
      await storageMessage.waitFor({ state: 'visible' });
      assert.match(await storageMessage.textContent(), /storage is full/);

      // Clear all (confirmed) empties the page and the storage.
      page.once('dialog', (dialog) => dialog.accept());
      await page.locator('#clear-all').click();
      assert.equal(await page.locator('.article').count(), 1);
      assert.equal(await page.locator('.article textarea').first().inputValue(), '');
      await page.reload();
      await page.locator('.article textarea').first().waitFor();
      assert.equal(await page.locator('.article textarea').first().inputValue(), '', 'nothing restored after Clear all');
      assert.deepEqual(problems, [], 'no console errors or page errors');
      log('case 3: text and name restored after reload; full storage reported; Clear all forgets');
    } finally {
      await context.close();
    }
  });

  test('three articles: screenshot to docs/screenshot.png', async () => {
    const { context, page, problems, requests } = await openPage({ viewport: { width: 1280, height: 900 } });
    try {
      for (let i = 0; i < SEEDS.length; i += 1) {
        if (i > 0) await page.locator('#add-article').click();
        await page.locator('.article .article-name').nth(i).fill(SEEDS[i].replace(/_.*$/, ''));
        await paste(page, i, seed(SEEDS[i]));
      }
      assert.equal(await page.locator('.article').count(), 3);
      assert.equal(await page.locator('.article input[type="date"]').nth(2).inputValue(), '2016-12-19');
      // The two articles without a dateline get their date from the reader.
      for (const i of [0, 1]) {
        assert.equal(await page.locator('.article input[type="date"]').nth(i).inputValue(), '', `article ${i + 1} has no dateline`);
        await page.locator('.article input[type="date"]').nth(i).fill('2016-12-19');
        await waitForAnalysis(page);
      }
      for (let i = 0; i < 3; i += 1) {
        assert.ok(await page.locator('.article').nth(i).locator('mark.timex').count() > 0, `article ${i + 1} has highlights`);
      }
      assert.ok(await page.locator('.tl-entry').count() > 0, 'timeline drawn');
      await page.evaluate(() => {
        for (const area of document.querySelectorAll('textarea')) area.scrollTop = 0;
        document.activeElement?.blur();
        window.scrollTo(0, 0);
      });
      const out = path.join(repoRoot, 'docs', 'screenshot.png');
      await mkdir(path.dirname(out), { recursive: true });
      // The articles and the timeline: the panels below them would make the file too big to keep.
      await page.screenshot({ path: out, fullPage: true, clip: { x: 0, y: 0, width: 1280, height: 1500 } });
      assert.deepEqual(problems, [], 'no console errors or page errors');
      assertLocalOnly(requests);
      log(`case 4: screenshot of three articles saved to ${path.relative(repoRoot, out)}`);
    } finally {
      await context.close();
    }
  });

  test("the reader's creation date wins over the dateline; clearing it returns to the text's", async () => {
    const { context, page, problems } = await openPage();
    try {
      await paste(page, 0, seed('004_51a7731db1c5ae50.txt'));
      const date = page.locator('.article input[type="date"]').first();
      assert.equal(await date.inputValue(), '2016-12-19');
      const starts = () => page.locator('.tl-entry').evaluateAll((els) => els.map((e) => e.dataset.start));

      await date.fill('2016-12-25');
      await waitForAnalysis(page);
      assert.equal(await date.inputValue(), '2016-12-25', 'the edited date stays');
      assert.equal(await page.locator('.dct-hint').first().getAttribute('data-source'), 'reader');
      const moved = await starts();
      assert.ok(moved.some((s) => s.startsWith('2016-12-25')),
        `relative times re-resolved against the reader's date (have: ${moved.join(', ')})`);

      await date.fill('');
      await waitForAnalysis(page);
      assert.equal(await date.inputValue(), '2016-12-19', 'back to the dateline in the text');
      assert.equal(await page.locator('.dct-hint').first().getAttribute('data-source'), 'text');
      assert.ok(!(await starts()).some((s) => s.startsWith('2016-12-25')));
      assert.deepEqual(problems, [], 'no console errors or page errors');
      log('case 5: reader-edited creation date applied, then cleared back to the dateline');
    } finally {
      await context.close();
    }
  });
  test('the timeline zooms and pans', async () => {
    const { context, page, problems } = await openPage();
    try {
      await paste(page, 0, seed('004_51a7731db1c5ae50.txt'));
      const overview = page.locator('.tl-section').first();
      const tickLabels = () => overview.locator('.tl-axis text').allTextContents();
      const before = await tickLabels();
      assert.ok(await overview.getByRole('button', { name: 'Show everything' }).isDisabled());

      for (let i = 0; i < 3; i += 1) await overview.getByRole('button', { name: 'Zoom in' }).click();
      await settle(page);
      const zoomed = await tickLabels();
      assert.notDeepEqual(zoomed, before, 'zooming in changes the axis');
      assert.ok(await overview.getByRole('button', { name: 'Show everything' }).isEnabled());

      // Drag the axis background to the right: earlier times come into view.
      const box = await overview.locator('.tl-plot').boundingBox();
      const y = box.y + box.height - 12;
      await page.mouse.move(box.x + box.width * 0.3, y);
      await page.mouse.down();
      await page.mouse.move(box.x + box.width * 0.7, y, { steps: 5 });
      await page.mouse.up();
      await settle(page);
      const panned = await tickLabels();
      assert.notDeepEqual(panned, zoomed, 'dragging pans the axis');

      await overview.getByRole('button', { name: 'Show everything' }).click();
      await settle(page);
      assert.deepEqual(await tickLabels(), before, 'reset shows the whole story again');
      assert.ok(await page.locator('.tl-entry[data-start="1976"]').count() > 0);
      assert.deepEqual(problems, [], 'no console errors or page errors');
      log(`case 6: zoomed (${zoomed[0]} … ${zoomed.at(-1)}), panned (${panned[0]} … ${panned.at(-1)}), reset`);
    } finally {
      await context.close();
    }
  });
  test('three articles: events on the timeline, no overlaps, the story day, both-way links, exports', async () => {
    const { context, page, problems, requests } = await openPage();
    try {
      for (let i = 0; i < SEEDS.length; i += 1) {
        if (i > 0) await page.locator('#add-article').click();
        await paste(page, i, seed(SEEDS[i]));
      }
      for (const i of [0, 1]) {
        await page.locator('.article input[type="date"]').nth(i).fill('2016-12-19');
        await waitForAnalysis(page);
      }
      await settle(page);

      // The background, the story day and what is scheduled after it, each from its sentence.
      const entries = await page.locator('.tl-entry').evaluateAll((els) => els.map((e) => ({
        start: e.dataset.start, end: e.dataset.end, group: e.dataset.group, events: e.dataset.events,
        label: e.querySelector('title').textContent,
      })));
      const has = (start, end, words) => entries.some((e) => e.start === start && e.end === end && e.events
        && words.every((w) => e.label.toLowerCase().includes(w)));
      assert.ok(has('1976', '1976', ['entered']), '1976: entered the diplomatic service');
      assert.ok(has('2001-06', '2006-12', ['ambassador']), 'June 2001 – December 2006: ambassador to North Korea');
      assert.ok(has('2013-07', '2013-07', ['ambassador']), 'July 2013: ambassador to Turkey');
      assert.ok(has('2016-12-20', '2016-12-20', ['talks']), '20 December: talks in Moscow');
      assert.ok(entries.some((e) => e.start === '2016-12-20' && e.group === 'scheduled'), 'the talks are scheduled');
      assert.ok(await page.locator('.tl-entry.tl-uncertain').count() > 0, 'hedged entries drawn differently');

      // No two markers (point, bar and label) overlap within one axis.
      for (const section of await page.locator('.tl-section').all()) {
        const boxes = await section.locator('.tl-entry, .tl-cluster').evaluateAll((els) => els.map((e) => {
          const b = e.getBoundingClientRect();
          return { l: b.left, r: b.right, t: b.top, b: b.bottom, what: e.querySelector('title')?.textContent };
        }));
        for (let i = 0; i < boxes.length; i += 1) {
          for (let j = i + 1; j < boxes.length; j += 1) {
            const [a, b] = [boxes[i], boxes[j]];
            const overlap = Math.min(a.r, b.r) - Math.max(a.l, b.l) > 0.5 && Math.min(a.b, b.b) - Math.max(a.t, b.t) > 0.5;
            assert.ok(!overlap, `markers overlap: “${a.what}” and “${b.what}”`);
          }
        }
      }

      // Zoom to the story day: the evening shooting is there, with hours on the axis.
      const focus = page.locator('#tl-focus');
      await focus.getByRole('button', { name: 'Zoom to the story day' }).click();
      await settle(page);
      const evening = focus.locator('.tl-entry[data-start="2016-12-19T18:00"]');
      assert.ok(await evening.count() > 0, 'an entry for the evening of 19 December');
      assert.match(await evening.first().locator('title').textContent(), /shot/i);
      assert.ok(await evening.first().isVisible());
      const hours = await focus.locator('.tl-axis text').allTextContents();
      assert.ok(hours.some((t) => /\d\d:\d\d/.test(t)), `hours on the story-day axis (${hours.join(', ')})`);

      // Keyboard: + zooms in, 0 shows everything.
      await focus.locator('.tl-plot').focus();
      const before = await focus.locator('.tl-axis text').allTextContents();
      await page.keyboard.press('0');
      await settle(page);
      assert.notDeepEqual(await focus.locator('.tl-axis text').allTextContents(), before, '0 resets the zoom');

      // A marker leads to its sentence: the event is flashed and scrolled into view.
      await page.locator('.tl-entry[data-start="2013-07"]').first().click();
      const flashed = page.locator('.annotated mark.event.flash');
      await flashed.first().waitFor({ state: 'attached', timeout: 2000 });
      assert.match(await flashed.first().textContent(), /became|appointed/);
      await page.waitForFunction(() => {
        const mark = document.querySelector('.annotated mark.event.flash');
        if (!mark) return false;
        const box = mark.getBoundingClientRect();
        const view = mark.closest('.annotated').getBoundingClientRect();
        return box.top >= view.top && box.bottom <= view.bottom && box.top >= 0 && box.bottom <= innerHeight;
      }, null, { timeout: 3000 });

      // And the text leads to the timeline: clicking a highlighted event selects its marker.
      const became = page.locator('.article').nth(2).locator('mark.event', { hasText: 'became' });
      await became.click();
      const selected = page.locator('.tl-entry.selected');
      assert.ok(await selected.count() > 0, 'a marker selected from the text');
      assert.equal(await selected.first().getAttribute('data-start'), '2013-07');

      // Exports written by the core in the worker.
      const grab = async (id) => {
        const [download] = await Promise.all([page.waitForEvent('download'), page.locator(`#${id}`).click()]);
        assert.match(download.url(), /^blob:/);
        return { name: download.suggestedFilename(), text: readFileSync(await download.path(), 'utf8') };
      };
      const csv = await grab('export-csv');
      assert.equal(csv.name, 'dateline-timeline.csv');
      assert.match(csv.text, /^start,end,granularity,group,label/);
      const tljs = await grab('export-timelinejs');
      const slides = JSON.parse(tljs.text).events;
      assert.ok(slides.some((e) => e.start_date.year === 2013 && e.start_date.month === 7 && !('day' in e.start_date)));
      const tml = await grab('export-timeml');
      assert.match(tml.text, /<EVENT eid="e1"/);
      assert.match(tml.text, /<TLINK lid="l1"/);

      assert.deepEqual(problems, [], 'no console errors or page errors');
      assertLocalOnly(requests);
      log(`case 7: ${entries.length} markers, none overlapping; story day shows the evening shooting; `
        + `marker ↔ text both ways; ${slides.length} TimelineJS slides`);
    } finally {
      await context.close();
    }
  });

  test('phone width: the page fits and the timeline draws', async () => {
    const { context, page, problems } = await openPage({ viewport: { width: 375, height: 740 } });
    try {
      await paste(page, 0, seed('004_51a7731db1c5ae50.txt'));
      await settle(page);
      assert.ok(await page.locator('.tl-entry').count() > 0, 'timeline drawn');
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      assert.ok(overflow <= 1, `no sideways scrolling (${overflow}px too wide)`);
      for (const svg of await page.locator('.tl-svg').all()) {
        const box = await svg.boundingBox();
        assert.ok(box.width <= 375, `timeline fits the screen (${box.width}px)`);
      }
      assert.deepEqual(problems, [], 'no console errors or page errors');
      log('case 8: phone width fits');
    } finally {
      await context.close();
    }
  });
});
