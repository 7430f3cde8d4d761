// Reports for teachers without a browser: readable prompts and readings, file names, the
// children on a device, and the teacher's view's merging and counting.
import test from 'node:test';
import assert from 'node:assert/strict';
import { compactReading, latexToText, promptToText, localTime } from '../../web/practice/readable.js';
import { reportFileName, attemptsToJson } from '../../web/practice/report.js';
import { Children, ChildError } from '../../web/practice/children.js';
import { mergeReports } from '../../web/report/load.js';
import { byChild, rankMisconceptions, filterAttempts } from '../../web/report/summary.js';

test('readings and prompts are readable: no spaces between digits, math as plain text', () => {
  assert.equal(compactReading('3 2'), '32');
  assert.equal(compactReading('x = - 4'), 'x=-4');
  assert.equal(compactReading('\\times x'), '\\times x');
  assert.equal(promptToText('What is $6 \\times 7$?'), 'What is 6 × 7?');
  assert.equal(latexToText('\\frac{3}{4}'), '3/4');
  assert.equal(latexToText('x^{2} + 1 0'), 'x² + 10');
  assert.equal(promptToText('Costs \\$5'), 'Costs $5');
});

test('local times carry their offset from UTC, and name the same instant', () => {
  const now = new Date('2026-03-02T09:15:03Z');
  const local = localTime(now);
  assert.match(local, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d\d:\d\d$/);
  assert.equal(new Date(local).getTime(), now.getTime());
});

test('report file names carry the child\'s name and the day', () => {
  const day = localTime(new Date(2026, 2, 2, 12)).slice(0, 10);
  assert.equal(reportFileName({ name: 'Ana López' }, new Date(2026, 2, 2, 12), 'json'), `inkmath-practice-Ana-Lopez-${day}.json`);
  assert.equal(reportFileName({ name: '../../etc' }, new Date(2026, 2, 2, 12), 'csv'), `inkmath-practice-etc-${day}.csv`);
  assert.equal(reportFileName(null, new Date(2026, 2, 2, 12), 'csv'), `inkmath-practice-${day}.csv`);
});

test('children on a device: asked once, kept, switched; names are not doubled', () => {
  const items = new Map();
  const storage = { getItem: (k) => items.get(k) ?? null, setItem: (k, v) => items.set(k, String(v)) };
  const children = new Children(storage);
  assert.equal(children.current, null);
  assert.throws(() => children.choose('  '), ChildError);
  children.choose('Ana', '4B');
  children.leave();
  children.choose('ana');
  assert.deepEqual(new Children(storage).current, { name: 'Ana', class: '4B' }, 'kept on the device, one Ana');
  children.choose('Ben');
  assert.deepEqual(new Children(storage).list.map((c) => c.name), ['Ana', 'Ben']);
  items.set('inkmath.children', '{broken');
  assert.equal(new Children(storage).current, null);
});

test('reports of two devices merge; an answer in both counts once; misconceptions rank by count', () => {
  const a = (child, uid, problem, result, misconception = '') => ({ uid, child: { name: child }, time: `2026-03-0${uid.length}T10:00:0${uid.length}Z`,
    set: 'S', problem, result, misconception, strokes: [] });
  const one = attemptsToJson([a('Ana', 'a', 'p1', 'wrong', 'carry'), a('Ana', 'ab', 'p1', 'right'), a('Ana', 'abc', 'p2', 'skipped')]);
  const two = attemptsToJson([a('Ben', 'abcd', 'p1', 'wrong', 'carry'), a('Ben', 'abcde', 'p2', 'wrong', 'borrow'), a('Ana', 'ab', 'p1', 'right')]);
  const merged = mergeReports([{ name: '1.json', text: one }, { name: '2.json', text: two }, { name: 'x.json', text: '[]' }]);
  assert.equal(merged.attempts.length, 5);
  assert.equal(merged.duplicates, 1);
  assert.match(merged.files[2].error, /not an inkmath practice report/);
  const [ana, ben] = byChild(merged.attempts);
  assert.deepEqual([ana.key, ana.problems, ana.answered, ana.first, ana.hints, ana.skipped], ['Ana', 2, 1, 0, 1, 1]);
  assert.deepEqual([ben.key, ben.answered, ben.notyet], ['Ben', 2, 2]);
  assert.deepEqual(rankMisconceptions(merged.attempts).map((m) => [m.id, m.count]), [['carry', 2], ['borrow', 1]]);
  assert.equal(filterAttempts(merged.attempts, { child: 'Ben', from: '2026-03-05' }).length, 1);
});
