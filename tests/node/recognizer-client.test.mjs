// The library's call policy, with a stand-in worker: a newer call replaces a waiting one, a
// crashed worker is replaced and the call read again, and a recognizer that cannot load or
// was closed rejects at once instead of leaving calls waiting.
import test from 'node:test';
import assert from 'node:assert/strict';

// A worker that answers when told to: postMessage records, answer() replies.
class FakeWorker {
  static made = [];
  static behaviour = 'ready';
  constructor(url) {
    this.url = url;
    this.sent = [];
    this.transferred = [];  // each message's transfer list
    this.terminated = false;
    FakeWorker.made.push(this);
  }
  postMessage(msg, transfer = []) {
    this.sent.push(msg);
    this.transferred.push(transfer);
    if (msg.type === 'init') queueMicrotask(() => this.reply(FakeWorker.behaviour === 'ready' ? { type: 'ready' } : { type: 'unavailable', message: 'no model here' }));
  }
  reply(msg) {
    if (!this.terminated) this.onmessage({ data: msg });
  }
  // The worker gets the ink and gives the reading as JSON text; returns the request, its ink read
  // (from its points as numbers, x, y, t and pressure each, or from JSON text).
  answer(result = { latex: 'x', symbols: [] }) {
    const last = this.sent.filter((m) => m.type === 'recognize').at(-1);
    this.reply({ type: 'result', id: last.id, result: JSON.stringify(result), workerMs: 1 });
    return { ...last, ink: last.points ? inkOfPoints(last) : JSON.parse(last.ink) };
  }
  terminate() {
    this.terminated = true;
  }
}
globalThis.Worker = FakeWorker;

function inkOfPoints({ points, lengths, rest }) {
  let at = 0;
  const strokes = Array.from(lengths, (n) => Array.from({ length: n }, () => Array.from(points.subarray(at, (at += 4)))));
  return { strokes, ...JSON.parse(rest) };
}
const { Recognizer, RecognitionError, RecognizerUnavailable, createRecognizer } = await import('../../web/lib/inkmath.js');

const tick = () => new Promise((r) => setTimeout(r, 0));
const settle = (p) => p.then((r) => ['read', r.latex], (e) => [e.name, e.message]);

test('a newer call replaces the waiting one; the one being read still answers', async () => {
  FakeWorker.behaviour = 'ready';
  const recognizer = await createRecognizer({ baseUrl: 'https://site.example/lib/' });
  const worker = FakeWorker.made.at(-1);
  assert.equal(worker.url, 'https://site.example/lib/inkmath-worker.js');
  assert.deepEqual(worker.sent[0], { type: 'init', wasmDir: 'https://site.example/lib/wasm/',
    weights: 'https://site.example/lib/weights/inkmath.bin', simd: true });
  const a = settle(recognizer.recognize([[[0, 0]]]));
  const b = settle(recognizer.recognize([[[1, 1]]]));
  const c = settle(recognizer.recognize([[[2, 2]]], { vocabulary: 'school', fixed: [{ strokes: [0], label: '2' }] }));
  assert.deepEqual(await b, ['AbortError', 'a newer recognize() call replaced this one']);
  assert.deepEqual(worker.answer({ latex: 'a', symbols: [] }).ink.strokes, [[[0, 0, 0, 0]]]);
  assert.deepEqual(await a, ['read', 'a']);
  await tick();
  const sent = worker.answer({ latex: 'c', symbols: [] });
  assert.deepEqual(sent.ink, { strokes: [[[2, 2, 0, 0]]], fixed: [{ strokes: [0], label: '2' }], options: { vocabulary: 'school' } });
  assert.deepEqual(await c, ['read', 'c']);
  assert.equal(sent.surface, '', 'ink without a surface is read in the one unnamed session');
  assert.deepEqual(worker.transferred[worker.sent.findIndex((m) => m.id === sent.id && m.type === 'recognize')], [sent.points.buffer, sent.lengths.buffer]);
  const d = settle(recognizer.recognize([[[3, 3]]], { surface: 'answer' }));
  const named = worker.answer({ latex: 'd', symbols: [] });
  assert.equal(named.surface, 'answer', 'the worker is told which session reads the ink');
  assert.deepEqual(await d, ['read', 'd']);
  const error = recognizer.recognize([[[0, 0]]]);
  worker.answer({ error: 'too many strokes: 1200 (at most 1000)' });
  await assert.rejects(error, (e) => e instanceof RecognitionError && e.message === 'too many strokes: 1200 (at most 1000)');
  await assert.rejects(recognizer.recognize('1+1'), TypeError);
  recognizer.close();
  await assert.rejects(recognizer.recognize([[[0, 0]]]), (e) => e instanceof RecognizerUnavailable && e.reason === 'closed');
});

test('a crashed worker is replaced and the call it was reading is read again', async () => {
  FakeWorker.behaviour = 'ready';
  const recognizer = await createRecognizer({ baseUrl: 'https://site.example/lib/' });
  const first = FakeWorker.made.at(-1);
  const call = settle(recognizer.recognize([[[5, 5]]]));
  const states = [];
  recognizer.addEventListener('statechange', (e) => states.push(e.state));
  first.reply({ type: 'crashed', message: 'unreachable' });
  assert.equal(first.terminated, true);
  await tick();
  const second = FakeWorker.made.at(-1);
  assert.notEqual(second, first);
  assert.deepEqual(second.answer({ latex: 'again', symbols: [] }).ink.strokes, [[[5, 5, 0, 0]]]);
  assert.deepEqual(await call, ['read', 'again']);
  assert.deepEqual(states, ['crashed', 'loading', 'ready']);
  recognizer.close();
});

test('a recognizer that cannot load rejects, and says why', async () => {
  FakeWorker.behaviour = 'unavailable';
  await assert.rejects(createRecognizer(), (e) => e instanceof RecognizerUnavailable && e.reason === 'unavailable' && e.message === 'no model here');
  const recognizer = new Recognizer();
  const waiting = recognizer.recognize([[[0, 0]]]);
  await assert.rejects(waiting, (e) => e instanceof RecognizerUnavailable && e.message === 'no model here');
  assert.equal(recognizer.state, 'unavailable');
  // Right away, the next call does not wait for a retry: it is told at once.
  await assert.rejects(recognizer.recognize([[[0, 0]]]), RecognizerUnavailable);
  recognizer.close();
});

test('the worker is sent the points as numbers, transferred; ink of another shape as text', async () => {
  const { inkMessage } = await import('../../web/worker/client.js');
  const ink = { strokes: [[[1, 2, 3], [4, 5, null, 0.5]], [], [[6, 7]]], fixed: [], options: { surface: 'page' } };
  const { message, transfer } = inkMessage(ink);
  assert.deepEqual(Array.from(message.points), [1, 2, 3, 0, 4, 5, 0, 0.5, 6, 7, 0, 0]);
  assert.deepEqual(Array.from(message.lengths), [2, 0, 1]);
  assert.deepEqual(JSON.parse(message.rest), { fixed: [], options: { surface: 'page' } });
  assert.deepEqual(transfer, [message.points.buffer, message.lengths.buffer]);
  assert.equal(message.ink, undefined);
  for (const odd of [{ strokes: [[['1', 2]]] }, { strokes: [[[1]]] }, { strokes: [{}] }, { strokes: 'none' }, null]) {
    const sent = inkMessage(odd);
    assert.deepEqual(sent, { message: { ink: JSON.stringify(odd) }, transfer: [] }, JSON.stringify(odd));
  }
});
