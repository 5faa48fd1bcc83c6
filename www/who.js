// The "who" panels: people, organizations and places; the quotes ledger (speaker → quotes, with
// the cue); the sources each article leans on. One block per article.
//
// Everything shown comes from the pasted text, so it is set with textContent only.

const KINDS = [
  ['person', 'People'],
  ['organization', 'Organizations'],
  ['place', 'Places'],
];

function el(tag, className, text) {
  const e = document.createElement(tag);
  if (className) e.className = className;
  if (text != null) e.textContent = String(text);
  return e;
}

/** The words of `text` at a UTF-16 `[start, end)` span, or '' for a bad span. */
function slice(text, span) {
  if (!Array.isArray(span) || !(span[0] >= 0) || !(span[1] > span[0])) return '';
  return text.slice(span[0], span[1]);
}

/**
 * Render the panels for `docs` (document id → {name, color, text, doc}) into the three
 * containers. `onEntity(docId, entityId, button)` is called when a name is clicked.
 */
export function renderWho({ entities, quotes, sources }, docs, onEntity) {
  entities.replaceChildren();
  quotes.replaceChildren();
  sources.replaceChildren();
  const several = docs.size > 1;
  for (const [docId, d] of docs) {
    const title = () => {
      const h = el('h3', 'who-doc', d.name);
      h.style.borderColor = d.color;
      return h;
    };
    entities.append(...(several ? [title()] : []), entityLists(docId, d, onEntity));
    quotes.append(...(several ? [title()] : []), quoteLedger(d));
    sources.append(...(several ? [title()] : []), sourceList(d));
  }
}

function entityLists(docId, d, onEntity) {
  const box = el('div', 'who-entities');
  const all = d.doc.entities ?? [];
  for (const [kind, label] of KINDS) {
    const list = all.filter((e) => e.kind === kind).sort((a, b) => (b.mentions?.length ?? 0) - (a.mentions?.length ?? 0));
    if (!list.length) continue;
    const group = el('div', 'who-group');
    group.append(el('h4', '', label));
    const ul = el('ul', 'who-names');
    for (const e of list) {
      const li = el('li');
      const button = el('button', `who-name kind-${kind}`, e.name);
      button.type = 'button';
      button.dataset.entity = e.id;
      button.dataset.document = docId;
      const aliases = (e.aliases ?? []).join(', ');
      const roles = (e.roles ?? []).join('; ');
      button.title = [
        `${e.mentions?.length ?? 0} mention(s)`,
        aliases && `also: ${aliases}`,
        roles && `roles: ${roles}`,
        e.media && 'news outlet or agency',
        `rule: ${e.rule}`,
      ].filter(Boolean).join('\n');
      button.addEventListener('click', () => onEntity(docId, e.id, button));
      li.append(button, el('span', 'who-count', `×${e.mentions?.length ?? 0}`));
      if (roles) li.append(el('span', 'who-roles', roles));
      ul.append(li);
    }
    group.append(ul);
    box.append(group);
  }
  if (!box.childElementCount) box.append(el('p', 'who-empty', 'No names found.'));
  return box;
}

function quoteLedger(d) {
  const box = el('div', 'who-quotes');
  const byId = new Map((d.doc.entities ?? []).map((e) => [e.id, e]));
  const groups = new Map(); // speaker label → quotes
  for (const q of d.doc.quotes ?? []) {
    const speaker = q.speaker ? byId.get(q.speaker)?.name : null;
    const label = speaker ?? q.speaker_text ?? 'no speaker given';
    if (!groups.has(label)) groups.set(label, { quotes: [], named: Boolean(speaker ?? q.speaker_text) });
    groups.get(label).quotes.push(q);
  }
  if (!groups.size) box.append(el('p', 'who-empty', 'No quotes found.'));
  for (const [label, g] of groups) {
    const section = el('div', `ledger-speaker${g.named ? '' : ' unattributed'}`);
    section.append(el('h4', '', label));
    const ul = el('ul', 'ledger-quotes');
    for (const q of g.quotes) {
      const li = el('li', 'ledger-quote');
      li.dataset.quote = q.id;
      li.append(el('q', '', q.text));
      const how = [q.cue && `“${q.cue}”`, q.rule].filter(Boolean).join(' · ');
      li.append(el('span', 'ledger-cue', how));
      ul.append(li);
    }
    section.append(ul);
    box.append(section);
  }
  return box;
}

function sourceList(d) {
  const box = el('div', 'who-sources');
  const list = d.doc.sources ?? [];
  if (!list.length) box.append(el('p', 'who-empty', 'No cited sources found.'));
  const ul = el('ul', 'source-list');
  for (const s of list) {
    const li = el('li', `source-item${s.media ? ' media' : ''}`);
    li.dataset.source = s.id;
    li.append(el('span', 'source-name', s.name), el('span', 'source-cue', s.cue));
    li.append(el('span', 'source-claim', slice(d.text, s.content)));
    li.title = `rule: ${s.rule}${s.media ? ' · news outlet or agency' : ''}`;
    ul.append(li);
  }
  if (list.length) box.append(ul);
  const unsourced = (d.doc.certainty ?? []).filter((c) => c.value !== 'certain' && !c.sourced).length;
  if (unsourced) box.append(el('p', 'who-unsourced', `${unsourced} hedged sentence(s) without a named source`));
  return box;
}
