// Checks a written answer against the expected one. Parsing LaTeX, canonical forms and
// evaluation come from the Compute Engine (passed in, so that Node and the page share this
// file); this module only decides what "the same answer" means for a problem.
//
// compare 'equivalent': the same value (8/2 for 4, 0.5 for 1/2, 3 + 2x for 2x + 3), checked
//   symbolically and, where variables remain, by evaluating both at several points.
// compare 'exact': the same form, up to the order of terms and factors (for "simplify").
// Relations (=, <, ≤...) match when their sides match; the sides of = and ≠ in either order.

import { compileNumeric } from './numeric.js';

const EXACT_FORMS = ['InvisibleOperator', 'Flatten', 'Order'];
const RELATIONS = new Set(['Equal', 'NotEqual', 'Less', 'LessEqual', 'Greater', 'GreaterEqual']);
const SYMMETRIC = new Set(['Equal', 'NotEqual']);
// Values for the variables: irrational-looking, so that different expressions rarely agree.
const SAMPLE_POINTS = [0.7312, -1.3721, 2.2458, 0.1937, -0.6173, 3.0891, 1.4142];
const SAMPLES = 6;
const MIN_AGREEING_SAMPLES = 3;
const RELATIVE_TOLERANCE = 1e-9;
const MAX_LATEX_LENGTH = 2000;

export const COMPARE_MODES = ['equivalent', 'exact'];

export class AnswerChecker {
  constructor(computeEngine) {
    this.ce = computeEngine;
    this.compiled = new WeakMap();  // expression -> its numeric function (numeric.js)
  }

  // { ok: true, expr } or { ok: false, reason }.
  read(latex, { exact = false } = {}) {
    if (typeof latex !== 'string' || latex.trim() === '') return { ok: false, reason: 'nothing was written' };
    if (latex.length > MAX_LATEX_LENGTH) return { ok: false, reason: 'the answer is too long' };
    let expr;
    try {
      expr = this.ce.parse(numbersAsWritten(latex), exact ? { canonical: EXACT_FORMS } : undefined);
    } catch (err) {
      return { ok: false, reason: `it could not be read as math (${err.message})` };
    }
    if (!expr || !expr.isValid) return { ok: false, reason: 'it is not complete math' };
    return { ok: true, expr };
  }

  readable(latex) {
    return this.read(latex).ok;
  }

  // Whether the LaTeX `answer` matches the LaTeX `expected` under `compare`.
  matches(answer, expected, compare = 'equivalent') {
    const exact = compare === 'exact';
    const a = this.read(answer, { exact });
    const e = this.read(expected, { exact });
    if (!a.ok || !e.ok) return false;
    try {
      return exact ? sameForm(a.expr, e.expr) : this.sameMeaning(a.expr, e.expr);
    } catch {
      return false;  // the engine could not compare these: not counted as a match
    }
  }

  // problem: { answer, compare, mistakes: [{ id, answers, compare }] }
  // Returns { verdict: 'right' | 'wrong' | 'unreadable', mistake, reason }. A mistake is the
  // first listed pattern the answer matches; 'form' marks a right value in the wrong form.
  judge(problem, latex) {
    const read = this.read(latex);
    if (!read.ok) return { verdict: 'unreadable', mistake: null, reason: read.reason };
    const compare = problem.compare || 'equivalent';
    if (this.matches(latex, problem.answer, compare)) return { verdict: 'right', mistake: null };
    const mistake = (problem.mistakes || []).find((m) =>
      m.answers.some((wrong) => this.matches(latex, wrong, m.compare || 'equivalent'))) || null;
    if (mistake) return { verdict: 'wrong', mistake };
    if (compare === 'exact' && this.matches(latex, problem.answer, 'equivalent')) {
      return { verdict: 'wrong', mistake: FORM_MISTAKE };
    }
    return { verdict: 'wrong', mistake: null };
  }

  sameMeaning(a, b) {
    const relA = RELATIONS.has(a.operator), relB = RELATIONS.has(b.operator);
    if (relA && relB) return sameRelation(a, b, (x, y) => this.sameValue(x, y));
    // "4" answers "x = 4": the value alone is enough.
    if (relB && !relA) return b.operator === 'Equal' && b.nops === 2 && solvedValueMatches(b, a, (x, y) => this.sameValue(x, y));
    if (relA) return false;
    return this.sameValue(a, b);
  }

  sameValue(a, b) {
    if (a.isSame(b)) return true;
    const variables = [...new Set([...a.freeVariables, ...b.freeVariables])];
    if (variables.length === 0) return closeValues(numericValue(a), numericValue(b));
    let agreeing = 0;
    for (let k = 0; k < SAMPLES; k++) {
      const at = {};
      variables.forEach((name, i) => { at[name] = SAMPLE_POINTS[(k + i * 2) % SAMPLE_POINTS.length]; });
      const va = this.valueAt(a, at), vb = this.valueAt(b, at);
      const finiteA = isFiniteValue(va), finiteB = isFiniteValue(vb);
      if (!finiteA && !finiteB) continue;  // outside both domains (a division by zero...)
      if (finiteA !== finiteB || !closeValues(va, vb)) return false;
      agreeing++;
    }
    return agreeing >= MIN_AGREEING_SAMPLES;
  }

  // The value of `expr` with the variables in `at` (numbers), as [re, im].
  valueAt(expr, at) {
    if (!this.compiled.has(expr)) this.compiled.set(expr, compileNumeric(expr.json));
    const f = this.compiled.get(expr);
    const v = f ? f(at) : undefined;
    if (v !== undefined && !Number.isNaN(v)) return [v, 0];
    const subs = {};
    for (const [name, value] of Object.entries(at)) subs[name] = this.ce.number(value);
    return numericValue(expr.subs(subs));
  }
}

// The recognizer writes each symbol apart ("0 . 5", "1 2"); a number is one: "0.5", "12".
export function numbersAsWritten(latex) {
  return latex.replace(/(?<=[0-9.])\s+(?=[0-9.])/g, '');
}

export const FORM_MISTAKE = Object.freeze({
  id: 'form',
  message: 'That is the right value, but the problem asks for a different form.',
  answers: [],
});

function sameForm(a, b) {
  if (RELATIONS.has(a.operator) || RELATIONS.has(b.operator)) return sameRelation(a, b, (x, y) => x.isSame(y));
  return a.isSame(b);
}

function sameRelation(a, b, same) {
  if (a.operator !== b.operator || a.nops !== 2 || b.nops !== 2) return false;
  const [a1, a2] = a.ops, [b1, b2] = b.ops;
  if (same(a1, b1) && same(a2, b2)) return true;
  return SYMMETRIC.has(a.operator) && same(a1, b2) && same(a2, b1);
}

// For an expected `x = v` (or `v = x`): whether `value` is v.
function solvedValueMatches(equation, value, same) {
  const [left, right] = equation.ops;
  const solved = left.symbol ? right : right.symbol ? left : null;
  return solved !== null && same(value, solved);
}

function numericValue(expr) {
  const v = expr.N();
  return [Number(v.re), Number(v.im)];
}

function isFiniteValue([re, im]) {
  return Number.isFinite(re) && Number.isFinite(im);
}

function closeValues(a, b) {
  if (!isFiniteValue(a) || !isFiniteValue(b)) return false;
  return a.every((x, i) => Math.abs(x - b[i]) <= RELATIVE_TOLERANCE * Math.max(1, Math.abs(x), Math.abs(b[i])));
}
