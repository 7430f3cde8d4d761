// Checks ink that comes from outside the page (saved state, InkML files).
// Ink is an array of strokes; a stroke is an array of points [x, y, t, pressure].
import { limits } from './limits.js';

export class InkError extends Error {}

function finite(v) {
  return typeof v === 'number' && Number.isFinite(v);
}

// Returns clean strokes (arrays of [x, y, t, p]) or throws InkError saying what is wrong.
export function validateStrokes(strokes) {
  if (!Array.isArray(strokes)) throw new InkError('strokes must be a list');
  if (strokes.length > limits.maxStrokes) throw new InkError(`too many strokes (${strokes.length}, at most ${limits.maxStrokes})`);
  return strokes.map((stroke, i) => {
    if (!Array.isArray(stroke) || stroke.length === 0) throw new InkError(`stroke ${i + 1} has no points`);
    if (stroke.length > limits.maxPointsPerStroke)
      throw new InkError(`stroke ${i + 1} has too many points (${stroke.length}, at most ${limits.maxPointsPerStroke})`);
    return stroke.map((p) => {
      if (!Array.isArray(p) || p.length < 2 || !finite(p[0]) || !finite(p[1]))
        throw new InkError(`stroke ${i + 1} has a point that is not a pair of numbers`);
      if (Math.abs(p[0]) > limits.maxAbsCoordinate || Math.abs(p[1]) > limits.maxAbsCoordinate)
        throw new InkError(`stroke ${i + 1} has a coordinate out of range`);
      return [p[0], p[1], finite(p[2]) ? p[2] : 0, finite(p[3]) ? Math.min(1, Math.max(0, p[3])) : 0.5];
    });
  });
}

// Fixed symbols refer to strokes by index; returns the valid ones, dropping the rest.
export function validateFixed(fixed, strokeCount) {
  if (!Array.isArray(fixed)) return [];
  return fixed.filter(
    (f) =>
      f && typeof f.label === 'string' && f.label.length > 0 && f.label.length < 64 && Array.isArray(f.strokes) &&
      f.strokes.length > 0 && f.strokes.every((i) => Number.isInteger(i) && i >= 0 && i < strokeCount),
  );
}
