// Reads CROHME InkML files in Node the way the C++ reader does (src/ink/inkml.cpp): the
// <trace> elements of <ink> in document order, x y [t] per point, into the JSON ink that
// the WebAssembly module's recognize() takes.
'use strict';

const fs = require('fs');
const path = require('path');
const { DOMParser } = require('@xmldom/xmldom');

const root = path.resolve(__dirname, '..');

// CROHME data: $INKMATH_DATA, else ../shared/data/crohme beside the repository.
function dataDir() {
  return process.env.INKMATH_DATA || path.join(root, '..', 'shared', 'data', 'crohme');
}

// "x y [t ...], x y, ..." -> [[x, y, t], ...]
function parseTrace(text, where) {
  const points = [];
  for (const part of text.split(',')) {
    const values = part.trim().split(/\s+/).filter(Boolean).map(Number);
    if (values.length === 0) continue;
    if (values.length === 1 || values.some((v) => Number.isNaN(v))) throw new Error(`${where}: unreadable trace point`);
    points.push([values[0], values[1], values.length > 2 ? values[2] : 0]);
  }
  return points;
}

function readInkml(file) {
  const doc = new DOMParser().parseFromString(fs.readFileSync(file, 'utf8'), 'text/xml');
  const ink = doc.documentElement;
  if (!ink || ink.localName !== 'ink') throw new Error(`${file}: not an InkML document`);
  const strokes = [];
  for (let node = ink.firstChild; node; node = node.nextSibling) {
    if (node.nodeType === node.ELEMENT_NODE && node.localName === 'trace') strokes.push(parseTrace(node.textContent, file));
  }
  return { name: path.basename(file, '.inkml'), strokes };
}

// The .inkml files of a folder, sorted by name; every `step`-th one when a sample is wanted.
function inkmlFiles(dir, { step = 1 } = {}) {
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.inkml'))
    .sort()
    .filter((_, i) => i % step === 0)
    .map((f) => path.join(dir, f));
}

module.exports = { dataDir, readInkml, inkmlFiles };
