// Checks a child's worked solution line by line: each line must say the same as the line
// before (statements.js), the last line must answer the problem, and the first line that
// does not follow is explained by the misconception whose buggy rule writes it
// (misconceptions.js), or by a single wrong number (`arithmetic`).
//
// new WorkChecker(answerChecker).check({ problem, steps, answer, compare }) returns
// { steps: [{ latex, ok }], firstWrong, misconception, message, answered };
// .checkProblem(problemOfASet, steps, { seed }) adds the set's message and mini problem.

import { Statements } from './statements.js';
import { MISCONCEPTIONS, misconception, buggyLines } from './misconceptions.js';
import { miniProblem, renumbered } from './mini-problems.js';
import {
  RELATIONS, head, args, unwrap, numberValue, isProduct, same, terms, factors, coefficientOf,
  numberPaths, replaceAt, containsSymbol,
} from './mathjson.js';

const SLIP = 'Slipvalue';  // stands for the number being corrected
const MAX_CANDIDATES = 300;
const MOST_ALIKE = 3;  // sides of the same values (2) and the same numbers and letters (1)
const MAX_DIAGNOSED_JSON = 600;  // characters of MathJSON: longer lines than a child writes
const SAMPLE = [0.7312, -1.3721, 2.2458, 1.4142, -0.6173];

export const MESSAGES = {
  right: 'Right!',
  unreadable: 'This line could not be read as math.',
  unexplained: 'This line does not follow from the line before it.',
  unfinishedRelation: (x) => `Every line is right so far. Keep going until ${x} is on its own.`,
  unfinishedExpression: 'Every line is right so far. Keep going until it is as simple as it can be.',
  notTheAnswer: 'Every line follows from the one before, but the last line is not the answer asked for.',
};

export class WorkError extends Error {}

export class WorkChecker {
  constructor(answerChecker) {
    this.checker = answerChecker;
    this.statements = new Statements(answerChecker);
  }

  check({ problem, steps, answer = null, compare = 'equivalent' }) {
    if (!Array.isArray(steps) || steps.length === 0) throw new WorkError('there are no steps to check');
    const read = this.statements.read(problem);
    if (!read.ok) throw new WorkError(`the problem could not be read as math: ${read.reason}`);
    const start = read.statement;
    const unknown = pickUnknown(this.statements.freeVariables(start));
    const mode = start.kind === 'relation' ? 'relation' : 'expression';
    let prev = start;
    let prevLatex = problem;  // the line `prev` was read from (a side calculation after it is not)
    const results = [];
    let wrong = null;  // { index, prev, line }
    steps.forEach((latex, index) => {
      const line = this.statements.read(latex);
      if (!line.ok) {
        results.push({ latex, ok: false });
        wrong ??= { index, unreadable: true };
        return;
      }
      const judged = this.follows(prev, line.statement, mode, unknown);
      results.push({ latex, ok: judged.ok });
      if (!judged.ok) wrong ??= { index, prev: judged.prev, line: judged.line };
      if (judged.next && judged.next !== prev) [prev, prevLatex] = [judged.next, latex];
    });
    if (wrong) {
      const id = wrong.unreadable ? null : this.diagnose(wrong.prev, wrong.line, unknown);
      return {
        steps: results, firstWrong: wrong.index, misconception: id,
        message: wrong.unreadable ? MESSAGES.unreadable : id ? misconception(id).message : MESSAGES.unexplained,
        answered: false,
      };
    }
    // The form: solved for the unknown, or as simple as it can be; where the problem asks
    // for an exact form, that form alone.
    const inForm = mode === 'relation' ? isSolved(prev.raw, unknown) : isSimplified(prev.raw);
    const answered = answer === null ? inForm
      : this.checker.matches(finalPart(prevLatex, mode), answer, compare) && (compare === 'exact' || inForm);
    const message = answered ? MESSAGES.right
      : !inForm ? (mode === 'relation' ? MESSAGES.unfinishedRelation(unknown ?? 'the answer') : MESSAGES.unfinishedExpression)
        : MESSAGES.notTheAnswer;
    return { steps: results, firstWrong: null, misconception: null, message, answered };
  }

  // A worked problem of a problem set (problem-set.js: latex, answer, compare, mistakes)
  // checked with the set's own message and mini problem for the diagnosed misconception
  // where it has them, else the catalogue's message and a generated mini problem.
  // Returns check()'s result with `mini` (null when right or when none can be made).
  checkProblem(problem, steps, { seed = 1 } = {}) {
    const result = this.check({ problem: problem.latex, steps, answer: problem.answer, compare: problem.compare });
    const own = result.misconception ? (problem.mistakes ?? []).find((m) => m.id === result.misconception) : null;
    if (own?.message) result.message = own.message;
    result.mini = result.misconception ? own?.mini ?? this.miniProblem(result.misconception, { seed, problem: problem.latex }) : null;
    return result;
  }

  // A mini problem for misconception `id` (null for none): a template of that kind, else
  // `problem` (LaTeX) with new numbers. The same seed gives the same problem.
  miniProblem(id, { seed = 1, problem = null } = {}) {
    const renumber = (latex, random) => renumbered(this.statements, latex, random, (text) => this.wholeAnswer(text));
    return miniProblem(id, { seed, problem, renumber });
  }

  // The answer of a problem when it is a whole number (x = 4, x < 3, 12), else null.
  wholeAnswer(latex) {
    const s = this.statements;
    const read = s.read(latex);
    if (!read.ok) return null;
    const st = read.statement;
    const names = s.freeVariables(st);
    if (st.kind === 'expression') {
      const v = names.length === 0 ? s.valueAt(st.value, {}) : NaN;
      return Number.isInteger(Math.round(v * 1e9) / 1e9) ? String(Math.round(v)) : null;
    }
    if (names.length !== 1 || st.sides.length !== 2) return null;
    const set = s.solutionSet(s.difference(st), st.op, names[0], {});
    const v = set?.points?.length === 1 ? set.points[0] : set?.bound;
    if (v === undefined || Math.abs(v - Math.round(v)) > 1e-9) return null;
    const OPS = { Equal: '=', Less: '<', LessEqual: '\\le', Greater: '>', GreaterEqual: '\\ge' };
    return `${names[0]}${OPS[set.points ? 'Equal' : set.op]}${Math.round(v)}`;
  }

  // Whether `line` follows from `prev`. Returns { ok, next } (the statement the next line is
  // compared with; none for a side calculation) and, when not ok, the pair to diagnose.
  follows(prev, line, mode, unknown) {
    const s = this.statements;
    if (mode === 'expression') {
      // 3(x + 2) - x = 3x + 6 - x = 2x + 6: each part has the value of the one before.
      const parts = line.kind === 'relation' && line.op === 'Equal' ? chainParts(line.raw).map((p) => s.fromJson(p)) : [line];
      let before = prev;
      for (const part of parts) {
        if (!part || part.kind !== 'expression') return { ok: false, prev: before, line: part ?? line, next: before };
        if (!s.equivalent(before, part, unknown)) return { ok: false, prev: before, line: part, next: part };
        before = part;
      }
      return { ok: true, next: before };
    }
    if (line.kind === 'expression') {
      // A bare value answers for the unknown: "4" after "2x = 8".
      if (!unknown || s.freeVariables(line).length > 0) return { ok: false, prev, line, next: prev };
      line = s.fromJson(['Equal', unknown, line.raw]);
    }
    if (unknown && line.sides.length === 2 && s.freeVariables(line).length === 0 && line.op === 'Equal') {
      // A side calculation such as 11 - 3 = 8: right when it is true.
      const truth = s.fromJson(['Equal', 0, 0]);
      return s.equivalent(truth, line, null) ? { ok: true } : { ok: false, prev: truth, line };
    }
    const ok = s.equivalent(prev, line, unknown);
    return ok ? { ok, next: line } : { ok, prev, line, next: line };
  }

  // The id of the misconception that explains `line` after `prev`, or null. Where several
  // rules write a line that says the same, the one written most like the child's line wins:
  // first a relation whose L - R is the child's (4x + 18 = -2x - 24 -> 6x = -6 is +18
  // moved as +18, though 22x = -2x - 24 has the same solution), then the most numbers and
  // letters in common (-2(x - 3) = 4 -> -2x - 6 = 4 is a sign slip in the bracket, not
  // x - 3 = -8), then the catalogue's order.
  diagnose(prev, line, unknown) {
    const s = this.statements;
    if (JSON.stringify(prev.raw).length > MAX_DIAGNOSED_JSON) return null;
    let best = null;
    let tried = 0;
    for (const rule of MISCONCEPTIONS) {
      for (const candidate of buggyLines(rule, prev.raw, RELATIONS)) {
        if (++tried > MAX_CANDIDATES) break;  // a very long line: the rules that fit first
        const written = s.fromJson(candidate);
        if (!written || !s.equivalent(written, line, unknown)) continue;
        const likeness = this.sameSides(written, line) + similarity(leaves(written), leaves(line));
        if (likeness === MOST_ALIKE) return rule.id;  // written as the child wrote it: none can beat it
        if (!best || likeness > best.likeness) best = { id: rule.id, likeness };
      }
    }
    if (best) return best.id;
    return this.oneNumberWrong(prev, line, unknown) ? 'arithmetic' : null;
  }

  // How alike two relations are written: 2 when each side has the value of the other's
  // (in either order), 1 when L - R is the same, 0.5 when it is the opposite, else 0.
  sameSides(a, b) {
    if (a.kind !== 'relation' || b.kind !== 'relation' || a.sides.length !== 2 || b.sides.length !== 2) return 0;
    const s = this.statements;
    const [a1, a2] = a.sides, [b1, b2] = b.sides;
    if ((s.sameValue(a1, b1) && s.sameValue(a2, b2)) || (s.sameValue(a1, b2) && s.sameValue(a2, b1))) return 2;
    const names = [...new Set([...s.freeVariables(a), ...s.freeVariables(b)])];
    const signs = new Set();
    for (const [k, point] of SAMPLE.slice(0, 3).entries()) {
      const at = Object.fromEntries(names.map((n, i) => [n, SAMPLE[(k + i + 1) % SAMPLE.length] + point]));
      const u = s.valueAt(s.difference(a), at), v = s.valueAt(s.difference(b), at);
      if (!Number.isFinite(u) || !Number.isFinite(v)) return 0;
      const tolerance = 1e-9 * Math.max(1, Math.abs(u));
      if (Math.abs(u - v) <= tolerance) signs.add(1);
      else if (Math.abs(u + v) <= tolerance) signs.add(-1);
      else return 0;
    }
    return signs.size !== 1 ? 0 : signs.has(1) ? 1 : 0.5;
  }

  // Whether changing one number in `line` makes it follow from `prev`.
  oneNumberWrong(prev, line, unknown) {
    const s = this.statements;
    const target = this.targetPoint(prev, unknown);
    if (!target) return false;
    for (const path of numberPaths(line.raw)) {
      const written = numberValue(path.reduce((n, i) => n[i], line.raw));
      const withSlot = s.fromJson(replaceAt(line.raw, path, SLIP));
      if (!withSlot || withSlot.kind !== prev.kind) continue;
      const residual = withSlot.kind === 'relation'
        ? (c) => s.valueAt(s.difference(withSlot), { ...target.at, [SLIP]: c })
        : (c) => s.valueAt(withSlot.value, { ...target.at, [SLIP]: c }) - target.value;
      const corrected = secantRoot(residual, written);
      if (corrected === null || Math.abs(corrected - written) < 1e-9) continue;
      const fixed = s.fromJson(replaceAt(line.raw, path, niceNumber(corrected)));
      if (fixed && s.equivalent(prev, fixed, unknown)) return true;
    }
    return false;
  }

  // Where the residual of a corrected line must vanish: for an expression, its value at a
  // sample point; for a relation, its solution (or bound) in the unknown.
  targetPoint(prev, unknown) {
    const s = this.statements;
    const names = s.freeVariables(prev);
    const at = Object.fromEntries(names.map((n, i) => [n, SAMPLE[i % SAMPLE.length]]));
    if (prev.kind === 'expression') {
      const value = s.valueAt(prev.value, at);
      return Number.isFinite(value) ? { at, value } : null;
    }
    if (prev.sides.length !== 2) return null;
    const x = unknown && names.includes(unknown) ? unknown : names[0] ?? null;
    if (x === null) return { at: {} };
    delete at[x];
    const set = s.solutionSet(s.difference(prev), prev.op, x, at);
    const point = set?.points?.[0] ?? set?.bound;
    return point === undefined ? null : { at: { ...at, [x]: point } };
  }
}

// The numbers and letters of a statement's canonical form, as a multiset (count by name).
function leaves(statement) {
  const out = new Map();
  const visit = (e) => {
    if (Array.isArray(e)) e.slice(1).forEach(visit);
    else { const k = JSON.stringify(e); out.set(k, (out.get(k) ?? 0) + 1); }
  };
  (statement.kind === 'relation' ? statement.sides : [statement.value]).forEach((side) => visit(side.json));
  return out;
}

function similarity(a, b) {
  let shared = 0, all = 0;
  for (const k of new Set([...a.keys(), ...b.keys()])) {
    shared += Math.min(a.get(k) ?? 0, b.get(k) ?? 0);
    all += Math.max(a.get(k) ?? 0, b.get(k) ?? 0);
  }
  return all === 0 ? 1 : shared / all;
}

function pickUnknown(names) {
  if (names.length <= 1) return names[0] ?? null;
  return names.includes('x') ? 'x' : names[0];
}

function chainParts(raw) {
  const [left, right] = args(raw);
  return head(right) === 'Equal' ? [left, ...chainParts(right)] : [left, right];
}

function finalPart(latex, mode) {
  const text = latex.trim().replace(/^=/, '');
  return mode === 'expression' ? text.split('=').pop() : text;
}

function secantRoot(f, start) {
  let x0 = start, x1 = start + 1, f0 = f(x0), f1 = f(x1);
  for (let k = 0; k < 6; k++) {
    if (!Number.isFinite(f0) || !Number.isFinite(f1) || f1 === f0) return null;
    const x2 = x1 - (f1 * (x1 - x0)) / (f1 - f0);
    if (Math.abs(x2 - x1) <= 1e-12 * Math.max(1, Math.abs(x2))) return x2;
    x0 = x1; f0 = f1; x1 = x2; f1 = f(x2);
  }
  return Math.abs(f1) < 1e-9 ? x1 : null;
}

function niceNumber(v) {
  const rounded = Math.round(v);
  if (Math.abs(v - rounded) < 1e-9) return rounded;
  for (let d = 2; d <= 100; d++) {
    const n = Math.round(v * d);
    if (Math.abs(v * d - n) < 1e-9) return ['Divide', n, d];
  }
  return v;
}

// x = 4, -2 = y, x ≤ 3/2: the unknown alone on one side, a number in lowest terms on the
// other (or, with other letters, an expression without the unknown, as simple as it can be).
function isSolved(raw, unknown) {
  if (!RELATIONS.has(head(raw)) || raw.length !== 3) return false;
  const [left, right] = args(raw).map(unwrap);
  if (unknown === null) return true;
  const value = (e) => (hasLetter(e) ? !containsSymbol(e, unknown) && isSimplified(e) : isPlainNumber(e));
  return (left === unknown && value(right)) || (right === unknown && value(left));
}

function isPlainNumber(e) {
  e = unwrap(e);
  if (head(e) === 'Negate') return isPlainNumber(e[1]) && head(unwrap(e[1])) !== 'Negate';
  if (numberValue(e) !== null && !Array.isArray(e)) return true;
  if (head(e) === 'Divide') {
    const [n, d] = [numberValue(e[1]), numberValue(e[2])];
    return Number.isInteger(n) && Number.isInteger(d) && d > 1 && gcd(n, d) === 1;
  }
  return false;
}

const flatFactors = (e) => (isProduct(unwrap(e)) ? factors(unwrap(e)).flatMap(flatFactors) : [unwrap(e)]);
const hasLetter = (e) => typeof e === 'string' || (Array.isArray(e) && e.slice(1).some(hasLetter));
const gcd = (a, b) => (b === 0 ? Math.abs(a) : gcd(b, a % b));

// As simple as it can be: no brackets left to multiply out, like terms collected, numbers
// worked out, fractions in lowest terms.
function isSimplified(raw) {
  const e = unwrap(raw);
  const h = head(e);
  if (!Array.isArray(e)) return true;
  if (h === 'Negate') return isSimplified(e[1]) && head(unwrap(e[1])) !== 'Negate' && head(unwrap(e[1])) !== 'Add';
  if (h === 'Divide') {
    if (numberValue(e[1]) !== null && numberValue(e[2]) !== null) return isPlainNumber(e);
    const bases = (f) => flatFactors(f).filter(hasLetter).map((g) => JSON.stringify(head(g) === 'Power' ? g[1] : g));
    const shared = bases(e[1]).some((b) => bases(e[2]).includes(b));
    return !shared && isSimplified(e[1]) && isSimplified(e[2]) && numberValue(e[2]) !== 1;
  }
  if (h === 'Add') {
    const list = args(e).map(coefficientOf);
    const distinct = list.every((t, i) => list.findIndex((u) => same(u.rest, t.rest)) === i);
    const constants = args(e).filter((t) => !hasLetter(t)).length;
    return distinct && constants <= 1 && terms(e).every((t) => head(unwrap(t.body)) !== 'Add' && isSimplified(t.body));
  }
  if (isProduct(e)) {
    const list = flatFactors(e);
    const numbers = list.filter((f) => !hasLetter(f)).length;
    const bases = list.map((f) => JSON.stringify(head(f) === 'Power' ? f[1] : f));
    return numbers <= 1 && new Set(bases).size === bases.length
      && list.every((f) => head(f) !== 'Add' && isSimplified(f));
  }
  if (h === 'Power') {
    const n = numberValue(e[2]);
    if (n === 0 || n === 1) return false;
    if (numberValue(e[1]) !== null && n !== null) return false;
    return head(unwrap(e[1])) !== 'Add' && head(unwrap(e[1])) !== 'Power' && isSimplified(e[1]);
  }
  return true;
}
