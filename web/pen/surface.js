// A writing surface: pen input, rendering, the eraser and scratch-out on a canvas, editing
// an ink store. Strokes written go into the store; a zigzag over strokes (scratch-out) or the
// eraser deletes the strokes it crosses. The page's paper and <inkmath-pad> are both this.
import { PenInput } from './input.js';
import { InkRenderer } from './renderer.js';
import { isScratchOut, strokesCrossed } from './scratch.js';
import { TwoFingerScroll } from './scroll.js';

const ERASER_RADIUS = 10;

export class WritingSurface {
  // canvas: where ink is drawn; input: the element that receives pointer events (the canvas,
  // or an element around it); store: an InkStore; scroller: an element that two fingers
  // scroll (optional). onBegin() when a stroke starts, onScratchOut(count) after strokes
  // were scratched out.
  constructor({ canvas, input = canvas, store, colors, scroller = null }, { onBegin = () => {}, onScratchOut = () => {} } = {}) {
    this.store = store;
    this.renderer = new InkRenderer(canvas, colors);
    this.eraser = false;
    this.highlighted = new Set();
    this.gesture = null;  // { kind: 'write' | 'erase', points, hits }
    this.onBegin = onBegin;
    this.onScratchOut = onScratchOut;
    // A new stroke is already on the canvas; any other edit redraws it.
    store.addEventListener('change', (e) => { if (e.detail.kind !== 'add') this.redraw(); });
    this.pen = new PenInput(input, {
      begin: (point, { eraser }) => this.begin(point, eraser),
      extend: (points) => this.extend(points),
      end: () => this.end(),
      cancel: () => this.cancel(),
    }, canvas);
    if (scroller) new TwoFingerScroll(input, scroller, { onStart: () => this.pen.drop() });
  }

  get width() {
    return this.renderer.width;
  }

  get height() {
    return this.renderer.height;
  }

  // Matches the canvas to its element's size and the device pixel ratio, and redraws.
  resize() {
    this.renderer.resize();
    this.redraw();
  }

  highlight(ids) {
    this.highlighted = new Set(ids || []);
    this.redraw();
  }

  redraw() {
    const dimmed = this.gesture && this.gesture.kind === 'erase' ? this.gesture.hits : undefined;
    this.renderer.redraw(this.store.strokes, { highlight: this.highlighted, dimmed });
  }

  begin(point, eraserEnd) {
    this.onBegin();
    if (this.eraser || eraserEnd) {
      this.gesture = { kind: 'erase', points: [point], hits: new Set() };
      this.eraseAlong([point]);
    } else {
      this.gesture = { kind: 'write', points: [point] };
      this.renderer.beginStroke(this.gesture.points);
    }
  }

  extend(points) {
    const g = this.gesture;
    if (!g) return;
    const from = g.points.length - 1;
    g.points.push(...points);
    if (g.kind === 'write') this.renderer.extendStroke();
    else this.eraseAlong(g.points.slice(from));
  }

  end() {
    const g = this.gesture;
    if (!g) return;
    this.gesture = null;
    if (g.kind === 'erase') {
      if (!this.store.erase([...g.hits])) this.redraw();
      return;
    }
    this.renderer.endStroke();
    const crossed = isScratchOut(g.points) ? strokesCrossed(g.points, this.store.strokes) : [];
    if (crossed.length > 0) {
      this.store.erase(crossed);
      this.onScratchOut(crossed.length);
    } else {
      this.store.addStroke(g.points);
    }
  }

  cancel() {
    this.renderer.live = null;
    this.gesture = null;
    this.redraw();
  }

  eraseAlong(path) {
    const hits = this.gesture.hits;
    const before = hits.size;
    for (const id of strokesCrossed(path, this.store.strokes, ERASER_RADIUS)) hits.add(id);
    if (hits.size !== before) this.redraw();
  }
}
