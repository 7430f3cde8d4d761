// The catalogue of misconceptions. Each one is a "buggy rule": from the line before, it
// writes the lines a child with that misconception would write. A wrong line that says the
// same as one of them (compared as the checker compares lines) is diagnosed with that id.
// Where several fit, work.js takes the one written most like the child's line, then the
// first in this order (the more specific first: -(a - b) -> -a - b is distribute-sign).
//
// `relation(left, right, op)` rewrites a whole equation or inequality; `local(node)`
// rewrites one part of an expression, applied at each place it fits and at all of them at
// once. Both return MathJSON as written (see mathjson.js). `arithmetic` is not a rewrite of
// the line before: it is found by correcting one number of the child's line (work.js).

import {
  head, args, unwrap, isNumber, numberValue, isProduct, same, splitSign, terms, sum, factors,
  product, coefficientOf, times, replaceAt,
} from './mathjson.js';

export const MISCONCEPTIONS = [
  {
    id: 'sign-move',
    message: 'When a term moves to the other side of the equals sign, its sign changes: +3 becomes −3.',
    relation: (left, right, op) => [
      ...terms(left).map((t, i) => [op, sum(without(terms(left), i)), sum([...terms(right), t])]),
      ...terms(right).map((t, i) => [op, sum([...terms(left), t]), sum(without(terms(right), i))]),
    ],
  },
  {
    id: 'one-side',
    message: 'Do the same thing to both sides of the equation, and to every term on each side.',
    relation: (left, right, op) => [
      ...oneSide(left, right).map(([l, r]) => [op, l, r]),
      ...oneSide(right, left).map(([r, l]) => [op, l, r]),
    ],
  },
  {
    id: 'inverse-operation',
    message: 'Undo an operation with its opposite: undo × 2 with ÷ 2, and undo ÷ 3 with × 3.',
    relation: (left, right, op) => [
      ...wrongInverse(left, right).map(([l, r]) => [op, l, r]),
      ...wrongInverse(right, left).map(([r, l]) => [op, l, r]),
    ],
  },
  {
    id: 'inequality-flip',
    message: 'When you multiply or divide both sides of an inequality by a negative number, turn the sign round: −2x < 8 gives x > −4.',
    relation: (left, right, op) => (op === 'Equal' ? [] : [
      ...divideKeepingSign(left, right).map(([l, r]) => [op, l, r]),
      ...divideKeepingSign(right, left).map(([r, l]) => [op, l, r]),
    ]),
  },
  {
    id: 'distribute-sign',
    message: 'A minus sign in front of a bracket changes the sign of every term inside: −(a − b) = −a + b.',
    local: (node) => {
      const { coef, group } = bracketProduct(node);
      if (!group || coef >= 0) return [];
      const inside = terms(group);
      const rest = inside.slice(1).map((t) => ({ sign: t.sign, body: scaled(-coef, t.body) }));
      return [sum([{ sign: -1, body: scaled(-coef, inside[0].body) }, ...rest])];
    },
  },
  {
    id: 'distribute',
    message: 'Multiply every term inside the bracket: 2(x + 3) = 2x + 6.',
    local: (node) => {
      const { coef, others, group } = bracketProduct(node);
      if (!group) return [];
      const inside = terms(group);
      const factor = (body) => product([...(coef === 1 ? [] : [coef]), ...others, body]);
      return [sum([{ sign: inside[0].sign, body: factor(inside[0].body) }, ...inside.slice(1)])];
    },
  },
  {
    id: 'frac-add-across',
    message: 'To add fractions, give them the same denominator first, then add the numerators only.',
    local: (node) => {
      if (head(node) !== 'Add') return [];
      const list = terms(node);
      const out = [];
      for (let i = 0; i + 1 < list.length; i++) {
        const a = unwrap(list[i].body), b = unwrap(list[i + 1].body);
        if (head(a) !== 'Divide' || head(b) !== 'Divide') continue;
        const top = sum([{ sign: list[i].sign, body: a[1] }, { sign: list[i + 1].sign, body: b[1] }]);
        const bottoms = [sum([{ sign: 1, body: a[2] }, { sign: list[i + 1].sign, body: b[2] }]), ['Multiply', a[2], b[2]]];
        for (const bottom of bottoms) out.push(sum([...list.slice(0, i), { sign: 1, body: ['Divide', top, bottom] }, ...list.slice(i + 2)]));
      }
      return out;
    },
  },
  {
    id: 'exp-multiply',
    message: 'When you multiply powers of the same base, add the exponents: x² · x³ = x⁵.',
    local: (node) => {
      if (!isProduct(node)) return [];
      const list = factors(node);
      const out = [];
      for (let i = 0; i < list.length; i++) {
        for (let j = i + 1; j < list.length; j++) {
          const a = unwrap(list[i]), b = unwrap(list[j]);
          if (head(a) !== 'Power' || head(b) !== 'Power' || !same(unwrap(a[1]), unwrap(b[1]))) continue;
          const merged = ['Power', a[1], ['Multiply', a[2], b[2]]];
          out.push(product([...list.slice(0, i), merged, ...list.slice(i + 1, j), ...list.slice(j + 1)]));
        }
      }
      return out;
    },
  },
  {
    id: 'zero-power',
    message: 'Any number (except 0) to the power 0 is 1: 5⁰ = 1.',
    local: (node) => (head(node) === 'Power' && numberValue(node[2]) === 0 ? [0, node[1]] : []),
  },
  {
    id: 'neg-square',
    message: '(−3)² means (−3) × (−3) = 9, but −3² means −(3 × 3) = −9. Watch the brackets.',
    local: (node) => {
      if (head(node) === 'Power' && isEven(node[2])) {
        const base = splitSign(unwrap(node[1]));
        if (base.sign < 0) return [['Negate', ['Power', base.body, node[2]]]];
      }
      if (head(node) === 'Negate' && head(node[1]) === 'Power' && isEven(node[1][2]) && isNumber(node[1][1])) {
        return [['Power', ['Negate', node[1][1]], node[1][2]]];
      }
      return [];
    },
  },
  {
    id: 'exp-times-base',
    message: 'A power is repeated multiplication: 2³ = 2 × 2 × 2 = 8, not 2 × 3.',
    local: (node) => {
      if (head(node) !== 'Power') return [];
      const n = numberValue(node[2]);
      return n !== null && Number.isInteger(n) && n >= 2 ? [['Multiply', node[1], node[2]]] : [];
    },
  },
  {
    id: 'order-of-operations',
    message: 'Work out brackets first, then powers, then × and ÷, then + and − (from left to right).',
    local: (node) => {
      const out = [];
      const tokens = linearize(node);
      if (tokens && tokens.length > 3 && new Set(tokens.filter((t, i) => i % 2 === 1).map(LEVEL)).size > 1) out.push(leftToRight(tokens));
      // + before -: a - b + c read as a - (b + c)
      if (head(node) === 'Add') {
        const list = terms(node);
        for (let i = 1; i + 1 < list.length; i++) {
          if (list[i].sign < 0 && list[i + 1].sign > 0) {
            out.push(sum([...list.slice(0, i), { sign: -1, body: sum([{ sign: 1, body: list[i].body }, list[i + 1]]) }, ...list.slice(i + 2)]));
          }
        }
      }
      // × before ÷: a ÷ b × c read as a ÷ (b × c)
      if (head(node) === 'Multiply' && head(node[1]) === 'Divide' && node.length === 3) {
        out.push(['Divide', node[1][1], ['Multiply', node[1][2], node[2]]]);
      }
      return out;
    },
  },
  {
    id: 'combine-unlike',
    message: 'Only like terms can be added: 2x + 3 stays 2x + 3, and 2x + 3x = 5x.',
    local: (node) => {
      if (head(node) !== 'Add') return [];
      const list = args(node).map(coefficientOf);
      const out = [];
      for (let i = 0; i < list.length; i++) {
        for (let j = i + 1; j < list.length; j++) {
          const a = list[i], b = list[j];
          if (same(a.rest, b.rest)) continue;
          const c = a.coef + b.coef;
          const merged = [a.rest, b.rest, a.rest && b.rest ? ['Multiply', a.rest, b.rest] : null]
            .filter((m) => m !== null).map((m) => times(c, m));
          const others = args(node).filter((_, k) => k !== i && k !== j);
          for (const m of merged) out.push(others.length === 0 ? m : ['Add', m, ...others]);
        }
      }
      return out;
    },
  },
  {
    id: 'arithmetic',
    message: 'Check your calculation on this line: one number is not right.',
  },
];

export const MISCONCEPTION_IDS = MISCONCEPTIONS.map((m) => m.id);
export const misconception = (id) => MISCONCEPTIONS.find((m) => m.id === id) ?? null;

// Every line the rule writes from the statement `raw` (MathJSON as written).
export function buggyLines(rule, raw, relations) {
  const out = [];
  if (rule.relation && relations.has(head(raw)) && raw.length === 3) out.push(...rule.relation(raw[1], raw[2], raw[0]));
  if (rule.local) out.push(...applyEverywhere(raw, rule.local));
  return out;
}

function applyEverywhere(raw, local) {
  const out = [];
  const sites = [];
  const visit = (node, path) => {
    const rewrites = local(node);
    if (rewrites.length > 0) sites.push({ path, rewrites });
    if (Array.isArray(node)) node.forEach((child, i) => { if (i > 0) visit(child, [...path, i]); });
  };
  visit(raw, []);
  for (const { path, rewrites } of sites) for (const r of rewrites) out.push(replaceAt(raw, path, r));
  // The same mistake made at every place at once (2⁰ + 3⁰ -> 0 + 0); inner places first.
  if (sites.length > 1) {
    let all = raw;
    for (const { path, rewrites } of [...sites].reverse()) all = replaceAt(all, path, rewriteAt(all, path, rewrites[0], local));
    out.push(all);
  }
  return out;
}

function rewriteAt(tree, path, fallback, local) {
  const node = path.reduce((n, i) => n[i], tree);
  return local(node)[0] ?? fallback;
}

const without = (list, i) => list.filter((_, k) => k !== i);
const isEven = (e) => { const n = numberValue(e); return n !== null && n % 2 === 0 && n > 0; };
const scaled = (c, body) => (c === 1 ? body : ['Multiply', c, body]);

// A bracket times a number and other factors: -2(x - 3), 3(x + 1)y, -(a - b).
function bracketProduct(node) {
  const { sign, body } = splitSign(node);
  const list = factors(body);
  const at = list.findIndex((f) => head(f) === 'Delimiter' && head(unwrap(f)) === 'Add');
  if (at < 0 || (!isProduct(body) && sign > 0)) return {};
  let coef = sign;
  const others = [];
  list.forEach((f, i) => {
    if (i === at) return;
    const v = numberValue(f);
    if (v === null) others.push(f); else coef *= v;
  });
  return { coef, others, group: unwrap(list[at]) };
}

// Taking a term or a factor away from one side only.
function oneSide(side, other) {
  const out = [];
  const list = terms(side);
  if (list.length > 1) {
    list.forEach((t, i) => {
      out.push([sum(without(list, i)), other]);
      out.push([side, sum([...terms(other), { sign: -t.sign, body: t.body }])]);
    });
    // Multiplying out a fraction in one term only: x/2 + 1 = 5 -> x + 1 = 10 (or = 5).
    list.forEach((t, i) => {
      const d = unwrap(t.body);
      if (head(d) !== 'Divide' || !isNumber(d[2])) return;
      const rest = list.map((u, k) => (k === i ? { sign: u.sign, body: d[1] } : u));
      out.push([sum(rest), ['Multiply', d[2], ['Delimiter', other]]]);
      out.push([sum(rest), other]);
    });
  }
  const { coef, rest } = coefficientOf(side);
  if (list.length === 1 && rest !== null && coef !== 1) {
    out.push([rest, other]);
    out.push([side, ['Divide', other, coef]]);
  }
  const d = unwrap(side);
  if (head(d) === 'Divide' && isNumber(d[2])) {
    out.push([d[1], other]);
    out.push([side, ['Multiply', d[2], ['Delimiter', other]]]);
  }
  return out;
}

// Undoing × c with - c or × c, and ÷ c with ÷ c or - c.
function wrongInverse(side, other) {
  const out = [];
  const { coef, rest } = coefficientOf(side);
  if (terms(side).length === 1 && rest !== null && coef !== 1 && coef !== -1) {
    out.push([rest, ['Add', ['Delimiter', other], ['Negate', coef]]]);
    out.push([rest, ['Multiply', ['Delimiter', other], coef]]);
    out.push([rest, ['Add', ['Delimiter', other], coef]]);
  }
  const d = unwrap(side);
  if (head(d) === 'Divide' && isNumber(d[2])) {
    out.push([d[1], ['Divide', ['Delimiter', other], d[2]]]);
    out.push([d[1], ['Add', ['Delimiter', other], ['Negate', d[2]]]]);
  }
  return out;
}

// Dividing by a negative coefficient and keeping the inequality's direction.
function divideKeepingSign(side, other) {
  const { coef, rest } = coefficientOf(side);
  return terms(side).length === 1 && rest !== null && coef < 0 ? [[rest, ['Divide', ['Delimiter', other], coef]]] : [];
}

// An arithmetic expression as written, as operands and operators in reading order
// (brackets, fractions and 2x stay whole); null when it is not such an expression.
const LEVEL = (op) => (op === '+' || op === '-' ? 1 : op === '^' ? 3 : 2);
function linearize(node) {
  const h = head(node);
  if (h === 'Add') {
    const list = args(node);
    const out = linearize(list[0]) ?? [list[0]];
    for (const t of list.slice(1)) {
      const { sign, body } = splitSign(t);
      out.push(sign < 0 ? '-' : '+', ...(linearize(body) ?? [body]));
    }
    return out;
  }
  if (h === 'Multiply' || (h === 'Divide' && head(node[1]) !== 'Add' && head(node[2]) !== 'Add')) {
    const list = args(node);
    const out = linearize(list[0]) ?? [list[0]];
    for (const f of list.slice(1)) out.push(h === 'Multiply' ? '*' : '/', ...(linearize(f) ?? [f]));
    return out;
  }
  if (h === 'Power') return [...(linearize(node[1]) ?? [node[1]]), '^', node[2]];
  return null;
}

function leftToRight(tokens) {
  const NAMES = { '+': 'Add', '-': 'Subtract', '*': 'Multiply', '/': 'Divide', '^': 'Power' };
  let acc = tokens[0];
  for (let i = 1; i + 1 < tokens.length; i += 2) acc = [NAMES[tokens[i]], acc, tokens[i + 1]];
  return acc;
}
