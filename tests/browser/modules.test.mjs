// The page's ink modules on their own, in Node (no browser needed).
import test from 'node:test';
import assert from 'node:assert/strict';
import { DOMParser } from '@xmldom/xmldom';
import { InkStore } from '../../web/ink/store.js';
import { inkToInkML, inkFromInkML } from '../../web/ink/inkml.js';
import { saveInk, loadInk } from '../../web/ink/persist.js';
import { validateStrokes } from '../../web/ink/validate.js';
import { isScratchOut, strokesCrossed } from '../../web/pen/scratch.js';
import { PalmFilter } from '../../web/pen/palm.js';
import { sheetHeight } from '../../web/pen/paper.js';
import { TwoFingerScroll } from '../../web/pen/scroll.js';

const stroke = (x) => [[x, 0, 0, 0.5], [x, 10, 5, 0.5]];

class MemoryStorage {
  constructor() { this.items = new Map(); }
  getItem(k) { return this.items.has(k) ? this.items.get(k) : null; }
  setItem(k, v) { this.items.set(k, String(v)); }
  removeItem(k) { this.items.delete(k); }
}

test('the store undoes and redoes every kind of edit', () => {
  const store = new InkStore();
  const a = store.addStroke(stroke(0));
  const b = store.addStroke(stroke(10));
  store.fix([a], '1');
  store.erase([b]);
  assert.deepEqual(store.snapshot(), { ids: [a], strokes: [stroke(0)], fixed: [{ strokes: [0], label: '1' }] });
  store.undo();
  assert.equal(store.strokes.length, 2);
  store.clear();
  assert.equal(store.strokes.length, 0);
  store.undo();
  store.undo();
  assert.deepEqual(store.snapshot().fixed, []);
  store.redo();
  assert.deepEqual(store.snapshot().fixed, [{ strokes: [0], label: '1' }]);
  store.addStroke(stroke(20));
  assert.equal(store.canRedo, false, 'a new edit drops the redo history');
});

test('erasing a stroke of a fixed symbol drops the fixed reading; fixing again replaces it', () => {
  const store = new InkStore();
  const a = store.addStroke(stroke(0)), b = store.addStroke(stroke(1));
  store.fix([a, b], '+');
  store.fix([b], '1');
  assert.deepEqual(store.snapshot().fixed, [{ strokes: [1], label: '1' }]);
  store.erase([b]);
  assert.deepEqual(store.snapshot().fixed, []);
  assert.equal(store.fix([b], 'x'), false, 'erased strokes cannot be fixed');
});

test('InkML written by the page reads back as the same ink', () => {
  const strokes = [[[1.5, 2.25, 1000, 0.5], [3, 4, 1010, 0.5]], [[5, 6, 1020, 0.5]]];
  const text = inkToInkML(strokes, 'x<1');
  assert.match(text, /<annotation type="truth">\$x&lt;1\$<\/annotation>/);
  assert.deepEqual(inkFromInkML(text, new DOMParser()), [[[1.5, 2.25, 0, 0.5], [3, 4, 10, 0.5]], [[5, 6, 20, 0.5]]]);
});

test('InkML that is not ink is refused with a reason', () => {
  const parser = new DOMParser({ onError: () => {} });
  assert.throws(() => inkFromInkML('<svg/>', parser), /not an InkML file/);
  assert.throws(() => inkFromInkML('<ink></ink>', parser), /no traces/);
  assert.throws(() => inkFromInkML('<ink><trace>1 2, a b</trace></ink>', parser), /not a number/);
  const many = `<ink>${'<trace>1 2</trace>'.repeat(1001)}</ink>`;
  assert.throws(() => inkFromInkML(many, parser), /too many strokes/);
});

test('saved ink comes back; unreadable saved ink is removed with a message', () => {
  const storage = new MemoryStorage();
  assert.equal(loadInk(storage), null);
  saveInk(storage, { strokes: [stroke(0)], fixed: [{ strokes: [0], label: '1' }, { strokes: [7], label: 'x' }] });
  assert.deepEqual(loadInk(storage), { strokes: [stroke(0)], fixed: [{ strokes: [0], label: '1' }] });
  storage.setItem('inkmath.ink', '{"version":1,"strokes":[[[0,NaN]]]}');
  assert.throws(() => loadInk(storage), /could not be read/);
  assert.equal(storage.getItem('inkmath.ink'), null);
  const full = { setItem() { throw Object.assign(new Error('full'), { name: 'QuotaExceededError' }); } };
  assert.match(saveInk(full, { strokes: [], fixed: [] }), /Could not save.*QuotaExceededError/);
});

test('ink validation bounds points and coordinates', () => {
  assert.throws(() => validateStrokes([[[0, 0]]].concat(Array(1000).fill([[0, 0]]))), /too many strokes/);
  assert.throws(() => validateStrokes([Array(4001).fill([0, 0])]), /too many points/);
  assert.throws(() => validateStrokes([[[2e7, 0]]]), /out of range/);
  assert.throws(() => validateStrokes([[]]), /no points/);
  assert.deepEqual(validateStrokes([[[1, 2]]]), [[[1, 2, 0, 0.5]]]);
});

test('a zigzag is a scratch-out; symbols that go up and down are not', () => {
  const zig = [];
  for (let i = 0; i < 7; i++) zig.push([i % 2 ? 40 : 0, 100 + i], [20, 100 + i + 0.5]);
  assert.equal(isScratchOut(zig), true);
  const w = [[0, 0], [5, 20], [10, 40], [15, 20], [20, 0], [25, 20], [30, 40], [35, 20], [40, 0]];
  assert.equal(isScratchOut(w), false, 'W');
  const three = [[0, 0], [20, 5], [10, 20], [20, 35], [0, 40]];
  assert.equal(isScratchOut(three), false, '3');
  const crossed = strokesCrossed(zig, [{ id: 1, points: [[20, 90], [20, 120]] }, { id: 2, points: [[200, 90], [200, 120]] }]);
  assert.deepEqual(crossed, [1]);
});

test('touches do not draw while a pen is in use, and for a moment after', () => {
  const palm = new PalmFilter(1000);
  const ev = (type, pointerType, timeStamp) => ({ type, pointerType, timeStamp, pointerId: 1, button: 0 });
  assert.equal(palm.mayDraw(ev('pointerdown', 'touch', 0)), true);
  palm.observe(ev('pointerdown', 'pen', 10));
  assert.equal(palm.mayDraw(ev('pointerdown', 'touch', 5000)), false, 'pen still down');
  palm.observe(ev('pointerup', 'pen', 6000));
  assert.equal(palm.mayDraw(ev('pointerdown', 'touch', 6500)), false);
  assert.equal(palm.mayDraw(ev('pointerdown', 'touch', 7100)), true);
  assert.equal(palm.mayDraw({ ...ev('pointerdown', 'mouse', 0), button: 2 }), false, 'right button');
});

test('the paper grows half a screen below the lowest ink, and no further than 8 screens', () => {
  const at = (y) => [{ points: [[10, 5], [12, y]] }];
  assert.equal(sheetHeight([], 600), 600, 'empty: one screen');
  assert.equal(sheetHeight(at(200), 600), 600, 'ink high up: room enough');
  assert.equal(sheetHeight(at(500), 600), 800, 'ink near the bottom: half a screen more');
  assert.equal(sheetHeight(at(500), 200), 660, 'a short screen: at least 160 pixels more');
  assert.equal(sheetHeight(at(9000), 600), 4800);
});

test('two fingers scroll the paper and drop the stroke the first began; a pen or one finger never scrolls', () => {
  const input = new EventTarget();
  const scroller = { scrollTop: 100 };
  let dropped = 0;
  new TwoFingerScroll(input, scroller, { onStart: () => dropped++ });
  const send = (type, pointerId, clientY, pointerType = 'touch') =>
    input.dispatchEvent(Object.assign(new Event(type), { pointerId, clientY, pointerType }));
  send('pointerdown', 1, 300);
  send('pointermove', 1, 280);
  assert.equal(scroller.scrollTop, 100, 'one finger writes');
  send('pointerdown', 2, 320);
  assert.equal(dropped, 1);
  send('pointermove', 1, 240);
  send('pointermove', 2, 280);
  assert.equal(scroller.scrollTop, 140, 'up by the fingers\' mean movement');
  send('pointerup', 1, 240);
  send('pointerup', 2, 280);
  send('pointerdown', 3, 300, 'pen');
  send('pointerdown', 4, 300);
  send('pointerdown', 5, 300);
  send('pointermove', 5, 200);
  assert.equal(scroller.scrollTop, 140, 'touches while a pen writes are the palm');
  assert.equal(dropped, 1);
});
