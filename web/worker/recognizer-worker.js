// Recognition worker: loads the WebAssembly recognizer and its weights, then recognizes
// ink on request, off the page's main thread. A classic worker, so that it can
// importScripts the Emscripten module.
//
// in:  { type: 'init', wasmDir, weights, simd }   (URLs; simd: false forces the scalar module)
//      { type: 'recognize', id, surface, points, lengths, rest }   (the ink's points as numbers,
//        x, y, t and pressure each, a Float64Array; points per stroke, an Int32Array; the rest of
//        the ink as JSON text: Session.recognizePoints; surface names which ink of the page this
//        is: each has its own session)
//      { type: 'recognize', id, surface, ink }   (ink of any other shape: the core's ink JSON, as
//        text, for the core to say what is wrong with it)
// out: { type: 'ready', simd }   (whether the SIMD module was loaded)
//      { type: 'unavailable', reason: 'wasm' | 'weights-missing' | 'weights-invalid', message }
//      { type: 'result', id, result, workerMs }   (result: the core's reading JSON, as text)
//      { type: 'crashed', id, message }   (the worker closes itself after this)
'use strict';

let ready = null;

// One recognition session (the core's Session) per ink of the page: after a pen-up it
// classifies only the stroke groups that changed, and reads exactly as a fresh recognition.
const MAX_SESSIONS = 8;
const sessions = new Map();  // surface name -> Session, the most recently used last

function sessionFor(recognizer, surface) {
  let session = sessions.get(surface);
  if (session) sessions.delete(surface);
  else session = new recognizer.module.Session(recognizer.instance);
  sessions.set(surface, session);
  if (sessions.size > MAX_SESSIONS) {
    const [oldest, dropped] = sessions.entries().next().value;
    sessions.delete(oldest);
    if (dropped === ahead.session) stopWorkAhead();
    dropped.delete();
  }
  return session;
}

// While the next stroke is written, the last read session classifies ahead what a stroke that
// moves the writer's scale would need (Session.prepare: from about 4 strokes on, such a pen-up
// would otherwise encode every stroke group again). One slice of a few milliseconds per task,
// so that a message arriving meanwhile waits for one slice at most: 8 stroke groups with SIMD,
// 2 in the scalar module, which takes about six times as long for each.
const ahead = { session: null, timer: 0, slice: 8 };

function stopWorkAhead() {
  clearTimeout(ahead.timer);
  ahead.session = null;
}

function workAhead(session) {
  stopWorkAhead();
  ahead.session = session;
  ahead.timer = setTimeout(function slice() {
    let left;
    try {
      left = session.prepare(ahead.slice);
    } catch {
      left = -1;  // nothing more ahead; the next reading does the work itself
    }
    if (left > 0) ahead.timer = setTimeout(slice, 0);
    else ahead.session = null;
  }, 0);
}

function unavailable(reason, message) {
  self.postMessage({ type: 'unavailable', reason, message });
  return new Error(message);
}

// The smallest module that uses WebAssembly SIMD: one function returning a v128 constant.
// Engines without SIMD (Safari before 16.4) refuse it.
const SIMD_PROBE = new Uint8Array([
  0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00,  // "\0asm", version 1
  0x01, 0x05, 0x01, 0x60, 0x00, 0x01, 0x7b,        // types: () -> v128
  0x03, 0x02, 0x01, 0x00,                          // functions: one, of type 0
  0x0a, 0x16, 0x01, 0x14, 0x00, 0xfd, 0x0c,        // code: no locals, v128.const
  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,  //   (16 zero bytes)
  0x0b,                                            // end
]);

function hasSimd() {
  try {
    return WebAssembly.validate(SIMD_PROBE);
  } catch {
    return false;
  }
}

// Compiles the module while it downloads (instantiateStreaming), which needs the server to send
// it as application/wasm; otherwise (a misconfigured host) from the downloaded bytes.
async function instantiate(download, imports) {
  const response = await download;
  if (!response.ok) throw new Error(`${response.status} for ${new URL(response.url).pathname}`);
  const type = response.headers.get('Content-Type') || '';
  if (WebAssembly.instantiateStreaming && type.startsWith('application/wasm')) return WebAssembly.instantiateStreaming(response, imports);
  return WebAssembly.instantiate(await response.arrayBuffer(), imports);
}

// name: 'inkmath' or 'inkmath-scalar'. The .wasm download starts at once, beside the model's,
// not after the script has loaded (Emscripten's own loader would start it only then).
async function loadModule(name, wasmDir) {
  const download = fetch(new URL(`${name}.wasm`, wasmDir).href, { credentials: 'same-origin' });
  download.catch(() => {});  // reported through instantiate()
  try {
    importScripts(new URL(`${name}.js`, wasmDir).href);
    let failed;
    const failure = new Promise((_, reject) => { failed = reject; });
    const module = self.createInkmath({
      instantiateWasm(imports, receive) {
        instantiate(download, imports).then((r) => receive(r.instance, r.module), failed);
        return {};  // the exports arrive later, through receive()
      },
    });
    return await Promise.race([module, failure]);
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

async function init({ wasmDir, weights, simd = true }) {
  // inkmath.* runs with WebAssembly SIMD; inkmath-scalar.*, the same sources without it, everywhere.
  const useSimd = simd !== false && hasSimd();
  const bytes = loadWeights(weights);
  bytes.catch(() => {});  // loadWeights() reports its failure itself
  const module = await loadModule(useSimd ? 'inkmath' : 'inkmath-scalar', wasmDir);
  const model = await bytes;
  let recognizer;
  try {
    recognizer = new module.Recognizer(model);
  } catch (err) {
    throw unavailable('weights-invalid', `The recognition model is damaged: ${err && err.message ? err.message : err}`);
  }
  ahead.slice = useSimd ? 8 : 2;
  self.postMessage({ type: 'ready', simd: useSimd });
  return { module, instance: recognizer };
}

async function recognize({ id, surface, ink, points, lengths, rest }) {
  let recognizer;
  try {
    recognizer = await ready;
  } catch {
    return;  // already reported as unavailable
  }
  stopWorkAhead();
  const started = performance.now();
  let result, session;
  try {
    session = sessionFor(recognizer, typeof surface === 'string' ? surface : '');
    // Parsing thousands of numbers from text in WebAssembly costs more than many a reading.
    result = points ? session.recognizePoints(points, lengths, String(rest)) : session.recognize(String(ink));
  } catch (err) {
    // A trap or abort leaves the module unusable: report, and let the page start a fresh worker.
    self.postMessage({ type: 'crashed', id, message: String(err && err.message ? err.message : err) });
    self.close();
    return;
  }
  self.postMessage({ type: 'result', id, result, workerMs: performance.now() - started });
  workAhead(session);
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
