// Practice in the browser, for the scenarios: writing answers with the pen (each symbol's
// reading fixed, as a writer does by picking an alternative), and the practice panel's
// states, checks and reports.
import assert from 'node:assert/strict';
import { strokeCount } from './setup.mjs';
import { drawStrokes, inkBox } from './pen.mjs';

// --- writing ------------------------------------------------------------------------------

// Glyphs as polylines in a unit cell (x right, y down).
export const GLYPHS = {
  1: [[[0.5, 0], [0.5, 1]]],
  2: [[[0.1, 0.25], [0.3, 0.02], [0.6, 0], [0.85, 0.2], [0.8, 0.45], [0.1, 1], [0.95, 1]]],
  4: [[[0.6, 0], [0, 0.65], [1, 0.65]], [[0.75, 0.3], [0.75, 1]]],
  8: [Array.from({ length: 33 }, (_, i) => {
    const t = (i / 32) * 2 * Math.PI;
    return [0.5 + 0.45 * Math.sin(2 * t) / 1.2, 0.5 - 0.5 * Math.cos(t)];
  })],
  x: [[[0, 0.3], [1, 1]], [[1, 0.3], [0, 1]]],
  '=': [[[0, 0.45], [1, 0.45]], [[0, 0.75], [1, 0.75]]],
  '-': [[[0, 0.6], [1, 0.6]]],
};

export function sample(polyline, perSegment = 10) {
  const points = [];
  for (let i = 0; i + 1 < polyline.length; i++) {
    const [x0, y0] = polyline[i], [x1, y1] = polyline[i + 1];
    for (let k = 0; k < perSegment; k++) points.push([x0 + ((x1 - x0) * k) / perSegment, y0 + ((y1 - y0) * k) / perSegment]);
  }
  points.push(polyline[polyline.length - 1]);
  return points;
}

// A row of symbols, e.g. 'x=4', big, in the paper's upper left.
export function row(text) {
  return [...text].map((label, i) => ({ label, x: 60 + i * 90, y: 40, w: 60, h: 90 }));
}

// Draws the symbols ({ label, x, y, w, h } in CSS pixels inside #ink) with the pen, then
// fixes each symbol's reading, as picking it among the alternatives does.
export async function write(session, symbols, { fix = true } = {}) {
  const box = await inkBox(session);
  const before = await strokeCount(session);
  const groups = [];
  const strokes = [];
  for (const s of symbols) {
    const glyph = GLYPHS[s.label];
    groups.push({ label: s.label, count: glyph.length });
    for (const line of glyph) strokes.push(sample(line).map(([u, v]) => [box.left + s.x + u * s.w + 0.25, box.top + s.y + v * s.h + 0.5]));
  }
  await drawStrokes(session, strokes);
  assert.equal(await strokeCount(session), before + strokes.length);
  if (!fix) return;
  await session.evaluate(async ({ groups, before }) => {
    const { page } = await import(new URL('web/app.js', document.baseURI).href);
    const ids = page.store.strokes.slice(before).map((s) => s.id);
    let at = 0;
    for (const g of groups) {
      page.store.fix(ids.slice(at, at + g.count), g.label);
      at += g.count;
    }
  }, { groups, before });
}

// --- the page -------------------------------------------------------------------------------

export function waitForState(session, states, timeout = 30000) {
  return session.waitFor((states) => states.includes(document.getElementById('practice').dataset.state) &&
    document.getElementById('practice').dataset.state, states, { timeout });
}

// Practice asks who is practising once on a device; `name` answers it.
export async function sayWho(session, name = 'Test child', className = '') {
  await session.evaluate(([name, className]) => {
    document.getElementById('practice-name').value = name;
    document.getElementById('practice-class').value = className;
  }, [name, className]);
  await session.click('#practice-start');
}

export async function openPractice(session, set, { name, className } = {}) {
  await session.clickButton('Practice');
  if (await waitForState(session, ['answering', 'who']) === 'who') await sayWho(session, name, className);
  await waitForState(session, ['answering']);
  await session.click('.practice-drawer summary');
  await session.uploadFile('#practice-file', 'test-set.json', JSON.stringify(set));
  await session.waitFor(([title, first]) => document.getElementById('practice-message').textContent.includes(title) &&
    document.getElementById('practice').dataset.problem === first, [set.title, set.problems[0].id]);
  await session.click('.practice-drawer summary');
}

export async function checkAnswer(session) {
  await session.clickButton('Check my answer');
  return waitForState(session, ['right', 'wrong', 'confirm', 'choose', 'unreadable']);
}

export const feedbackText = (session) => session.text('#practice-feedback');
export const shownLatex = (session) => session.evaluate(() => document.getElementById('latex').textContent);

export async function reportCsv(session) {
  await session.click('.practice-drawer summary');
  const csv = await session.download('Save report (CSV)');
  await session.click('.practice-drawer summary');
  return csv;
}

export function csvRows(csv) {
  // The scenarios' cells hold no commas or quotes, so a plain split reads them.
  const [header, ...rows] = csv.trimEnd().split('\r\n').map((line) => line.split(','));
  return rows.map((cells) => Object.fromEntries(header.map((name, i) => [name, cells[i]])));
}

// The file name and text of the next report the page saves, for the button named `name`.
export async function downloadWithName(session, name) {
  await session.evaluate(() => {
    window.inkmathSavedAs = new Promise((resolve) => {
      const seen = new MutationObserver((changes) => {
        for (const c of changes) for (const node of c.addedNodes) if (node.download) { seen.disconnect(); resolve(node.download); }
      });
      seen.observe(document.body, { childList: true });
    });
  });
  const text = await session.download(name);
  return { file: await session.evaluate(() => window.inkmathSavedAs), text };
}
