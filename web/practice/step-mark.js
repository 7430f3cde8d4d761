// Shows a written line on the paper: a coloured band behind the line and its strokes drawn
// over in colour (the first wrong step in red, a line whose reading is asked about in
// orange), on a layer above the canvas that lets the pen through.
const SVG = 'http://www.w3.org/2000/svg';
const PAD = 10;

export class StepMark {
  constructor(sheet) {
    this.svg = document.createElementNS(SVG, 'svg');
    this.svg.setAttribute('class', 'practice-step-mark');
    this.svg.setAttribute('aria-hidden', 'true');
    this.svg.dataset.line = '';
    sheet.append(this.svg);
  }

  // strokes: [points, ...] of line `index` in the sheet's CSS pixels; kind: 'wrong' | 'doubt'.
  show(index, strokes, kind = 'wrong') {
    this.svg.replaceChildren();
    const all = strokes.flat();
    if (all.length === 0) return this.clear();
    const xs = all.map((p) => p[0]), ys = all.map((p) => p[1]);
    const x0 = Math.min(...xs) - PAD, y0 = Math.min(...ys) - PAD;
    const band = document.createElementNS(SVG, 'rect');
    Object.entries({ x: x0, y: y0, width: Math.max(...xs) + PAD - x0, height: Math.max(...ys) + PAD - y0, rx: 12,
      class: `practice-step-band ${kind}` }).forEach(([k, v]) => band.setAttribute(k, v));
    this.svg.append(band);
    for (const points of strokes) {
      const line = document.createElementNS(SVG, 'polyline');
      line.setAttribute('points', points.map(([x, y]) => `${x},${y}`).join(' '));
      line.setAttribute('class', `practice-step-stroke ${kind}`);
      this.svg.append(line);
    }
    this.svg.dataset.line = String(index);
    this.svg.dataset.kind = kind;
  }

  clear() {
    this.svg.replaceChildren();
    this.svg.dataset.line = '';
    delete this.svg.dataset.kind;
  }
}
