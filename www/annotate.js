// The annotated view of one article: its text with time expressions and event triggers
// highlighted.
//
// Built only from text nodes and elements whose content is set with textContent: the article is
// untrusted input and is never parsed as HTML.

/**
 * Check a `[start, end)` span against a text length; returns a clamped `[s, e]` or null.
 * Spans are UTF-16 code unit offsets (what String.prototype.slice takes).
 */
export function cleanSpan(span, length) {
  if (!Array.isArray(span) || span.length < 2) return null;
  const [s, e] = span;
  if (!Number.isInteger(s) || !Number.isInteger(e) || s < 0 || e <= s || s >= length) return null;
  return [s, Math.min(e, length)];
}

/** The title shown on a time expression: `type value (rule, anchor)`. */
export function timexTitle(t) {
  const how = [t.rule, t.anchor].filter((x) => x != null && x !== '').join(', ');
  const mod = t.mod ? ` ${t.mod}` : '';
  return `${t.type ?? '?'} ${t.value ?? '?'}${mod}${how ? ` (${how})` : ''}`;
}

/** The title shown on an event: `trigger: class, tense, cues (how its time was found)`. */
export function eventTitle(v) {
  const flags = [v.positive === false && 'negated', v.future && 'future', v.reported && 'reported', v.hypothetical && 'hypothetical']
    .filter(Boolean);
  const when = v.time ? `${v.time.start ?? '…'} – ${v.time.end ?? '…'} (${v.time.anchor})` : 'no time';
  return `event ${v.trigger ?? '?'}: ${[v.class, v.tense, ...flags].filter(Boolean).join(', ')}; ${when}`;
}

/**
 * Properly nested annotations from a flat list: sorted by start (longer first); an annotation that
 * crosses the boundary of an earlier one is dropped. Returns {roots, dropped}; each node has
 * `children`.
 */
export function nest(annotations) {
  const sorted = annotations
    .map((a, i) => ({ ...a, i, children: [] }))
    .sort((a, b) => a.start - b.start || b.end - a.end || a.i - b.i);
  const roots = [];
  const stack = [];
  let dropped = 0;
  for (const a of sorted) {
    while (stack.length && stack[stack.length - 1].end <= a.start) stack.pop();
    const parent = stack[stack.length - 1];
    if (parent && a.end > parent.end) {
      dropped += 1;
      continue;
    }
    (parent ? parent.children : roots).push(a);
    stack.push(a);
  }
  return { roots, dropped };
}

/**
 * Render `text` into `container` with `doc`'s time expressions and event triggers (and its
 * creation-time span) as <mark> elements. Returns the number of those that could not be shown
 * (a bad span, or one crossing another's boundary).
 */
export function renderAnnotated(container, text, doc) {
  const annotations = [];
  let skipped = 0;
  for (const t of doc?.timexes ?? []) {
    const span = cleanSpan(t.span, text.length);
    if (!span) {
      skipped += 1;
      continue;
    }
    annotations.push({ start: span[0], end: span[1], timex: t });
  }
  for (const v of doc?.events ?? []) {
    if (v.kind === 'age') continue; // a birth worked out from an age: its words are not a trigger
    const span = cleanSpan(v.span, text.length);
    if (span) annotations.push({ start: span[0], end: span[1], event: v });
  }
  const ct = doc?.creation_time;
  const ctSpan = ct && ct.source === 'text' ? cleanSpan(ct.span, text.length) : null;
  if (ctSpan) annotations.push({ start: ctSpan[0], end: ctSpan[1], creation: ct });

  const { roots, dropped } = nest(annotations);
  const fragment = document.createDocumentFragment();
  appendRange(fragment, text, 0, text.length, roots);
  container.replaceChildren(fragment);
  return skipped + dropped;
}

function appendRange(parent, text, start, end, nodes) {
  let at = start;
  for (const n of nodes) {
    if (n.start > at) parent.appendChild(document.createTextNode(text.slice(at, n.start)));
    const el = n.timex ? timexElement(n.timex) : n.event ? eventElement(n.event) : creationElement(n.creation);
    appendRange(el, text, n.start, n.end, n.children);
    parent.appendChild(el);
    at = n.end;
  }
  if (end > at) parent.appendChild(document.createTextNode(text.slice(at, end)));
}

function timexElement(t) {
  const mark = document.createElement('mark');
  mark.className = 'timex';
  mark.dataset.timex = String(t.id);
  if (t.type) mark.dataset.type = String(t.type);
  mark.title = timexTitle(t);
  mark.tabIndex = -1;
  return mark;
}

function eventElement(v) {
  const mark = document.createElement('mark');
  mark.className = `event${v.reported || v.hypothetical || v.future ? ' hedged' : ''}${v.positive === false ? ' negated' : ''}`;
  mark.dataset.event = String(v.id);
  mark.title = eventTitle(v);
  mark.tabIndex = -1;
  return mark;
}

function creationElement(ct) {
  const span = document.createElement('span');
  span.className = 'dateline';
  span.title = `creation time ${ct.value ?? '?'} (dateline found in the text)`;
  return span;
}
