// Editing ink: undo, redo, clear, the eraser, scratch-out and keyboard shortcuts. With
// trained weights, each edit also brings back the reading that ink had before.
import assert from 'node:assert/strict';
import { test, useSite, openPage, siteMissing, strokeCount, latexOf, waitForLatex } from './setup.mjs';
import { drawStrokes, inkBox, dispatch } from './pen.mjs';
import { line, onePlusOne, zigzag, inkedIn } from './shapes.mjs';

const site = useSite();
const skip = siteMissing() || false;

async function settledLatex(session) {
  await session.waitFor(() => document.body.dataset.recognizer === 'ready');
  // The reading of the current ink: wait until no newer request is pending.
  await new Promise((r) => setTimeout(r, 300));
  await waitForLatex(session);
  return latexOf(session);
}

test('undo, redo and clear change the ink and its reading', { skip }, async () => {
  const session = await openPage(site);
  const box = await inkBox(session);
  const strokes = onePlusOne(box);
  const readings = [];
  for (const stroke of strokes) {
    await drawStrokes(session, [stroke]);
    readings.push(await settledLatex(session));
  }
  assert.equal(await strokeCount(session), 4);

  await session.clickButton('Undo');
  assert.equal(await strokeCount(session), 3);
  await waitForLatex(session, { is: readings[2] });
  await session.clickButton('Undo');
  assert.equal(await strokeCount(session), 2);
  await session.clickButton('Redo');
  assert.equal(await strokeCount(session), 3);
  await waitForLatex(session, { is: readings[2] });

  await session.clickButton('Clear');
  assert.equal(await strokeCount(session), 0);
  await waitForLatex(session, { is: '' });
  assert.equal(await inkedIn(session, { x0: box.left, y0: box.top, x1: box.left + box.width, y1: box.top + box.height }), false);
  await session.clickButton('Undo');
  assert.equal(await strokeCount(session), 3, 'clearing can be undone');
  await session.close();
});

test('Ctrl+Z undoes and Shift+Ctrl+Z redoes', { skip }, async () => {
  const session = await openPage(site);
  const box = await inkBox(session);
  await drawStrokes(session, onePlusOne(box).slice(0, 2));
  await session.press('Control+z');
  assert.equal(await strokeCount(session), 1);
  await session.press('Control+Shift+z');
  assert.equal(await strokeCount(session), 2);
  await session.press('Meta+z');
  assert.equal(await strokeCount(session), 1);
  await session.close();
});

test('the eraser deletes the strokes it touches, and only those', { skip }, async () => {
  const session = await openPage(site);
  const box = await inkBox(session);
  const strokes = onePlusOne(box);
  await drawStrokes(session, strokes);
  await session.clickButton('Eraser');
  // Across the vertical bar of the "+" only (x = 250), between the horizontal bar and the end.
  await drawStrokes(session, [line(box, [240, 185], [260, 190], 6)]);
  assert.equal(await strokeCount(session), 3);
  assert.equal(await inkedIn(session, { x0: box.left + 248, y0: box.top + 122, x1: box.left + 252, y1: box.top + 150 }), false);
  assert.equal(await inkedIn(session, { x0: box.left + 118, y0: box.top + 120, x1: box.left + 122, y1: box.top + 200 }), true);
  await session.clickButton('Eraser');
  await drawStrokes(session, [line(box, [500, 100], [560, 160])]);
  assert.equal(await strokeCount(session), 4, 'with the eraser off, the pen writes again');
  await session.clickButton('Undo');
  await session.clickButton('Undo');
  assert.equal(await strokeCount(session), 4, 'undo brings erased strokes back');
  await session.close();
});

test('a scratch-out zigzag deletes the strokes it crosses and leaves no ink of its own', { skip }, async () => {
  const session = await openPage(site);
  const box = await inkBox(session);
  await drawStrokes(session, onePlusOne(box));
  // Scribble over the last "1" (x = 380).
  await drawStrokes(session, [zigzag(box, 360, 400, 150)]);
  assert.equal(await strokeCount(session), 3);
  assert.equal(await inkedIn(session, { x0: box.left + 355, y0: box.top + 105, x1: box.left + 405, y1: box.top + 215 }), false);
  // The same zigzag over empty paper is writing, not scratch-out.
  await drawStrokes(session, [zigzag(box, 600, 640, 300)]);
  assert.equal(await strokeCount(session), 4);
  await session.close();
});

test('a resting palm does not draw while the pen writes', { skip }, async () => {
  const session = await openPage(site);
  const box = await inkBox(session);
  const pen = line(box, [200, 100], [300, 200], 20);
  const palm = line(box, [500, 300], [540, 330], 20);
  const events = [];
  const ev = (type, pointerId, pointerType, [x, y]) => ({ type, pointerId, pointerType, x, y, pressure: 0.5, primary: pointerType !== 'touch' || pointerId === 11 });
  // The palm lands first, then the pen; both move together; then a second touch arrives mid-stroke.
  events.push(ev('pointerdown', 11, 'touch', palm[0]));
  events.push(ev('pointermove', 11, 'touch', palm[1]));
  events.push(ev('pointerdown', 3, 'pen', pen[0]));
  for (let i = 1; i < 20; i++) {
    events.push(ev('pointermove', 3, 'pen', pen[i]));
    events.push(ev('pointermove', 11, 'touch', palm[i]));
    if (i === 10) events.push(ev('pointerdown', 12, 'touch', palm[5]));
    if (i > 10) events.push(ev('pointermove', 12, 'touch', palm[i - 5]));
  }
  events.push({ ...ev('pointerup', 3, 'pen', pen[19]), frame: true });
  events.push(ev('pointerup', 11, 'touch', palm[19]));
  events.push(ev('pointerup', 12, 'touch', palm[14]));
  // Right after the pen lifts, a touch still counts as the palm (sent with the rest, so that a
  // slow browser's round trips do not stretch "right after" past the grace period).
  events.push(ev('pointerdown', 13, 'touch', palm[0]), ev('pointermove', 13, 'touch', palm[9]), ev('pointerup', 13, 'touch', palm[9]));
  await dispatch(session, events);
  assert.equal(await strokeCount(session), 1);
  // The pen's ink is painted on a coming frame (a loaded WebKit can take a few): wait for it,
  // then the palm's place is looked at on the same painted canvas.
  const penInk = { x0: box.left + 245, y0: box.top + 145, x1: box.left + 255, y1: box.top + 155 };
  let painted = false;
  for (let tries = 0; tries < 20 && !painted; tries += 1) {
    painted = await inkedIn(session, penInk);
    if (!painted) await new Promise((resolve) => setTimeout(resolve, 100));
  }
  assert.equal(painted, true, 'pen ink');
  assert.equal(await inkedIn(session, { x0: box.left + 490, y0: box.top + 290, x1: box.left + 550, y1: box.top + 340 }), false, 'no palm ink');
  await session.close();
});

test('a finger or the mouse draws when no pen is in use', { skip }, async () => {
  const session = await openPage(site);
  const box = await inkBox(session);
  await drawStrokes(session, [line(box, [100, 100], [200, 100])], { pointerType: 'touch', pointerId: 21 });
  await drawStrokes(session, [line(box, [100, 200], [200, 200])], { pointerType: 'mouse', pointerId: 1 });
  assert.equal(await strokeCount(session), 2);
  await session.close();
});
