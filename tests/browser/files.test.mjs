// What was written survives a reload, saved state that cannot be read resets with a
// message, and ink goes out and comes back in as InkML.
import assert from 'node:assert/strict';
import { test, useSite, openPage, siteMissing, strokeCount, latexOf, waitForLatex } from './setup.mjs';
import { drawStrokes, inkBox } from './pen.mjs';
import { onePlusOne, inkedIn } from './shapes.mjs';

const site = useSite();
const skip = siteMissing() || false;

async function reading(session) {
  await waitForLatex(session);
  await new Promise((r) => setTimeout(r, 300));
  return latexOf(session);
}

test('the ink and its reading survive a reload', { skip }, async () => {
  const session = await openPage(site);
  const box = await inkBox(session);
  await drawStrokes(session, onePlusOne(box));
  const before = await reading(session);
  await session.reload();
  await session.waitFor(() => document.body.dataset.ready === 'true');
  assert.equal(await strokeCount(session), 4);
  const after = await inkBox(session);
  assert.equal(await inkedIn(session, { x0: after.left + 115, y0: after.top + 150, x1: after.left + 125, y1: after.top + 160 }), true);
  await waitForLatex(session, { is: before });
  await session.close();
});

test('unreadable saved state resets with a message and the page still works', { skip }, async () => {
  for (const saved of ['{"version":1,"strokes":[[[1,2],["x",3]]]', '{not json', '{"version":1,"strokes":[[[1e300,2]]]}']) {
    const session = await openPage(site);
    await session.evaluate((text) => localStorage.setItem('inkmath.ink', text), saved);
    await session.reload();
    await session.waitFor(() => document.body.dataset.ready === 'true');
    assert.match(await session.text('#status'), /saved writing could not be read/);
    assert.equal(await strokeCount(session), 0);
    await drawStrokes(session, onePlusOne(await inkBox(session)).slice(0, 1));
    assert.equal(await strokeCount(session), 1);
    await session.close();
  }
});

test('ink saved as InkML opens again with the same reading', { skip }, async () => {
  const session = await openPage(site);
  await drawStrokes(session, onePlusOne(await inkBox(session)));
  const before = await reading(session);
  const inkml = await session.download('Save InkML');
  assert.match(inkml, /<ink xmlns="http:\/\/www.w3.org\/2003\/InkML">/);
  assert.equal(inkml.match(/<trace /g).length, 4);
  await session.clickButton('Clear');
  await session.uploadFile('#import-file', 'formula.inkml', inkml);
  await session.waitFor(() => document.getElementById('ink').dataset.strokeCount === '4');
  await waitForLatex(session, { is: before });
  await session.clickButton('Undo');
  assert.equal(await strokeCount(session), 0, 'opening a file can be undone');
  await session.close();
});

test('a file that is not InkML is refused with a message and the ink is kept', { skip }, async () => {
  const session = await openPage(site);
  await drawStrokes(session, onePlusOne(await inkBox(session)).slice(0, 2));
  for (const [text, reason] of [['<ink><trace>1 2, 3</trace>', /not well-formed/], ['<svg/>', /not an InkML file/],
    ['<ink xmlns="http://www.w3.org/2003/InkML"><trace>1 2, 3 x</trace></ink>', /not a number/]]) {
    await session.uploadFile('#import-file', 'bad.inkml', text);
    // Each file's own message (the one before it may still be showing).
    await session.waitFor((source) => new RegExp(source).test(document.getElementById('status').textContent), reason.source)
      .catch(() => {});
    assert.match(await session.text('#status'), /Could not open/);
    assert.match(await session.text('#status'), reason);
    assert.equal(await strokeCount(session), 2);
  }
  await session.close();
});

test('Copy LaTeX puts the reading on the clipboard', { skip }, async () => {
  const session = await openPage(site);
  await drawStrokes(session, onePlusOne(await inkBox(session)));
  const latex = await reading(session);
  await session.clickButton('Copy LaTeX');
  await session.waitFor(() => /copied/.test(document.getElementById('status').textContent));
  assert.equal(await session.evaluate(() => navigator.clipboard.readText()), latex);
  await session.close();
});
