// The page survives a recognizer that cannot load or crashes: it says so, keeps the ink,
// and recovers. Service workers are off here so that the tests can replace files.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test, useSite, openPage, siteMissing, strokeCount, latexOf, waitForLatex, distDir } from './setup.mjs';
import { drawStrokes, inkBox } from './pen.mjs';
import { onePlusOne, line, inkedIn } from './shapes.mjs';

const site = useSite();
const skip = siteMissing() || false;
const noServiceWorker = { serviceWorkers: false };

function statusText(session) {
  return session.text('#status');
}

async function waitForStatus(session, pattern) {
  await session.waitFor((source) => new RegExp(source).test(document.getElementById('status').textContent), pattern.source);
}

test('when the WebAssembly module cannot load, the ink is kept and recognition comes back later', { skip }, async () => {
  const session = await site.browser.newSession(noServiceWorker);
  await session.intercept('wasm/inkmath.wasm', 'fail');
  await session.goto(site.url);
  await session.waitFor(() => document.body.dataset.ready === 'true');
  const box = await inkBox(session);
  await drawStrokes(session, onePlusOne(box));
  await waitForStatus(session, /recognizer could not be loaded/);
  assert.equal(await strokeCount(session), 4);
  assert.equal(await inkedIn(session, { x0: box.left + 115, y0: box.top + 150, x1: box.left + 125, y1: box.top + 160 }), true);

  await session.stopIntercepting('wasm/inkmath.wasm');
  await new Promise((r) => setTimeout(r, 3200));  // the page retries at most every 3 s
  await drawStrokes(session, [line(box, [600, 100], [600, 200])]);
  await session.waitFor(() => document.body.dataset.recognizer === 'ready');
  await waitForLatex(session);
  assert.equal(await statusText(session), '');
  assert.equal(await strokeCount(session), 5);
  await session.close();
});

test('a host that does not send .wasm as application/wasm still gets a recognizer', { skip }, async () => {
  const session = await site.browser.newSession(noServiceWorker);
  const body = fs.readFileSync(path.join(distDir, 'lib', 'wasm', 'inkmath.wasm'));
  await session.intercept('wasm/inkmath.wasm', { body, contentType: 'application/octet-stream' });
  await session.goto(site.url);
  await session.waitFor(() => document.body.dataset.ready === 'true');
  await drawStrokes(session, onePlusOne(await inkBox(session)));
  await waitForLatex(session);
  assert.equal(await session.evaluate(() => document.body.dataset.recognizer), 'ready');
  assert.deepEqual(session.consoleErrors.filter((e) => /wasm|WebAssembly/i.test(e)), []);
  await session.close();
});

test('a recognizer that crashes is restarted and the ink is read', { skip }, async () => {
  // The reading of the ink from a recognizer that works.
  const reference = await openPage(site, noServiceWorker);
  await drawStrokes(reference, onePlusOne(await inkBox(reference)));
  await waitForLatex(reference);
  await new Promise((r) => setTimeout(r, 300));
  const expected = await latexOf(reference);
  await reference.close();

  const session = await site.browser.newSession(noServiceWorker);
  // The first recognizer traps on its first call, as a WebAssembly bug would.
  const crashing = `var createInkmath = function () { return Promise.resolve({ Recognizer: function () {
    this.recognize = function () { throw new WebAssembly.RuntimeError('unreachable'); }; } }); };`;
  await session.intercept('wasm/inkmath.js', { body: crashing, contentType: 'text/javascript' }, { times: 1 });
  await session.goto(site.url);
  await session.waitFor(() => document.body.dataset.ready === 'true');
  await drawStrokes(session, onePlusOne(await inkBox(session)));
  await waitForLatex(session, { is: expected });
  assert.ok(session.requests.filter((u) => u.includes('wasm/inkmath.js')).length >= 2, 'a fresh recognizer was loaded');
  assert.equal(await strokeCount(session), 4);
  await session.close();
});

test('missing or damaged weights give a clear message, and writing still works', { skip }, async () => {
  for (const [response, message] of [[{ status: 404, body: 'not found' }, /recognition model is not on this site/],
    [{ status: 200, body: 'INKM\u0001\u0000\u0000\u0000garbage bytes', contentType: 'application/octet-stream' }, /recognition model is damaged/]]) {
    const session = await site.browser.newSession(noServiceWorker);
    await session.intercept('weights/inkmath.bin', response);
    await session.goto(site.url);
    await session.waitFor(() => document.body.dataset.ready === 'true');
    await waitForStatus(session, message);
    await drawStrokes(session, onePlusOne(await inkBox(session)));
    assert.equal(await strokeCount(session), 4);
    assert.match(await statusText(session), message);
    await session.close();
  }
});
