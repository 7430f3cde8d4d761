// Worked solutions: every right line passes whatever the order or strategy, the first wrong
// line is found, and its misconception is named by the buggy rule that writes it.
import test from 'node:test';
import assert from 'node:assert/strict';
import { ComputeEngine } from '@cortex-js/compute-engine';
import { AnswerChecker } from '../../web/practice/check.js';
import { WorkChecker, WorkError, MESSAGES } from '../../web/practice/steps/work.js';
import { MISCONCEPTIONS, MISCONCEPTION_IDS } from '../../web/practice/steps/misconceptions.js';

const checker = new WorkChecker(new AnswerChecker(new ComputeEngine()));
const show = (problem, steps) => `${problem} | ${steps.join(' | ')}`;

function right(problem, steps, options = {}) {
  const r = checker.check({ problem, steps, ...options });
  assert.equal(r.firstWrong, null, `no line flagged: ${show(problem, steps)} (got ${JSON.stringify(r)})`);
  assert.ok(r.steps.every((s) => s.ok), show(problem, steps));
  assert.equal(r.answered, true, `answered: ${show(problem, steps)}`);
  assert.equal(r.message, MESSAGES.right);
}

function wrong(problem, steps, at, id) {
  const r = checker.check({ problem, steps });
  assert.equal(r.firstWrong, at, `line ${at} flagged: ${show(problem, steps)} (got ${JSON.stringify(r)})`);
  assert.equal(r.misconception, id, `${id}: ${show(problem, steps)}`);
  assert.equal(r.steps[at].ok, false);
  assert.ok(r.steps.slice(0, at).every((s) => s.ok), `lines before ${at} pass: ${show(problem, steps)}`);
  assert.equal(r.answered, false);
  if (id) assert.equal(r.message, MISCONCEPTIONS.find((m) => m.id === id).message);
}

test('the catalogue has the required ids, each with a message', () => {
  for (const id of ['sign-move', 'one-side', 'inverse-operation', 'distribute', 'distribute-sign', 'frac-add-across',
    'exp-multiply', 'exp-times-base', 'zero-power', 'neg-square', 'order-of-operations', 'combine-unlike', 'arithmetic']) {
    assert.ok(MISCONCEPTION_IDS.includes(id), id);
  }
  for (const m of MISCONCEPTIONS) assert.ok(m.message.length > 20, m.id);
  assert.equal(new Set(MISCONCEPTION_IDS).size, MISCONCEPTION_IDS.length);
});

test('linear equations solved in any order or strategy are right', () => {
  right('2x+3=11', ['2x=8', 'x=4']);
  right('2x+3=11', ['2x=11-3', '2x=8', 'x=\\frac{8}{2}', 'x=4']);          // unsimplified steps
  right('2x+3=11', ['x+\\frac{3}{2}=\\frac{11}{2}', 'x=\\frac{11}{2}-\\frac{3}{2}', 'x=4']);  // dividing first
  right('2x+3=11', ['11=2x+3', '8=2x', '4=x']);                          // swapping sides
  right('2x+3=11', ['2x+3-3=11-3', '2x=8', 'x=4']);
  right('2x+3=11', ['4x+6=22', '4x=16', 'x=4']);                          // multiplying both sides
  right('2x+3=11', ['11-3=8', '2x=8', 'x=4']);                            // a side calculation
  right('2x+3=11', ['2x=8', '4']);                                        // the value alone
  right('5x-7=3x+5', ['5x-3x=5+7', '2x=12', 'x=6']);
  right('5x-7=3x+5', ['-7-5=3x-5x', '-12=-2x', 'x=6']);                   // terms moved the other way
  right('5x-7=3x+5', ['2x-7=5', '2x=12', 'x=6']);
  right('3(x+2)=18', ['x+2=6', 'x=4']);                                   // dividing before expanding
  right('3(x+2)=18', ['3x+6=18', '3x=12', 'x=4']);
  right('\\frac{x}{3}+1=5', ['x+3=15', 'x=12']);                          // multiplying out the fraction first
  right('\\frac{x}{3}+1=5', ['\\frac{x}{3}=4', 'x=12']);
  right('\\frac{x+1}{2}=\\frac{x}{3}', ['3(x+1)=2x', '3x+3=2x', 'x=-3']);
  right('7-x=2', ['7=2+x', '5=x']);
  right('-3x=12', ['x=\\frac{12}{-3}', 'x=-4']);
  right('0.5x+1=4', ['0.5x=3', 'x=6']);
  right('4(x-1)-2(x+3)=0', ['4x-4-2x-6=0', '2x-10=0', 'x=5']);
  right('2x+3=11', ['x=4'], { answer: 'x=4' });
  right('2x+3=11', ['2x=8', 'x=4', '2\\times4+3=11'], { answer: 'x=4' });  // checking the answer
  right('3x=-2', ['x=\\frac{-2}{3}']);
  right('3x+2y=12', ['3x=12-2y', 'x=4-\\frac{2}{3}y']);                   // a literal equation
  right('2y+3=11', ['2y=8', 'y=4']);
  right('2\\left(x+3\\right)=10', ['2x+6=10', '2x=4', 'x=2']);
  right('x\\cdot2+1=7', ['2x=6', 'x=3']);
});

test('inequalities keep their direction; expressions keep their value', () => {
  right('2x+3<11', ['2x<8', 'x<4']);
  right('-2x+3<11', ['-2x<8', 'x>-4']);
  right('-2x+3<11', ['3-11<2x', '-8<2x', '-4<x']);
  right('5-x\\ge 2', ['3\\ge x', 'x\\le 3']);
  right('3(x+2)-x', ['3x+6-x', '2x+6']);
  right('3(x+2)-x', ['=3x+6-x', '=2x+6']);
  right('3(x+2)-x', ['3x+6-x=2x+6']);
  right('2+3\\times4', ['2+12', '14']);
  right('\\frac{1}{2}+\\frac{1}{3}', ['\\frac{3}{6}+\\frac{2}{6}', '\\frac{5}{6}']);
  right('x^2\\cdot x^3', ['x^{2+3}', 'x^5']);
  right('(-3)^2+5^0', ['9+1', '10']);
  right('2^3-(4-1)', ['8-3', '5']);
  right('2x+3+x', ['3x+3']);
});

test('unfinished work, unreadable lines and answers in another form are not "Right!"', () => {
  const unfinished = checker.check({ problem: '2x+3=11', steps: ['2x=8'] });
  assert.deepEqual([unfinished.firstWrong, unfinished.answered, unfinished.message], [null, false, MESSAGES.unfinishedRelation('x')]);
  const notSimplified = checker.check({ problem: '3(x+2)-x', steps: ['3x+6-x'] });
  assert.deepEqual([notSimplified.firstWrong, notSimplified.answered], [null, false]);
  const unreadable = checker.check({ problem: '2x+3=11', steps: ['2x=8', 'x=(('] });
  assert.deepEqual([unreadable.firstWrong, unreadable.misconception, unreadable.message], [1, null, MESSAGES.unreadable]);
  for (const line of ['=', 'x=', '', '\\frac{}{}']) {
    assert.equal(checker.check({ problem: '2x+3=11', steps: [line] }).message, MESSAGES.unreadable, JSON.stringify(line));
  }
  const literal = checker.check({ problem: '3x+2y=12', steps: ['3x=12-2y'] });
  assert.deepEqual([literal.firstWrong, literal.answered], [null, false]);
  const otherForm = checker.check({ problem: '\\frac{1}{2}+\\frac{1}{4}', steps: ['0.75'], answer: '\\frac34', compare: 'exact' });
  assert.equal(otherForm.answered, false);
  assert.throws(() => checker.check({ problem: '2x+', steps: ['x=1'] }), WorkError);
  assert.throws(() => checker.check({ problem: '2x+3=11', steps: [] }), WorkError);
});

test('sign-move: a term moved across = keeps its sign', () => {
  wrong('2x+3=11', ['2x=11+3', 'x=7'], 0, 'sign-move');
  wrong('2x+3=11', ['2x=14', 'x=7'], 0, 'sign-move');
  wrong('2x+3=11', ['x=7'], 0, 'sign-move');                           // moved and divided at once
  wrong('x-5=9', ['x=4'], 0, 'sign-move');
  wrong('5x-7=3x+5', ['5x+3x=5+7', '8x=12'], 0, 'sign-move');
  wrong('4x+1=2x+9', ['4x=2x+9', '2x=9'], 0, 'one-side');
  wrong('3x-4=2', ['3x=2-4', 'x=-\\frac{2}{3}'], 0, 'sign-move');
  wrong('2x+3<11', ['2x<14'], 0, 'sign-move');
});

test('one-side: an operation done on one side only', () => {
  wrong('2x+3=11', ['2x=11', 'x=5.5'], 0, 'one-side');
  wrong('2x+3=11', ['2x=8', 'x=8'], 1, 'one-side');
  wrong('3x=12', ['x=12'], 0, 'one-side');
  wrong('\\frac{x}{2}+1=5', ['x+1=5'], 0, 'one-side');
  wrong('\\frac{x}{2}+1=5', ['x+1=10', 'x=9'], 0, 'one-side');        // not every term multiplied
  wrong('x+7=10', ['x+7-7=10', 'x=10'], 0, 'one-side');
});

test('inverse-operation: undoing × by − or ×, ÷ by ÷', () => {
  wrong('2x+3=11', ['2x=8', 'x=6'], 1, 'inverse-operation');
  wrong('2x+3=11', ['2x=8', 'x=16'], 1, 'inverse-operation');
  wrong('5x=20', ['x=15'], 0, 'inverse-operation');
  wrong('\\frac{x}{3}=4', ['x=\\frac{4}{3}'], 0, 'inverse-operation');
  wrong('\\frac{x}{3}=4', ['x=1'], 0, 'inverse-operation');
  wrong('4(x+1)=20', ['x+1=16', 'x=15'], 0, 'inverse-operation');
});

test('distribute: only the first term in the bracket multiplied', () => {
  wrong('3(x+2)=18', ['3x+2=18', '3x=16'], 0, 'distribute');
  wrong('3(x+2)-x', ['3x+2-x'], 0, 'distribute');
  wrong('2(x-4)+5=11', ['2x-4+5=11'], 0, 'distribute');
  wrong('5+2(x+3)', ['5+2x+3', '2x+8'], 0, 'distribute');
  wrong('4(2x+1)=28', ['8x+1=28', 'x=\\frac{27}{8}'], 0, 'distribute');
});

test('distribute-sign: a minus in front of a bracket changes only the first sign', () => {
  wrong('5-(x-2)=1', ['5-x-2=1', '3-x=1'], 0, 'distribute-sign');
  wrong('-(a-b)', ['-a-b'], 0, 'distribute-sign');
  wrong('10-(x+3)', ['10-x+3', '13-x'], 0, 'distribute-sign');
  wrong('-2(x-3)=4', ['-2x-6=4'], 0, 'distribute-sign');
  wrong('7x-(2x-5)', ['7x-2x-5', '5x-5'], 0, 'distribute-sign');
});

test('frac-add-across: numerators and denominators added', () => {
  wrong('\\frac{1}{2}+\\frac{1}{3}', ['\\frac{2}{5}'], 0, 'frac-add-across');
  wrong('\\frac{2}{3}+\\frac{1}{4}', ['\\frac{3}{7}'], 0, 'frac-add-across');
  wrong('\\frac{3}{4}-\\frac{1}{2}', ['\\frac{2}{2}', '1'], 0, 'frac-add-across');
  wrong('\\frac{x}{2}+\\frac{x}{3}=5', ['\\frac{2x}{5}=5', 'x=12.5'], 0, 'frac-add-across');
  wrong('1+\\frac{1}{3}+\\frac{1}{6}', ['1+\\frac{2}{9}'], 0, 'frac-add-across');
});

test('exp-multiply: exponents multiplied instead of added', () => {
  wrong('x^2\\cdot x^3', ['x^6'], 0, 'exp-multiply');
  wrong('a^4 a^2', ['a^8'], 0, 'exp-multiply');
  wrong('2^3\\times2^2', ['2^6', '64'], 0, 'exp-multiply');
  wrong('3x^2\\cdot x^5', ['3x^{10}'], 0, 'exp-multiply');
});

test('exp-times-base: the base times the exponent', () => {
  wrong('2^3', ['6'], 0, 'exp-times-base');
  wrong('2^3+1', ['6+1', '7'], 0, 'exp-times-base');
  wrong('5^2-10', ['10-10', '0'], 0, 'exp-times-base');
  wrong('3^4', ['12'], 0, 'exp-times-base');
  wrong('4\\times3^2', ['4\\times6', '24'], 0, 'exp-times-base');
});

test('zero-power: anything to the power 0 taken as 0', () => {
  wrong('5^0', ['0'], 0, 'zero-power');
  wrong('5^0+2', ['0+2', '2'], 0, 'zero-power');
  wrong('7^0\\times 3', ['0'], 0, 'zero-power');
  wrong('2^0+3^0', ['0'], 0, 'zero-power');
  wrong('x^0+4', ['4'], 0, 'zero-power');
});

test('neg-square: the sign of a squared negative', () => {
  wrong('(-3)^2', ['-9'], 0, 'neg-square');
  wrong('(-4)^2+1', ['-16+1', '-15'], 0, 'neg-square');
  wrong('-3^2', ['9'], 0, 'neg-square');
  wrong('10-(-2)^2', ['10+4', '14'], 0, 'neg-square');
});

test('order-of-operations: left to right, ignoring precedence', () => {
  wrong('2+3\\times4', ['5\\times4', '20'], 0, 'order-of-operations');
  wrong('2+3\\times4', ['20'], 0, 'order-of-operations');
  wrong('10-2\\times3', ['8\\times3', '24'], 0, 'order-of-operations');
  wrong('12\\div3\\times2', ['12\\div6', '2'], 0, 'order-of-operations');
  wrong('20-5+3', ['20-8', '12'], 0, 'order-of-operations');
  wrong('2\\times3^2', ['6^2', '36'], 0, 'order-of-operations');
  wrong('1+8\\div4+2', ['9\\div4+2'], 0, 'order-of-operations');
});

test('combine-unlike: unlike terms added together', () => {
  wrong('2x+3', ['5x'], 0, 'combine-unlike');
  wrong('2x+3=11', ['5x=11', 'x=\\frac{11}{5}'], 0, 'combine-unlike');
  wrong('4x+2y', ['6xy'], 0, 'combine-unlike');
  wrong('3x^2+2x', ['5x^3'], 0, 'combine-unlike');
  wrong('3x+5-x', ['8x-x', '7x'], 0, 'combine-unlike');
});

test('arithmetic: one calculation slip in an otherwise right line', () => {
  wrong('2x+3=11', ['2x=7', 'x=3.5'], 0, 'arithmetic');
  wrong('2x+3=11', ['2x=8', 'x=5'], 1, 'arithmetic');
  wrong('3(x+2)-x', ['3x+5-x', '2x+5'], 0, 'arithmetic');
  wrong('7\\times8+4', ['54+4'], 0, 'arithmetic');
  wrong('2x+3=11', ['11-3=7'], 0, 'arithmetic');
  wrong('5x-7=3x+5', ['2x=13'], 0, 'arithmetic');
});

test('a wrong line that no rule explains is still the first wrong line, without an id', () => {
  wrong('2x+3=11', ['2x=8', 'x^2=4'], 1, null);
  wrong('-2x+3<11', ['-2x<8', 'x<-4'], 1, 'inequality-flip');
  wrong('2x+3=11', ['2x=8', 'x>4'], 1, null);
  wrong('3(x+2)-x', ['3x+6-x', 'y'], 1, null);
});

test('the lines after a wrong line are checked against the child\'s own line', () => {
  const r = checker.check({ problem: '2x+3=11', steps: ['2x=14', 'x=7', 'x=8'] });
  assert.deepEqual(r.steps.map((s) => s.ok), [false, true, false]);
  assert.equal(r.firstWrong, 0);
});

test('mini problems: one for each misconception, the same for the same seed, and right by the checker', () => {
  for (const id of MISCONCEPTION_IDS) {
    const mini = checker.miniProblem(id, { seed: 7, problem: '2x+3=11' });
    assert.ok(mini, id);
    assert.deepEqual(checker.miniProblem(id, { seed: 7, problem: '2x+3=11' }), mini, `${id}: deterministic`);
    assert.equal(mini.work, true);
    const solved = checker.check({ problem: mini.latex, steps: [mini.answer], answer: mini.answer, compare: mini.compare });
    assert.equal(solved.message, MESSAGES.right, `${id}: ${mini.latex} -> ${mini.answer}`);
  }
  const seeds = new Set([1, 2, 3, 4, 5, 6].map((seed) => checker.miniProblem('sign-move', { seed }).latex));
  assert.ok(seeds.size >= 4, 'new numbers for other seeds');
  const renumbered = checker.miniProblem('arithmetic', { seed: 3, problem: '5x-7=3x+5' });
  assert.notEqual(renumbered.latex, '5x-7=3x+5');
  assert.match(renumbered.answer, /^x=-?\d+$/);
  const calculation = checker.miniProblem('arithmetic', { seed: 3, problem: 'x^{2}+y=\\frac{1}{3}' });
  assert.equal(checker.check({ problem: calculation.latex, steps: [calculation.answer] }).message, MESSAGES.right);
});
