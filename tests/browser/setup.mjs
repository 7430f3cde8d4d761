// What every browser scenario needs: the built site served on a free port, a browser
// for each engine under test, and the reasons to skip when a part is missing.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import nodeTest, { after, before } from 'node:test';
import { serveDirectory } from './server.mjs';
import { engines, launch, unavailable } from './browsers.mjs';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const distDir = path.resolve(repoRoot, process.env.INKMATH_DIST || 'dist');
export const trainedWeights = path.join(distDir, 'lib', 'weights', 'inkmath.bin');
export const hasTrainedWeights = fs.existsSync(trainedWeights);
export const outDir = path.join(repoRoot, 'tests', 'browser', 'out');

// Why the page cannot be tested here, or null.
export function siteMissing() {
  return fs.existsSync(path.join(distDir, 'index.html')) ? null : `no site in ${distDir} (run scripts/build)`;
}

// Until weights are trained, the page is served stand-in weights: the same format with
// random values (tests/node/random-weights.js), which read ink as nonsense, but through the
// whole pipeline, so the page's scenarios still run. The native reading uses the same file.
function standInWeights() {
  const { randomWeights } = createRequire(import.meta.url)('../node/random-weights.js');
  const classes = ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9', 'a', 'b', 'x', 'y', 'n', '+', '-', '=', '(', ')',
    '\\sqrt', '\\alpha', '\\pi', '\\sum', '\\int', '\\rightarrow', 'junk'];
  const file = path.join(os.tmpdir(), `inkmath-stand-in-weights-${process.pid}.bin`);
  fs.writeFileSync(file, randomWeights({ classes, hidden: 8, dense: [32], points: 24, seed: 7 }));
  process.on('exit', () => fs.rmSync(file, { force: true }));
  return file;
}

export const weightsFile = hasTrainedWeights ? trainedWeights : standInWeights();

export function trainedWeightsMissing() {
  return hasTrainedWeights ? null : `no trained weights in ${path.relative(repoRoot, trainedWeights)}`;
}

let fileSite = null;

// Starts the server for the file's tests, and each engine's browser before its first test;
// returns an object whose fields fill in before the first test runs. `browser` is the
// browser of the engine whose test is running.
export function useSite() {
  const browsers = new Map();
  const site = {
    url: null,
    server: null,
    engine: null,
    get browser() {
      return browsers.get(site.engine);
    },
    async use(engine) {
      site.engine = engine;
      await site.server?.setOffline(false);  // a scenario that failed offline left it stopped
      if (!browsers.has(engine)) browsers.set(engine, await launch(engine, { server: site.server }));
    },
  };
  fileSite = site;
  before(async () => {
    if (siteMissing()) return;
    site.server = await serveDirectory(distDir, hasTrainedWeights ? {} : { '/lib/weights/inkmath.bin': weightsFile });
    site.url = site.server.url;
  });
  after(async () => {
    await Promise.allSettled([...browsers.values()].map((b) => b.close()));
    await site.server?.close();
  });
  return site;
}

// A scenario, registered once per engine under test (INKMATH_BROWSERS) as "name [engine]",
// and skipped with the reason where that engine is missing. The file's site (useSite) drives
// that engine's browser; fn(t, engine) also gets the engine's name. A browser that stops
// answering fails the scenario after `timeout` instead of holding up the run.
export function test(name, options, fn) {
  if (typeof options === 'function') [options, fn] = [{}, options];
  for (const engine of engines) {
    const skip = options.skip || unavailable(engine) || false;
    nodeTest(`${name} [${engine}]`, { timeout: 180000, ...options, skip }, async (t) => {
      await fileSite?.use(engine);
      if (!fileSite?.browser?.stalledCommand) return fn(t, engine);
      // Now and then a MiniBrowser stops answering WebDriver altogether, or its web process
      // goes and a script's reply is lost: it is ended and the scenario runs once more. A page
      // that hangs fails on the session's timeouts instead.
      for (let attempt = 1; ; ++attempt) {
        const outcome = await unlessStalled(fileSite.browser, () => fn(t, engine));
        if (!outcome.stalled) return outcome.value;
        await fileSite.browser.abandonSessions();
        if (attempt === 2) throw new Error(`the browser stopped answering twice (${outcome.stalled})`);
        t.diagnostic(`the browser stopped answering (${outcome.stalled}); the scenario runs again`);
      }
    });
  }
}

// WebKitWebDriver's answer when the web process that ran a script went before replying.
const LOST_REPLY = /Could not parse script result/;

// Runs `run`; settles with { value }, or with { stalled: command } when the browser leaves a
// WebDriver command unanswered for a minute or loses a script's reply.
async function unlessStalled(browser, run) {
  let timer;
  const stall = new Promise((resolve) => {
    timer = setInterval(() => {
      const command = browser.stalledCommand(60000);
      if (command) resolve({ stalled: command });
    }, 1000);
  });
  try {
    const ran = run().then((value) => ({ value }), (error) => {
      if (LOST_REPLY.test(error?.message ?? '')) return { stalled: error.message };
      throw error;
    });
    return await Promise.race([ran, stall]);
  } finally {
    clearInterval(timer);
  }
}

// Opens the page in a fresh session and waits until it has started.
export async function openPage(site, options) {
  const session = await site.browser.newSession(options);
  await session.goto(site.url);
  await session.waitFor(() => document.body.dataset.ready === 'true');
  return session;
}

export function latexOf(session) {
  return session.evaluate(() => document.getElementById('latex').textContent);
}

export function strokeCount(session) {
  return session.evaluate(() => Number(document.getElementById('ink').dataset.strokeCount));
}

// Waits until #latex equals `is`, differs from `not`, or (with neither) is not empty.
export async function waitForLatex(session, { is, not } = {}, timeout = 20000) {
  return session.waitFor(([is, not]) => {
    const latex = document.getElementById('latex').textContent;
    if (is !== null) return latex === is;
    if (not !== null) return latex !== not;
    return latex.length > 0;
  }, [is ?? null, not ?? null], { timeout });
}
