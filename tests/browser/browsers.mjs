// Browser launch, kept in one place so that the scenarios run unchanged in every engine:
// Chromium through playwright-core, WebKit through WebDriver (webkit.mjs, webkit-session.mjs).
// launch(engine, { server }) returns a browser whose sessions are page-like drivers with a small API:
//
//   goto(url), reload(), evaluate(fn, arg), waitFor(fn, arg, { timeout }),
//   click(selector), clickButton(accessibleName), clickAndWaitForLoad(selector), press(keys),
//   text(selector), screenshot(file),
//   setOffline(bool), requests (every URL the page, its workers and service worker asked for),
//   uploadFile(selector, name, text), download(buttonName) -> text,
//   intercept(pattern, response, { times }), stopIntercepting(pattern), close()
import fs from 'node:fs';
import { createRequire } from 'node:module';
import { startWebKit, webkitUnavailable } from './webkit.mjs';
import { WebKitSession } from './webkit-session.mjs';

const require = createRequire(import.meta.url);

const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
  '--disable-component-update', '--no-first-run', '--disable-sync'];

// The engines the scenarios run in, e.g. INKMATH_BROWSERS=webkit.
export const engines = (process.env.INKMATH_BROWSERS || 'chromium,webkit').split(',').map((e) => e.trim()).filter(Boolean);

// For timing (the benchmarks): WebKit then runs without its DMA-BUF renderer. With it, WebKitGTK
// composites every frame in the web process with Mesa's software GL (llvmpipe; this machine has
// no GPU), and the page's main thread waits for that: a worker's answer reaches the page a
// frame's software compositing late (100-300 ms for this page, whose paper scrolls inside
// rounded corners), and the first frames delay the page's start alike. An iPad composites on its
// GPU, outside the page's process. INKMATH_WEBKIT_GL=1 keeps the GL path. Call before launch():
// the browser processes inherit the setting.
export function compositeAsADeviceDoes() {
  if (process.env.INKMATH_WEBKIT_GL !== '1') process.env.WEBKIT_DISABLE_DMABUF_RENDERER = '1';
}

// Why the engine cannot run here, or null when it can.
export function unavailable(engine = 'chromium') {
  if (engine === 'webkit') return webkitUnavailable();
  if (engine !== 'chromium') return `browser engine ${engine} is not supported by tests/browser/browsers.mjs`;
  try {
    require.resolve('playwright-core');
  } catch {
    return 'playwright-core is not installed (npm ci)';
  }
  if (!fs.existsSync(CHROMIUM)) return `no Chromium at ${CHROMIUM} (set CHROMIUM)`;
  return null;
}

class Session {
  constructor(context, page) {
    this.context = context;
    this.page = page;
    this.requests = [];
    this.consoleErrors = [];
    context.on('request', (r) => this.requests.push(r.url()));
    page.on('console', (m) => m.type() === 'error' && this.consoleErrors.push(m.text()));
    page.on('pageerror', (e) => this.consoleErrors.push(String(e)));
  }

  goto(url) {
    return this.page.goto(url, { waitUntil: 'load' });
  }

  reload() {
    return this.page.reload({ waitUntil: 'load' });
  }

  evaluate(fn, arg) {
    return this.page.evaluate(fn, arg);
  }

  async waitFor(fn, arg, { timeout = 20000 } = {}) {
    const handle = await this.page.waitForFunction(fn, arg, { timeout, polling: 50 });
    return handle.jsonValue();
  }

  click(selector) {
    return this.page.locator(selector).click();
  }

  clickButton(name) {
    return this.page.getByRole('button', { name, exact: true }).click();
  }

  // Clicks something that makes the page load again; resolves once it has loaded.
  async clickAndWaitForLoad(selector) {
    await Promise.all([this.page.waitForEvent('load'), this.click(selector)]);
  }

  // A key press on the page, e.g. 'Control+Shift+z'.
  press(keys) {
    return this.page.keyboard.press(keys);
  }

  text(selector) {
    return this.page.locator(selector).textContent();
  }

  screenshot(file) {
    return this.page.screenshot({ path: file });
  }

  setOffline(offline) {
    return this.context.setOffline(offline);
  }

  uploadFile(selector, name, text) {
    return this.page.locator(selector).setInputFiles({ name, mimeType: 'application/xml', buffer: Buffer.from(text) });
  }

  async download(buttonName) {
    const [download] = await Promise.all([this.page.waitForEvent('download'), this.clickButton(buttonName)]);
    return fs.readFileSync(await download.path(), 'utf8');
  }

  // Answers requests whose URL contains `pattern` with `response` ({ status, body,
  // contentType }, or 'fail' for a network error), `times` times (default: until stopped).
  intercept(pattern, response, { times } = {}) {
    this.matchers ??= new Map();
    const matcher = (url) => url.href.includes(pattern);
    this.matchers.set(pattern, matcher);
    return this.context.route(matcher, (route) =>
      response === 'fail' ? route.abort('failed') : route.fulfill({ contentType: 'text/plain', ...response }), { times });
  }

  stopIntercepting(pattern) {
    return this.context.unroute(this.matchers.get(pattern));
  }

  close() {
    return this.context.close();
  }
}

// server: the test server the sessions use; WebKit sessions need it to intercept
// requests, go offline and run without service workers.
export async function launch(engine = 'chromium', { server } = {}) {
  const reason = unavailable(engine);
  if (reason) throw new Error(reason);
  if (engine === 'webkit') return launchWebKit(server);
  const { chromium } = require('playwright-core');
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  return {
    // serviceWorkers: false blocks them (needed where tests replace files on the way).
    async newSession({ serviceWorkers = true, viewport = { width: 1024, height: 768 }, deviceScaleFactor = 2 } = {}) {
      const context = await browser.newContext({
        serviceWorkers: serviceWorkers ? 'allow' : 'block',
        viewport,
        deviceScaleFactor,
        acceptDownloads: true,
        permissions: ['clipboard-read', 'clipboard-write'],
      });
      return new Session(context, await context.newPage());
    },
    close: () => browser.close(),
  };
}

// Each WebKit session is a fresh MiniBrowser with its own empty profile. Its device scale
// factor is the display's (1, see webkit.mjs); the viewport is the window's inside.
async function launchWebKit(server) {
  const output = [];  // the driver's and MiniBrowser's last lines, to explain a failed start
  const webkit = await startWebKit({ log: (line) => output.push(line) > 20 && output.shift() });
  const sessions = new Set();
  return {
    async newSession({ serviceWorkers = true, viewport = { width: 1024, height: 768 } } = {}) {
      // WebKitWebDriver drives one MiniBrowser at a time: one a failed scenario left open goes.
      await Promise.allSettled([...sessions].map((s) => s.close()));
      if (!serviceWorkers && !server) throw new Error('WebKit sessions without service workers need the test server');
      const starting = new Promise((resolve, reject) => {
        setTimeout(() => reject(new Error('no answer in 60 s')), 60000).unref();
        webkit.newDriver().then(resolve, reject);
      });
      const driver = await starting.catch((error) => {
        webkit.killBrowsers();
        throw new Error(`MiniBrowser did not start: ${error.message}\n${output.join('\n')}`);
      });
      const session = new WebKitSession(driver, server,
        { serviceWorkers, onClose: () => sessions.delete(session), onHang: webkit.killBrowsers });
      sessions.add(session);
      try {
        // A page that does not load or a script that does not answer fails within 30 s.
        await driver.manage().setTimeouts({ pageLoad: 30000, script: 30000 });
        const window = driver.manage().window();
        await window.setRect(viewport);
        const inside = await driver.executeScript('return [innerWidth, innerHeight]');
        await window.setRect({ width: 2 * viewport.width - inside[0], height: 2 * viewport.height - inside[1] });
      } catch (error) {
        await session.close();
        throw error;
      }
      return session;
    },
    // A WebDriver command of an open session unanswered for more than `ms`, or null.
    stalledCommand(ms) {
      for (const session of sessions) {
        const name = session.stalledCommand(ms);
        if (name) return name;
      }
      return null;
    },
    // Ends every open session, stalled or not.
    async abandonSessions() {
      webkit.killBrowsers();
      await Promise.allSettled([...sessions].map((s) => s.close()));
    },
    async close() {
      // A MiniBrowser that no longer answers is ended with the driver.
      const closing = Promise.allSettled([...sessions].map((s) => s.close()));
      await Promise.race([closing, new Promise((r) => setTimeout(r, 5000).unref())]);
      await webkit.close();
    },
  };
}
