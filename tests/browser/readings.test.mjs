// Whole readings on the page: tapping the reading offers the recognizer's second and third
// readings, and choosing one applies it; in practice, readings that disagree about an answer
// are offered as a question ("Did you write 0, 6 or 8?"), never the expected answer alone.
// Stand-in weights (random, with no language part) give several close readings of any ink,
// so the scenarios do not depend on a trained classifier; what is asserted follows from the
// readings the page itself got.
import assert from 'node:assert/strict';
import path from 'node:path';
import { createRequire } from 'node:module';
import { ComputeEngine } from '@cortex-js/compute-engine';
import { test, useSite, siteMissing, outDir } from './setup.mjs';
import { write, waitForState, openPractice, checkAnswer, csvRows, reportCsv } from './practice-page.mjs';
import { AnswerChecker } from '../../web/practice/check.js';
import { decide } from '../../web/practice/judgement.js';

const site = useSite();
const skip = siteMissing() || false;
const checker = new AnswerChecker(new ComputeEngine());
const { randomWeights } = createRequire(import.meta.url)('../node/random-weights.js');
const CLASSES = ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9', 'x', '=', '-', '+', '.', ',', 'junk'];
const standIn = Buffer.from(randomWeights({ classes: CLASSES, hidden: 8, dense: [32], points: 24, seed: 13 }));

async function standInSession() {
  const session = await site.browser.newSession({ serviceWorkers: false });
  await session.intercept('weights/inkmath.bin', { status: 200, body: standIn, contentType: 'application/octet-stream' });
  await session.goto(site.url);
  await session.waitFor(() => document.body.dataset.ready === 'true');
  return session;
}

const pageReading = (session) => session.evaluate(async () => (await import(new URL('web/app.js', document.baseURI).href)).page.reading);

// The reading of the ink now on the paper, once it has several whole readings and the page has
// settled (the same reading twice, a moment apart: a pen-up may still be on its way).
async function readingWithChoices(session) {
  const current = () => session.evaluate(async () => {
    const { page } = await import(new URL('web/app.js', document.baseURI).href);
    const r = page.reading;
    const onPaper = page.store.strokes.length;
    const ready = onPaper > 0 && r.symbols.flatMap((s) => s.ids).length === onPaper && (r.readings || []).length >= 2;
    return ready ? JSON.stringify(r) : null;
  });
  let last = null;
  for (let tries = 0; tries < 100; tries += 1) {
    const now = await current();
    if (now && now === last) return JSON.parse(now);
    last = now;
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
  throw new Error('no settled reading with several whole readings');
}

test('tapping the reading offers the next whole readings; choosing one applies it', { skip }, async () => {
  const session = await standInSession();
  try {
    await write(session, [{ label: '4', x: 60, y: 40, w: 60, h: 90 }], { fix: false });
    const reading = await readingWithChoices(session);
    assert.equal(await session.evaluate(() => document.getElementById('readings').hidden), true, 'closed until the reading is tapped');
    await session.click('#math');
    await session.waitFor(() => !document.getElementById('readings').hidden);
    const offered = await session.evaluate(() => [...document.querySelectorAll('#readings .reading-choice')].map((b) => b.dataset.latex));
    assert.deepEqual(offered, reading.readings.slice(1, 3).map((r) => r.latex), 'the second and third readings');
    assert.ok(await session.evaluate(() => !!document.querySelector('#readings .reading-choice .katex')), 'typeset');
    assert.equal(await session.evaluate(() => document.getElementById('math').getAttribute('aria-expanded')), 'true');
    await session.screenshot(path.join(outDir, 'readings-menu.png'));

    // Choosing the third reading fixes the symbols whose label differs; the page reads it so.
    const chosen = offered.at(-1);
    await session.click(`#readings .reading-choice >> nth=${offered.length - 1}`);
    await session.waitFor((latex) => document.getElementById('latex').textContent === latex, chosen);
    assert.equal(await session.evaluate(() => document.getElementById('readings').hidden), true);
    const after = await pageReading(session);
    const wanted = reading.readings.at(offered.length).labels;
    assert.deepEqual(after.symbols.map((s) => s.label), wanted);
    assert.ok(after.symbols.some((s) => s.fixed), 'the differing symbols are fixed');
    // Undo takes the choice back in one step.
    await session.clickButton('Undo');
    await session.waitFor((latex) => document.getElementById('latex').textContent === latex, reading.latex);
  } finally {
    await session.stopIntercepting('weights/inkmath.bin');
    await session.close();
  }
});

test('readings that disagree about an answer are asked about, with every plausible one as a choice', { skip }, async () => {
  const session = await standInSession();
  try {
    const first = { title: 'Warm-up', problems: [{ id: 'warm', prompt: 'Write a digit.', answer: '5' }] };
    await openPractice(session, first);
    await write(session, [{ label: '4', x: 60, y: 40, w: 60, h: 90 }], { fix: false });
    const reading = await readingWithChoices(session);
    // A problem whose answer is a reading other than the first: the readings disagree.
    const answer = reading.readings.slice(1).map((r) => r.latex).find((l) => checker.readable(l) && !checker.matches(l, reading.latex));
    assert.ok(answer, `a readable second reading among ${reading.readings.map((r) => r.latex)}`);
    const set = { title: 'Which one', problems: [{ id: 'which', prompt: 'Write it.', answer }] };
    await openPractice(session, set);
    const asked = await readingWithChoices(session);
    const expected = decide(checker, set.problems[0], asked);
    assert.equal(expected.verdict, 'ask');
    assert.equal(await checkAnswer(session), 'choose');
    const shown = await session.evaluate(() => [...document.querySelectorAll('.practice-reading')].map((b) => b.dataset.latex));
    assert.deepEqual(shown, expected.choices.map((c) => c.latex));
    assert.ok(shown.length >= 2 && shown.includes(answer) && shown.some((l) => l !== answer), `never the answer alone: ${shown}`);
    assert.match(await session.text('#practice-feedback'), /Did you write/);
    assert.ok(await session.evaluate(() => !!document.querySelector('.practice-reading .katex')), 'the choices are typeset');
    await session.screenshot(path.join(outDir, 'practice-choose.png'));

    // The child's choice is judged, and kept as a confirmed reading.
    await session.click(`.practice-reading[data-latex="${answer}"]`);
    assert.equal(await waitForState(session, ['right', 'wrong']), 'right');
    const rows = csvRows(await reportCsv(session)).filter((r) => r.problem === 'which');
    const judged = rows.filter((r) => r.result !== 'unreadable');
    assert.deepEqual(judged.map((r) => [r.result, r.reading_confirmed, r.recognized_latex]), [['right', 'yes', answer]]);
    // A first reading that is not math is kept as an unreadable try, never as a wrong answer.
    assert.equal(rows.length - judged.length, checker.readable(asked.latex) ? 0 : 1);
  } finally {
    await session.stopIntercepting('weights/inkmath.bin');
    await session.close();
  }
});

test('write mode reads with the symbols chosen, and keeps the choice across reloads', { skip }, async () => {
  const session = await standInSession();
  try {
    const numbers = ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9', '+', '-', '.', ','];
    const pressed = () => session.evaluate(() => document.querySelector('#vocabulary [aria-pressed="true"]').dataset.vocabulary);
    assert.equal(await pressed(), 'all');
    await write(session, [{ label: 'x', x: 60, y: 40, w: 60, h: 90 }, { label: '=', x: 150, y: 40, w: 60, h: 90 }], { fix: false });
    await session.clickButton('Numbers only');
    assert.equal(await pressed(), 'numbers');
    // The ink is read again with only numbers' symbols allowed.
    await session.waitFor(async (numbers) => {
      const { page } = await import(new URL('web/app.js', document.baseURI).href);
      const r = page.reading;
      return r.symbols.length > 0 && r.symbols.every((s) => numbers.includes(s.label) && s.alternatives.every((a) => numbers.includes(a.label)));
    }, numbers);
    await session.reload();
    await session.waitFor(() => document.body.dataset.ready === 'true');
    assert.equal(await pressed(), 'numbers', 'kept across the reload');
    await session.clickButton('All symbols');
    assert.equal(await pressed(), 'all');
  } finally {
    await session.stopIntercepting('weights/inkmath.bin');
    await session.close();
  }
});
