// A new version of the site replaces the old one whole: the open page keeps running the
// old version until the user accepts the update, then reloads into the new one, and the
// old offline copy is gone.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test, distDir, siteMissing } from './setup.mjs';
import { serveDirectory } from './server.mjs';
import { launch } from './browsers.mjs';

const skip = siteMissing() || (fs.existsSync(path.join(distDir, 'sw.js')) ? false : 'the site has no sw.js');

// Publishes "version 2" into the served copy: a changed page and its service worker.
function publishNewVersion(dir) {
  const index = path.join(dir, 'index.html');
  fs.writeFileSync(index, fs.readFileSync(index, 'utf8').replace('<title>', '<title>v2 '));
  const sw = path.join(dir, 'sw.js');
  const source = fs.readFileSync(sw, 'utf8');
  const changed = source.replace(/("revision":")[0-9a-f]+(","url":"index.html")/, '$1v2$2');
  assert.notEqual(changed, source, 'sw.js lists index.html with a revision');
  fs.writeFileSync(sw, changed);
}

test('a new version takes over only when accepted, and completely', { skip }, async (t, engine) => {
  const copy = fs.mkdtempSync(path.join(os.tmpdir(), 'inkmath-site-'));
  t.after(() => fs.rmSync(copy, { recursive: true, force: true }));
  fs.cpSync(distDir, copy, { recursive: true });
  const server = await serveDirectory(copy);
  t.after(() => server.close());
  const browser = await launch(engine, { server });
  t.after(() => browser.close());
  const session = await browser.newSession();
  await session.goto(server.url);
  await session.waitFor(async () => !!(await navigator.serviceWorker.ready).active && !!navigator.serviceWorker.controller, undefined, { timeout: 30000 });
  const firstCaches = await session.evaluate(() => caches.keys());
  assert.equal(firstCaches.length, 1);

  publishNewVersion(copy);
  await session.reload();
  await session.waitFor(() => document.body.dataset.ready === 'true');
  assert.doesNotMatch(await session.evaluate(() => document.title), /^v2/, 'the old version is still served');
  await session.waitFor(() => !document.getElementById('update').hidden, undefined, { timeout: 30000 });

  await session.clickAndWaitForLoad('#update button');
  await session.waitFor(() => document.body.dataset.ready === 'true' && document.title.startsWith('v2'));
  const caches = await session.evaluate(() => caches.keys());
  assert.equal(caches.length, 1, 'one offline copy');
  assert.notDeepEqual(caches, firstCaches, 'and it is the new one');
  await session.close();
});
