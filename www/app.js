// The dateline page: article panels, the analysis worker, the annotated texts and the timeline.
//
// The main thread never calls the wasm core: analysis runs in worker.js. User text is only ever
// put in the page as text (textContent / text nodes), never parsed as HTML.

import { renderAnnotated } from './annotate.js';
import { renderWho } from './who.js';
import { openSideBySide, rangeOf, renderComparisons } from './compare.js';
import { createTooltip, renderTimeline } from './timeline.js';
import { clearArticles, loadArticles, saveArticles } from './storage.js';
import { createAnalyzerWorker, registerServiceWorker, showUpdateNotice } from './offline.js';
import { SIZE_LIMIT, formatSize, handlePaste, setArticleNote, sizeOver } from './paste.js';
import { startProgress, stopProgress } from './progress.js';

const ANALYZE_DELAY = 250; // ms after the last keystroke
const SAVE_DELAY = 500;
// A new edit cancels a run in flight (restarting the worker) only once the run has taken this
// long: a fresh worker has forgotten every article, so a short run is cheaper to wait for.
const CANCEL_AFTER = 400; // ms
const COLORS = ['#2563eb', '#d97706', '#059669', '#9333ea', '#db2777', '#0891b2', '#65a30d', '#dc2626'];

const $ = (id) => document.getElementById(id);

const state = {
  panels: [], // {uid, el, name, text, dct, hint, annotated, include, dctEdited, rendered, hidden}
  nextUid: 1,
  seq: 0, // last request sent
  requests: new Map(), // seq → [{uid, text}] in the order of the request's documents
  busySince: 0, // when the oldest request still unanswered was sent
  analysis: null, // last analysis shown
  version: null,
  worker: null,
  workerReady: false, // the current worker has loaded the wasm
  crashed: false, // the status line says the analyzer failed (kept until the next analysis)
  workerStarts: 0, // workers started (`#status[data-workers]`; a cancelled run starts one more)
  saves: 0, // saves started (only the latest one's outcome is shown)
  analyzeTimer: 0,
  saveTimer: 0,
  failed: false, // the analyzer could not be loaded
  lastInput: null, // the input of the last analysis requested (exports are written from it)
  exportSeq: 0,
  exports: new Map(), // export seq → {name, type}
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

function addPanel({ name = '', text = '', dct = '', included = true } = {}) {
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
    include: field('include'),
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
  panel.include.checked = included;
  el.classList.toggle('excluded', !included);
  // Left out, an article keeps its text but leaves the analysis: its lane, its claims, its names.
  panel.include.addEventListener('change', () => {
    el.classList.toggle('excluded', !panel.include.checked);
    scheduleSave();
    scheduleAnalysis(0);
  });

  panel.name.addEventListener('input', () => {
    scheduleSave();
    scheduleAnalysis();
  });
  panel.text.addEventListener('input', () => {
    scheduleSave();
    scheduleAnalysis();
  });
  panel.text.addEventListener('paste', (event) =>
    handlePaste(event, panel.text, (note) => setArticleNote(el, 'paste', note)));
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
  selectFromText(panel);

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
    included: p.include.checked,
  }));
}

// ---------------------------------------------------------------- persistence

function scheduleSave() {
  $('status').dataset.saved = 'pending';
  clearTimeout(state.saveTimer);
  state.saveTimer = setTimeout(saveNow, SAVE_DELAY);
}

/** Save now (asynchronously); `#status[data-saved]` is "pending", then "true" or "failed". */
function saveNow() {
  clearTimeout(state.saveTimer);
  state.saveTimer = 0;
  const save = ++state.saves;
  $('status').dataset.saved = 'pending';
  return saveArticles(articles()).then(
    () => {
      if (save !== state.saves) return;
      $('status').dataset.saved = 'true';
      setStorageMessage(null);
    },
    (err) => {
      if (save !== state.saves) return;
      $('status').dataset.saved = 'failed';
      const full = err && (err.name === 'QuotaExceededError' || err.code === 22);
      setStorageMessage(full
        ? 'This browser’s storage is full: your latest changes are not saved and will be lost when the page '
          + 'closes. Remove an article, or free space in this browser, to save again.'
        : `Your articles could not be saved in this browser (${err?.message ?? err}).`);
    },
  );
}

// ---------------------------------------------------------------- analysis

function startWorker() {
  const worker = createAnalyzerWorker();
  state.workerReady = false;
  $('status').dataset.workers = String(++state.workerStarts);
  worker.addEventListener('message', (event) => onWorkerMessage(event.data));
  worker.addEventListener('error', (event) => {
    event.preventDefault();
    if (state.workerReady) {
      crashed(event.message); // it ran before: the text broke it, not the set-up
      return;
    }
    state.failed = true;
    stopProgress();
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
  state.requests.clear(); // the old worker will answer none of them
  stopProgress();
  startWorker();
}

/**
 * The analyzer died on a text (a panic in the core traps the wasm instance): a fresh worker is
 * started and the reader's text stays as it is. The same text is not sent again (it would fail
 * again); the next edit is analysed.
 */
function crashed(detail) {
  state.crashed = true;
  restartWorker();
  setPending(false);
  setStatus(`${versionPrefix()} · the analyzer failed on this text and was restarted`
    + ` (a bug${detail ? `: ${detail}` : ''}). Your text is kept; edit it to analyse again.`, 'error');
}

/** Whether an article is within the size limit; the note under it says when it is not. */
function withinLimit(panel, text) {
  const over = sizeOver(text);
  setArticleNote(panel.el, 'size', over
    ? `This article is ${formatSize(over)}, over the ${formatSize(SIZE_LIMIT)} limit: it is kept here but not `
      + 'analysed. Split it into several articles.'
    : null);
  return !over;
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
  state.analyzeTimer = 0;
  state.crashed = false;
  if (state.failed) {
    setPending(false); // nothing can answer; the status line says why
    return;
  }
  // Each text is read once: reading a textarea of megabytes is not free.
  const texts = new Map(state.panels.map((p) => [p, p.text.value]));
  const active = state.panels.filter((p) => /\S/.test(texts.get(p)) && withinLimit(p, texts.get(p)) && p.include.checked);
  const seq = ++state.seq;
  if (!active.length) {
    state.requests.clear();
    showAnalysis(null, []);
    setPending(false);
    const left = state.panels.some((p) => !p.include.checked && /\S/.test(texts.get(p)));
    setStatus(`${versionPrefix()} · ${left ? 'every article is left out: tick “include” on one' : 'paste an article to begin'}`);
    return;
  }
  const snapshot = active.map((p) => ({ uid: p.uid, text: texts.get(p) }));
  const input = {
    documents: active.map((p) => ({
      name: articleName(p),
      text: texts.get(p),
      dct: p.dctEdited && p.dct.value ? p.dct.value : null,
      dct_overrides_text: p.dctEdited && p.dct.value !== '',
    })),
  };
  // A new edit cancels a long run in flight: a long analysis of the old text is not waited for.
  // A short one is: the worker answers only the newest request after it, and still remembers
  // the articles that did not change.
  if (state.requests.size && performance.now() - state.busySince > CANCEL_AFTER) restartWorker();
  if (!state.requests.size) state.busySince = performance.now();
  state.requests.set(seq, snapshot);
  state.lastInput = input;
  setStatus(`${versionPrefix()} · analysing…`, 'busy');
  setPending(true);
  startProgress(snapshot.reduce((n, d) => n + d.text.length, 0));
  state.worker.postMessage({ seq, input });
}

function onWorkerMessage(msg) {
  if (!msg || typeof msg !== 'object') return;
  if (msg.type === 'ready') {
    state.workerReady = true;
    state.version = msg.version;
    state.failed = false;
    $('status').dataset.ready = 'true';
    if (state.requests.size) setStatus(`${versionPrefix()} · analysing…`, 'busy');
    else if (!state.analysis && !state.crashed) setStatus(`${versionPrefix()} · ready: paste an article to begin`);
    return;
  }
  if (msg.type === 'export' || msg.type === 'export-error') {
    onExport(msg);
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
    state.busySince = performance.now(); // and the worker starts on it now
    return;
  }
  state.requests.clear();
  stopProgress();
  if (state.analyzeTimer && msg.type === 'result') {
    return; // the text changed since: a newer analysis is scheduled, and drawing this one would only slow typing
  }
  setPending(false);
  if (msg.type === 'error') {
    if (msg.fatal) crashed(msg.error);
    else setStatus(`${versionPrefix()} · analysis failed: ${msg.error}`, 'error');
    return;
  }
  if (msg.type === 'result') showAnalysis(JSON.parse(new TextDecoder().decode(msg.json)), snapshot);
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
      events: new Map((doc.events ?? []).map((v) => [v.id, v])),
      doc,
    });
  });
  return docs;
}

function showAnalysis(analysis, snapshot) {
  state.analysis = analysis;
  for (const id of EXPORTS.keys()) $(id).disabled = !analysis;
  const docs = documentIndex(analysis, snapshot);
  const byPanel = new Map([...docs.values()].map((d) => [d.panel.uid, d]));

  let timexCount = 0;
  let hidden = 0;
  // Highlights kept from the last analysis drop what the panels redrawn below forget.
  for (const m of document.querySelectorAll('.annotated mark.lit')) m.classList.remove('lit');
  for (const panel of state.panels) {
    const d = byPanel.get(panel.uid);
    setArticleNote(panel.el, 'excluded', panel.include.checked ? null
      : 'Left out of the analysis: not on the timeline, not compared. Your text is kept; tick “include” to bring it back.');
    if (!d) {
      panel.rendered = null;
      panel.annotated.replaceChildren();
      panel.annotated.dataset.empty = 'true';
      setDateField(panel, null);
      continue;
    }
    delete panel.annotated.dataset.empty;
    timexCount += d.doc.timexes?.length ?? 0;
    // A document's analysis follows from its text and creation time alone: an article another
    // edit left as it was keeps its highlights (redrawing ten long articles per keystroke pause
    // took most of the page's time).
    const rendered = `${JSON.stringify(d.doc.creation_time)}\u0000${d.text}`;
    if (panel.rendered !== rendered) {
      panel.hidden = renderAnnotated(panel.annotated, d.text, d.doc);
      panel.rendered = rendered;
    }
    hidden += panel.hidden;
    setDateField(panel, d.doc.creation_time);
  }

  drawTimeline(docs);
  showLegend(docs);
  renderWho({ entities: $('who-entities'), quotes: $('who-quotes'), sources: $('who-sources') }, docs, lightEntity);
  renderComparisons($('compare-list'), analysis?.comparisons, docs, openClaim);
  showWarnings(analysis?.warnings, docs);
  if (analysis) {
    const n = docs.size;
    const parts = [
      versionPrefix(),
      `${timexCount} time expression${timexCount === 1 ? '' : 's'} found in ${n} article${n === 1 ? '' : 's'}`,
      `${analysis.timeline?.length ?? 0} on the timeline`,
    ];
    if (hidden) parts.push(`${hidden} could not be highlighted`);
    const left = state.panels.filter((p) => !p.include.checked).length;
    if (left) parts.push(`${left} left out`);
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
  renderTimeline($('timeline'), state.analysis, { docs, tooltip, onActivate: reveal });
}

/** The timeline markers holding a highlighted time expression or event of `panel`. */
function markersOf(panel, mark) {
  const doc = [...lastDocs.entries()].find(([, d]) => d.panel === panel)?.[0];
  const [attr, id] = mark.classList.contains('event') ? ['events', mark.dataset.event] : ['timexes', mark.dataset.timex];
  const key = `${doc}/${id}`;
  return [...$('timeline').querySelectorAll('.tl-entry')].filter((g) => (g.dataset[attr] ?? '').split(' ').includes(key));
}

/** From the text to the timeline: a click on a highlighted time or event selects its marker. */
function selectFromText(panel) {
  panel.annotated.addEventListener('click', (e) => {
    const mark = e.target.closest?.('mark.timex, mark.event');
    if (!mark) return;
    for (const g of $('timeline').querySelectorAll('.tl-entry.selected')) g.classList.remove('selected');
    const found = markersOf(panel, mark);
    for (const g of found) g.classList.add('selected');
    const smooth = !window.matchMedia('(prefers-reduced-motion: reduce)').matches;
    found[0]?.scrollIntoView({ block: 'nearest', inline: 'nearest', behavior: smooth ? 'smooth' : 'auto' });
    found[0]?.focus({ preventScroll: true });
  });
}

/** Hovering a highlighted expression in a text lights up its timeline markers. */
function linkMarks(panel) {
  const toggle = (event, on) => {
    const mark = event.target.closest?.('mark.timex, mark.event');
    if (!mark) return;
    for (const g of markersOf(panel, mark)) g.classList.toggle('linked', on);
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

/**
 * From the timeline to the text: scroll the annotated view to a time expression or an event and
 * flash it (an event flashes with its sentence's time expression it rests on, if any).
 */
function reveal(ref) {
  const d = lastDocs.get(ref.document);
  if (!d) return;
  const find = (kind, id) => d.panel.annotated.querySelector(`mark.${kind}[data-${kind}="${CSS.escape(String(id))}"]`);
  const marks = [];
  if (ref.event != null) {
    marks.push(find('event', ref.event));
    const timex = d.events.get(ref.event)?.time?.timex;
    const sameSentence = timex != null && String(d.timexes.get(timex)?.sentence) === String(d.events.get(ref.event)?.sentence);
    if (sameSentence) marks.push(find('timex', timex));
  } else {
    marks.push(find('timex', ref.timex));
  }
  const shown = marks.filter(Boolean);
  if (!shown.length) return;
  const smooth = !window.matchMedia('(prefers-reduced-motion: reduce)').matches;
  shown[0].scrollIntoView({ block: 'center', inline: 'nearest', behavior: smooth ? 'smooth' : 'auto' });
  for (const mark of shown) {
    mark.classList.remove('flash');
    void mark.offsetWidth; // restart the animation
    mark.classList.add('flash');
    setTimeout(() => mark.classList.remove('flash'), 2000);
  }
  shown[0].focus({ preventScroll: true });
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

// ---------------------------------------------------------------- where they differ

/** A claim clicked: the compared point side by side, each article's words marked. */
function openClaim(comparison, index, button) {
  clearClaimHighlight();
  openSideBySide($('compare-dialog'), comparison, index, lastDocs, { onShowInText: showClaimInText, opener: button });
}

const CLAIM_HIGHLIGHT = 'dateline-claim';

function clearClaimHighlight() {
  if (typeof Highlight === 'function') CSS.highlights?.delete(CLAIM_HIGHLIGHT);
}

/**
 * Scroll the annotated view to a claim's words and highlight them (a CSS custom highlight: the
 * view's elements are left as they are), until the next claim is opened.
 */
function showClaimInText(claim) {
  const d = lastDocs.get(claim.document);
  if (!d || !Array.isArray(claim.span)) return;
  const range = rangeOf(d.panel.annotated, claim.span);
  if (!range) return;
  clearClaimHighlight();
  if (typeof Highlight === 'function') CSS.highlights?.set(CLAIM_HIGHLIGHT, new Highlight(range));
  // The words to the middle of the text's own scrolling box, then that to the middle of the window.
  const view = d.panel.annotated;
  view.scrollTop += range.getBoundingClientRect().top - view.getBoundingClientRect().top - view.clientHeight / 2;
  const smooth = !window.matchMedia('(prefers-reduced-motion: reduce)').matches;
  window.scrollBy({ top: range.getBoundingClientRect().top - window.innerHeight / 2, behavior: smooth ? 'smooth' : 'auto' });
  view.focus({ preventScroll: true });
}

// ---------------------------------------------------------------- export

/** Export buttons: id → [format, file name, MIME type]. JSON is the analysis shown; the others
 * are written by the core (in the worker) from the same input. */
const EXPORTS = new Map([
  ['export-json', ['json', 'dateline.json', 'application/json']],
  ['export-timelinejs', ['timelinejs', 'dateline-timelinejs.json', 'application/json']],
  ['export-csv', ['csv', 'dateline-timeline.csv', 'text/csv']],
  ['export-timeml', ['timeml', 'dateline.tml', 'application/xml']],
]);

function download(text, name, type) {
  const blob = new Blob([text], { type });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

function exportAs(id) {
  if (!state.analysis) return;
  const [format, name, type] = EXPORTS.get(id);
  if (format === 'json') {
    download(`${JSON.stringify(state.analysis, null, 2)}\n`, name, type);
    return;
  }
  const seq = ++state.exportSeq;
  state.exports.set(seq, { name, type });
  state.worker.postMessage({ type: 'export', seq, format, input: state.lastInput });
}

function onExport(msg) {
  const wanted = state.exports.get(msg.seq);
  state.exports.delete(msg.seq);
  if (!wanted) return;
  if (msg.type === 'export-error') setStatus(`${versionPrefix()} · export failed: ${msg.error}`, 'error');
  else download(msg.text, wanted.name, wanted.type);
}

// ---------------------------------------------------------------- start

function clearAll() {
  if (!window.confirm('Remove all articles from this page and from this browser’s storage?')) return;
  clearTimeout(state.saveTimer);
  state.saveTimer = 0;
  state.saves += 1; // a save still under way no longer speaks for the page
  for (const p of state.panels) p.el.remove();
  state.panels = [];
  addPanel();
  setStorageMessage(null);
  requestAnalysis();
  clearArticles().then(() => {
    $('status').dataset.saved = 'true';
  });
}

function start() {
  tooltip = createTooltip($('timeline-wrap'));
  $('add-article').addEventListener('click', () => {
    const panel = addPanel();
    panel.text.focus();
    scheduleSave();
  });
  for (const id of EXPORTS.keys()) $(id).addEventListener('click', () => exportAs(id));
  $('clear-all').addEventListener('click', clearAll);
  window.addEventListener('pagehide', () => {
    if (state.saveTimer) saveNow();
  });
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'hidden' && state.saveTimer) saveNow();
  });
  let width = 0;
  new ResizeObserver(() => {
    const w = $('timeline').clientWidth;
    if (w !== width) {
      width = w;
      if (state.analysis) drawTimeline(lastDocs);
    }
  }).observe($('timeline'));

  startWorker();
  registerServiceWorker(showUpdateNotice);
  loadArticles().then((saved) => {
    if (saved.length) saved.forEach((a) => addPanel(a));
    else addPanel();
    $('status').dataset.loaded = 'true';
    requestAnalysis();
  });
}

start();
