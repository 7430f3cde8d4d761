// scripts/check-work: one JSON line per file, from the same modules as the page; a bad file
// gives one line on stderr and a non-zero exit status.
import test from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const script = fileURLToPath(new URL('../../scripts/check-work', import.meta.url));
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'check-work-'));
test.after(() => fs.rmSync(dir, { recursive: true, force: true }));

function run(content, ...options) {
  const file = path.join(dir, `work-${Math.random().toString(36).slice(2)}.json`);
  fs.writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content));
  const r = spawnSync(process.execPath, [script, ...options, file], { encoding: 'utf8' });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr, file };
}

test('a solution with a sign error in line 2: flagged there, with sign-move and a mini problem', () => {
  const r = run({ problem: '2x+3=11', steps: ['2x+3-3=11-3', '2x=11+3', 'x=7'] });
  assert.equal(r.status, 0, r.stderr);
  assert.equal(r.stdout.trim().split('\n').length, 1, 'one line');
  const out = JSON.parse(r.stdout);
  assert.deepEqual(out.steps, [{ latex: '2x+3-3=11-3', ok: true }, { latex: '2x=11+3', ok: false }, { latex: 'x=7', ok: true }]);
  assert.equal(out.firstWrong, 1);
  assert.equal(out.misconception, 'sign-move');
  assert.match(out.message, /sign changes/);
  assert.equal(out.mini.work, true);
  assert.deepEqual(JSON.parse(run({ problem: '2x+3=11', steps: ['2x=14'] }, '--seed', '9').stdout).mini,
    JSON.parse(run({ problem: '2x+3=11', steps: ['2x=14'] }, '--seed', '9').stdout).mini, 'the same seed, the same mini problem');
});

test('a right three-line solution is "Right!"; an answer in another form is not', () => {
  const right = JSON.parse(run({ problem: '2x+3=11', steps: ['2x=8', 'x=\\frac{8}{2}', 'x=4'] }).stdout);
  assert.deepEqual([right.firstWrong, right.misconception, right.message, right.answered], [null, null, 'Right!', true]);
  const form = JSON.parse(run({ problem: '\\frac12+\\frac14', steps: ['\\frac24+\\frac14', '0.75'], answer: '\\frac34', compare: 'exact' }).stdout);
  assert.deepEqual([form.firstWrong, form.answered], [null, false]);
});

test('bad files: one line on stderr, exit status 1', () => {
  const bad = (content, pattern) => {
    const r = run(content);
    assert.equal(r.status, 1, `${content}: ${r.stdout}`);
    assert.equal(r.stdout, '');
    assert.equal(r.stderr.trim().split('\n').length, 1, r.stderr);
    assert.match(r.stderr, pattern);
  };
  bad('{"problem": "2x=4", "steps": [', /not valid JSON/);
  bad('[1, 2]', /expected \{"problem"/);
  bad({ steps: ['x=2'] }, /"problem" must be LaTeX text/);
  bad({ problem: '2x=4' }, /"steps" must be a list/);
  bad({ problem: '2x=4', steps: [] }, /"steps" must be a list/);
  bad({ problem: '2x=4', steps: ['x=2', 7] }, /step 2 must be LaTeX text/);
  bad({ problem: '2x=4', steps: ['x=2'], compare: 'roughly' }, /"compare"/);
  bad({ problem: '2x+', steps: ['x=2'] }, /the problem could not be read as math/);
  const missing = spawnSync(process.execPath, [script, path.join(dir, 'none.json')], { encoding: 'utf8' });
  assert.equal(missing.status, 1);
  assert.match(missing.stderr, /none\.json: cannot be read \(ENOENT\)/);
  const usage = spawnSync(process.execPath, [script], { encoding: 'utf8' });
  assert.equal(usage.status, 1);
  assert.match(usage.stderr, /usage: scripts\/check-work/);
});
