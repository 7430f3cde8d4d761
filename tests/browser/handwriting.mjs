// Handwritten lines for the scenarios, assembled at test time from the symbols one CROHME
// valid2013 writer wrote (their ground-truth symbol groups; nothing of CROHME is stored in
// the repository): each symbol is scaled as that writer's digits are to a digit height,
// and set on a baseline, left to right, as a child writes a line.
import fs from 'node:fs';
import path from 'node:path';
import { DOMParser } from '@xmldom/xmldom';
import { dataDir } from './crohme.mjs';

const CENTRED = new Set(['+', '-', '=']);  // symbols that sit at the middle of a digit's height

const childrenNamed = (node, name) => Array.from(node.childNodes).filter((n) => n.nodeName === name);

// The symbols of one InkML file: [{ label, strokes: [[[x, y], ...]] }], in writing order.
function fileSymbols(file) {
  const doc = new DOMParser().parseFromString(fs.readFileSync(file, 'utf8'), 'application/xml');
  const traces = new Map(Array.from(doc.getElementsByTagName('trace')).map((t) => [t.getAttribute('id'),
    t.textContent.split(',').map((p) => p.trim().split(/\s+/).map(Number).slice(0, 2)).filter((p) => p.length === 2 && p.every(Number.isFinite))]));
  return Array.from(doc.getElementsByTagName('traceGroup')).map((g) => {
    const label = childrenNamed(g, 'annotation')[0]?.textContent.trim();
    const strokes = childrenNamed(g, 'traceView').map((v) => traces.get(v.getAttribute('traceDataRef'))).filter(Boolean);
    return label && strokes.length ? { label, strokes } : null;
  }).filter(Boolean);
}

const box = (strokes) => {
  const xs = strokes.flat().map((p) => p[0]), ys = strokes.flat().map((p) => p[1]);
  return { x0: Math.min(...xs), y0: Math.min(...ys), x1: Math.max(...xs), y1: Math.max(...ys) };
};
const median = (v) => [...v].sort((a, b) => a - b)[Math.floor(v.length / 2)];

// The writer's symbols by label, each scaled so that the writer's digits in its file are 1
// high: Map(label -> [[[x, y], ...] strokes, ...]) in file name order. Empty without the data.
export function writerSymbols(writer) {
  const dir = path.join(dataDir(), 'valid2013');
  const byLabel = new Map();
  if (!fs.existsSync(dir)) return byLabel;
  const files = fs.readdirSync(dir).filter((f) => f.replace(/_\d+\.inkml$/, '') === writer)
    .sort((a, b) => Number(a.match(/_(\d+)\.inkml$/)[1]) - Number(b.match(/_(\d+)\.inkml$/)[1]));
  for (const f of files) {
    const symbols = fileSymbols(path.join(dir, f));
    const digits = symbols.filter((s) => /^[0-9]$/.test(s.label)).map((s) => { const b = box(s.strokes); return b.y1 - b.y0; });
    if (digits.length === 0) continue;
    const unit = median(digits);
    for (const s of symbols) {
      if (!byLabel.has(s.label)) byLabel.set(s.label, []);
      byLabel.get(s.label).push(s.strokes.map((st) => st.map(([x, y]) => [x / unit, y / unit])));
    }
  }
  return byLabel;
}

// One written line: `text` is a list of labels ('2', 'x', '+', ...); pick(label, k) says which
// of the writer's samples to use for the k-th use of a label (default: the k-th). Returns
// strokes in digit heights, the line's top at y = 0, starting at x = 0.
export function writeLine(symbols, text, pick = (label, k) => k) {
  const used = new Map();
  const strokes = [];
  let x = 0;
  for (const label of text) {
    const samples = symbols.get(label);
    if (!samples?.length) throw new Error(`the writer wrote no ${label}`);
    const k = used.get(label) ?? 0;
    used.set(label, k + 1);
    const glyph = samples[pick(label, k) % samples.length];
    const b = box(glyph);
    const h = b.y1 - b.y0;
    // Digits and letters stand on the baseline (y = 1); + - = sit at half a digit's height.
    const dy = CENTRED.has(label) ? 0.55 - (b.y0 + b.y1) / 2 : 1 - b.y1;
    const dx = x - b.x0;
    for (const s of glyph) strokes.push(s.map(([px, py]) => [px + dx, py + dy]));
    x += (b.x1 - b.x0) + 0.3 + (h < 0.3 ? 0.1 : 0);
  }
  return strokes;
}

// Lines one under another, `gap` digit heights apart, in CSS pixels: each digit `size` high,
// the page's top left corner at (left, top). Returns [[strokes of line 1], [line 2], ...].
export function writePage(lines, { left, top, size = 56, gap = 0.9 }) {
  return lines.map((strokes, i) => strokes.map((s) => s.map(([x, y]) => [left + x * size, top + (y + i * (1 + gap)) * size])));
}
