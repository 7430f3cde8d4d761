// Mini problems on one misconception, with new numbers each time: the same seed gives the
// same problem. Each is a worked problem ({ prompt, latex, answer, compare, hints, work }).
// `arithmetic` (and a wrong line no rule explains) gets the child's own problem with new
// numbers, chosen so that the answer is a whole number (for `arithmetic`, a calculation when
// no such numbers are found).

import { numberPaths, replaceAt } from './mathjson.js';

// mulberry32: a small, fast, seedable generator.
export function seededRandom(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const gcd = (a, b) => (b === 0 ? Math.abs(a) : gcd(b, a % b));
const fraction = (n, d) => {
  const g = gcd(n, d);
  const [a, b] = [n / g, d / g];
  return b === 1 ? String(a) : `\\frac{${a}}{${b}}`;
};
const solve = (latex, answer, hint) => ({ prompt: `Solve for $x$: $${latex}$.`, latex, answer, compare: 'equivalent', hints: [hint] });
const work = (verb, latex, answer, hint, compare = 'equivalent') => ({ prompt: `${verb} $${latex}$.`, latex, answer, compare, hints: [hint] });

const TEMPLATES = {
  'sign-move': (int) => {
    const a = int(2, 9), x = int(1, 9);
    return solve(`x + ${a} = ${x + a}`, `x=${x}`, `Take ${a} away from both sides.`);
  },
  'one-side': (int) => {
    const a = int(2, 5), b = int(2, 9), x = int(1, 6);
    return solve(`${a}x + ${b} = ${a * x + b}`, `x=${x}`, `Take ${b} away from both sides, then divide both sides by ${a}.`);
  },
  'inverse-operation': (int) => {
    const a = int(2, 9), x = int(2, 9);
    return int(0, 1) ? solve(`${a}x = ${a * x}`, `x=${x}`, `Undo × ${a} by dividing both sides by ${a}.`)
      : solve(`\\frac{x}{${a}} = ${x}`, `x=${a * x}`, `Undo ÷ ${a} by multiplying both sides by ${a}.`);
  },
  'inequality-flip': (int) => {
    const a = int(2, 5), x = int(1, 6);
    return solve(`-${a}x < ${-a * x}`, `x>${x}`, `Divide both sides by −${a} and turn the < round.`);
  },
  'distribute-sign': (int) => {
    const a = int(5, 12), b = int(2, 9);
    return work('Simplify', `${a} - (x - ${b})`, `${a + b}-x`, `The minus in front of the bracket changes both signs: −(x − ${b}) = −x + ${b}.`);
  },
  distribute: (int) => {
    const a = int(2, 9), b = int(2, 9);
    return work('Expand', `${a}(x + ${b})`, `${a}x+${a * b}`, `Multiply both x and ${b} by ${a}.`);
  },
  'frac-add-across': (int) => {
    const b = int(2, 5), d = b + int(1, 4), a = int(1, b - 1), c = int(1, d - 1);
    return work('Work out', `\\frac{${a}}{${b}} + \\frac{${c}}{${d}}`, fraction(a * d + c * b, b * d), `Write both fractions with the denominator ${b * d}, then add the numerators.`);
  },
  'exp-multiply': (int) => {
    const a = int(2, 6), b = int(2, 6);
    return work('Simplify', `x^{${a}} \\cdot x^{${b}}`, `x^{${a + b}}`, `Write out the factors: there are ${a} + ${b} x's.`);
  },
  'zero-power': (int) => {
    const a = int(2, 9), b = int(2, 9);
    return work('Work out', `${a}^{0} + ${b}`, String(b + 1), `${a}⁰ = 1.`);
  },
  'neg-square': (int) => {
    const a = int(2, 9);
    return work('Work out', `(-${a})^{2}`, String(a * a), `Multiply (−${a}) × (−${a}): minus times minus is plus.`);
  },
  'exp-times-base': (int) => {
    const a = int(2, 5), b = int(2, 3);
    return work('Work out', `${a}^{${b}}`, String(a ** b), `Multiply ${b} factors of ${a}.`);
  },
  'order-of-operations': (int) => {
    const a = int(2, 9), b = int(2, 9), c = int(2, 9);
    return work('Work out', `${a} + ${b} \\times ${c}`, String(a + b * c), `Multiply first: ${b} × ${c}.`);
  },
  // Used for `arithmetic` when the child's problem cannot be given new numbers.
  calculation: (int) => {
    const a = int(3, 9), b = int(3, 9), c = int(2, 9);
    return work('Work out', `${a} \\times ${b} - ${c}`, String(a * b - c), `Work out ${a} × ${b} first, then take away ${c}.`);
  },
  'combine-unlike': (int) => {
    const a = int(2, 6), b = int(2, 9), c = int(2, 6);
    return work('Simplify', `${a}x + ${b} + ${c}x`, `${a + c}x+${b}`, `Add the x terms together; the ${b} stays on its own.`);
  },
};

// A mini problem for misconception `id`. `renumber(latex, random)` gives the problem with new
// numbers (WorkChecker-based, see renumbered below); used when no template fits.
export function miniProblem(id, { seed = 1, problem = null, renumber = null } = {}) {
  const random = seededRandom(seed);
  const int = (lo, hi) => lo + Math.floor(random() * (hi - lo + 1));
  if (TEMPLATES[id]) return { ...TEMPLATES[id](int), work: true };
  const same = problem && renumber ? renumber(problem, random) : null;
  return same ?? (id === 'arithmetic' ? { ...TEMPLATES.calculation(int), work: true } : null);
}

// The problem `latex` with each number replaced by a new one from 2 to 9, tried until the
// answer is a whole number; `solveFor(latex)` returns { answer } or null.
export function renumbered(statements, latex, random, solveFor, tries = 40) {
  const read = statements.read(latex);
  if (!read.ok) return null;
  const raw = read.statement.raw;
  const paths = numberPaths(raw);
  for (let k = 0; k < tries; k++) {
    const changed = paths.reduce((e, path) => replaceAt(e, path, 2 + Math.floor(random() * 8)), raw);
    const text = statements.ce.box(changed, { canonical: false }).latex;
    if (text === latex) continue;
    const solved = solveFor(text);
    if (solved) {
      const relation = read.statement.kind === 'relation';
      return { prompt: relation ? `Solve: $${text}$.` : `Work out $${text}$.`, latex: text, answer: solved, compare: 'equivalent', hints: [], work: true };
    }
  }
  return null;
}
