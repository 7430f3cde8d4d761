// The paper grows as the child writes: room below the lowest ink, two fingers scroll it (the
// pen, the mouse and one finger write), and ink written after scrolling lands where it is
// drawn. Shrinks back when the ink below goes.
import assert from 'node:assert/strict';
import { test, useSite, openPage, siteMissing, strokeCount } from './setup.mjs';
import { dispatch, drawStrokes, inkBox } from './pen.mjs';
import { line } from './shapes.mjs';

const site = useSite();
const skip = siteMissing() || false;

const sizes = (session) => session.evaluate(() => {
  const paper = document.getElementById('paper');
  return { view: paper.clientHeight, sheet: document.getElementById('sheet').offsetHeight, scrollTop: paper.scrollTop };
});

// Two fingers down at (x, y) and (x + 100, y), moved together by dy, lifted.
function twoFingers(x, y, dy) {
  const events = [];
  for (const [id, fx] of [[21, x], [22, x + 100]]) events.push({ type: 'pointerdown', pointerId: id, pointerType: 'touch', x: fx, y, pressure: 0.5, primary: id === 21 });
  for (let k = 1; k <= 10; k++)
    for (const [id, fx] of [[21, x], [22, x + 100]]) events.push({ type: 'pointermove', pointerId: id, pointerType: 'touch', x: fx, y: y + (dy * k) / 10, pressure: 0.5, primary: id === 21 });
  for (const [id, fx] of [[21, x], [22, x + 100]]) events.push({ type: 'pointerup', pointerId: id, pointerType: 'touch', x: fx, y: y + dy, pressure: 0, primary: id === 21, frame: true });
  return events;
}

test('the paper grows below the ink, two fingers scroll it, and writing after a scroll lands where it is drawn', { skip }, async () => {
  const session = await openPage(site, { viewport: { width: 820, height: 1180 } });
  const start = await sizes(session);
  assert.equal(start.sheet, start.view, 'empty paper: one screen');
  const box = await inkBox(session);
  // A stroke near the bottom of the paper: more paper below it.
  await drawStrokes(session, [line(box, [200, box.height - 90], [200, box.height - 30])], { pointerType: 'mouse', pointerId: 1 });
  await session.waitFor(() => document.getElementById('sheet').offsetHeight > document.getElementById('paper').clientHeight);
  const grown = await sizes(session);
  assert.ok(grown.sheet >= box.height - 30 + grown.view / 2 - 2, `half a screen below the ink (${grown.sheet})`);
  assert.equal(grown.scrollTop, 0, 'writing never scrolls');

  // Two fingers moving up scroll the paper down; nothing is written.
  await dispatch(session, twoFingers(300, box.top + 500, -240));
  const scrolled = await sizes(session);
  assert.ok(scrolled.scrollTop > 150, `scrolled by the fingers (${scrolled.scrollTop})`);
  assert.equal(await strokeCount(session), 1, 'the fingers wrote nothing');

  // A stroke written now is in the sheet's coordinates: where it was drawn on the screen.
  const moved = await inkBox(session);
  assert.ok(Math.abs(moved.top - (box.top - scrolled.scrollTop)) < 1, 'the ink moved with the paper');
  const clientY = box.top + 400;
  await drawStrokes(session, [line({ left: box.left, top: clientY }, [400, 0], [400, 60])], { pointerType: 'mouse', pointerId: 1 });
  assert.equal(await strokeCount(session), 2);
  const firstY = await session.evaluate(async () => {
    const { page } = await import(new URL('web/app.js', document.baseURI).href);
    return page.store.strokes[1].points[0][1];
  });
  assert.ok(Math.abs(firstY - (clientY + 0.5 - moved.top)) < 1, `stroke at ${firstY}, drawn at ${clientY + 0.5 - moved.top}`);

  // Clear: the paper is one screen again.
  await session.clickButton('Clear');
  await session.waitFor(() => document.getElementById('sheet').offsetHeight === document.getElementById('paper').clientHeight);
  assert.deepEqual(session.consoleErrors, []);
  await session.close();
});
