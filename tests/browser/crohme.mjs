// Reads CROHME InkML expressions (the real handwriting the page is tested with) and asks
// the native command line for its reading, which the page must reproduce.
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { DOMParser } from '@xmldom/xmldom';
import { repoRoot } from './setup.mjs';

export function dataDir() {
  return path.resolve(repoRoot, process.env.INKMATH_DATA || '../shared/data/crohme');
}

export function validationFiles() {
  const dir = path.join(dataDir(), 'valid2013');
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir).filter((f) => f.endsWith('.inkml')).sort().map((f) => path.join(dir, f));
}

// Strokes ([[x, y], ...]) of an InkML file, read with an XML parser.
export function readStrokes(file) {
  const doc = new DOMParser().parseFromString(fs.readFileSync(file, 'utf8'), 'application/xml');
  return Array.from(doc.getElementsByTagName('trace')).map((trace) =>
    trace.textContent.split(',').map((p) => p.trim().split(/\s+/).map(Number)).filter((p) => p.length >= 2 && p.every(Number.isFinite)));
}

// The first validation expression (in name order) with between min and max strokes.
export function pickExpression({ min = 8, max = 16, skip = 0 } = {}) {
  let seen = 0;
  for (const file of validationFiles()) {
    const n = readStrokes(file).length;
    if (n >= min && n <= max && seen++ === skip) return file;
  }
  return null;
}

export function nativeReading(file, weights) {
  const cli = path.join(repoRoot, 'build', 'native', 'inkmath');
  const out = execFileSync(cli, ['recognize', '--weights', weights, file], { encoding: 'utf8' });
  return out.replace(/\n$/, '').split('\t').slice(1).join('\t');
}
