// Loads the WebAssembly recognizer in Node. Emscripten's loader cannot fetch a file path in
// Node, so the .wasm bytes are read here and handed over as wasmBinary.
'use strict';

const fs = require('fs');
const path = require('path');

const root = path.resolve(__dirname, '..');

// The module built by scripts/build; $INKMATH_WASM_DIR points at another build (e.g. dist/lib/wasm).
function wasmDir() {
  return process.env.INKMATH_WASM_DIR || path.join(root, 'build', 'wasm');
}

async function loadInkmath(dir = wasmDir()) {
  const script = path.join(dir, 'inkmath.js');
  const binary = path.join(dir, 'inkmath.wasm');
  if (!fs.existsSync(script) || !fs.existsSync(binary)) throw new Error(`${dir}: no inkmath.js/inkmath.wasm; run scripts/build`);
  const createInkmath = require(script);
  return createInkmath({ wasmBinary: fs.readFileSync(binary) });
}

// The trained weights, when they exist.
function trainedWeightsPath() {
  return process.env.INKMATH_WEIGHTS || path.join(root, 'weights', 'inkmath.bin');
}

module.exports = { root, wasmDir, loadInkmath, trainedWeightsPath };
