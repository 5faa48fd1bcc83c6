// scripts/serve.mjs: MIME types, no-cache, index for "/", no way out of the served folder.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { serve } from '../../scripts/serve.mjs';

let dir;
let server;

before(async () => {
  const base = await mkdtemp(path.join(os.tmpdir(), 'dateline-serve-'));
  dir = path.join(base, 'www');
  await mkdir(path.join(dir, 'pkg'), { recursive: true });
  await writeFile(path.join(base, 'secret.txt'), 'outside');
  await writeFile(path.join(dir, 'index.html'), '<!doctype html><title>t</title>');
  await writeFile(path.join(dir, 'app.js'), 'export {};');
  await writeFile(path.join(dir, 'pkg', 'x.wasm'), Buffer.from([0, 97, 115, 109]));
  server = await serve(dir, 0);
});

after(async () => {
  await new Promise((resolve) => server.close(resolve));
  await rm(path.dirname(dir), { recursive: true, force: true });
});

/** GET a raw path (not normalised by a URL parser). */
function get(rawPath) {
  return new Promise((resolve, reject) => {
    http.get({ host: '127.0.0.1', port: server.address().port, path: rawPath }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks).toString() }));
    }).on('error', reject);
  });
}

test('serves files with their MIME type and no-cache', async () => {
  const index = await get('/');
  assert.equal(index.status, 200);
  assert.match(index.headers['content-type'], /^text\/html/);
  assert.equal(index.headers['cache-control'], 'no-cache');
  assert.match((await get('/app.js')).headers['content-type'], /^text\/javascript/);
  assert.equal((await get('/pkg/x.wasm')).headers['content-type'], 'application/wasm');
  assert.equal((await get('/app.js?v=1')).status, 200);
});

test('refuses to leave the served folder', async () => {
  for (const p of ['/../secret.txt', '/%2e%2e/secret.txt', '/..%2fsecret.txt', '/pkg/../../secret.txt',
    '/%2e%2e%5csecret.txt', '/%00', '/%E0%A4%A', '/missing.js', '/pkg']) {
    const res = await get(p);
    assert.equal(res.status, 404, p);
    assert.doesNotMatch(res.body, /outside/, p);
  }
});
