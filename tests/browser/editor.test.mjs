// The problem set editor: a teacher writes a set in the form, sees it typeset, is shown
// every fault at once with where it is, saves the JSON, and practice then runs that set.
// A set file with several faults is refused by practice with all of them named.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test, useSite, openPage, siteMissing, outDir } from './setup.mjs';
import { row, write, openPractice, checkAnswer, feedbackText } from './practice-page.mjs';

const site = useSite();
const skip = siteMissing() || false;

async function openEditor(session) {
  await session.goto(new URL('editor.html', site.url).href);
  await session.waitFor(() => document.body.dataset.ready === 'true' && document.body.dataset.checker === 'ready');
}

// Types `value` into the field named `field` of problem `n` (or of its mistake `m`).
function fill(session, n, field, value, m = 0) {
  return session.evaluate(([n, field, value, m]) => {
    const scope = document.querySelector(`.problem[data-problem="${n}"]${m ? ` .mistake[data-mistake="${m}"]` : ''}`);
    const input = [...scope.querySelectorAll(`[data-field="${field}"]`)].find((e) => m || !e.closest('.mistake'));
    input.value = value;
    input.dispatchEvent(new Event('input', { bubbles: true }));
  }, [n, field, value, m]);
}

const faults = (session) => session.evaluate(() => [...document.querySelectorAll('#editor-faults .fault')].map((li) => li.textContent));

test('a set written in the editor is previewed, checked, saved, and practice runs it', { skip }, async (t, engine) => {
  const session = await openPage(site);
  await openEditor(session);
  // An empty problem: every missing field is listed at once.
  assert.deepEqual(await faults(session), ['problem 1: "prompt" must be non-empty text', 'problem 1: "answer" must be non-empty text']);
  await session.evaluate(() => {
    const title = document.getElementById('editor-title');
    title.value = 'Week 3';
    title.dispatchEvent(new Event('input'));
  });
  await fill(session, 1, 'id', 'solve');
  await fill(session, 1, 'prompt', 'Solve for $x$: $2x + 3 = 11$.');
  await fill(session, 1, 'answer', 'x=');
  assert.deepEqual(await faults(session), ['problem "solve": the answer "x=" is not valid math']);
  await fill(session, 1, 'answer', 'x=4');
  await fill(session, 1, 'hints', 'Take $3$ away from both sides.\nThen divide by 2.');
  await session.clickButton('Add a known mistake');
  await fill(session, 1, 'id', 'sign', 1);
  await fill(session, 1, 'answers', 'x=-4', 1);
  await fill(session, 1, 'message', 'Check the sign.', 1);
  await fill(session, 1, 'mini-prompt', 'Solve $x - 3 = 1$.', 1);
  await fill(session, 1, 'mini-answer', 'x=4', 1);
  assert.deepEqual(await faults(session), []);
  assert.match(await session.text('#editor-faults'), /No faults/);
  const shown = await session.evaluate(() => [...document.querySelectorAll('.problem .preview')].map((p) => p.querySelectorAll('.katex').length));
  assert.ok(shown.filter((n) => n > 0).length >= 4, `prompt, answer, hints and mistakes are typeset (${shown})`);
  assert.doesNotMatch(await session.evaluate(() => document.querySelector('.problem .field.wide .preview').textContent), /\$/);

  fs.mkdirSync(outDir, { recursive: true });
  await session.screenshot(path.join(outDir, `editor-${engine}.png`));
  const saved = JSON.parse(await session.download('Save the set'));
  assert.deepEqual(saved, {
    title: 'Week 3',
    problems: [{ id: 'solve', prompt: 'Solve for $x$: $2x + 3 = 11$.', answer: 'x=4', hints: ['Take $3$ away from both sides.', 'Then divide by 2.'],
      mistakes: [{ id: 'sign', answers: ['x=-4'], message: 'Check the sign.', mini: { prompt: 'Solve $x - 3 = 1$.', answer: 'x=4' } }] }],
  });

  // A worked problem asks for the math its steps start from.
  await session.evaluate(() => document.querySelector('.problem[data-problem="1"] [data-field="work"]').click());
  assert.deepEqual(await faults(session), ['problem 1 ("solve"): "latex" (the math the steps start from, needed with "work") must be non-empty text']);
  await fill(session, 1, 'latex', '2x + 3 = 11');
  assert.deepEqual(await faults(session), []);
  assert.match(await session.evaluate(() => document.getElementById('editor-json').textContent), /"work": true,\s*"latex": "2x \+ 3 = 11"/);

  // Practice runs the saved set: a wrong answer gets its mistake's message, a right one is right.
  await session.goto(site.url);
  await session.waitFor(() => document.body.dataset.ready === 'true');
  await openPractice(session, saved);
  await write(session, row('x=-4'));
  assert.equal(await checkAnswer(session), 'wrong');
  assert.match(await feedbackText(session), /Check the sign\./);
  await session.clickButton('Write it again');
  await write(session, row('x=4'));
  assert.equal(await checkAnswer(session), 'right');
  await session.close();
});

test('a set file with three faults is refused with all three and where they are', { skip }, async () => {
  const bad = JSON.stringify({ problems: [
    { id: 'a', prompt: 'p', answer: '' },
    { id: 'a', prompt: 'q', answer: '2' },
    { id: 'c', prompt: 'r', answer: '3', compare: 'roughly' },
  ] });
  const session = await openPage(site);
  await openPractice(session, { title: 'Fine', problems: [{ id: 'one', prompt: 'What is $1 + 3$?', answer: '4' }] });
  await session.click('.practice-drawer summary');
  await session.uploadFile('#practice-file', 'three-faults.json', bad);
  await session.waitFor(() => /Could not open three-faults\.json/.test(document.getElementById('practice-message').textContent));
  const said = await session.text('#practice-message');
  assert.match(said, /problem 1 \("a"\): "answer" must be non-empty text/);
  assert.match(said, /problem 2: the id "a" is used twice/);
  assert.match(said, /problem 3 \("c"\): "compare" must be "equivalent" or "exact"/);
  assert.equal(await session.evaluate(() => document.getElementById('practice').dataset.problem), 'one', 'the current set stays');

  // The editor opens the same file and lists the same three faults, to be fixed there.
  await openEditor(session);
  await session.uploadFile('#editor-file', 'three-faults.json', bad);
  await session.waitFor(() => document.querySelectorAll('#editor-faults .fault').length === 3);
  await fill(session, 1, 'answer', '1');
  await fill(session, 2, 'id', 'b');
  await session.evaluate(() => {
    const select = document.querySelector('.problem[data-problem="3"] select[data-field="compare"]');
    select.value = 'exact';
    select.dispatchEvent(new Event('change'));
  });
  assert.deepEqual(await faults(session), []);
  await session.close();
});
