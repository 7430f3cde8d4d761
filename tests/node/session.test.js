// A session in the WebAssembly module reads exactly as a fresh recognition: every prefix of 50
// valid2013 expressions ($INKMATH_SESSION_EXPRESSIONS), written stroke by stroke into one
// session with an undo half-way, an erase and a fixed symbol at the end, in the SIMD module
// (and 15 of them in the scalar module). Skipped, with the
// reason, when the CROHME data, the weights or a module is absent.
'use strict';

const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('fs');
const path = require('path');
const { loadInkmath, wasmDir, trainedWeightsPath } = require('../../scripts/wasm-module.js');
const { dataDir, readInkml, inkmlFiles } = require('../../scripts/inkml.js');

// The scalar module is about three times slower: it replays the first 15 of the same sample.
const EXPRESSIONS = Number(process.env.INKMATH_SESSION_EXPRESSIONS || 50);
const SCALAR_EXPRESSIONS = Number(process.env.INKMATH_SESSION_EXPRESSIONS || 15);
const validation = path.join(dataDir(), 'valid2013');
const weights = trainedWeightsPath();

function skipReason(scalar) {
  if (!fs.existsSync(validation)) return `no CROHME data at ${validation} (set INKMATH_DATA)`;
  if (!fs.existsSync(weights)) return `no weights at ${weights}`;
  const name = scalar ? 'inkmath-scalar' : 'inkmath';
  if (!fs.existsSync(path.join(wasmDir({ scalar }), `${name}.wasm`))) return `no ${name}.wasm; run scripts/build`;
  return null;
}

// A reading without its time.
function reading(json) {
  const r = JSON.parse(json);
  delete r.ms;
  return r;
}

function call(json) {
  const r = JSON.parse(json);
  assert.equal(r.error, undefined, r.error);
  return r;
}

async function replay(scalar, t) {
  const count = scalar ? SCALAR_EXPRESSIONS : EXPRESSIONS;
  const inkmath = await loadInkmath(undefined, { scalar });
  const recognizer = new inkmath.Recognizer(fs.readFileSync(weights));
  const all = inkmlFiles(validation);
  const files = inkmlFiles(validation, { step: Math.floor(all.length / EXPRESSIONS) }).slice(0, count);
  let readings = 0;
  let classified = 0;
  let reused = 0;
  let prepared = 0;
  for (const [f, file] of files.entries()) {
    const { strokes } = readInkml(file);
    const session = new inkmath.Session(recognizer);
    // Every other expression with the work done ahead between readings, as the worker does.
    const workAhead = f % 2 === 0;
    const ink = [];  // the session's ink, as the page keeps it
    const fixed = [];
    const compare = (step) => {
      const cold = reading(recognizer.recognize(JSON.stringify({ strokes: ink, fixed })));
      assert.deepEqual(reading(session.read('')), cold, `${path.basename(file)}, ${step}, ${ink.length} strokes`);
      readings++;
      for (let left = 1, calls = 0; workAhead && left > 0; calls++) {
        left = session.prepare(8);
        assert.ok(left >= 0 && calls < 1000, `work ahead: ${left} groups left after ${calls} calls`);
      }
    };
    const add = (stroke) => {
      assert.equal(call(session.addStroke(JSON.stringify(stroke))).index, ink.length);
      ink.push(stroke);
    };
    const n = strokes.length;
    for (let k = 0; k < n; k++) {
      add(strokes[k]);
      compare('pen-up');
      if (k + 1 === Math.ceil(n / 2) && k >= 1) {
        call(session.removeStrokes(JSON.stringify([k])));
        ink.pop();
        compare('undo');
        add(strokes[k]);
        compare('rewrite');
      }
    }
    if (n >= 3) {
      const erased = Math.floor(n / 3);
      call(session.removeStrokes(JSON.stringify([erased])));
      ink.splice(erased, 1);
      compare('erase');
      add(strokes[erased]);
      compare('rewrite');
      const symbol = call(session.read('')).symbols.find((s) => s.alternatives && s.alternatives.length > 1);
      if (symbol) {
        fixed.push({ strokes: symbol.strokes, label: symbol.alternatives[1].label });
        call(session.fix(JSON.stringify(fixed[0])));
        compare('fix');
      }
    }
    const counts = JSON.parse(session.counts());
    classified += counts.classified;
    reused += counts.reused;
    prepared += counts.prepared;
    session.delete();
  }
  recognizer.delete();
  t.diagnostic(`${files.length} expressions, ${readings} readings; stroke groups classified ${classified}, reused ${reused}, classified ahead ${prepared}`);
}

for (const scalar of [false, true]) {
  test(`session reads as a fresh recognition at every step (${scalar ? 'scalar' : 'SIMD'} module)`, { skip: skipReason(scalar) || false }, async (t) => {
    await replay(scalar, t);
  });
}

test('session: bad edits are refused with a reason and lose nothing', { skip: skipReason(false) || false }, async () => {
  const inkmath = await loadInkmath();
  const recognizer = new inkmath.Recognizer(fs.readFileSync(weights));
  const session = new inkmath.Session(recognizer);
  const stroke = [[0, 0, 0], [5, 10, 1], [10, 0, 2]];
  assert.equal(call(session.addStroke(JSON.stringify(stroke))).index, 0);
  assert.match(JSON.parse(session.addStroke('[[1, "a"]]')).error, /point/);
  assert.match(JSON.parse(session.removeStrokes('[3]')).error, /cannot remove stroke 3/);
  assert.match(JSON.parse(session.fix('{"label": "x"}')).error, /strokes/);
  assert.match(JSON.parse(session.read('{"lines": 3}')).error, /lines/);
  assert.deepEqual(reading(session.read('')), reading(recognizer.recognize(JSON.stringify({ strokes: [stroke] }))));
  session.delete();
  recognizer.delete();
});

// Session.recognizePoints' arguments for ink JSON: x, y, t, pressure of every point (0 where
// absent), the points per stroke, and the rest of the ink as JSON text.
function asPoints(ink) {
  const { strokes, ...rest } = ink;
  const points = new Float64Array(strokes.flat().length * 4);
  let at = 0;
  for (const stroke of strokes) for (const p of stroke) points.set([p[0], p[1], p[2] ?? 0, p[3] ?? 0], (at += 4) - 4);
  return [points, Int32Array.from(strokes, (s) => s.length), JSON.stringify(rest)];
}

// The page's worker sends a surface's whole ink after each edit (Session.recognizePoints, or
// Session.recognize with the ink as text), with the
// options of the moment: the mode's vocabulary, lines for worked steps, a fixed symbol; and a
// surface's ink may be replaced by unrelated ink (a new problem, another mode). Each reading
// must still be the cold one.
test('session: whole ink sent after each edit, with changing options, reads as a fresh recognition', { skip: skipReason(false) || false }, async () => {
  const inkmath = await loadInkmath();
  const recognizer = new inkmath.Recognizer(fs.readFileSync(weights));
  const session = new inkmath.Session(recognizer);
  const byPoints = new inkmath.Session(recognizer);  // the same ink, its points given as numbers
  const all = inkmlFiles(validation);
  const files = inkmlFiles(validation, { step: Math.floor(all.length / 8) }).slice(0, 8);
  const optionSets = [{}, { vocabulary: 'school' }, { lines: true }, { vocabulary: 'school', lines: true }];
  let readings = 0;
  const compare = (ink, step) => {
    const text = JSON.stringify(ink);
    const cold = reading(recognizer.recognize(text));
    assert.deepEqual(reading(session.recognize(text)), cold, step);
    assert.deepEqual(reading(byPoints.recognizePoints(...asPoints(ink))), cold, `${step}, points as numbers`);
    readings++;
    return cold;
  };
  files.forEach((file, f) => {
    const { strokes } = readInkml(file);
    const ink = { strokes: [], fixed: [], options: { surface: 'page:write' } };
    strokes.forEach((stroke, k) => {
      // The options change every few strokes, as a child switches the vocabulary or the lines.
      ink.options = { surface: 'page:write', ...optionSets[(f + Math.floor(k / 3)) % optionSets.length] };
      ink.strokes = [...ink.strokes, stroke];
      const name = `${path.basename(file)}, ${ink.strokes.length} strokes, options ${JSON.stringify(ink.options)}`;
      const cold = compare(ink, `pen-up: ${name}`);
      if (k === 1) {
        ink.strokes = ink.strokes.slice(0, -1);
        compare(ink, `undo: ${name}`);
        ink.strokes = [...ink.strokes, stroke];
        compare(ink, `redo: ${name}`);
      }
      const symbol = k === strokes.length - 1 && cold.symbols.find((s) => s.alternatives && s.alternatives.length > 1);
      if (symbol) {
        ink.fixed = [{ strokes: symbol.strokes, label: symbol.alternatives[1].label }];
        compare(ink, `fix: ${name}`);
        ink.options = { surface: 'page:write' };
        compare(ink, `fix, options dropped: ${name}`);
      }
    });
    // The next expression starts from a cleared surface, as a new problem does.
    ink.fixed = [];
  });
  assert.ok(readings > files.length * 2);
  // Ink the core refuses is refused with the same reason either way.
  const stroke = [[0, 0, 0, 0.5], [5, 10, 1, 0.5]];
  for (const bad of [{ strokes: [stroke], fixed: [{ strokes: [3], label: 'x' }] }, { strokes: [stroke], options: { lines: 3 } }]) {
    const error = JSON.parse(session.recognize(JSON.stringify(bad))).error;
    assert.ok(error);
    assert.equal(JSON.parse(byPoints.recognizePoints(...asPoints(bad))).error, error);
  }
  const [points, lengths, rest] = asPoints({ strokes: [stroke] });
  assert.match(JSON.parse(byPoints.recognizePoints(points, Int32Array.of(3), rest)).error, /lengths do not match/);
  assert.match(JSON.parse(byPoints.recognizePoints(points, Int32Array.of(1), rest)).error, /lengths do not match/);
  byPoints.delete();
  session.delete();
  recognizer.delete();
});
