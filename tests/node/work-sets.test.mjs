// The worked problem sets: every problem's answer passes the step checker as the last line,
// the problem itself is not yet an answer, and every mini problem is sound.
import test from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { ComputeEngine } from '@cortex-js/compute-engine';
import { AnswerChecker } from '../../web/practice/check.js';
import { WorkChecker, MESSAGES } from '../../web/practice/steps/work.js';
import { MISCONCEPTIONS, MISCONCEPTION_IDS } from '../../web/practice/steps/misconceptions.js';
import { parseProblemSet, checkProblemSet, ProblemSetError } from '../../web/practice/problem-set.js';

const checker = new WorkChecker(new AnswerChecker(new ComputeEngine()));
const problemsDir = new URL('../../web/problems/', import.meta.url);
const index = JSON.parse(fs.readFileSync(new URL('index.json', problemsDir), 'utf8'));
const sets = index.sets.map(({ file }) => ({ file, set: parseProblemSet(fs.readFileSync(new URL(file, problemsDir), 'utf8')) }));
const worked = sets.filter(({ set }) => set.problems.some((p) => p.work));

test('at least 60 worked problems in 4 or more sets: equations, brackets, fractions, exponents, order of operations', () => {
  assert.ok(worked.length >= 4, `${worked.length} sets`);
  const problems = worked.flatMap(({ set }) => set.problems.filter((p) => p.work));
  assert.ok(problems.length >= 60, `${problems.length} problems`);
  const topics = new Set(problems.map((p) => p.topic));
  for (const topic of ['Linear equations', 'Brackets', 'Fractions', 'Exponents', 'Order of operations']) assert.ok(topics.has(topic), topic);
});

test('each worked problem: its answer is right as the last line, the problem alone is not an answer', () => {
  const solve = (p, latex, steps) => checker.check({ problem: latex, steps, answer: p.answer, compare: p.compare });
  for (const { file, set } of worked) {
    for (const p of set.problems) {
      assert.ok(p.prompt.includes(p.latex), `${file} ${p.id}: the prompt shows the problem`);
      assert.equal(solve(p, p.latex, [p.answer]).message, MESSAGES.right, `${file} ${p.id}: ${p.latex} -> ${p.answer}`);
      assert.equal(solve(p, p.latex, [p.latex]).answered, false, `${file} ${p.id}: copying the problem is not an answer`);
      for (const m of p.mistakes) {
        if (m.answers.length === 0) assert.ok(MISCONCEPTION_IDS.includes(m.id), `${file} ${p.id}: ${m.id}`);
        if (m.mini?.work) assert.equal(solve(m.mini, m.mini.latex, [m.mini.answer]).message, MESSAGES.right, `${file} ${p.id}/${m.id}: mini`);
      }
    }
  }
});

test('worked problems need their LaTeX; mistakes without answers name a misconception', () => {
  const refused = (problem, pattern) => assert.throws(() => parseProblemSet(JSON.stringify({ problems: [problem] })),
    (err) => err instanceof ProblemSetError && pattern.test(err.message), JSON.stringify(problem));
  refused({ prompt: 'p', answer: 'x=1', work: true }, /"latex"/);
  refused({ prompt: 'p', answer: 'x=1', work: 'yes', latex: 'x=1' }, /"work" must be true or false/);
  refused({ prompt: 'p', answer: 'x=1', latex: 'x=1' }, /only for problems with "work"/);
  refused({ prompt: 'p', answer: 'x=1', work: true, latex: 'x+1=2', mistakes: [{ id: 'sign-mvoe' }] }, /must be a misconception/);
  const set = parseProblemSet(JSON.stringify({ problems: [{ prompt: 'p', answer: 'x=1', work: true, latex: 'x+1=2', mistakes: [{ id: 'sign-move', message: 'm' }] }] }));
  assert.deepEqual(set.problems[0].mistakes, [{ id: 'sign-move', answers: [], compare: 'equivalent', message: 'm', mini: null }]);
  assert.equal(set.problems[0].work, true);
});

test('the faults of worked problems are listed with every other fault, each with where it is', () => {
  const { faults } = checkProblemSet(JSON.stringify({ problems: [
    { id: 'w1', prompt: 'p', answer: 'x=1', work: true },
    { id: 'w2', prompt: '', answer: 'x=1', work: 'yes' },
    { id: 'w3', prompt: 'p', answer: 'x=1', latex: 'x=1' },
    { id: 'w4', prompt: 'p', answer: 'x=1', work: true, latex: 'x+1=2', mistakes: [{ id: 'sign-mvoe' }, { id: 'sign-move', mini: { prompt: 'q' } }] },
  ] }));
  assert.deepEqual(faults.map((f) => `${f.where}: ${f.message}`), [
    'problem 1 ("w1"): "latex" (the math the steps start from, needed with "work") must be non-empty text',
    'problem 2 ("w2"): "prompt" must be non-empty text',
    'problem 2 ("w2"): "work" must be true or false',
    'problem 3 ("w3"): "latex" is only for problems with "work": true',
    `problem 4 ("w4"), mistake 1: without "answers", "id" must be a misconception: ${MISCONCEPTION_IDS.join(', ')}`,
    'problem 4 ("w4"), mistake 2: "mini": "answer" must be non-empty text',
  ]);
});

test('a set\'s own message and mini problem for a misconception come first; otherwise the catalogue\'s and a generated one', () => {
  const lin1 = worked.flatMap(({ set }) => set.problems).find((p) => p.id === 'lin-1');
  const own = checker.checkProblem(lin1, ['2x=11+3', 'x=7']);
  assert.deepEqual([own.firstWrong, own.misconception], [0, 'sign-move']);
  assert.equal(own.message, lin1.mistakes.find((m) => m.id === 'sign-move').message);
  assert.equal(own.mini.latex, 'x + 6 = 10');
  const generated = checker.checkProblem(lin1, ['2x=8', 'x=6'], { seed: 4 });
  assert.equal(generated.misconception, 'inverse-operation');
  assert.equal(generated.message, MISCONCEPTIONS.find((m) => m.id === 'inverse-operation').message);
  assert.deepEqual(generated.mini, checker.miniProblem('inverse-operation', { seed: 4 }));
  const right = checker.checkProblem(lin1, ['2x=8', 'x=4']);
  assert.deepEqual([right.message, right.mini], [MESSAGES.right, null]);
});
