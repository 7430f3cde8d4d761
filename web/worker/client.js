// The page's side of the recognition worker. Requests never queue up: while one is being
// recognized, newer ink replaces any waiting request, so the result always catches up with
// the pen. The worker is restarted when it crashes or stops answering.

const ANSWER_TIMEOUT_MS = 30000;
const MAX_CRASHES = 3;         // in a row, before giving up until the next edit
const RETRY_AFTER_MS = 3000;   // a failed or missing recognizer is retried at most this often

export class RecognitionClient {
  // urls: { worker, wasmScript, wasmDir, weights }
  // onResult({ result, request, workerMs, roundTripMs }); onState(state, message)
  // states: 'loading', 'ready', 'unavailable', 'crashed', 'failed'
  constructor(urls, { onResult, onState }) {
    this.urls = urls;
    this.onResult = onResult;
    this.onState = onState;
    this.worker = null;
    this.inFlight = null;  // { id, request, sentAt }
    this.waiting = null;   // the newest request not yet sent
    this.nextId = 1;
    this.crashes = 0;
    this.state = 'idle';
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
      this.setState('unavailable', `The recognizer could not start (${err.message}).`);
      return;
    }
    this.worker = worker;
    worker.onmessage = (e) => this.receive(e.data);
    worker.onerror = (e) => {
      e.preventDefault();
      this.crashed(e.message || 'the recognizer stopped');
    };
    worker.onmessageerror = () => this.crashed('a message could not be read');
    const { wasmScript, wasmDir, weights } = this.urls;
    worker.postMessage({ type: 'init', wasmScript, wasmDir, weights });
    this.pump();
  }

  stop() {
    clearTimeout(this.timer);
    if (this.worker) this.worker.terminate();
    this.worker = null;
    // A request that was being recognized goes back in line (unless newer ink replaced it).
    if (this.inFlight && !this.waiting) this.waiting = this.inFlight.request;
    this.inFlight = null;
  }

  // request: { ids, strokes, fixed } (a store snapshot)
  request(request) {
    this.waiting = request;
    const stalled = this.state === 'unavailable' || this.state === 'failed';
    if (stalled && performance.now() - this.startedAt > RETRY_AFTER_MS) this.start();
    else this.pump();
  }

  // Drops the waiting request (the ink it described is gone).
  cancel() {
    this.waiting = null;
  }

  pump() {
    if (!this.worker || this.inFlight || !this.waiting) return;
    if (this.state === 'unavailable' || this.state === 'failed') return;
    const request = this.waiting;
    this.waiting = null;
    this.inFlight = { id: this.nextId++, request, sentAt: performance.now() };
    this.worker.postMessage({ type: 'recognize', id: this.inFlight.id, ink: { strokes: request.strokes, fixed: request.fixed } });
    if (this.state === 'ready') this.watch();
  }

  // A recognizer that has loaded answers within a bound; loading (a slow network) does not.
  watch() {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.crashed('the recognizer stopped answering'), ANSWER_TIMEOUT_MS);
  }

  receive(msg) {
    if (msg.type === 'ready') {
      this.setState('ready');
      if (this.inFlight) this.watch();
    } else if (msg.type === 'unavailable') {
      this.setState('unavailable', msg.message);
      this.stop();
    } else if (msg.type === 'crashed') {
      this.crashed(msg.message);
    } else if (msg.type === 'result' && this.inFlight && msg.id === this.inFlight.id) {
      clearTimeout(this.timer);
      const { request, sentAt } = this.inFlight;
      this.inFlight = null;
      this.crashes = 0;
      if (this.state !== 'ready') this.setState('ready');
      this.onResult({ result: msg.result, request, workerMs: msg.workerMs, roundTripMs: performance.now() - sentAt, newerWaiting: !!this.waiting });
      this.pump();
    }
  }

  crashed(message) {
    this.crashes++;
    this.stop();
    if (this.crashes > MAX_CRASHES) {
      this.setState('failed', `The recognizer keeps stopping (${message}). Your ink is kept; it will try again after your next stroke.`);
      this.crashes = 0;
      return;
    }
    this.setState('crashed', `The recognizer stopped (${message}); restarting it. Your ink is kept.`);
    this.start();
  }

  setState(state, message = '') {
    this.state = state;
    this.onState(state, message);
  }
}
