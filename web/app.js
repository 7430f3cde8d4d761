// The page: wires pen input, the ink store, rendering, recognition and the views.
import { InkStore } from './ink/store.js';
import { WriterSize } from './ink/writer-size.js';
import { saveInk, loadInk } from './ink/persist.js';
import { inkToInkML, inkFromInkML } from './ink/inkml.js';
import { boundingBox, fitTransform, transformStrokes } from './ink/geometry.js';
import { WritingSurface } from './pen/surface.js';
import { GrowingPaper } from './pen/paper.js';
import { RecognitionError } from './lib/inkmath.js';
import { recognizer } from './start-recognizer.js';
import { PageReading } from './reading.js';
import { ResultView } from './view/result.js';
import { SymbolsView } from './view/symbols.js';
import { StepsView } from './view/steps.js';
import { setUpLinesToggle } from './view/lines-toggle.js';
import { ReadingsMenu } from './view/readings-menu.js';
import { setUpVocabularySwitch } from './view/vocabulary-switch.js';
import { StatusLine } from './view/status.js';
import { downloadText, copyText } from './view/files.js';
import { registerServiceWorker } from './offline.js';
import { setUpModes } from './modes.js';
import { setUpShortcuts } from './shortcuts.js';
import { setUpPractice } from './practice/practice.js';

const $ = (id) => document.getElementById(id);

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
const reading = new PageReading();
// The writer's stroke size from their other inks (a child's earlier answers), for each reading.
const writerSize = new WriterSize();
const status = new StatusLine($('status'));
const result = new ResultView({ math: $('math'), latex: $('latex') });
const surface = new WritingSurface({ canvas, store, scroller: $('paper') }, {
  onBegin: () => status.error('import', null),
  onScratchOut: (n) => status.info(`Scratched out ${n} stroke${n > 1 ? 's' : ''}.`),
});

new GrowingPaper({ scroller: $('paper'), sheet: $('sheet'), store });
const steps = new StepsView($('steps'));

// For tools and tests: the ink and the latest reading.
export const page = { store, steps, get reading() { return reading.latest; } };

const symbols = new SymbolsView({ list: $('symbols'), alternatives: $('alternatives') }, {
  onSelect: (ids) => surface.highlight(ids),
  onPick(ids, label) {
    surface.highlight(null);
    store.fix(ids, label);
  },
});

// Tapping the reading offers the next best whole readings; choosing one fixes its symbols.
const readingsMenu = new ReadingsMenu({ math: $('math'), menu: $('readings') }, {
  onChoose: (fixes) => store.fixAll(fixes),
});

// --- recognition ---------------------------------------------------------------------

function showState() {
  const { state, message } = recognizer;
  document.body.dataset.recognizer = state;
  status.error('recognizer', state === 'ready' || state === 'loading' ? null : message);
  reading.setState(state, message);
}
recognizer.addEventListener('statechange', showState);
showState();

function showReading(r, request) {
  if (store.strokes.length === 0) return;  // cleared while this was being recognized
  writerSize.read(surfaceName(), r, request.strokes.length);
  status.error('reading', null);
  const live = new Set(store.strokes.map((s) => s.id));
  const ids = (strokes) => strokes.map((i) => request.ids[i]);
  // Read as lines, each symbol knows its line (the symbol buttons go line by line).
  const lineOf = new Map();
  (r.lines || []).forEach((l, k) => l.symbols.forEach((s) => lineOf.set(s.strokes.join(','), k)));
  const found = r.symbols.map((s) => ({ ...s, ids: ids(s.strokes), line: lineOf.get(s.strokes.join(',')) ?? 0 }))
    .filter((s) => s.ids.every((id) => live.has(id)));
  const bySymbol = new Map(found.map((s) => [s.ids.join(','), s]));
  const lines = (r.lines || []).map((l) => ({
    latex: l.latex, box: l.box, ids: ids(l.strokes),
    symbols: l.symbols.map((s) => bySymbol.get(ids(s.strokes).join(','))).filter(Boolean),
  }));
  const { workerMs, roundTripMs } = r.timing;
  result.show(r.latex);
  symbols.show(found);
  steps.show(lines);
  document.body.dataset.recognizeMs = String(Math.round(roundTripMs));
  // The whole readings name a label and strokes for each symbol: only while every symbol is
  // still there, with the strokes as the page's ids.
  const readings = found.length === r.symbols.length
    ? (r.readings || []).map((w) => ({ ...w, ids: (w.strokes || []).map(ids) })) : [];
  const latest = { latex: r.latex, readings, symbols: found, lines, ms: r.ms, workerMs, roundTripMs };
  readingsMenu.show(latest);
  announce(latest);
}

function announce(latest) {
  reading.publish(latest);
  window.dispatchEvent(new CustomEvent('inkmath:reading', { detail: latest }));
}

const surfaceName = () => `page:${document.body.dataset.mode || 'write'}`;

async function recognize() {
  if (store.strokes.length === 0) {
    recognizer.cancel();
    result.show('');
    symbols.show([]);
    steps.show([]);
    status.error('reading', null);
    readingsMenu.show(null);
    announce({ latex: '', readings: [], symbols: [], lines: [] });
    return;
  }
  const request = store.snapshot();
  let r;
  try {
    // Each mode's ink (web/practice/mode-ink.js) is its own surface: the worker keeps what it
    // classified for each, so a pen-up classifies only the strokes it changed.
    r = await recognizer.recognize(request.strokes, {
      ...reading.options, earlier_stroke_size: writerSize.earlier(surfaceName()), surface: surfaceName(), fixed: request.fixed,
    });
  } catch (err) {
    // A call replaced by newer ink needs nothing; an unavailable recognizer shows in its state.
    if (err instanceof RecognitionError && store.strokes.length > 0) status.error('reading', `This ink could not be read: ${err.message}`);
    return;
  }
  showReading(r, request);
}

// A mode that asks for another kind of reading (worked steps: lines) gets the ink read again.
reading.addEventListener('options', () => { if (store.strokes.length > 0) recognize(); });

// --- edits -----------------------------------------------------------------------------

store.addEventListener('change', (e) => {
  canvas.dataset.strokeCount = String(store.strokes.length);
  $('undo').disabled = !store.canUndo;
  $('redo').disabled = !store.canRedo;
  $('clear').disabled = store.strokes.length === 0;
  // A cleared ink is done: its stroke size is kept for the writer's next inks.
  if (e.detail.kind === 'clear') writerSize.done(surfaceName());
  // The ink goes to the recognizer first: saving it is not on the way to the reading.
  if (e.detail.kind !== 'transform') recognize();
  if (storage) status.error('storage', saveInk(storage, store.snapshot()));
});

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
  surface.eraser = !surface.eraser;
  $('eraser').setAttribute('aria-pressed', String(surface.eraser));
  canvas.classList.toggle('erasing', surface.eraser);
});
$('copy').addEventListener('click', async () => {
  const { latex } = reading.latest;
  if (!latex) return status.info('Nothing to copy yet.');
  status.info((await copyText(latex)) ? 'LaTeX copied.' : 'Copying is not allowed here; select the LaTeX below instead.');
});
$('download').addEventListener('click', () => {
  if (store.strokes.length === 0) return status.info('Nothing to download yet.');
  downloadText(inkToInkML(store.snapshot().strokes, reading.latest.latex), 'formula.inkml', 'application/inkml+xml');
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
  return transformStrokes(strokes, fitTransform(box, surface.width, surface.height, 24, 1));
}

function fits(box) {
  return box.x0 >= 0 && box.y0 >= 0 && box.x1 <= surface.width && box.y1 <= surface.height;
}

function relayout() {
  surface.resize();
  steps.place();
  const box = boundingBox(store.strokes.map((s) => s.points));
  if (box && surface.width > 0 && !fits(box)) {
    const t = fitTransform(box, surface.width, surface.height, 24, 1);
    store.transformAll((points) => transformStrokes([points], t)[0]);
  }
}

new ResizeObserver(relayout).observe(canvas);

// --- start -----------------------------------------------------------------------------

setUpModes($('modes'));
setUpLinesToggle($('lines'), reading, storage);
surface.resize();
try {
  const saved = storage ? loadInk(storage) : null;
  if (saved) store.load(saved.strokes, saved.fixed, { keepHistory: false });
  if (!storage) status.info('This browser does not let the page keep your writing after a reload.', 6000);
} catch (err) {
  status.error('storage', err.message);
}
// After the mode and the restored ink: practice swaps in its own ink (web/practice/mode-ink.js).
setUpPractice({ store, reading, steps, writerSize });
setUpVocabularySwitch($('vocabulary'), { reading, storage });
if (store.strokes.length === 0) recognize();
registerServiceWorker($('update'));
document.body.dataset.ready = 'true';
