// The lines of a worked solution as the page read them, and which of them the child is
// asked about before a step is judged: a step is only called wrong when its line was read
// surely (every symbol fixed by the child, or read with a score of at least BLAME_SCORE and
// no close second reading), so that a misread line is never blamed as a mistake.
import { isUnsure } from './confidence.js';

export const BLAME_SCORE = 0.9;

// reading: the page's reading ({ latex, symbols, lines }); a reading not split into lines is
// one line. Returns [{ latex, box, ids, symbols }] top to bottom.
export function stepLines(reading) {
  if (Array.isArray(reading.lines) && reading.lines.length > 0) return reading.lines;
  if (!reading.latex) return [];
  return [{ latex: reading.latex, box: null, ids: reading.symbols.flatMap((s) => s.ids), symbols: reading.symbols }];
}

// The symbols of `line` that are not sure enough to blame the line for a wrong step.
export function doubtfulSymbols(line) {
  return line.symbols.filter((s) => s.fixed !== true && (!(s.score >= BLAME_SCORE) || isUnsure(s)));
}

// The index of the first line that cannot be read as math (readable: latex -> boolean), or -1.
export function firstUnreadable(lines, readable) {
  return lines.findIndex((l) => !readable(l.latex));
}
