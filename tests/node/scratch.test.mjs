// Scratch-out: the scribbles people make to cross something out are recognized, in several
// shapes; the symbols they write are not.
import test from 'node:test';
import assert from 'node:assert/strict';
import { isScratchOut } from '../../web/pen/scratch.js';

// A polyline through `corners`, sampled every few units, as a pen would report it.
function path(corners, step = 3) {
  const points = [];
  for (let i = 0; i + 1 < corners.length; i++) {
    const [x0, y0] = corners[i], [x1, y1] = corners[i + 1];
    const n = Math.max(1, Math.ceil(Math.hypot(x1 - x0, y1 - y0) / step));
    for (let k = 0; k < n; k++) points.push([x0 + ((x1 - x0) * k) / n, y0 + ((y1 - y0) * k) / n]);
  }
  points.push(corners[corners.length - 1]);
  return points;
}

const curve = (n, f) => Array.from({ length: n + 1 }, (_, i) => f(i / n));

const SCRIBBLES = {
  'to and fro sideways': path(Array.from({ length: 8 }, (_, i) => [i % 2 ? 60 : 0, 100 + 2 * i])),
  'up and down': path(Array.from({ length: 8 }, (_, i) => [100 + 3 * i, i % 2 ? 80 : 0])),
  'back and forth moving down over a tall symbol': path(Array.from({ length: 10 }, (_, i) => [i % 2 ? 45 : 0, 14 * i])),
  'a few wide swings moving down': path(Array.from({ length: 8 }, (_, i) => [i % 2 ? 30 : 0, 20 * i])),
  'slanted zigzag': path(Array.from({ length: 8 }, (_, i) => [i % 2 ? 50 + 4 * i : 4 * i, 10 * i])),
  'loops drifting sideways': curve(160, (t) => [25 * Math.cos(t * 8 * 2 * Math.PI) + 120 * t, 25 * Math.sin(t * 8 * 2 * Math.PI)]),
  'loops drifting down': curve(160, (t) => [20 * Math.cos(t * 7 * 2 * Math.PI), 20 * Math.sin(t * 7 * 2 * Math.PI) + 140 * t]),
};

const SYMBOLS = {
  W: path([[0, 0], [10, 40], [20, 0], [30, 40], [40, 0]]),
  M: path([[0, 40], [10, 0], [20, 40], [30, 0], [40, 40]]),
  3: path([[0, 0], [20, 5], [10, 20], [20, 35], [0, 40]]),
  8: curve(64, (t) => [20 + 18 * Math.sin(4 * Math.PI * t) / 1.2, 40 - 40 * Math.cos(Math.PI * 2 * t) / 2 - 20]),
  2: path([[2, 10], [10, 0], [25, 2], [25, 15], [0, 40], [30, 40]]),
  S: curve(48, (t) => [15 + 14 * Math.cos(Math.PI * (0.3 + 2.4 * t)) * (t < 0.5 ? -1 : 1), 40 * t]),
  '\\sum': path([[30, 0], [0, 0], [18, 20], [0, 40], [30, 40]]),
  z: path([[0, 0], [30, 0], [0, 30], [30, 30]]),
  '\\infty': curve(64, (t) => [30 * Math.sin(2 * Math.PI * t), 10 * Math.sin(4 * Math.PI * t)]),
  m: path([[0, 30], [0, 5], [10, 0], [15, 5], [15, 30], [15, 5], [22, 0], [30, 5], [30, 30]]),
  '\\sqrt': path([[0, 20], [5, 18], [12, 40], [20, 0], [60, 0]]),
};

for (const [name, points] of Object.entries(SCRIBBLES)) {
  test(`scratch-out: ${name}`, () => assert.equal(isScratchOut(points), true));
}

for (const [name, points] of Object.entries(SYMBOLS)) {
  test(`not scratch-out: the symbol ${name}`, () => assert.equal(isScratchOut(points), false));
}
