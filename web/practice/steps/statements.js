// What a written line says, and whether one line follows from another: an equation keeps
// its solution set, an inequality its solution set (direction included), an expression its
// value. Parsing and evaluation come from the Compute Engine through the answer checker
// (check.js), whose comparison of values is reused here for expressions.
//
// Solution sets are found numerically in the unknown: a linear equation or inequality from
// the values of L - R at four points; any other equation from sign changes and touching
// points of L - R on a grid from -60 to 60, or the engine's solver when the grid finds no
// root; any other inequality by its truth on that grid. Other letters are parameters: the
// sets are compared for three choices of them, so a literal equation (solve for y) is
// checked the same way.

import { RELATIONS, head, args } from './mathjson.js';

const MAX_LATEX_LENGTH = 2000;
const POINTS = [0.7312, -1.3721, 2.2458, 3.0891];
const PARAMETER_SAMPLES = [[1.1937, 2.4142, -0.8316], [-2.3579, 0.5773, 1.7321], [3.1623, -1.6180, 0.9135]];
const TOLERANCE = 1e-7;
const MAX_SOLVER_JSON = 400;
const MAX_SOLVER_DEGREE = 6;
const GRID = { from: -60, to: 60, step: 0.5 };
const FLIP = { Less: 'Greater', LessEqual: 'GreaterEqual', Greater: 'Less', GreaterEqual: 'LessEqual' };
const HOLDS = {
  Equal: (v) => Math.abs(v) <= TOLERANCE,
  Less: (v) => v < -TOLERANCE,
  LessEqual: (v) => v <= TOLERANCE,
  Greater: (v) => v > TOLERANCE,
  GreaterEqual: (v) => v >= -TOLERANCE,
};

export class Statements {
  constructor(answerChecker) {
    this.checker = answerChecker;
    this.ce = answerChecker.ce;
    this.sets = new WeakMap();
  }

  // A line of LaTeX as { ok: true, statement } or { ok: false, reason }. A line that starts
  // with "=" continues the expression above it.
  read(latex) {
    if (typeof latex !== 'string' || latex.trim() === '') return { ok: false, reason: 'nothing was written' };
    if (latex.length > MAX_LATEX_LENGTH) return { ok: false, reason: 'the line is too long' };
    const text = latex.trim().replace(/^=/, '');
    if (text.trim() === '') return { ok: false, reason: 'it is not complete math' };
    let raw;
    try {
      raw = this.ce.parse(text, { canonical: false }).json;
    } catch (err) {
      return { ok: false, reason: `it could not be read as math (${err.message})` };
    }
    const statement = this.fromJson(raw);
    return statement ? { ok: true, statement } : { ok: false, reason: 'it is not complete math' };
  }

  // A statement from MathJSON as written: { kind: 'relation', op, sides, raw } (a chain
  // a = b = c has three sides) or { kind: 'expression', value, raw }; null if not valid math.
  fromJson(raw) {
    try {
      const op = head(raw);
      if (RELATIONS.has(op)) {
        const sides = chain(raw, op).map((side) => this.ce.box(side));
        if (!sides.every((s) => s.isValid)) return null;
        return { kind: 'relation', op, sides, raw };
      }
      const value = this.ce.box(raw);
      return value.isValid && !RELATIONS.has(value.operator) ? { kind: 'expression', value, raw } : null;
    } catch {
      return null;
    }
  }

  freeVariables(statement) {
    const exprs = statement.kind === 'relation' ? statement.sides : [statement.value];
    return [...new Set(exprs.flatMap((e) => e.freeVariables))].sort();
  }

  // Whether `next` says the same as `prev` (same solution set in `unknown`, or same value).
  equivalent(prev, next, unknown) {
    if (prev.kind !== next.kind) return false;
    if (prev.kind === 'expression') return this.sameValue(prev.value, next.value);
    if (prev.sides.length !== 2 || next.sides.length !== 2) return false;
    const equation = (s) => s.op === 'Equal';
    if (equation(prev) !== equation(next)) return false;
    const names = [...new Set([...this.freeVariables(prev), ...this.freeVariables(next)])];
    const x = unknown && names.includes(unknown) ? unknown : names[0] ?? null;
    const parameters = names.filter((n) => n !== x);
    const f = this.difference(prev), g = this.difference(next);
    const samples = parameters.length === 0 ? [[]] : PARAMETER_SAMPLES;
    return samples.every((values) => {
      const at = Object.fromEntries(parameters.map((n, i) => [n, values[i % values.length]]));
      const a = this.solutionSet(f, prev.op, x, at), b = this.solutionSet(g, next.op, x, at);
      return a !== null && b !== null && sameSet(a, b);
    });
  }

  sameValue(a, b) {
    try {
      return this.checker.sameValue(a, b);
    } catch {
      return false;
    }
  }

  // L - R of a relation, boxed once.
  difference(statement) {
    statement.difference ??= this.ce.box(['Subtract', statement.sides[0].json, statement.sides[1].json]);
    return statement.difference;
  }

  // The value of `expr` with the variables in `at` (numbers); NaN outside its domain or
  // where it is not real.
  valueAt(expr, at) {
    try {
      const [re, im] = this.checker.valueAt(expr, at);
      return Number.isFinite(im) && Math.abs(im) > TOLERANCE * Math.max(1, Math.abs(re)) ? NaN : re;
    } catch {
      return NaN;
    }
  }

  // The solution set of `f op 0` in x, the parameters fixed by `at`: { all }, { none },
  // { points: [...] } for an equation, { bound, op } (x op bound) or { samples } for an
  // inequality; null when it cannot be found.
  solutionSet(f, op, x, at) {
    // Each line is compared with the line before and the line after, and a wrong line with
    // every candidate of the catalogue: its sets are found once.
    const key = `${op} ${x} ${JSON.stringify(at)}`;
    let known = this.sets.get(f);
    if (!known) this.sets.set(f, known = new Map());
    if (!known.has(key)) known.set(key, this.findSolutionSet(f, op, x, at));
    return known.get(key);
  }

  findSolutionSet(f, op, x, at) {
    const valueAt = (v) => this.valueAt(f, x === null ? at : { ...at, [x]: v });
    if (x === null) {
      const v = valueAt(0);
      return Number.isNaN(v) ? null : HOLDS[op](v) ? { all: true } : { none: true };
    }
    const line = linearFit(POINTS, POINTS.map(valueAt));
    if (line) {
      const { slope, intercept, scale } = line;
      if (Math.abs(slope) <= TOLERANCE * scale) return HOLDS[op](intercept / scale) ? { all: true } : { none: true };
      const root = -intercept / slope;
      if (op === 'Equal') return { points: [root] };
      return { bound: root, op: slope > 0 ? op : FLIP[op] };
    }
    if (op !== 'Equal') return { samples: gridPoints().map((v) => { const y = valueAt(v); return Number.isNaN(y) ? null : HOLDS[op](y / Math.max(1, Math.abs(y))); }) };
    const roots = this.roots(f, x, at, valueAt);
    return roots === null ? null : { points: roots };
  }

  // Real roots of f in x: sign changes and touching points on a grid, refined; the engine's
  // solver (slow) only when the grid finds none, for roots beyond it.
  roots(f, x, at, valueAt) {
    const scaleAt = (v) => Math.max(1, Math.abs(valueAt(v + 1)), Math.abs(valueAt(v - 1)));
    const isRoot = (r) => Number.isFinite(r) && Math.abs(valueAt(r)) <= 1e-6 * scaleAt(r);
    const found = gridRoots(valueAt).filter(isRoot);
    // Expanding (x + 1)^200 would take long: the solver only gets small, low-degree equations.
    const small = JSON.stringify(f.json).length <= MAX_SOLVER_JSON && maxExponent(f.json) <= MAX_SOLVER_DEGREE;
    if (found.length === 0 && small) {
      try {
        const subs = {};
        for (const [name, v] of Object.entries(at)) subs[name] = this.ce.number(v);
        const solved = this.ce.box(['Equal', f.subs(subs).expand().json, 0]).solve(x);
        if (Array.isArray(solved)) {
          for (const root of solved) {
            const v = root.N();
            if (Math.abs(Number(v.im) || 0) <= 1e-9 && isRoot(Number(v.re))) found.push(Number(v.re));
          }
        }
      } catch {
        // no roots from the solver either
      }
    }
    return dedupe(found);
  }
}

// The sides of a chain a = b = c, which the parser nests as a = (b = c).
function chain(raw, op) {
  const [left, right] = args(raw);
  return head(right) === op ? [left, ...chain(right, op)] : [left, right];
}

function maxExponent(json) {
  if (!Array.isArray(json)) return 0;
  const own = json[0] === 'Power' ? Math.abs(typeof json[2] === 'number' ? json[2] : Infinity) : 0;
  return Math.max(own, ...json.slice(1).map(maxExponent));
}

function linearFit(xs, ys) {
  if (ys.some((y) => !Number.isFinite(y))) return null;
  const slope = (ys[1] - ys[0]) / (xs[1] - xs[0]);
  const intercept = ys[0] - slope * xs[0];
  const scale = Math.max(1, ...ys.map(Math.abs), Math.abs(slope), Math.abs(intercept));
  const fits = xs.every((x, i) => Math.abs(slope * x + intercept - ys[i]) <= TOLERANCE * scale);
  return fits ? { slope, intercept, scale } : null;
}

function gridPoints() {
  const out = [];
  for (let v = GRID.from; v <= GRID.to; v += GRID.step) out.push(v + 0.0137);
  return out;
}

function gridRoots(valueAt) {
  const roots = [];
  const xs = gridPoints();
  const ys = xs.map(valueAt);
  const refine = (lo, hi, better) => {
    for (let k = 0; k < 60; k++) {
      const a = lo + (hi - lo) / 3, b = hi - (hi - lo) / 3;
      if (better(a, b)) hi = b; else lo = a;
    }
    return (lo + hi) / 2;
  };
  for (let i = 1; i < xs.length; i++) {
    const [y0, y1] = [ys[i - 1], ys[i]];
    if (!Number.isFinite(y0) || !Number.isFinite(y1)) continue;
    if (Math.sign(y0) !== Math.sign(y1)) {
      let lo = xs[i - 1], hi = xs[i], flo = y0;
      for (let k = 0; k < 60; k++) {
        const mid = (lo + hi) / 2, fm = valueAt(mid);
        if (Math.sign(fm) === Math.sign(flo)) { lo = mid; flo = fm; } else hi = mid;
      }
      roots.push((lo + hi) / 2);
    } else if (i + 1 < xs.length && touches(y0, y1, ys[i + 1])) {
      // |f| smallest here without a sign change, and a parabola through the three values
      // reaches 0: a touching root, (x - 3)² = 0.
      roots.push(refine(xs[i - 1], xs[i + 1], (a, b) => Math.abs(valueAt(a)) < Math.abs(valueAt(b))));
    }
  }
  return roots;
}

function touches(y0, y1, y2) {
  const [a, b, c] = [Math.abs(y0), Math.abs(y1), Math.abs(y2)];
  if (!(b < a && b <= c) || Math.sign(y0) !== Math.sign(y2)) return false;
  const curvature = (a + c - 2 * b) / 2;  // of the parabola through the three values, step 1
  const lowest = curvature > 0 ? b - ((c - a) / 2) ** 2 / (2 * curvature) / 2 : b;
  return lowest <= 1e-3 * Math.max(a, c);
}

const close = (a, b) => Math.abs(a - b) <= 1e-6 * Math.max(1, Math.abs(a), Math.abs(b));

function dedupe(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.filter((v, i) => i === 0 || !close(v, sorted[i - 1]));
}

function sameSet(a, b) {
  if (a.all || b.all) return Boolean(a.all && b.all);
  if (a.none || b.none) return Boolean(a.none && b.none) || (a.none && b.points?.length === 0) || (b.none && a.points?.length === 0);
  if (a.points && b.points) return a.points.length === b.points.length && a.points.every((v, i) => close(v, b.points[i]));
  if (a.bound !== undefined && b.bound !== undefined) return a.op === b.op && close(a.bound, b.bound);
  if (a.samples && b.samples) return a.samples.every((v, i) => v === null || b.samples[i] === null || v === b.samples[i]);
  return false;
}
