// The dateline page: article panels, the analysis worker, the annotated texts and the timeline.
//
// The main thread never calls the wasm core: analysis runs in worker.js. User text is only ever
// put in the page as text (textContent / text nodes), never parsed as HTML.

import { renderAnnotated } from './annotate.js';
import { renderWho } from './who.js';
import { createTooltip, renderTimeline } from './timeline.js';
import { clearArticles, loadArticles, saveArticles } from './storage.js';

const ANALYZE_DELAY = 250; // ms after the last keystroke
const SAVE_DELAY = 500;
const COLORS = ['#2563eb', '#d97706', '#059669', '#9333ea', '#db2777', '#0891b2', '#65a30d', '#dc2626'];

const $ = (id) => document.getElementById(id);

const state = {
  panels: [], // {uid, el, name, text, dct, hint, annotated, dctEdited}
  nextUid: 1,
  seq: 0, // last request sent
  requests: new Map(), // seq → [{uid, text}] in the order of the request's documents
  analysis: null, // last analysis shown
  version: null,
  worker: null,
  analyzeTimer: 0,
  saveTimer: 0,
  failed: false, // the analyzer could not be loaded
};

// ---------------------------------------------------------------- status line

function setStatus(text, kind = 'info') {
  const node = $('status-text');
  node.textContent = text;
  $('status').dataset.kind = kind;
}

function setStorageMessage(text) {
  const node = $('status-storage');
  node.textContent = text ?? '';
  node.hidden = !text;
}

/** The analysis warnings; one about a missing creation time offers to set the date. */
function showWarnings(warnings, docs) {
  const list = $('warnings');
  list.replaceChildren();
  for (const w of warnings ?? []) {
    const li = document.createElement('li');
    const d = w.document != null ? docs.get(w.document) : null;
    const message = String(w.message ?? w.code ?? 'warning');
    li.textContent = d && !message.includes(d.name) ? `${d.name}: ${message}` : message;
    if (w.code) li.title = w.code;
    if (d && w.code === 'no_creation_time') {
      const button = document.createElement('button');
      button.type = 'button';
      button.className = 'link';
      button.textContent = 'Set the date';
      button.addEventListener('click', () => {
        d.panel.dct.scrollIntoView({ block: 'center' });
        d.panel.dct.focus();
      });
      li.append(' ', button);
    }
    list.appendChild(li);
  }
  list.hidden = list.childElementCount === 0;
}

function versionPrefix() {
  return state.version ? `dateline ${state.version}` : 'dateline';
}

// ---------------------------------------------------------------- article panels

function panelColor(panel) {
  return COLORS[state.panels.indexOf(panel) % COLORS.length];
}

function addPanel({ name = '', text = '', dct = '' } = {}) {
  const uid = state.nextUid++;
  const el = $('article-template').content.firstElementChild.cloneNode(true);
  const field = (f) => el.querySelector(`[data-field="${f}"]`);
  const panel = {
    uid,
    el,
    name: field('name'),
    text: field('text'),
    dct: field('dct'),
    hint: field('dct-hint'),
    annotated: field('annotated'),
    dctEdited: dct !== '',
  };
  for (const label of el.querySelectorAll('label[data-for]')) {
    const target = field(label.dataset.for);
    target.id = `article-${uid}-${label.dataset.for}`;
    label.htmlFor = target.id;
  }
  panel.name.value = name;
  panel.text.value = text;
  panel.dct.value = dct;

  panel.name.addEventListener('input', () => {
    scheduleSave();
    scheduleAnalysis();
  });
  panel.text.addEventListener('input', () => {
    scheduleSave();
    scheduleAnalysis();
  });
  // Once the reader edits the date it wins over the text's dateline; clearing it returns to the
  // automatic date (refilled by the next analysis).
  const onDate = () => {
    panel.dctEdited = panel.dct.value !== '';
    scheduleSave();
    scheduleAnalysis(0);
  };
  panel.dct.addEventListener('input', onDate);
  panel.dct.addEventListener('change', onDate);
  el.querySelector('[data-action="remove"]').addEventListener('click', () => removePanel(panel));
  linkMarks(panel);

  state.panels.push(panel);
  $('articles').appendChild(el);
  refreshPanels();
  return panel;
}

function removePanel(panel) {
  if (state.panels.length <= 1) return;
  if (panel.text.value.trim() && !window.confirm('Remove this article?')) return;
  state.panels = state.panels.filter((p) => p !== panel);
  panel.el.remove();
  refreshPanels();
  scheduleSave();
  scheduleAnalysis(0);
}

/** Colours, default names and remove buttons follow the panels' order. */
function refreshPanels() {
  state.panels.forEach((p, i) => {
    const color = panelColor(p);
    p.el.style.setProperty('--doc-color', color);
    p.name.placeholder = `article ${i + 1}`;
    p.el.querySelector('[data-action="remove"]').disabled = state.panels.length <= 1;
  });
}

function articleName(panel) {
  return panel.name.value.trim() || panel.name.placeholder;
}

function articles() {
  return state.panels.map((p) => ({
    name: p.name.value,
    text: p.text.value,
    dct: p.dctEdited ? p.dct.value : '',
  }));
}

// ---------------------------------------------------------------- persistence

function scheduleSave() {
  clearTimeout(state.saveTimer);
  state.saveTimer = setTimeout(saveNow, SAVE_DELAY);
}

function saveNow() {
  clearTimeout(state.saveTimer);
  state.saveTimer = 0;
  try {
    saveArticles(articles());
    setStorageMessage(null);
  } catch (err) {
    const full = err && (err.name === 'QuotaExceededError' || err.code === 22);
    setStorageMessage(full
      ? 'Your articles are too large to keep in this browser: they will be lost on reload.'
      : `Your articles could not be saved in this browser (${err?.message ?? err}).`);
  }
}

// ---------------------------------------------------------------- analysis

function startWorker() {
  const worker = new Worker(new URL('./worker.js', import.meta.url), { type: 'module' });
  worker.addEventListener('message', (event) => onWorkerMessage(event.data));
  worker.addEventListener('error', (event) => {
    event.preventDefault();
    state.failed = true;
    $('status').dataset.ready = 'failed';
    setStatus(`The analyzer could not be started${event.message ? `: ${event.message}` : ''}. `
      + 'Is www/pkg built (wasm-pack build --target web --out-dir www/pkg --out-name dateline)?', 'error');
    setPending(false);
  });
  worker.addEventListener('messageerror', () => setStatus('The analyzer sent a reply the page could not read.', 'error'));
  state.worker = worker;
}

function restartWorker() {
  state.worker?.terminate();
  startWorker();
}

/** `#status[data-pending]` is "true" from a change until its analysis is shown (tests wait on it). */
function setPending(pending) {
  $('status').dataset.pending = String(pending);
}

function scheduleAnalysis(delay = ANALYZE_DELAY) {
  setPending(true);
  clearTimeout(state.analyzeTimer);
  state.analyzeTimer = setTimeout(requestAnalysis, delay);
}

function requestAnalysis() {
  clearTimeout(state.analyzeTimer);
  if (state.failed) {
    setPending(false); // nothing can answer; the status line says why
    return;
  }
  const active = state.panels.filter((p) => p.text.value.trim() !== '');
  const seq = ++state.seq;
  if (!active.length) {
    state.requests.clear();
    showAnalysis(null, []);
    setPending(false);
    setStatus(`${versionPrefix()} · paste an article to begin`);
    return;
  }
  const snapshot = active.map((p) => ({ uid: p.uid, text: p.text.value }));
  const input = {
    documents: active.map((p) => ({
      name: articleName(p),
      text: p.text.value,
      dct: p.dctEdited && p.dct.value ? p.dct.value : null,
      dct_overrides_text: p.dctEdited && p.dct.value !== '',
    })),
  };
  state.requests.set(seq, snapshot);
  setStatus(`${versionPrefix()} · analysing…`, 'busy');
  setPending(true);
  state.worker.postMessage({ seq, input });
}

function onWorkerMessage(msg) {
  if (!msg || typeof msg !== 'object') return;
  if (msg.type === 'ready') {
    state.version = msg.version;
    state.failed = false;
    $('status').dataset.ready = 'true';
    if (state.requests.size) setStatus(`${versionPrefix()} · analysing…`, 'busy');
    else if (!state.analysis) setStatus(`${versionPrefix()} · ready: paste an article to begin`);
    return;
  }
  if (msg.type === 'init-error') {
    state.failed = true;
    $('status').dataset.ready = 'failed';
    setStatus(`The analyzer could not be loaded: ${msg.error}`, 'error');
    setPending(false);
    return;
  }
  const snapshot = state.requests.get(msg.seq);
  if (msg.seq !== state.seq || !snapshot) {
    state.requests.delete(msg.seq); // a stale reply: a newer request is on its way
    return;
  }
  state.requests.clear();
  setPending(false);
  if (msg.type === 'error') {
    setStatus(`${versionPrefix()} · analysis failed: ${msg.error}`, 'error');
    if (msg.fatal) restartWorker();
    return;
  }
  if (msg.type === 'result') showAnalysis(msg.analysis, snapshot);
}

/** Document id → what the timeline and the tooltips need, for the analysis shown. */
function documentIndex(analysis, snapshot) {
  const docs = new Map();
  (analysis?.documents ?? []).forEach((doc, i) => {
    const panel = state.panels.find((p) => p.uid === snapshot[i]?.uid);
    if (!panel) return;
    docs.set(doc.id, {
      panel,
      name: articleName(panel),
      color: panelColor(panel),
      text: snapshot[i].text,
      sentences: doc.sentences ?? [],
      timexes: new Map((doc.timexes ?? []).map((t) => [t.id, t])),
      doc,
    });
  });
  return docs;
}

function showAnalysis(analysis, snapshot) {
  state.analysis = analysis;
  $('export-json').disabled = !analysis;
  const docs = documentIndex(analysis, snapshot);
  const byPanel = new Map([...docs.values()].map((d) => [d.panel.uid, d]));

  let timexCount = 0;
  let hidden = 0;
  for (const panel of state.panels) {
    const d = byPanel.get(panel.uid);
    if (!d) {
      panel.annotated.replaceChildren();
      panel.annotated.dataset.empty = 'true';
      setDateField(panel, null);
      continue;
    }
    delete panel.annotated.dataset.empty;
    timexCount += d.doc.timexes?.length ?? 0;
    hidden += renderAnnotated(panel.annotated, d.text, d.doc);
    setDateField(panel, d.doc.creation_time);
  }

  drawTimeline(docs);
  showLegend(docs);
  renderWho({ entities: $('who-entities'), quotes: $('who-quotes'), sources: $('who-sources') }, docs, lightEntity);
  showWarnings(analysis?.warnings, docs);
  if (analysis) {
    const n = docs.size;
    const parts = [
      versionPrefix(),
      `${timexCount} time expression${timexCount === 1 ? '' : 's'} found in ${n} article${n === 1 ? '' : 's'}`,
      `${analysis.timeline?.length ?? 0} on the timeline`,
    ];
    if (hidden) parts.push(`${hidden} could not be highlighted`);
    setStatus(parts.join(' · '), 'ok');
  }
}

function setDateField(panel, creation) {
  if (panel.dctEdited) {
    panel.hint.textContent = 'your date: relative times resolve against it';
    panel.hint.dataset.source = 'reader';
    return;
  }
  if (creation?.source === 'text' && typeof creation.value === 'string') {
    panel.dct.value = creation.value.slice(0, 10);
    panel.hint.textContent = 'from the dateline in the text';
    panel.hint.dataset.source = 'text';
  } else {
    panel.dct.value = '';
    panel.hint.textContent = creation ? 'no dateline found: set the date the article was written' : '';
    panel.hint.dataset.source = creation ? 'none' : '';
  }
}

// ---------------------------------------------------------------- timeline

let tooltip = null;
let lastDocs = new Map();

function drawTimeline(docs) {
  lastDocs = docs;
  tooltip?.hide();
  renderTimeline($('timeline'), state.analysis, { docs, tooltip, onActivate: revealTimex });
}

/** Hovering a highlighted expression in a text lights up its timeline markers. */
function linkMarks(panel) {
  const toggle = (event, on) => {
    const mark = event.target.closest?.('mark.timex');
    if (!mark) return;
    const doc = [...lastDocs.entries()].find(([, d]) => d.panel === panel)?.[0];
    const key = `${doc}/${mark.dataset.timex}`;
    for (const g of $('timeline').querySelectorAll('.tl-entry')) {
      if (g.dataset.timexes.split(' ').includes(key)) g.classList.toggle('linked', on);
    }
  };
  panel.annotated.addEventListener('mouseover', (e) => toggle(e, true));
  panel.annotated.addEventListener('mouseout', (e) => toggle(e, false));
}

function showLegend(docs) {
  const legend = $('legend');
  legend.replaceChildren();
  if (docs.size > 1) {
    for (const d of docs.values()) {
      const item = document.createElement('span');
      item.className = 'legend-item';
      const sw = document.createElement('span');
      sw.className = 'swatch';
      sw.style.backgroundColor = d.color;
      item.append(sw, document.createTextNode(d.name));
      legend.appendChild(item);
    }
  }
  legend.hidden = docs.size <= 1;
}

/** Scroll the annotated view to a time expression and flash it. */
function revealTimex(ref) {
  const d = lastDocs.get(ref.document);
  if (!d) return;
  const mark = d.panel.annotated.querySelector(`mark[data-timex="${CSS.escape(String(ref.timex))}"]`);
  if (!mark) return;
  const smooth = !window.matchMedia('(prefers-reduced-motion: reduce)').matches;
  mark.scrollIntoView({ block: 'center', inline: 'nearest', behavior: smooth ? 'smooth' : 'auto' });
  mark.classList.remove('flash');
  void mark.offsetWidth; // restart the animation
  mark.classList.add('flash');
  mark.focus({ preventScroll: true });
  setTimeout(() => mark.classList.remove('flash'), 2000);
}

// ---------------------------------------------------------------- who

/** Clicking a name lights up all its mentions in its article (a second click turns them off). */
function lightEntity(docId, entityId, button) {
  const d = lastDocs.get(docId);
  if (!d) return;
  const on = !button.classList.contains('lit');
  for (const b of document.querySelectorAll('.who-name.lit')) b.classList.remove('lit');
  for (const m of document.querySelectorAll('.annotated mark.entity.lit')) m.classList.remove('lit');
  if (!on) return;
  button.classList.add('lit');
  const marks = d.panel.annotated.querySelectorAll(`mark.entity[data-entity="${CSS.escape(String(entityId))}"]`);
  for (const m of marks) m.classList.add('lit');
  const smooth = !window.matchMedia('(prefers-reduced-motion: reduce)').matches;
  marks[0]?.scrollIntoView({ block: 'center', inline: 'nearest', behavior: smooth ? 'smooth' : 'auto' });
}

// ---------------------------------------------------------------- export

function exportJson() {
  if (!state.analysis) return;
  const blob = new Blob([`${JSON.stringify(state.analysis, null, 2)}\n`], { type: 'application/json' });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = 'dateline.json';
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

// ---------------------------------------------------------------- start

function clearAll() {
  if (!window.confirm('Remove all articles from this page and from this browser’s storage?')) return;
  clearTimeout(state.saveTimer);
  clearArticles();
  for (const p of state.panels) p.el.remove();
  state.panels = [];
  addPanel();
  setStorageMessage(null);
  requestAnalysis();
}

function start() {
  tooltip = createTooltip($('timeline-wrap'));
  $('add-article').addEventListener('click', () => {
    const panel = addPanel();
    panel.text.focus();
    scheduleSave();
  });
  $('export-json').addEventListener('click', exportJson);
  $('clear-all').addEventListener('click', clearAll);
  window.addEventListener('pagehide', () => {
    if (state.saveTimer) saveNow();
  });
  let width = 0;
  new ResizeObserver(() => {
    const w = $('timeline').clientWidth;
    if (w !== width) {
      width = w;
      if (state.analysis) drawTimeline(lastDocs);
    }
  }).observe($('timeline'));

  const saved = loadArticles();
  if (saved.length) saved.forEach((a) => addPanel(a));
  else addPanel();

  startWorker();
  requestAnalysis();
}

start();
