// The page's pure helpers, without a browser: time values and axis ticks (www/timeline.js),
// span nesting for the annotated view (www/annotate.js).

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { contextLabel, describePrefix, entryInterval, packRows, parsePrefix, ticks } from '../../www/timeline.js';
import { cleanSpan, nest, timexTitle } from '../../www/annotate.js';

const iso = (t) => new Date(t).toISOString().slice(0, 16);
const interval = (v) => {
  const p = parsePrefix(v);
  return p && [iso(p.first), iso(p.end)];
};

test('an ISO prefix covers its whole period', () => {
  assert.deepEqual(interval('1976'), ['1976-01-01T00:00', '1977-01-01T00:00']);
  assert.deepEqual(interval('197'), ['1970-01-01T00:00', '1980-01-01T00:00']);
  assert.deepEqual(interval('2013-07'), ['2013-07-01T00:00', '2013-08-01T00:00']);
  assert.deepEqual(interval('2016-12'), ['2016-12-01T00:00', '2017-01-01T00:00']);
  assert.deepEqual(interval('2016-W51'), ['2016-12-19T00:00', '2016-12-26T00:00']);
  assert.deepEqual(interval('2016-Q4'), ['2016-10-01T00:00', '2017-01-01T00:00']);
  assert.deepEqual(interval('2016-SU'), ['2016-06-01T00:00', '2016-09-01T00:00']);
  assert.deepEqual(interval('2016-12-19'), ['2016-12-19T00:00', '2016-12-20T00:00']);
  assert.deepEqual(interval('2016-12-19TEV'), ['2016-12-19T18:00', '2016-12-19T21:00']);
  assert.deepEqual(interval('2016-12-19T18:00'), ['2016-12-19T18:00', '2016-12-19T18:01']);
  assert.deepEqual(interval('2016-12-19T20:43+02:00'), ['2016-12-19T20:43', '2016-12-19T20:44']);
  assert.deepEqual(interval('0050'), ['0050-01-01T00:00', '0051-01-01T00:00'], 'no 1900s shift for small years');
  for (const bad of ['PAST_REF', '2016-13', '', 'P3Y', null]) assert.equal(parsePrefix(bad), null, String(bad));
});

test('a timeline entry runs from the first instant of start to the last of end', () => {
  const { t0, t1 } = entryInterval({ start: '2001-06', end: '2006-12' });
  assert.equal(iso(t0), '2001-06-01T00:00');
  assert.equal(iso(t1), '2007-01-01T00:00');
  const same = entryInterval({ start: '2013-07', end: '2013-07' });
  assert.equal(iso(same.t1), '2013-08-01T00:00');
  assert.equal(entryInterval({ start: 'PRESENT_REF', end: 'PRESENT_REF' }), null);
});

test('axis ticks fit the range', () => {
  const labels = (a, b) => ticks(a, b, 1200).map((t) => t.label);
  assert.deepEqual(labels(Date.UTC(1975, 0, 1), Date.UTC(2017, 0, 1)),
    ['1975', '1980', '1985', '1990', '1995', '2000', '2005', '2010', '2015']);
  assert.deepEqual(labels(Date.UTC(2013, 3, 1), Date.UTC(2016, 0, 1)).slice(0, 4), ['Apr 2013', 'Jul', 'Oct', '2014']);
  const week = labels(Date.UTC(2016, 11, 16), Date.UTC(2016, 11, 23));
  assert.equal(week[0], 'Fri 16 Dec 2016');
  assert.equal(week[3], 'Mon 19 Dec');
  assert.match(labels(Date.UTC(2016, 11, 19, 17), Date.UTC(2016, 11, 19, 22))[1], /^\d\d:\d\d$/);
});

test('markers are packed into rows without overlap', () => {
  const items = [{ left: 0, right: 50 }, { left: 20, right: 80 }, { left: 65, right: 100 }];
  assert.equal(packRows(items, 10), 2);
  assert.deepEqual(items.map((i) => i.row), [0, 1, 0]);
});

test('a marker label is the expression with the words before it', () => {
  const label = (text, expr, max = 34) => {
    const i = text.indexOf(expr);
    return contextLabel(text, [i, i + expr.length], [0, text.length], max);
  };
  const s = 'The career diplomat, who was fluent in Korean and English, first entered the diplomatic service in 1976 aged 22.';
  assert.equal(label(s, '1976'), '…the diplomatic service in 1976');
  assert.equal(label('In 1992 he graduated from the Ministry of Internal Affairs academy.', '1992'), 'In 1992 he graduated from the…');
  assert.equal(label('He became ambassador in July 2013.', 'July 2013'), 'He became ambassador in July 2013');
  assert.equal(label('Monday, December 19 2016 20:43 EET', 'Monday, December 19 2016 20:43 EET'), 'Monday, December 19 2016 20:43 EET');
  assert.ok(label(s, '1976', 12).length <= 12);
});

test('describePrefix reads like a date', () => {
  assert.equal(describePrefix('2013-07'), 'July 2013');
  assert.equal(describePrefix('2016-12-19'), 'Mon 19 December 2016');
  assert.equal(describePrefix('2016-12-19TEV'), 'Mon 19 December 2016, evening');
});

test('annotations nest; crossing ones are dropped; bad spans refused', () => {
  const { roots, dropped } = nest([
    { start: 0, end: 34, id: 'dateline' },
    { start: 0, end: 6, id: 'monday' },
    { start: 8, end: 24, id: 'date' },
    { start: 20, end: 40, id: 'crossing' },
    { start: 50, end: 55, id: 'later' },
  ]);
  assert.deepEqual(roots.map((r) => r.id), ['dateline', 'later']);
  assert.deepEqual(roots[0].children.map((r) => r.id), ['monday', 'date']);
  assert.equal(dropped, 1);
  assert.deepEqual(cleanSpan([3, 99], 10), [3, 10]);
  for (const bad of [[5, 5], [-1, 2], [2, 1], [10, 12], [1.5, 3], null, [1]]) assert.equal(cleanSpan(bad, 10), null);
});

test('a time expression explains itself', () => {
  assert.equal(timexTitle({ type: 'DATE', value: '2013-07', rule: 'month_year', anchor: null }), 'DATE 2013-07 (month_year)');
  assert.equal(timexTitle({ type: 'DATE', value: '2016-12-19TEV', rule: 'weekday+part_of_day', anchor: 'creation_time' }),
    'DATE 2016-12-19TEV (weekday+part_of_day, creation_time)');
});
