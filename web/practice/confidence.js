// How sure the recognizer is of a reading. A symbol is unsure when its score is low or when
// another reading of the same strokes comes close; an answer read with any unsure symbol is
// shown to the writer to confirm or fix before it is judged, so that a misread is never
// reported as a wrong answer.
//
// reading: { latex, symbols: [{ label, score, ids, alternatives: [{ label, score }], fixed }] }
// A symbol whose reading the writer fixed comes back from the recognizer with `fixed: true`.

export const SURE_SCORE = 0.6;    // below this, a symbol is unsure
export const CLOSE_MARGIN = 0.25; // a runner-up within this of the best makes it unsure

export function runnerUpScore(symbol) {
  const others = (symbol.alternatives || []).filter((a) => a.label !== symbol.label).map((a) => a.score);
  return others.length ? Math.max(...others) : 0;
}

export function isUnsure(symbol) {
  return !(symbol.score >= SURE_SCORE) || symbol.score - runnerUpScore(symbol) < CLOSE_MARGIN;
}

const strokeKey = (ids) => [...ids].sort((a, b) => a - b).join(',');
const isFixed = (symbol) => symbol.fixed === true;

// { confidence: the lowest symbol score, 1 for fixed symbols (0 when nothing was read),
//   unsure: [symbols] }. Fixed symbols are sure.
export function assessReading(reading) {
  const symbols = reading && Array.isArray(reading.symbols) ? reading.symbols : [];
  if (symbols.length === 0) return { confidence: 0, unsure: [] };
  return {
    confidence: Math.min(...symbols.map((s) => (isFixed(s) ? 1 : Number.isFinite(s.score) ? s.score : 0))),
    unsure: symbols.filter((s) => !isFixed(s) && isUnsure(s)),
  };
}

// Whether `reading` is the reading of the ink `state` ({ strokes: [{ id }], fixed: [{ ids, label }] }):
// its symbols cover exactly the strokes on the paper and honour every fixed reading (a symbol
// over those strokes with that label and `fixed`; a core that does not mark fixed symbols
// gives them a score of 1). A reading that does not is
// still on its way (the ink changed after it was asked for).
export function readingMatchesInk(reading, state) {
  if (!reading || !Array.isArray(reading.symbols)) return false;
  const onPaper = new Set(state.strokes.map((s) => s.id));
  const read = reading.symbols.flatMap((s) => s.ids || []);
  if (read.length !== onPaper.size || !read.every((id) => onPaper.has(id))) return false;
  if (onPaper.size === 0) return reading.latex === '';
  const byStrokes = new Map(reading.symbols.map((s) => [strokeKey(s.ids), s]));
  return state.fixed.every((f) => {
    const s = byStrokes.get(strokeKey(f.ids));
    return !!s && s.label === f.label && (s.fixed ?? s.score === 1);
  });
}
