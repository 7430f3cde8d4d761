// inkmath as a library: handwritten math recognition in a Web Worker, offline, no key.
//
//   import { createRecognizer } from './lib/inkmath.js';
//   const recognizer = await createRecognizer();
//   const reading = await recognizer.recognize([[[10, 10], [20, 30]]]);
//
// The worker, the WebAssembly recognizer and the weights are found next to this module
// (inkmath-worker.js, wasm/, weights/), or under `baseUrl`. The worker loads wasm/inkmath.*
// where WebAssembly SIMD runs, else wasm/inkmath-scalar.* (Safari before 16.4). Types: inkmath.d.ts.
import { RecognitionClient, RecognizerUnavailable } from '../worker/client.js';

export { RecognizerUnavailable };
export { WriterSize } from '../ink/writer-size.js';

// The core's own error for ink it cannot read (e.g. "too many strokes: 1200 (at most 1000)").
export class RecognitionError extends Error {
  constructor(message) {
    super(message);
    this.name = 'RecognitionError';
  }
}

function locate(baseUrl) {
  const base = new URL(baseUrl, globalThis.document ? document.baseURI : import.meta.url);
  if (!base.pathname.endsWith('/')) base.pathname += '/';
  const at = (path) => new URL(path, base).href;
  return { worker: at('inkmath-worker.js'), wasmDir: at('wasm/'), weights: at('weights/inkmath.bin') };
}

// The ink JSON the core reads: strokes, fixed symbols, and every other option under
// "options" (vocabulary, alternatives...), passed on as given.
export function inkRequest(strokes, options = {}) {
  if (!Array.isArray(strokes)) throw new TypeError('strokes must be an array of strokes, each an array of [x, y] or [x, y, t]');
  const { fixed = [], ...rest } = options;
  const ink = { strokes, fixed };
  const extra = Object.fromEntries(Object.entries(rest).filter(([, v]) => v !== undefined));
  if (Object.keys(extra).length) ink.options = extra;
  return ink;
}

// Emits 'statechange' when `state` changes: 'loading', 'ready', 'crashed' (restarting),
// 'unavailable' (could not load: `message` says why), 'failed' (kept crashing), 'closed'.
export class Recognizer extends EventTarget {
  // simd: false loads the scalar module (wasm/inkmath-scalar.*) even where WebAssembly SIMD
  // runs; browsers without it (Safari before 16.4) get that module anyway.
  constructor({ baseUrl = new URL('.', import.meta.url).href, simd = true } = {}) {
    super();
    this.client = new RecognitionClient(locate(baseUrl), {
      simd,
      onState: (state, message) => this.dispatchEvent(Object.assign(new Event('statechange'), { state, message })),
    });
    this.client.start();
  }

  get state() {
    return this.client.state;
  }

  get message() {
    return this.client.message;
  }

  // Whether the loaded module uses WebAssembly SIMD; null until ready.
  get simd() {
    return this.client.simd;
  }

  // Resolves once the model is loaded; rejects with RecognizerUnavailable when it cannot be.
  ready() {
    return new Promise((resolve, reject) => {
      const check = () => {
        const { state, message } = this.client;
        if (state === 'ready') resolve(this);
        else if (state === 'unavailable' || state === 'failed' || state === 'closed') reject(new RecognizerUnavailable(message, state));
        else return false;
        this.removeEventListener('statechange', check);
        return true;
      };
      if (!check()) this.addEventListener('statechange', check);
    });
  }

  // Reads the strokes. One reading is computed at a time; a call made while another is being
  // read waits, and a newer call replaces a waiting one, whose promise rejects with an
  // AbortError (DOMException). Rejects with RecognitionError for ink the core refuses, and
  // with RecognizerUnavailable when the recognizer cannot be loaded (the next call tries again).
  async recognize(strokes, options = {}) {
    const { result, workerMs, roundTripMs } = await this.client.request(inkRequest(strokes, options));
    if (result.error) throw new RecognitionError(result.error);
    return Object.defineProperty(result, 'timing', { value: { workerMs, roundTripMs }, enumerable: false });
  }

  // Drops a call that waits behind the one being read (its promise rejects with an AbortError).
  cancel() {
    this.client.cancel();
  }

  close() {
    this.client.close();
  }
}

// A recognizer with its own worker, once its model has loaded.
export function createRecognizer(options) {
  return new Recognizer(options).ready();
}
