// Small helpers on MathJSON as the Compute Engine writes it when it parses without making
// the expression canonical: the child's expression as written, with `Delimiter` for brackets,
// `InvisibleOperator` for 2x, `Negate` for a minus sign and `Add` for sums and differences.
// The buggy rules rewrite these trees; the engine then boxes the result to compare it.

export const RELATIONS = new Set(['Equal', 'Less', 'LessEqual', 'Greater', 'GreaterEqual']);
const PRODUCTS = new Set(['Multiply', 'InvisibleOperator']);

export const head = (e) => (Array.isArray(e) ? e[0] : null);
export const args = (e) => (Array.isArray(e) ? e.slice(1) : []);

export function numberValue(e) {
  if (typeof e === 'number') return e;
  if (e && typeof e === 'object' && !Array.isArray(e) && typeof e.num === 'string') return Number(e.num);
  if (head(e) === 'Negate' && e.length === 2) {
    const v = numberValue(e[1]);
    return v === null ? null : -v;
  }
  if (head(e) === 'Delimiter' && e.length === 2) return numberValue(e[1]);
  return null;
}

export const isNumber = (e) => numberValue(e) !== null;
export const isProduct = (e) => PRODUCTS.has(head(e));
export const same = (a, b) => JSON.stringify(a) === JSON.stringify(b);

// The expression inside any number of brackets.
export function unwrap(e) {
  while (head(e) === 'Delimiter' && e.length === 2) e = e[1];
  return e;
}

// A minus sign written in front of a term: -x, -2x, -3 (as Negate, a negative first factor,
// or a negative number). Returns { sign: 1 | -1, body }.
export function splitSign(e) {
  if (head(e) === 'Negate' && e.length === 2) {
    const inner = splitSign(e[1]);
    return { sign: -inner.sign, body: inner.body };
  }
  if (typeof e === 'number' && e < 0) return { sign: -1, body: -e };
  if (isProduct(e) && e.length > 2) {
    const first = splitSign(e[1]);
    if (first.sign < 0) return { sign: -1, body: [e[0], first.body, ...e.slice(2)] };
  }
  return { sign: 1, body: e };
}

const signed = (sign, body) => (sign < 0 ? ['Negate', body] : body);

// The terms of a sum with their signs: 2x - 3 + y -> [+2x, -3, +y].
export function terms(e) {
  const list = head(e) === 'Add' ? args(e) : [e];
  return list.map(splitSign);
}

export function sum(list) {
  if (list.length === 0) return 0;
  if (list.length === 1) return signed(list[0].sign, list[0].body);
  return ['Add', ...list.map((t) => signed(t.sign, t.body))];
}

export function factors(e) {
  return isProduct(e) ? args(e) : [e];
}

export function product(list) {
  if (list.length === 0) return 1;
  return list.length === 1 ? list[0] : ['Multiply', ...list];
}

// A term as a numeric coefficient and the rest: -2x^2 -> { coef: -2, rest: x^2 }; 3 -> { 3, null }.
export function coefficientOf(term) {
  const { sign, body } = splitSign(term);
  let coef = sign;
  const rest = [];
  for (const f of factors(body)) {
    const v = numberValue(f);
    if (v === null) rest.push(f);
    else coef *= v;
  }
  return { coef, rest: rest.length === 0 ? null : product(rest) };
}

export const times = (c, rest) => (rest === null ? c : c === 1 ? rest : ['Multiply', c, rest]);

export function replaceAt(e, path, value) {
  if (path.length === 0) return value;
  const copy = e.slice();
  copy[path[0]] = replaceAt(e[path[0]], path.slice(1), value);
  return copy;
}

// Every number written in the expression, with its path (a negative number counts as one).
export function numberPaths(e, path = [], out = []) {
  if (typeof e === 'number' || (e && typeof e === 'object' && !Array.isArray(e) && 'num' in e)) {
    out.push(path);
  } else if (Array.isArray(e)) {
    e.forEach((child, i) => { if (i > 0) numberPaths(child, [...path, i], out); });
  }
  return out;
}

export function containsSymbol(e, name) {
  if (e === name) return true;
  return Array.isArray(e) && e.some((child, i) => i > 0 && containsSymbol(child, name));
}
