#!/usr/bin/env node
// A tiny static file server for the dateline page: no dependencies, localhost only.
//
//   node scripts/serve.mjs [dir=www] [port=8080]
//
// Also importable: `const server = await serve('www', 0)` (port 0 picks a free port; read it
// back from `server.address().port`). The browser end-to-end tests use it that way.

import { createServer } from 'node:http';
import { open, stat } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const MIME = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
};

/** The MIME type served for `file`, by extension. */
export function mimeType(file) {
  return MIME[path.extname(file).toLowerCase()] || 'application/octet-stream';
}

/**
 * Map a request path to a file under `root`, or null when it would leave `root`
 * (`..`, encoded separators, NUL bytes, malformed escapes).
 */
export function resolveRequest(root, urlPath) {
  let decoded;
  try {
    decoded = decodeURIComponent(urlPath.split('?')[0].split('#')[0]);
  } catch {
    return null;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return null;
  if (decoded.split('/').includes('..')) return null;
  if (decoded.endsWith('/')) decoded += 'index.html';
  const file = path.resolve(root, '.' + path.posix.normalize('/' + decoded));
  if (file !== root && !file.startsWith(root + path.sep)) return null;
  return file;
}

function send(res, status, body, headers = {}) {
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-cache', ...headers });
  res.end(body);
}

async function handle(root, req, res) {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    send(res, 405, 'method not allowed\n', { Allow: 'GET, HEAD' });
    return;
  }
  const file = resolveRequest(root, req.url || '/');
  if (!file) {
    send(res, 404, 'not found\n');
    return;
  }
  let fh;
  try {
    fh = await open(file, 'r');
    const info = await fh.stat();
    if (!info.isFile()) {
      send(res, 404, 'not found\n');
      return;
    }
    res.writeHead(200, {
      'Content-Type': mimeType(file),
      'Content-Length': info.size,
      'Cache-Control': 'no-cache',
      'X-Content-Type-Options': 'nosniff',
    });
    if (req.method === 'HEAD') {
      res.end();
      return;
    }
    const body = await fh.readFile();
    res.end(body);
  } catch {
    if (!res.headersSent) send(res, 404, 'not found\n');
    else res.destroy();
  } finally {
    await fh?.close();
  }
}

/** Serve `dir` on 127.0.0.1:`port`; resolves to the listening http.Server. */
export async function serve(dir = 'www', port = 8080) {
  const root = path.resolve(dir);
  const info = await stat(root).catch(() => null);
  if (!info?.isDirectory()) throw new Error(`dateline: ${dir} is not a directory`);
  const server = createServer((req, res) => {
    handle(root, req, res).catch(() => res.destroy());
  });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(Number(port), '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  return server;
}

const isMain = process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href;
if (isMain) {
  const [dir = 'www', port = '8080'] = process.argv.slice(2);
  try {
    const server = await serve(dir, port);
    const shown = path.relative(process.cwd(), path.resolve(dir)) || '.';
    console.log(`dateline: serving ${shown}/ on http://localhost:${server.address().port}`);
  } catch (err) {
    console.error(err.message);
    process.exit(1);
  }
}
