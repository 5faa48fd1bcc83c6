// Offline use: the service worker serves the page with the network gone, a new build replaces the
// cache as a whole, and the single-file build (dist/dateline.html) works from file:// offline.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { serve } from '../../scripts/serve.mjs';
import {
  assertRequests, copyOfPage, launch, log, openAt, paste, record, repoRoot, seed, SEEDS, waitReady,
} from './browser.mjs';

let browser;

before(async () => {
  browser = await launch();
});

after(async () => {
  await browser?.close();
});

const close = (server) => new Promise((resolve) => server.close(resolve));

/** Wait until a service worker controls the page and its cache holds the build. */
async function waitControlled(page) {
  await page.evaluate(() => navigator.serviceWorker.ready);
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 20_000 });
  return page.evaluate(() => caches.keys());
}

test('after one visit the page reloads and analyses with the network gone', async () => {
  const copy = copyOfPage();
  const server = await serve(copy.dir, 0);
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    const { problems } = record(context, page);
    const url = `http://127.0.0.1:${server.address().port}/`;
    await openAt(page, url);
    const caches = await waitControlled(page);
    assert.equal(caches.length, 1, `one cache: ${caches}`);
    const manifest = await page.evaluate(() => fetch(document.querySelector('link[rel="manifest"]').href).then((r) => r.json()));
    assert.equal(manifest.start_url, './', 'installable: the manifest starts at the page');
    assert.equal(manifest.display, 'standalone');
    assert.ok(manifest.icons.some((i) => i.sizes === 'any' && i.type === 'image/svg+xml'), 'with a scalable icon');
    const stamp = readFileSync(path.join(copy.dir, 'pkg', 'build.js'), 'utf8');
    const hash = stamp.match(/hash: "([^"]+)"/)[1];
    assert.ok(caches[0].endsWith(hash), `the cache is named by the build (${caches[0]} for ${hash})`);

    // The network is gone: the browser is offline and the server is stopped.
    await context.setOffline(true);
    server.closeAllConnections();
    await close(server);
    await page.reload();
    await waitReady(page);
    await paste(page, 0, seed(SEEDS[2]));
    assert.equal(await page.locator('.article input[type="date"]').first().inputValue(), '2016-12-19');
    const markers = await page.locator('.tl-entry').count();
    assert.ok(markers > 3, `timeline drawn offline (${markers} markers)`);
    assert.deepEqual(problems, [], 'no console errors or page errors');
    log(`offline reload: served from ${caches[0]}, ${markers} timeline markers`);
  } finally {
    await context.close();
    if (server.listening) await close(server);
    copy.remove();
  }
});

test('a new build replaces the cache as a whole when the reader reloads', async () => {
  const copy = copyOfPage();
  const server = await serve(copy.dir, 0);
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    const { problems } = record(context, page);
    const url = `http://127.0.0.1:${server.address().port}/`;
    await openAt(page, url);
    const [oldCache] = await waitControlled(page);

    // A new build: another app.js and another wasm, hence another build stamp.
    const stampFile = path.join(copy.dir, 'pkg', 'build.js');
    writeFileSync(stampFile, readFileSync(stampFile, 'utf8').replace(/hash: "([^"]+)"/, 'hash: "0000000000000002"'));
    writeFileSync(path.join(copy.dir, 'app.js'), `${readFileSync(path.join(copy.dir, 'app.js'), 'utf8')}\n// build 2\n`);
    const wasmFile = path.join(copy.dir, 'pkg', 'dateline_bg.wasm');
    const wasm = readFileSync(wasmFile);
    writeFileSync(wasmFile, Buffer.concat([wasm, Buffer.from([0, 2, 1, 0])])); // an empty custom section

    // The old build still runs until the reader takes the update.
    await page.reload();
    await waitReady(page);
    const notice = page.locator('.update-notice');
    await notice.waitFor({ state: 'visible', timeout: 20_000 });
    assert.match(await notice.textContent(), /new version/);
    const servedBefore = await page.evaluate(() => fetch('app.js').then((r) => r.text()));
    assert.ok(!servedBefore.includes('// build 2'), 'the running build is served whole until the update is taken');

    await Promise.all([page.waitForEvent('load'), notice.locator('button').click()]);
    await waitReady(page);
    const caches = await page.evaluate(() => caches.keys());
    assert.deepEqual(caches, [oldCache.replace(/[^-]+$/, '0000000000000002')], 'only the new build is cached');
    const served = await page.evaluate(async () => ({
      app: await fetch('app.js').then((r) => r.text()),
      wasm: (await fetch('pkg/dateline_bg.wasm').then((r) => r.arrayBuffer())).byteLength,
    }));
    assert.ok(served.app.includes('// build 2'), 'the new app.js');
    assert.equal(served.wasm, wasm.length + 4, 'the new wasm beside it');
    await paste(page, 0, seed(SEEDS[0]));
    assert.deepEqual(problems, [], 'no console errors or page errors');
    log(`update: ${oldCache} → ${caches[0]}`);
  } finally {
    await context.close();
    await close(server);
    copy.remove();
  }
});

test('dist/dateline.html works from file:// with no network', async () => {
  const file = path.join(repoRoot, 'dist', 'dateline.html');
  if (!existsSync(file)) throw new Error(`${file} is missing: build it first (scripts/build-single.sh)`);
  const html = readFileSync(file, 'utf8');
  const csp = html.match(/<meta http-equiv="Content-Security-Policy" content="([^"]*)">/)?.[1] ?? '';
  assert.match(csp, /script-src 'sha256-[^']+' 'wasm-unsafe-eval'/, 'inline script allowed by its hash only');
  assert.doesNotMatch(csp, /'unsafe-inline'|'unsafe-eval'|https?:|\*/, `no unsafe source: ${csp}`);
  assert.doesNotMatch(html, /<script[^>]*\ssrc=|<link[^>]*rel="stylesheet"/, 'nothing loaded from beside the file');

  const context = await browser.newContext({ offline: true });
  try {
    const page = await context.newPage();
    const { problems, requests } = record(context, page);
    const violations = [];
    page.on('console', (msg) => {
      if (/Content.Security.Policy/i.test(msg.text())) violations.push(msg.text());
    });
    await openAt(page, pathToFileURL(file).href);
    await paste(page, 0, seed(SEEDS[2]));
    assert.equal(await page.locator('.article input[type="date"]').first().inputValue(), '2016-12-19');
    const starts = await page.locator('.tl-entry').evaluateAll((els) => els.map((e) => e.dataset.start));
    assert.ok(starts.includes('1976') && starts.some((s) => s.startsWith('2016-12-19')),
      `timeline drawn (${starts.join(', ')})`);
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('#export-json').click()]);
    assert.equal(JSON.parse(readFileSync(await download.path(), 'utf8')).schema, 'dateline/1', 'export works');
    // The exporters' module is embedded too: CSV comes from the core, offline, from disk.
    const [csv] = await Promise.all([page.waitForEvent('download'), page.locator('#export-csv').click()]);
    assert.match(readFileSync(await csv.path(), 'utf8'), /1976/, 'the CSV export works from the single file');
    assert.deepEqual(problems, [], 'no console errors or page errors');
    assert.deepEqual(violations, [], 'no CSP violation');
    const urls = assertRequests(requests, (u) => ['file:', 'blob:', 'data:'].includes(u.protocol));
    log(`single file: ${html.length} bytes, ${starts.length} markers, requests: ${[...urls].map((u) => u.split(':')[0]).join(' ')}`);
  } finally {
    await context.close();
  }
});
