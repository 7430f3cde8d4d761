// The main thread's side of the recognition worker. Requests never queue up: while one is
// being recognized, a newer request replaces the one waiting, whose promise rejects with an
// AbortError, so the answer always catches up with the pen. The worker is restarted when it
// crashes or stops answering, and the request it was reading is sent again.

const ANSWER_TIMEOUT_MS = 30000;
const MAX_CRASHES = 3;         // in a row, before giving up until the next request
const RETRY_AFTER_MS = 3000;   // a failed or missing recognizer is retried at most this often

export function supersededError() {
  return new DOMException('a newer recognize() call replaced this one', 'AbortError');
}

// An error with the reason the recognizer could not answer: 'unavailable' (it could not be
// loaded), 'failed' (it kept crashing) or 'closed'.
export class RecognizerUnavailable extends Error {
  constructor(message, reason) {
    super(message);
    this.name = 'RecognizerUnavailable';
    this.reason = reason;
  }
}

// What the worker is sent for an ink: its points as numbers (x, y, t and pressure of every
// point, 0 where absent, in a Float64Array; the points per stroke in an Int32Array; the rest of
// the ink as JSON text), which the worker hands to the core as they are and which travel by
// transfer, not copy. Ink of any other shape goes as JSON text, for the core to explain what is
// wrong with it. Returns { message, transfer }.
export function inkMessage(ink) {
  const asText = { message: { ink: JSON.stringify(ink) }, transfer: [] };
  if (!ink || typeof ink !== 'object' || !Array.isArray(ink.strokes)) return asText;
  const { strokes, ...rest } = ink;
  let count = 0;
  for (const stroke of strokes) {
    if (!Array.isArray(stroke)) return asText;
    count += stroke.length;
  }
  const points = new Float64Array(count * 4);
  const lengths = new Int32Array(strokes.length);
  let at = 0;
  for (let k = 0; k < strokes.length; k++) {
    for (const p of strokes[k]) {
      if (!Array.isArray(p) || p.length < 2 || typeof p[0] !== 'number' || typeof p[1] !== 'number') return asText;
      points[at] = p[0];
      points[at + 1] = p[1];
      points[at + 2] = typeof p[2] === 'number' ? p[2] : 0;  // as the core reads absent or null
      points[at + 3] = typeof p[3] === 'number' ? p[3] : 0;
      at += 4;
    }
    lengths[k] = strokes[k].length;
  }
  return { message: { points, lengths, rest: JSON.stringify(rest) }, transfer: [points.buffer, lengths.buffer] };
}

export class RecognitionClient {
  // urls: { worker, wasmDir, weights }; simd: false loads the scalar module even where
  // WebAssembly SIMD runs. onState(state, message); states: 'loading', 'ready', 'unavailable',
  // 'crashed', 'failed', 'closed'
  constructor(urls, { onState = () => {}, simd = true } = {}) {
    this.urls = urls;
    this.allowSimd = simd;
    this.simd = null;      // whether the loaded module uses WebAssembly SIMD (null until ready)
    this.onState = onState;
    this.worker = null;
    this.inFlight = null;  // { id, job, sentAt }
    this.waiting = null;   // the newest job not yet sent: { ink, sending (inkMessage), surface, resolve, reject }
    this.nextId = 1;
    this.crashes = 0;
    this.state = 'idle';
    this.message = '';
    this.startedAt = 0;
    this.timer = 0;
  }

  start() {
    this.stop();
    this.startedAt = performance.now();
    this.setState('loading');
    let worker;
    try {
      worker = new Worker(this.urls.worker);
    } catch (err) {
      this.unavailable(`The recognizer could not start (${err.message}).`);
      return;
    }
    this.worker = worker;
    worker.onmessage = (e) => this.receive(e.data);
    worker.onerror = (e) => {
      e.preventDefault();
      this.crashed(e.message || 'the recognizer stopped');
    };
    worker.onmessageerror = () => this.crashed('a message could not be read');
    const { wasmDir, weights } = this.urls;
    worker.postMessage({ type: 'init', wasmDir, weights, simd: this.allowSimd });
    this.pump();
  }

  stop() {
    clearTimeout(this.timer);
    if (this.worker) this.worker.terminate();
    this.worker = null;
    // A job that was being recognized goes back in line, unless newer ink replaced it.
    if (this.inFlight) {
      if (this.waiting) this.inFlight.job.reject(supersededError());
      else this.waiting = this.inFlight.job;
    }
    this.inFlight = null;
  }

  // ink: { strokes, fixed, options } (options.surface: which ink of the page this is; the
  // worker keeps a session for each). Resolves with { result, workerMs, roundTripMs } (result
  // is the core's reading or its { error }); rejects with an AbortError when a newer request
  // replaces this one before it was sent, or with RecognizerUnavailable.
  request(ink) {
    return new Promise((resolve, reject) => {
      if (this.state === 'closed') return reject(new RecognizerUnavailable('the recognizer was closed', 'closed'));
      // The ink as it is now, in the form the worker reads (inkMessage).
      const sending = inkMessage(ink);
      const surface = ink && ink.options && typeof ink.options.surface === 'string' ? ink.options.surface : '';
      if (this.waiting) this.waiting.reject(supersededError());
      this.waiting = { ink, sending, surface, resolve, reject };
      const stalled = this.state === 'unavailable' || this.state === 'failed';
      if (!stalled) return this.pump();
      if (performance.now() - this.startedAt > RETRY_AFTER_MS) return this.start();
      this.waiting = null;
      reject(new RecognizerUnavailable(this.message, this.state));
    });
  }

  // Drops the waiting request (the ink it described is gone); its promise rejects with an AbortError.
  cancel() {
    if (this.waiting) this.waiting.reject(supersededError());
    this.waiting = null;
  }

  close() {
    this.cancel();
    this.stop();
    this.failAll(new RecognizerUnavailable('the recognizer was closed', 'closed'));
    this.setState('closed', '');
  }

  pump() {
    if (!this.worker || this.inFlight || !this.waiting) return;
    if (this.state === 'unavailable' || this.state === 'failed') return;
    const job = this.waiting;
    this.waiting = null;
    this.inFlight = { id: this.nextId++, job, sentAt: performance.now() };
    // Its arrays are transferred: a job read again after a crash is made anew from its ink.
    const { message, transfer } = job.sending || inkMessage(job.ink);
    job.sending = null;
    this.worker.postMessage({ type: 'recognize', id: this.inFlight.id, surface: job.surface, ...message }, transfer);
    if (this.state === 'ready') this.watch();
  }

  // A recognizer that has loaded answers within a bound; loading (a slow network) does not.
  watch() {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.crashed('the recognizer stopped answering'), ANSWER_TIMEOUT_MS);
  }

  receive(msg) {
    if (msg.type === 'ready') {
      this.simd = msg.simd;
      // For load-time measurements: page load (time origin) until the recognizer is ready.
      performance.mark('inkmath-ready');
      this.setState('ready');
      if (this.inFlight) this.watch();
    } else if (msg.type === 'unavailable') {
      this.stop();
      this.unavailable(msg.message);
    } else if (msg.type === 'crashed') {
      this.crashed(msg.message);
    } else if (msg.type === 'result' && this.inFlight && msg.id === this.inFlight.id) {
      clearTimeout(this.timer);
      const { job, sentAt } = this.inFlight;
      this.inFlight = null;
      this.crashes = 0;
      if (this.state !== 'ready') this.setState('ready');
      job.resolve({ result: JSON.parse(msg.result), workerMs: msg.workerMs, roundTripMs: performance.now() - sentAt });
      this.pump();
    }
  }

  crashed(message) {
    this.crashes++;
    this.stop();
    if (this.crashes > MAX_CRASHES) {
      this.crashes = 0;
      this.setState('failed', `The recognizer keeps stopping (${message}). Your ink is kept; it will try again after your next stroke.`);
      this.failAll(new RecognizerUnavailable(this.message, 'failed'));
      return;
    }
    this.setState('crashed', `The recognizer stopped (${message}); restarting it. Your ink is kept.`);
    this.start();
  }

  unavailable(message) {
    this.setState('unavailable', message);
    this.failAll(new RecognizerUnavailable(message, 'unavailable'));
  }

  failAll(error) {
    for (const job of [this.waiting, this.inFlight && this.inFlight.job]) if (job) job.reject(error);
    this.waiting = null;
    this.inFlight = null;
  }

  setState(state, message = '') {
    this.state = state;
    this.message = message;
    this.onState(state, message);
  }
}
