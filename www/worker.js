// The analysis worker: the only place the page runs the wasm core, off the main thread.
//
// Messages in:  {seq, input}            (input as in docs/CONTRACT.md)
// Messages out: {type: 'ready', version} once the module is loaded,
//               {type: 'init-error', error} if it cannot be,
//               {type: 'result', seq, analysis} or {type: 'error', seq, error, fatal} per request
//               (`fatal`: the wasm instance trapped, e.g. on a panic, and this worker should be
//               replaced).

import init, { analyze, version } from './pkg/dateline.js';

const ready = init().then(
  () => {
    const v = version();
    self.postMessage({ type: 'ready', version: v });
    return v;
  },
  (err) => {
    self.postMessage({ type: 'init-error', error: message(err) });
    return null;
  },
);

function message(err) {
  if (err instanceof Error) return err.message;
  return String(err);
}

self.onmessage = async (event) => {
  const { seq, input } = event.data ?? {};
  const loaded = await ready;
  if (loaded == null) {
    self.postMessage({ type: 'error', seq, error: 'the analyzer could not be loaded' });
    return;
  }
  try {
    self.postMessage({ type: 'result', seq, analysis: analyze(input) });
  } catch (err) {
    const fatal = err instanceof WebAssembly.RuntimeError;
    self.postMessage({ type: 'error', seq, error: message(err), fatal });
  }
};
