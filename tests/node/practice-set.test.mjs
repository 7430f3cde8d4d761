// Problem sets: the starter set is sound, teachers' files get clear errors, and sets load
// only from the page's own site.
import test from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { ComputeEngine } from '@cortex-js/compute-engine';
import { AnswerChecker } from '../../web/practice/check.js';
import { parseProblemSet, checkProblemSet, unreadableAnswers, problemSetUrl, loadProblemSet, listProblemSets, ProblemSetError } from '../../web/practice/problem-set.js';
import { splitPrompt } from '../../web/practice/prompt.js';

const checker = new AnswerChecker(new ComputeEngine());
const problemsDir = new URL('../../web/problems/', import.meta.url);
const readSet = (file) => parseProblemSet(fs.readFileSync(new URL(file, problemsDir), 'utf8'));

test('every listed set is valid, and each answer and mistake is judged as its author meant', () => {
  const index = JSON.parse(fs.readFileSync(new URL('index.json', problemsDir), 'utf8'));
  assert.ok(index.sets.length >= 1);
  for (const { file } of index.sets) {
    const set = readSet(file);
    assert.deepEqual(unreadableAnswers(set, (latex) => checker.readable(latex)), [], file);
    for (const p of set.problems) {
      assert.equal(checker.judge(p, p.answer).verdict, 'right', `${p.id}: its own answer`);
      assert.ok(p.hints.length > 0, `${p.id} has a hint`);
      for (const m of p.mistakes) {
        for (const wrong of m.answers) {
          const judged = checker.judge(p, wrong);
          assert.equal(judged.verdict, 'wrong', `${p.id}: ${wrong} is wrong`);
          assert.equal(judged.mistake.id, m.id, `${p.id}: ${wrong} is mistake ${m.id}`);
        }
        if (m.mini) assert.equal(checker.judge(m.mini, m.mini.answer).verdict, 'right', `${p.id}/${m.id}: the mini problem's answer`);
      }
    }
  }
});

test('the starter set covers arithmetic, fractions, exponents and linear equations', () => {
  const topics = new Set(readSet('starter.json').problems.map((p) => p.topic));
  for (const topic of ['Arithmetic', 'Fractions', 'Exponents', 'Linear equations']) assert.ok(topics.has(topic), topic);
});

test('a minimal set gets its defaults', () => {
  const set = parseProblemSet('{"problems":[{"prompt":"$1+1$","answer":"2"}]}');
  assert.deepEqual(set, {
    title: 'Problems',
    problems: [{ id: '1', topic: '', prompt: '$1+1$', answer: '2', compare: 'equivalent', hints: [], work: false, latex: '', mistakes: [] }],
  });
});

test('a broken set is refused with a message that says what to fix', () => {
  const refused = (text, pattern) => assert.throws(() => parseProblemSet(text), (err) => err instanceof ProblemSetError && pattern.test(err.message), text);
  refused('{"problems": [', /not valid JSON/);
  refused('[]', /JSON object/);
  refused('{"problems": []}', /at least one problem/);
  refused('{"problems": [{"prompt": "Solve"}]}', /problem 1: "answer" must be non-empty text/);
  refused('{"problems": [{"id": "a", "prompt": "p", "answer": "1", "compare": "roughly"}]}', /problem 1 \("a"\): "compare"/);
  refused('{"problems": [{"id": "a", "prompt": "p", "answer": "1"}, {"id": "a", "prompt": "q", "answer": "2"}]}', /id "a" is used twice/);
  refused('{"problems": [{"prompt": "p", "answer": "1", "mistakes": [{"message": "m"}]}]}', /mistake 1: "answers"/);
  refused('{"problems": [{"prompt": "p", "answer": "1", "hints": [3]}]}', /"hints" 1/);
  refused(`{"problems": [{"prompt": "${'p'.repeat(3000)}", "answer": "1"}]}`, /longer than/);
});

test('a set with several faults lists every one of them, with where it is', () => {
  const text = JSON.stringify({ title: '', problems: [
    { id: 'a', prompt: 'p', answer: '' },
    { id: 'a', prompt: '', answer: '2', compare: 'roughly' },
    { prompt: 'q', answer: '3', mistakes: [{ message: 'm', mini: { prompt: 'r' } }] },
  ] }, null, 2);
  const { faults } = checkProblemSet(text);
  assert.deepEqual(faults.map((f) => `${f.where}: ${f.message}`), [
    ': "title" must be non-empty text',
    'problem 1 ("a"): "answer" must be non-empty text',
    'problem 2 ("a"): "compare" must be "equivalent" or "exact"',
    'problem 2 ("a"): "prompt" must be non-empty text',
    'problem 2: the id "a" is used twice (also by problem 1)',
    'problem 3, mistake 1: "answers" must list the wrong answers it stands for',
    'problem 3, mistake 1: "mini": "answer" must be non-empty text',
  ]);
  assert.throws(() => parseProblemSet(text), (err) => err.faults.length === 7 && /problem 3, mistake 1: "mini": "answer"/.test(err.message));
  const broken = checkProblemSet('{\n  "problems": [\n    { "prompt": "p", }\n  ]\n}');
  assert.match(broken.faults[0].where, /^line 3, column \d+$/);
});

test('answers that are not math are reported by problem', () => {
  const set = parseProblemSet('{"problems":[{"id":"q","prompt":"p","answer":"x=","mistakes":[{"id":"m","answers":["(("]}]}]}');
  const bad = unreadableAnswers(set, (latex) => checker.readable(latex));
  assert.equal(bad.length, 2);
  assert.match(bad[0], /problem "q": the answer "x=" is not valid math/);
});

test('problem sets load from the page\'s own site only', async () => {
  const page = 'https://school.example/inkmath/index.html';
  assert.equal(problemSetUrl('web/problems/starter.json', page).href, 'https://school.example/inkmath/web/problems/starter.json');
  assert.equal(problemSetUrl('/sets/week1.json', page).href, 'https://school.example/sets/week1.json');
  for (const foreign of ['https://elsewhere.example/set.json', '//elsewhere.example/set.json', 'http://school.example/set.json', 'data:application/json,{}']) {
    assert.throws(() => problemSetUrl(foreign, page), /only from this site/, foreign);
  }
  let asked = 0;
  const fetchFn = async () => { asked++; return new Response('{}', { status: 200 }); };
  await assert.rejects(loadProblemSet('https://elsewhere.example/set.json', page, fetchFn), /only from this site/);
  assert.equal(asked, 0, 'nothing is requested from another site');
  await assert.rejects(loadProblemSet('missing.json', page, async () => new Response('', { status: 404 })), /not on this site \(404\)/);
  const { set } = await loadProblemSet('ok.json', page, async () => new Response('{"problems":[{"prompt":"p","answer":"1"}]}'));
  assert.equal(set.problems.length, 1);
});

test('prompts mix text and $math$', () => {
  assert.deepEqual(splitPrompt('Solve $2x+3=11$ for $x$.'), [
    { math: false, text: 'Solve ' }, { math: true, text: '2x+3=11' }, { math: false, text: ' for ' }, { math: true, text: 'x' }, { math: false, text: '.' },
  ]);
  assert.deepEqual(splitPrompt('Costs \\$5'), [{ math: false, text: 'Costs $5' }]);
  assert.deepEqual(splitPrompt('Open $x+1'), [{ math: false, text: 'Open ' }, { math: false, text: '$x+1' }]);
});

test('the site\'s list of sets names files relative to the list; no list means none', async () => {
  const index = 'https://school.example/inkmath/web/problems/index.json';
  const listed = await listProblemSets(index, async () => new Response(JSON.stringify({ sets: [{ title: 'Week 1', file: 'week1.json' }, { file: 'week2.json' }, { title: 'no file' }] })));
  assert.deepEqual(listed, [
    { url: 'https://school.example/inkmath/web/problems/week1.json', title: 'Week 1' },
    { url: 'https://school.example/inkmath/web/problems/week2.json', title: 'week2.json' },
  ]);
  assert.deepEqual(await listProblemSets(index, async () => new Response('', { status: 404 })), []);
  assert.deepEqual(await listProblemSets(index, async () => new Response('not json')), []);
  assert.deepEqual(await listProblemSets(index, async () => { throw new TypeError('offline'); }), []);
});
