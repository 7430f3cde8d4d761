// Never blame a misread: every plausible reading of an answer is judged, and "Right!" or
// "Not quite" is said only when they agree and the reading is sure; otherwise the child is
// asked which reading they wrote. The readings here are shaped as the recognizer gives them
// (latex, whole readings with their labels and probabilities, symbols with strokes, boxes and
// alternatives).
import test from 'node:test';
import assert from 'node:assert/strict';
import { ComputeEngine } from '@cortex-js/compute-engine';
import { AnswerChecker, numbersAsWritten } from '../../web/practice/check.js';
import { decide, plausibleReadings, fixesFor, unexpectedShape } from '../../web/practice/judgement.js';
import { problemVocabulary, latexSymbols, symbolsFault } from '../../web/practice/vocabulary.js';
import { parseProblemSet } from '../../web/practice/problem-set.js';

const checker = new AnswerChecker(new ComputeEngine());

// A symbol at x (width 10, height 20 unless given), its strokes, and its alternatives as
// [label, score] pairs after its own.
let nextStroke = 0;
function symbol(label, score, others = [], { x = 0, y = 0, w = 10, h = 20, fixed = false } = {}) {
  return {
    label, score, fixed,
    strokes: [nextStroke++],
    box: [x, y, x + w, y + h],
    alternatives: [{ label, score }, ...others.map(([l, s]) => ({ label: l, score: s }))],
  };
}

// A reading of `symbols` written as `latex`, with other whole readings [latex, probability, labels].
function reading(latex, symbols, others = [], first = 1 - others.reduce((a, [, p]) => a + p, 0)) {
  return {
    latex,
    symbols,
    readings: [{ latex, probability: first, labels: symbols.map((s) => s.label) },
      ...others.map(([l, p, labels]) => ({ latex: l, probability: p, labels }))],
  };
}

const add = { answer: '42', mistakes: [{ id: 'carry', answers: ['32'] }] };
const negative = { answer: 'x=-3', mistakes: [{ id: 'sign', answers: ['x=3'] }] };
const half = { answer: '\\frac{1}{2}', mistakes: [] };

test('a sure reading is judged at once: right, or wrong with its mistake', () => {
  const right = decide(checker, add, reading('4 2', [symbol('4', 0.97), symbol('2', 0.98, [], { x: 14 })]));
  assert.equal(right.verdict, 'right');
  const wrong = decide(checker, add, reading('3 2', [symbol('3', 0.96), symbol('2', 0.97, [], { x: 14 })]));
  assert.equal(wrong.verdict, 'wrong');
  assert.equal(wrong.mistake.id, 'carry');
  assert.deepEqual(wrong.choices, []);
});

test('a right answer among the plausible whole readings is never judged wrong: the child is asked', () => {
  // The recognizer's best guess is "+ 2", but "4 2" is a reading it finds likely too.
  const r = reading('+ 2', [symbol('+', 0.55, [['4', 0.4]]), symbol('2', 0.98, [], { x: 14 })], [['4 2', 0.38, ['4', '2']]]);
  const d = decide(checker, add, r);
  assert.equal(d.verdict, 'ask');
  assert.deepEqual(d.choices.map((c) => c.latex), ['+ 2', '4 2']);
  // Choosing "4 2" fixes the first symbol as 4.
  assert.deepEqual(d.choices[1].fixes, [{ ids: r.symbols[0].strokes, label: '4' }]);
  assert.deepEqual(d.choices[0].fixes, []);
});

test('a wrong answer among the plausible readings is never judged right', () => {
  // A known mistake, 32, read as the right answer 42 with the 3 unsure.
  const r = reading('4 2', [symbol('4', 0.6, [['3', 0.35]]), symbol('2', 0.97, [], { x: 14 })]);
  const d = decide(checker, add, r);
  assert.equal(d.verdict, 'ask');
  assert.deepEqual(d.choices.map((c) => c.latex).sort(), ['3 2', '4 2']);
  // An alternative too unlikely to be what was written does not stop the verdict.
  const sure = reading('4 2', [symbol('4', 0.9, [['3', 0.05]]), symbol('2', 0.97, [], { x: 14 })]);
  assert.equal(decide(checker, add, sure).verdict, 'right');
});

test('the expected answer is never offered as the only choice', () => {
  // Not math as read, and only one plausible reading that is: the symbols are asked about.
  const r = reading('4 2 =', [symbol('4', 0.9), symbol('2', 0.9, [], { x: 14 }), symbol('=', 0.5, [['z', 0.1]], { x: 28 })], [['4 2', 0.3, ['4', '2', '=']]]);
  const d = decide(checker, add, r);
  assert.equal(d.verdict, 'ask');
  assert.deepEqual(d.choices, []);
});

test('a wide = split into two sure bars is not blamed: the joined reading is offered', () => {
  const bars = [symbol('x', 0.95), symbol('-', 0.97, [], { x: 14, y: 4, h: 2 }), symbol('-', 0.96, [], { x: 15, y: 12, h: 2 }),
    symbol('-', 0.9, [], { x: 30, y: 8, h: 2 }), symbol('3', 0.97, [], { x: 42 })];
  const r = reading('x - - - 3', bars);
  const d = decide(checker, negative, r);
  assert.equal(d.verdict, 'ask');
  const joined = d.choices.find((c) => c.latex === 'x = - 3');
  assert.ok(joined, `x = - 3 is offered among ${d.choices.map((c) => c.latex)}`);
  assert.deepEqual(joined.fixes, [{ ids: [...bars[1].strokes, ...bars[2].strokes], label: '=' }]);
  // Bars side by side are two minus signs.
  const apart = reading('x - - 3', [symbol('x', 0.95), symbol('-', 0.97, [], { x: 14, h: 2 }), symbol('-', 0.96, [], { x: 28, h: 2 }), symbol('3', 0.97, [], { x: 40 })]);
  assert.ok(!plausibleReadings(apart).some((c) => c.latex.includes('=')));
});

test('a sure reading with a shape none of the answers has is asked about, not called wrong', () => {
  // 42 with the 2 set low: read 4_{2}, surely.
  const low = reading('4_{2}', [symbol('4', 0.97), symbol('2', 0.97, [], { x: 12, y: 12, h: 12 })]);
  assert.equal(decide(checker, add, low).verdict, 'ask');
  assert.equal(unexpectedShape('4_{2}', add), true);
  assert.equal(unexpectedShape('x = - 3', negative), false);
  assert.equal(unexpectedShape('x - - 3', negative), true);
  // The two strokes of an x read as two x: a second x that no answer has.
  assert.equal(unexpectedShape('x x = 3', negative), true);
  assert.equal(unexpectedShape('x = 3', negative), false);
  // Unless the writer fixed every symbol so: then it is what they wrote.
  const fixed = reading('4_{2}', [symbol('4', 1, [], { fixed: true }), symbol('2', 1, [], { x: 12, y: 12, h: 12, fixed: true })]);
  assert.equal(decide(checker, add, fixed).verdict, 'wrong');
  // An unsure symbol in a wrong reading is asked about too.
  const unsure = reading('3 2', [symbol('3', 0.5, [['8', 0.1]]), symbol('2', 0.97, [], { x: 14 })]);
  assert.equal(decide(checker, add, unsure).verdict, 'ask');
});

test('numbers are judged as numbers: the recognizer writes 0 . 5', () => {
  assert.equal(numbersAsWritten('0 . 5'), '0.5');
  assert.equal(numbersAsWritten('x = 1 2'), 'x = 12');
  const r = reading('0 . 5', [symbol('0', 0.95), symbol('.', 0.9, [], { x: 12, y: 18, w: 2, h: 2 }), symbol('5', 0.96, [], { x: 16 })]);
  assert.equal(decide(checker, half, r).verdict, 'right');
});

test('what is not math at all is unreadable', () => {
  const r = reading('= =', [symbol('=', 0.9), symbol('=', 0.9, [], { x: 14 })]);
  assert.equal(decide(checker, add, r).verdict, 'unreadable');
});

test('fixed symbols offer no other reading', () => {
  const r = reading('4 2', [symbol('4', 1, [['3', 0.4]], { fixed: true }), symbol('2', 0.97, [], { x: 14 })]);
  assert.equal(decide(checker, add, r).verdict, 'right');
  assert.deepEqual(fixesFor(r, ['4', '7']), [{ ids: r.symbols[1].strokes, label: '7' }]);
});

test('a problem reads with its own vocabulary: its answers\' symbols, digits, signs, = and the bar', () => {
  assert.deepEqual(latexSymbols('x=\\frac{1}{3}'), ['x', '=', '-', '1', '3']);
  assert.deepEqual(latexSymbols('a \\leq b < 2'), ['a', '\\leq', 'b', '\\lt', '2']);
  const v = problemVocabulary({ answer: 'x=\\frac{1}{3}', mistakes: [{ answers: ['y=3'] }] });
  for (const label of ['0', '9', '+', '-', '=', '.', 'x', 'y']) assert.ok(v.includes(label), label);
  assert.ok(!v.includes('z'));
  assert.equal(new Set(v).size, v.length);
  // A symbol the recognizer does not know (\cdot) is left out: the core would refuse it.
  assert.ok(!problemVocabulary({ answer: '2 \\cdot 3' }).includes('\\cdot'));
  assert.deepEqual(problemVocabulary({ answer: '42', symbols: ['4', '2'] }), ['4', '2']);
  assert.equal(problemVocabulary({ answer: '42', symbols: 'school' }), 'school');
});

test('a problem set may give the symbols; wrong ones are named', () => {
  const set = (symbols) => JSON.stringify({ problems: [{ id: 'p', prompt: 'Work out $6 \\times 7$.', answer: '42', symbols }] });
  assert.deepEqual(parseProblemSet(set(['4', '2', '\\times'])).problems[0].symbols, ['4', '2', '\\times']);
  assert.equal(parseProblemSet(set('school')).problems[0].symbols, 'school');
  assert.equal(parseProblemSet(JSON.stringify({ problems: [{ prompt: 'a', answer: '1' }] })).problems[0].symbols, undefined);
  assert.throws(() => parseProblemSet(set(['4', '\\cdot', 'four'])), /problem 1 \("p"\): "symbols" has symbols the recognizer does not know: "\\\\cdot", "four"/);
  assert.throws(() => parseProblemSet(set([])), /"symbols" must be "school" or a non-empty list of symbols/);
  assert.equal(symbolsFault(['x', '=']), '');
});
