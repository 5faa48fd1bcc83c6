// The comparison panel's and the article lanes' pure helpers, without a browser, on a
// hand-written analysis shaped like the core's `comparisons` (www/compare.js, www/timeline.js).

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { certaintyWord, claimsShown, groupByVerdict, sentenceParts, validSpan, withNames } from '../../www/compare.js';
import { laneRefs, lanesOf } from '../../www/timeline.js';

const claim = (document, text, words, extra = {}) => {
  const at = text.indexOf(words);
  assert.ok(at >= 0, `fixture: “${words}” in its text`);
  return { document, span: [at, at + words.length], text: words, sentence: [0, text.length], certainty: 'certain', ...extra };
};

const A = 'The gunman fired at least eight shots. Police said so.';
const B = 'He was hit by 11 bullets in the back.';
const C = 'Witnesses heard three shots.';
const FIXTURE = [
  { id: 'c1', status: 'agree', topic: 'place', claims: [] },
  { id: 'c2', status: 'only_in', topic: 'bullets in the back', claims: [] },
  { id: 'c3', status: 'consistent', topic: 'shots fired', claims: [claim('d1', A, 'at least eight shots'), claim('d2', B, '11 bullets')] },
  { id: 'c4', status: 'conflict', topic: 'shots fired', claims: [claim('d2', B, '11 bullets'), claim('d3', C, 'three shots')] },
  { id: 'c5', status: 'consistent', topic: 'age', claims: [] },
];

test('comparisons are grouped by verdict: conflicts, consistent, agree, only in one', () => {
  const groups = groupByVerdict(FIXTURE);
  assert.deepEqual(groups.map((g) => g.status), ['conflict', 'consistent', 'agree', 'only_in']);
  assert.deepEqual(groups[1].items.map((c) => c.id), ['c3', 'c5'], 'the analysis order within a group');
  assert.deepEqual(groupByVerdict([{ status: 'agree' }]).map((g) => g.status), ['agree'], 'empty groups left out');
});

test('bad comparisons are shown or skipped, never thrown on', () => {
  assert.deepEqual(groupByVerdict(null), []);
  assert.deepEqual(groupByVerdict([null, 3, 'x']), []);
  const groups = groupByVerdict([{ status: 'disputed' }, { status: 'conflict' }, {}]);
  assert.deepEqual(groups.map((g) => g.status), ['conflict', 'disputed', 'unknown'], 'unknown verdicts last, kept');
});

test('a claim’s sentence is cut around its exact words', () => {
  const c = FIXTURE[2].claims[0];
  const parts = sentenceParts(A, { ...c, sentence: [0, 38] });
  assert.deepEqual(parts, { before: 'The gunman fired ', words: 'at least eight shots', after: '.' });
  assert.equal(parts.words, A.slice(...c.span));
  // A long sentence is shortened around the words, which stay whole.
  const long = `${'word '.repeat(200)}eleven bullets${' more'.repeat(200)}`;
  const cut = sentenceParts(long, claim('d1', long, 'eleven bullets'), 100);
  assert.equal(cut.words, 'eleven bullets');
  assert.ok(cut.before.startsWith('…') && cut.after.endsWith('…'));
  assert.ok(cut.before.length + cut.after.length <= 92, `${cut.before.length} + ${cut.after.length}`);
  // A sentence span that does not hold the words is widened to hold them.
  assert.equal(sentenceParts(A, { ...c, sentence: [0, 5] }).after, '');
});

test('spans outside the text are refused, not sliced', () => {
  assert.deepEqual(validSpan([0, 3], 3), [0, 3]);
  for (const bad of [[2, 2], [3, 2], [-1, 2], [0, 4], [0.5, 2], null, [1], ['0', '2']]) {
    assert.equal(validSpan(bad, 3), null, JSON.stringify(bad));
  }
  assert.equal(sentenceParts('short', { span: [2, 99], sentence: [0, 5] }), null);
});

test('certainty is said only when the claim is not stated flatly', () => {
  assert.equal(certaintyWord('certain'), '');
  assert.equal(certaintyWord(undefined), '');
  assert.equal(certaintyWord('probable'), 'reported');
  assert.equal(certaintyWord('possible'), 'unconfirmed');
  assert.equal(certaintyWord('denied'), 'denied');
  assert.equal(certaintyWord('rumoured'), 'rumoured', 'a certainty this page does not know is shown as it is');
});

test('one lane per article when there are several; an entry in every lane that mentions it', () => {
  const docs = new Map([['d1', { name: 'A', color: '#111' }], ['d2', { name: 'B', color: '#222' }], ['d3', { name: 'C', color: '#333' }]]);
  const lanes = lanesOf(docs);
  assert.deepEqual(lanes.map((l) => l.doc), ['d1', 'd2', 'd3']);
  const entry = { timexes: [{ document: 'd1', timex: 't1' }], events: [{ document: 'd3', event: 'e2' }, { document: 'd9', event: 'e1' }] };
  assert.deepEqual(laneRefs(entry, lanes[0], docs), { refs: [{ document: 'd1', timex: 't1' }], events: [] });
  assert.equal(laneRefs(entry, lanes[1], docs), null, 'not in the lane of an article that does not mention it');
  assert.deepEqual(laneRefs(entry, lanes[2], docs).events, [{ document: 'd3', event: 'e2' }]);
  // One article: one unnamed lane with everything shown.
  const one = lanesOf(new Map([['d1', { name: 'A', color: '#111' }]]));
  assert.deepEqual(one.map((l) => l.doc), [null]);
  assert.equal(laneRefs(entry, one[0], new Map([['d1', {}]])).refs.length, 1);
});

test('an explanation names the articles instead of their ids', () => {
  const docs = new Map([['d1', { name: 'Reuters' }], ['d2', { name: 'BBC' }], ['d12', { name: 'AP' }]]);
  assert.equal(withNames('11 fits them all, stated flatly by d2, d12 but only as reported by d1.', docs),
    '11 fits them all, stated flatly by BBC, AP but only as reported by Reuters.');
  assert.equal(withNames('“terror” (d3), add1, d1x', docs), '“terror” (d3), add1, d1x', 'only whole ids of shown articles');
  assert.equal(withNames(undefined, docs), '');
});

test('a long point shows every article’s first claim, then the others up to the limit', () => {
  const docsOf = (ids) => ids.map((document) => ({ document }));
  assert.deepEqual([...claimsShown(docsOf(['d1', 'd1', 'd2']), 6)].sort(), [0, 1, 2], 'short: all');
  const many = docsOf(['d1', 'd1', 'd1', 'd1', 'd1', 'd1', 'd1', 'd2', 'd3', 'd3']);
  const shown = claimsShown(many, 6);
  assert.equal(shown.size, 6);
  assert.ok(shown.has(7) && shown.has(8), 'd2 and d3 are not pushed out by d1');
  assert.deepEqual([...shown].sort((a, b) => a - b), [0, 1, 2, 3, 7, 8]);
  assert.equal(claimsShown(docsOf(['d1', 'd2', 'd3', 'd4']), 2).size, 4, 'every article at least once, over the limit');
});
