// Apple Pencil input as Safari on an iPad delivers it, which WebDriver cannot produce:
// PointerEvents of type 'pen' with pressure, dispatched in the page. The page must keep every
// sample and its pressure, also where the browser has no getCoalescedEvents (Safari before 18).
import assert from 'node:assert/strict';
import { test, useSite, openPage, siteMissing, strokeCount } from './setup.mjs';
import { dispatch, inkBox } from './pen.mjs';
import { line } from './shapes.mjs';

const site = useSite();
const skip = siteMissing() || false;

// One pen stroke whose pressure rises from light to firm, as `line` points with pressures.
function pencilStroke(box) {
  const points = line(box, [150, 120], [420, 260], 15);
  const pressures = points.map((_, i) => Math.round((0.1 + (0.8 * i) / (points.length - 1)) * 1000) / 1000);
  const events = points.map(([x, y], i) =>
    ({ type: i === 0 ? 'pointerdown' : 'pointermove', pointerId: 5, pointerType: 'pen', x, y, pressure: pressures[i] }));
  const [x, y] = points[points.length - 1];
  events.push({ type: 'pointerup', pointerId: 5, pointerType: 'pen', x, y, pressure: 0, frame: true });
  return { points, pressures, events };
}

function savedStrokes(session) {
  return session.evaluate(() => JSON.parse(localStorage.getItem('inkmath.ink')).strokes);
}

for (const coalesced of [true, false]) {
  const how = coalesced ? 'as the browser delivers it' : 'without getCoalescedEvents';
  test(`a pencil stroke keeps every sample and its pressure, ${how}`, { skip }, async () => {
    const session = await openPage(site);
    if (!coalesced) await session.evaluate(() => { delete PointerEvent.prototype.getCoalescedEvents; });
    assert.equal(await session.evaluate(() => 'getCoalescedEvents' in PointerEvent.prototype), coalesced);
    const box = await inkBox(session);
    const { points, pressures, events } = pencilStroke(box);
    await dispatch(session, events);
    assert.equal(await strokeCount(session), 1);
    const [stroke] = await savedStrokes(session);
    assert.equal(stroke.length, points.length, 'one ink point per pen sample');
    // WebKit gives pointer positions in whole CSS pixels, Chromium keeps fractions.
    stroke.forEach(([x, y, , pressure], i) => {
      assert.ok(Math.abs(x - (points[i][0] - box.left)) < 1 && Math.abs(y - (points[i][1] - box.top)) < 1,
        `point ${i} at (${x}, ${y})`);
      assert.ok(Math.abs(pressure - pressures[i]) < 1e-3, `point ${i} has pressure ${pressure}, not ${pressures[i]}`);
    });
    await session.close();
  });
}
