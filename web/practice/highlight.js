// Shows on the paper which symbol the page asks about: its strokes drawn over in colour,
// inside a rounded box, on a layer above the canvas that lets the pen through.
const SVG = 'http://www.w3.org/2000/svg';
const PAD = 8;

export class InkHighlight {
  constructor(surface) {
    this.svg = document.createElementNS(SVG, 'svg');
    this.svg.setAttribute('class', 'practice-highlight');
    this.svg.setAttribute('aria-hidden', 'true');
    surface.append(this.svg);
  }

  // groups: [[points, ...] per symbol] in the paper's CSS pixels.
  show(groups) {
    this.svg.replaceChildren();
    for (const strokes of groups) {
      const all = strokes.flat();
      if (all.length === 0) continue;
      const xs = all.map((p) => p[0]), ys = all.map((p) => p[1]);
      const x0 = Math.min(...xs) - PAD, y0 = Math.min(...ys) - PAD;
      const box = document.createElementNS(SVG, 'rect');
      Object.entries({ x: x0, y: y0, width: Math.max(...xs) + PAD - x0, height: Math.max(...ys) + PAD - y0, rx: 10, class: 'practice-highlight-box' })
        .forEach(([k, v]) => box.setAttribute(k, v));
      this.svg.append(box);
      for (const points of strokes) {
        const line = document.createElementNS(SVG, 'polyline');
        line.setAttribute('points', points.map(([x, y]) => `${x},${y}`).join(' '));
        line.setAttribute('class', 'practice-highlight-stroke');
        this.svg.append(line);
      }
    }
    this.svg.dataset.symbols = String(groups.length);
  }

  clear() {
    this.svg.replaceChildren();
    this.svg.dataset.symbols = '0';
  }
}
