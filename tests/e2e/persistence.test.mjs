// Nothing lost: the articles, their names, their creation dates (a reader's correction included)
// come back after a reload and after the browser is closed and reopened on the same profile; a full
// storage is said plainly and loses nothing on the page; "Clear all" asks first.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { serve } from '../../scripts/serve.mjs';
import {
  launchProfile, log, openAt, paste, record, requireBuiltPage, seed, SEEDS, waitSaved, www,
} from './browser.mjs';

let server;
let url;

before(async () => {
  requireBuiltPage();
  server = await serve(www, 0);
  url = `http://127.0.0.1:${server.address().port}/`;
});

after(async () => {
  await new Promise((resolve) => server.close(resolve));
});

/** What the page holds: [{name, text, dct}] per article panel. */
function articles(page) {
  return page.locator('.article').evaluateAll((els) => els.map((el) => ({
    name: el.querySelector('.article-name').value,
    text: el.querySelector('textarea').value,
    dct: el.querySelector('input[type="date"]').value,
  })));
}

/** Open the page in a browser on `profile`; returns {context, page, problems}. */
async function open(profile) {
  const context = await launchProfile(profile);
  const page = context.pages()[0] ?? await context.newPage();
  const { problems } = record(context, page);
  await openAt(page, url);
  return { context, page, problems };
}

test('three articles and their dates survive a reload and a browser restart', async () => {
  const profile = mkdtempSync(path.join(os.tmpdir(), 'dateline-profile-'));
  try {
    let { context, page, problems } = await open(profile);
    for (let i = 0; i < SEEDS.length; i += 1) {
      if (i > 0) await page.locator('#add-article').click();
      await page.locator('.article .article-name').nth(i).fill(`seed ${i + 1}`);
      await paste(page, i, seed(SEEDS[i]));
    }
    // The reader corrects the first article's date: a correction is kept too.
    await page.locator('.article input[type="date"]').first().fill('2016-12-18');
    await page.waitForFunction(() => document.getElementById('status')?.dataset.pending === 'false');
    await waitSaved(page);
    const before = await articles(page);
    assert.equal(before.length, 3);
    assert.equal(before[0].dct, '2016-12-18');
    assert.equal(before[2].dct, '2016-12-19', 'the dateline in the text gives the date');

    await page.reload();
    await openAt(page, url);
    await page.waitForFunction(() => document.getElementById('status')?.dataset.pending === 'false');
    assert.deepEqual(await articles(page), before, 'all three back after a reload');
    assert.deepEqual(problems, []);
    await context.close();

    ({ context, page, problems } = await open(profile));
    await page.waitForFunction(() => document.getElementById('status')?.dataset.pending === 'false');
    assert.deepEqual(await articles(page), before, 'all three back after the browser restarted');
    const hint = await page.locator('.article .dct-hint').first().textContent();
    assert.match(hint, /your date/, 'the corrected date is still the reader\'s');
    assert.ok(await page.locator('.tl-entry').count() > 5, 'and analysed again');
    assert.deepEqual(problems, []);
    log(`restart: ${before.map((a) => `${a.name} (${a.text.length} chars, ${a.dct || 'no date'})`).join('; ')}`);

    // "Clear all" asks; saying no keeps everything, saying yes forgets it for good.
    page.once('dialog', (dialog) => dialog.dismiss());
    await page.locator('#clear-all').click();
    assert.equal((await articles(page)).length, 3, 'nothing cleared without confirmation');
    page.once('dialog', (dialog) => {
      assert.match(dialog.message(), /Remove all articles/);
      dialog.accept();
    });
    await page.locator('#clear-all').click();
    await waitSaved(page);
    assert.deepEqual(await articles(page), [{ name: '', text: '', dct: '' }]);
    await context.close();
    ({ context, page } = await open(profile));
    assert.deepEqual(await articles(page), [{ name: '', text: '', dct: '' }], 'nothing back after Clear all');
    await context.close();
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
});

test('a full storage is reported and the text stays on the page', async () => {
  const profile = mkdtempSync(path.join(os.tmpdir(), 'dateline-profile-'));
  try {
    const { context, page, problems } = await open(profile);
    const cdp = await context.newCDPSession(page);
    const origin = new URL(url).origin;
    await cdp.send('Storage.overrideQuotaForOrigin', { origin, quotaSize: 64 * 1024 });
    // ≈ 300 KB of words that do not compress (the browser may compress what it stores).
    let x = 7;
    const word = () => Array.from({ length: 3 + (x % 6) }, () => {
      x = (x * 1103515245 + 12345) % 2147483648;
      return String.fromCharCode(97 + (x >> 16) % 26);
    }).join('');
    const big = `${seed(SEEDS[2])}\n${Array.from({ length: 50_000 }, word).join(' ')}`;
    await paste(page, 0, big);
    const message = page.locator('#status-storage');
    await message.waitFor({ state: 'visible' });
    assert.match(await message.textContent(), /storage is full.*not saved/);
    assert.equal(await page.locator('#status').getAttribute('data-saved'), 'failed');
    assert.equal(await page.locator('.article textarea').first().inputValue(), big, 'the text is still there');

    // Room again: the next save goes through and the message goes away.
    await cdp.send('Storage.overrideQuotaForOrigin', { origin });
    await page.locator('.article textarea').first().press('End');
    await page.keyboard.type(' More.');
    await waitSaved(page);
    assert.ok(await message.isHidden(), 'the message is gone once saved');
    assert.deepEqual(problems, []);
    log(`quota: ${big.length} chars over a 64 KB quota reported, then saved`);
    await context.close();
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
});
