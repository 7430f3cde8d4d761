// A small weight file with random values, in the format of src/nn/weights_file.h, and a model
// file (src/model/container.h) holding it with random fitted parts, so that the WebAssembly
// module can be exercised before (or without) trained weights.
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

// The model file: "INKC", version 1, the manifest's size and JSON, the parts, the CRC-32 of all
// before it. parts: [{ name, bytes, ...manifest fields }], the classifier among them.
function packModel(parts) {
  const manifest = {
    format: 'inkmath model',
    parts: parts.map(({ bytes, ...info }) => ({ ...info, size: bytes.length })),
  };
  const text = Buffer.from(JSON.stringify(manifest));
  const body = Buffer.concat([
    Buffer.from('INKC'),
    u32(1),
    u32(text.length),
    text,
    ...parts.map((p) => Buffer.from(p.bytes)),
  ]);
  return new Uint8Array(Buffer.concat([body, u32(crc32(body))]));
}

function hex(value) {
  return value.toString(16).padStart(8, '0');
}

// The relation model's features and their version (kRelationFeatures, kRelationFeaturesVersion
// in src/structure/relations.h).
const RELATION_FEATURES = 28;
const RELATION_FEATURES_VERSION = 3;

// A model file of randomWeights(options) with a random relation model (16 hidden units over
// RELATION_FEATURES features), context tables for a few look-alikes and settings fitted "against" that classifier.
function randomModel(options = {}) {
  const classifier = randomWeights(options);
  const state = { seed: (options.seed || 1) + 1000 };
  const floats = (n) => Array.from(randomFloats(n, state));
  const rows = (r, c) => Array.from({ length: r }, () => floats(c));
  const hidden = 16;
  const relations = {
    version: RELATION_FEATURES_VERSION,
    hidden,
    mean: floats(RELATION_FEATURES),
    scale: floats(RELATION_FEATURES).map((v) => 1 + Math.abs(v)),
    w1: rows(hidden, RELATION_FEATURES),
    b1: floats(hidden),
    w2: rows(3, hidden),
    b2: floats(3),
  };
  const context = {
    labels: ['1', 'x', 'X', ',', ')'].map((label, i) => ({
      label,
      height_weight: 0.5 * i - 1,
      bottom_weight: 0.3,
      bias: 0.1 * i,
      samples: 100,
    })),
  };
  const settings = { segmentation: { junk_weight: 3 }, refine: { context_weight: 0.5 } };
  const json = (value) => Buffer.from(JSON.stringify(value));
  const fitted = { fitted_on: 'random values', command: 'tests/node/random-weights.js' };
  return packModel([
    { name: 'classifier', bytes: classifier, ...fitted },
    { name: 'relations', bytes: json(relations), ...fitted, classifier_crc32: null },
    { name: 'context', bytes: json(context), ...fitted, classifier_crc32: null },
    { name: 'settings', bytes: json(settings), ...fitted, classifier_crc32: hex(crc32(classifier.subarray(0, classifier.length - 4))) },
  ]);
}

module.exports = { randomWeights, randomModel, packModel, crc32, RELATION_FEATURES_VERSION };
