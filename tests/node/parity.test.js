// The page and the command line must read the same ink the same way: the native CLI and the
// WebAssembly module recognize a sample of CROHME validation expressions, and the LaTeX and
// the symbols (labels and strokes) must agree.
'use strict';

const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('fs');
const os = require('os');
const path = require('path');
const { execFileSync, spawnSync } = require('child_process');
const { root, loadInkmath, trainedWeightsPath } = require('../../scripts/wasm-module.js');
const { dataDir, readInkml, inkmlFiles } = require('../../scripts/inkml.js');
const { randomModel } = require('./random-weights.js');

const SAMPLE = 40;
const cli = path.join(root, 'build', 'native', 'inkmath');
const validation = path.join(dataDir(), 'valid2013');

function sample() {
  const all = inkmlFiles(validation);
  return inkmlFiles(validation, { step: Math.max(1, Math.floor(all.length / SAMPLE)) }).slice(0, SAMPLE);
}

function nativeResults(weightsFile, files) {
  const out = execFileSync(cli, ['recognize', '--json', '--weights', weightsFile, ...files], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  return new Map(
    out
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line))
      .map((r) => [r.name, r]),
  );
}

function reading(r) {
  return {
    latex: r.latex,
    symbols: r.symbols.map((s) => `${s.label}:${s.strokes.join('+')}`),
  };
}

// Whole readings agree up to float rounding: the same probabilities within 1e-3, and the same
// LaTeX for each reading not tied with a neighbour (between tied readings, the last bit of a
// sum decides the order, and which of several tied readings makes the list).
const PROBABILITY_TOLERANCE = 1e-3;
function assertSameReadings(actual, expected, message) {
  assert.equal(actual.length, expected.length, `${message}: number of readings`);
  const p = expected.map((x) => x.probability);
  for (let i = 0; i < p.length; ++i) {
    assert.ok(Math.abs(actual[i].probability - p[i]) < PROBABILITY_TOLERANCE, `${message}: probability of reading ${i + 1}`);
    const tied = (i > 0 && Math.abs(p[i] - p[i - 1]) < PROBABILITY_TOLERANCE) ||
      (i + 1 < p.length && Math.abs(p[i] - p[i + 1]) < PROBABILITY_TOLERANCE);
    if (!tied) assert.equal(actual[i].latex, expected[i].latex, `${message}: reading ${i + 1}`);
  }
}

async function checkParity(weightsFile) {
  const files = sample();
  assert.ok(files.length > 0, `no .inkml files in ${validation}`);
  const native = nativeResults(weightsFile, files);
  const inkmath = await loadInkmath();
  const recognizer = new inkmath.Recognizer(fs.readFileSync(weightsFile));
  try {
    for (const file of files) {
      const { name, strokes } = readInkml(file);
      const wasm = JSON.parse(recognizer.recognize(JSON.stringify({ strokes })));
      assert.equal(wasm.error, undefined, `${name}: ${wasm.error}`);
      assert.ok(native.has(name), `${name}: no native result`);
      assert.deepEqual(reading(wasm), reading(native.get(name)), `${name}: native and WebAssembly disagree`);
      assertSameReadings(wasm.readings, native.get(name).readings, `${name}: native and WebAssembly`);
    }
  } finally {
    recognizer.delete();
  }
}

// The scalar module (no WebAssembly SIMD, for Safari before 16.4) must read as the SIMD one.
async function checkScalar(weightsFile) {
  const files = sample().slice(0, 10);
  assert.ok(files.length > 0, `no .inkml files in ${validation}`);
  const bytes = fs.readFileSync(weightsFile);
  const simd = new (await loadInkmath()).Recognizer(bytes);
  const scalar = new (await loadInkmath(undefined, { scalar: true })).Recognizer(bytes);
  try {
    for (const file of files) {
      const { name, strokes } = readInkml(file);
      const ink = JSON.stringify({ strokes });
      const a = JSON.parse(simd.recognize(ink)), b = JSON.parse(scalar.recognize(ink));
      assert.equal(a.error, undefined, `${name}: ${a.error}`);
      assert.ok(a.symbols.length > 0, `${name}: nothing read`);
      assert.deepEqual(reading(b), reading(a), `${name}: the scalar and SIMD modules disagree`);
      assertSameReadings(b.readings, a.readings, `${name}: the scalar and SIMD modules`);
    }
  } finally {
    simd.delete();
    scalar.delete();
  }
}

const missing = [
  !fs.existsSync(cli) && `${cli} is missing (run scripts/build)`,
  !fs.existsSync(validation) && `no CROHME data at ${validation} (set INKMATH_DATA)`,
].filter(Boolean);

test(`native and WebAssembly agree on ${SAMPLE} validation expressions (random model)`, { skip: missing[0] }, async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'inkmath-parity-'));
  try {
    const file = path.join(dir, 'random.bin');
    fs.writeFileSync(file, randomModel({ hidden: 16, seed: 3 }));
    await checkParity(file);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

const trained = trainedWeightsPath();
test(
  `native and WebAssembly agree on ${SAMPLE} validation expressions (trained weights)`,
  { skip: missing[0] || (!fs.existsSync(trained) && `${trained} not found (train the classifier first)`) },
  () => checkParity(trained),
);

const noScalar = !fs.existsSync(validation) && `no CROHME data at ${validation}`;
test('the scalar WebAssembly module reads validation expressions as the SIMD one (random model)', { skip: noScalar }, async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'inkmath-scalar-'));
  try {
    const file = path.join(dir, 'random.bin');
    fs.writeFileSync(file, randomModel({ hidden: 16, seed: 5 }));
    await checkScalar(file);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test(
  'the scalar WebAssembly module reads validation expressions as the SIMD one (trained weights)',
  { skip: noScalar || (!fs.existsSync(trained) && `${trained} not found (train the classifier first)`) },
  () => checkScalar(trained),
);

// `inkmath ink` (the native side of scripts/bench-penup): ink JSON lines in, readings out,
// as the WebAssembly module reads them; a line it cannot read gets an error and the next is read.
test('inkmath ink reads ink JSON lines as the WebAssembly module does', { skip: missing[0] || (!fs.existsSync(trained) && `${trained} not found`) }, async () => {
  const [file] = sample();
  const { strokes } = readInkml(file);
  const inks = strokes.map((_, k) => JSON.stringify({ strokes: strokes.slice(0, k + 1) }));
  const run = spawnSync(cli, ['ink', '--weights', trained], { input: [inks[0], 'not json', ...inks.slice(1)].join('\n') + '\n', encoding: 'utf8' });
  assert.equal(run.status, 1, 'exit status 1: a line could not be read');
  const out = run.stdout.trim().split('\n').map((line) => JSON.parse(line));
  assert.equal(out.length, inks.length + 1);
  assert.match(out[1].error, /not valid JSON/);
  const native = [out[0], ...out.slice(2)];
  const recognizer = new (await loadInkmath()).Recognizer(fs.readFileSync(trained));
  try {
    inks.forEach((ink, k) => {
      assert.ok(native[k].call_ms >= native[k].ms, 'call_ms covers the core\'s time');
      assert.deepEqual(reading(native[k]), reading(JSON.parse(recognizer.recognize(ink))), `${strokes.length} strokes, prefix ${k + 1}`);
    });
  } finally {
    recognizer.delete();
  }
});
