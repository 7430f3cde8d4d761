// The page: wires pen input, the ink store, rendering, recognition and the views.
import { paths, pageUrl } from './config.js';
import { InkStore } from './ink/store.js';
import { saveInk, loadInk } from './ink/persist.js';
import { inkToInkML, inkFromInkML } from './ink/inkml.js';
import { boundingBox, fitTransform, transformStrokes } from './ink/geometry.js';
import { PenInput } from './pen/input.js';
import { InkRenderer } from './pen/renderer.js';
import { isScratchOut, strokesCrossed } from './pen/scratch.js';
import { RecognitionClient } from './worker/client.js';
import { ResultView } from './view/result.js';
import { SymbolsView } from './view/symbols.js';
import { StatusLine } from './view/status.js';
import { downloadText, copyText } from './view/files.js';
import { registerServiceWorker } from './offline.js';
import { setUpModes } from './modes.js';
import { setUpShortcuts } from './shortcuts.js';

const $ = (id) => document.getElementById(id);
const ERASER_RADIUS = 10;

// Reading the localStorage property itself throws where the browser forbids storage.
const storage = (() => {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
})();

const canvas = $('ink');
const store = new InkStore();
const renderer = new InkRenderer(canvas);
const status = new StatusLine($('status'));
const result = new ResultView({ math: $('math'), latex: $('latex') });
let highlight = new Set();
let eraserOn = false;
let gesture = null;  // { kind: 'write' | 'erase', points, hits }
let latest = { latex: '', symbols: [] };

// Other modes (practice) listen to readings here.
export const page = { store, events: new EventTarget(), get reading() { return latest; } };

const symbols = new SymbolsView({ list: $('symbols'), alternatives: $('alternatives') }, {
  onSelect(ids) {
    highlight = new Set(ids || []);
    redraw();
  },
  onPick(ids, label) {
    highlight = new Set();
    store.fix(ids, label);
  },
});

function redraw() {
  renderer.redraw(store.strokes, { highlight, dimmed: gesture && gesture.kind === 'erase' ? gesture.hits : undefined });
}

// --- recognition ---------------------------------------------------------------------

const client = new RecognitionClient({
  worker: pageUrl(paths.worker),
  wasmScript: pageUrl(paths.wasmScript),
  wasmDir: pageUrl(paths.wasmDir),
  weights: pageUrl(paths.weights),
}, {
  onResult: showReading,
  onState(state, message) {
    document.body.dataset.recognizer = state;
    status.error('recognizer', state === 'ready' || state === 'loading' ? null : message);
  },
});

function showReading({ result: r, request, workerMs, roundTripMs }) {
  if (store.strokes.length === 0) return;  // cleared while this was being recognized
  if (r.error) {
    status.error('reading', `This ink could not be read: ${r.error}`);
    return;
  }
  status.error('reading', null);
  const live = new Set(store.strokes.map((s) => s.id));
  const found = r.symbols.map((s) => ({ ...s, ids: s.strokes.map((i) => request.ids[i]) }))
    .filter((s) => s.ids.every((id) => live.has(id)))
    .map(withRememberedAlternatives);
  latest = { latex: r.latex, symbols: found, ms: r.ms, workerMs, roundTripMs };
  result.show(r.latex);
  symbols.show(found);
  document.body.dataset.recognizeMs = String(Math.round(roundTripMs));
  announce();
}

// A symbol whose reading the user fixed comes back with that reading only; it keeps
// offering the alternatives it had, so the choice can be changed again.
const alternativesOf = new Map();  // stroke ids "3,4" -> alternatives

function withRememberedAlternatives(symbol) {
  const key = symbol.ids.join(',');
  if (symbol.alternatives.length > 1) alternativesOf.set(key, symbol.alternatives);
  else if (alternativesOf.has(key)) return { ...symbol, alternatives: alternativesOf.get(key) };
  return symbol;
}

function announce() {
  page.events.dispatchEvent(new CustomEvent('reading', { detail: latest }));
  window.dispatchEvent(new CustomEvent('inkmath:reading', { detail: latest }));
}

function recognize() {
  if (store.strokes.length === 0) {
    client.cancel();
    latest = { latex: '', symbols: [] };
    result.show('');
    symbols.show([]);
    status.error('reading', null);
    announce();
    return;
  }
  client.request(store.snapshot());
}

// --- edits -----------------------------------------------------------------------------

store.addEventListener('change', (e) => {
  if (e.detail.kind !== 'add') redraw();  // a new stroke is already on the canvas
  canvas.dataset.strokeCount = String(store.strokes.length);
  $('undo').disabled = !store.canUndo;
  $('redo').disabled = !store.canRedo;
  $('clear').disabled = store.strokes.length === 0;
  if (storage) status.error('storage', saveInk(storage, store.snapshot()));
  if (e.detail.kind !== 'transform') recognize();
});

new PenInput(canvas, {
  begin(point, { eraser }) {
    status.error('import', null);
    if (eraserOn || eraser) {
      gesture = { kind: 'erase', points: [point], hits: new Set() };
      eraseAlong([point]);
    } else {
      gesture = { kind: 'write', points: [point] };
      renderer.beginStroke(gesture.points);
    }
  },
  extend(points) {
    if (!gesture) return;
    const from = gesture.points.length - 1;
    gesture.points.push(...points);
    if (gesture.kind === 'write') renderer.extendStroke();
    else eraseAlong(gesture.points.slice(from));
  },
  end() {
    const g = gesture;
    if (!g) return;
    if (g.kind === 'erase') {
      gesture = null;
      if (!store.erase([...g.hits])) redraw();
      return;
    }
    renderer.endStroke();
    gesture = null;
    const crossed = isScratchOut(g.points) ? strokesCrossed(g.points, store.strokes) : [];
    if (crossed.length > 0) {
      store.erase(crossed);
      status.info(`Scratched out ${crossed.length} stroke${crossed.length > 1 ? 's' : ''}.`);
    } else {
      store.addStroke(g.points);
    }
  },
  cancel() {
    renderer.live = null;
    gesture = null;
    redraw();
  },
});

function eraseAlong(path) {
  const before = gesture.hits.size;
  for (const id of strokesCrossed(path, store.strokes, ERASER_RADIUS)) gesture.hits.add(id);
  if (gesture.hits.size !== before) redraw();
}

// --- toolbar ---------------------------------------------------------------------------

function undo() {
  store.undo();
}

function redo() {
  store.redo();
}

$('undo').addEventListener('click', undo);
$('redo').addEventListener('click', redo);
$('clear').addEventListener('click', () => store.clear());
$('eraser').addEventListener('click', () => {
  eraserOn = !eraserOn;
  $('eraser').setAttribute('aria-pressed', String(eraserOn));
  canvas.classList.toggle('erasing', eraserOn);
});
$('copy').addEventListener('click', async () => {
  if (!latest.latex) return status.info('Nothing to copy yet.');
  status.info((await copyText(latest.latex)) ? 'LaTeX copied.' : 'Copying is not allowed here; select the LaTeX below instead.');
});
$('download').addEventListener('click', () => {
  if (store.strokes.length === 0) return status.info('Nothing to download yet.');
  downloadText(inkToInkML(store.snapshot().strokes, latest.latex), 'formula.inkml', 'application/inkml+xml');
});
$('import').addEventListener('click', () => $('import-file').click());
$('import-file').addEventListener('change', async (e) => {
  const file = e.target.files[0];
  e.target.value = '';
  if (!file) return;
  try {
    const strokes = inkFromInkML(await file.text());
    store.load(fitIntoView(strokes));
    status.info(`Opened ${file.name}.`);
  } catch (err) {
    status.error('import', `Could not open ${file.name}: ${err.message}. Your ink is unchanged.`);
  }
});
setUpShortcuts({ undo, redo });

// --- layout ------------------------------------------------------------------------------

// Ink from a file (or from a wider screen) is scaled into the writing area.
function fitIntoView(strokes) {
  const box = boundingBox(strokes);
  if (!box) return strokes;
  return transformStrokes(strokes, fitTransform(box, renderer.width, renderer.height, 24, 1));
}

function fits(box) {
  return box.x0 >= 0 && box.y0 >= 0 && box.x1 <= renderer.width && box.y1 <= renderer.height;
}

function relayout() {
  renderer.resize();
  const box = boundingBox(store.strokes.map((s) => s.points));
  if (box && renderer.width > 0 && !fits(box)) {
    const t = fitTransform(box, renderer.width, renderer.height, 24, 1);
    store.transformAll((points) => transformStrokes([points], t)[0]);
  }
  redraw();
}

new ResizeObserver(relayout).observe(canvas);

// --- start -----------------------------------------------------------------------------

setUpModes($('modes'));
renderer.resize();
try {
  const saved = storage ? loadInk(storage) : null;
  if (saved) store.load(saved.strokes, saved.fixed, { keepHistory: false });
  if (!storage) status.info('This browser does not let the page keep your writing after a reload.', 6000);
} catch (err) {
  status.error('storage', err.message);
}
client.start();
if (store.strokes.length === 0) recognize();
registerServiceWorker($('update'));
document.body.dataset.ready = 'true';
