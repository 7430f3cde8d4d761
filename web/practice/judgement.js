// Judging a reading, not just its best guess: a child's right answer must never be called
// wrong because it was misread, and a wrong one never called right. The recognizer gives
// whole readings with their probabilities, and each symbol's alternatives; every plausible
// reading is judged, and the verdict is said only when they agree and the reading is sure.
// Otherwise the child is asked which one they wrote (the plausible readings as choices).
//
// reading: { latex, readings: [{ latex, probability, labels }], symbols: [{ label, score,
//   alternatives, fixed }] } as the recognizer gives it (labels: each symbol's label in that
//   reading, in the order of `symbols`).
// A child's answer is a row of symbols: two strokes of one symbol read as two (an open 4 as
// "1 +") are joined back, and where none of the problem's answers has a script, a digit set
// high or low is read on the line. Shapes of the writing that are easily misread (a small dot
// missed, a symbol taken for a look-alike, a stray mark read 1) are never blamed: when the
// reading with them undone is right, the child is asked.
//
// decide(checker, problem, reading) -> {
//   verdict: 'right' | 'wrong' | 'ask' | 'unreadable',
//   mistake (for 'wrong'), reason (for 'unreadable'),
//   latex (for 'right' and 'wrong': the reading judged, as the problem's answers are written),
//   choices: [{ latex, probability, fixes }] (for 'ask': two or more readings the child picks
//     from; none when the question is about symbols, as when every reading is wrong but
//     some symbol is unsure) }
import { assessReading } from './confidence.js';

export const PLAUSIBLE_READING = 0.1;  // a whole reading this probable may be what was written
export const PLAUSIBLE_SYMBOL = 0.15;  // so may the reading with a symbol's alternative this probable
export const LOOK_ALIKE = 0.01;       // an alternative this probable may be what was written, when the reading is judged wrong
const MAX_CHOICES = 4;

// The LaTeX label of a symbol as the recognizer writes it (src/latex/write.cpp).
const written = (label) => (label === '\\lt' ? '<' : label === '\\gt' ? '>' : label);

const idsOf = (s) => s.ids || s.strokes || [];

// A reading's LaTeX as tokens, each digit its own token ("42" -> 4, 2), and back: numbers
// written as numbers, braces and scripts tight ("\frac{3}{4}", "4_{2}").
const tokenize = (latex) => latex.match(/\\[a-zA-Z]+|\\.|\S/g) || [];
const STRUCTURE = new Set(['{', '}', '^', '_', '\\frac', '\\sqrt']);
const writeTokens = (tokens) => tokens.join(' ').replace(/\s*([{}^_])\s*/g, '$1')
  .replace(/(\\[a-zA-Z]+)([{}^_])/g, '$1$2').replace(/(?<=[0-9.])\s+(?=[0-9.])/g, '');
export const sameLatex = (a, b) => writeTokens(tokenize(a)) === writeTokens(tokenize(b));

// Positions of the tokens that are symbols (not braces, scripts or the \frac that stands for
// its bar), whose label is `label`.
const symbolTokens = (tokens, label) => tokens.flatMap((t, i) => (t === written(label) && !STRUCTURE.has(t) ? [i] : []));

// The reading with symbol `index` read as `label`, where the LaTeX shows that symbol's label
// exactly once (so it is certainly that symbol's place); null otherwise.
function withSymbolAs(latex, symbols, index, label) {
  const tokens = tokenize(latex);
  const at = symbolTokens(tokens, symbols[index].label);
  if (at.length !== 1 || symbols.filter((s) => s.label === symbols[index].label).length !== 1) return null;
  tokens[at[0]] = written(label);
  return { latex: writeTokens(tokens), fixes: [{ ids: idsOf(symbols[index]), label }] };
}

// An open 4, written as a short upright and a cross, read as "1" and "+": a 1 standing within
// the cross's width, on its height, is no 1 of a row (one written beside a + is clear of it).
// The reading with such a pair as one 4, where the LaTeX shows the + once, next to a 1; null
// when there is none.
function withOpenFourJoined(latex, symbols) {
  const crosses = symbols.filter((s) => s.label === '+' && !s.fixed && s.box);
  if (crosses.length !== 1) return null;
  const cross = crosses[0], [cx0, cy0, cx1, cy1] = cross.box;
  const upright = symbols.find((s) => s.label === '1' && !s.fixed && s.box &&
    (s.box[0] + s.box[2]) / 2 >= cx0 && (s.box[0] + s.box[2]) / 2 <= cx1 && s.box[1] <= cy1 && s.box[3] >= cy0);
  if (!upright) return null;
  const tokens = tokenize(latex);
  const at = symbolTokens(tokens, '+');
  if (at.length !== 1) return null;
  const before = at[0] > 0 && tokens[at[0] - 1] === '1', after = tokens[at[0] + 1] === '1';
  // Tokens of a row follow the symbols' left edges: the 1 left of the cross's comes before it.
  const one = before && after ? (upright.box[0] < cx0 ? at[0] - 1 : at[0] + 1) : before ? at[0] - 1 : after ? at[0] + 1 : -1;
  if (one < 0) return null;
  tokens[Math.min(one, at[0])] = '4';
  tokens.splice(Math.max(one, at[0]), 1);
  return { latex: writeTokens(tokens), fixes: [{ ids: [...idsOf(upright), ...idsOf(cross)], label: '4' }] };
}

// Scripts read on the line ("4_{2}" -> "4 2"), for a problem none of whose answers has one.
function onTheLine(latex) {
  const tokens = tokenize(latex), out = [], scripts = [];
  let depth = 0;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (t === '^' || t === '_') {
      if (tokens[i + 1] === '{') scripts.push(depth++), i++;
      continue;
    }
    if (t === '{') depth++;
    if (t === '}' && --depth === scripts[scripts.length - 1]) {
      scripts.pop();
      continue;
    }
    out.push(t);
  }
  return writeTokens(out);
}

const hasScripts = (latex) => /[\^_]/.test(latex);

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

// The symbols to fix so that the recognizer reads a whole reading of `reading`'s ink
// ({ labels, strokes, ids? }: each of its symbols, its strokes as the page's ids where the
// reading's symbols have ids; or its labels alone, for readings that group the strokes as
// `reading` does): [{ ids, label }] for each of its symbols that `reading` does not
// have, the same strokes with the same label. A reading that groups some strokes otherwise has
// all its symbols fixed: the strokes left free could otherwise group anew.
export function fixesFor(reading, whole) {
  const symbols = reading.symbols || [];
  const labels = Array.isArray(whole) ? whole : whole?.labels;
  const groups = Array.isArray(whole) ? null : whole?.ids || whole?.strokes;
  if (!Array.isArray(labels)) return [];
  if (!Array.isArray(groups)) {
    return symbols.flatMap((s, i) =>
      labels[i] !== undefined && labels[i] !== s.label ? [{ ids: idsOf(s), label: labels[i] }] : []);
  }
  const key = (ids) => [...ids].sort((a, b) => a - b).join(' ');
  const have = new Map(symbols.map((s) => [key(idsOf(s)), s.label]));
  const regrouped = groups.some((g) => Array.isArray(g) && !have.has(key(g)));
  return labels.flatMap((label, i) =>
    Array.isArray(groups[i]) && (regrouped || have.get(key(groups[i])) !== label) ? [{ ids: groups[i], label }] : []);
}

const answersOf = (problem) => [problem.answer, ...(problem.mistakes || []).flatMap((m) => m.answers || [])];

// The readings that may be what was written, the recognizer's best first, each LaTeX once:
// [{ latex, probability, fixes }], where `fixes` are the symbols to fix to read it so. With a
// problem, readings are written as its answers are: on the line when none of them has a script.
export function plausibleReadings(reading, problem = null) {
  const symbols = reading.symbols || [];
  const whole = Array.isArray(reading.readings) && reading.readings.length
    ? reading.readings : [{ latex: reading.latex, probability: 1 }];
  const flat = !!problem && !answersOf(problem).some(hasScripts);
  const out = [];
  const add = (r) => {
    if (!r || !r.latex) return;
    const latex = flat && hasScripts(r.latex) ? onTheLine(r.latex) : r.latex;
    if (!out.some((o) => sameLatex(o.latex, latex))) out.push({ ...r, latex });
  };
  // The best reading on the line (so an upright read as a raised 1 is next to its cross), with
  // an open 4 joined: read as "1 +" it is no reading of a row.
  const line = flat && hasScripts(whole[0].latex) ? onTheLine(whole[0].latex) : whole[0].latex;
  const joined = withOpenFourJoined(line, symbols);
  const best = joined ? joined.latex : line, p = whole[0].probability ?? 1;
  const bestFixes = joined ? joined.fixes : fixesFor(reading, whole[0]);
  const inJoin = new Set(joined ? joined.fixes[0].ids : []);
  add({ latex: best, probability: p, fixes: bestFixes });
  whole.forEach((r, i) => {
    if (i > 0 && r.probability >= PLAUSIBLE_READING) add({ latex: r.latex, probability: r.probability ?? 1, fixes: fixesFor(reading, r) });
  });
  symbols.forEach((s, index) => {
    if (s.fixed || idsOf(s).some((id) => inJoin.has(id))) return;
    for (const alt of s.alternatives || []) {
      if (alt.label === s.label || !(alt.score >= PLAUSIBLE_SYMBOL)) continue;
      const r = withSymbolAs(best, symbols, index, alt.label);
      if (r) add({ latex: r.latex, fixes: [...bestFixes, ...r.fixes], probability: p * alt.score / Math.max(s.score, alt.score) });
    }
  });
  for (const r of withBarsJoined(best, symbols)) add({ ...r, probability: p / 2 });
  return out;
}

// Readings of `latex` with a misread easily made undone, for a reading judged wrong: a small
// dot missed or one too many (a decimal point put in between two digits or taken out), a symbol
// read as a look-alike (any alternative of LOOK_ALIKE or more), a stray mark read 1 (a 1
// touching its neighbour). [{ latex, probability, fixes }]
export function misreadings(latex, reading) {
  const symbols = (reading.symbols || []).filter((s) => !s.fixed);
  const tokens = tokenize(latex);
  const out = [];
  const add = (t, fixes = []) => out.push({ latex: writeTokens(t), probability: 0, fixes });
  tokens.forEach((t, i) => {
    if (/^[0-9]$/.test(t) && /^[0-9]$/.test(tokens[i + 1] || '')) add([...tokens.slice(0, i + 1), '.', ...tokens.slice(i + 1)]);
    if (t === '.') add(tokens.filter((_, j) => j !== i));
  });
  (reading.symbols || []).forEach((s, index) => {
    if (s.fixed) return;
    for (const alt of s.alternatives || []) {
      if (alt.label === s.label || !(alt.score >= LOOK_ALIKE)) continue;
      const r = withSymbolAs(latex, reading.symbols, index, alt.label);
      if (r) add(tokenize(r.latex), r.fixes);
    }
  });
  // A 1 whose box touches a neighbour's (a gap under a tenth of the taller one's height): the
  // k-th 1 from the left is the k-th 1 of the row.
  const ones = symbols.filter((s) => s.label === '1' && s.box).sort((a, b) => a.box[0] - b.box[0]);
  const at = symbolTokens(tokens, '1');
  ones.forEach((one, k) => {
    const touches = symbols.some((o) => o !== one && o.box &&
      Math.max(o.box[0] - one.box[2], one.box[0] - o.box[2]) <= 0.1 * Math.max(o.box[3] - o.box[1], one.box[3] - one.box[1]) &&
      o.box[1] <= one.box[3] && o.box[3] >= one.box[1]);
    if (touches && ones.length === at.length) add(tokens.filter((_, j) => j !== at[k]));
  });
  return out.filter((r, i) => r.latex && !sameLatex(r.latex, latex) && out.findIndex((o) => sameLatex(o.latex, r.latex)) === i);
}

// Letters that every answer of the problem has (the unknown of an equation).
const letters = (latex) => new Set(tokenize(latex).filter((t) => /^[a-zA-Z]$/.test(t)));
function lettersOfEveryAnswer(problem) {
  const sets = answersOf(problem).map(letters);
  return sets.length ? [...sets[0]].filter((l) => sets.every((s) => s.has(l))) : [];
}

export function decide(checker, problem, reading) {
  // A reading other than the best that drops the unknown every answer has ("5 = 4" for x = 4,
  // the x taken for a 5) is no answer to the problem.
  const unknowns = lettersOfEveryAnswer(problem);
  const candidates = plausibleReadings(reading, problem)
    .filter((r, i) => i === 0 || unknowns.every((l) => letters(r.latex).has(l)))
    .map((r) => ({ ...r, judged: checker.judge(problem, r.latex) }));
  const [first] = candidates;
  const readable = candidates.filter((c) => c.judged.verdict !== 'unreadable');
  if (!first || readable.length === 0) {
    // A stray dot or mark may be all that keeps it from being math.
    const rescued = first ? rightMisreadings(checker, problem, first.latex, reading) : [];
    if (rescued.length) return { verdict: 'ask', choices: [], reason: 'not math' };
    return { verdict: 'unreadable', reason: first ? first.judged.reason : 'nothing was written', choices: [] };
  }
  const right = readable.filter((c) => c.judged.verdict === 'right');
  const agree = right.length === 0 || right.length === readable.length;
  const firstReadable = first.judged.verdict !== 'unreadable';
  // A question with one choice would offer the answer it is about: the symbols are asked instead.
  const offer = (list) => (list.length > 1 ? list.slice(0, MAX_CHOICES).map(choice) : []);
  if (!agree || !firstReadable) return { verdict: 'ask', choices: offer(readable), reason: agree ? 'not math' : 'readings differ' };
  // The verdict is the first reading's (an open 4 joined, read on the line): `latex` says which.
  if (right.length) return { verdict: 'right', mistake: null, latex: first.latex, choices: [] };
  // Every plausible reading is wrong. A misread easily made (a dot missed, a look-alike, a
  // stray 1) that gives the right answer is asked about, never blamed.
  const rescued = rightMisreadings(checker, problem, first.latex, reading);
  if (rescued.length) return { verdict: 'ask', choices: offer([...readable, ...rescued]), reason: 'readings differ' };
  // "Not quite" only when no symbol is in doubt either, and the reading has no shape that none
  // of the problem's answers has (a wide = split into two sure bars gives "x - - 3"; a digit
  // set too high, "4^{2}", where no answer has a script).
  // Symbols the writer fixed are what they say they wrote, whatever their shape.
  const symbols = reading.symbols || [];
  const chosen = symbols.length > 0 && symbols.every((s) => s.fixed);
  if (assessReading(reading).unsure.length === 0 && (chosen || !unexpectedShape(first.latex, problem))) {
    return { verdict: 'wrong', mistake: first.judged.mistake, latex: first.latex, choices: [] };
  }
  return { verdict: 'ask', choices: offer(readable), reason: 'unsure symbols' };
}

function rightMisreadings(checker, problem, latex, reading) {
  return misreadings(latex, reading).filter((r) => checker.judge(problem, r.latex).verdict === 'right');
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
