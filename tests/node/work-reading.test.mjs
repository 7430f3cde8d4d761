// Worked steps as the page reads them: the lines of a reading, and which symbols keep a
// line from being blamed for a wrong step until the child has confirmed it.
import test from 'node:test';
import assert from 'node:assert/strict';
import { stepLines, doubtfulSymbols, firstUnreadable, BLAME_SCORE } from '../../web/practice/work-reading.js';

const symbol = (label, score, ids, extra = {}) => ({ label, score, ids, box: [0, 0, 1, 1], alternatives: [{ label, score }], ...extra });

test('a reading read as lines gives its lines; one not split is one line', () => {
  const a = [symbol('x', 0.99, [1]), symbol('=', 0.99, [2, 3]), symbol('4', 0.99, [4])];
  const lines = [{ latex: '2 x = 8', box: [0, 0, 9, 2], ids: [5, 6], symbols: [] }, { latex: 'x = 4', box: [0, 3, 9, 5], ids: [1, 2, 3, 4], symbols: a }];
  assert.equal(stepLines({ latex: 'aligned', symbols: a, lines }), lines);
  const [one] = stepLines({ latex: 'x = 4', symbols: a, lines: [] });
  assert.deepEqual([one.latex, one.ids, one.symbols], ['x = 4', [1, 2, 3, 4], a]);
  assert.deepEqual(stepLines({ latex: '', symbols: [], lines: [] }), []);
});

test('a line is blamed only when every symbol is sure or fixed by the child', () => {
  const sure = symbol('7', 0.97, [1]);
  const low = symbol('7', BLAME_SCORE - 0.05, [2]);
  const close = symbol('1', 0.7, [3], { alternatives: [{ label: '1', score: 0.7 }, { label: '7', score: 0.6 }] });
  const fixed = symbol('1', 0.5, [4], { fixed: true });
  assert.deepEqual(doubtfulSymbols({ symbols: [sure, fixed] }), []);
  assert.deepEqual(doubtfulSymbols({ symbols: [sure, low, close, fixed] }), [low, close]);
});

test('the first line that is not math is found', () => {
  const lines = ['2x+3=11', '2x=', 'x=4'].map((latex) => ({ latex }));
  assert.equal(firstUnreadable(lines, (l) => !l.endsWith('=')), 1);
  assert.equal(firstUnreadable(lines, () => true), -1);
});
