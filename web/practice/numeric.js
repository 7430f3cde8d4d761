// The value of an expression at a point, from its canonical MathJSON, in floating point.
// Checking compares expressions at a few points many times; the engine's own evaluation
// (subs, then N) makes a new canonical expression for each point, a thousand times slower.
// Operators not listed here return undefined, and the caller asks the engine instead.

const CONSTANTS = { Pi: Math.PI, ExponentialE: Math.E };
const UNARY = {
  Negate: (a) => -a, Sqrt: Math.sqrt, Abs: Math.abs, Square: (a) => a * a,
  Exp: Math.exp, Ln: Math.log, Sin: Math.sin, Cos: Math.cos, Tan: Math.tan,
};

// `at`: { name: number }. Returns a number (NaN outside the domain), or undefined.
export function evaluate(json, at) {
  if (typeof json === 'number') return json;
  if (typeof json === 'string') return json in at ? at[json] : CONSTANTS[json];
  if (!Array.isArray(json)) return json && typeof json.num === 'string' ? Number(json.num.replace(/\.\.\.$/, '')) : undefined;
  const [op, ...args] = json;
  const values = args.map((a) => evaluate(a, at));
  if (values.some((v) => v === undefined)) return undefined;
  switch (op) {
    case 'Add': return values.reduce((s, v) => s + v, 0);
    case 'Multiply': return values.reduce((p, v) => p * v, 1);
    case 'Subtract': return values.length === 2 ? values[0] - values[1] : undefined;
    case 'Divide': case 'Rational': return values.length === 2 ? values[0] / values[1] : undefined;
    case 'Power': return values.length === 2 ? power(values[0], values[1]) : undefined;
    case 'Root': return values.length === 2 ? power(values[0], 1 / values[1]) : undefined;
    case 'Delimiter': return values.length === 1 ? values[0] : undefined;
    default: return values.length === 1 && UNARY[op] ? UNARY[op](values[0]) : undefined;
  }
}

// A negative base only has a real power for a whole exponent; otherwise the engine decides.
function power(base, exponent) {
  if (base < 0 && !Number.isInteger(exponent)) return undefined;
  return base === 0 && exponent === 0 ? 1 : base ** exponent;
}
