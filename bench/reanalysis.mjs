#!/usr/bin/env node
// Re-analysis after an edit, as the page's worker does it: ten articles of about 5,000 words
// analysed together, then one of them edited and the whole story analysed again.
//
//   node bench/reanalysis.mjs [--articles N] [--words N] [--edits N] [--json]
//
// Measured in Node (the V8 the page's worker runs in) on the built page's wasm (www/pkg):
// - first analysis: a fresh `Analyzer` over all articles (what a reload costs);
// - re-analysis: the same `Analyzer` after one article changed (a sentence typed at its end; the
//   edited article moves round the ten), from the request to the JSON bytes the worker transfers;
// - the page's share: `JSON.parse` of those bytes on the page's thread, before it draws.
// The articles are PolNeAR's news texts (../shared/data/polnear/data/dev/text), joined in file
// order until each holds the words asked for.

import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { newsArticles } from './articles.mjs';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const PKG = path.join(REPO, 'www', 'pkg');

function option(name, fallback) {
  const i = process.argv.indexOf(`--${name}`);
  if (i < 0) return fallback;
  const v = Number(process.argv[i + 1]);
  if (!Number.isInteger(v) || v < 1) throw new Error(`--${name} needs a whole number above 0`);
  return v;
}
const ARTICLES = option('articles', 10);
const WORDS = option('words', 5000);
const EDITS = option('edits', 30);
const JSON_OUT = process.argv.includes('--json');

const stats = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return { median: s[Math.floor(s.length / 2)], p90: s[Math.floor(s.length * 0.9)], max: s.at(-1) };
};

const mod = await import(pathToFileURL(path.join(PKG, 'dateline.js')).href);
mod.initSync({ module: fs.readFileSync(path.join(PKG, 'dateline_bg.wasm')) });
const docs = newsArticles(ARTICLES, WORDS)
  .map((text, k) => ({ name: `article ${k + 1}`, text, dct: '2016-11-01', dct_overrides_text: false }));
const words = docs.reduce((n, d) => n + d.text.split(/\s+/).filter(Boolean).length, 0);
const bytes = docs.reduce((n, d) => n + Buffer.byteLength(d.text), 0);

// First analyses: a fresh analyzer each time.
const first = [];
for (let i = 0; i < 5; i += 1) {
  const t0 = performance.now();
  new mod.Analyzer().analyzeJson({ documents: docs });
  first.push(performance.now() - t0);
}

// Re-analyses after an edit.
const analyzer = new mod.Analyzer();
analyzer.analyzeJson({ documents: docs });
const again = [];
const parse = [];
let json = null;
for (let i = 0; i < EDITS; i += 1) {
  const k = i % docs.length;
  docs[k] = { ...docs[k], text: `${docs[k].text}He spoke again on Monday, edit ${i}.` };
  const t0 = performance.now();
  json = analyzer.analyzeJson({ documents: docs });
  again.push(performance.now() - t0);
  if (analyzer.reused() !== docs.length - 1) throw new Error(`expected ${docs.length - 1} articles reused, got ${analyzer.reused()}`);
  const t1 = performance.now();
  JSON.parse(new TextDecoder().decode(json));
  parse.push(performance.now() - t1);
}

const result = {
  articles: docs.length,
  words,
  bytes,
  json_bytes: json.length,
  first_analysis_ms: stats(first),
  reanalysis_ms: stats(again),
  page_parse_ms: stats(parse),
};
result.speedup = result.first_analysis_ms.median / result.reanalysis_ms.median;
if (JSON_OUT) {
  console.log(JSON.stringify(result, null, 2));
} else {
  const f = (s) => `median ${s.median.toFixed(1)} ms, p90 ${s.p90.toFixed(1)}, max ${s.max.toFixed(1)}`;
  console.log(`${docs.length} articles, ${words} words, ${(bytes / 1e6).toFixed(2)} MB of text; analysis JSON ${(json.length / 1e6).toFixed(2)} MB`);
  console.log(`first analysis (fresh Analyzer):      ${f(result.first_analysis_ms)}`);
  console.log(`re-analysis after an edit to one:     ${f(result.reanalysis_ms)}  (${result.speedup.toFixed(1)}× faster)`);
  console.log(`the page's JSON.parse of the result:  ${f(result.page_parse_ms)}`);
}
