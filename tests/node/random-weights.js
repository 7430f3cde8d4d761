// A small weight file with random values, in the format of src/nn/weights_file.h, so that
// the WebAssembly module can be exercised before (or without) trained weights.
'use strict';

const ONLINE_FEATURES = 7;
const CONTEXT_FEATURES = 9;

function crc32(bytes) {
  let crc = 0xffffffff;
  for (const byte of bytes) {
    crc ^= byte;
    for (let k = 0; k < 8; k++) crc = (crc >>> 1) ^ (0xedb88320 & -(crc & 1));
  }
  return (crc ^ 0xffffffff) >>> 0;
}

// Deterministic values in [-0.5, 0.5), so every run sees the same network.
function randomFloats(count, state) {
  const out = new Float32Array(count);
  for (let i = 0; i < count; i++) {
    state.seed = (Math.imul(state.seed, 1664525) + 1013904223) >>> 0;
    out[i] = state.seed / 2 ** 32 - 0.5;
  }
  return out;
}

function u32(value) {
  const b = Buffer.alloc(4);
  b.writeUInt32LE(value >>> 0);
  return b;
}

function randomWeights({
  classes = ['0', '1', '2', 'x', '+', '-', '=', 'junk'],
  hidden = 8,
  layers = 1,
  dense = [16],
  features = 'online+context',
  points = 16,
  seed = 1,
  input = ONLINE_FEATURES + (features === 'online+context' ? CONTEXT_FEATURES : 0),
} = {}) {
  const header = {
    input,
    lstm: Array.from({ length: layers }, () => ({ hidden })),
    dense: [...dense, classes.length],
    meta: { classes, features, points },
  };
  const state = { seed };
  const tensors = [];
  let inSize = input;
  for (let l = 0; l < layers; l++) {
    for (let direction = 0; direction < 2; direction++) {
      tensors.push(randomFloats(4 * hidden * inSize, state));
      tensors.push(randomFloats(4 * hidden * hidden, state));
      tensors.push(randomFloats(4 * hidden, state));
    }
    inSize = 2 * hidden;
  }
  inSize *= 2; // mean and max pooling
  for (const out of header.dense) {
    tensors.push(randomFloats(out * inSize, state));
    tensors.push(randomFloats(out, state));
    inSize = out;
  }
  const text = Buffer.from(JSON.stringify(header));
  const body = Buffer.concat([
    Buffer.from('INKM'),
    u32(1),
    u32(text.length),
    text,
    ...tensors.map((t) => Buffer.from(t.buffer)),
  ]);
  return new Uint8Array(Buffer.concat([body, u32(crc32(body))]));
}

module.exports = { randomWeights, crc32 };
