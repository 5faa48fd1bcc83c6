// Browser end-to-end tests of the page's "who" views: highlights per kind with their legend, the
// people/organizations/places panel (a click lights up every mention), the quotes ledger, the
// sources list and the hedged sentences. Same set-up as page.test.mjs:
//
//   npm ci && node --test tests/e2e/who.test.mjs
//
// Needs a Chromium (CHROMIUM=/path, default /usr/bin/chromium), the built core in www/pkg and the
// seeds in ../shared/seeds.

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { serve } from '../../scripts/serve.mjs';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const www = process.env.DATELINE_WWW ? path.resolve(process.env.DATELINE_WWW) : path.join(repoRoot, 'www');
const seedsDir = path.resolve(repoRoot, '../shared/seeds');
const ANALYSIS_TIMEOUT = 20_000;

function seed(name) {
  const file = path.join(seedsDir, name);
  if (!existsSync(file)) {
    throw new Error(`seed article missing: ${file} (the tests expect the shared/ folder beside the repository)`);
  }
  return readFileSync(file, 'utf8');
}

let server;
let browser;
let baseUrl;

before(async () => {
  if (!existsSync(path.join(www, 'pkg', 'dateline.js'))) {
    throw new Error('www/pkg/dateline.js is missing: build the core first (scripts/build-wasm.sh)');
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

async function openPage() {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, reducedMotion: 'reduce' });
  const page = await context.newPage();
  const problems = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') problems.push(`console error: ${msg.text()}`);
  });
  page.on('pageerror', (err) => problems.push(`page error: ${err.message}`));
  await page.goto(baseUrl);
  await page.waitForFunction(() => document.getElementById('status')?.dataset.ready, null, { timeout: ANALYSIS_TIMEOUT });
  return { context, page, problems };
}

async function paste(page, text) {
  await page.locator('.article textarea').first().fill(text);
  await page.waitForFunction(() => document.getElementById('status')?.dataset.pending === 'false',
    null, { timeout: ANALYSIS_TIMEOUT });
  assert.equal(await page.locator('#status').getAttribute('data-kind'), 'ok',
    `analysis failed: ${await page.locator('#status-text').textContent()}`);
}

describe('who said what', () => {
  test('names, a click lights every mention, quotes ledger, sources, hedges', async () => {
    const article = seed('000_9e564b1e3b2a1e75.txt');
    const { context, page, problems } = await openPage();
    try {
      await paste(page, article);
      const view = page.locator('.article .annotated').first();
      assert.equal(await view.textContent(), article, 'the highlighted text is the article, unchanged');

      // A legend names every kind of highlight, and each kind is present.
      const legend = await page.locator('.article .kinds').first().innerText();
      for (const kind of ['time', 'person', 'organization', 'place', 'quote', 'source', 'hedge']) {
        assert.match(legend, new RegExp(kind), `legend names ${kind}`);
      }
      for (const selector of ['mark.entity.kind-person', 'mark.entity.kind-place', 'mark.entity.kind-organization',
        '.quote', '.source', 'mark.hedge', '.hedged']) {
        assert.ok(await view.locator(selector).count() > 0, `${selector} highlighted`);
      }

      // The names panel: Karlov under one name, all his spellings lit by one click.
      const karlov = page.locator('#who-entities .who-name.kind-person', { hasText: /^Andre[iy] Karlov$/ });
      assert.equal(await karlov.count(), 1, 'one entry for Andrei/Andrey Karlov');
      await karlov.click();
      const lit = view.locator('mark.entity.lit');
      const litTexts = await lit.allTextContents();
      assert.ok(litTexts.length >= 8, `all his mentions lit (${litTexts.length})`);
      // His name, or a reference to the one person the article titles so ("the ambassador").
      for (const t of litTexts) assert.match(t, /Karlov|^the (\p{L}+ ){0,3}(ambassador|diplomat|envoy)$/iu, `a lit mention is his: ${t}`);
      assert.ok(litTexts.some((t) => /^the (Russian )?ambassador$/i.test(t)), `"the ambassador" is lit with him: ${litTexts}`);
      assert.ok(litTexts.includes('Andrey Gennadyevich Karlov') && litTexts.includes('Andrei Karlov'), 'variants merged');
      await karlov.click();
      assert.equal(await view.locator('mark.entity.lit').count(), 0, 'a second click turns them off');

      // The quotes ledger: speaker → quotes, with the cue.
      const zakharova = page.locator('#who-quotes .ledger-speaker', { has: page.locator('h4', { hasText: 'Maria Zakharova' }) });
      assert.equal(await zakharova.count(), 1, 'Zakharova has a ledger entry');
      const said = await zakharova.locator('.ledger-quote').allInnerTexts();
      assert.ok(said.some((q) => /terrorist act/.test(q)), 'her “terrorist act” quote is hers');
      assert.ok(said.some((q) => /“said”/.test(q)), 'with its cue');
      const gunman = page.locator('#who-quotes .ledger-speaker', { has: page.locator('h4', { hasText: 'the gunman' }) });
      assert.match((await gunman.innerText()), /We die in Aleppo/, 'the gunman’s words are his');

      // Sources: the Hurriyet newspaper, with what it is cited for.
      const hurriyet = page.locator('#who-sources .source-item', { hasText: 'Hurriyet' });
      assert.equal(await hurriyet.count(), 1, 'the Hurriyet newspaper is a source');
      assert.match(await hurriyet.innerText(), /reported/);
      assert.match(await hurriyet.innerText(), /fired a shot into the air/);

      // Hedged sentences are marked with their certainty.
      const hedged = await view.locator('.hedged').evaluateAll((els) => els.map((e) => [e.dataset.certainty, e.textContent]));
      assert.ok(hedged.some(([c, t]) => c === 'possible' && /allegedly carried out/.test(t)), '“allegedly” marks a possible claim');
      assert.ok(hedged.some(([c, t]) => c === 'probable' && /reportedly/.test(t)), '“reportedly” marks a probable claim');

      assert.deepEqual(problems, [], 'no console errors or page errors');
      console.log(`e2e: who: ${litTexts.length} Karlov mentions lit, ${said.length} Zakharova quotes, ${hedged.length} hedged sentences`);
    } finally {
      await context.close();
    }
  });

  test('quotes and names from pasted markup stay text', async () => {
    const hostile = '“<b onmouseover="window.__pwned=1">Stop</b> now,” Maria Zakharova said in <i>Moscow</i>.';
    const { context, page, problems } = await openPage();
    try {
      await paste(page, hostile);
      const ledger = page.locator('#who-quotes');
      assert.match(await ledger.innerText(), /<b onmouseover/, 'the quote shows its markup literally');
      assert.equal(await page.locator('#who-quotes b, #who-entities i, .annotated b, .annotated i').count(), 0,
        'no element made from the text');
      assert.match(await ledger.innerText(), /Maria Zakharova/, 'the speaker is found');
      assert.equal(await page.evaluate(() => typeof window.__pwned), 'undefined');
      assert.deepEqual(problems, [], 'no console errors or page errors');
    } finally {
      await context.close();
    }
  });
});
