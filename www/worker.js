// The analysis worker: the only place the page runs the wasm core, off the main thread.
//
// Messages in:  {seq, input}            (input as in docs/CONTRACT.md)
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

self.onmessage = async (event) => {
  const { seq, input } = event.data ?? {};
  if (!(await ready)) {
    self.postMessage({ type: 'error', seq, error: `the analyzer could not be loaded: ${initError}` });
    return;
  }
  try {
    self.postMessage({ type: 'result', seq, analysis: analyze(input) });
  } catch (err) {
    const fatal = err instanceof WebAssembly.RuntimeError;
    self.postMessage({ type: 'error', seq, error: message(err), fatal });
  }
};
