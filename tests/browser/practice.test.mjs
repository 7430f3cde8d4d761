// Practice mode in the browser: an answer written on the paper is read by the recognizer,
// checked and answered. Most scenarios fix each written symbol's reading (as a writer does
// by picking an alternative), so that they do not depend on how well the classifier is
// trained: segmentation of the fixed groups, layout analysis, LaTeX, checking and the
// page's response are all real. The unsure-reading scenario uses stand-in weights, whose
// readings are never sure, and asserts the page's reaction to whatever was read.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { ComputeEngine } from '@cortex-js/compute-engine';
import { test, useSite, openPage, siteMissing, outDir, strokeCount, hasTrainedWeights } from './setup.mjs';
import { drawStrokes, inkBox, fitToBox } from './pen.mjs';
import { row, write, waitForState, sayWho, openPractice as openPracticeWith, checkAnswer, feedbackText, shownLatex, reportCsv, csvRows } from './practice-page.mjs';
import { validationFiles, readStrokes } from './crohme.mjs';
import { AnswerChecker } from '../../web/practice/check.js';
import { isUnsure } from '../../web/practice/confidence.js';
import { decide } from '../../web/practice/judgement.js';

const site = useSite();
const skip = siteMissing() || false;
const checker = new AnswerChecker(new ComputeEngine());
const { randomWeights } = createRequire(import.meta.url)('../node/random-weights.js');
const openPractice = (session, set = SET) => openPracticeWith(session, set);

const SET = {
  title: 'Test set',
  problems: [
    {
      id: 'solve',
      topic: 'Linear equations',
      prompt: 'Solve for $x$: $2x + 3 = 11$.',
      answer: 'x=4',
      hints: ['Take 3 away from both sides first.'],
      mistakes: [{
        id: 'sign',
        answers: ['x=-4'],
        message: 'Check the sign of your answer.',
        mini: { prompt: 'Solve for $x$: $x - 3 = 1$.', answer: 'x=4', hints: ['Add 3 to both sides.'] },
      }],
    },
    { id: 'sum', topic: 'Arithmetic', prompt: 'Work out $1 + 3$.', answer: '4', hints: ['Count on 3 from 1.'] },
  ],
};

// --- scenarios ---------------------------------------------------------------------------------

test('a correct answer is marked right and leads to the next problem', { skip }, async () => {
  const session = await openPage(site);
  await openPractice(session);
  await write(session, row('x=4'));
  assert.equal(await checkAnswer(session), 'right', await feedbackText(session));
  assert.equal(await shownLatex(session), 'x = 4');
  assert.match(await feedbackText(session), /Right!/);
  fs.mkdirSync(outDir, { recursive: true });
  await session.screenshot(path.join(outDir, 'practice-right.png'));
  await session.clickButton('Next problem');
  await session.waitFor(() => document.getElementById('practice').dataset.problem === 'sum');
  assert.equal(await strokeCount(session), 0, 'the paper is cleared for the next problem');
  assert.match(await session.text('#practice-where'), /Problem 2 of 2/);
  assert.deepEqual(session.consoleErrors, []);
  await session.close();
});

test('a wrong answer shows the hint and the mini problem for its mistake, then goes back', { skip }, async () => {
  const session = await openPage(site);
  await openPractice(session);
  await write(session, row('x=-4'));
  assert.equal(await checkAnswer(session), 'wrong', await feedbackText(session));
  assert.equal(checker.judge(SET.problems[0], await shownLatex(session)).mistake?.id, 'sign', `the reading ${await shownLatex(session)} is x = -4`);
  const said = await feedbackText(session);
  assert.match(said, /Not quite/);
  assert.match(said, /Check the sign of your answer\./);
  assert.match(said, /Hint: Take 3 away from both sides first\./);
  assert.match(said, /Let's practise that first: Solve for/);
  await session.screenshot(path.join(outDir, 'practice-wrong.png'));

  await session.clickButton('Try the mini problem');
  await session.waitFor(() => document.getElementById('practice').dataset.mini === 'true');
  assert.match(await session.text('#practice-where'), /Mini problem for problem 1 of 2/);
  assert.match(await session.text('#practice-prompt'), /Solve for/);
  assert.equal(await strokeCount(session), 0);
  await write(session, row('x=4'));
  assert.equal(await checkAnswer(session), 'right');
  await session.clickButton('Back to the problem');
  await session.waitFor(() => document.getElementById('practice').dataset.mini === 'false');
  assert.equal(await session.evaluate(() => document.getElementById('practice').dataset.problem), 'solve');
  assert.match(await feedbackText(session), /try the problem again/);

  const rows = csvRows(await reportCsv(session));
  assert.deepEqual(rows.map((r) => [r.problem, r.result, r.mistake]), [['solve', 'wrong', 'sign'], ['solve/sign', 'right', '']]);
  assert.deepEqual(session.consoleErrors, []);
  await session.close();
});

test('an equivalent form of the answer is accepted', { skip }, async () => {
  const session = await openPage(site);
  await openPractice(session);
  await write(session, row('4=x'));
  assert.equal(await checkAnswer(session), 'right', `${await shownLatex(session)}: ${await feedbackText(session)}`);
  assert.equal(await shownLatex(session), '4 = x');
  await session.clickButton('Next problem');
  await session.waitFor(() => document.getElementById('practice').dataset.problem === 'sum');
  // 8 over 2 for 4: a fraction, read from the layout of the fixed symbols.
  await write(session, [
    { label: '8', x: 100, y: 20, w: 60, h: 80 },
    { label: '-', x: 80, y: 90, w: 100, h: 40 },
    { label: '2', x: 100, y: 140, w: 60, h: 80 },
  ]);
  assert.equal(await checkAnswer(session), 'right', `${await shownLatex(session)}: ${await feedbackText(session)}`);
  assert.equal(await shownLatex(session), '\\frac{8}{2}');
  await session.close();
});

test('a digit written low is read on the line where no answer has a script: 42, not 4 sub 2', { skip }, async () => {
  const session = await openPage(site);
  await openPractice(session, { title: 'Times', problems: [{ id: 'times', prompt: 'Work out $6 \\times 7$.', answer: '42', mistakes: [{ id: 'carry', answers: ['32'] }] }] });
  // A small 2 below the 4's foot: the layout reads it as a subscript (a 2 only dropping below
  // the foot of a 4 reads as the next digit already).
  await write(session, [{ label: '4', x: 60, y: 40, w: 60, h: 90 }, { label: '2', x: 130, y: 155, w: 30, h: 45 }]);
  const verdict = await checkAnswer(session);
  assert.match(await shownLatex(session), /4_\{2\}/, 'the 2 is read as a subscript');
  assert.equal(verdict, 'right', await feedbackText(session));
  assert.match(await feedbackText(session), /Right!/);
  assert.deepEqual(session.consoleErrors, []);
  await session.close();
});

test('an unsure reading is shown for confirmation before it is judged', { skip }, async () => {
  const session = await site.browser.newSession({ serviceWorkers: false });
  // Every symbol of the problem's vocabulary (its answers', digits, + - = .) is a class.
  const standIn = Buffer.from(randomWeights({ classes: ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9', 'x', '=', '-', '+', '.', 'junk'], hidden: 8, dense: [32], points: 24, seed: 11 }));
  await session.intercept('weights/inkmath.bin', { status: 200, body: standIn, contentType: 'application/octet-stream' });
  try {
    await session.goto(site.url);
    await session.waitFor(() => document.body.dataset.ready === 'true');
    await openPractice(session);
    await write(session, row('4'), { fix: false });
    // Whole readings that disagree are offered first; "Something else" asks about the symbols.
    const asked = await checkAnswer(session);
    assert.ok(asked === 'confirm' || asked === 'choose', `${asked}: ${await feedbackText(session)}`);
    if (asked === 'choose') {
      await session.clickButton('Something else');
      await waitForState(session, ['confirm']);
    }
    const reading = await session.evaluate(async () => (await import(new URL('web/app.js', document.baseURI).href)).page.reading);
    assert.ok(reading.symbols.some(isUnsure), 'the stand-in weights read unsurely');
    assert.match(await feedbackText(session), /not sure I read that right|cannot read that as math/);
    assert.equal(await session.evaluate(() => document.getElementById('practice-feedback').dataset.kind), 'confirm', 'not marked wrong');
    await session.screenshot(path.join(outDir, 'practice-confirm.png'));

    // Picking an alternative reads the ink again; the confirmation shows the new reading.
    const offered = await session.evaluate(() => [...document.querySelectorAll('.practice-alternative')].map((b) => b.dataset.label));
    if (offered.length > 0) {
      await session.click('.practice-alternative >> nth=0');
      await session.waitFor((label) => document.getElementById('latex').textContent.includes(label) &&
        document.getElementById('practice').dataset.state === 'confirm', offered[0]);
    }
    const confirmedLatex = await shownLatex(session);
    await session.clickButton('Yes, check it');
    const verdict = await waitForState(session, ['right', 'wrong', 'unreadable']);
    assert.equal(verdict, checker.judge(SET.problems[0], confirmedLatex).verdict, `the page judged "${confirmedLatex}" as the checker does`);
    const rows = csvRows(await reportCsv(session));
    const judged = rows.filter((r) => r.result !== 'unreadable');
    if (verdict === 'unreadable') {
      assert.equal(judged.length, 0, 'what cannot be read is not reported as an answer');
    } else {
      assert.equal(judged.length, 1);
      assert.equal(judged[0].reading_confirmed, 'yes');
      assert.equal(judged[0].recognized_latex, confirmedLatex);
    }
  } finally {
    await session.stopIntercepting('weights/inkmath.bin');
    await session.close();
  }
});

// The first short validation expression whose truth reads as math: [file, truth LaTeX].
function replayableExpression() {
  for (const file of validationFiles()) {
    const strokes = readStrokes(file);
    if (strokes.length < 3 || strokes.length > 8) continue;
    const truth = /<annotation type="truth">\s*\$*([^<$]+?)\$*\s*<\/annotation>/.exec(fs.readFileSync(file, 'utf8'));
    if (truth && checker.readable(truth[1])) return [file, truth[1]];
  }
  return [null, null];
}

test('a replayed handwritten answer gets the response its reading calls for', { skip }, async (t) => {
  const [file, truth] = replayableExpression();
  if (!file) return t.skip('no short CROHME validation expression to replay');
  const set = { title: 'Copying', problems: [{ id: 'copy', prompt: `Copy this: $${truth}$`, answer: truth, hints: ['Look at each symbol.'] }] };
  const session = await openPage(site);
  await openPractice(session, set);
  await drawStrokes(session, fitToBox(readStrokes(file), await inkBox(session)));
  const verdict = await checkAnswer(session);
  const reading = await session.evaluate(async () => (await import(new URL('web/app.js', document.baseURI).href)).page.reading);
  const decision = decide(checker, set.problems[0], reading);
  const expected = decision.verdict === 'right' || decision.verdict === 'wrong' ? decision.verdict : decision.choices.length > 1 ? 'choose' : 'confirm';
  assert.equal(verdict, expected, `${path.basename(file)} (${truth}) read as "${reading.latex}"`);
  if (verdict === 'choose') {
    // The choices are the plausible readings; the first (the recognizer's best) is judged.
    await session.click('.practice-reading >> nth=0');
    const judged = await waitForState(session, ['right', 'wrong', 'unreadable']);
    assert.equal(judged, checker.judge(set.problems[0], decision.choices[0].latex).verdict);
  } else if (verdict === 'confirm' && !checker.readable(reading.latex)) {
    // What is not math is not offered for checking.
    await session.waitFor(() => !!document.getElementById('practice-rewrite'));
    assert.equal(await session.evaluate(() => !!document.getElementById('practice-confirm')), false);
  } else if (verdict === 'confirm') {
    await session.clickButton('Yes, check it');
    const judged = await waitForState(session, ['right', 'wrong', 'unreadable']);
    assert.equal(judged, checker.judge(set.problems[0], reading.latex).verdict);
  }
  await session.close();
});

test('the CSV report holds every judged attempt with its recognized LaTeX; the JSON report its ink', { skip }, async () => {
  const session = await openPage(site);
  await openPractice(session);
  const written = [];
  for (const answer of ['x=8', 'x=-4', 'x=4']) {
    if (await strokeCount(session)) await session.clickButton('Clear');
    await write(session, row(answer));
    await checkAnswer(session);
    written.push(await shownLatex(session));
  }
  const rows = csvRows(await reportCsv(session));
  assert.deepEqual(rows.map((r) => r.recognized_latex), written);
  assert.deepEqual(rows.map((r) => r.result), ['wrong', 'wrong', 'right']);
  assert.deepEqual(rows.map((r) => r.mistake), ['', 'sign', '']);
  assert.ok(rows.every((r) => r.problem === 'solve' && r.problem_set === 'Test set' && Number(r.confidence) === 1));

  await session.click('.practice-drawer summary');
  const report = JSON.parse(await session.download('Save report (InkML + JSON)'));
  assert.equal(report.attempts.length, 3);
  assert.deepEqual(report.attempts.map((a) => a.latex), written);
  assert.ok(report.attempts.every((a) => /<trace id="0">/.test(a.inkml)), 'each attempt carries its ink as InkML');

  // The report survives a reload (it is kept on the device).
  await session.reload();
  await session.waitFor(() => document.body.dataset.ready === 'true');
  await session.clickButton('Practice');
  await session.waitFor(() => /3 answers/.test(document.getElementById('practice-count').textContent));
  await session.close();
});

test('practice works offline after one visit, with no request to another site', { skip }, async () => {
  const session = await openPage(site);
  await session.clickButton('Practice');
  await waitForState(session, ['who']);
  await sayWho(session);
  await waitForState(session, ['answering']);
  await session.waitFor(async () => !!(await navigator.serviceWorker.ready).active && !!navigator.serviceWorker.controller, undefined, { timeout: 30000 });
  await session.setOffline(true);
  await session.reload();
  await session.waitFor(() => document.body.dataset.ready === 'true');
  await session.clickButton('Practice');
  await waitForState(session, ['answering']);
  assert.match(await session.text('#practice-where'), /Problem 1 of \d+/, 'the starter set came from the offline copy');
  assert.ok(await session.evaluate(() => !!document.querySelector('#practice-prompt .katex')), 'the prompt is typeset');
  if (hasTrainedWeights) {
    // The starter set's first problem: 27 + 15.
    await write(session, row('42'));
    assert.equal(await checkAnswer(session), 'right', await feedbackText(session));
  } else {
    // Stand-in weights are served by the test server, not part of the site, so offline only
    // the answer checker itself can be shown to load.
    assert.equal(await session.evaluate(async () =>
      typeof (await import(new URL('lib/compute-engine.js', document.baseURI).href)).ComputeEngine), 'function');
  }
  const origin = new URL(site.url).origin;
  const foreign = session.requests.filter((url) => !url.startsWith(`${origin}/`) && !/^(data|blob):/.test(url));
  assert.deepEqual(foreign, []);
  await session.close();
});
