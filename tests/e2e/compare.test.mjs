// Browser end-to-end tests of "Where they differ" and the article lanes: the three seeds on one
// page give a comparison panel (conflicts first) whose claims are each article's exact words; a
// claim opens the articles side by side with those words marked (keyboard: Escape closes, focus
// returns) and leads to them in the article's text; one lane per article on the timeline, without
// overlaps, at desktop and phone widths; an article left out loses its lane and its claims, comes
// back when included again, and the choice survives a reload (older saves without it: included).
//
//   npm ci && node --test tests/e2e/compare.test.mjs
//
// Needs a Chromium (CHROMIUM=/path, default /usr/bin/chromium), the built core in www/pkg and the
// seeds in ../shared/seeds. The assertions are on structure (order of verdicts, words === the text
// at the span), not on one comparison's wording.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { serve } from '../../scripts/serve.mjs';
import { SEEDS, assertRequests, launch, log, openAt, paste, record, requireBuiltPage, seed, waitForAnalysis, waitSaved, www }
  from './browser.mjs';

const ORDER = ['conflict', 'consistent', 'agree', 'only_in'];

let server;
let browser;
let baseUrl;

before(async () => {
  requireBuiltPage();
  server = await serve(www, 0);
  baseUrl = `http://127.0.0.1:${server.address().port}/`;
  browser = await launch();
});

after(async () => {
  await browser?.close();
  await new Promise((resolve) => (server ? server.close(resolve) : resolve()));
});

/** The panel's items in page order: [{status, claims: [{doc, name, span, words}]}]. */
function panelItems(page) {
  return page.locator('#compare-list .cmp-item').evaluateAll((items) => items.map((li) => ({
    id: li.dataset.comparison,
    status: li.dataset.status,
    topic: li.querySelector('.cmp-topic').textContent,
    explanation: li.querySelector('.cmp-explanation').textContent,
    claims: [...li.querySelectorAll('.cmp-claim')].map((b) => ({
      doc: b.dataset.document,
      name: b.querySelector('.cmp-doc').textContent,
      span: b.dataset.span.split(' ').map(Number),
      words: b.querySelector('.cmp-words').textContent,
    })),
  })));
}

/** Document id → the text of the seed analysed as it (documents are the included panels, in order). */
async function textsByDocument(page, texts) {
  const included = await page.locator('.article input[data-field="include"]').evaluateAll((els) => els.map((e) => e.checked));
  const byDoc = new Map();
  texts.filter((_, i) => included[i]).forEach((t, i) => byDoc.set(`d${i + 1}`, t));
  return byDoc;
}

/** Lanes per timeline section: [[lane name, …], …]. */
function lanes(page) {
  return page.locator('.tl-section').evaluateAll((secs) => secs.map((s) => [...s.querySelectorAll('.tl-lane')]
    .map((l) => l.getAttribute('aria-label'))));
}

/** No two markers (point, bar and label) of one axis overlap; none runs off the page. */
async function assertNoOverlap(page) {
  const pageWidth = await page.evaluate(() => document.documentElement.clientWidth);
  for (const section of await page.locator('.tl-section').all()) {
    const boxes = await section.locator('.tl-entry, .tl-cluster').evaluateAll((els) => els.map((e) => {
      const b = e.getBoundingClientRect();
      return { l: b.left, r: b.right, t: b.top, b: b.bottom, what: e.querySelector('title')?.textContent };
    }));
    assert.ok(boxes.length > 0, 'markers drawn');
    for (let i = 0; i < boxes.length; i += 1) {
      assert.ok(boxes[i].l >= -0.5 && boxes[i].r <= pageWidth + 0.5, `marker off the page: “${boxes[i].what}”`);
      for (let j = i + 1; j < boxes.length; j += 1) {
        const [a, b] = [boxes[i], boxes[j]];
        const overlap = Math.min(a.r, b.r) - Math.max(a.l, b.l) > 0.5 && Math.min(a.b, b.b) - Math.max(a.t, b.t) > 0.5;
        assert.ok(!overlap, `markers overlap: “${a.what}” and “${b.what}”`);
      }
    }
  }
}

test('three seeds: comparisons, side by side, lanes, leaving an article out and back, across a reload', async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, reducedMotion: 'reduce' });
  const page = await context.newPage();
  const { problems, requests } = record(context, page);
  try {
    await openAt(page, baseUrl);
    const texts = SEEDS.map(seed);
    for (let i = 0; i < texts.length; i += 1) {
      if (i > 0) await page.locator('#add-article').click();
      await paste(page, i, texts[i]);
    }
    // The first two carry no dateline: set as a reader would, so that their times line up.
    for (const i of [0, 1]) {
      await page.locator('.article input[type="date"]').nth(i).fill('2016-12-19');
      await waitForAnalysis(page);
    }
    const names = ['article 1', 'article 2', 'article 3'];

    // The panel: verdicts in order, conflicts first; every claim is its article's words at its span.
    const items = await panelItems(page);
    const statuses = items.map((c) => c.status);
    assert.ok(statuses.includes('conflict'), `a conflict among ${statuses.join(', ')}`);
    assert.ok(statuses.includes('consistent'), 'a consistent point');
    const ranks = statuses.map((s) => ORDER.indexOf(s));
    assert.ok(ranks.every((r) => r >= 0), `known verdicts: ${statuses.join(', ')}`);
    assert.deepEqual(ranks, [...ranks].sort((a, b) => a - b), 'grouped: conflicts, consistent, agree, only in one');
    assert.equal(statuses[0], 'conflict');
    const headings = await page.locator('#compare-list .cmp-group').evaluateAll((g) => g.map((s) => s.dataset.status));
    assert.deepEqual(headings, [...new Set(statuses)], 'one heading per verdict, in that order');
    let byDoc = await textsByDocument(page, texts);
    for (const c of items) {
      assert.ok(c.topic && c.explanation, `${c.id}: a topic and an explanation`);
      assert.ok(c.claims.length > 0, `${c.id}: claims`);
      for (const claim of c.claims) {
        assert.equal(claim.words, byDoc.get(claim.doc).slice(...claim.span), `${c.id}: the words at the span`);
        assert.equal(claim.name, names[Number(claim.doc.slice(1)) - 1]);
      }
      if (c.status !== 'only_in') assert.ok(new Set(c.claims.map((x) => x.doc)).size >= 2, `${c.id}: two articles`);
    }
    const conflict = items[0];

    // A long point shows a few claims, every article among them, and the rest on demand.
    const long = items.some((c) => c.claims.length > 6);
    assert.equal(await page.locator('#compare-list .cmp-more').count() > 0, long, 'a “more” button exactly when a point has over six claims');
    if (long) {
      // Pinned by its id: once its button is clicked, "the first point with a “more” button" is
      // another one.
      const id = await page.locator('#compare-list .cmp-item', { has: page.locator('.cmp-more') }).first().getAttribute('data-comparison');
      const item = page.locator(`#compare-list .cmp-item[data-comparison="${id}"]`);
      const more = item.locator('.cmp-more');
      const claimsOf = () => item.locator('.cmp-claim').evaluateAll((bs) => bs.map((b) => ({ doc: b.dataset.document, seen: b.checkVisibility() })));
      const docs = (list) => [...new Set(list.map((x) => x.doc))].sort();
      const before = await claimsOf();
      assert.deepEqual(docs(before.filter((x) => x.seen)), docs(before), 'every article shown before “more”');
      const hidden = before.filter((x) => !x.seen).length;
      assert.ok(hidden > 0, 'some claims wait behind “more”');
      assert.equal(await more.textContent(), `${hidden} more`);
      await more.click();
      assert.ok((await claimsOf()).every((x) => x.seen), 'all shown after “more”');
    }

    // A claim opens the articles side by side: one column each, the claimed words marked.
    const opener = page.locator(`.cmp-item[data-comparison="${conflict.id}"] .cmp-claim`).first();
    await opener.click();
    const dialog = page.locator('#compare-dialog');
    assert.ok(await dialog.evaluate((d) => d.open), 'the side-by-side view is open');
    const columns = await dialog.locator('.cmp-column').evaluateAll((cols) => cols.map((col) => ({
      doc: col.dataset.document,
      name: col.querySelector('.cmp-column-name').textContent,
      marks: [...col.querySelectorAll('mark.cmp-words')].map((m) => ({ text: m.textContent, span: m.dataset.span?.split(' ').map(Number) })),
    })));
    assert.deepEqual(columns.map((c) => c.name), names, 'every article, side by side');
    const marked = columns.filter((c) => c.marks.length);
    assert.ok(marked.length >= 2, 'words marked in two articles or more');
    for (const col of marked) {
      for (const m of col.marks) assert.equal(m.text, byDoc.get(col.doc).slice(...m.span), `${col.name}: marked words at their span`);
    }
    const claimed = conflict.claims.map((c) => `${c.doc} ${c.span.join(' ')}`).sort();
    const shown = marked.flatMap((c) => c.marks.map((m) => `${c.doc} ${m.span.join(' ')}`)).sort();
    assert.deepEqual(shown, claimed, 'each claim of the point, and only those');
    assert.ok(await dialog.evaluate((d) => d.contains(document.activeElement)), 'focus moves into the view');
    await page.keyboard.press('Escape');
    assert.ok(!(await dialog.evaluate((d) => d.open)), 'Escape closes it');
    await page.waitForFunction(() => document.activeElement?.classList.contains('cmp-claim'));

    // "Show in the article": the article's own words highlighted in its text.
    await opener.focus();
    await page.keyboard.press('Enter');
    assert.ok(await dialog.evaluate((d) => d.open), 'opened from the keyboard');
    const focused = await page.evaluate(() => document.activeElement?.closest('.cmp-column')?.dataset.document);
    assert.equal(focused, conflict.claims[0].doc, 'the clicked claim’s article has the focus');
    await page.keyboard.press('Enter'); // its "Show in the article"
    assert.ok(!(await dialog.evaluate((d) => d.open)));
    const lit = await page.evaluate(() => {
      const range = [...(CSS.highlights.get('dateline-claim') ?? [])][0];
      if (!range) return null;
      const box = range.getBoundingClientRect();
      const view = range.startContainer.parentElement.closest('.annotated').getBoundingClientRect();
      return {
        text: range.toString(),
        article: range.startContainer.parentElement.closest('.article')?.querySelector('.article-name').placeholder,
        inWindow: box.top >= 0 && box.bottom <= window.innerHeight,
        inView: box.top >= view.top && box.bottom <= view.bottom,
      };
    });
    assert.deepEqual(lit, { text: conflict.claims[0].words, article: conflict.claims[0].name, inWindow: true, inView: true },
      'the words highlighted, in sight');

    // Lanes: three per axis, named after the articles, joined where several tell one happening.
    assert.deepEqual(await lanes(page), (await lanes(page)).map(() => names));
    assert.ok(await page.locator('.tl-link').count() > 0, 'an entry told by several articles is joined across lanes');
    await assertNoOverlap(page);

    // Phone width: the lanes stay readable, nothing overlaps or runs off.
    await page.setViewportSize({ width: 390, height: 800 });
    await page.waitForFunction(() => document.querySelector('.tl-svg')?.getAttribute('width') <= 390);
    await assertNoOverlap(page);
    await page.setViewportSize({ width: 1280, height: 900 });

    // Leave the third article out: its lane and its claims go, its text stays.
    const include = page.locator('.article input[data-field="include"]');
    await include.nth(2).uncheck();
    await waitForAnalysis(page);
    assert.deepEqual(await lanes(page), (await lanes(page)).map(() => names.slice(0, 2)), 'two lanes left');
    let after = await panelItems(page);
    assert.ok(after.length > 0, 'the two others still compared');
    assert.ok(after.every((c) => c.claims.every((x) => x.name !== names[2])), 'no claim of the article left out');
    byDoc = await textsByDocument(page, texts);
    for (const c of after) for (const x of c.claims) assert.equal(x.words, byDoc.get(x.doc).slice(...x.span));
    assert.equal(await page.locator('.article textarea').nth(2).inputValue(), texts[2], 'its text is kept');
    assert.equal(await page.locator('.article').nth(2).locator('.annotated').getAttribute('data-empty'), 'true');
    assert.match(await page.locator('.article').nth(2).locator('.article-note[data-note="excluded"]').textContent(), /Left out/);
    assert.match(await page.locator('#status-text').textContent(), /1 left out/);

    // The choice survives a reload.
    await waitSaved(page);
    await page.reload();
    await openAt(page, baseUrl);
    await waitForAnalysis(page);
    assert.deepEqual(await include.evaluateAll((els) => els.map((e) => e.checked)), [true, true, false]);
    assert.deepEqual(await lanes(page), (await lanes(page)).map(() => names.slice(0, 2)), 'still two lanes after a reload');

    // Included again: its lane and its claims come back.
    await include.nth(2).check();
    await waitForAnalysis(page);
    assert.deepEqual(await lanes(page), (await lanes(page)).map(() => names), 'three lanes again');
    after = await panelItems(page);
    assert.ok(after.some((c) => c.claims.some((x) => x.name === names[2])), 'its claims are back');
    assert.deepEqual(after.map((c) => c.status), statuses, 'the same verdicts as before');

    assert.deepEqual(problems, [], 'no console errors or page errors');
    assertRequests(requests, (url) => url.origin === new URL(baseUrl).origin);
    log(`compare: ${items.length} points (${statuses.filter((s) => s === 'conflict').length} conflicting), `
      + `${await page.locator('.tl-link').count()} joined entries; left out and back across a reload`);
  } finally {
    await context.close();
  }
});

test('articles saved before the include flag load as included', async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, reducedMotion: 'reduce' });
  const page = await context.newPage();
  try {
    await openAt(page, baseUrl);
    await page.evaluate(() => new Promise((resolve, reject) => {
      const open = indexedDB.open('dateline', 1);
      open.onupgradeneeded = () => open.result.createObjectStore('state');
      open.onsuccess = () => {
        const tx = open.result.transaction('state', 'readwrite');
        tx.objectStore('state').put({ version: 1, articles: [{ name: 'old', text: 'Talks were held on 20 December 2016.', dct: '' }] }, 'articles');
        tx.oncomplete = resolve;
        tx.onerror = () => reject(tx.error);
      };
      open.onerror = () => reject(open.error);
    }));
    await page.reload();
    await openAt(page, baseUrl);
    await waitForAnalysis(page);
    assert.equal(await page.locator('.article-name').first().inputValue(), 'old');
    assert.ok(await page.locator('.article input[data-field="include"]').first().isChecked(), 'included');
    assert.ok(await page.locator('.tl-entry').count() > 0, 'and analysed');
  } finally {
    await context.close();
  }
});

test('markup in the articles and their names is shown as text in the panel and side by side', async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, reducedMotion: 'reduce' });
  const page = await context.newPage();
  const { problems } = record(context, page);
  try {
    await openAt(page, baseUrl);
    const texts = [
      'ANKARA, Dec. 19 2016 — Police spokesman John Smith said: "<img src=x onerror=window.__pwned=1> We found '
        + '<b>three</b> suspects." At least three people were hurt.',
      'ANKARA, Dec. 19 2016 — Eight people were hurt, John Smith said. "It was <script>window.__pwned=2</script> a '
        + 'terrible day," Smith said.',
    ];
    for (let i = 0; i < texts.length; i += 1) {
      if (i > 0) await page.locator('#add-article').click();
      await page.locator('.article-name').nth(i).fill(`<i onmouseover=window.__pwned=3>n${i}</i>`);
      await paste(page, i, texts[i]);
    }
    const claims = page.locator('#compare-list .cmp-claim');
    assert.ok(await claims.count() > 0, 'the quotes are compared');
    const words = await page.locator('#compare-list .cmp-words').allTextContents();
    assert.ok(words.some((w) => w.includes('<img src=x')), `the markup is text: ${words.join(' | ')}`);
    assert.ok((await page.locator('#compare-list .cmp-doc').allTextContents()).every((n) => n.startsWith('<i ')));
    await claims.first().click();
    const dialog = page.locator('#compare-dialog');
    assert.match(await dialog.textContent(), /<img src=x|<script>/);
    for (const host of ['#compare-list', '#compare-dialog']) {
      assert.equal(await page.locator(`${host} img, ${host} script, ${host} b, ${host} i`).count(), 0, `${host}: no element from the text`);
    }
    await page.keyboard.press('Escape');
    assert.equal(await page.evaluate(() => window.__pwned), undefined, 'nothing ran');
    assert.deepEqual(problems, [], 'no console errors or page errors');
  } finally {
    await context.close();
  }
});
