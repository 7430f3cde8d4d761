// The WebAssembly module as the page's worker uses it: load, create a Recognizer from a
// model file's bytes, recognize JSON ink, get JSON back; bad input gives clear errors.
'use strict';

const test = require('node:test');
const assert = require('node:assert/strict');
const { loadInkmath } = require('../../scripts/wasm-module.js');
const { randomWeights, randomModel, packModel, crc32, RELATION_FEATURES_VERSION } = require('./random-weights.js');

// An "x", then a "+" to its right: four strokes, with times.
function line(x0, y0, x1, y1, t0) {
  return Array.from({ length: 12 }, (_, i) => [x0 + ((x1 - x0) * i) / 11, y0 + ((y1 - y0) * i) / 11, t0 + 10 * i]);
}
const ink = {
  strokes: [line(0, 0, 40, 40, 0), line(40, 0, 0, 40, 300), line(60, 20, 100, 20, 600), line(80, 0, 80, 40, 900)],
};

let inkmath;
let recognizer;
test.before(async () => {
  inkmath = await loadInkmath();
  recognizer = new inkmath.Recognizer(randomModel());
});
test.after(() => recognizer && recognizer.delete());

function recognize(text) {
  return JSON.parse(recognizer.recognize(text));
}

test('recognizes ink into LaTeX, one symbol per group of strokes, with alternatives', () => {
  const r = recognize(JSON.stringify(ink));
  assert.equal(typeof r.latex, 'string');
  assert.ok(r.latex.length > 0);
  assert.ok(r.symbols.length >= 1 && r.symbols.length <= ink.strokes.length);
  const strokes = r.symbols.flatMap((s) => s.strokes).sort();
  assert.deepEqual(strokes, [0, 1, 2, 3], 'every stroke belongs to exactly one symbol');
  for (const s of r.symbols) {
    assert.equal(s.alternatives[0].label, s.label);
    assert.ok(s.score > 0 && s.score <= 1);
    assert.equal(s.box.length, 4);
  }
  assert.equal(typeof r.tree, 'object');
  assert.ok(r.ms >= 0);
});

test('the same ink gives the same result every time', () => {
  const a = recognize(JSON.stringify(ink));
  const b = recognize(JSON.stringify(ink));
  delete a.ms;
  delete b.ms;
  assert.deepEqual(a, b);
});

test('a symbol the user fixed keeps its label', () => {
  const r = recognize(JSON.stringify({ ...ink, fixed: [{ strokes: [0, 1], label: 'y' }] }));
  const fixed = r.symbols.find((s) => s.strokes.includes(0));
  assert.equal(fixed.label, 'y');
  assert.deepEqual([...fixed.strokes].sort(), [0, 1]);
});

test('no strokes gives an empty reading', () => {
  const r = recognize(JSON.stringify({ strokes: [] }));
  assert.equal(r.latex, '');
  assert.deepEqual(r.symbols, []);
  assert.deepEqual(r.lines, []);
});

test('one written line, read as lines, is one entry of lines, with the reading of the page', () => {
  const r = recognize(JSON.stringify({ ...ink, options: { lines: true } }));
  assert.equal(r.lines.length, 1);
  assert.deepEqual(r.lines[0].strokes, [0, 1, 2, 3]);
  assert.equal(r.lines[0].latex, r.latex);
  assert.deepEqual(r.lines[0].symbols, r.symbols);
  assert.deepEqual(r.lines[0].tree, r.tree);
  const plain = recognize(JSON.stringify(ink));
  assert.deepEqual(plain.lines, [], 'without the option the ink is one expression');
  assert.equal(plain.latex, r.latex);
});

test('two written lines are read line by line, each as its ink alone', () => {
  // The same "x +" written again 80 units lower (the symbols are 40 high).
  const lower = ink.strokes.map((s) => s.map(([x, y, t]) => [x, y + 80, t + 2000]));
  const both = [...ink.strokes, ...lower];
  const r = recognize(JSON.stringify({ strokes: both, options: { lines: true, colour: 'blue' } }));
  assert.equal(r.lines.length, 2);
  assert.deepEqual(r.lines.map((l) => l.strokes), [[0, 1, 2, 3], [4, 5, 6, 7]]);
  assert.ok(r.lines[0].box[3] < r.lines[1].box[1], 'top to bottom');
  const alone = recognize(JSON.stringify({ strokes: lower }));
  assert.equal(r.lines[1].latex, alone.latex);
  assert.deepEqual(r.lines[1].symbols.map((s) => s.strokes.map((i) => i - 4)), alone.symbols.map((s) => s.strokes));
  assert.equal(r.tree.type, 'lines');
  assert.equal(r.symbols.length, r.lines[0].symbols.length + r.lines[1].symbols.length);
  assert.match(r.latex, /^\\begin\{(gathered|aligned)\}/);
  const one = recognize(JSON.stringify({ strokes: both }));
  assert.deepEqual(one.lines, []);
  assert.equal(one.tree.type, 'row', 'without the option the page is one expression');
});

test('invalid JSON gives {error}', () => {
  for (const text of ['', '{', 'not json', '{"strokes": [[[0, 0]]]']) {
    const r = recognize(text);
    assert.match(r.error, /JSON/, `for ${JSON.stringify(text)}`);
  }
});

test('ink of the wrong shape gives {error}', () => {
  const cases = [
    '[]',
    '{}',
    '{"strokes": 5}',
    '{"strokes": [5]}',
    '{"strokes": [[["a", "b"]]]}',
    '{"strokes": [[[1]]]}',
    '{"strokes": [[[0, 0]]], "fixed": [{"strokes": [3], "label": "x"}]}',
    '{"strokes": [[[0, 0]]], "fixed": [{"strokes": [0]}]}',
  ];
  for (const text of cases) {
    const r = recognize(text);
    assert.equal(typeof r.error, 'string', `for ${text}`);
    assert.match(r.error, /^ink: /, `for ${text}`);
  }
});

test('NaN, infinite or huge coordinates give {error}', () => {
  // JSON.stringify writes NaN and Infinity as null.
  assert.ok(recognize(JSON.stringify({ strokes: [[[NaN, 0, 0], [1, 1, 1]]] })).error);
  assert.ok(recognize(JSON.stringify({ strokes: [[[Infinity, 0, 0]]] })).error);
  assert.ok(recognize('{"strokes": [[[1e400, 0, 0]]]}').error);
  assert.ok(recognize('{"strokes": [[[1e300, 0, 0], [0, 0, 1]]]}').error);
});

test('the recognizer keeps working after errors', () => {
  recognize('{');
  recognize('{"strokes": [[[1e300, 0]]]}');
  assert.ok(recognize(JSON.stringify(ink)).latex.length > 0);
});

test('recognize() refuses a non-string argument with an Error', () => {
  assert.throws(() => recognizer.recognize(42), Error);
});

function assertWeightsError(bytes, pattern) {
  assert.throws(
    () => new inkmath.Recognizer(bytes),
    (e) => e instanceof Error && pattern.test(e.message),
  );
}

test('empty or foreign bytes are not a weight file', () => {
  assertWeightsError(new Uint8Array(0), /not an inkmath weight file/);
  assertWeightsError(new TextEncoder().encode('<html>404 Not Found</html>'), /not an inkmath weight file/);
});

test('truncated weights give an Error', () => {
  const w = randomWeights();
  for (const size of [20, 100, w.length / 2, w.length - 5]) {
    assertWeightsError(w.slice(0, Math.floor(size)), /weights: /);
  }
});

test('corrupted weights give a checksum Error', () => {
  const w = randomWeights();
  for (const at of [12, 60, w.length - 100]) {
    const bad = w.slice();
    bad[at] ^= 0x40;
    assertWeightsError(bad, /checksum mismatch/);
  }
});

// Rewrites the checksum so that a deliberately changed file passes it.
function withChecksum(bytes) {
  const out = bytes.slice();
  new DataView(out.buffer).setUint32(out.length - 4, crc32(out.subarray(0, out.length - 4)), true);
  return out;
}

test('weights of another format version give an Error', () => {
  const w = randomWeights();
  new DataView(w.buffer).setUint32(4, 99, true);
  assertWeightsError(withChecksum(w), /version 99 not supported/);
});

test('weights whose metadata does not match the network give an Error', () => {
  // "online" features are 7 numbers per point; this network takes 16.
  assertWeightsError(randomWeights({ features: 'online', input: 16 }), /input size does not match/);
  assertWeightsError(randomWeights({ features: 'handwriting' }), /unknown feature set/);
  assertWeightsError(randomWeights({ points: 1 }), /bad point count/);
});

test('a bare classifier weight file is a model too, with the settings in code', () => {
  const r = new inkmath.Recognizer(randomWeights());
  try {
    assert.ok(JSON.parse(r.recognize(JSON.stringify(ink))).symbols.length > 0);
  } finally {
    r.delete();
  }
});

test('truncated, corrupted or foreign-version model files give an Error', () => {
  const m = randomModel();
  for (const size of [10, 20, 100, m.length / 2, m.length - 5]) {
    assertWeightsError(m.slice(0, Math.floor(size)), /model: /);
  }
  for (const at of [12, 60, m.length - 100]) {
    const bad = m.slice();
    bad[at] ^= 0x40;
    assertWeightsError(bad, /model: checksum mismatch/);
  }
  const version = m.slice();
  new DataView(version.buffer).setUint32(4, 99, true);
  assertWeightsError(withChecksum(version), /model: version 99 not supported/);
});

test('a model file without a classifier, or with a malformed part, gives an Error', () => {
  const json = (value) => Buffer.from(JSON.stringify(value));
  assertWeightsError(packModel([{ name: 'settings', bytes: json({}) }]), /no classifier part/);
  const classifier = { name: 'classifier', bytes: randomWeights() };
  assertWeightsError(packModel([classifier, { name: 'relations', bytes: json({ version: RELATION_FEATURES_VERSION, hidden: 2 }) }]), /relations part/);
  assertWeightsError(packModel([classifier, { name: 'settings', bytes: json({ segmentation: { gap: 1 } }) }]),
    /unknown setting 'segmentation.gap'/);
  assertWeightsError(packModel([classifier, { name: 'context', bytes: Buffer.from('{') }]), /context part/);
});

test('a fixed symbol comes back fixed, with the classifier\'s other readings', () => {
  const r = recognize(JSON.stringify({ ...ink, fixed: [{ strokes: [0, 1], label: 'x' }] }));
  const fixed = r.symbols.find((s) => s.strokes.join() === '0,1');
  assert.ok(fixed, 'the fixed strokes stay one symbol');
  assert.equal(fixed.fixed, true);
  assert.equal(fixed.label, 'x');
  assert.equal(fixed.alternatives[0].label, 'x');
  assert.ok(fixed.alternatives.length > 1, 'other readings follow the fixed one');
  assert.ok(fixed.alternatives.slice(1).every((a) => a.label !== 'x' && a.score < 1));
  for (const s of r.symbols) if (s !== fixed) assert.equal(s.fixed, false);
});

test('a Recognizer can be created again after a failed attempt', () => {
  assertWeightsError(new Uint8Array(10), /weights: /);
  const r = new inkmath.Recognizer(randomWeights({ seed: 7 }));
  try {
    assert.ok(JSON.parse(r.recognize(JSON.stringify(ink))).symbols.length > 0);
  } finally {
    r.delete();
  }
});

test('a vocabulary restricts the labels; an unknown one gives {error}', () => {
  const r = recognize(JSON.stringify({ ...ink, vocabulary: ['x', '+'] }));
  assert.equal(r.error, undefined);
  for (const s of r.symbols) for (const a of s.alternatives) assert.ok(['x', '+'].includes(a.label), a.label);
  assert.ok(recognize(JSON.stringify({ ...ink, vocabulary: 'nope' })).error.includes("unknown set 'nope'"));
  assert.ok(recognize(JSON.stringify({ ...ink, vocabulary: ['x', 'Q'] })).error.includes("unknown label 'Q'"));
});

test('whole readings come with probabilities, the best first', () => {
  const r = recognize(JSON.stringify(ink));
  assert.ok(r.readings.length >= 1 && r.readings.length <= 3);
  assert.equal(r.readings[0].latex, r.latex);
  const total = r.readings.reduce((sum, x) => sum + x.probability, 0);
  assert.ok(total > 0 && total <= 1 + 1e-9);
});

test('the vocabulary also comes in an options object, beside options the core does not know', () => {
  const r = recognize(JSON.stringify({ ...ink, options: { vocabulary: ['x', '+'], other: true } }));
  assert.equal(r.error, undefined);
  for (const s of r.symbols) for (const a of s.alternatives) assert.ok(['x', '+'].includes(a.label), a.label);
  assert.ok(recognize(JSON.stringify({ ...ink, options: { vocabulary: 7 } })).error.includes('vocabulary'));
});
