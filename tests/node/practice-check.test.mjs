// Practice answers are judged by meaning where the problem allows it and by form where the
// form matters, with the Compute Engine the page ships; LaTeX strings stand in for readings.
import test from 'node:test';
import assert from 'node:assert/strict';
import { ComputeEngine } from '@cortex-js/compute-engine';
import { AnswerChecker } from '../../web/practice/check.js';

const checker = new AnswerChecker(new ComputeEngine());
const accepts = (answer, expected, compare) => assert.equal(checker.matches(answer, expected, compare), true, `${answer} matches ${expected} (${compare})`);
const refuses = (answer, expected, compare) => assert.equal(checker.matches(answer, expected, compare), false, `${answer} does not match ${expected} (${compare})`);

test('equivalent forms of the expected answer count as right', () => {
  accepts('x=4', 'x=4', 'equivalent');
  accepts('4=x', 'x=4', 'equivalent');
  accepts('x = \\frac{8}{2}', 'x=4', 'equivalent');
  accepts('\\frac{8}{2}', '4', 'equivalent');
  accepts('0.5', '\\frac12', 'equivalent');
  accepts('\\frac{2}{4}', '\\frac{1}{2}', 'equivalent');
  accepts('3+2x', '2x+3', 'equivalent');
  accepts('2(x+1)', '2x+2', 'equivalent');
  accepts('x^{2} x^{3}', 'x^{5}', 'equivalent');
  accepts('\\frac{1}{x}', '\\frac{2}{2x}', 'equivalent');
  accepts('4<x', 'x>4', 'equivalent');
  accepts('4', 'x=4', 'equivalent');  // the value alone answers "x = 4"
});

test('different values, unfinished equations and other variables count as wrong', () => {
  refuses('x=-4', 'x=4', 'equivalent');
  refuses('-4', 'x=4', 'equivalent');
  refuses('2x=8', 'x=4', 'equivalent');  // the equation itself is not its solution
  refuses('y=4', 'x=4', 'equivalent');
  refuses('2x+4', '2x+3', 'equivalent');
  refuses('0.333', '\\frac13', 'equivalent');
  refuses('x<4', 'x>4', 'equivalent');
  refuses('x=4', '4', 'equivalent');
});

test('where the form matters, only that form counts, in any order of terms', () => {
  accepts('\\frac{3}{4}', '\\frac{3}{4}', 'exact');
  accepts('3+3x', '3x+3', 'exact');
  accepts('4=x', 'x=4', 'exact');
  refuses('\\frac{6}{8}', '\\frac{3}{4}', 'exact');
  refuses('0.75', '\\frac{3}{4}', 'exact');
  refuses('x^{2}x^{3}', 'x^{5}', 'exact');
});

test('a judged answer names the mistake pattern it matches', () => {
  const problem = {
    answer: 'x=4',
    compare: 'equivalent',
    mistakes: [
      { id: 'sign', answers: ['x=-4'], compare: 'equivalent' },
      { id: 'forgot-to-divide', answers: ['x=8', '8'], compare: 'equivalent' },
    ],
  };
  assert.deepEqual(checker.judge(problem, '4 = x'), { verdict: 'right', mistake: null });
  assert.equal(checker.judge(problem, '-4=x').mistake.id, 'sign');
  assert.equal(checker.judge(problem, '8').mistake.id, 'forgot-to-divide');
  assert.deepEqual(checker.judge(problem, 'x=5'), { verdict: 'wrong', mistake: null });
});

test('the right value in the wrong form is told apart from a wrong value', () => {
  const simplify = { answer: '\\frac{3}{4}', compare: 'exact', mistakes: [] };
  assert.equal(checker.judge(simplify, '\\frac{6}{8}').mistake.id, 'form');
  assert.equal(checker.judge(simplify, '\\frac{5}{8}').mistake, null);
});

test('what cannot be read as math is unreadable, never wrong', () => {
  const problem = { answer: 'x=4', mistakes: [] };
  for (const latex of ['', '   ', 'x =', '\\frac{}{2}', '+', '((', '\\sqrt{}', 'x'.repeat(3000)]) {
    assert.equal(checker.judge(problem, latex).verdict, 'unreadable', JSON.stringify(latex.slice(0, 20)));
  }
  assert.equal(checker.readable('x = 4'), true);
});
