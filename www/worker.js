// The analysis worker: the only place the page runs the wasm core, off the main thread.
//
// Messages in:  {seq, input}            (input as in docs/CONTRACT.md; a newer one supersedes)
//               {type: 'export', seq, format, input}   (answered each, never coalesced)
// Messages out: {type: 'ready', version} once the module is loaded,
//               {type: 'init-error', error} if it cannot be,
//               {type: 'result', seq, json} or {type: 'error', seq, error, fatal} per request
//               {type: 'export', seq, text} or {type: 'export-error', seq, error} per export
//               (`json`: the analysis as UTF-8 JSON bytes, their buffer transferred, so a reply
//               the page drops costs it nothing; `fatal`: the wasm instance trapped, e.g. on a
//               panic, and this worker should be replaced).

import init, { Analyzer, exportFormat, version } from './pkg/dateline.js';

function message(err) {
  if (err instanceof Error) return err.message;
  return String(err);
}

/**
 * Where the wasm comes from: beside this module (pkg/dateline_bg.wasm, fetched by `init`), or, in
 * the single-file build, the base64 text the page put before this code (`DATELINE_WASM_BASE64`).
 */
function wasmSource(base64 = self.DATELINE_WASM_BASE64) {
  if (typeof base64 !== 'string' || base64 === '') return undefined;
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i += 1) bytes[i] = binary.charCodeAt(i);
  return { module_or_path: bytes };
}

// The panic hook reports a panic's message with console.error just before the instance traps:
// keep the last one so the page can say what failed.
let lastConsoleError = null;
const consoleError = console.error.bind(console);
console.error = (...args) => {
  lastConsoleError = args.map(String).join(' ');
  consoleError(...args);
};

let initError = null;
// Remembers the documents of the last request: after an edit only the edited article is analysed
// again.
let analyzer = null;
const ready = init(wasmSource()).then(
  () => {
    analyzer = new Analyzer();
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

// TimelineJS, CSV and TimeML are written by the core (JSON by the page itself).
async function runExport({ seq, format, input }) {
  try {
    if (!(await ready)) throw new Error(`the analyzer could not be loaded: ${initError}`);
    self.postMessage({ type: 'export', seq, text: exportFormat(input, format) });
  } catch (err) {
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
  lastConsoleError = null;
  try {
    const json = analyzer.analyzeJson(input);
    self.postMessage({ type: 'result', seq, json }, [json.buffer]);
  } catch (err) {
    // A trap (a panic in the core) leaves this instance unusable: the page starts a new worker.
    const fatal = err instanceof WebAssembly.RuntimeError;
    const panic = fatal && lastConsoleError ? lastConsoleError.split('\n')[0] : null;
    self.postMessage({ type: 'error', seq, error: panic ?? message(err), fatal });
  }
}
