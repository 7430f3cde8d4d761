// Practice as a class meets it: children give their names once on a device, share it
// (Switch child) without their answers mixing, and each report file carries its child's
// name, local times, readable prompts and readings, skipped problems, skipped mini
// problems and tries that could not be read.
import assert from 'node:assert/strict';
import { test, useSite, openPage, siteMissing, strokeCount } from './setup.mjs';
import { row, write, waitForState, sayWho, openPractice, checkAnswer, downloadWithName } from './practice-page.mjs';

const site = useSite();
const skip = siteMissing() || false;

const SET = {
  title: 'Class set',
  problems: [
    {
      id: 'solve', topic: 'Linear equations', prompt: 'Solve for $x$: $2x + 3 = 11$.', answer: 'x=4',
      hints: ['Take 3 away from both sides first.'],
      mistakes: [{ id: 'sign', answers: ['x=-4'], message: 'Check the sign of your answer.',
        mini: { prompt: 'Solve for $x$: $x - 3 = 1$.', answer: 'x=4' } }],
    },
    { id: 'times', topic: 'Arithmetic', prompt: 'What is $6 \\times 7$?', answer: '42' },
  ],
};

const count = (session) => session.text('#practice-count');

async function saveJson(session) {
  await session.click('.practice-drawer summary');
  const saved = await downloadWithName(session, 'Save report (InkML + JSON)');
  await session.click('.practice-drawer summary');
  return { file: saved.file, report: JSON.parse(saved.text) };
}

test('two children share a device: each has their own answers, place and report file', { skip }, async () => {
  const session = await openPage(site);
  await session.clickButton('Practice');
  assert.equal(await waitForState(session, ['who', 'answering']), 'who', 'practice asks who is practising');
  await sayWho(session, 'Ana', '4B');
  await openPractice(session, SET);
  assert.match(await session.text('.practice-where'), /^Ana \(4B\) · Problem 1 of 2/);
  await write(session, row('x=4'));
  assert.equal(await checkAnswer(session), 'right');
  await session.clickButton('Next problem');
  await session.waitFor(() => document.getElementById('practice').dataset.problem === 'times');
  await session.clickButton('Skip');
  await waitForState(session, ['done']);
  await session.waitFor(() => /^2 answers/.test(document.getElementById('practice-count').textContent));

  // Ben takes the iPad.
  await session.clickButton('Switch child');
  await waitForState(session, ['who']);
  assert.deepEqual(await session.evaluate(() => [...document.querySelectorAll('.practice-known-child')].map((b) => b.dataset.child)), ['Ana']);
  await sayWho(session, 'Ben');
  await openPractice(session, SET);
  assert.match(await count(session), /^0 answers/, "Ana's answers are not Ben's");
  // A try that is not math (a lone =) is kept as unreadable, never as wrong.
  await write(session, row('='));
  assert.equal(await checkAnswer(session), 'confirm');
  await session.clickButton('Write it again');
  assert.equal(await strokeCount(session), 0);
  await write(session, row('x=-4'));
  assert.equal(await checkAnswer(session), 'wrong');
  await session.clickButton('Try the mini problem');
  await session.waitFor(() => document.getElementById('practice').dataset.mini === 'true');
  await session.clickButton('Skip');
  await session.waitFor(() => document.getElementById('practice').dataset.mini === 'false');
  await session.waitFor(() => /^3 answers/.test(document.getElementById('practice-count').textContent));

  const { file, report } = await saveJson(session);
  assert.match(file, /^inkmath-practice-Ben-\d{4}-\d\d-\d\d\.json$/);
  assert.deepEqual(report.child, { name: 'Ben', class: '' });
  assert.deepEqual(report.attempts.map((a) => [a.child.name, a.problem, a.miniOf, a.result]),
    [['Ben', 'solve', '', 'unreadable'], ['Ben', 'solve', '', 'wrong'], ['Ben', 'solve/sign', 'solve', 'skipped']]);
  const wrong = report.attempts[1];
  assert.equal(wrong.promptText, 'Solve for x: 2x + 3 = 11.');
  assert.equal(wrong.reading, 'x=-4');
  assert.equal(wrong.misconception, 'sign');
  assert.match(wrong.localTime, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d\d:\d\d$/);
  const offset = await session.evaluate(() => -new Date().getTimezoneOffset());
  assert.equal(new Date(wrong.localTime).getTime(), new Date(wrong.time).getTime() - (new Date(wrong.time).getMilliseconds()), `local time with offset ${offset}`);

  // Ana again: her answers and her place (the end of the set) are where she left them.
  await session.clickButton('Switch child');
  await waitForState(session, ['who']);
  await session.click('.practice-known-child[data-child="Ana"]');
  await waitForState(session, ['done']);
  assert.match(await count(session), /^2 answers/);
  const ana = await saveJson(session);
  assert.match(ana.file, /^inkmath-practice-Ana-/);
  assert.deepEqual(ana.report.attempts.map((a) => [a.child.name, a.child.class, a.problem, a.result]),
    [['Ana', '4B', 'solve', 'right'], ['Ana', '4B', 'times', 'skipped']]);
  assert.equal(ana.report.attempts[1].promptText, 'What is 6 × 7?');

  // The device remembers who was practising.
  await session.reload();
  await session.waitFor(() => document.body.dataset.ready === 'true');
  await session.clickButton('Practice');
  assert.equal(await waitForState(session, ['who', 'answering', 'done']), 'done');
  assert.match(await session.text('.practice-where'), /^Ana/);
  await session.close();
});
