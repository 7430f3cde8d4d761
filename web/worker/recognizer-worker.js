// Recognition worker: loads the WebAssembly recognizer and its weights (and the language model
// beside them, language.bin, when the site has one), then recognizes ink on request, off the
// page's main thread. A classic worker, so that it can importScripts the Emscripten module.
//
// in:  { type: 'init', wasmScript, wasmDir, weights }   (URLs)
//      { type: 'recognize', id, ink: { strokes, fixed } }
// out: { type: 'ready' }
//      { type: 'unavailable', reason: 'wasm' | 'weights-missing' | 'weights-invalid', message }
//      { type: 'result', id, result, workerMs }
//      { type: 'crashed', id, message }   (the worker closes itself after this)
'use strict';

let ready = null;

function unavailable(reason, message) {
  self.postMessage({ type: 'unavailable', reason, message });
  return new Error(message);
}

async function loadModule(wasmScript, wasmDir) {
  try {
    importScripts(wasmScript);
    return await self.createInkmath({ locateFile: (file) => new URL(file, wasmDir).href });
  } catch (err) {
    throw unavailable('wasm', `The recognizer could not be loaded (${err && err.message ? err.message : err}).`);
  }
}

async function loadWeights(url) {
  let response;
  try {
    response = await fetch(url);
  } catch {
    throw unavailable('weights-missing', 'The recognition model could not be downloaded (no connection?).');
  }
  if (!response.ok) throw unavailable('weights-missing', `The recognition model is not on this site (${response.status} for weights/inkmath.bin).`);
  return new Uint8Array(await response.arrayBuffer());
}

// The language model is optional: without it, symbols are read by the classifier and layout alone.
async function loadLanguageModel(weightsUrl) {
  try {
    const response = await fetch(new URL('language.bin', new URL(weightsUrl, self.location.href)));
    return response.ok ? new Uint8Array(await response.arrayBuffer()) : null;
  } catch {
    return null;
  }
}

async function init({ wasmScript, wasmDir, weights }) {
  const [module, bytes, language] = await Promise.all([
    loadModule(wasmScript, wasmDir),
    loadWeights(weights),
    loadLanguageModel(weights),
  ]);
  let recognizer;
  try {
    recognizer = language ? new module.Recognizer(bytes, language) : new module.Recognizer(bytes);
  } catch (err) {
    throw unavailable('weights-invalid', `The recognition model is damaged: ${err && err.message ? err.message : err}`);
  }
  self.postMessage({ type: 'ready' });
  return recognizer;
}

async function recognize({ id, ink }) {
  let recognizer;
  try {
    recognizer = await ready;
  } catch {
    return;  // already reported as unavailable
  }
  const started = performance.now();
  let result;
  try {
    result = JSON.parse(recognizer.recognize(JSON.stringify(ink)));
  } catch (err) {
    // A trap or abort leaves the module unusable: report, and let the page start a fresh worker.
    self.postMessage({ type: 'crashed', id, message: String(err && err.message ? err.message : err) });
    self.close();
    return;
  }
  self.postMessage({ type: 'result', id, result, workerMs: performance.now() - started });
}

self.onmessage = (event) => {
  const msg = event.data;
  if (msg.type === 'init') {
    ready = init(msg);
    ready.catch(() => {});
  } else if (msg.type === 'recognize') {
    recognize(msg);
  }
};
