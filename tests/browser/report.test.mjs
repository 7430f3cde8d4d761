// The teacher's view (report.html): report files saved on two devices are opened (one with
// the file picker, one dropped), merged with an answer found in both counted once, and
// summarized per child, per topic and per misconception. The files are made here with the
// page's own report writer, from attempts whose outcomes the scenario knows.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test, useSite, siteMissing, outDir } from './setup.mjs';
import { attemptsToJson } from '../../web/practice/report.js';

const site = useSite();
const skip = siteMissing() || false;

const ana = { name: 'Ana', class: '4B' };
const ben = { name: 'Ben', class: '4C' };
const PROMPTS = {
  'add-1': ['Work out $27 + 15$.', '42', 'Arithmetic'],
  'add-1/carry': ['Work out $8 + 5$.', '13', 'Arithmetic'],
  'sub-1': ['Work out $52 - 17$.', '35', 'Arithmetic'],
  'mul-1': ['Work out $6 \\times 7$.', '42', 'Arithmetic'],
  'frac-1': ['Simplify $\\frac{6}{8}$.', '\\frac{3}{4}', 'Fractions'],
};

let minute = 0;
// An attempt as practice records it, with a stroke per character of what was written.
function attempt(child, problem, result, latex, { hints = 0, mistake = '', uid } = {}) {
  const [prompt, expected, topic] = PROMPTS[problem];
  const time = new Date(Date.UTC(2026, 2, 2, 9, minute++));
  const strokes = result === 'skipped' ? [] : [...latex.replace(/\W/g, '')].map((_, i) =>
    Array.from({ length: 8 }, (_, k) => [20 + 40 * i + 3 * k, 20 + (k % 2 ? 30 : 0) + k, 10 * k, 0.5]));
  return {
    uid: uid || `${child.name}-${minute}`, child, time: time.toISOString(), localTime: time.toISOString().slice(0, 19) + '+00:00',
    set: 'Starter set', problem, topic, miniOf: problem.includes('/') ? problem.split('/')[0] : '',
    prompt, expected, latex, confidence: 1, confirmed: false, result, hints, mistake, misconception: mistake,
    misconceptionText: mistake ? `The ${mistake} went wrong.` : '', strokes,
  };
}

const anaTries = [
  attempt(ana, 'add-1', 'wrong', '3 2', { mistake: 'carry' }),
  attempt(ana, 'add-1/carry', 'right', '1 3'),
  attempt(ana, 'add-1', 'right', '4 2', { hints: 1 }),
  attempt(ana, 'sub-1', 'right', '3 5', { uid: 'shared-ipad-sub-1' }),
  attempt(ana, 'mul-1', 'skipped', ''),
  attempt(ana, 'frac-1', 'unreadable', '\\frac{3}{'),
  attempt(ana, 'frac-1', 'wrong', '\\frac{4}{3}', { mistake: 'swap' }),
];
const benTries = [
  attempt(ben, 'add-1', 'wrong', '3 2', { mistake: 'carry' }),
  attempt(ben, 'add-1', 'wrong', '3 2', { hints: 1, mistake: 'carry' }),
  attempt(ben, 'add-1', 'right', '4 2', { hints: 2 }),
  attempt(ben, 'sub-1', 'wrong', '4 5', { mistake: 'borrow' }),
  attempt(ben, 'mul-1', 'right', '4 2'),
];
const deviceA = attemptsToJson(anaTries, { child: ana });
// The second device also saved Ana's answer to sub-1 (she used it once): counted once.
const deviceB = attemptsToJson([...benTries, anaTries[3]], { child: ben });

async function openReport(session) {
  await session.goto(new URL('report.html', site.url).href);
  await session.waitFor(() => document.body.dataset.ready === 'true');
}

// A file dropped on the drop area, as the Files app or Finder drops one.
function dropFile(session, name, text) {
  return session.evaluate(([name, text]) => {
    const data = new DataTransfer();
    data.items.add(new File([text], name, { type: 'application/json' }));
    const target = document.getElementById('drop');
    for (const type of ['dragenter', 'dragover', 'drop'])
      target.dispatchEvent(new DragEvent(type, { dataTransfer: data, bubbles: true, cancelable: true }));
  }, [name, text]);
}

const cells = (session, table) => session.evaluate((table) => Object.fromEntries([...document.querySelectorAll(`#${table} tbody tr`)]
  .map((tr) => [tr.dataset.key, Object.fromEntries([...tr.querySelectorAll('td')].map((td) => [td.dataset.field, td.textContent]))])), table);

test('the teacher view merges two devices\' reports and counts each child\'s answers', { skip }, async (t, engine) => {
  const session = await site.browser.newSession({ viewport: { width: 1100, height: 900 } });
  await openReport(session);
  await session.uploadFile('#files', 'inkmath-practice-Ana-2026-03-02.json', deviceA);
  await session.waitFor(() => document.querySelectorAll('#loaded li').length === 1);
  await dropFile(session, 'inkmath-practice-Ben-2026-03-02.json', deviceB);
  await session.waitFor(() => document.querySelectorAll('#children tbody tr').length === 2 && !!document.getElementById('duplicates'));
  assert.match(await session.text('#loaded'), /Ana-2026-03-02\.json: 7 answers/);
  assert.match(await session.text('#loaded'), /Ben-2026-03-02\.json: 6 answers/);
  assert.match(await session.text('#duplicates'), /^1 answer was in more than one file/);
  assert.equal(await session.evaluate(() => document.querySelectorAll('.attempt').length), 12);

  const children = await cells(session, 'children');
  assert.deepEqual(children.Ana, { problems: '4', answered: '3', first: '1 (33%)', hints: '1 (33%)', notyet: '1', skipped: '1', hintsSeen: '1', unreadable: '1', mini: '1 (0)' });
  assert.deepEqual(children.Ben, { problems: '3', answered: '3', first: '1 (33%)', hints: '1 (33%)', notyet: '1', skipped: '0', hintsSeen: '2', unreadable: '0', mini: '0 (0)' });
  const topics = await cells(session, 'topics');
  assert.deepEqual(await session.evaluate(() => [...document.querySelectorAll('#topics tbody tr')].map((tr) => tr.dataset.key)), ['Arithmetic', 'Fractions']);
  assert.equal(topics.Arithmetic.problems, '6');
  assert.equal(topics.Fractions.notyet, '1');

  // Misconceptions, most frequent first: carry (Ana once, Ben twice), then borrow and swap.
  const ranked = await session.evaluate(() => [...document.querySelectorAll('#misconceptions li')].map((li) => [li.dataset.id, Number(li.dataset.count)]));
  assert.deepEqual(ranked, [['carry', 3], ['borrow', 1], ['swap', 1]]);

  // Each answer shows its ink, its reading typeset (32, not "3 2") and the expected answer.
  const first = await session.evaluate(() => {
    const card = document.querySelector('.attempt');
    return { lines: card.querySelectorAll('svg.ink polyline').length, reading: card.querySelector('.reading .katex-mathml annotation')?.textContent,
      expected: !!card.querySelector('.expected .katex'), prompt: card.querySelector('.attempt-prompt').textContent };
  });
  assert.equal(first.lines, 2);
  assert.equal(first.reading, '32');
  assert.ok(first.expected);
  assert.doesNotMatch(first.prompt, /\$|\\/, 'the prompt is typeset, not LaTeX source');
  assert.ok(await session.evaluate(() => document.querySelector('#chart-children').width > 0 && !!window.Chart), 'the chart is drawn');

  // Filters: one child, then a day with no answers.
  await session.evaluate(() => {
    const select = document.getElementById('filter-child');
    select.value = 'Ben';
    select.dispatchEvent(new Event('change'));
  });
  await session.waitFor(() => document.querySelectorAll('#children tbody tr').length === 1);
  assert.equal(await session.evaluate(() => document.querySelectorAll('.attempt').length), 5);
  assert.deepEqual((await session.evaluate(() => [...document.querySelectorAll('#misconceptions li')].map((li) => li.dataset.id))), ['carry', 'borrow']);
  fs.mkdirSync(outDir, { recursive: true });
  await session.evaluate(() => {
    const select = document.getElementById('filter-child');
    select.value = '';
    select.dispatchEvent(new Event('change'));
  });
  await session.waitFor(() => document.querySelectorAll('#children tbody tr').length === 2);
  await session.screenshot(path.join(outDir, `report-${engine}.png`));
  if (engine === 'chromium') {
    await session.page.emulateMedia({ media: 'print' });
    assert.equal(await session.evaluate(() => getComputedStyle(document.getElementById('open')).display), 'none', 'the print layout leaves out the controls');
    await session.page.setViewportSize({ width: 794, height: 1123 });  // A4 at 96 dpi
    // The layout settles after the resize (the charts redraw at the new width).
    const fits = await session.waitFor(() => document.documentElement.scrollWidth <= innerWidth, undefined, { timeout: 5000 }).catch(() => false);
    assert.ok(fits, 'nothing is wider than the page');
    await session.page.screenshot({ path: path.join(outDir, 'report-print-chromium.png'), fullPage: false });
    const pdf = await session.page.pdf({ format: 'A4' });
    assert.ok(pdf.length > 1000);
  }
  const origin = new URL(site.url).origin;
  assert.deepEqual(session.requests.filter((url) => !url.startsWith(`${origin}/`) && !/^(data|blob):/.test(url)), [], 'nothing is sent anywhere');
  assert.deepEqual(session.consoleErrors ?? [], []);
  await session.close();
});

test('a file that is not a report is named with the reason, and the others still open', { skip }, async () => {
  const session = await site.browser.newSession();
  await openReport(session);
  await dropFile(session, 'notes.json', '{"hello": 1}');
  await session.waitFor(() => document.querySelectorAll('#loaded li').length === 1);
  assert.match(await session.text('#loaded'), /notes\.json: not read \(it is not an inkmath practice report\)/);
  await dropFile(session, 'ana.json', deviceA);
  await session.waitFor(() => document.querySelectorAll('.attempt').length === 7);
  await session.close();
});

test('the teacher\'s view and the editor work offline after one visit to the page', { skip }, async () => {
  const session = await site.browser.newSession();
  await session.goto(site.url);
  await session.waitFor(() => document.body.dataset.ready === 'true');
  await session.waitFor(async () => !!(await navigator.serviceWorker.ready).active && !!navigator.serviceWorker.controller, undefined, { timeout: 30000 });
  await session.setOffline(true);
  await openReport(session);
  assert.ok(await session.evaluate(() => typeof window.Chart === 'function'), 'Chart.js came from the offline copy');
  await dropFile(session, 'ana.json', deviceA);
  await session.waitFor(() => document.querySelectorAll('.attempt .katex').length > 0);
  await session.goto(new URL('editor.html', site.url).href);
  await session.waitFor(() => document.body.dataset.ready === 'true' && document.body.dataset.checker === 'ready');
  await session.close();
});

test('worked steps: the teacher\'s view lists each line, the first wrong step marked with its misconception', { skip }, async (t, engine) => {
  PROMPTS.lin = ['Solve for $x$: $2x + 3 = 11$.', 'x=4', 'Linear equations'];
  const wrong = {
    ...attempt(ana, 'lin', 'wrong', '\\begin{aligned}2 x + 3 &= 1 1 \\\\ 2 x &= 1 1 + 3 \\\\ x &= 7\\end{aligned}', { mistake: 'sign-move' }),
    mistake: '', misconceptionText: 'When a term moves to the other side of the equals sign, its sign changes: +3 becomes −3.',
    lines: ['2 x + 3 = 1 1', '2 x = 1 1 + 3', 'x = 7'], firstWrong: 1,
  };
  const right = { ...attempt(ana, 'lin', 'right', '\\begin{aligned}2 x + 3 &= 1 1 \\\\ 2 x &= 8 \\\\ x &= 4\\end{aligned}'), lines: ['2 x + 3 = 1 1', '2 x = 8', 'x = 4'], firstWrong: null };
  const session = await site.browser.newSession({ viewport: { width: 1100, height: 900 } });
  await openReport(session);
  await session.uploadFile('#files', 'inkmath-practice-Ana-2026-03-03.json', attemptsToJson([wrong, right], { child: ana }));
  await session.waitFor(() => document.querySelectorAll('.attempt ol.steps').length === 2);
  const steps = await session.evaluate(() => [...document.querySelectorAll('.attempt ol.steps')].map((ol) =>
    [...ol.querySelectorAll('li')].map((li) => [li.dataset.mark || '', li.querySelector('.katex') ? 'typeset' : li.textContent])));
  assert.deepEqual(steps, [
    [['right', 'typeset'], ['wrong', 'typeset'], ['', 'typeset']],
    [['right', 'typeset'], ['right', 'typeset'], ['right', 'typeset']],
  ]);
  assert.match(await session.text('.attempt li[data-mark="wrong"] .step-note'), /first wrong step: sign-move · “When a term moves/);
  assert.deepEqual(await session.evaluate(() => [...document.querySelectorAll('#misconceptions li')].map((li) => li.dataset.id)), ['sign-move']);
  fs.mkdirSync(outDir, { recursive: true });
  await session.evaluate(() => document.querySelector('.attempt').scrollIntoView());
  await session.screenshot(path.join(outDir, `report-steps-${engine}.png`));
  await session.close();
});
