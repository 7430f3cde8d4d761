// The command line's options: a bad value is refused at the start with the option's name (exit
// status 2), and `eval --one-symbol --within V` reads only the symbols labelled in V. The ink
// is written here: a 2, a + and a 3 in a row, each a ground-truth symbol of one file.
import test from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const cli = path.join(root, 'build', 'native', 'inkmath');

const trace = (points) => points.map(([x, y]) => `${x} ${y}`).join(', ');
const symbols = [
  { label: '2', strokes: [[[0, 10], [5, 0], [10, 10], [0, 30], [12, 30]]] },
  { label: '+', strokes: [[[20, 20], [36, 20]], [[28, 12], [28, 28]]] },
  { label: '3', strokes: [[[44, 2], [54, 6], [46, 15], [56, 22], [44, 30]]] },
];

function writeInkml(dir) {
  let id = 0;
  const traces = [], groups = [];
  for (const s of symbols) {
    const refs = s.strokes.map((points) => {
      traces.push(`<trace id="${id}">${trace(points)}</trace>`);
      return `<traceView traceDataRef="${id++}"/>`;
    });
    groups.push(`<traceGroup><annotation type="truth">${s.label}</annotation>${refs.join('')}</traceGroup>`);
  }
  const file = path.join(dir, 'row.inkml');
  fs.writeFileSync(file, `<ink xmlns="http://www.w3.org/2003/InkML"><annotation type="truth">$2+3$</annotation>
${traces.join('\n')}
<traceGroup><annotation type="truth">Segmentation</annotation>${groups.join('')}</traceGroup></ink>`);
  return file;
}

const run = (...args) => spawnSync(cli, args, { encoding: 'utf8' });
const skip = fs.existsSync(cli) ? false : `no ${cli}: run scripts/build`;

test('eval --one-symbol --within reads only the symbols labelled in V', { skip }, () => {
  const file = writeInkml(fs.mkdtempSync(path.join(os.tmpdir(), 'inkmath-cli-')));
  const count = (...args) => {
    const r = run('eval', '--one-symbol', ...args, file);
    assert.equal(r.status, 0, r.stderr);
    return Number(r.stdout.match(/one-symbol inks (\d+)/)[1]);
  };
  assert.equal(count(), 3);
  assert.equal(count('--within', '2,3'), 2);
  assert.equal(count('--within', '+'), 1);
  assert.equal(count('--within', 'x'), 0);
});

test('eval --within keeps the files whose truth uses only labels in V', { skip }, () => {
  const file = writeInkml(fs.mkdtempSync(path.join(os.tmpdir(), 'inkmath-cli-')));
  const files = (...args) => Number(run('eval', ...args, file).stdout.match(/expressions (\d+)/)[1]);
  assert.equal(files('--within', 'school'), 1);
  assert.equal(files('--within', '2,3'), 0);
  assert.equal(files('--max-tokens', '2'), 0);
});

test('a bad option value is refused before any file is read, naming the option', { skip }, () => {
  const file = writeInkml(fs.mkdtempSync(path.join(os.tmpdir(), 'inkmath-cli-')));
  for (const [args, name] of [[['--within', 'nonsense'], '--within'], [['--max-tokens', 'x'], '--max-tokens'],
    [['--one-symbol', '--within', 'nonsense'], '--within']]) {
    const r = run('eval', ...args, file);
    assert.equal(r.status, 2, `${args.join(' ')}: ${r.stderr}`);
    assert.match(r.stderr, new RegExp(name));
    assert.equal(r.stdout, '', 'nothing is read');
  }
});

test('dataset --resize sets how much the distorted copies change size; a bad value is refused', { skip }, () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'inkmath-cli-'));
  const file = writeInkml(dir);
  const copies = 8;
  // The spread of each symbol's log height (the first of the group's own features, the same at
  // every point) over its copies, the original first: rows are written symbol by symbol.
  const spread = (resize) => {
    const prefix = path.join(dir, `resize-${resize}`);
    const r = run('dataset', '--out', prefix, '--features', 'online+context+size+place', '--augment', String(copies),
      '--resize', String(resize), file);
    assert.equal(r.status, 0, r.stderr);
    const meta = JSON.parse(fs.readFileSync(`${prefix}.json`, 'utf8'));
    const bytes = fs.readFileSync(`${prefix}.f32`);
    const values = new Float32Array(bytes.buffer, bytes.byteOffset, bytes.length / 4);
    const row = meta.points * meta.feature_count, height = meta.feature_count - meta.group_features;
    assert.equal(meta.count, symbols.length * (copies + 1));
    let total = 0;
    for (let s = 0; s < symbols.length; ++s) {
      const heights = Array.from({ length: copies + 1 }, (_, k) => values[(s * (copies + 1) + k) * row + height]);
      total += Math.max(...heights) - Math.min(...heights);
    }
    return total / symbols.length;
  };
  const wide = spread(4), narrow = spread(0.25);
  assert.ok(wide > 2 * narrow, `resize 4: ${wide}, resize 0.25: ${narrow}`);
  const r = run('dataset', '--out', path.join(dir, 'bad'), '--augment', '1', '--resize', '9', file);
  assert.equal(r.status, 2, r.stderr);
  assert.match(r.stderr, /--resize/);
  assert.ok(!fs.existsSync(path.join(dir, 'bad.f32')), 'nothing is written');
});

test('dataset --primes writes a prime beside a letter, and the letter with it as junk', { skip }, () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'inkmath-cli-'));
  const file = path.join(dir, 'letter.inkml');
  // An x (two crossing strokes) and a 2 beside it: only the x may carry a prime.
  fs.writeFileSync(file, `<ink xmlns="http://www.w3.org/2003/InkML"><annotation type="truth">$x2$</annotation>
<trace id="0">0 0, 10 12</trace><trace id="1">10 0, 0 12</trace>
<trace id="2">${trace(symbols[0].strokes[0].map(([x, y]) => [x + 30, y - 18]))}</trace>
<traceGroup><annotation type="truth">Segmentation</annotation>
<traceGroup><annotation type="truth">x</annotation><traceView traceDataRef="0"/><traceView traceDataRef="1"/></traceGroup>
<traceGroup><annotation type="truth">2</annotation><traceView traceDataRef="2"/></traceGroup></traceGroup></ink>`);
  const labels = (...args) => {
    const prefix = path.join(dir, `primes-${args.join('-')}`);
    const r = run('dataset', '--out', prefix, '--features', 'online+context+size+place', ...args, file);
    assert.equal(r.status, 0, r.stderr);
    return JSON.parse(fs.readFileSync(`${prefix}.json`, 'utf8')).labels;
  };
  assert.deepEqual(labels(), ['x', '2']);
  assert.deepEqual(labels('--primes', '0'), ['x', '2']);
  assert.deepEqual(labels('--primes', '1'), ['x', '2', '\\prime', 'junk']);
  // The group's last features: its log height and width, then how far its centre and bottom lie
  // from its neighbours' (a prime: smaller than the x, its bottom above theirs).
  const bytes = fs.readFileSync(path.join(dir, 'primes---primes-1.f32'));
  const values = new Float32Array(bytes.buffer, bytes.byteOffset, bytes.length / 4);
  const meta = JSON.parse(fs.readFileSync(path.join(dir, 'primes---primes-1.json'), 'utf8'));
  const width = meta.feature_count, row = meta.points * width;
  const group = (k) => values.slice(k * row + width - meta.group_features, k * row + width);
  assert.ok(group(2)[0] < group(0)[0], `log heights: prime ${group(2)[0]}, x ${group(0)[0]}`);
  assert.ok(group(2)[3] < 0, `the prime's bottom: ${group(2)[3]}`);
  assert.deepEqual(labels('--primes', '1', '--augment', '2'),
    ['x', 'x', 'x', '2', '2', '2', '\\prime', '\\prime', '\\prime', 'junk']);
  const r = run('dataset', '--out', path.join(dir, 'bad'), '--primes', '2', file);
  assert.equal(r.status, 2, r.stderr);
  assert.match(r.stderr, /--primes/);
});
