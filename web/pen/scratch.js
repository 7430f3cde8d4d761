// The scratch-out gesture: a quick back-and-forth scribble drawn over ink deletes the
// strokes it crosses. A scribble reverses direction many times: along its long axis (a
// zigzag to and fro), or across it (back and forth while moving down over a tall symbol,
// or loops drifting sideways). Symbols reverse a few times at most (a W or an M three times
// along its short axis, a 3 or an 8 three or four).
import { boundingBox, polylinesMeet } from '../ink/geometry.js';

const MIN_REVERSALS = 4;        // along the scribble's long axis
const MIN_CROSS_REVERSALS = 6;  // across it, where symbols such as 8 and 3 turn too
const MIN_CROSS_SHARE = 0.2;    // a scribble across a tall symbol is at least this wide

function reversals(points, axis, minStep) {
  let count = 0, direction = 0, anchor = points[0][axis];
  for (const p of points) {
    const d = p[axis] - anchor;
    if (Math.abs(d) < minStep) continue;
    const dir = Math.sign(d);
    if (direction !== 0 && dir !== direction) count++;
    direction = dir;
    anchor = p[axis];
  }
  return count;
}

export function isScratchOut(points) {
  if (points.length < 8) return false;
  const box = boundingBox([points]);
  const w = box.x1 - box.x0, h = box.y1 - box.y0;
  const long = w >= h ? 0 : 1;
  const extent = Math.max(w, h), across = Math.min(w, h);
  if (extent < 8) return false;
  if (reversals(points, long, extent * 0.25) >= MIN_REVERSALS) return true;
  return across >= extent * MIN_CROSS_SHARE && reversals(points, 1 - long, across * 0.5) >= MIN_CROSS_REVERSALS;
}

// Ids of the strokes that the path crosses.
export function strokesCrossed(path, strokes, radius = 0) {
  const a = boundingBox([path]);
  const near = (b) => b.x0 <= a.x1 + radius && b.x1 >= a.x0 - radius && b.y0 <= a.y1 + radius && b.y1 >= a.y0 - radius;
  return strokes.filter((s) => near(boundingBox([s.points])) && polylinesMeet(path, s.points, radius)).map((s) => s.id);
}
