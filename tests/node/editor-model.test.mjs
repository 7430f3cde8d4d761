// The problem set editor's model: every set on the site, worked ones included, comes back
// from the form's state as the same set, and a worked problem's fields are written out.
import test from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { fromSet, setToJson, blankProblem, blankMistake } from '../../web/editor/model.js';
import { parseProblemSet, checkProblemSet } from '../../web/practice/problem-set.js';

const problemsDir = new URL('../../web/problems/', import.meta.url);
const index = JSON.parse(fs.readFileSync(new URL('index.json', problemsDir), 'utf8'));

test('every listed set opened in the editor saves as the same set', () => {
  for (const { file } of index.sets) {
    const text = fs.readFileSync(new URL(file, problemsDir), 'utf8');
    assert.deepEqual(parseProblemSet(setToJson(fromSet(JSON.parse(text)))), parseProblemSet(text), file);
  }
});

test('a worked problem keeps "work" and "latex"; its mistake may name a misconception alone', () => {
  const problem = { ...blankProblem(), prompt: 'Solve: $x + 3 = 5$.', work: true, latex: ' x + 3 = 5 ', answer: 'x=2' };
  const named = { ...blankMistake(), id: 'sign-move', message: 'The sign changes.' };
  named.mini = { prompt: 'Solve: $x + 1 = 4$.', work: true, latex: 'x + 1 = 4', answer: 'x=3', hints: [] };
  problem.mistakes = [named];
  const data = JSON.parse(setToJson({ title: 'Steps', problems: [problem] }));
  assert.deepEqual(data.problems[0], {
    prompt: 'Solve: $x + 3 = 5$.', work: true, latex: 'x + 3 = 5', answer: 'x=2',
    mistakes: [{ id: 'sign-move', message: 'The sign changes.', mini: { prompt: 'Solve: $x + 1 = 4$.', work: true, latex: 'x + 1 = 4', answer: 'x=3' } }],
  });
  assert.deepEqual(checkProblemSet(JSON.stringify(data)).faults, []);
  // Without "work", a mistake with no wrong answers is still written with its empty list, a fault.
  const plain = JSON.parse(setToJson({ title: '', problems: [{ ...problem, work: false, mistakes: [{ ...named, mini: blankMistake().mini }] }] }));
  assert.deepEqual(plain.problems[0].mistakes, [{ id: 'sign-move', answers: [], message: 'The sign changes.' }]);
  assert.equal(plain.problems[0].work, undefined);
});
