// The annotated view of one article: its text with time expressions, event triggers, names,
// quotes, sources and hedges highlighted, and hedged sentences marked.
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
  const droppedItems = [];
  for (const a of sorted) {
    while (stack.length && stack[stack.length - 1].end <= a.start) stack.pop();
    const parent = stack[stack.length - 1];
    if (parent && a.end > parent.end) {
      dropped += 1;
      droppedItems.push(a);
      continue;
    }
    (parent ? parent.children : roots).push(a);
    stack.push(a);
  }
  return { roots, dropped, droppedItems };
}

/**
 * Render `text` into `container` with `doc`'s time expressions (and its creation-time span), event
 * triggers, entity mentions, quotes, cited sources and hedges as elements, hedged sentences
 * wrapped. Returns the number of time expressions and event triggers that could not be shown (a
 * bad span, or one crossing another's boundary).
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

  for (const c of doc?.certainty ?? []) {
    const span = c.value !== 'certain' ? cleanSpan(c.sentence, text.length) : null;
    if (span) annotations.push({ start: span[0], end: span[1], hedged: c });
  }
  for (const q of doc?.quotes ?? []) {
    const span = cleanSpan(q.span, text.length);
    if (span) annotations.push({ start: span[0], end: span[1], quote: q });
  }
  for (const s of doc?.sources ?? []) {
    const span = cleanSpan(s.span, text.length);
    if (span) annotations.push({ start: span[0], end: span[1], source: s });
  }
  for (const e of doc?.entities ?? []) {
    for (const m of e.mentions ?? []) {
      const span = cleanSpan(m, text.length);
      if (span) annotations.push({ start: span[0], end: span[1], entity: e });
    }
  }
  for (const h of doc?.hedges ?? []) {
    const span = cleanSpan(h.span, text.length);
    if (span) annotations.push({ start: span[0], end: span[1], hedge: h });
  }

  const { roots, droppedItems } = nest(annotations);
  const dropped = droppedItems.filter((a) => a.timex || a.event).length;
  const fragment = document.createDocumentFragment();
  appendRange(fragment, text, 0, text.length, roots);
  container.replaceChildren(fragment);
  return skipped + dropped;
}

function appendRange(parent, text, start, end, nodes) {
  let at = start;
  for (const n of nodes) {
    if (n.start > at) parent.appendChild(document.createTextNode(text.slice(at, n.start)));
    const el = elementFor(n);
    appendRange(el, text, n.start, n.end, n.children);
    parent.appendChild(el);
    at = n.end;
  }
  if (end > at) parent.appendChild(document.createTextNode(text.slice(at, end)));
}

function elementFor(n) {
  if (n.timex) return timexElement(n.timex);
  if (n.event) return eventElement(n.event);
  if (n.creation) return creationElement(n.creation);
  if (n.entity) return entityElement(n.entity);
  if (n.quote) return quoteElement(n.quote);
  if (n.source) return sourceElement(n.source);
  if (n.hedge) return hedgeElement(n.hedge);
  return hedgedElement(n.hedged);
}

function entityElement(e) {
  const mark = document.createElement('mark');
  mark.className = `entity kind-${e.kind}${e.media ? ' media' : ''}`;
  mark.dataset.entity = String(e.id);
  mark.title = `${e.kind}${e.media ? ' (news outlet or agency)' : ''}: ${e.name} (${e.rule})`;
  return mark;
}

function quoteElement(q) {
  const span = document.createElement('span');
  span.className = q.speaker_text ? 'quote' : 'quote unattributed';
  span.dataset.quote = String(q.id);
  span.title = q.speaker_text ? `quote: ${q.speaker_text}${q.cue ? ` (${q.cue})` : ''} · ${q.rule}` : 'quote: no speaker given';
  return span;
}

function sourceElement(s) {
  const span = document.createElement('span');
  span.className = 'source';
  span.dataset.source = String(s.id);
  span.title = `source: ${s.name} (${s.cue}) · ${s.rule}`;
  return span;
}

function hedgeElement(h) {
  const mark = document.createElement('mark');
  mark.className = 'hedge';
  mark.dataset.certainty = String(h.certainty);
  mark.title = `hedge: ${h.certainty} (${h.rule})`;
  return mark;
}

function hedgedElement(c) {
  const span = document.createElement('span');
  span.className = 'hedged';
  span.dataset.certainty = String(c.value);
  span.title = `${c.value}: ${(c.cues ?? []).join(', ')} (${c.rule})${c.sourced ? '' : ' · no named source'}`;
  return span;
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
  mark.className = `event${v.reported || v.hypothetical || v.future ? ' not-flat' : ''}${v.positive === false ? ' negated' : ''}`;
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
