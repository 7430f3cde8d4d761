// <inkmath-pad>: a writing pad that reads the math written on it.
//
//   <script type="module" src="lib/inkmath-pad.js"></script>
//   <inkmath-pad vocabulary="school"></inkmath-pad>
//   pad.addEventListener('reading', (e) => console.log(e.detail.latex));
//
// Pen, touch and mouse, with palm rejection; undo(), redo(), clear(); the `eraser` attribute
// (or the eraser end of a pen) erases, and a zigzag over strokes scratches them out. After
// each edit the ink is read and a `reading` event carries the reading (as recognize() gives
// it); `readingerror` carries an error. Styled with --inkmath-paper, --inkmath-ink,
// --inkmath-highlight, --inkmath-line-width, --inkmath-border and --inkmath-radius.
import { InkStore } from '../ink/store.js';
import { WriterSize } from '../ink/writer-size.js';
import { WritingSurface } from '../pen/surface.js';
import { Recognizer } from './inkmath.js';

const STYLE = `
:host { display: block; position: relative; min-height: 160px; box-sizing: border-box; overflow: hidden;
  background: var(--inkmath-paper, #fff); border: var(--inkmath-border, 1px solid #c9d1dc);
  border-radius: var(--inkmath-radius, 8px); touch-action: none; user-select: none;
  -webkit-user-select: none; -webkit-touch-callout: none; cursor: crosshair; }
:host([eraser]) { cursor: cell; }
:host([hidden]) { display: none; }
canvas { position: absolute; inset: 0; width: 100%; height: 100%; display: block; }
`;

function styleSheet() {
  // A constructed sheet: no inline <style>, so a page's Content-Security-Policy need not allow one.
  if (typeof CSSStyleSheet === 'function' && 'replaceSync' in CSSStyleSheet.prototype) {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(STYLE);
    return sheet;
  }
  return null;
}

let padsMade = 0;
// The pads of a page are one writer's: each reads with the stroke size of the others.
const writerSize = new WriterSize();

export class InkmathPad extends HTMLElement {
  static get observedAttributes() {
    return ['eraser', 'vocabulary'];
  }

  constructor() {
    super();
    const root = this.attachShadow({ mode: 'open' });
    const sheet = styleSheet();
    this.canvas = document.createElement('canvas');
    if (sheet) root.adoptedStyleSheets = [sheet];
    else root.append(Object.assign(document.createElement('style'), { textContent: STYLE }));
    root.append(this.canvas);
    this.store = new InkStore();
    this.surface = new WritingSurface({ canvas: this.canvas, input: this, store: this.store });
    this.options = {};       // more recognition options (alternatives...), as recognize() takes them
    this.reading = null;     // the latest reading
    this.edits = 0;          // a reading is published only for the ink as it is now
    this.shared = null;      // a recognizer given by the page
    this.own = null;         // or the pad's own, made when first needed
    // Pads that share a recognizer each keep their own session in its worker.
    this.surfaceName = `pad:${++padsMade}`;
    this.store.addEventListener('change', (e) => {
      if (e.detail.kind === 'clear') writerSize.done(this.surfaceName);
      this.dispatchEvent(new CustomEvent('inkchange', { detail: { kind: e.detail.kind } }));
      if (e.detail.kind !== 'transform') this.read();
    });
    this.resizer = new ResizeObserver(() => this.restyle());
  }

  connectedCallback() {
    this.resizer.observe(this);
    this.restyle();
  }

  disconnectedCallback() {
    this.resizer.disconnect();
    if (this.own) this.own.close();
    this.own = null;
  }

  attributeChangedCallback(name, before, after) {
    if (name === 'eraser') this.surface.eraser = this.hasAttribute('eraser');
    if (name === 'vocabulary' && before !== after && this.store.strokes.length > 0) this.read();
  }

  // The recognizer the pad reads with; setting one shares it (e.g. between several pads).
  get recognizer() {
    if (this.shared) return this.shared;
    this.own ??= new Recognizer(this.hasAttribute('base-url') ? { baseUrl: this.getAttribute('base-url') } : {});
    return this.own;
  }

  set recognizer(recognizer) {
    this.shared = recognizer;
  }

  get eraser() {
    return this.hasAttribute('eraser');
  }

  set eraser(on) {
    this.toggleAttribute('eraser', !!on);
  }

  // The ink: strokes of [x, y, t, pressure] in CSS pixels from the pad's top left corner.
  get strokes() {
    return this.store.snapshot().strokes;
  }

  set strokes(strokes) {
    this.store.load(strokes);
  }

  get canUndo() {
    return this.store.canUndo;
  }

  get canRedo() {
    return this.store.canRedo;
  }

  undo() {
    this.store.undo();
  }

  redo() {
    this.store.redo();
  }

  clear() {
    this.store.clear();
  }

  // Fixes the reading of the strokes at these indices (a symbol's `strokes`) to `label`.
  fix(strokes, label) {
    const ids = this.store.strokes.map((s) => s.id);
    return this.store.fix(strokes.map((i) => ids[i]), label);
  }

  restyle() {
    const css = getComputedStyle(this);
    const value = (name) => css.getPropertyValue(name).trim();
    const colors = this.surface.renderer.colors;
    for (const [key, name] of [['ink', '--inkmath-ink'], ['highlight', '--inkmath-highlight']]) if (value(name)) colors[key] = value(name);
    const width = parseFloat(value('--inkmath-line-width'));
    if (width > 0) this.surface.renderer.base = width;
    this.surface.resize();
  }

  async read() {
    const edit = ++this.edits;
    if (this.store.strokes.length === 0) {
      writerSize.read(this.surfaceName, null, 0);
      if (this.shared || this.own) this.recognizer.cancel();
      return this.publish({ latex: '', symbols: [], tree: [], ms: 0 });
    }
    const { strokes, fixed } = this.store.snapshot();
    const vocabulary = this.getAttribute('vocabulary') || undefined;
    let reading;
    try {
      reading = await this.recognizer.recognize(strokes, {
        vocabulary, earlier_stroke_size: writerSize.earlier(this.surfaceName), surface: this.surfaceName, ...this.options, fixed,
      });
    } catch (err) {
      if (err.name !== 'AbortError' && edit === this.edits) this.dispatchEvent(new CustomEvent('readingerror', { detail: err }));
      return;
    }
    if (edit !== this.edits) return;
    writerSize.read(this.surfaceName, reading, strokes.length);
    this.publish(reading);
  }

  publish(reading) {
    this.reading = reading;
    this.dispatchEvent(new CustomEvent('reading', { detail: reading }));
  }
}

if (!customElements.get('inkmath-pad')) customElements.define('inkmath-pad', InkmathPad);
