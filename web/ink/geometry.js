// Plane geometry on ink: boxes, distances and crossings of polylines.

export function boundingBox(strokes) {
  let x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity;
  for (const points of strokes)
    for (const [x, y] of points) {
      if (x < x0) x0 = x;
      if (y < y0) y0 = y;
      if (x > x1) x1 = x;
      if (y > y1) y1 = y;
    }
  return x0 === Infinity ? null : { x0, y0, x1, y1 };
}

function cross(ax, ay, bx, by) {
  return ax * by - ay * bx;
}

export function segmentsCross(a, b, c, d) {
  const r = [b[0] - a[0], b[1] - a[1]];
  const s = [d[0] - c[0], d[1] - c[1]];
  const denom = cross(r[0], r[1], s[0], s[1]);
  if (denom === 0) return false;
  const t = cross(c[0] - a[0], c[1] - a[1], s[0], s[1]) / denom;
  const u = cross(c[0] - a[0], c[1] - a[1], r[0], r[1]) / denom;
  return t >= 0 && t <= 1 && u >= 0 && u <= 1;
}

export function distanceToSegment(p, a, b) {
  const dx = b[0] - a[0], dy = b[1] - a[1];
  const len2 = dx * dx + dy * dy;
  const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / len2));
  return Math.hypot(p[0] - (a[0] + t * dx), p[1] - (a[1] + t * dy));
}

// True when polyline `path` crosses polyline `points`, or passes within `radius` of it.
export function polylinesMeet(path, points, radius = 0) {
  const segs = (pts) => (pts.length === 1 ? [[pts[0], pts[0]]] : pts.slice(1).map((p, i) => [pts[i], p]));
  const a = segs(path), b = segs(points);
  for (const [p, q] of a)
    for (const [r, s] of b) {
      if (segmentsCross(p, q, r, s)) return true;
      if (radius > 0 && (distanceToSegment(r, p, q) <= radius || distanceToSegment(p, r, s) <= radius ||
          distanceToSegment(s, p, q) <= radius || distanceToSegment(q, r, s) <= radius)) return true;
    }
  return false;
}

// Scale and offset that place `box` inside a width × height area with a margin,
// never enlarging by more than `maxScale`.
export function fitTransform(box, width, height, margin = 16, maxScale = Infinity) {
  const w = Math.max(box.x1 - box.x0, 1e-9), h = Math.max(box.y1 - box.y0, 1e-9);
  const scale = Math.min((width - 2 * margin) / w, (height - 2 * margin) / h, maxScale);
  const dx = (width - w * scale) / 2 - box.x0 * scale;
  const dy = (height - h * scale) / 2 - box.y0 * scale;
  return { scale, dx, dy };
}

export function transformStrokes(strokes, { scale, dx, dy }) {
  return strokes.map((points) => points.map(([x, y, ...rest]) => [x * scale + dx, y * scale + dy, ...rest]));
}
