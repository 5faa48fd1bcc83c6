// Any input: hostile strings analyse and show as text (nothing runs, nothing is fetched, exports
// stay valid), pasted HTML becomes plain text with a note, an article over the size limit is kept
// but not analysed, a 2 MB paste keeps typing responsive (input latency measured and reported),
// a new edit cancels the run in flight, and a crash of the analyzer restarts it keeping the text.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync, renameSync } from 'node:fs';
import path from 'node:path';
import { serve } from '../../scripts/serve.mjs';
import {
  copyOfPage, launch, log, openAt, pasteText, record, requireBuiltPage, seed, SEEDS, waitForAnalysis, www,
} from './browser.mjs';
import { HOSTILE, HOSTILE_HTML } from './hostile-strings.mjs';

let browser;
let server;
let url;

before(async () => {
  requireBuiltPage();
  browser = await launch();
  server = await serve(www, 0);
  url = `http://127.0.0.1:${server.address().port}/`;
});

after(async () => {
  await browser?.close();
  await new Promise((resolve) => server.close(resolve));
});

async function openPage() {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const recorded = record(context, page);
  await openAt(page, url);
  return { context, page, ...recorded };
}

/** The page's own files: the only URLs it may request. */
function assertOwnFiles(requests) {
  const own = /^\/(|index\.html|[a-z]+\.(js|css|svg|webmanifest)|pkg\/(dateline\.js|dateline_bg\.wasm|build\.js))$/;
  for (const raw of requests) {
    const u = new URL(raw);
    assert.equal(u.origin, new URL(url).origin, `request to another origin: ${raw}`);
    assert.match(u.pathname, own, `request for something the page does not have: ${raw}`);
  }
}

/** Nothing ran and no element came from the text: the DOM holds only what the page makes. */
async function assertInert(page) {
  assert.equal(await page.evaluate(() => typeof window.__pwned), 'undefined', 'a payload ran');
  const made = await page.evaluate(() => document.querySelectorAll(
    'img, iframe, object, embed, base, meta[http-equiv="refresh"], .articles style, .articles a, .articles b, '
    + '.annotated *:not(mark):not(span.dateline):not(span.quote):not(span.source):not(span.hedged), '
    + 'script:not([src="app.js"])').length);
  assert.equal(made, 0, 'elements made from pasted text');
}

/**
 * The exports the page offers, each with a check of what it wrote for the hostile articles.
 * (Another format is one more entry: its button and what its file must satisfy.)
 */
const EXPORTS = [
  {
    button: '#export-json',
    check(content, cases) {
      const json = JSON.parse(content); // valid JSON whatever the names and texts held
      assert.equal(json.schema, 'dateline/1');
      // Names are written as given (lone surrogates become U+FFFD on the way into the core).
      const wellFormed = (s) => s.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');
      assert.deepEqual(json.documents.map((d) => d.name), cases.map((c) => wellFormed(c.name)));
    },
  },
  {
    button: '#export-csv',
    check(content) {
      // Every cell that a spreadsheet would read as a formula is defused with a leading quote.
      const cells = [];
      let cell = '';
      let quoted = false;
      for (let i = 0; i < content.length; i += 1) {
        const c = content[i];
        if (quoted) {
          if (c === '"' && content[i + 1] === '"') { cell += '"'; i += 1; } else if (c === '"') quoted = false;
          else cell += c;
        } else if (c === '"') quoted = true;
        else if (c === ',' || c === '\n') { cells.push(cell); cell = ''; } else if (c !== '\r') cell += c;
      }
      cells.push(cell);
      assert.ok(cells.length > 10, 'the CSV has cells');
      for (const value of cells) {
        assert.ok(!/^[=+\-@\t\r]/.test(value), `CSV cell begins like a formula: ${JSON.stringify(value.slice(0, 40))}`);
      }
    },
  },
];

test('hostile strings: nothing runs, highlights land on the right characters, exports stay valid', async () => {
  const { context, page, problems, requests } = await openPage();
  try {
    for (let i = 0; i < HOSTILE.length; i += 1) {
      if (i > 0) await page.locator('#add-article').click();
      await page.locator('.article .article-name').nth(i).fill(HOSTILE[i].name);
      await pasteText(page, i, HOSTILE[i].text);
      await waitForAnalysis(page);
    }
    // Hover every highlight and marker once: titles and tooltips carry text too.
    await page.locator('.tl-entry').first().hover();
    for (let i = 0; i < HOSTILE.length; i += 1) {
      const view = page.locator('.article .annotated').nth(i);
      const shown = await view.evaluate((el) => el.textContent);
      const text = HOSTILE[i].text.replace(/\r\n?/g, '\n'); // what a textarea holds
      assert.ok(shown === text, `${HOSTILE[i].name}: the text is shown unchanged`);
      // Each expected date is one highlight holding exactly its characters, at its own offset.
      const marks = await view.evaluate((el) => [...el.querySelectorAll('mark.timex')].map((m) => {
        const range = document.createRange();
        range.setStart(el, 0);
        range.setEndBefore(m);
        return { text: m.textContent, at: range.toString().length };
      }));
      for (const date of HOSTILE[i].dates) {
        const at = text.indexOf(date);
        assert.ok(marks.some((m) => m.text === date && m.at === at),
          `${HOSTILE[i].name}: "${date}" highlighted at ${at} (have ${JSON.stringify(marks.slice(-4))})`);
      }
    }
    await assertInert(page);

    for (const { button, check } of EXPORTS) {
      const [download] = await Promise.all([page.waitForEvent('download'), page.locator(button).click()]);
      check(readFileSync(await download.path(), 'utf8'), HOSTILE);
    }

    // HTML pasted from the clipboard: its text only, with a note; nothing in it runs or loads.
    await page.locator('#add-article').click();
    const area = page.locator('.article textarea').last();
    await area.focus();
    await page.evaluate((html) => {
      const data = new DataTransfer();
      data.setData('text/html', html);
      const target = document.activeElement;
      target.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    }, HOSTILE_HTML);
    await waitForAnalysis(page);
    const pasted = await area.inputValue();
    assert.equal(pasted, 'On December 19, 2016 the talks began.\n\nA second round');
    assert.match(await page.locator('.article').last().locator('.article-note').textContent(), /plain text/);
    await assertInert(page);

    assert.deepEqual(problems, [], 'no console errors or page errors');
    assertOwnFiles(requests);
    log(`hostile: ${HOSTILE.length} articles (${HOSTILE.reduce((n, c) => n + c.text.length, 0)} UTF-16 units), `
      + `nothing ran, ${new Set(requests).size} requests all for the page's own files`);
  } finally {
    await context.close();
  }
});

test('HTML source pasted as plain text becomes its text; rich text keeps the plain text with a note', async () => {
  const { context, page, problems } = await openPage();
  try {
    const area = page.locator('.article textarea').first();
    await area.focus();
    const pasteData = (items) => page.evaluate((entries) => {
      const data = new DataTransfer();
      for (const [type, value] of entries) data.setData(type, value);
      document.activeElement.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    }, items);
    await pasteData([['text/plain', '<!doctype html><html><body><h1>Talks</h1><p>On July 4, 2013 they met.</p></body></html>']]);
    await waitForAnalysis(page);
    assert.equal(await area.inputValue(), 'Talks\n\nOn July 4, 2013 they met.');
    assert.match(await page.locator('.article-note').textContent(), /HTML source/);
    // Plain text that merely mentions a tag is left alone.
    await area.fill('');
    await pasteData([['text/plain', 'Use the <b> tag, said the editor on July 4, 2013.']]);
    assert.equal(await area.inputValue(), '', 'a plain paste is left to the browser');
    assert.equal(await page.locator('.article-note').count(), 0, 'and gets no note');
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
});

test('an article over the size limit is kept and not analysed, with a message', async () => {
  const { context, page, problems } = await openPage();
  try {
    const text = `${'x'.repeat(2 * 1024 * 1024)} on December 19, 2016.`;
    await pasteText(page, 0, text);
    await page.waitForFunction(() => document.getElementById('status')?.dataset.pending === 'false');
    const note = page.locator('.article-note[data-note="size"]');
    assert.match(await note.textContent(), /2\.0 MB, over the 2\.0 MB limit: it is kept here but not analysed/);
    assert.equal(await page.locator('.article textarea').first().evaluate((t) => t.value.length), text.length);
    await page.locator('.article textarea').first().fill('Back on December 19, 2016.');
    await waitForAnalysis(page);
    assert.equal(await note.count(), 0, 'the message goes with the excess');
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
});

test('a 2 MB paste: typing stays responsive, the result is the last text\'s, the end is highlighted right', async () => {
  const { context, page, problems } = await openPage();
  try {
    const base = SEEDS.map(seed).join('\n\n');
    let text = '';
    while (text.length + base.length < 2_000_000) text += `${base}\n\n`;
    text += '𝒜😀 The last talks were on 4 July 2020.';
    const area = page.locator('.article textarea').first();
    const started = Date.now();
    await pasteText(page, 0, text);
    await page.locator('#progress').waitFor({ state: 'visible', timeout: 5000 });

    // Type while the worker analyses. Per keystroke: the latency from the key event to the next
    // frame, and the time the page's own scripts ran (long animation frames' script entries):
    // the first is mostly the browser laying out a textarea of 2 MB, the second is ours.
    await area.press('End');
    await page.evaluate(() => {
      window.__latencies = [];
      window.__scripts = [];
      window.__frames = [];
      window.__typing = true;
      new PerformanceObserver((list) => {
        for (const frame of list.getEntries()) {
          if (window.__typing) window.__frames.push(frame.duration);
          if (window.__typing) window.__scripts.push(frame.scripts.map((s) => [s.duration, s.invoker]));
        }
      }).observe({ type: 'long-animation-frame' });
      document.querySelector('.article textarea').addEventListener('keydown', (event) => {
        const t0 = event.timeStamp;
        requestAnimationFrame(() => setTimeout(() => window.__latencies.push(performance.now() - t0), 0));
      });
    });
    const typed = ' Then 5 July 2020.';
    await page.keyboard.type(typed, { delay: 60 });
    await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 100))); // the last key's frame
    await page.evaluate(() => { window.__typing = false; });
    await waitForAnalysis(page, 120_000);
    const total = Date.now() - started;
    const m = await page.evaluate(() => ({ latencies: window.__latencies, scripts: window.__scripts, frames: window.__frames }));
    const sorted = (xs) => [...xs].sort((a, b) => a - b);
    const latencies = sorted(m.latencies);
    const median = latencies[Math.floor(latencies.length / 2)];
    const perFrame = m.scripts.map((scripts) => scripts.reduce((n, [d]) => n + d, 0));
    const worstScript = Math.max(0, ...perFrame);
    const worst = m.scripts[perFrame.indexOf(worstScript)] ?? [];
    const baseline = await bareTextareaLatency(context, text, typed, false);
    const busyBaseline = await bareTextareaLatency(context, text, typed, true);
    log(`2 MB paste (${text.length} UTF-16 units): key-to-frame latency median ${median.toFixed(0)} ms, `
      + `worst ${latencies.at(-1).toFixed(0)} ms over ${latencies.length} keys (a bare textarea with the same text: `
      + `median ${baseline.toFixed(0)} ms; the same with one core kept busy, as the analysis keeps it: `
      + `${busyBaseline.toFixed(0)} ms); the page's scripts ran at most ${worstScript.toFixed(0)} ms in one frame `
      + `while typing (${JSON.stringify(worst.map(([d, w]) => `${w} ${d.toFixed(0)} ms`))}; scripts over 5 ms only), `
      + `in ${m.frames.length} frames over 50 ms, the longest ${Math.max(0, ...m.frames).toFixed(0)} ms; `
      + `result after ${total} ms`);
    assert.equal(latencies.length, typed.length);
    assert.ok(worstScript < 200, `the page's own work never blocks typing for long (${worstScript.toFixed(0)} ms)`);

    // The shown analysis is the last text's (the first run was cancelled, not waited for).
    const final = `${text}${typed}`;
    const marks = await page.locator('.article .annotated').first().evaluate((el) => {
      const all = [...el.querySelectorAll('mark.timex')].slice(-2);
      return all.map((m) => {
        const range = document.createRange();
        range.setStart(el, 0);
        range.setEndBefore(m);
        return { text: m.textContent, at: range.toString().length };
      });
    });
    assert.deepEqual(marks, [
      { text: '4 July 2020', at: final.lastIndexOf('4 July 2020') },
      { text: '5 July 2020', at: final.lastIndexOf('5 July 2020') },
    ]);
    assert.ok(await page.locator('#progress').isHidden(), 'the progress indicator is gone');

    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
});

/**
 * The median key-to-frame latency of typing `typed` at the end of a plain textarea holding `text`,
 * with a worker keeping one core busy meanwhile as the analysis does on the page (`busy`).
 */
async function bareTextareaLatency(context, text, typed, busy) {
  const page = await context.newPage();
  await page.setContent('<textarea spellcheck="false" rows="8"></textarea>');
  if (busy) {
    await page.evaluate(() => {
      const spin = 'const end = Date.now() + 8000; while (Date.now() < end) { /* a busy core */ }';
      window.__busy = new Worker(URL.createObjectURL(new Blob([spin], { type: 'text/javascript' })));
    });
  }
  await page.locator('textarea').evaluate((el, { value, style }) => {
    Object.assign(el.style, style);
    el.value = value;
    el.focus();
    el.setSelectionRange(value.length, value.length);
    window.__latencies = [];
    el.addEventListener('keydown', (event) => {
      const t0 = event.timeStamp;
      requestAnimationFrame(() => setTimeout(() => window.__latencies.push(performance.now() - t0), 0));
    });
  }, { value: text, style: { width: '475px', fontFamily: 'system-ui', fontSize: '14px', lineHeight: '1.45' } });
  await page.keyboard.type(typed, { delay: 60 });
  const latencies = (await page.evaluate(() => window.__latencies)).sort((a, b) => a - b);
  await page.close();
  return latencies[Math.floor(latencies.length / 2)];
}

/**
 * A copy of the page whose core, on a text holding TRAP, traps as a panic does (after logging the
 * panic hook's line), and on a text holding SLOW runs for 20 s first. Returns {url, close}.
 */
async function stubbedCore() {
  const copy = copyOfPage();
  const pkg = path.join(copy.dir, 'pkg');
  renameSync(path.join(pkg, 'dateline.js'), path.join(pkg, 'real.js'));
  writeFileSync(path.join(pkg, 'dateline.js'), `import init, * as real from './real.js';
export default init;
export const version = real.version;
export const exportFormat = real.exportFormat;
export class Analyzer {
  constructor() { this.real = new real.Analyzer(); }
  analyzeJson(input) {
    const texts = input.documents.map((d) => d.text).join(' ');
    if (texts.includes('SLOW')) {
      const end = Date.now() + 20000;
      while (Date.now() < end);
    }
    if (texts.includes('TRAP')) {
      console.error('panicked at src/lib.rs:1:1: a test panic');
      throw new WebAssembly.RuntimeError('unreachable');
    }
    return this.real.analyzeJson(input);
  }
}
`);
  const stubServer = await serve(copy.dir, 0);
  return {
    url: `http://127.0.0.1:${stubServer.address().port}/`,
    close: async () => {
      await new Promise((resolve) => stubServer.close(resolve));
      copy.remove();
    },
  };
}

test('a crash of the analyzer is reported, the text kept, the analyzer restarted', async () => {
  const stub = await stubbedCore();
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await openAt(page, stub.url);
    const area = page.locator('.article textarea').first();
    const text = 'On December 19, 2016 something TRAP happened.';
    await area.fill(text);
    await page.waitForFunction(() => document.getElementById('status')?.dataset.pending === 'false');
    assert.equal(await page.locator('#status').getAttribute('data-kind'), 'error');
    const status = await page.locator('#status-text').textContent();
    assert.match(status, /failed on this text and was restarted \(a bug: panicked at src\/lib\.rs:1:1: a test panic\)/);
    assert.match(status, /Your text is kept/);
    assert.equal(await area.inputValue(), text, 'the text is kept');
    assert.equal(await page.locator('#status').getAttribute('data-workers'), '2', 'a new worker was started');
    await page.waitForFunction(() => document.getElementById('status')?.dataset.ready === 'true');
    await area.fill('On December 19, 2016 something happened.');
    await waitForAnalysis(page);
    assert.equal(await page.locator('.annotated mark.timex').count(), 1, 'the restarted analyzer works');
    log(`crash: "${status}"`);
  } finally {
    await context.close();
    await stub.close();
  }
});

test('a new edit cancels the run in flight instead of waiting for it', async () => {
  const stub = await stubbedCore();
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    const { problems } = record(context, page);
    await openAt(page, stub.url);
    const area = page.locator('.article textarea').first();
    await area.fill('SLOW: on December 19, 2016 a run of 20 seconds began.');
    await page.locator('#progress').waitFor({ state: 'visible' }); // the long run is under way
    assert.match(await page.locator('#progress').textContent(), /analysing \d+ bytes… \d+\.\d s/);
    const edited = Date.now();
    await area.fill('On July 4, 2013 the edit came.');
    await waitForAnalysis(page);
    const waited = Date.now() - edited;
    assert.ok(waited < 10_000, `the new text was analysed without waiting for the old run (${waited} ms)`);
    assert.equal(await page.locator('#status').getAttribute('data-workers'), '2', 'the busy worker was replaced');
    assert.equal(await page.locator('.annotated mark.timex').first().textContent(), 'July 4, 2013');
    assert.ok(await page.locator('#progress').isHidden());
    assert.deepEqual(problems, []);
    log(`cancel: the edit's analysis shown ${waited} ms after it, the 20 s run abandoned`);
  } finally {
    await context.close();
    await stub.close();
  }
});

/** paste.js's rules, as a table: pasted plain text that is HTML source, and what text HTML gives. */
const PASTE_EXAMPLES = {
  markup: [
    '<!doctype html><html><body><p>x</p></body></html>',
    '<html lang="en"><head><title>t</title></head></html>',
    '<p>On Monday</p><p>the talks</p>',
    '<div class="a"><span>19 December 2016</span></div>',
  ],
  notMarkup: [
    'Use the <b> tag, said the editor.',
    'x < y and y > z, said the mathematician in 2016.',
    '<Ankara> is not a tag we know </Ankara>',
    'On December 19, 2016 the ambassador was shot.',
  ],
  text: [
    ['<p>One</p><p>Two</p>', 'One\n\nTwo'],
    ['a<br>b<br/>c', 'a\nb\nc'],
    ['<ul><li>first</li><li>second</li></ul>', 'first\nsecond'],
    ['<table><tr><td>1976</td><td>joined</td></tr></table>', '1976\tjoined'],
    ['Tom &amp; Jerry &lt;3 &eacute;t&eacute; &#8212; &#x1F600;', 'Tom & Jerry <3 été — 😀'],
    ['<script>var a = "<p>";</script><style>p{}</style>kept', 'kept'],
    ['<!-- <p>hidden</p> -->shown', 'shown'],
    ['<img alt="a > b" src="x">after', 'after'],
    ['  many   spaces\n\nand lines  ', 'many spaces and lines'],
  ],
};

test('paste rules: HTML source told from text that mentions tags; HTML read as a reader sees it', async () => {
  const { context, page, problems } = await openPage();
  try {
    const got = await page.evaluate(async (examples) => {
      const { looksLikeMarkup, htmlToText } = await import('./paste.js');
      return {
        markup: examples.markup.map(looksLikeMarkup),
        notMarkup: examples.notMarkup.map(looksLikeMarkup),
        text: examples.text.map(([html]) => htmlToText(html)),
      };
    }, PASTE_EXAMPLES);
    PASTE_EXAMPLES.markup.forEach((x, i) => assert.equal(got.markup[i], true, `HTML source: ${x}`));
    PASTE_EXAMPLES.notMarkup.forEach((x, i) => assert.equal(got.notMarkup[i], false, `plain text: ${x}`));
    PASTE_EXAMPLES.text.forEach(([html, text], i) => assert.equal(got.text[i], text, html));
    await assertInert(page);
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
});
