// The writer's stroke size from their other inks: what WriterSize keeps, and how a symbol
// written alone then reads in the WebAssembly recognizer with the shipped model.
import test from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import { WriterSize } from '../../web/ink/writer-size.js';
import { inkRequest } from '../../web/lib/inkmath.js';

const require = createRequire(import.meta.url);
const { loadInkmath, trainedWeightsPath } = require('../../scripts/wasm-module.js');

const reading = (size) => ({ stroke_size: size });

test('nothing is known until another ink of three strokes or more was read', () => {
  const sizes = new WriterSize();
  assert.equal(sizes.earlier('a'), undefined);
  sizes.read('a', reading(20), 5);
  assert.equal(sizes.earlier('a'), undefined, 'an ink is not its own earlier ink');
  assert.equal(sizes.earlier('b'), 20);
  sizes.read('c', reading(90), 2);
  assert.equal(sizes.earlier('b'), 20, 'two strokes say too little');
  sizes.read('a', null, 0);
  assert.equal(sizes.earlier('b'), undefined, 'an ink emptied says nothing');
});

test('a cleared ink is kept among the last eight, and the median of all the others is given', () => {
  const sizes = new WriterSize();
  for (const size of [10, 30, 20]) {
    sizes.read('page', reading(size), 4);
    sizes.done('page');
  }
  assert.equal(sizes.earlier('page'), 20);
  sizes.read('pad', reading(40), 6);
  assert.equal(sizes.earlier('page'), 30, 'of 10, 20, 30, 40: the upper middle value');
  assert.equal(sizes.earlier('pad'), 20);
  for (let i = 0; i < 8; i++) {
    sizes.read('page', reading(50), 3);
    sizes.done('page');
  }
  assert.equal(sizes.earlier('pad'), 50, 'the first three are forgotten');
  sizes.forget();
  assert.equal(sizes.earlier('pad'), undefined);
});

test('the library sends the earlier size in the ink\'s options, and leaves it out when not known', () => {
  const strokes = [[[0, 0], [1, 1]]];
  assert.deepEqual(inkRequest(strokes, { earlier_stroke_size: 12 }).options, { earlier_stroke_size: 12 });
  assert.equal(inkRequest(strokes, { earlier_stroke_size: new WriterSize().earlier('x') }).options, undefined);
});

const weights = trainedWeightsPath();
test('a cross written alone reads X after the writer\'s small strokes, and x or a times sign after large ones', {
  skip: fs.existsSync(weights) ? false : `no weights at ${weights}`,
}, async () => {
  const inkmath = await loadInkmath();
  const recognizer = new inkmath.Recognizer(new Uint8Array(fs.readFileSync(weights)));
  try {
    const read = (strokes, options) => {
      const r = JSON.parse(recognizer.recognize(JSON.stringify(inkRequest(strokes, options))));
      assert.equal(r.error, undefined, r.error);
      return r;
    };
    // The writer's earlier ink: four strokes of one size.
    const earlierInk = (size) => [0, 1, 2, 3].map((i) => [[40 * i, 0], [40 * i + size / 2, size / 2], [40 * i + size, size]]);
    const cross = [[[0, 0], [10, 10], [20, 20]], [[20, 0], [10, 10], [0, 20]]];
    for (const [earlierSize, capital] of [[5, true], [80, false]]) {
      const sizes = new WriterSize();
      const before = read(earlierInk(earlierSize), {});
      assert.equal(before.stroke_size, earlierSize);
      sizes.read('answer', before, 4);
      sizes.done('answer');
      const r = read(cross, { earlier_stroke_size: sizes.earlier('answer') });
      assert.equal(r.symbols.length, 1);
      assert.equal(r.symbols[0].label === 'X', capital, `after strokes ${earlierSize} high: ${r.symbols[0].label}`);
    }
  } finally {
    recognizer.delete();
  }
});
