// The page and the command line must read the same ink the same way: the native CLI and the
// WebAssembly module recognize a sample of CROHME validation expressions, and the LaTeX and
// the symbols (labels and strokes) must agree.
'use strict';

const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('fs');
const os = require('os');
const path = require('path');
const { execFileSync } = require('child_process');
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
    readings: r.readings.map((x) => `${x.latex}:${x.probability.toFixed(4)}`),
    symbols: r.symbols.map((s) => `${s.label}:${s.strokes.join('+')}`),
  };
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
    }
  } finally {
    recognizer.delete();
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
