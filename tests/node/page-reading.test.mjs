// What a mode asks of recognition: worked steps ask for lines, and the request the library
// sends carries them in "options", which the core reads.
import test from 'node:test';
import assert from 'node:assert/strict';
import { PageReading } from '../../web/reading.js';
import { inkRequest } from '../../web/lib/inkmath.js';

test('asking for other options emits them once; asking again for the same does not', () => {
  const reading = new PageReading();
  const seen = [];
  reading.addEventListener('options', (e) => seen.push(e.detail));
  assert.deepEqual(reading.options, {});
  reading.ask({ lines: true });
  reading.ask({ lines: true });
  reading.ask({});
  assert.deepEqual(seen, [{ lines: true }, {}]);
  assert.deepEqual(reading.options, {});
});

test('the lines option travels in the ink request\'s "options", fixed symbols beside it', () => {
  const strokes = [[[0, 0], [1, 1]]];
  const fixed = [{ strokes: [0], label: 'x' }];
  assert.deepEqual(inkRequest(strokes, { lines: true, fixed }), { strokes, fixed, options: { lines: true } });
  assert.deepEqual(inkRequest(strokes, { fixed }), { strokes, fixed });
});
