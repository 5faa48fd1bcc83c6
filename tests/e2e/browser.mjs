// Helpers shared by the offline, persistence and robustness browser tests: Chromium, the seeds,
// a recorded page (console errors, page errors, every request), waiting for an analysis.

import assert from 'node:assert/strict';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const www = process.env.DATELINE_WWW ? path.resolve(process.env.DATELINE_WWW) : path.join(repoRoot, 'www');
export const SEEDS = ['000_9e564b1e3b2a1e75.txt', '003_ad26fecc2024d8bc.txt', '004_51a7731db1c5ae50.txt'];
export const ANALYSIS_TIMEOUT = 30_000;

export const LAUNCH_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
  '--disable-component-update', '--no-first-run', '--disable-sync', '--disable-quic'];

/** The text of a seed article from ../shared/seeds (fails loudly when it is missing). */
export function seed(name) {
  const file = path.resolve(repoRoot, '../shared/seeds', name);
  if (!existsSync(file)) {
    throw new Error(`seed article missing: ${file} (the tests expect the shared/ folder beside the repository)`);
  }
  return readFileSync(file, 'utf8');
}

export function log(line) {
  console.log(`e2e: ${line}`);
}

function executablePath() {
  const exe = process.env.CHROMIUM || '/usr/bin/chromium';
  if (!existsSync(exe)) throw new Error(`no Chromium at ${exe} (set CHROMIUM=/path/to/chromium)`);
  return exe;
}

/** A headless Chromium. */
export function launch() {
  return chromium.launch({ executablePath: executablePath(), args: LAUNCH_ARGS });
}

/** A browser context whose profile lives in `userDataDir` (so storage survives closing it). */
export function launchProfile(userDataDir, options = {}) {
  return chromium.launchPersistentContext(userDataDir, {
    executablePath: executablePath(), args: LAUNCH_ARGS, viewport: { width: 1280, height: 900 }, ...options,
  });
}

/** Fail unless the built page is there. */
export function requireBuiltPage(dir = www) {
  const pkg = path.join(dir, 'pkg', 'dateline.js');
  if (!existsSync(pkg)) throw new Error(`${pkg} is missing: build the page first (scripts/build-wasm.sh)`);
}

/** A temporary copy of the built page, removed by the returned `remove()`. */
export function copyOfPage() {
  requireBuiltPage();
  const dir = mkdtempSync(path.join(os.tmpdir(), 'dateline-www-'));
  cpSync(www, dir, { recursive: true });
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Record console errors, page errors and every request (the workers' too) of `context`'s pages. */
export function record(context, page) {
  const problems = [];
  const requests = [];
  const watch = (p) => {
    p.on('console', (msg) => {
      if (msg.type() === 'error') problems.push(`console error: ${msg.text()}`);
    });
    p.on('pageerror', (err) => problems.push(`page error: ${err.message}`));
  };
  watch(page);
  context.on('page', watch);
  context.on('request', (req) => requests.push(req.url()));
  return { problems, requests };
}

/** Go to `url` and wait until the analyzer is loaded and the saved articles are back. */
export async function openAt(page, url) {
  await page.goto(url);
  await waitReady(page);
}

export async function waitReady(page) {
  await page.waitForFunction(() => document.getElementById('status')?.dataset.ready
    && document.getElementById('status')?.dataset.loaded, null, { timeout: ANALYSIS_TIMEOUT });
  if (await page.locator('#status').getAttribute('data-ready') !== 'true') {
    throw new Error(`the page could not load the analyzer: ${await page.locator('#status-text').textContent()}`);
  }
}

/** Wait until the last change has been analysed and shown; fail with the status line if not ok. */
export async function waitForAnalysis(page, timeout = ANALYSIS_TIMEOUT) {
  await page.waitForFunction(() => document.getElementById('status')?.dataset.pending === 'false',
    null, { timeout });
  const kind = await page.locator('#status').getAttribute('data-kind');
  assert.equal(kind, 'ok', `analysis failed: ${await page.locator('#status-text').textContent()}`);
}

/** Put `text` in article panel `index` as a paste would, then wait for its analysis. */
export async function paste(page, index, text) {
  await page.locator('.article textarea').nth(index).fill(text);
  await waitForAnalysis(page);
}

/**
 * Replace article `index`'s text with `text` as one paste does (one insertion, one input event),
 * without the keyboard: any string, lone surrogates included, and megabytes at once.
 */
export async function pasteText(page, index, text) {
  await page.locator('.article textarea').nth(index).evaluate((el, value) => {
    el.focus();
    el.setRangeText(value, 0, el.value.length, 'end');
    el.dispatchEvent(new Event('input', { bubbles: true }));
  }, text);
}

/** Wait until the last save reached the browser's storage. */
export async function waitSaved(page) {
  await page.waitForFunction(() => document.getElementById('status')?.dataset.saved === 'true',
    null, { timeout: ANALYSIS_TIMEOUT });
}

/** Every request went to `allowed(url)`; returns the distinct URLs. */
export function assertRequests(requests, allowed) {
  for (const url of requests) assert.ok(allowed(new URL(url)), `request that leaves the page: ${url}`);
  return new Set(requests);
}
