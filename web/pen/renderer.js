// Draws ink on the HiDPI canvas. The stroke being written is drawn incrementally (only
// its new segments, once per animation frame), so cost per frame does not grow with the
// amount of ink; the whole canvas is redrawn only after edits (undo, erase, resize).

export const DEFAULT_COLORS = { ink: '#1b2430', highlight: '#d9480f', dimmed: 'rgba(27, 36, 48, 0.25)' };

// Pressure-sensitive width: light touches are thin, firm ones thick.
function widthAt(pressure, base) {
  return base * (0.45 + 0.9 * pressure);
}

export class InkRenderer {
  // colors: { ink, highlight, dimmed } (CSS colors), any of them; can be changed later.
  constructor(canvas, colors = {}) {
    this.canvas = canvas;
    this.colors = { ...DEFAULT_COLORS, ...colors };
    this.ctx = canvas.getContext('2d');
    this.width = 0;
    this.height = 0;
    this.base = 2.6;
    this.live = null;  // { points, drawn, color }
    this.frame = 0;
  }

  // Matches the backing store to the element's size and the device pixel ratio.
  resize() {
    const rect = this.canvas.getBoundingClientRect();
    const dpr = window.devicePixelRatio || 1;
    this.width = rect.width;
    this.height = rect.height;
    this.canvas.width = Math.max(1, Math.round(rect.width * dpr));
    this.canvas.height = Math.max(1, Math.round(rect.height * dpr));
    this.ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    this.ctx.lineCap = 'round';
    this.ctx.lineJoin = 'round';
  }

  // strokes: [{ id, points }]; highlight / dimmed: sets of stroke ids.
  redraw(strokes, { highlight = new Set(), dimmed = new Set() } = {}) {
    this.ctx.clearRect(0, 0, this.width, this.height);
    for (const s of strokes) {
      const { ink, highlight: marked, dimmed: faded } = this.colors;
      const color = highlight.has(s.id) ? marked : dimmed.has(s.id) ? faded : ink;
      this.drawPieces(s.points, 0, color, true);
    }
    if (this.live) this.live.drawn = this.drawPieces(this.live.points, 0, this.live.color, false);
  }

  beginStroke(points, color = this.colors.ink) {
    this.live = { points, drawn: 0, color };
    this.schedule();
  }

  // The live stroke's point array grew; draw the new part on the next frame.
  extendStroke() {
    this.schedule();
  }

  endStroke() {
    this.flush();
    if (this.live) this.drawPieces(this.live.points, this.live.drawn, this.live.color, true);
    this.live = null;
  }

  schedule() {
    if (!this.frame) this.frame = requestAnimationFrame(() => this.flush());
  }

  flush() {
    if (this.frame) cancelAnimationFrame(this.frame);
    this.frame = 0;
    const live = this.live;
    if (live) live.drawn = this.drawPieces(live.points, live.drawn, live.color, false);
  }

  // Draws a stroke as a smooth curve through the midpoints of its samples (so that coarse
  // samples do not show as corners), piece by piece from piece `from`: piece 0 runs from the
  // first point to the first midpoint, piece k bends around point k, and the final piece (drawn
  // only when the stroke is complete) runs to the last point. Width follows pressure;
  // consecutive pieces of equal rounded width share one path. Returns the next piece to draw.
  drawPieces(points, from, color, final) {
    const ctx = this.ctx;
    const n = points.length;
    ctx.strokeStyle = color;
    ctx.fillStyle = color;
    if (n === 1) {
      if (from === 0) {
        ctx.beginPath();
        ctx.arc(points[0][0], points[0][1], widthAt(points[0][3], this.base) / 2, 0, 2 * Math.PI);
        ctx.fill();
      }
      return 1;
    }
    const mid = (a, b) => [(a[0] + b[0]) / 2, (a[1] + b[1]) / 2];
    const last = final ? n - 1 : n - 2;
    let width = -1;
    for (let k = from; k <= last; k++) {
      const w = Math.round(widthAt(points[k][3], this.base) * 4) / 4;
      if (w !== width) {
        if (width > 0) ctx.stroke();
        ctx.beginPath();
        ctx.lineWidth = width = w;
      }
      if (k === 0) {
        ctx.moveTo(points[0][0], points[0][1]);
        ctx.lineTo(...mid(points[0], points[1]));
      } else if (k === n - 1) {
        ctx.moveTo(...mid(points[n - 2], points[n - 1]));
        ctx.lineTo(points[n - 1][0], points[n - 1][1]);
      } else {
        ctx.moveTo(...mid(points[k - 1], points[k]));
        ctx.quadraticCurveTo(points[k][0], points[k][1], ...mid(points[k], points[k + 1]));
      }
    }
    if (width > 0) ctx.stroke();
    return Math.max(from, last + 1);
  }
}
