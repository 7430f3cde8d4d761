// The page lays out and typesets the same in every engine: nothing overflows the iPad-sized
// window, the tools do not overlap, and the math is set in KaTeX's own fonts. Each engine
// leaves a screenshot in tests/browser/out/page-ENGINE.png to look at.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test, useSite, openPage, siteMissing, outDir, waitForLatex } from './setup.mjs';
import { drawStrokes, inkBox } from './pen.mjs';
import { onePlusOne } from './shapes.mjs';

const site = useSite();
const skip = siteMissing() || false;

// Runs in the page: boxes of the visible toolbar buttons, the drawing surface and the page.
function layout() {
  const box = (el) => {
    const r = el.getBoundingClientRect();
    return { left: r.left, top: r.top, right: r.right, bottom: r.bottom, width: r.width, height: r.height };
  };
  return {
    viewport: { width: innerWidth, height: innerHeight },
    scrollWidth: document.documentElement.scrollWidth,
    tools: [...document.querySelectorAll('.tools button')].filter((b) => b.getClientRects().length > 0)
      .map((b) => ({ name: b.getAttribute('aria-label'), ...box(b) })),
    ink: box(document.getElementById('ink')),
  };
}

// Runs in the page: the fonts the typeset math uses, once they have loaded.
async function mathFonts() {
  await document.fonts.ready;
  const families = new Set([...document.querySelectorAll('#math .katex-html *')]
    .filter((el) => el.childElementCount === 0 && el.textContent.trim())
    .map((el) => getComputedStyle(el).fontFamily.split(',')[0].replace(/"/g, '').trim()));
  const loaded = [...document.fonts].filter((f) => f.status === 'loaded').map((f) => f.family.replace(/"/g, ''));
  return { families: [...families], loaded, width: document.querySelector('#math .katex').getBoundingClientRect().width };
}

const overlap = (a, b) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;

test('the page fits the window, and the math is set in KaTeX fonts', { skip }, async (t, engine) => {
  const session = await openPage(site);
  const page = await session.evaluate(layout);
  assert.ok(page.scrollWidth <= page.viewport.width, `no sideways scrolling (${page.scrollWidth} > ${page.viewport.width})`);
  assert.ok(page.tools.length >= 5, 'the tools are shown');
  for (const [i, a] of page.tools.entries()) {
    assert.ok(a.left >= 0 && a.right <= page.viewport.width && a.height >= 32, `${a.name} is in view and big enough to tap`);
    for (const b of page.tools.slice(i + 1)) assert.ok(!overlap(a, b), `${a.name} and ${b.name} do not overlap`);
  }
  assert.ok(page.ink.width >= page.viewport.width * 0.8 && page.ink.height >= page.viewport.height * 0.4, 'the paper is large');

  await drawStrokes(session, onePlusOne(await inkBox(session)));
  await waitForLatex(session);
  const fonts = await session.evaluate(mathFonts);
  assert.ok(fonts.width > 10, 'the math has width');
  assert.ok(fonts.families.length > 0 && fonts.families.every((f) => f.startsWith('KaTeX_')), `math fonts: ${fonts.families}`);
  for (const family of fonts.families) assert.ok(fonts.loaded.includes(family), `${family} was loaded`);
  fs.mkdirSync(outDir, { recursive: true });
  await session.screenshot(path.join(outDir, `page-${engine}.png`));
  await session.close();
});
