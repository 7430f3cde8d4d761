// The practice screen as a child meets it, on phone and iPad sizes: only what a child
// needs, the symbol asked about shown on the ink, symbols joined and split by touch, a
// score at the end, each mode with its own ink, links and reloads that stay in practice,
// a page that scrolls where the paper is not, and scratch-out that keeps its message.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test, useSite, openPage, siteMissing, outDir, strokeCount } from './setup.mjs';
import { drawStrokes, inkBox } from './pen.mjs';
import { onePlusOne, line } from './shapes.mjs';
import { row, write, waitForState, sayWho, openPractice, checkAnswer, feedbackText } from './practice-page.mjs';

const site = useSite();
const skip = siteMissing() || false;

const SET = {
  title: 'Small set',
  problems: [
    { id: 'quarter', topic: 'Fractions', prompt: 'Simplify $\\frac{6}{8}$.', answer: '\\frac{3}{4}', hints: ['Divide top and bottom by 2.'] },
    {
      id: 'solve', topic: 'Linear equations', prompt: 'Solve for $x$: $2x + 3 = 11$.', answer: 'x=4',
      hints: ['Take 3 away from both sides first, so that $2x$ stands alone on the left: $2x + 3 - 3 = 11 - 3$.'],
      mistakes: [{ id: 'sign', answers: ['x=-4'], message: 'Check the sign of your answer: $x = -4$ and $x = 4$ are not the same.',
        mini: { prompt: 'Solve for $x$ when $x - 3 = 1$ and then add $3 + 1 + 2 - 2$ to check it.', answer: 'x=4' } }],
    },
  ],
};

const visible = (session, selector) => session.evaluate((selector) => {
  const e = document.querySelector(selector);
  return !!e && e.getClientRects().length > 0 && getComputedStyle(e).visibility !== 'hidden';
}, selector);

test('practice shows a child no LaTeX source and no InkML buttons; Write mode keeps them', { skip }, async () => {
  const session = await openPage(site);
  for (const s of ['#latex-label', '#copy', '#download', '#import']) assert.ok(await visible(session, s), `${s} in Write mode`);
  await openPractice(session, SET);
  for (const s of ['#latex-label', '#latex', '#copy', '#download', '#import']) assert.equal(await visible(session, s), false, `${s} in Practice`);
  await session.close();
});

test('a ?set= link opens practice with that set, and a reload stays in the mode it was in', { skip }, async () => {
  const session = await site.browser.newSession();
  await session.goto(new URL('index.html?set=web/problems/starter.json', site.url).href);
  await session.waitFor(() => document.body.dataset.ready === 'true');
  assert.equal(await session.evaluate(() => document.body.dataset.mode), 'practice');
  assert.equal(await session.evaluate(() => document.getElementById('practice').hidden), false);
  await waitForState(session, ['who']);
  await sayWho(session, 'Cleo');
  await waitForState(session, ['answering']);
  assert.match(await session.text('.practice-where'), /Problem 1 of 16/);
  await session.goto(site.url);
  await session.waitFor(() => document.body.dataset.ready === 'true');
  assert.equal(await session.evaluate(() => document.body.dataset.mode), 'practice', 'a reload stays in practice');
  await session.clickButton('Write');
  await session.reload();
  await session.waitFor(() => document.body.dataset.ready === 'true');
  assert.equal(await session.evaluate(() => document.body.dataset.mode), 'write', 'and in Write mode');
  await session.close();
});

test('each mode keeps its own ink', { skip }, async () => {
  const session = await openPage(site);
  const box = await inkBox(session);
  await drawStrokes(session, [line(box, [100, 100], [200, 200])]);
  await session.clickButton('Practice');
  await waitForState(session, ['who']);
  assert.equal(await strokeCount(session), 0, 'the Write ink does not come into Practice');
  await sayWho(session, 'Dan');
  await waitForState(session, ['answering']);
  await drawStrokes(session, onePlusOne(box));
  await session.clickButton('Write');
  await session.waitFor(() => document.getElementById('ink').dataset.strokeCount === '1');
  await session.reload();
  await session.waitFor(() => document.body.dataset.ready === 'true');
  assert.equal(await strokeCount(session), 1);
  await session.clickButton('Practice');
  await session.waitFor(() => document.getElementById('ink').dataset.strokeCount === '4');
  await session.close();
});

test('what is not math is not offered for checking; the symbols asked about are shown on the ink', { skip }, async () => {
  const session = await openPage(site);
  await openPractice(session, SET);
  await write(session, [{ label: '=', x: 60, y: 40, w: 60, h: 90 }, { label: '-', x: 150, y: 40, w: 60, h: 90 }]);
  assert.equal(await checkAnswer(session), 'confirm');
  assert.match(await feedbackText(session), /cannot read that as math/);
  assert.match(await feedbackText(session), /Tap a symbol below/);
  assert.equal(await session.evaluate(() => !!document.getElementById('practice-confirm')), false, 'no "Yes, check it"');
  assert.equal(await session.evaluate(() => document.querySelectorAll('.practice-highlight polyline').length), 3, 'the three strokes asked about');
  const [highlight, paper] = await session.evaluate(() => [document.querySelector('.practice-highlight-box').getBoundingClientRect().toJSON(),
    document.getElementById('ink').getBoundingClientRect().toJSON()]);
  assert.ok(highlight.left >= paper.left + 50 && highlight.left <= paper.left + 60, 'around the ink');
  // A symbol the recognizer offers no right alternative for: any symbol from the pad.
  await session.click('.practice-other >> nth=0');
  await session.click('.practice-key[data-label="y"]');
  await session.waitFor(() => /^y/.test(document.getElementById('latex').textContent));
  await session.clickButton('Write it again');
  assert.equal(await session.evaluate(() => document.querySelectorAll('.practice-highlight polyline').length), 0);
  await session.close();
});

test('strokes read as two symbols are joined into one, and one symbol split into two, by touch', { skip }, async () => {
  const session = await openPage(site);
  await openPractice(session, SET);
  // The two strokes of an x, read apart as ") (".
  await write(session, [{ label: 'x', x: 60, y: 40, w: 70, h: 90 }], { fix: false });
  await session.evaluate(async () => {
    const { page } = await import(new URL('web/app.js', document.baseURI).href);
    const [a, b] = page.store.strokes.map((s) => s.id);
    page.store.fix([a], ')');
    page.store.fix([b], '(');
  });
  assert.equal(await checkAnswer(session), 'confirm');
  await session.waitFor(() => document.querySelectorAll('.practice-join').length > 0);
  await session.click('.practice-join >> nth=0');
  await session.waitFor(() => document.querySelectorAll('.practice-key').length > 0);
  assert.equal(await session.evaluate(() => document.querySelectorAll('.practice-highlight polyline').length), 2);
  await session.click('.practice-key[data-label="x"]');
  await session.waitFor(() => document.getElementById('latex').textContent === 'x');
  const joined = await session.evaluate(async () => (await import(new URL('web/app.js', document.baseURI).href)).page.store.state.fixed);
  assert.deepEqual(joined.map((f) => [f.ids.length, f.label]), [[2, 'x']]);

  // And split again into 1 and -.
  await session.clickButton('Write it again').catch(() => {});
  await write(session, [{ label: '4', x: 60, y: 40, w: 70, h: 90 }], { fix: false });
  await session.evaluate(async () => {
    const { page } = await import(new URL('web/app.js', document.baseURI).href);
    page.store.fix(page.store.strokes.map((s) => s.id), '+');
  });
  const state = await checkAnswer(session);
  assert.equal(state, 'confirm', 'a lone + is not math');
  await session.waitFor(() => document.querySelectorAll('.practice-split').length === 1);
  await session.click('.practice-split');
  await session.click('.practice-key[data-label="4"]');
  await session.waitFor(() => /And this part/.test(document.getElementById('practice-feedback').textContent));
  await session.click('.practice-key[data-label="-"]');
  await session.waitFor(async () => (await import(new URL('web/app.js', document.baseURI).href)).page.store.state.fixed.length === 2);
  const split = await session.evaluate(async () => (await import(new URL('web/app.js', document.baseURI).href)).page.store.state.fixed);
  assert.deepEqual(split.map((f) => [f.ids.length, f.label]), [[1, '4'], [1, '-']]);
  await session.close();
});

test('a sure but wrong reading can be fixed: two strokes of an x read as ", >" are joined', { skip }, async () => {
  const session = await openPage(site);
  await openPractice(session, SET);
  await session.clickButton('Skip');
  await session.waitFor(() => document.getElementById('practice').dataset.problem === 'solve');
  await write(session, row('x=4'));
  await session.evaluate(async () => {
    const { page } = await import(new URL('web/app.js', document.baseURI).href);
    const [a, b] = page.store.strokes.map((s) => s.id);
    page.store.fix([a], ',');
    page.store.fix([b], '>');
  });
  await session.waitFor(() => document.getElementById('latex').textContent === ', > = 4');
  assert.equal(await checkAnswer(session), 'wrong');
  await session.clickButton('That is not what I wrote');
  await waitForState(session, ['confirm']);
  await session.waitFor(() => document.querySelectorAll('.practice-join').length > 0);
  await session.click('.practice-join >> nth=0');
  await session.click('.practice-key[data-label="x"]');
  await session.waitFor(() => document.getElementById('latex').textContent === 'x = 4' && !!document.getElementById('practice-confirm'));
  await session.clickButton('Yes, check it');
  assert.equal(await waitForState(session, ['right', 'wrong']), 'right');
  await session.close();
});

test('a right fraction is shown at a readable size, and the set ends with a score', { skip }, async () => {
  const session = await openPage(site);
  await openPractice(session, SET);
  await write(session, [
    { label: '2', x: 100, y: 20, w: 60, h: 80 },
    { label: '-', x: 80, y: 90, w: 100, h: 40 },
    { label: '4', x: 100, y: 140, w: 60, h: 80 },
  ]);
  await session.evaluate(async () => {
    // The numerator is 3: fixed as the child would by picking it.
    const { page } = await import(new URL('web/app.js', document.baseURI).href);
    page.store.fix([page.store.strokes[0].id], '3');
  });
  await session.waitFor(() => document.getElementById('latex').textContent === '\\frac{3}{4}');
  assert.equal(await checkAnswer(session), 'right', await feedbackText(session));
  // Its digits are set at least as large as the text around them (an inline fraction's are
  // set at 70%, about 14 px here).
  const sizes = await session.evaluate(() => [...document.querySelectorAll('.practice-verdict .mfrac .mord')]
    .filter((e) => e.children.length === 0 && /^[34]$/.test(e.textContent)).map((e) => parseFloat(getComputedStyle(e).fontSize)));
  assert.equal(sizes.length, 2);
  assert.ok(Math.min(...sizes) >= 24, `the fraction's digits are ${sizes} px`);
  // The reading box shows the fraction's symbol buttons whole, not cut off inside it.
  const cut = await session.evaluate(() => {
    const box = document.querySelector('.result').getBoundingClientRect();
    return [...document.querySelectorAll('#symbols .symbol')].filter((b) => b.getBoundingClientRect().bottom > box.bottom + 0.5).length;
  });
  assert.equal(cut, 0, 'symbol buttons below the reading box');
  fs.mkdirSync(outDir, { recursive: true });
  await session.clickButton('Next problem');
  await session.waitFor(() => document.getElementById('practice').dataset.problem === 'solve');
  assert.match(await session.text('.practice-where'), /★ 1/);
  await session.clickButton('Skip');
  await waitForState(session, ['done']);
  assert.equal(await session.text('#practice-score'), '1 of 2 right, 1 of them at the first try.');
  await session.close();
});

// Every button of the practice panel can be scrolled to and lies inside the screen's width;
// so can the whole paper.
async function reachable(session) {
  return session.evaluate(() => {
    const faults = [];
    const check = (e, name) => {
      e.scrollIntoView({ block: 'nearest', inline: 'nearest' });
      const r = e.getBoundingClientRect();
      if (r.left < -1 || r.right > innerWidth + 1 || r.top < -1 || r.bottom > innerHeight + 1) faults.push(`${name} at ${Math.round(r.left)},${Math.round(r.top)} ${Math.round(r.width)}×${Math.round(r.height)}`);
    };
    for (const b of document.querySelectorAll('#practice button, .bar button')) if (b.getClientRects().length) check(b, b.textContent.trim() || b.getAttribute('aria-label'));
    check(document.querySelector('.surface'), 'the paper');
    for (const k of document.querySelectorAll('.practice-feedback .katex, .practice-prompt .katex'))
      if (k.getClientRects().length > 1) faults.push(`math broken over lines: ${k.textContent.slice(0, 30)}`);
    return faults;
  });
}

for (const [width, height, name] of [[390, 844, 'phone'], [820, 1180, 'ipad-portrait'], [1180, 820, 'ipad-landscape']]) {
  test(`practice at ${width}×${height} (${name}): nothing cut off, the paper reachable`, { skip }, async (t, engine) => {
    const session = await openPage(site, { viewport: { width, height } });
    await openPractice(session, SET);
    await session.clickButton('Next problem').catch(() => {});
    await session.clickButton('Skip');
    await session.waitFor(() => document.getElementById('practice').dataset.problem === 'solve');
    await write(session, [...'x=-4'].map((label, i) => ({ label, x: 20 + i * 60, y: 30, w: 45, h: 70 })));
    assert.equal(await checkAnswer(session), 'wrong');
    await session.click('.practice-drawer summary');
    assert.deepEqual(await reachable(session), []);
    await session.evaluate(() => window.scrollTo(0, 0));
    fs.mkdirSync(outDir, { recursive: true });
    await session.screenshot(path.join(outDir, `practice-${name}-${engine}.png`));
    await session.evaluate(() => document.querySelector('.surface').scrollIntoView({ block: 'end' }));
    await session.screenshot(path.join(outDir, `practice-${name}-paper-${engine}.png`));
    await session.close();
  });
}

test('scratching out down a tall symbol erases it, and says so until the message has been read', { skip }, async () => {
  const session = await openPage(site);
  const box = await inkBox(session);
  await drawStrokes(session, onePlusOne(box));
  // The reading of all four strokes is in.
  await session.waitFor(async () => {
    const { page } = await import(new URL('web/app.js', document.baseURI).href);
    return page.reading.symbols.flatMap((s) => s.ids).length === 4;
  });
  // Back and forth over the last 1 (x = 380, y 110..210) while moving down.
  const scribble = [];
  for (let i = 0; i <= 9; i++) scribble.push([box.left + (i % 2 ? 398 : 362), box.top + 105 + 12 * i]);
  const points = [];
  for (let i = 0; i + 1 < scribble.length; i++)
    for (let k = 0; k < 6; k++) points.push([scribble[i][0] + ((scribble[i + 1][0] - scribble[i][0]) * k) / 6, scribble[i][1] + ((scribble[i + 1][1] - scribble[i][1]) * k) / 6]);
  await drawStrokes(session, [points]);
  assert.equal(await strokeCount(session), 3);
  await session.waitFor(async () => {
    const { page } = await import(new URL('web/app.js', document.baseURI).href);
    return page.reading.symbols.flatMap((s) => s.ids).length === 3;
  });
  await new Promise((r) => setTimeout(r, 150));
  assert.match(await session.text('#status'), /Scratched out 1 stroke/);
  await session.close();
});
