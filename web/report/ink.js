// An attempt's ink, drawn as SVG from the InkML kept in the report: small, sharp in print,
// and no canvas to size.
import { inkFromInkML } from '../ink/inkml.js';
import { boundingBox } from '../ink/geometry.js';

const SVG = 'http://www.w3.org/2000/svg';

// An <svg> of the ink, or null when there is none (a skipped problem) or it cannot be read.
export function inkSvg(inkml, { width = 220, height = 110 } = {}) {
  if (!inkml) return null;
  let strokes;
  try {
    strokes = inkFromInkML(inkml);
  } catch {
    return null;
  }
  if (strokes.length === 0) return null;
  const { x0, y0, x1, y1 } = boundingBox(strokes);
  const size = Math.max(x1 - x0, y1 - y0, 1);
  const pad = size * 0.06;
  const svg = document.createElementNS(SVG, 'svg');
  svg.setAttribute('viewBox', [x0 - pad, y0 - pad, x1 - x0 + 2 * pad, y1 - y0 + 2 * pad].join(' '));
  svg.setAttribute('width', width);
  svg.setAttribute('height', height);
  svg.setAttribute('class', 'ink');
  svg.setAttribute('role', 'img');
  svg.setAttribute('aria-label', 'What the child wrote');
  const stroke = size / 60;
  for (const points of strokes) {
    const line = document.createElementNS(SVG, 'polyline');
    line.setAttribute('points', points.map(([x, y]) => `${x},${y}`).join(' '));
    line.setAttribute('fill', 'none');
    line.setAttribute('stroke', 'currentColor');
    line.setAttribute('stroke-width', stroke.toFixed(2));
    line.setAttribute('stroke-linecap', 'round');
    line.setAttribute('stroke-linejoin', 'round');
    svg.append(line);
  }
  return svg;
}
