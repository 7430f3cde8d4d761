// Never blame a misread: every plausible reading of an answer is judged, and "Right!" or
// "Not quite" is said only when they agree and the reading is sure; otherwise the child is
// asked which reading they wrote. The readings here are shaped as the recognizer gives them
// (latex, whole readings with their labels and probabilities, symbols with strokes, boxes and
// alternatives).
import test from 'node:test';
import assert from 'node:assert/strict';
import { ComputeEngine } from '@cortex-js/compute-engine';
import { AnswerChecker, numbersAsWritten } from '../../web/practice/check.js';
import { decide, plausibleReadings, misreadings, fixesFor, unexpectedShape } from '../../web/practice/judgement.js';
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
const power = { answer: 'x^{5}', mistakes: [{ id: 'times', answers: ['x^{6}'] }] };
const one = { answer: '1', mistakes: [{ id: 'zero', answers: ['0'] }] };
const ninth = { answer: '14', mistakes: [{ id: 'order', answers: ['20'] }] };
const fourAndHalf = { answer: '\\frac{9}{2}', mistakes: [] };
const solve = { answer: 'x=4', mistakes: [{ id: 'sign', answers: ['x=-4'] }, { id: 'add', answers: ['x=8'] }] };

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
  // (The other reading is written with numbers as numbers, as the recognizer writes them.)
  assert.deepEqual(d.choices.map((c) => c.latex).sort(), ['32', '4 2']);
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
  // 42 with the 2 set low, read 4_{2} surely, for a problem whose answers have scripts.
  const low = reading('4_{2}', [symbol('4', 0.97), symbol('2', 0.97, [], { x: 12, y: 12, h: 12 })]);
  assert.equal(decide(checker, power, low).verdict, 'ask');
  assert.equal(unexpectedShape('4_{2}', add), true);
  assert.equal(unexpectedShape('x = - 3', negative), false);
  assert.equal(unexpectedShape('x - - 3', negative), true);
  // The two strokes of an x read as two x: a second x that no answer has.
  assert.equal(unexpectedShape('x x = 3', negative), true);
  assert.equal(unexpectedShape('x = 3', negative), false);
  // Unless the writer fixed every symbol so: then it is what they wrote.
  const fixed = reading('4_{2}', [symbol('4', 1, [], { fixed: true }), symbol('2', 1, [], { x: 12, y: 12, h: 12, fixed: true })]);
  assert.equal(decide(checker, power, fixed).verdict, 'wrong');
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

test('a whole reading that groups the strokes otherwise is chosen by fixing its own groups', () => {
  // Read "1 1 2"; the other reading joins the two strokes of "1 1" into a 4 and keeps the 2.
  // Its 2 is fixed too, so that no stroke groups anew.
  const r = reading('1 1 2', [symbol('1', 0.6), symbol('1', 0.6, [], { x: 6 }), symbol('2', 0.98, [], { x: 14 })]);
  const [a, b, c] = r.symbols.map((s) => s.strokes[0]);
  const other = { latex: '4 2', probability: 0.4, labels: ['4', '2'], strokes: [[b, a], [c]] };
  assert.deepEqual(fixesFor(r, other), [{ ids: [b, a], label: '4' }, { ids: [c], label: '2' }]);
  // A reading of the same groups fixes only the symbols whose label differs.
  const same = { latex: '1 7 2', probability: 0.1, labels: ['1', '7', '2'], strokes: [[a], [b], [c]] };
  assert.deepEqual(fixesFor(r, same), [{ ids: [b], label: '7' }]);
  // On the page, symbols and whole readings also carry the page's stroke ids: those are fixed.
  const onPage = { symbols: [{ label: '1', strokes: [0], ids: [7] }, { label: '1', strokes: [1], ids: [9] }] };
  assert.deepEqual(fixesFor(onPage, { labels: ['4'], strokes: [[0, 1]], ids: [[7, 9]] }), [{ ids: [7, 9], label: '4' }]);
  assert.deepEqual(fixesFor(onPage, { labels: ['1', '7'], strokes: [[0], [1]], ids: [[7], [9]] }), [{ ids: [9], label: '7' }]);
  // Labels alone keep the reading's groups.
  assert.deepEqual(fixesFor(r, ['1', '7', '2']), [{ ids: [b], label: '7' }]);
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

test('an open 4 read as a 1 within a + is joined back into a 4', () => {
  // The short upright of an open 4 stands within its cross: read "1 + 2", surely.
  const upright = symbol('1', 1, [], { x: 2, y: -6, w: 1, h: 14 }), cross = symbol('+', 0.95, [], { x: 0, y: 0, w: 12, h: 20 });
  const r = reading('1 + 2', [upright, cross, symbol('2', 1, [], { x: 16 })]);
  const [best] = plausibleReadings(r);
  assert.equal(best.latex, '42');
  assert.deepEqual(best.fixes, [{ ids: [...upright.strokes, ...cross.strokes], label: '4' }]);
  assert.equal(decide(checker, add, r).verdict, 'right');
  assert.equal(decide(checker, add, r).latex, '42');
  // Joined on the other side too ("+ 12"), and in a denominator.
  const after = reading('+ 12', [symbol('+', 1, [], { w: 12 }), symbol('1', 1, [], { x: 6, y: -6, w: 1, h: 14 }), symbol('2', 1, [], { x: 16 })]);
  assert.equal(decide(checker, add, after).verdict, 'right');
  const quarter = { answer: '\\frac{3}{4}', mistakes: [{ id: 'add', answers: ['\\frac{3}{8}'] }] };
  const den = reading('\\frac{3}{+ 1}', [symbol('-', 1, [], { x: 0, y: 22, w: 20, h: 1 }), symbol('3', 1, [], { x: 5 }),
    symbol('+', 0.97, [], { x: 4, y: 30, w: 12 }), symbol('1', 1, [], { x: 4, y: 26, w: 2, h: 12 })]);
  assert.equal(plausibleReadings(den)[0].latex, '\\frac{3}{4}');
  assert.equal(decide(checker, quarter, den).verdict, 'right');
  // Of two 1s next to the +, the one within it: "1 + 1" written as 1 and an open 4 is 14.
  const fourteen = reading('1 + 1', [symbol('1', 1, [], { x: 0, w: 2 }), symbol('+', 0.98, [], { x: 10, w: 12 }), symbol('1', 1, [], { x: 15, y: -6, w: 2, h: 14 })]);
  assert.equal(plausibleReadings(fourteen)[0].latex, '14');
  assert.equal(decide(checker, ninth, fourteen).verdict, 'right');
  // The upright set high, read as a script of the 1 before it ("1^{1} +"): on the line, it is
  // next to its cross again, where no answer has a script.
  const raised = reading('1^{1} +', [symbol('1', 1, [], { x: 0, w: 2 }), symbol('+', 0.98, [], { x: 10, w: 12 }), symbol('1', 1, [], { x: 15, y: -10, w: 2, h: 12 })]);
  assert.equal(plausibleReadings(raised, ninth)[0].latex, '14');
  assert.equal(decide(checker, ninth, raised).verdict, 'right');
  // A 1 written beside a +, clear of it, is a 1: "1 + 2" is not 42, and is not called right.
  const apart = reading('1 + 2', [symbol('1', 1, [], { x: 0, w: 2 }), symbol('+', 1, [], { x: 8, w: 12 }), symbol('2', 1, [], { x: 24 })]);
  assert.equal(plausibleReadings(apart)[0].latex, '1 + 2');
  assert.notEqual(decide(checker, add, apart).verdict, 'right');
});

test('where none of the problem\'s answers has a script, a digit set high or low is read on the line', () => {
  const low = reading('4_{2}', [symbol('4', 0.97), symbol('2', 0.97, [], { x: 12, y: 12, h: 12 })]);
  assert.equal(plausibleReadings(low, add)[0].latex, '42');
  // The decision says which reading it judged: the page judges and records that one.
  assert.deepEqual(decide(checker, add, low), { verdict: 'right', mistake: null, latex: '42', choices: [] });
  // A known mistake set low is the mistake.
  const mistake = reading('3^{2}', [symbol('3', 0.97), symbol('2', 0.97, [], { x: 12, y: -8, h: 12 })]);
  const d = decide(checker, add, mistake);
  assert.equal(d.verdict, 'wrong');
  assert.equal(d.mistake.id, 'carry');
  // A fraction keeps its shape; where answers have scripts, scripts are read as written.
  assert.equal(plausibleReadings(reading('\\frac{4_{2}}{7}', []), add)[0].latex, '\\frac{42}{7}');
  assert.equal(plausibleReadings(low, power)[0].latex, '4_{2}');
});

test('a decimal point missed or read in is never blamed: the child is asked', () => {
  // 4.5 (right for 9/2) with the dot missed, read 45 surely: asked, 4.5 among the choices.
  const missed = reading('45', [symbol('4', 1), symbol('5', 1, [], { x: 14 })]);
  const d = decide(checker, fourAndHalf, missed);
  assert.equal(d.verdict, 'ask');
  assert.deepEqual(d.choices.map((c) => c.latex), ['45', '4.5']);
  // 42 with a stray dot read 4.2: asked, 42 among the choices.
  const stray = reading('4.2', [symbol('4', 1), symbol('.', 1, [], { x: 11, y: 18, w: 2, h: 2 }), symbol('2', 1, [], { x: 14 })]);
  const s = decide(checker, add, stray);
  assert.equal(s.verdict, 'ask');
  assert.ok(s.choices.some((c) => c.latex === '42'));
  // A wrong answer whose dot variants are wrong too is still wrong.
  assert.equal(decide(checker, add, reading('32', [symbol('3', 1), symbol('2', 1, [], { x: 14 })])).verdict, 'wrong');
  // And a dot never makes a wrong reading right: 45 for 4.5 is asked, never "Right".
  assert.notEqual(d.verdict, 'right');
});

test('a symbol whose look-alikes include the right one is not blamed, however sure', () => {
  // A 1 read surely as 7, the recognizer giving 1 a small score.
  const seven = reading('7', [symbol('7', 0.98, [['1', 0.02]])]);
  const d = decide(checker, one, seven);
  assert.equal(d.verdict, 'ask');
  assert.deepEqual(d.choices.map((c) => c.latex), ['7', '1']);
  assert.deepEqual(d.choices[1].fixes, [{ ids: seven.symbols[0].strokes, label: '1' }]);
  // Below LOOK_ALIKE it is no look-alike: the reading is judged.
  assert.equal(decide(checker, one, reading('7', [symbol('7', 0.995, [['1', 0.005]])])).verdict, 'wrong');
  // Inside a number, the digit's place is its own: 41 with the 1 looking a little like a 2.
  assert.ok(misreadings('41', reading('41', [symbol('4', 1), symbol('1', 0.97, [['2', 0.03]], { x: 14 })])).some((r) => r.latex === '42'));
});

test('a stray mark read 1, touching its neighbour, is not blamed', () => {
  // 14 with a flag before the 1 read as a separate 1: "114".
  const flagged = reading('114', [symbol('1', 0.84, [], { x: 0, w: 9, h: 10 }), symbol('1', 1, [], { x: 10, w: 2 }), symbol('4', 1, [], { x: 18 })]);
  const d = decide(checker, ninth, flagged);
  assert.equal(d.verdict, 'ask');
  assert.ok(d.choices.some((c) => c.latex === '14'));
  // A 1 written apart is a 1: 114 is wrong.
  const apart = reading('114', [symbol('1', 0.98, [], { x: 0, w: 2 }), symbol('1', 1, [], { x: 10, w: 2 }), symbol('4', 1, [], { x: 18 })]);
  assert.equal(decide(checker, ninth, apart).verdict, 'wrong');
});

test('a reading that drops the unknown every answer has is no answer to the problem', () => {
  // x = 4 with the x looking a little like a 5: "5 = 4" is no answer to "solve for x".
  const r = reading('x = 4', [symbol('x', 0.68, [['5', 0.26]]), symbol('=', 1, [], { x: 14 }), symbol('4', 1, [], { x: 28 })]);
  assert.ok(plausibleReadings(r).some((c) => c.latex === '5 = 4'));
  assert.equal(decide(checker, solve, r).verdict, 'right');
  // The same look-alike giving another x reading still counts: x = 4 or x = 8 is asked.
  const eight = reading('x = 4', [symbol('x', 1), symbol('=', 1, [], { x: 14 }), symbol('4', 0.6, [['8', 0.3]], { x: 28 })]);
  assert.equal(decide(checker, solve, eight).verdict, 'ask');
});
