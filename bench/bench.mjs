#!/usr/bin/env node
// Throughput and bundle-size benchmark: dateline (Rust → wasm) against chrono-node and
// compromise + compromise-dates, on the same texts in the same run.
//
//   cd bench && npm ci && node bench.mjs            # plain-text (markdown) report
//   node bench.mjs --json                           # machine-readable results on stdout
//
// Progress goes to stderr, the report (or JSON) to stdout. See README.md beside this file.

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath, pathToFileURL } from 'node:url';

const BENCH_DIR = path.dirname(fileURLToPath(import.meta.url));
const REPO_ROOT = path.resolve(BENCH_DIR, '..');
const SHARED_DIR = path.resolve(REPO_ROOT, '..', 'shared');
const TIMEML_DIR = path.join(SHARED_DIR, 'data', 'tempeval3', 'TBAQ-cleaned');
const SEEDS_DIR = path.join(SHARED_DIR, 'seeds');
const WWW_DIR = path.join(REPO_ROOT, 'www');
const DEFAULT_PKG_DIR = path.join(WWW_DIR, 'pkg');
// wasm-pack output measured; `--pkg DIR` points elsewhere (e.g. another build to compare)
let PKG_DIR = DEFAULT_PKG_DIR;
const WASM_FILES = ['dateline.js', 'dateline_bg.wasm'];
const wasmJs = () => path.join(PKG_DIR, 'dateline.js');
const wasmBin = () => path.join(PKG_DIR, 'dateline_bg.wasm');

// The seeds carry no creation time; their story is of 19 December 2016 (shared/README.md).
// dateline gets `dct: null` for them (it reads the dateline in the text, if any); the peers
// need a reference date and get this one (as would any document without a DCT).
const SEED_REFERENCE_DAY = '2016-12-19';

const GZIP_LEVEL = 9;
const MB = 1e6; // throughput is in MB of UTF-8 text per second, 1 MB = 10^6 bytes

// ---------------------------------------------------------------------------------------------
// Options

const USAGE = `usage: node bench.mjs [--json] [--budget SECONDS] [--min-iters N] [--max-iters N] [--skip-dateline] [--pkg DIR]

  --json           print machine-readable results (JSON) instead of the text report
  --budget S       timed passes go on until they add up to S seconds per tool (default 2.5)
  --min-iters N    timed passes over the corpus per tool, at least (default 3)
  --max-iters N    timed passes over the corpus per tool, at most (default 500)
  --skip-dateline  measure the peers only (exit 0 even when www/pkg is not built)
  --pkg DIR        take dateline.js and dateline_bg.wasm from DIR instead of www/pkg`;

function parseArgs(argv) {
  const opts = { json: false, budget: 2.5, minIters: 3, maxIters: 500, skipDateline: false };
  const num = (i, name, min) => {
    const v = Number(argv[i]);
    if (argv[i] === undefined || !Number.isFinite(v) || v < min) fail(`${name} needs a number >= ${min}\n${USAGE}`);
    return v;
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--json') opts.json = true;
    else if (a === '--skip-dateline') opts.skipDateline = true;
    else if (a === '--pkg') {
      if (!argv[i + 1]) fail(`--pkg needs a directory\n${USAGE}`);
      PKG_DIR = path.resolve(argv[++i]);
    }
    else if (a === '--budget') opts.budget = num(++i, a, 0);
    else if (a === '--min-iters') opts.minIters = Math.floor(num(++i, a, 1));
    else if (a === '--max-iters') opts.maxIters = Math.floor(num(++i, a, 1));
    else if (a === '-h' || a === '--help') { console.log(USAGE); process.exit(0); }
    else fail(`unknown argument: ${a}\n${USAGE}`);
  }
  if (opts.maxIters < opts.minIters) opts.maxIters = opts.minIters;
  return opts;
}

function fail(msg) {
  console.error(`bench: ${msg}`);
  process.exit(1);
}

const log = (msg) => process.stderr.write(`${msg}\n`);
const repoRel = (p) => path.relative(REPO_ROOT, p).split(path.sep).join('/');

// ---------------------------------------------------------------------------------------------
// Corpus

const ENTITIES = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const unescapeXml = (s) => s.replace(/&(amp|lt|gt|quot|apos);/g, (_, name) => ENTITIES[name]);
const stripTags = (s) => s.replace(/<[^>]*>/g, '');

function listFiles(dir, keep) {
  const out = [];
  const walk = (d) => {
    for (const entry of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, entry.name);
      if (entry.isDirectory()) walk(p);
      else if (entry.isFile() && keep(p)) out.push(p);
    }
  };
  walk(dir);
  return out.sort();
}

// A TimeML DCT value to the contract's `YYYY-MM-DD` or `YYYY-MM-DDThh:mm` (seconds dropped).
function normaliseDct(value) {
  const m = /^(\d{4}-\d{2}-\d{2})(?:T(\d{2}:\d{2})(?::\d{2}(?:\.\d+)?)?)?$/.exec(value ?? '');
  if (!m) return null;
  return m[2] ? `${m[1]}T${m[2]}` : m[1];
}

function parseTimeml(file) {
  const xml = fs.readFileSync(file, 'utf8');
  const text = /<TEXT>([\s\S]*?)<\/TEXT>/.exec(xml);
  if (!text) throw new Error(`${file}: no <TEXT> element`);
  const dctElem = /<DCT>([\s\S]*?)<\/DCT>/.exec(xml);
  const dctValue = dctElem ? /\bvalue="([^"]*)"/.exec(dctElem[1])?.[1] : undefined;
  return {
    name: path.relative(TIMEML_DIR, file).split(path.sep).join('/'),
    text: unescapeXml(stripTags(text[1])),
    dct: normaliseDct(dctValue),
    goldTimexes: (text[1].match(/<TIMEX3\b/g) ?? []).length,
  };
}

function loadCorpus() {
  for (const [dir, what] of [[TIMEML_DIR, 'TempEval-3 TBAQ-cleaned corpus'], [SEEDS_DIR, 'seed articles']]) {
    if (!fs.existsSync(dir) || !fs.statSync(dir).isDirectory()) {
      fail(`${what} not found at ${dir}\n` +
        `  (the bench reads shared/ beside the repo root: ${SHARED_DIR})`);
    }
  }
  const timemlFiles = listFiles(TIMEML_DIR, (p) => p.endsWith('.tml'));
  if (timemlFiles.length === 0) fail(`no .tml files under ${TIMEML_DIR}`);
  const seedFiles = listFiles(SEEDS_DIR, (p) => !path.basename(p).startsWith('.'));
  if (seedFiles.length === 0) fail(`no seed files in ${SEEDS_DIR}`);

  const docs = timemlFiles.map(parseTimeml);
  for (const f of seedFiles) {
    docs.push({ name: `seeds/${path.basename(f)}`, text: fs.readFileSync(f, 'utf8'), dct: null, goldTimexes: null });
  }
  for (const d of docs) {
    const day = (d.dct ?? SEED_REFERENCE_DAY).slice(0, 10);
    const [y, mo, da] = day.split('-').map(Number);
    const [h, mi] = d.dct && d.dct.length > 10 ? d.dct.slice(11).split(':').map(Number) : [0, 0];
    d.refDate = new Date(Date.UTC(y, mo - 1, da, h, mi)); // chrono's reference instant
    d.today = day; // compromise-dates' reference day
    d.bytes = Buffer.byteLength(d.text, 'utf8');
  }
  const bytes = docs.reduce((s, d) => s + d.bytes, 0);
  return {
    docs,
    documents: docs.length,
    timemlDocuments: timemlFiles.length,
    seedDocuments: seedFiles.length,
    withDct: docs.filter((d) => d.dct).length,
    bytes,
    mb: bytes / MB,
    utf16Units: docs.reduce((s, d) => s + d.text.length, 0),
    goldTimexes: docs.reduce((s, d) => s + (d.goldTimexes ?? 0), 0),
    sources: {
      timeml: path.relative(REPO_ROOT, TIMEML_DIR),
      seeds: path.relative(REPO_ROOT, SEEDS_DIR),
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Tools. Each `run(doc)` analyses one document and returns how many things it found.

// package.json files are read from bench/node_modules directly: the peers' `exports` maps hide them.
function pkgDir(name) {
  const dir = path.join(BENCH_DIR, 'node_modules', name);
  if (!fs.existsSync(path.join(dir, 'package.json'))) fail(`${name} is not installed: run \`npm ci\` in ${BENCH_DIR}`);
  return dir;
}
const pkgJson = (name) => JSON.parse(fs.readFileSync(path.join(pkgDir(name), 'package.json'), 'utf8'));
const pkgVersion = (name) => pkgJson(name).version;

async function chronoTool() {
  const chrono = await import('chrono-node');
  return {
    key: 'chrono',
    label: 'chrono-node `casual.parse`',
    version: pkgVersion('chrono-node'),
    found: 'date/time mentions (results)',
    tolerateErrors: true,
    run: (d) => chrono.casual.parse(d.text, d.refDate).length,
  };
}

async function compromiseTool() {
  const nlp = (await import('compromise')).default;
  const dates = (await import('compromise-dates')).default;
  nlp.plugin(dates);
  return {
    key: 'compromise',
    label: 'compromise + compromise-dates `.dates().json()`',
    version: `${pkgVersion('compromise')} + ${pkgVersion('compromise-dates')}`,
    found: 'dates (matches)',
    tolerateErrors: true,
    // timezone pinned so that the run does not depend on the machine's zone
    run: (d) => nlp(d.text).dates({ today: d.today, timezone: 'UTC' }).json().length,
  };
}

async function datelineTool() {
  const missing = [wasmJs(), wasmBin()].filter((f) => !fs.existsSync(f));
  if (missing.length) {
    return { missing: `dateline wasm not built: ${missing.map(repoRel).join(', ')} not found ` +
      '(build it with `wasm-pack build --target web --release --out-dir www/pkg --out-name dateline`)' };
  }
  const mod = await import(pathToFileURL(wasmJs()).href);
  if (typeof mod.initSync !== 'function' || typeof mod.analyze !== 'function') {
    fail(`${repoRel(wasmJs())} does not export initSync() and analyze() (see docs/CONTRACT.md)`);
  }
  // wasm-bindgen 0.2.129/0.2.130: initSync({ module }) takes the bytes or a WebAssembly.Module
  try {
    mod.initSync({ module: fs.readFileSync(wasmBin()) });
  } catch (e) {
    fail(`loading ${repoRel(wasmBin())} failed: ${String(e?.message ?? e).split('\n')[0]}`);
  }
  const version = typeof mod.version === 'function' ? mod.version() : 'unknown';
  const request = (d) => ({ documents: [{ name: d.name, text: d.text, dct: d.dct, dct_overrides_text: false }] });
  return {
    key: 'dateline',
    label: 'dateline (wasm) `analyze`',
    version,
    found: 'timexes',
    run: (d) => mod.analyze(request(d)).documents[0].timexes.length,
    // The time stage alone (`times`), the like-for-like peer of the date parsers; older builds lack it.
    timesTool: typeof mod.times === 'function' && {
      key: 'datelineTimes',
      label: 'dateline (wasm) `times`: the time stage alone',
      version,
      found: 'timexes',
      run: (d) => mod.times(request(d)).documents[0].timexes.length,
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Timing

// One pass over the corpus. A peer that throws on a document is counted as having found nothing
// there (the time it spent before throwing stays in); dateline throwing stops the bench.
function pass(tool, docs) {
  let found = 0;
  const errors = [];
  const t0 = process.hrtime.bigint();
  for (const d of docs) {
    try {
      found += tool.run(d);
    } catch (e) {
      const message = String(e?.message ?? e).split('\n')[0];
      if (!tool.tolerateErrors) throw new Error(`${tool.key} failed on ${d.name}: ${message}`, { cause: e });
      errors.push({ document: d.name, message });
    }
  }
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  return { seconds, found, errors };
}

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

function measure(tool, corpus, opts) {
  const { docs } = corpus;
  log(`  ${tool.key}: warm-up pass…`);
  try {
    return measureOrThrow(tool, corpus, opts);
  } catch (err) {
    fail(err?.message ?? String(err));
  }
}

function measureOrThrow(tool, corpus, opts) {
  const { docs } = corpus;
  const warm = pass(tool, docs);
  log(`  ${tool.key}: warm-up ${warm.seconds.toFixed(2)} s, found ${warm.found}; timing…`);
  for (const e of warm.errors) log(`  ${tool.key}: threw on ${e.document}: ${e.message}`);
  // Timed passes until the budget is spent: at least minIters, at most maxIters.
  const times = [];
  let spent = 0;
  for (let i = 0; i < opts.minIters || (spent < opts.budget && i < opts.maxIters); i++) {
    if (typeof globalThis.gc === 'function') globalThis.gc();
    const r = pass(tool, docs);
    if (r.found !== warm.found || r.errors.length !== warm.errors.length) fail(`${tool.key} found ${r.found} (${r.errors.length} errors) on pass ${i + 1} ` +
      `but ${warm.found} (${warm.errors.length} errors) on warm-up`);
    times.push(r.seconds);
    spent += r.seconds;
  }
  const iterations = times.length;
  log(`  ${tool.key}: ${iterations} timed passes, median ${fmtSec(median(times))}`);
  const med = median(times);
  return {
    tool: tool.key,
    label: tool.label,
    version: tool.version,
    found: warm.found,
    foundWhat: tool.found,
    errors: warm.errors,
    warmupSeconds: warm.seconds,
    iterations,
    medianSeconds: med,
    minSeconds: Math.min(...times),
    maxSeconds: Math.max(...times),
    mbPerSecond: corpus.mb / med,
    docsPerSecond: docs.length / med,
    times,
  };
}

// ---------------------------------------------------------------------------------------------
// Sizes

const gz = (buf) => zlib.gzipSync(buf, { level: GZIP_LEVEL }).length;

// What the page loads: every file under www/ except test artefacts, source maps, type
// declarations and wasm-pack's by-products (only pkg/dateline.js and pkg/dateline_bg.wasm count).
const PAGE_EXTENSIONS = new Set(['.html', '.htm', '.js', '.mjs', '.css', '.wasm', '.json', '.webmanifest',
  '.svg', '.png', '.ico', '.woff', '.woff2', '.txt']);
const TEST_DIRS = new Set(['test', 'tests', '__tests__', 'e2e', 'test-results', 'playwright-report', 'node_modules', 'coverage']);

function pageFileVerdict(rel) {
  const parts = rel.split('/');
  const base = parts[parts.length - 1];
  if (parts.some((p) => TEST_DIRS.has(p))) return 'test artefact';
  if (/\.(test|spec)\.[cm]?js$/.test(base)) return 'test artefact';
  if (parts.some((p) => p.startsWith('.'))) return 'dot-file';
  if (parts[0] === 'pkg') {
    if (!WASM_FILES.includes(rel.slice(4))) return 'wasm-pack by-product';
    return PKG_DIR === DEFAULT_PKG_DIR ? null : `--pkg ${repoRel(PKG_DIR)} given`;
  }
  if (base.endsWith('.d.ts') || base.endsWith('.map')) return 'not loaded by the page';
  if (base === 'package.json' || base === 'package-lock.json') return 'not loaded by the page';
  if (!PAGE_EXTENSIONS.has(path.extname(base).toLowerCase())) return 'not a page asset';
  return null;
}

function pageSizes() {
  if (!fs.existsSync(WWW_DIR)) return { missing: `${repoRel(WWW_DIR)}/ not found`, files: [], skipped: [], missingWasm: [] };
  const files = [];
  const skipped = [];
  const measure = (abs) => {
    const buf = fs.readFileSync(abs);
    files.push({ file: repoRel(abs), bytes: buf.length, gzipBytes: gz(buf) });
  };
  for (const abs of listFiles(WWW_DIR, () => true)) {
    const rel = path.relative(WWW_DIR, abs).split(path.sep).join('/');
    const why = pageFileVerdict(rel);
    if (why) skipped.push({ file: repoRel(abs), why });
    else measure(abs);
  }
  const wasm = WASM_FILES.map((f) => path.join(PKG_DIR, f));
  if (PKG_DIR !== DEFAULT_PKG_DIR) for (const f of wasm) if (fs.existsSync(f)) measure(f);
  return {
    files,
    skipped,
    missingWasm: wasm.filter((f) => !fs.existsSync(f)).map(repoRel),
    bytes: files.reduce((s, f) => s + f.bytes, 0),
    gzipBytes: files.reduce((s, f) => s + f.gzipBytes, 0),
  };
}

// Relative ES-module imports reachable from an entry file (tsc output: static import/export only).
function esmGraph(entry) {
  const seen = new Set();
  const stack = [entry];
  while (stack.length) {
    const f = stack.pop();
    if (seen.has(f)) continue;
    seen.add(f);
    const src = fs.readFileSync(f, 'utf8');
    for (const m of src.matchAll(/\b(?:import|export)\s[^;]*?\bfrom\s*["']([^"']+)["']|\bimport\s*["']([^"']+)["']/g)) {
      const spec = m[1] ?? m[2];
      if (!spec.startsWith('.')) throw new Error(`${f}: bare import ${spec} not followed`);
      stack.push(path.resolve(path.dirname(f), spec));
    }
  }
  return [...seen].sort();
}

function peerBundles() {
  const rel = (p) => path.relative(BENCH_DIR, p).split(path.sep).join('/');
  const one = (file) => {
    const buf = fs.readFileSync(file);
    return { file: rel(file), bytes: buf.length, gzipBytes: gz(buf) };
  };
  const bundles = [];

  // chrono-node 2.x publishes no browser bundle, only tsc's ES modules (dist/esm) and CommonJS
  // (dist/cjs). Measured: the ES modules reachable from the English entry (`chrono-node/en`,
  // which provides `casual`), concatenated as a bundler would and gzipped together,
  // unminified. Also, for scale, the same for the package's main entry (all 16 locales).
  const chronoDir = pkgDir('chrono-node');
  const chronoPkg = pkgJson('chrono-node');
  const chronoBrowser = chronoPkg.unpkg ?? chronoPkg.jsdelivr ?? (typeof chronoPkg.browser === 'string' ? chronoPkg.browser : null);
  if (chronoBrowser) {
    bundles.push({ peer: 'chrono-node', version: chronoPkg.version, what: 'published browser bundle',
      files: [one(path.join(chronoDir, chronoBrowser))] });
  } else {
    for (const [entry, what] of [
      ['dist/esm/locales/en/index.js', 'English entry `chrono-node/en`: ES modules it imports, concatenated, unminified (no browser bundle is published)'],
      ['dist/esm/index.js', 'main entry, all locales: ES modules it imports, concatenated, unminified'],
    ]) {
      const graph = esmGraph(path.join(chronoDir, entry));
      const buf = Buffer.concat(graph.map((f) => fs.readFileSync(f)));
      bundles.push({
        peer: 'chrono-node', version: chronoPkg.version, what, primary: entry.includes('/en/'),
        files: [{ file: `${rel(path.join(chronoDir, entry))} + ${graph.length - 1} modules it imports`,
          modules: graph.length, bytes: buf.length, gzipBytes: gz(buf) }],
      });
    }
  }

  // compromise and compromise-dates publish minified UMD builds (their `unpkg` files).
  const compromiseFiles = ['compromise', 'compromise-dates'].map((name) => {
    const p = pkgJson(name);
    if (!p.unpkg) throw new Error(`${name}: package.json has no unpkg build`);
    return one(path.join(pkgDir(name), p.unpkg));
  });
  bundles.push({ peer: 'compromise + compromise-dates',
    version: `${pkgVersion('compromise')} + ${pkgVersion('compromise-dates')}`,
    what: 'published minified browser builds (package.json `unpkg`), loaded together', primary: true,
    files: compromiseFiles });
  if (!bundles.some((b) => b.peer === 'chrono-node' && b.primary)) bundles[0].primary = true;

  for (const b of bundles) {
    b.bytes = b.files.reduce((s, f) => s + f.bytes, 0);
    b.gzipBytes = b.files.reduce((s, f) => s + f.gzipBytes, 0);
  }
  return bundles;
}

// ---------------------------------------------------------------------------------------------
// Report

const kB = (n) => `${(n / 1000).toFixed(1)} kB`;
const fmtSec = (x) => (x < 1 ? `${(x * 1000).toFixed(x < 0.01 ? 2 : 1)} ms` : `${x.toFixed(2)} s`);
const fmtInt = (n) => n.toLocaleString('en-US');
const ratio = (a, b) => (a && b ? a / b : null);
const fmtRatio = (r) => (r == null ? 'n/a' : r >= 10 ? `${r.toFixed(0)}×` : `${r.toFixed(2)}×`);
const fmtMbps = (x) => (x >= 1 ? x.toFixed(2) : x >= 0.1 ? x.toFixed(3) : x.toPrecision(2));

function table(header, rows, align) {
  const lines = [`| ${header.join(' | ')} |`, `|${header.map((_, i) => (align?.[i] === 'r' ? '---:' : '---')).join('|')}|`];
  for (const r of rows) lines.push(`| ${r.join(' | ')} |`);
  return lines.join('\n');
}

function textReport(res) {
  const out = [];
  const c = res.corpus;
  out.push('## Benchmark');
  out.push('');
  out.push(`Machine: ${res.environment.cpu}, Node ${res.environment.node} (${res.environment.platform}), ` +
    `one thread; ${res.date.slice(0, 10)}; load average ${res.environment.loadAverageBefore.toFixed(2)} before, ` +
    `${res.environment.loadAverageAfter.toFixed(2)} after.`);
  out.push(`Corpus: ${fmtInt(c.documents)} documents, ${c.mb.toFixed(2)} MB of UTF-8 text ` +
    `(${fmtInt(c.timemlDocuments)} TempEval-3 TBAQ-cleaned articles, text of \`<TEXT>\` with tags stripped, ` +
    `${fmtInt(c.withDct)} with a creation time; plus the ${c.seedDocuments} seed articles). ` +
    `Gold TIMEX3 annotations in those texts: ${fmtInt(c.goldTimexes)}.`);
  out.push('');
  out.push('### Throughput');
  out.push('');
  const rows = res.throughput.map((t) => [
    t.label, t.version, `${fmtMbps(t.mbPerSecond)}`, fmtSec(t.medianSeconds),
    `${fmtSec(t.minSeconds)} – ${fmtSec(t.maxSeconds)}`, `${t.iterations}`,
    `${fmtInt(t.found)} ${t.foundWhat}${t.errors.length ? ` (threw on ${t.errors.length} document${t.errors.length > 1 ? 's' : ''})` : ''}`,
  ]);
  out.push(table(['tool', 'version', 'MB/s', 'median pass', 'min–max', 'passes', 'found'], rows,
    ['l', 'l', 'r', 'r', 'r', 'r', 'l']));
  out.push('');
  if (res.dateline.missing) {
    out.push(`dateline: not measured — ${res.dateline.missing}.`);
  } else {
    const vs = (r, peer) => `dateline / ${peer} throughput: ${r.toPrecision(2)} ` +
      (r >= 1 ? `(dateline is ${fmtRatio(r)} faster)` : `(${peer} is ${fmtRatio(1 / r)} faster)`);
    out.push(`${vs(res.ratios.datelineVsChrono, 'chrono-node')}; ` +
      `${vs(res.ratios.datelineVsCompromise, 'compromise + compromise-dates')}.`);
    if (res.ratios.datelineTimesVsChrono != null) {
      out.push(`The time stage alone (\`times\`): ${vs(res.ratios.datelineTimesVsChrono, 'chrono-node').replace('dateline /', 'dateline times /')}.`);
    }
  }
  out.push('');
  out.push('Each tool analyses each document separately (dateline: `analyze({documents: [one]})`, ' +
    'creation time from the TimeML DCT, `null` for the seeds; chrono: `casual.parse(text, dct)`; ' +
    'compromise: `nlp(text).dates({today: dct, timezone: "UTC"}).json()`; the seeds\' reference day ' +
    `is ${SEED_REFERENCE_DAY}). One warm-up pass over the whole corpus, then timed passes; MB/s is the ` +
    'corpus size over the median pass. "found" counts what each tool reports, not what is right: ' +
    'the tools find different things (dateline: TIMEX3 dates, times, durations and sets; chrono: ' +
    'dates and times; compromise-dates: dates).');
  for (const t of res.throughput.filter((x) => x.errors.length)) {
    const first = t.errors.slice(0, 3).map((e) => `\`${e.document}\``).join(', ');
    out.push('');
    out.push(`${t.tool} threw on ${t.errors.length} of ${fmtInt(c.documents)} documents (${first}` +
      `${t.errors.length > 3 ? ', …' : ''}: "${t.errors[0].message}"); those count as finding nothing, ` +
      'their time up to the throw is included.');
  }
  out.push('');
  out.push('### Download size (gzip -9)');
  out.push('');
  const p = res.sizes.page;
  if (p.missing) {
    out.push(`The page: not measured — ${p.missing}.`);
  } else {
    const prow = p.files.map((f) => [`\`${f.file}\``, fmtInt(f.bytes), kB(f.gzipBytes)]);
    prow.push(['**dateline page, total**', `**${fmtInt(p.bytes)}**`, `**${kB(p.gzipBytes)}**`]);
    out.push(table(['file', 'bytes', 'gzipped'], prow, ['l', 'r', 'r']));
    if (p.missingWasm.length) out.push(`\nNot built yet, so not counted: ${p.missingWasm.map((f) => `\`${f}\``).join(', ')}.`);
    if (p.skipped.length) out.push(`\nNot counted: ${p.skipped.map((s) => `\`${s.file}\` (${s.why})`).join(', ')}.`);
  }
  out.push('');
  const brow = res.sizes.peers.map((b) => [
    `${b.peer} ${b.version}${b.primary ? '' : ' (all locales)'}`,
    b.files.map((f) => `\`${f.file}\``).join(' + '), fmtInt(b.bytes), kB(b.gzipBytes),
  ]);
  out.push(table(['peer', 'files (from node_modules)', 'bytes', 'gzipped'], brow, ['l', 'l', 'r', 'r']));
  out.push('');
  for (const b of res.sizes.peers) out.push(`- ${b.peer}: ${b.what}.`);
  if (!p.missing && p.gzipBytes && p.missingWasm.length === 0) {
    const prim = res.sizes.peers.filter((b) => b.primary);
    out.push('');
    out.push(`The whole dateline page, gzipped, is ${prim.map((b) => `${fmtRatio(p.gzipBytes / b.gzipBytes)} the size of ${b.peer}`).join(' and ')} ` +
      '(the page total includes its HTML, CSS and scripts; the peers\' figures are the library alone).');
  }
  return out.join('\n');
}

// ---------------------------------------------------------------------------------------------

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  for (const name of ['chrono-node', 'compromise', 'compromise-dates']) pkgDir(name);
  const corpus = loadCorpus();
  const loadBefore = os.loadavg()[0];
  if (loadBefore > 1.5) log(`warning: load average is ${loadBefore.toFixed(2)} on ${os.cpus().length} cores: other work will slow the timings`);
  log(`corpus: ${corpus.documents} documents (${corpus.timemlDocuments} TimeML + ${corpus.seedDocuments} seeds), ` +
    `${corpus.mb.toFixed(2)} MB UTF-8`);

  const tools = [];
  let dateline = { missing: 'skipped (--skip-dateline)' };
  if (!opts.skipDateline) {
    dateline = await datelineTool();
    if (dateline.missing) log(`warning: ${dateline.missing}`);
    else tools.push(dateline, ...(dateline.timesTool ? [dateline.timesTool] : []));
  }
  tools.push(await chronoTool(), await compromiseTool());

  log('timing (one thread, documents one at a time):');
  const throughput = tools.map((t) => measure(t, corpus, opts));
  const by = Object.fromEntries(throughput.map((t) => [t.tool, t]));

  const res = {
    schema: 'dateline-bench/1',
    date: new Date().toISOString(),
    environment: {
      node: process.versions.node, v8: process.versions.v8, platform: `${process.platform}-${process.arch}`,
      cpu: os.cpus()[0]?.model?.trim() ?? 'unknown cpu', cores: os.cpus().length,
      loadAverageBefore: loadBefore, loadAverageAfter: os.loadavg()[0],
    },
    options: { budgetSeconds: opts.budget, minIters: opts.minIters, maxIters: opts.maxIters, gzipLevel: GZIP_LEVEL },
    corpus: { ...corpus, docs: undefined },
    dateline: dateline.missing ? { missing: dateline.missing } : { version: dateline.version, wasm: repoRel(wasmBin()) },
    throughput,
    ratios: {
      datelineVsChrono: ratio(by.dateline?.mbPerSecond, by.chrono?.mbPerSecond),
      datelineVsCompromise: ratio(by.dateline?.mbPerSecond, by.compromise?.mbPerSecond),
      datelineTimesVsChrono: ratio(by.datelineTimes?.mbPerSecond, by.chrono?.mbPerSecond),
    },
    sizes: { page: pageSizes(), peers: peerBundles() },
  };

  if (opts.json) console.log(JSON.stringify(res, null, 2));
  else console.log(textReport(res));

  if (dateline.missing && !opts.skipDateline) {
    log('bench: dateline was not measured (wasm not built); exiting 2');
    process.exit(2);
  }
}

main().catch((err) => fail(err?.stack ?? String(err)));
