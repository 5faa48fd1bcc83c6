// "Where they differ": the points the articles are compared on (the analysis's `comparisons`),
// grouped by verdict — conflicts first, then consistent, agree, said by one article only — each
// with every article's words; and the side-by-side view of one point, each article's sentence
// with the claimed words marked.
//
// Everything shown comes from the pasted texts, so it is set with textContent / text nodes only.

/** The verdicts in the order the panel shows them, with their headings. */
export const VERDICTS = [
  ['conflict', 'Conflicting'],
  ['consistent', 'Consistent, in different words'],
  ['agree', 'Agreeing'],
  ['only_in', 'Said by one article only'],
];

/** Claims shown per point before a "more" button (a speaker quoted a dozen times stays short). */
const CLAIMS_SHOWN = 6;

/** How a claim's certainty reads next to it; flat statements ("certain") say nothing. */
const CERTAINTY = {
  probable: 'reported',
  possible: 'unconfirmed',
  denied: 'denied',
};

function el(tag, className, text) {
  const e = document.createElement(tag);
  if (className) e.className = className;
  if (text != null) e.textContent = String(text);
  return e;
}

/**
 * The comparisons grouped by verdict in the panel's order: `[{status, title, items}]`, empty
 * groups left out, each group in the analysis's order. A verdict this page does not know comes
 * last, under its own name (shown rather than lost).
 */
export function groupByVerdict(comparisons) {
  const groups = new Map(VERDICTS.map(([status, title]) => [status, { status, title, items: [] }]));
  for (const c of Array.isArray(comparisons) ? comparisons : []) {
    if (!c || typeof c !== 'object') continue;
    const status = String(c.status ?? 'unknown');
    if (!groups.has(status)) groups.set(status, { status, title: status, items: [] });
    groups.get(status).items.push(c);
  }
  return [...groups.values()].filter((g) => g.items.length);
}

/** A `[start, end)` UTF-16 span that lies inside a text of `length` code units, else null. */
export function validSpan(span, length) {
  if (!Array.isArray(span) || span.length < 2) return null;
  const [s, e] = span;
  return Number.isInteger(s) && Number.isInteger(e) && s >= 0 && s < e && e <= length ? [s, e] : null;
}

/**
 * A claim's sentence cut around its words: `{before, words, after}` from `text`, the sentence
 * widened to hold the words and shortened to about `max` characters around them; null when the
 * claim's span does not lie in the text.
 */
export function sentenceParts(text, claim, max = 360) {
  const span = validSpan(claim?.span, text.length);
  if (!span) return null;
  const [ws, we] = span;
  const sentence = validSpan(claim.sentence, text.length) ?? span;
  const s = Math.min(sentence[0], ws);
  const e = Math.max(sentence[1], we);
  let before = text.slice(s, ws);
  let after = text.slice(we, e);
  const room = Math.max(40, max - (we - ws));
  if (before.length + after.length > room) {
    const half = Math.floor(room / 2);
    const keepBefore = Math.min(before.length, Math.max(half, room - after.length));
    const keepAfter = Math.min(after.length, room - keepBefore);
    if (before.length > keepBefore) before = `…${before.slice(before.length - keepBefore)}`;
    if (after.length > keepAfter) after = `${after.slice(0, keepAfter)}…`;
  }
  const squash = (str) => str.replace(/\s+/g, ' ');
  return { before: squash(before).trimStart(), words: text.slice(ws, we), after: squash(after).trimEnd() };
}

/**
 * A verdict's explanation with the document ids it cites ("d2") replaced by the articles' names,
 * as the reader knows them; ids of articles not shown stay as they are.
 */
export function withNames(text, docs) {
  return String(text ?? '').replace(/\bd\d+\b/g, (id) => docs.get(id)?.name ?? id);
}

/**
 * Which claims a point shows before "more": the first of every article, then the others in order,
 * up to `max` (every article keeps a voice however many claims another one makes). A Set of
 * indices into `claims`.
 */
export function claimsShown(claims, max = CLAIMS_SHOWN) {
  const shown = new Set();
  const seen = new Set();
  claims.forEach((claim, i) => {
    if (seen.has(claim?.document)) return;
    seen.add(claim?.document);
    shown.add(i);
  });
  for (let i = 0; i < claims.length && shown.size < max; i += 1) shown.add(i);
  return shown;
}

/** A claim's certainty in a word, or '' when the article states it flatly. */
export function certaintyWord(certainty) {
  return CERTAINTY[certainty] ?? (certainty && certainty !== 'certain' ? String(certainty) : '');
}

const drawn = new WeakMap(); // host → what it shows (see renderComparisons)

/**
 * Render the panel into `host` for `comparisons` and `docs` (document id → {name, color, text}).
 * `onClaim(comparison, index, button)` is called when a claim is clicked.
 */
export function renderComparisons(host, comparisons, docs, onClaim) {
  // An edit that changes no compared point (most edits, with long articles) redraws nothing.
  const key = JSON.stringify([[...docs].map(([id, d]) => [id, d.name, d.color]), comparisons ?? null]);
  if (drawn.get(host) === key) return;
  drawn.set(host, key);
  host.replaceChildren();
  if (docs.size < 2) {
    host.append(el('p', 'cmp-empty', docs.size
      ? 'Add a second article on the same story to see where the articles agree and where they differ.'
      : 'Paste two or more articles on one story to compare them.'));
    return;
  }
  const groups = groupByVerdict(comparisons);
  if (!groups.length) {
    host.append(el('p', 'cmp-empty', 'No points of these articles could be compared.'));
    return;
  }
  const summary = el('p', 'cmp-summary');
  summary.textContent = groups.map((g) => `${g.items.length} ${g.title.toLowerCase()}`).join(' · ');
  host.append(summary);
  for (const g of groups) {
    const section = el('section', 'cmp-group');
    section.dataset.status = g.status;
    const h = el('h3', 'cmp-verdict', g.title);
    h.append(el('span', 'cmp-count', ` ${g.items.length}`));
    section.append(h);
    const list = el('ul', 'cmp-list');
    for (const c of g.items) list.append(comparisonItem(c, docs, onClaim));
    section.append(list);
    host.append(section);
  }
}

function comparisonItem(c, docs, onClaim) {
  const li = el('li', 'cmp-item');
  li.dataset.comparison = String(c.id ?? '');
  li.dataset.status = String(c.status ?? '');
  li.dataset.kind = String(c.kind ?? '');
  li.title = `${c.kind ?? 'fact'} · rule: ${c.rule ?? '?'}`;
  li.append(el('h4', 'cmp-topic', c.topic ?? ''), el('p', 'cmp-explanation', withNames(c.explanation, docs)));
  const claims = el('ul', 'cmp-claims');
  const all = (Array.isArray(c.claims) ? c.claims : []).filter((claim) => docs.has(claim?.document));
  const shown = claimsShown(all);
  all.forEach((claim, i) => {
    const d = docs.get(claim.document);
    const item = el('li');
    item.hidden = !shown.has(i);
    const button = el('button', 'cmp-claim');
    button.type = 'button';
    button.dataset.document = String(claim.document);
    if (Array.isArray(claim.span)) button.dataset.span = claim.span.join(' ');
    button.style.setProperty('--doc-color', d.color);
    button.append(el('span', 'cmp-doc', d.name), el('q', 'cmp-words', claim.text ?? ''));
    if (claim.reading) button.append(el('span', 'cmp-reading', claim.reading));
    const sure = certaintyWord(claim.certainty);
    if (sure && sure !== claim.reading) button.append(el('span', 'cmp-certainty', sure));
    button.title = 'Show the articles side by side';
    button.addEventListener('click', () => onClaim(c, c.claims.indexOf(claim), button));
    item.append(button);
    claims.append(item);
  });
  if (shown.size < all.length) {
    const more = el('button', 'link cmp-more', `${all.length - shown.size} more`);
    more.type = 'button';
    more.addEventListener('click', () => {
      for (const item of claims.children) item.hidden = false;
      more.remove();
      claims.querySelector('.cmp-claim')?.focus();
    });
    const item = el('li');
    item.append(more);
    claims.append(item);
  }
  li.append(claims);
  return li;
}

/**
 * Fill `dialog` (a <dialog>) with comparison `c` side by side — one column per article shown,
 * each claim's words marked in their sentence, the articles without a claim saying so — and open
 * it, the column of claim `index` focused. `onShowInText(claim)` is called by a column's "Show in
 * the article" button (after the dialog closes). Escape closes it (the dialog's own behaviour);
 * focus goes back to `opener`, unless the reader went to the text.
 */
export function openSideBySide(dialog, c, index, docs, { onShowInText, opener }) {
  const body = el('div', 'cmp-dialog-body');
  const head = el('header', 'cmp-dialog-head');
  const title = el('h3', 'cmp-dialog-topic', c.topic ?? '');
  title.id = 'cmp-dialog-title';
  const close = el('button', 'cmp-close', 'Close');
  close.type = 'button';
  close.addEventListener('click', () => dialog.close());
  head.append(title, close);
  const verdict = el('p', 'cmp-dialog-verdict');
  verdict.dataset.status = String(c.status ?? '');
  verdict.textContent = withNames(c.explanation, docs);
  body.append(head, verdict);

  // One column per article, in the articles' order; an article's claims one under the other.
  const columns = el('div', 'cmp-columns');
  const claims = Array.isArray(c.claims) ? c.claims : [];
  let focusTarget = null;
  let returnFocus = true;
  for (const [id, d] of docs) {
    const col = column(d, id);
    const mine = claims.map((claim, i) => [claim, i]).filter(([claim]) => claim?.document === id);
    if (!mine.length) {
      col.classList.add('silent');
      col.append(el('p', 'cmp-note', 'Nothing on this was found in this article.'));
    }
    for (const [claim, i] of mine) {
      const show = claimBlock(col, d, claim, () => {
        returnFocus = false; // the reader goes to the text, not back to the list
        dialog.close();
        onShowInText(claim);
      });
      if (i === index) {
        focusTarget = show;
        show.parentElement.classList.add('current');
      }
    }
    columns.append(col);
  }
  body.append(columns);
  dialog.replaceChildren(body);
  dialog.setAttribute('aria-labelledby', title.id);
  dialog.onclose = () => returnFocus && opener?.isConnected && opener.focus();
  if (!dialog.open) dialog.showModal();
  (focusTarget && !focusTarget.disabled ? focusTarget : close).focus();
}

/** One claim in its article's column: the sentence, the words marked; returns its "show" button. */
function claimBlock(col, d, claim, onShow) {
  const block = el('div', 'cmp-claim-block');
  const parts = sentenceParts(d.text, claim);
  const sentence = el('p', 'cmp-sentence');
  if (parts) {
    const mark = el('mark', 'cmp-words', parts.words);
    mark.dataset.span = claim.span.join(' ');
    sentence.append(document.createTextNode(parts.before), mark, document.createTextNode(parts.after));
  } else {
    sentence.append(el('mark', 'cmp-words', claim.text ?? ''));
    sentence.append(el('span', 'cmp-note', ' (its place in the article could not be found)'));
  }
  block.append(sentence);
  const meta = [...new Set([claim.reading, certaintyWord(claim.certainty)])].filter(Boolean).join(' · ');
  if (meta) block.append(el('p', 'cmp-meta', meta));
  const show = el('button', 'link cmp-show', 'Show in the article');
  show.type = 'button';
  show.disabled = !parts;
  show.addEventListener('click', onShow);
  block.append(show);
  col.append(block);
  return show;
}

function column(d, id) {
  const col = el('section', 'cmp-column');
  col.dataset.document = String(id);
  col.style.setProperty('--doc-color', d.color);
  col.append(el('h4', 'cmp-column-name', d.name));
  return col;
}

/**
 * A DOM Range over the UTF-16 `[start, end)` of `container`'s text (its text nodes in order make
 * up the article's text, as in the annotated view), or null when the span is out of it.
 */
export function rangeOf(container, span) {
  const walker = document.createTreeWalker(container, NodeFilter.SHOW_TEXT);
  const range = document.createRange();
  let at = 0;
  let started = false;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const len = node.data.length;
    if (!started && span[0] < at + len) {
      range.setStart(node, span[0] - at);
      started = true;
    }
    if (started && span[1] <= at + len) {
      range.setEnd(node, span[1] - at);
      return range;
    }
    at += len;
  }
  return null;
}
