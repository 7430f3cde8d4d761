// The value of an expression at a point, from its canonical MathJSON, in floating point.
// Checking compares expressions at a few points many times, and finds roots on a grid; the
// engine's own evaluation (subs, then N) makes a new canonical expression for each point, a
// thousand times slower. An expression is turned once into a JavaScript function of its
// variables; operators not listed here give null, and the caller asks the engine instead.

const CONSTANTS = { Pi: Math.PI, ExponentialE: Math.E };
const UNARY = {
  Negate: (a) => -a, Sqrt: Math.sqrt, Abs: Math.abs, Square: (a) => a * a,
  Exp: Math.exp, Ln: Math.log, Sin: Math.sin, Cos: Math.cos, Tan: Math.tan,
};
const BINARY = {
  Subtract: (a, b) => a - b,
  Divide: (a, b) => a / b,
  Rational: (a, b) => a / b,
  Power: (a, b) => power(a, b),
  Root: (a, b) => power(a, 1 / b),
};

// A function (at: { name: number }) => number (NaN outside the domain, undefined where a
// real power of a negative base is asked), or null when the expression has other operators.
export function compileNumeric(json) {
  if (typeof json === 'number') return () => json;
  if (typeof json === 'string') {
    if (json in CONSTANTS) return () => CONSTANTS[json];
    return (at) => at[json];
  }
  if (!Array.isArray(json)) {
    if (!json || typeof json.num !== 'string') return null;
    const v = Number(json.num.replace(/\.\.\.$/, ''));
    return () => v;
  }
  const [op, ...args] = json;
  const fs = args.map(compileNumeric);
  if (fs.some((f) => f === null)) return null;
  if (op === 'Add') return (at) => fs.reduce((s, f) => s + f(at), 0);
  if (op === 'Multiply') return (at) => fs.reduce((p, f) => p * f(at), 1);
  if (op === 'Delimiter' && fs.length === 1) return fs[0];
  if (BINARY[op] && fs.length === 2) {
    const [f, g, h] = [fs[0], fs[1], BINARY[op]];
    return (at) => h(f(at), g(at));
  }
  if (UNARY[op] && fs.length === 1) {
    const [f, h] = [fs[0], UNARY[op]];
    return (at) => h(f(at));
  }
  return null;
}

// A negative base has a real power only for a whole exponent (odd roots are left to the engine).
function power(base, exponent) {
  if (base < 0 && !Number.isInteger(exponent)) return undefined;
  return base === 0 && exponent === 0 ? 1 : base ** exponent;
}
