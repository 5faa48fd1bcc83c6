// The progress indicator for long analyses: shown in the status line when a run takes longer than
// a moment, with the size being analysed and the time spent so far. A run cannot report how far
// it is (one call into the wasm core), so the bar is indeterminate.

import { formatSize } from './paste.js';

const SHOW_AFTER = 300; // ms

let timer = 0;
let ticker = 0;

function element() {
  let node = document.getElementById('progress');
  if (!node) {
    node = document.createElement('span');
    node.id = 'progress';
    node.className = 'progress';
    node.hidden = true;
    const bar = document.createElement('progress');
    bar.setAttribute('aria-label', 'Analysing');
    node.append(bar, document.createElement('span'));
    document.getElementById('status')?.append(node);
  }
  return node;
}

/** A run over `bytes` of text started now; replaces any earlier one. */
export function startProgress(bytes) {
  stopProgress();
  const started = performance.now();
  timer = setTimeout(() => {
    const node = element();
    const label = node.querySelector('span');
    const tick = () => {
      const seconds = ((performance.now() - started) / 1000).toFixed(1);
      label.textContent = ` analysing ${formatSize(bytes)}… ${seconds} s`;
    };
    tick();
    node.hidden = false;
    ticker = setInterval(tick, 200);
  }, SHOW_AFTER);
}

/** The run ended (answered, failed or cancelled). */
export function stopProgress() {
  clearTimeout(timer);
  clearInterval(ticker);
  const node = document.getElementById('progress');
  if (node) node.hidden = true;
}
