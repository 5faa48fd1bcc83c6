// The analysis worker: the only place the page runs the wasm core, off the main thread.
//
// Messages in:  {seq, input}            (input as in docs/CONTRACT.md; a newer one supersedes)
// Messages out: {type: 'ready', version} once the module is loaded,
//               {type: 'init-error', error} if it cannot be,
//               {type: 'result', seq, analysis} or {type: 'error', seq, error, fatal} per request
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

self.onmessage = (event) => {
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
