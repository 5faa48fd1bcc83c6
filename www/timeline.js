// The story's timeline drawn as SVG (createElementNS only; all text through textContent).
//
// Every entry is an interval from the first instant of its `start` to the last instant of its
// `end` (a month is drawn a month wide), with a point marker at its start. Markers are packed
// greedily into rows so that none overlap. A linear "whole story" axis shows the background
// years; when most entries crowd one day far from the rest, a second "focus" axis shows the week
// around that day, with a "Story day" button that snaps it to that day's hours (the choice for
// showing decades and minutes at once: an overview plus a focus that zooms to the story day).
// Entries made of events are labelled with what happened; an entry that no mention states
// flatly (reported, hedged, scheduled) is drawn hollow and dashed.
// With several articles each axis has one lane per article (its colour, its name): an entry is
// drawn in the lane of every article that mentions it, at one x, the markers joined by a thin
// connector (see drawAxis for why lanes sit inside the overview and focus axes).

const SVG = 'http://www.w3.org/2000/svg';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const YEAR = 365.2425 * DAY;
const MONTH = YEAR / 12;

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August',
  'September', 'October', 'November', 'December'];
const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

// TIMEX3 parts of the day, as hours [from, to).
const PARTS_OF_DAY = { MO: [6, 12], MI: [11, 13], AF: [12, 18], EV: [18, 21], NI: [21, 24], DT: [9, 17] };
const PART_NAMES = { MO: 'morning', MI: 'midday', AF: 'afternoon', EV: 'evening', NI: 'night', DT: 'daytime' };
const SEASONS = { SP: [2, 3], SU: [5, 3], FA: [8, 3], AU: [8, 3], WI: [11, 3] }; // [first month, months]

const LAYOUT = {
  pad: 16, // left/right padding inside the svg
  top: 10, // space above the first row
  rowH: 24, // one row of markers
  axisH: 34, // axis line, ticks and their labels
  r: 5, // point marker radius
  barH: 10,
  minBar: 3, // minimum visible width of an interval, px
  labelChars: 34, // longest label drawn next to a marker
  charW: 6.4, // approximate width of one label character at 12px
  gap: 10, // horizontal space between markers in a row
  minTick: 86, // minimum px between axis ticks
};

// ---------------------------------------------------------------- time values

function utc(y, m = 0, d = 1, h = 0, min = 0, s = 0) {
  const t = new Date(0);
  t.setUTCFullYear(y, m, d); // (Date.UTC maps years 0..99 to 1900..1999)
  t.setUTCHours(h, min, s, 0);
  return t.getTime();
}

function isoWeekStart(year, week) {
  const jan4 = utc(year, 0, 4);
  const dow = (new Date(jan4).getUTCDay() + 6) % 7; // Monday = 0
  return jan4 - dow * DAY + (week - 1) * 7 * DAY;
}

/**
 * The interval `[first, end)` (ms since the epoch, UTC wall clock) covered by an ISO-8601 / TIMEX3
 * value prefix: `1976`, `197` (decade), `19` (century), `2013-07`, `2016-W51`, `2016-Q4`, `2016-H2`,
 * `2016-SU`, `2016-12-19`, `2016-12-19TEV`, `2016-12-19T18`, `2016-12-19T18:00[:00]`. A time-zone
 * suffix is ignored (times are drawn as written). Returns null for anything else.
 */
export function parsePrefix(value) {
  if (typeof value !== 'string') return null;
  const v = value.trim().replace(/(T[\d:]+)(?:Z|[+-]\d{2}(?::?\d{2})?)$/, '$1');
  let m;
  if ((m = /^(\d{4})$/.exec(v))) {
    const y = +m[1];
    return { first: utc(y), end: utc(y + 1) };
  }
  if ((m = /^(\d{3})X?$/.exec(v))) {
    const y = +m[1] * 10;
    return { first: utc(y), end: utc(y + 10) };
  }
  if ((m = /^(\d{2})(XX)?$/.exec(v))) {
    const y = +m[1] * 100;
    return { first: utc(y), end: utc(y + 100) };
  }
  if ((m = /^(\d{4})-(\d{2})$/.exec(v))) {
    const y = +m[1];
    const mo = +m[2] - 1;
    if (mo < 0 || mo > 11) return null;
    return { first: utc(y, mo), end: utc(y, mo + 1) };
  }
  if ((m = /^(\d{4})-W(\d{2})(-WE)?$/.exec(v))) {
    const start = isoWeekStart(+m[1], +m[2]);
    return m[3] ? { first: start + 5 * DAY, end: start + 7 * DAY } : { first: start, end: start + 7 * DAY };
  }
  if ((m = /^(\d{4})-Q([1-4])$/.exec(v))) {
    const y = +m[1];
    const q = +m[2] - 1;
    return { first: utc(y, q * 3), end: utc(y, q * 3 + 3) };
  }
  if ((m = /^(\d{4})-H([12])$/.exec(v))) {
    const y = +m[1];
    const h = +m[2] - 1;
    return { first: utc(y, h * 6), end: utc(y, h * 6 + 6) };
  }
  if ((m = /^(\d{4})-(SP|SU|FA|AU|WI)$/.exec(v))) {
    const y = +m[1];
    const [mo, n] = SEASONS[m[2]];
    return { first: utc(y, mo), end: utc(y, mo + n) };
  }
  if ((m = /^(\d{4})-(\d{2})-(\d{2})(?:T(?:(MO|MI|AF|EV|NI|DT)|(\d{2})(?::(\d{2})(?::(\d{2}))?)?))?$/.exec(v))) {
    const y = +m[1];
    const mo = +m[2] - 1;
    const d = +m[3];
    if (mo < 0 || mo > 11 || d < 1 || d > 31) return null;
    if (m[4]) {
      const [from, to] = PARTS_OF_DAY[m[4]];
      return { first: utc(y, mo, d, from), end: utc(y, mo, d, to) };
    }
    if (m[5] != null) {
      const h = +m[5];
      if (m[7] != null) {
        const first = utc(y, mo, d, h, +m[6], +m[7]);
        return { first, end: first + 1000 };
      }
      if (m[6] != null) {
        const first = utc(y, mo, d, h, +m[6]);
        return { first, end: first + MINUTE };
      }
      const first = utc(y, mo, d, h);
      return { first, end: first + HOUR };
    }
    return { first: utc(y, mo, d), end: utc(y, mo, d + 1) };
  }
  return null;
}

/** `[t0, t1)` for a timeline entry: first instant of `start` to last instant of `end`. */
export function entryInterval(entry) {
  const a = parsePrefix(entry.start);
  if (!a) return null;
  const b = entry.end != null && entry.end !== entry.start ? parsePrefix(entry.end) : a;
  const t1 = b && b.end > a.first ? b.end : a.end;
  return { t0: a.first, t1 };
}

/** A reader-friendly form of an ISO prefix ("July 2013", "Mon 19 December 2016, evening"). */
export function describePrefix(value) {
  if (typeof value !== 'string') return '';
  let m;
  if ((m = /^(\d{4})-(\d{2})$/.exec(value))) return `${MONTH_NAMES[+m[2] - 1] ?? m[2]} ${m[1]}`;
  if ((m = /^(\d{4})-(\d{2})-(\d{2})(?:T(.*))?$/.exec(value))) {
    const t = utc(+m[1], +m[2] - 1, +m[3]);
    const day = `${WEEKDAYS[new Date(t).getUTCDay()]} ${+m[3]} ${MONTH_NAMES[+m[2] - 1] ?? m[2]} ${m[1]}`;
    if (!m[4]) return day;
    return `${day}, ${PART_NAMES[m[4]] ?? m[4]}`;
  }
  return value;
}

// ---------------------------------------------------------------- axis ticks

const STEPS = [
  ...[1000, 500, 200, 100, 50, 20, 10, 5, 2, 1].map((n) => ({ unit: 'year', n, ms: n * YEAR })),
  ...[6, 3, 1].map((n) => ({ unit: 'month', n, ms: n * MONTH })),
  ...[7, 2, 1].map((n) => ({ unit: 'day', n, ms: n * DAY })),
  ...[12, 6, 3, 1].map((n) => ({ unit: 'hour', n, ms: n * HOUR })),
  ...[30, 15, 5, 1].map((n) => ({ unit: 'minute', n, ms: n * MINUTE })),
];

function floorTo(t, step) {
  const d = new Date(t);
  const y = d.getUTCFullYear();
  switch (step.unit) {
    case 'year':
      return utc(Math.floor(y / step.n) * step.n);
    case 'month':
      return utc(y, Math.floor(d.getUTCMonth() / step.n) * step.n);
    case 'day':
      if (step.n === 7) {
        const day0 = utc(y, d.getUTCMonth(), d.getUTCDate());
        return day0 - ((new Date(day0).getUTCDay() + 6) % 7) * DAY; // Monday
      }
      return utc(y, d.getUTCMonth(), d.getUTCDate());
    case 'hour':
      return utc(y, d.getUTCMonth(), d.getUTCDate(), Math.floor(d.getUTCHours() / step.n) * step.n);
    default:
      return utc(y, d.getUTCMonth(), d.getUTCDate(), d.getUTCHours(),
        Math.floor(d.getUTCMinutes() / step.n) * step.n);
  }
}

function addStep(t, step) {
  const d = new Date(t);
  switch (step.unit) {
    case 'year':
      return utc(d.getUTCFullYear() + step.n);
    case 'month':
      return utc(d.getUTCFullYear(), d.getUTCMonth() + step.n);
    case 'day':
      return utc(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate() + step.n);
    case 'hour':
      return t + step.n * HOUR;
    default:
      return t + step.n * MINUTE;
  }
}

function tickLabel(t, step, first) {
  const d = new Date(t);
  const y = d.getUTCFullYear();
  const mon = MONTHS[d.getUTCMonth()];
  switch (step.unit) {
    case 'year':
      return String(y);
    case 'month':
      if (d.getUTCMonth() === 0) return String(y);
      return first ? `${mon} ${y}` : mon;
    case 'day': {
      const day = `${WEEKDAYS[d.getUTCDay()]} ${d.getUTCDate()} ${mon}`;
      return first || (d.getUTCMonth() === 0 && d.getUTCDate() === 1) ? `${day} ${y}` : day;
    }
    default: {
      const hm = `${String(d.getUTCHours()).padStart(2, '0')}:${String(d.getUTCMinutes()).padStart(2, '0')}`;
      return first || (d.getUTCHours() === 0 && d.getUTCMinutes() === 0) ? `${d.getUTCDate()} ${mon} ${hm}` : hm;
    }
  }
}

/** Ticks for the domain `[t0, t1]` drawn `width` px wide: [{t, label, major}]. */
export function ticks(t0, t1, width) {
  const msPerPx = (t1 - t0) / Math.max(1, width);
  const step = [...STEPS].reverse().find((s) => s.ms / msPerPx >= LAYOUT.minTick) ?? STEPS[0];
  const out = [];
  for (let t = floorTo(t0, step); t <= t1 && out.length < 200; t = addStep(t, step)) {
    if (t >= t0) out.push({ t, label: tickLabel(t, step, out.length === 0) });
  }
  return out;
}

// ---------------------------------------------------------------- svg helpers

function el(name, attrs = {}, parent = null) {
  const node = document.createElementNS(SVG, name);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, String(v));
  if (parent) parent.appendChild(node);
  return node;
}

// Label widths measured with the label font, so row packing never lets labels overlap.
let measureCtx = null;
const widths = new Map(); // label → px, kept across redraws (zooming measures nothing new)
function textWidth(str) {
  const known = widths.get(str);
  if (known !== undefined) return known;
  if (widths.size > 20000) widths.clear();
  const w = measure(str);
  widths.set(str, w);
  return w;
}

function measure(str) {
  if (measureCtx === null) {
    measureCtx = document.createElement('canvas').getContext('2d') ?? false;
    if (measureCtx) measureCtx.font = `12px ${getComputedStyle(document.body).fontFamily || 'sans-serif'}`;
  }
  return measureCtx ? measureCtx.measureText(str).width * 1.08 + 2 : str.length * LAYOUT.charW;
}

function truncate(s, n) {
  const str = String(s ?? '');
  return str.length > n ? `${str.slice(0, n - 1)}…` : str;
}

// ---------------------------------------------------------------- labels

const squash = (str) => str.replace(/\s+/g, ' ');

/**
 * A short label for a marker: the words just before (and, room permitting, after) the entry's
 * first time expression in its sentence — "…entered the diplomatic service in 1976" — so the
 * marker says what happened; the full label is in the tooltip.
 */
export function contextLabel(text, span, sentence, max) {
  const [ts, te] = span;
  const [s, e] = sentence && sentence[0] <= ts && te <= sentence[1] ? sentence : [ts, te];
  const tx = squash(text.slice(ts, te)).trim();
  if (tx.length >= max) return truncate(tx, max);
  const budget = max - tx.length - 1;
  let before = squash(text.slice(s, ts)).trimStart();
  let after = squash(text.slice(te, e)).trimEnd();
  if (before.length > budget) {
    const cut = before.slice(before.length - budget + 1);
    const word = cut.indexOf(' ');
    before = `…${word >= 0 && word < cut.length - 1 ? cut.slice(word + 1) : cut}`;
  }
  const room = budget - before.length;
  if (after.length > room) {
    if (room < 8) after = after.length && /^\w/.test(after) ? '…' : '';
    else {
      const cut = after.slice(0, room - 1);
      const word = cut.lastIndexOf(' ');
      after = `${word > 0 ? cut.slice(0, word) : cut}…`;
    }
  }
  return `${before}${tx}${after}`.trim();
}

function markerLabel(entry, refs, docs, max) {
  if (entry.events?.length && entry.label) return truncate(entry.label, max);
  for (const ref of refs) {
    const doc = docs.get(ref.document);
    const timex = doc?.timexes.get(ref.timex);
    if (!timex || !Array.isArray(timex.span)) continue;
    return contextLabel(doc.text, timex.span, sentenceOf(timex, doc), max);
  }
  return truncate(entry.label || entry.start, max);
}

// ---------------------------------------------------------------- layout

/** Greedy row packing: each item {left, right} gets a `row`; returns the number of rows. */
export function packRows(items, gap = LAYOUT.gap) {
  const rowEnds = [];
  for (const it of [...items].sort((a, b) => a.left - b.left)) {
    let row = rowEnds.findIndex((end) => end + gap <= it.left);
    if (row < 0) {
      row = rowEnds.length;
      rowEnds.push(-Infinity);
    }
    rowEnds[row] = it.right;
    it.row = row;
  }
  return rowEnds.length;
}

/** The day (`YYYY-MM-DD`) holding most entries of day granularity or finer, with its count. */
function busiestDay(items) {
  const counts = new Map();
  for (const it of items) {
    if (it.t1 - it.t0 > DAY) continue;
    const key = new Date(it.t0).toISOString().slice(0, 10);
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  let best = null;
  for (const [day, n] of counts) if (!best || n > best.n) best = { day, n };
  return best;
}

// ---------------------------------------------------------------- drawing

/**
 * Draw `analysis.timeline` into `host` (an element; its content is replaced).
 *
 * `docs` maps a document id to {name, color, text, timexes: Map(id → timex)} so tooltips can show
 * the sentence each time expression came from. `onActivate(ref)` is called with
 * `{document, timex}` when a marker is clicked (successive clicks walk through its expressions).
 * Each marker lists its expressions as `data-timexes="d1/t3 d2/t1"`.
 * Returns {entries, unplaced}.
 */
export function renderTimeline(host, analysis, { docs, onActivate, tooltip }) {
  const items = [];
  let unplaced = 0;
  for (const entry of analysis?.timeline ?? []) {
    const iv = entryInterval(entry);
    if (!iv) {
      unplaced += 1;
      continue;
    }
    items.push({ entry, ...iv });
  }
  host.replaceChildren();
  if (!items.length) {
    const p = document.createElement('p');
    p.className = 'tl-empty';
    p.textContent = analysis ? 'No dated expressions to place on a timeline yet.' : 'Paste an article to see its timeline.';
    host.appendChild(p);
    return { entries: 0, unplaced };
  }

  const width = Math.max(240, Math.floor(host.clientWidth || 800));
  const t0 = Math.min(...items.map((i) => i.t0));
  const t1 = Math.max(...items.map((i) => i.t1));

  // A focus on the busiest day when the whole story spans much more than a fortnight.
  const busy = busiestDay(items);
  let focus = null;
  if (busy && busy.n >= 2 && t1 - t0 > 21 * DAY) {
    const day = parsePrefix(busy.day);
    focus = { day: busy.day, t0: day.first - 3 * DAY, t1: day.first + 4 * DAY, dayEnd: day.end };
  }

  const ctx = { docs, onActivate, tooltip, clicks: new WeakMap() };
  const [y0, y1] = [new Date(t0).getUTCFullYear(), new Date(t1 - 1).getUTCFullYear()];
  const overview = section(host, 'Whole story', y0 === y1 ? String(y0) : `${y0} – ${y1}`);
  zoomableAxis(overview, items, { t0, t1, width, band: focus, collapse: focus }, ctx);
  if (focus) {
    const fsec = section(host, 'Focus', `the week around ${describePrefix(focus.day)}`);
    fsec.id = 'tl-focus';
    zoomableAxis(fsec, items.filter((it) => it.t1 - it.t0 <= 7 * DAY), {
      t0: focus.t0, t1: focus.t1, width, band: { t0: focus.t0 + 3 * DAY, t1: focus.dayEnd }, collapse: null,
      snap: { t0: focus.t0 + 3 * DAY, t1: focus.dayEnd },
    }, ctx);
  }
  if (unplaced) {
    const note = document.createElement('p');
    note.className = 'tl-note';
    note.textContent = `${unplaced} timeline entr${unplaced === 1 ? 'y has' : 'ies have'} a date this page cannot draw.`;
    host.appendChild(note);
  }
  return { entries: items.length, unplaced };
}

function section(host, title, subtitle) {
  const sec = document.createElement('section');
  sec.className = 'tl-section';
  const head = document.createElement('div');
  head.className = 'tl-head';
  const h = document.createElement('h3');
  h.textContent = title;
  const small = document.createElement('span');
  small.className = 'tl-sub';
  small.textContent = ` ${subtitle}`;
  h.appendChild(small);
  head.appendChild(h);
  sec.appendChild(head);
  host.appendChild(sec);
  return sec;
}

const MIN_SPAN = 2 * HOUR; // deepest zoom
const LANE_HEAD = 14; // an article lane's name line, px
const COLLAPSE_ABOVE = 120 * DAY; // the overview shows the focus week as one cluster when wider

/**
 * An axis the reader can zoom (buttons, Ctrl+wheel, a two-finger pinch, double-click, the + and −
 * keys) and pan (drag, the arrow keys) within `[t0, t1]`; `opts.snap` adds a "Story day" button
 * that zooms to that interval. Each change redraws it with a fresh row packing.
 */
function zoomableAxis(sec, items, opts, ctx) {
  const span = Math.max(opts.t1 - opts.t0, MINUTE);
  const full = { lo: opts.t0 - span * 0.02, hi: opts.t1 + span * 0.02 };
  let view = { ...full };
  const plot = document.createElement('div');
  plot.className = 'tl-plot';
  sec.appendChild(plot);

  const controls = document.createElement('div');
  controls.className = 'tl-zoom';
  const button = (text, label, fn) => {
    const b = document.createElement('button');
    b.type = 'button';
    b.textContent = text;
    b.title = label;
    b.setAttribute('aria-label', label);
    b.addEventListener('click', fn);
    controls.appendChild(b);
    return b;
  };
  const middle = () => (view.lo + view.hi) / 2;
  const zoomOut = button('−', 'Zoom out', () => zoom(middle(), 2));
  const zoomIn = button('+', 'Zoom in', () => zoom(middle(), 0.5));
  const reset = button('Reset', 'Show everything', () => setView(full));
  if (opts.snap) {
    const margin = (opts.snap.t1 - opts.snap.t0) * 0.04;
    button('Story day', 'Zoom to the story day', () => setView({ lo: opts.snap.t0 - margin, hi: opts.snap.t1 + margin }))
      .classList.add('tl-snap');
  }
  sec.querySelector('.tl-head').appendChild(controls);
  plot.tabIndex = 0;
  plot.setAttribute('aria-label', 'Timeline: + and − zoom, arrow keys pan, 0 shows everything');
  plot.addEventListener('keydown', (e) => {
    const w = view.hi - view.lo;
    const actions = {
      '+': () => zoom(middle(), 0.5),
      '=': () => zoom(middle(), 0.5),
      '-': () => zoom(middle(), 2),
      '_': () => zoom(middle(), 2),
      ArrowLeft: () => setView({ lo: view.lo - w * 0.2, hi: view.hi - w * 0.2 }),
      ArrowRight: () => setView({ lo: view.lo + w * 0.2, hi: view.hi + w * 0.2 }),
      0: () => setView(full),
      Home: () => setView(full),
    };
    const act = actions[e.key];
    if (!act || e.ctrlKey || e.metaKey || e.altKey) return;
    e.preventDefault();
    act();
  });

  function setView(next) {
    const asked = next.hi - next.lo;
    const w = Math.min(Math.max(asked, MIN_SPAN), full.hi - full.lo);
    const lo = w === asked ? next.lo : (next.lo + next.hi) / 2 - w / 2;
    view = { lo: Math.max(full.lo, Math.min(lo, full.hi - w)) };
    view.hi = view.lo + w;
    draw();
  }
  function zoom(at, factor) {
    const w = (view.hi - view.lo) * factor;
    const f = (at - view.lo) / (view.hi - view.lo);
    setView({ lo: at - f * w, hi: at - f * w + w });
  }
  let pending = 0;
  function draw() {
    cancelAnimationFrame(pending);
    pending = requestAnimationFrame(() => {
      ctx.tooltip?.hide();
      plot.replaceChildren(drawAxis(items, view, opts, ctx));
      const whole = view.lo <= full.lo && view.hi >= full.hi;
      zoomOut.disabled = whole;
      reset.disabled = whole;
      zoomIn.disabled = view.hi - view.lo <= MIN_SPAN;
    });
  }
  const timeAt = (clientX) => {
    const box = plot.getBoundingClientRect();
    const f = (clientX - box.left - LAYOUT.pad) / Math.max(1, box.width - 2 * LAYOUT.pad);
    return view.lo + f * (view.hi - view.lo);
  };
  const onMarker = (e) => e.target.closest?.('.tl-entry, .tl-cluster');

  plot.addEventListener('wheel', (e) => {
    if (!(e.ctrlKey || e.metaKey)) return; // plain wheel scrolls the page
    e.preventDefault();
    zoom(timeAt(e.clientX), Math.exp(Math.max(-1, Math.min(1, e.deltaY / 200))));
  }, { passive: false });
  plot.addEventListener('dblclick', (e) => {
    if (!onMarker(e)) zoom(timeAt(e.clientX), 0.5);
  });
  // One pointer drags; two (fingers) pinch to zoom around their middle.
  let drag = null;
  let pinch = null;
  const pointers = new Map();
  const spread = () => {
    const [a, b] = [...pointers.values()];
    return { d: Math.max(1, Math.abs(a - b)), mid: (a + b) / 2 };
  };
  plot.addEventListener('pointerdown', (e) => {
    if (e.button !== 0) return;
    // A finger on a marker may start a pinch, but is not captured: a tap must stay a click.
    if (onMarker(e)) {
      if (e.pointerType === 'touch') pointers.set(e.pointerId, e.clientX);
      return;
    }
    pointers.set(e.pointerId, e.clientX);
    plot.setPointerCapture(e.pointerId);
    if (pointers.size === 2) {
      drag = null;
      const { d, mid } = spread();
      pinch = { d, at: timeAt(mid), view: { ...view } };
      return;
    }
    drag = { x: e.clientX, view: { ...view }, perPx: (view.hi - view.lo) / Math.max(1, plot.clientWidth - 2 * LAYOUT.pad) };
    plot.classList.add('dragging');
  });
  plot.addEventListener('pointermove', (e) => {
    if (!pointers.has(e.pointerId)) return;
    pointers.set(e.pointerId, e.clientX);
    if (pinch && pointers.size === 2) {
      const factor = pinch.d / spread().d;
      const w = (pinch.view.hi - pinch.view.lo) * factor;
      const f = (pinch.at - pinch.view.lo) / (pinch.view.hi - pinch.view.lo);
      setView({ lo: pinch.at - f * w, hi: pinch.at - f * w + w });
      return;
    }
    if (!drag) return;
    const dt = (drag.x - e.clientX) * drag.perPx;
    setView({ lo: drag.view.lo + dt, hi: drag.view.hi + dt });
  });
  const endDrag = (e) => {
    pointers.delete(e.pointerId);
    if (pointers.size < 2) pinch = null;
    drag = null;
    plot.classList.remove('dragging');
  };
  plot.addEventListener('pointerup', endDrag);
  plot.addEventListener('pointercancel', endDrag);

  plot.appendChild(drawAxis(items, view, opts, ctx));
  zoomOut.disabled = true;
  reset.disabled = true;
}

/**
 * The lanes of an axis: one per article when there are several (`{doc, name, color}`), else one
 * unnamed lane holding everything (`doc: null`).
 */
export function lanesOf(docs) {
  if (docs.size <= 1) return [{ doc: null, name: '', color: null }];
  return [...docs].map(([doc, d]) => ({ doc, name: d.name, color: d.color }));
}

/**
 * What lane `lane` draws of an entry: its time expressions and events mentioned by that lane's
 * article (by any shown article for the single lane). Null when the lane has none.
 */
export function laneRefs(entry, lane, docs) {
  const keep = (ref) => docs.has(ref.document) && (lane.doc == null || ref.document === lane.doc);
  const refs = (entry.timexes ?? []).filter(keep);
  const events = (entry.events ?? []).filter(keep);
  return refs.length || events.length ? { refs, events } : null;
}

/**
 * One axis as an <svg>: the items visible in `view`, in one lane per article (each lane packed
 * into rows of its own), above one time axis they share.
 *
 * Lanes sit inside each axis (the whole story and the focus week each show every article), not
 * one axis per article: the time scale is the outer choice (overview or focus, zoomed and panned
 * together), the source the inner one, so an entry several articles mention sits at one x in
 * each of their lanes, joined by a thin vertical connector: one happening, told by each of them.
 */
function drawAxis(allItems, { lo, hi }, { width, band, collapse }, ctx) {
  const { pad, top, rowH, axisH, minBar, labelChars } = LAYOUT;
  const x = (t) => pad + ((t - lo) / (hi - lo)) * (width - 2 * pad);
  const visible = allItems.filter((it) => it.t1 > lo && it.t0 < hi);
  const collapsing = collapse && hi - lo > COLLAPSE_ABOVE;
  const inCluster = (it) => collapsing && it.t0 >= collapse.t0 && it.t1 <= collapse.t1;
  const items = visible.filter((it) => !inCluster(it));
  const clusters = visible.filter(inCluster);

  const lanes = lanesOf(ctx.docs).map((lane) => {
    const marks = [];
    for (const it of items) {
      const mine = laneRefs(it.entry, lane, ctx.docs);
      if (!mine && lane.doc != null) continue;
      const { refs, events } = mine ?? { refs: [], events: [] };
      const label = markerLabel(it.entry, refs, ctx.docs, labelChars);
      const docIds = [...new Set([...events, ...refs].map((ref) => ref.document))];
      const x0 = x(Math.max(it.t0, lo));
      const barW = Math.max(minBar, x(Math.min(it.t1, hi)) - x0);
      const dots = Math.max(1, docIds.length);
      marks.push({ ...it, refs, events, docIds, x0, barW, ...placeLabel(x0, barW, dots, label, width) });
    }
    const mineClustered = clusters.filter((it) => lane.doc == null || laneRefs(it.entry, lane, ctx.docs));
    if (mineClustered.length) {
      const x0 = x(Math.min(...mineClustered.map((c) => c.t0)));
      const label = `${mineClustered.length} around ${shortDay(collapse.day)} ↓`;
      marks.push({ cluster: true, x0, ...placeLabel(x0, 0, 1, label, width) });
    }
    const rows = Math.max(1, packRows(marks));
    const head = lane.doc == null ? 0 : LANE_HEAD;
    return { ...lane, marks, rows, head, height: head + rows * rowH };
  });
  const lanesH = lanes.reduce((n, l) => n + l.height, 0);
  const height = top + lanesH + axisH;
  const svg = el('svg', {
    class: 'tl-svg', width, height, viewBox: `0 0 ${width} ${height}`, role: 'group',
    'aria-label': `${items.length} timeline entries${lanes.length > 1 ? ` in ${lanes.length} article lanes` : ''}`,
  });
  const axisY = top + lanesH + 6;

  // The focus week in the overview; the story's day in the focus.
  if (band && band.t1 > lo && band.t0 < hi) {
    const fx0 = x(Math.max(band.t0, lo));
    const fx1 = Math.max(fx0 + 4, x(Math.min(band.t1, hi)));
    el('rect', { class: 'tl-focus-band', x: fx0, y: 0, width: fx1 - fx0, height: axisY }, svg);
  }

  // Axis and ticks; the grid lines cross every lane.
  const axis = el('g', { class: 'tl-axis' }, svg);
  el('line', { x1: pad, x2: width - pad, y1: axisY, y2: axisY }, axis);
  for (const tk of ticks(lo, hi, width - 2 * pad)) {
    const tx = x(tk.t);
    el('line', { class: 'tl-grid', x1: tx, x2: tx, y1: top - 4, y2: axisY }, axis);
    el('line', { x1: tx, x2: tx, y1: axisY, y2: axisY + 5 }, axis);
    const text = el('text', { x: tx, y: axisY + 18, 'text-anchor': 'middle' }, axis);
    text.textContent = tk.label;
  }

  // The lanes, top to bottom in the articles' order; every marker remembers its y to be joined.
  let laneTop = top;
  const placed = new Map(); // entry → its markers [{cy, x0, g}], one per lane
  const links = el('g', { class: 'tl-links' }, svg);
  for (const lane of lanes) {
    const g = el('g', { class: 'tl-lane' }, svg);
    if (lane.doc != null) {
      g.dataset.document = lane.doc;
      g.setAttribute('aria-label', lane.name);
      el('line', { class: 'tl-lane-rule', x1: pad / 2, x2: width - pad / 2, y1: laneTop - 2, y2: laneTop - 2 }, g);
      el('rect', { class: 'tl-lane-swatch', x: pad / 2, y: laneTop + 2, width: 8, height: 8, rx: 2, fill: lane.color }, g);
      el('text', { class: 'tl-lane-name', x: pad / 2 + 12, y: laneTop + 10 }, g).textContent = truncate(lane.name, 60);
    }
    for (const m of lane.marks) {
      const cy = laneTop + lane.head + m.row * rowH + rowH / 2;
      if (m.cluster) {
        drawCluster(g, m, cy);
        continue;
      }
      const marker = drawMarker(g, m, cy, ctx);
      if (lane.doc != null) marker.dataset.document = lane.doc;
      if (!placed.has(m.entry)) placed.set(m.entry, []);
      placed.get(m.entry).push({ cy, x0: m.x0, g: marker });
    }
    laneTop += lane.height;
  }

  // One happening, several lanes: a thin connector at its x; hovering one marker lights the others.
  for (const group of placed.values()) {
    if (group.length < 2) continue;
    const ys = group.map((p) => p.cy);
    const line = el('line', {
      class: 'tl-link', x1: group[0].x0, x2: group[0].x0, y1: Math.min(...ys), y2: Math.max(...ys),
    }, links);
    const on = (lit) => {
      line.classList.toggle('linked', lit);
      for (const p of group) p.g.classList.toggle('sibling', lit);
    };
    for (const p of group) {
      p.g.addEventListener('mouseenter', () => on(true));
      p.g.addEventListener('mouseleave', () => on(false));
      p.g.addEventListener('focus', () => on(true));
      p.g.addEventListener('blur', () => on(false));
    }
  }
  return svg;
}

/**
 * Where a marker's label goes: after a short bar (else just after the point), or before the point
 * when it would run off the right edge; shortened when neither side has room.
 * Returns {label, labelX, anchor, left, right}.
 */
function placeLabel(x0, barW, dots, label, width) {
  const { r, pad, charW } = LAYOUT;
  const pointsEnd = x0 + r + (dots - 1) * (r + 2);
  const startX = (barW <= 80 ? Math.max(pointsEnd, x0 + barW) : pointsEnd) + 4;
  const roomRight = width - pad / 2 - startX;
  const roomLeft = x0 - r - 4 - pad / 2;
  // The longest prefix of the label that fits `room` px (measured, not guessed).
  const textW = textWidth(label);
  const fit = (room) => {
    if (textW <= room) return label;
    // Start from the proportional length, then step down the few characters it may be over.
    let n = Math.max(4, Math.min(Math.floor(room / charW), Math.floor((label.length * room) / textW)));
    while (n > 4 && textWidth(truncate(label, n)) > room) n -= 1;
    return truncate(label, n);
  };
  if (textW <= roomRight || roomRight >= roomLeft) {
    const text = fit(roomRight);
    return { label: text, labelX: startX, anchor: 'start', left: x0 - r, right: Math.max(x0 + barW, startX + textWidth(text)) };
  }
  const text = fit(roomLeft);
  const labelX = x0 - r - 4;
  return { label: text, labelX, anchor: 'end', left: labelX - textWidth(text), right: Math.max(x0 + barW, pointsEnd) };
}

function shortDay(day) {
  const t = parsePrefix(day).first;
  const d = new Date(t);
  return `${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()}`;
}

function drawCluster(svg, m, cy) {
  const { r } = LAYOUT;
  const g = el('g', { class: 'tl-cluster', tabindex: 0, role: 'link' }, svg);
  el('title', {}, g).textContent = m.label;
  el('rect', { x: m.x0 - r, y: cy - r, width: 2 * r, height: 2 * r, rx: 2 }, g);
  el('text', { x: m.labelX, y: cy + 4, 'text-anchor': m.anchor }, g).textContent = m.label;
  const go = () => document.getElementById('tl-focus')?.scrollIntoView({ block: 'nearest', behavior: 'smooth' });
  g.addEventListener('click', go);
  g.addEventListener('keydown', (e) => {
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      go();
    }
  });
}

function drawMarker(svg, m, cy, ctx) {
  const { r, barH } = LAYOUT;
  const { entry } = m;
  const colors = m.docIds.map((id) => ctx.docs.get(id).color);
  const g = el('g', {
    class: `tl-entry${entry.uncertain ? ' tl-uncertain' : ''}${entry.inferred ? ' tl-inferred' : ''}`, tabindex: 0, role: 'button',
    'data-start': entry.start, 'data-end': entry.end ?? entry.start, 'data-granularity': entry.granularity ?? '',
    'data-group': entry.group ?? '',
    'data-timexes': m.refs.map((ref) => `${ref.document}/${ref.timex}`).join(' '),
    'data-events': m.events.map((ref) => `${ref.document}/${ref.event}`).join(' '),
  }, svg);
  const hedge = (entry.uncertain ? ' (reported, hedged or scheduled)' : '')
    + (entry.inferred ? ' (date inferred: the news day)' : '');
  el('title', {}, g).textContent = `${entry.label ?? ''} — ${entry.start}${entry.end && entry.end !== entry.start ? ` to ${entry.end}` : ''}${hedge}`;
  el('rect', {
    class: 'tl-bar', x: m.x0, y: cy - barH / 2, width: m.barW, height: barH, rx: 2,
    fill: colors.length === 1 ? colors[0] : '#718096', 'fill-opacity': 0.35,
  }, g);
  (colors.length ? colors : ['#718096']).forEach((color, i) => {
    el('circle', { class: 'tl-point', cx: m.x0 + i * (r + 2), cy, r, fill: color }, g);
  });
  el('text', { class: 'tl-label', x: m.labelX, y: cy + 4, 'text-anchor': m.anchor }, g).textContent = m.label;

  const targets = m.events.length ? m.events : m.refs;
  const show = () => ctx.tooltip?.show(g, tooltipContent(entry, targets, ctx.docs));
  const hide = () => ctx.tooltip?.hide(g);
  g.addEventListener('mouseenter', show);
  g.addEventListener('focus', show);
  g.addEventListener('mouseleave', hide);
  g.addEventListener('blur', hide);
  const activate = () => {
    if (!targets.length) return;
    const n = ctx.clicks.get(g) ?? 0;
    ctx.clicks.set(g, n + 1);
    ctx.onActivate?.(targets[n % targets.length]);
  };
  g.addEventListener('click', activate);
  g.addEventListener('keydown', (e) => {
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      activate();
    }
  });
  return g;
}

// ---------------------------------------------------------------- tooltip

/** What a reference points at: a time expression or an event (both have `span` and `sentence`). */
function target(ref, doc) {
  return ref.event != null ? doc?.events?.get(ref.event) : doc?.timexes.get(ref.timex);
}

/** The sentence of `timex` in `text`: its `sentence` span, else the text around it. */
export function sentenceOf(timex, doc) {
  const n = doc.text.length;
  let [s, e] = Array.isArray(timex.sentence) ? timex.sentence : [NaN, NaN];
  if (!(Number.isInteger(s) && Number.isInteger(e) && s >= 0 && e > s && e <= n)) {
    const [ts, te] = timex.span;
    const found = (doc.sentences ?? []).find(([a, b]) => a <= ts && te <= b);
    [s, e] = found ?? [Math.max(0, ts - 100), Math.min(n, te + 100)];
  }
  return [s, e];
}

const SENTENCE_MAX = 280;
const SENTENCES_SHOWN = 3;

/** Tooltip content (a DocumentFragment, text only) for a timeline entry. */
export function tooltipContent(entry, refs, docs) {
  const frag = document.createDocumentFragment();
  const div = (cls, text) => {
    const d = document.createElement('div');
    d.className = cls;
    if (text != null) d.textContent = text;
    frag.appendChild(d);
    return d;
  };
  const ranged = entry.end && entry.end !== entry.start;
  div('tt-when', ranged ? `${describePrefix(entry.start)} – ${describePrefix(entry.end)}` : describePrefix(entry.start));
  div('tt-value', `${ranged ? `${entry.start} – ${entry.end}` : entry.start} · ${entry.granularity ?? '?'}`);
  const shown = [];
  for (const ref of refs.slice(0, SENTENCES_SHOWN)) {
    const doc = docs.get(ref.document);
    const timex = target(ref, doc);
    if (!timex || !Array.isArray(timex.span)) continue;
    const box = div('tt-sentence');
    if (docs.size > 1) {
      const who = document.createElement('span');
      who.className = 'tt-doc';
      who.textContent = doc.name;
      who.style.borderColor = doc.color;
      box.appendChild(who);
    }
    const [s, e] = sentenceOf(timex, doc);
    shown.push(squash(doc.text.slice(s, e)));
    const [ts, te] = timex.span;
    const inside = ts >= s && te <= e;
    let before = inside ? doc.text.slice(s, ts) : doc.text.slice(s, e);
    let after = inside ? doc.text.slice(te, e) : '';
    if (before.length + after.length > SENTENCE_MAX) {
      const keep = SENTENCE_MAX / 2;
      if (before.length > keep) before = `…${before.slice(before.length - keep)}`;
      if (after.length > keep) after = `${after.slice(0, keep)}…`;
    }
    box.appendChild(document.createTextNode(squash(before).trimStart()));
    if (inside) {
      const em = document.createElement('mark');
      em.textContent = doc.text.slice(ts, te);
      box.appendChild(em);
      box.appendChild(document.createTextNode(squash(after).trimEnd()));
    }
  }
  // The core's label, unless it is just the sentence shown above.
  const label = squash(entry.label ?? '').replace(/…$/, '').trim();
  if (label && !shown.some((sentence) => sentence.includes(label))) {
    frag.insertBefore(Object.assign(document.createElement('div'), { className: 'tt-label', textContent: label }),
      frag.children[2] ?? null);
  }
  if (entry.uncertain) div('tt-hedge', 'Not stated flatly: reported, hedged or scheduled');
  if (entry.inferred) div('tt-hedge', 'Date inferred: no time in the text, read as the news day (news_day)');
  if (refs.length > SENTENCES_SHOWN) div('tt-more', `and ${refs.length - SENTENCES_SHOWN} more`);
  if (refs.length) div('tt-hint', refs.length > 1 ? `${refs.length} mentions: click to visit each in the text` : 'Click to show it in the text');
  return frag;
}

/** A tooltip: a positioned div inside `host` (which is position: relative). */
export function createTooltip(host) {
  const tip = document.createElement('div');
  tip.className = 'tl-tooltip';
  tip.setAttribute('role', 'tooltip');
  tip.hidden = true;
  host.appendChild(tip);
  let owner = null;
  return {
    element: tip,
    show(target, content) {
      owner = target;
      tip.replaceChildren(content);
      tip.hidden = false;
      const hostBox = host.getBoundingClientRect();
      const box = target.getBoundingClientRect();
      const tipW = tip.offsetWidth;
      let left = box.left - hostBox.left;
      left = Math.max(4, Math.min(left, host.clientWidth - tipW - 4));
      tip.style.left = `${left}px`;
      tip.style.top = `${box.bottom - hostBox.top + 6}px`;
    },
    hide(target) {
      if (target && target !== owner) return;
      owner = null;
      tip.hidden = true;
    },
  };
}
