// Judging a reading, not just its best guess: a child's right answer must never be called
// wrong because it was misread, and a wrong one never called right. The recognizer gives
// whole readings with their probabilities, and each symbol's alternatives; every plausible
// reading is judged, and the verdict is said only when they agree and the reading is sure.
// Otherwise the child is asked which one they wrote (the plausible readings as choices).
//
// reading: { latex, readings: [{ latex, probability, labels }], symbols: [{ label, score,
//   alternatives, fixed }] } as the recognizer gives it (labels: each symbol's label in that
//   reading, in the order of `symbols`).
// decide(checker, problem, reading) -> {
//   verdict: 'right' | 'wrong' | 'ask' | 'unreadable',
//   mistake (for 'wrong'), reason (for 'unreadable'),
//   choices: [{ latex, probability, fixes }] (for 'ask': two or more readings the child picks
//     from; none when the question is about symbols, as when every reading is wrong but
//     some symbol is unsure) }
import { assessReading } from './confidence.js';

export const PLAUSIBLE_READING = 0.1;  // a whole reading this probable may be what was written
export const PLAUSIBLE_SYMBOL = 0.15;  // so may the reading with a symbol's alternative this probable
const MAX_CHOICES = 4;

// The LaTeX label of a symbol as the recognizer writes it (src/latex/write.cpp).
const written = (label) => (label === '\\lt' ? '<' : label === '\\gt' ? '>' : label);

const idsOf = (s) => s.ids || s.strokes || [];

// The reading with symbol `index` read as `label`, where the LaTeX shows that symbol's label
// exactly once (so it is certainly that symbol's place); null otherwise.
function withSymbolAs(latex, symbols, index, label) {
  const tokens = latex.split(' ');
  const at = tokens.flatMap((t, i) => (t === written(symbols[index].label) ? [i] : []));
  if (at.length !== 1) return null;
  tokens[at[0]] = written(label);
  return { latex: tokens.join(' '), fixes: [{ ids: idsOf(symbols[index]), label }] };
}

// Two bars one above the other, each read as a minus, may be one = written wide: the reading
// with them joined, for a reading on one line (its minus signs then follow the symbols' order
// from left to right).
function withBarsJoined(latex, symbols) {
  if (/[{}^_]/.test(latex)) return [];
  const bars = symbols.filter((s) => s.label === '-' && !s.fixed && s.box).sort((a, b) => a.box[0] - b.box[0]);
  const tokens = latex.split(' ');
  const minus = tokens.flatMap((t, i) => (t === '-' ? [i] : []));
  if (minus.length !== bars.length) return [];
  const out = [];
  for (let k = 0; k + 1 < bars.length; k++) {
    const [a, b] = [bars[k].box, bars[k + 1].box];
    const overlap = Math.min(a[2], b[2]) - Math.max(a[0], b[0]);
    if (!(overlap >= 0.5 * Math.min(a[2] - a[0], b[2] - b[0]))) continue;
    const joined = tokens.filter((_, i) => i !== minus[k + 1]);
    joined[minus[k]] = '=';
    out.push({ latex: joined.join(' '), fixes: [{ ids: [...idsOf(bars[k]), ...idsOf(bars[k + 1])], label: '=' }] });
  }
  return out;
}

// The symbols to fix so that the recognizer reads `labels` (a whole reading's labels):
// [{ ids, label }] for each symbol whose label differs.
export function fixesFor(reading, labels) {
  return (reading.symbols || []).flatMap((s, i) =>
    labels && labels[i] !== undefined && labels[i] !== s.label ? [{ ids: idsOf(s), label: labels[i] }] : []);
}

// The readings that may be what was written, the recognizer's best first, each LaTeX once:
// [{ latex, probability, fixes }], where `fixes` are the symbols to fix to read it so.
export function plausibleReadings(reading) {
  const symbols = reading.symbols || [];
  const whole = Array.isArray(reading.readings) && reading.readings.length
    ? reading.readings : [{ latex: reading.latex, probability: 1 }];
  const out = [];
  const add = (r) => {
    if (r && r.latex && !out.some((o) => o.latex === r.latex)) out.push(r);
  };
  whole.forEach((r, i) => {
    if (i === 0 || r.probability >= PLAUSIBLE_READING) add({ latex: r.latex, probability: r.probability ?? 1, fixes: fixesFor(reading, r.labels) });
  });
  const best = whole[0].latex, p = whole[0].probability ?? 1;
  symbols.forEach((s, index) => {
    if (s.fixed) return;
    for (const alt of s.alternatives || []) {
      if (alt.label === s.label || !(alt.score >= PLAUSIBLE_SYMBOL)) continue;
      const r = withSymbolAs(best, symbols, index, alt.label);
      if (r) add({ ...r, probability: p * alt.score / Math.max(s.score, alt.score) });
    }
  });
  for (const r of withBarsJoined(best, symbols)) add({ ...r, probability: p / 2 });
  return out;
}

export function decide(checker, problem, reading) {
  const candidates = plausibleReadings(reading).map((r) => ({ ...r, judged: checker.judge(problem, r.latex) }));
  const [first] = candidates;
  const readable = candidates.filter((c) => c.judged.verdict !== 'unreadable');
  if (!first || readable.length === 0) {
    return { verdict: 'unreadable', reason: first ? first.judged.reason : 'nothing was written', choices: [] };
  }
  const right = readable.filter((c) => c.judged.verdict === 'right');
  const agree = right.length === 0 || right.length === readable.length;
  const firstReadable = first.judged.verdict !== 'unreadable';
  // A question with one choice would offer the answer it is about: the symbols are asked instead.
  const choices = readable.length > 1 ? readable.slice(0, MAX_CHOICES).map(choice) : [];
  if (!agree || !firstReadable) return { verdict: 'ask', choices, reason: agree ? 'not math' : 'readings differ' };
  if (right.length) return { verdict: 'right', mistake: null, choices: [] };
  // Every plausible reading is wrong: "Not quite" only when no symbol is in doubt either, and
  // the reading has no shape that none of the problem's answers has (a wide = split into two
  // sure bars gives "x - - 3"; a digit set too high, "4^{2}").
  // Symbols the writer fixed are what they say they wrote, whatever their shape.
  const symbols = reading.symbols || [];
  const chosen = symbols.length > 0 && symbols.every((s) => s.fixed);
  if (assessReading(reading).unsure.length === 0 && (chosen || !unexpectedShape(first.latex, problem))) {
    return { verdict: 'wrong', mistake: first.judged.mistake, choices: [] };
  }
  return { verdict: 'ask', choices, reason: 'unsure symbols' };
}

// What a reading is made of, besides digits: its other symbols (and how many of each: scripts,
// fractions and roots among them), and signs written in a row.
function shapes(latex) {
  const out = new Set();
  // Each symbol other than a digit, as often as it is written: "x x = 3" has a second x.
  const seen = new Map();
  for (const token of latex.match(/\\[a-zA-Z]+|\\.|[^\s{}]/g) || []) {
    if (/^[0-9]$/.test(token)) continue;
    const t = token === '<' ? '\\lt' : token === '>' ? '\\gt' : token;
    seen.set(t, (seen.get(t) || 0) + 1);
    out.add(`${t} ${seen.get(t)}`);
  }
  // Two signs in a row, as a pair ("=-" in x = -3 is expected; "--" is not).
  const sign = /^(?:[-+=<>.,]|\\(?:times|div|pm|leq|geq|neq|lt|gt)(?![a-zA-Z]))/;
  const compact = latex.replace(/[{}\s]/g, '');
  for (let i = 0; i < compact.length; i++) {
    const a = sign.exec(compact.slice(i));
    if (!a) continue;
    const b = sign.exec(compact.slice(i + a[0].length));
    if (b && !(a[0] === '.' || b[0] === '.')) out.add(`signs ${a[0]}${b[0]}`);
  }
  if (/^\s*[.,=<>]|[.,=+]\s*$/.test(latex) || /^\s*[-+]\s*[-+.,=]/.test(latex)) out.add('dangling sign');
  return out;
}

// Whether the reading has a symbol other than a digit, or a shape, that none of the problem's
// answers (right or known wrong) has: a 4 split into "1 -", a decimal point that is a stray dot.
export function unexpectedShape(latex, problem) {
  const expected = new Set([problem.answer, ...(problem.mistakes || []).flatMap((m) => m.answers || [])].flatMap((a) => [...shapes(a)]));
  return [...shapes(latex)].some((shape) => !expected.has(shape));
}

const choice = (c) => ({ latex: c.latex, probability: c.probability, fixes: c.fixes });
