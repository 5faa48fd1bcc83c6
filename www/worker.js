// The analysis worker: the only place the page runs the wasm core, off the main thread.
//
// Messages in:  {seq, input}            (input as in docs/CONTRACT.md; a newer one supersedes)
//               {type: 'export', seq, format, input}   (answered each, never coalesced)
// Messages out: {type: 'ready', version} once the module is loaded,
//               {type: 'init-error', error} if it cannot be,
//               {type: 'result', seq, analysis} or {type: 'error', seq, error, fatal} per request
//               {type: 'export', seq, text} or {type: 'export-error', seq, error} per export
//               (`fatal`: the wasm instance trapped, e.g. on a panic, and this worker should be
//               replaced).

import init, { analyze, version } from './pkg/dateline.js';

function message(err) {
  if (err instanceof Error) return err.message;
  return String(err);
}

let initError = null;
const ready = init().then(
  () => {
    self.postMessage({ type: 'ready', version: version() });
    return true;
  },
  (err) => {
    initError = message(err);
    self.postMessage({ type: 'init-error', error: initError });
    return false;
  },
);

// Requests that arrive while one is being analysed are coalesced: only the newest is answered
// (the page drops replies to older sequence numbers anyway).
let next = null;
let scheduled = false;

// The exporters live in a second module (www/pkg-export), loaded on the first export only.
let exporter = null;
async function runExport({ seq, format, input }) {
  try {
    exporter ??= import('./pkg-export/dateline_export.js').then(async (mod) => {
      await mod.default();
      return mod;
    });
    const mod = await exporter;
    self.postMessage({ type: 'export', seq, text: mod.exportFormat(input, format) });
  } catch (err) {
    exporter = null; // try again next time
    self.postMessage({ type: 'export-error', seq, error: message(err) });
  }
}

self.onmessage = (event) => {
  if (event.data?.type === 'export') {
    runExport(event.data);
    return;
  }
  next = event.data ?? {};
  if (!scheduled) {
    scheduled = true;
    setTimeout(run, 0);
  }
};

async function run() {
  const loaded = await ready;
  scheduled = false;
  const { seq, input } = next;
  next = null;
  if (!loaded) {
    self.postMessage({ type: 'error', seq, error: `the analyzer could not be loaded: ${initError}` });
    return;
  }
  try {
    self.postMessage({ type: 'result', seq, analysis: analyze(input) });
  } catch (err) {
    const fatal = err instanceof WebAssembly.RuntimeError;
    self.postMessage({ type: 'error', seq, error: message(err), fatal });
  }
}
