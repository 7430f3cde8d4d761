// Loads the WebAssembly recognizer in Node. Emscripten's loader cannot fetch a file path in
// Node, so the .wasm bytes are read here and handed over as wasmBinary.
'use strict';

const fs = require('fs');
const path = require('path');

const root = path.resolve(__dirname, '..');

// The module built by scripts/build: with WebAssembly SIMD (build/wasm/inkmath.*) or without it
// (scalar: build/wasm-scalar/inkmath-scalar.*). $INKMATH_WASM_DIR points at another folder that
// holds them (e.g. dist/lib/wasm, which holds both).
function wasmDir({ scalar = false } = {}) {
  return process.env.INKMATH_WASM_DIR || path.join(root, 'build', scalar ? 'wasm-scalar' : 'wasm');
}

async function loadInkmath(dir, { scalar = false } = {}) {
  dir = dir || wasmDir({ scalar });
  const name = scalar ? 'inkmath-scalar' : 'inkmath';
  const script = path.join(dir, `${name}.js`);
  const binary = path.join(dir, `${name}.wasm`);
  if (!fs.existsSync(script) || !fs.existsSync(binary)) throw new Error(`${dir}: no ${name}.js/${name}.wasm; run scripts/build`);
  const createInkmath = require(script);
  return createInkmath({ wasmBinary: fs.readFileSync(binary) });
}

// The trained weights, when they exist.
function trainedWeightsPath() {
  return process.env.INKMATH_WEIGHTS || path.join(root, 'weights', 'inkmath.bin');
}

module.exports = { root, wasmDir, loadInkmath, trainedWeightsPath };
