// How fast the page's timeline view draws and zooms with many events, in headless Chromium.
//
//   scripts/build-wasm.sh && npm ci && node bench/timeline.mjs [--events N] [--runs N] [--json]
//
// The page (www/) is served locally; a synthetic analysis of N events (default 2,000: background
// years, months and days from 1950 on, and a story day of minute, part-of-day and day entries,
// in three articles) is handed straight to the page's renderTimeline, so only drawing is timed,
// not analysis. Reported, as medians over the runs:
//   - draw: one renderTimeline call (both axes, row packing, labels), synchronous;
//   - zoom step: a Zoom-in click on the focus axis until the frame after its redraw;
//   - story day: the "Story day" button, likewise;
//   - markers: how many were drawn, and whether any two overlap (bounding boxes).
// Needs a Chromium (CHROMIUM=/path, default /usr/bin/chromium).

import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { serve } from '../scripts/serve.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const opt = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};
const N = opt('--events', 2000);
const RUNS = opt('--runs', 7);
const JSON_OUT = args.includes('--json');

/** A synthetic analysis in the `dateline/1` shape, seeded so every run draws the same thing. */
function synthetic(n) {
  let seed = 42;
  const rnd = () => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return seed / 2 ** 31;
  };
  const words = ['ambassador', 'shot', 'talks', 'Moscow', 'gallery', 'entered', 'service', 'appointed', 'Ankara',
    'minister', 'meeting', 'attack', 'killed', 'announced', 'delivered', 'flight', 'contract', 'signed'];
  const label = () => Array.from({ length: 3 + Math.floor(rnd() * 5) }, () => words[Math.floor(rnd() * words.length)]).join(' ');
  const pad = (x) => String(x).padStart(2, '0');
  const timeline = [];
  for (let i = 0; i < n; i += 1) {
    const doc = `d${1 + (i % 3)}`;
    const r = rnd();
    let start;
    let end;
    let granularity;
    if (r < 0.25) {
      start = String(1950 + Math.floor(rnd() * 66));
      end = start;
      granularity = 'year';
    } else if (r < 0.45) {
      start = `${2000 + Math.floor(rnd() * 16)}-${pad(1 + Math.floor(rnd() * 12))}`;
      end = start;
      granularity = 'month';
    } else if (r < 0.6) {
      start = `2016-${pad(1 + Math.floor(rnd() * 12))}-${pad(1 + Math.floor(rnd() * 28))}`;
      end = start;
      granularity = 'day';
    } else if (r < 0.85) {
      const h = Math.floor(rnd() * 24);
      const m = Math.floor(rnd() * 60);
      start = `2016-12-19T${pad(h)}:${pad(m)}`;
      end = start;
      granularity = 'minute';
    } else {
      const [from, to] = [['06:00', '11:59'], ['12:00', '17:59'], ['18:00', '21:59']][Math.floor(rnd() * 3)];
      start = `2016-12-19T${from}`;
      end = `2016-12-19T${to}`;
      granularity = 'part_of_day';
    }
    timeline.push({
      start, end, granularity, label: label(), value: start, timexes: [],
      events: [{ document: doc, event: `v${i + 1}` }], class: 'attack',
      group: start < '2016-12-19' ? 'background' : 'story', uncertain: rnd() < 0.2,
    });
  }
  timeline.sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : 0));
  return { schema: 'dateline/1', documents: [], timeline, warnings: [] };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function main() {
  if (!existsSync(path.join(root, 'www', 'timeline.js'))) throw new Error('www/timeline.js is missing');
  const server = await serve(path.join(root, 'www'), 0);
  const url = `http://127.0.0.1:${server.address().port}/`;
  const executablePath = process.env.CHROMIUM || '/usr/bin/chromium';
  if (!existsSync(executablePath)) throw new Error(`no Chromium at ${executablePath} (set CHROMIUM=/path/to/chromium)`);
  const browser = await chromium.launch({ executablePath, args: ['--headless', '--no-sandbox', '--disable-gpu'] });
  try {
    const page = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
    await page.goto(url);
    const result = await page.evaluate(async ({ analysis, runs }) => {
      const { renderTimeline, createTooltip } = await import('./timeline.js');
      const host = document.getElementById('timeline');
      const tooltip = createTooltip(document.getElementById('timeline-wrap'));
      const docs = new Map(['d1', 'd2', 'd3'].map((id, i) => [id, {
        name: id, color: ['#2563eb', '#d97706', '#059669'][i], text: '', sentences: [],
        timexes: new Map(), events: new Map(),
      }]));
      const frame = () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
      const draw = [];
      const zoom = [];
      const snap = [];
      for (let r = 0; r < runs; r += 1) {
        let t = performance.now();
        renderTimeline(host, analysis, { docs, tooltip, onActivate: () => {} });
        draw.push(performance.now() - t);
        await frame();
        const focus = document.getElementById('tl-focus');
        t = performance.now();
        focus.querySelector('button[aria-label="Zoom in"]').click();
        await frame();
        zoom.push(performance.now() - t);
        t = performance.now();
        focus.querySelector('button[aria-label="Zoom to the story day"]').click();
        await frame();
        snap.push(performance.now() - t);
      }
      // Markers drawn, and overlaps by bounding box within each axis.
      renderTimeline(host, analysis, { docs, tooltip, onActivate: () => {} });
      await frame();
      let markers = 0;
      let overlaps = 0;
      for (const section of host.querySelectorAll('.tl-section')) {
        const boxes = [...section.querySelectorAll('.tl-entry, .tl-cluster')].map((e) => e.getBoundingClientRect());
        markers += boxes.length;
        boxes.sort((a, b) => a.top - b.top || a.left - b.left);
        for (let i = 0; i < boxes.length; i += 1) {
          for (let j = i + 1; j < boxes.length && boxes[j].top < boxes[i].bottom; j += 1) {
            const [a, b] = [boxes[i], boxes[j]];
            if (Math.min(a.right, b.right) - Math.max(a.left, b.left) > 0.5 && Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top) > 0.5) overlaps += 1;
          }
        }
      }
      return { draw, zoom, snap, markers, overlaps };
    }, { analysis: synthetic(N), runs: RUNS });
    const out = {
      events: N,
      runs: RUNS,
      draw_ms: +median(result.draw).toFixed(1),
      zoom_step_ms: +median(result.zoom).toFixed(1),
      story_day_ms: +median(result.snap).toFixed(1),
      markers_drawn: result.markers,
      overlapping_pairs: result.overlaps,
      chromium: browser.version(),
    };
    if (JSON_OUT) console.log(JSON.stringify(out, null, 2));
    else {
      console.log(`timeline view, ${N} events, median of ${RUNS} runs (Chromium ${out.chromium}, headless)`);
      console.log(`  draw (both axes):        ${out.draw_ms} ms`);
      console.log(`  zoom step (to next frame): ${out.zoom_step_ms} ms`);
      console.log(`  story day (to next frame): ${out.story_day_ms} ms`);
      console.log(`  markers drawn: ${out.markers_drawn}, overlapping pairs: ${out.overlapping_pairs}`);
    }
    if (result.overlaps > 0) process.exitCode = 1;
  } finally {
    await browser.close();
    await new Promise((resolve) => server.close(resolve));
  }
}

main().catch((err) => {
  console.error(`timeline bench: ${err.message}`);
  process.exit(2);
});
