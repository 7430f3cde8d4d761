// The scratch-out gesture: a quick back-and-forth zigzag drawn over ink deletes the
// strokes it crosses. A zigzag reverses direction along its long axis many times, which
// no symbol does (a W or an M reverses along its short axis).
import { boundingBox, polylinesMeet } from '../ink/geometry.js';

const MIN_REVERSALS = 4;

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
  const axis = w >= h ? 0 : 1;
  const extent = Math.max(w, h);
  if (extent < 8) return false;
  return reversals(points, axis, extent * 0.25) >= MIN_REVERSALS;
}

// Ids of the strokes that the path crosses.
export function strokesCrossed(path, strokes, radius = 0) {
  const a = boundingBox([path]);
  const near = (b) => b.x0 <= a.x1 + radius && b.x1 >= a.x0 - radius && b.y0 <= a.y1 + radius && b.y1 >= a.y0 - radius;
  return strokes.filter((s) => near(boundingBox([s.points])) && polylinesMeet(path, s.points, radius)).map((s) => s.id);
}
