// After one visit the page works offline, and it never asks anything of another origin.
import assert from 'node:assert/strict';
import { test, useSite, openPage, siteMissing, hasTrainedWeights, strokeCount, latexOf, waitForLatex } from './setup.mjs';
import { drawStrokes, fitToBox, inkBox } from './pen.mjs';
import { onePlusOne } from './shapes.mjs';
import { pickExpression, readStrokes } from './crohme.mjs';

const site = useSite();
const skip = siteMissing() || false;

async function waitForOfflineCopy(session) {
  await session.waitFor(async () => {
    const registration = await navigator.serviceWorker.ready;
    return !!registration.active && !!navigator.serviceWorker.controller;
  }, undefined, { timeout: 30000 });
}

test('after one online visit, the page loads and recognizes offline', { skip }, async () => {
  const session = await openPage(site);
  await waitForOfflineCopy(session);
  await session.setOffline(true);
  await session.reload();
  await session.waitFor(() => document.body.dataset.ready === 'true');
  assert.equal(await session.evaluate(() => getComputedStyle(document.querySelector('.bar')).display), 'flex', 'the style sheet came from the offline copy');
  await drawStrokes(session, onePlusOne(await inkBox(session)));
  assert.equal(await strokeCount(session), 4);
  // Stand-in weights are served by the test server, not part of the site, so offline the
  // page can only say that the model is missing.
  if (hasTrainedWeights) {
    await waitForLatex(session);
    assert.ok((await latexOf(session)).length > 0);
    assert.ok(await session.evaluate(() => !!document.querySelector('#math .katex')), 'KaTeX came from the offline copy');
  }
  assert.equal(await session.evaluate(() => document.body.dataset.recognizer), hasTrainedWeights ? 'ready' : 'unavailable');
  await session.close();
});

test('no request leaves the origin', { skip }, async () => {
  const session = await openPage(site);
  const file = pickExpression();
  const strokes = file ? readStrokes(file) : onePlusOne({ left: 0, top: 0 });
  await drawStrokes(session, fitToBox(strokes, await inkBox(session)));
  await waitForLatex(session);
  await session.click('#symbols .symbol >> nth=0').catch(() => {});
  await session.clickButton('Copy LaTeX');
  await waitForOfflineCopy(session);
  await session.reload();
  await session.waitFor(() => document.body.dataset.ready === 'true');
  const origin = new URL(site.url).origin;
  assert.ok(session.requests.length > 10, 'requests were recorded');
  const foreign = session.requests.filter((url) => !url.startsWith(`${origin}/`) && !/^(data|blob):/.test(url));
  assert.deepEqual(foreign, []);
  await session.close();
});
