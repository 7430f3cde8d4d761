// Real handwriting from the CROHME validation set, replayed as pen input, reads the same on
// the page as on the command line, and is typeset.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test, useSite, openPage, siteMissing, repoRoot, weightsFile, outDir, waitForLatex } from './setup.mjs';
import { pickExpression, readStrokes, nativeReading, dataDir } from './crohme.mjs';
import { drawStrokes, fitToBox, inkBox } from './pen.mjs';

const site = useSite();
const cli = path.join(repoRoot, 'build', 'native', 'inkmath');
const file = siteMissing() ? null : pickExpression();
const skip = siteMissing() || (file ? null : `no CROHME validation expressions under ${dataDir()}`) ||
  (fs.existsSync(cli) ? null : 'no build/native/inkmath to compare with (run scripts/build)');

test('a handwritten expression reads as on the command line and is typeset', { skip: skip || false }, async (t, engine) => {
  const expected = nativeReading(file, weightsFile);
  const session = await openPage(site);
  const strokes = fitToBox(readStrokes(file), await inkBox(session));
  await drawStrokes(session, strokes);
  await waitForLatex(session, { is: expected }).catch(() => {});
  assert.equal(await session.text('#latex'), expected, `reading of ${path.basename(file)}`);
  const typeset = await session.evaluate(() => !!document.querySelector('#math .katex .katex-mathml math') &&
    !!document.querySelector('#math .katex-html'));
  assert.ok(typeset, 'KaTeX rendered the reading (HTML and MathML) into #math');
  assert.equal(await session.evaluate(() => Number(document.getElementById('ink').dataset.strokeCount)), strokes.length);
  fs.mkdirSync(outDir, { recursive: true });
  await session.screenshot(path.join(outDir, `recognized-${engine}.png`));
  assert.deepEqual(session.consoleErrors, []);
  await session.close();
});

test('picking an alternative for a symbol changes the reading, and undo brings it back', { skip: skip || false }, async () => {
  const session = await openPage(site);
  await drawStrokes(session, fitToBox(readStrokes(file), await inkBox(session)));
  await waitForLatex(session, { is: nativeReading(file, weightsFile) });
  const before = await session.text('#latex');
  // A symbol read surely offers only its real look-alikes, possibly none: take the first
  // symbol that offers one.
  const symbolCount = await session.evaluate(() => document.querySelectorAll('#symbols .symbol').length);
  let alternatives = [];
  for (let i = 0; i < symbolCount && alternatives.length < 2; ++i) {
    await session.click(`#symbols .symbol >> nth=${i}`);
    alternatives = await session.evaluate(() =>
      [...document.querySelectorAll('#alternatives .alternative')].map((b) => ({ label: b.dataset.label, chosen: b.getAttribute('aria-pressed') === 'true' })));
  }
  assert.ok(alternatives.length >= 2, 'a symbol of the expression offers alternatives');
  assert.ok(alternatives[0].chosen, 'the current reading comes first');
  const pick = alternatives.findIndex((a) => !a.chosen);
  await session.click(`#alternatives .alternative >> nth=${pick}`);
  const after = await waitForLatex(session, { not: before }).then(() => session.text('#latex'));
  assert.notEqual(after, before);
  assert.ok(after.includes(alternatives[pick].label), `"${after}" uses the picked ${alternatives[pick].label}`);
  await session.clickButton('Undo');
  await waitForLatex(session, { is: before });
  await session.close();
});
