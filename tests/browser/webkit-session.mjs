// The page-like driver of tests/browser/browsers.mjs for WebKit, over WebDriver
// (selenium-webdriver). WebDriver has no network or console API, so:
// - requests are the test server's log since the session opened plus the page's
//   performance entries (every resource the page loaded, other origins included);
// - intercepting and going offline are done by the test server (the server stops);
// - page errors are collected in the page from the moment it has loaded;
// - a session without service workers is one whose server answers sw.js with 404.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { By, Key, until } = require('selenium-webdriver');

const ERRORS = 'inkmath.test.errors';
const MODIFIERS = { Control: Key.CONTROL, Shift: Key.SHIFT, Alt: Key.ALT, Meta: Key.META };

// Runs in the page after each load: records uncaught errors and console.error calls.
function recordErrors(key) {
  const errors = (window[Symbol.for(key)] ??= []);
  if (errors.recording) return;
  errors.recording = true;
  window.addEventListener('error', (e) => errors.push(String(e.message)));
  window.addEventListener('unhandledrejection', (e) => errors.push(String(e.reason)));
  const consoleError = console.error.bind(console);
  console.error = (...args) => {
    errors.push(args.map(String).join(' '));
    consoleError(...args);
  };
}

// Runs in the page: the visible, enabled button whose accessible name is exactly `name`.
function buttonNamed(name) {
  const label = (el) => {
    const ids = el.getAttribute('aria-labelledby');
    if (ids) return ids.split(/\s+/).map((id) => document.getElementById(id)?.textContent ?? '').join(' ');
    return el.getAttribute('aria-label') ?? (el.value || el.textContent || el.title || '');
  };
  const clean = (s) => s.replace(/\s+/g, ' ').trim();
  return [...document.querySelectorAll('button, [role="button"], input[type="button"], input[type="submit"]')]
    .find((el) => el.getClientRects().length > 0 && !el.disabled && clean(label(el)) === name) ?? null;
}

// 'css >> nth=2' (the notation the scenarios share with Playwright) -> ['css', 2].
function parseSelector(selector) {
  const [, css, nth] = selector.match(/^(.*?)(?:\s*>>\s*nth=(\d+))?$/);
  return [css, nth === undefined ? 0 : Number(nth)];
}

export class WebKitSession {
  constructor(driver, server, { serviceWorkers, onClose = () => {}, onHang = () => {} }) {
    this.driver = driver;
    this.onClose = onClose;
    this.onHang = onHang;
    // WebDriver commands waiting for an answer, to tell a stalled browser from a slow page.
    this.inFlight = new Map();
    const execute = driver.execute.bind(driver);
    let next = 0;
    driver.execute = (command) => {
      const id = next++;
      this.inFlight.set(id, { name: command.getName(), since: Date.now() });
      return execute(command).finally(() => this.inFlight.delete(id));
    };
    this.server = server;
    this.firstRequest = server?.requests.length ?? 0;
    this.pageResources = new Set();
    this.consoleErrors = [];
    this.blocksServiceWorker = !serviceWorkers;
    if (this.blocksServiceWorker) server.intercept('/sw.js', { status: 404, body: 'no service worker' });
  }

  // The name of a WebDriver command unanswered for more than `ms`, or null. The page's own
  // waits are bounded by the session's timeouts (30 s), so such a command means the browser stalled.
  stalledCommand(ms) {
    for (const { name, since } of this.inFlight.values()) if (Date.now() - since > ms) return name;
    return null;
  }

  requireServer(what) {
    if (!this.server) throw new Error(`WebKit sessions need the test server to ${what}`);
    return this.server;
  }

  get requests() {
    const origin = this.server ? new URL(this.server.url).origin : '';
    const served = (this.server?.requests.slice(this.firstRequest) ?? []).map((p) => origin + p);
    return [...served, ...this.pageResources];
  }

  async afterLoad() {
    await this.driver.executeScript(`(${recordErrors})(arguments[0])`, ERRORS);
  }

  async goto(url) {
    await this.driver.get(url);
    await this.afterLoad();
  }

  async reload() {
    await this.evaluate(() => {});  // keep what the page loaded before it goes
    await this.driver.navigate().refresh();
    await this.afterLoad();
  }

  // Runs fn(arg) in the page; fn may be async. Also gathers the page's resources and errors.
  async evaluate(fn, arg) {
    const script = `const done = arguments[arguments.length - 1];
      const report = (result) => {
        result.resources = performance.getEntriesByType('resource').map((e) => e.name);
        result.errors = (window[Symbol.for(${JSON.stringify(ERRORS)})] ?? []).splice(0);
        done(result);
      };
      Promise.resolve().then(() => (${fn})(arguments[0]))
        .then((value) => report({ value: value === undefined ? null : value }),
              (error) => report({ error: String(error && error.stack || error) }));`;
    const result = await this.driver.executeAsyncScript(script, arg === undefined ? null : arg);
    result.resources.forEach((url) => this.pageResources.add(url));
    this.consoleErrors.push(...result.errors);
    if ('error' in result) throw new Error(`in the page: ${result.error}`);
    return result.value;
  }

  // Polls fn(arg) in the page until it returns something truthy, through reloads.
  async waitFor(fn, arg, { timeout = 20000 } = {}) {
    const deadline = Date.now() + timeout;
    let lastError;
    for (;;) {
      try {
        const value = await this.evaluate(fn, arg);
        if (value) return value;
      } catch (error) {
        lastError = error;
      }
      if (Date.now() > deadline) throw new Error(`waitFor timed out after ${timeout} ms${lastError ? `: ${lastError.message}` : ''}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  async element(selector, timeout = 10000) {
    const [css, nth] = parseSelector(selector);
    const found = () => this.driver.findElements(By.css(css)).then((all) => all[nth] ?? false);
    return this.driver.wait(found, timeout, `no element ${selector}`);
  }

  async click(selector) {
    const element = await this.element(selector);
    await this.driver.wait(until.elementIsVisible(element), 10000);
    await this.driver.wait(until.elementIsEnabled(element), 10000);
    await element.click();
  }

  async clickButton(name) {
    const button = await this.driver.wait(
      () => this.driver.executeScript(`return (${buttonNamed})(arguments[0])`, name),
      10000, `no enabled button named "${name}"`);
    await button.click();
  }

  async clickAndWaitForLoad(selector) {
    await this.evaluate(() => { window.inkmathOldPage = true; });
    await this.click(selector);
    await this.waitFor(() => !window.inkmathOldPage && document.readyState === 'complete', undefined, { timeout: 30000 });
    await this.afterLoad();
  }

  async press(keys) {
    const parts = keys.split('+');
    const key = parts.pop();
    const modifiers = parts.map((m) => MODIFIERS[m] ?? (() => { throw new Error(`unknown modifier ${m}`); })());
    let actions = this.driver.actions();
    for (const m of modifiers) actions = actions.keyDown(m);
    actions = actions.keyDown(key).keyUp(key);
    for (const m of modifiers.reverse()) actions = actions.keyUp(m);
    await actions.perform();
  }

  async text(selector) {
    await this.element(selector);
    const [css, nth] = parseSelector(selector);
    return this.evaluate(([css, nth]) => document.querySelectorAll(css)[nth].textContent, [css, nth]);
  }

  async screenshot(file) {
    fs.writeFileSync(file, await this.driver.takeScreenshot(), 'base64');
  }

  setOffline(offline) {
    this.wentOffline ||= offline;
    return this.requireServer('go offline').setOffline(offline);
  }

  async uploadFile(selector, name, text) {
    // The page reads the file after the input changes: it stays until the session closes.
    this.uploads ??= fs.mkdtempSync(path.join(os.tmpdir(), 'inkmath-upload-'));
    const file = path.join(fs.mkdtempSync(path.join(this.uploads, 'f')), name);
    fs.writeFileSync(file, text);
    await (await this.element(selector)).sendKeys(file);
  }

  // MiniBrowser under WebDriver drops downloads, so the page's download link is caught as
  // it is clicked, and the file it offers is read from the Blob behind its URL.
  async download(buttonName) {
    await this.evaluate(() => {
      delete window.inkmathDownload;  // the file of an earlier download
      const blobs = new Map();
      const createObjectURL = URL.createObjectURL, click = HTMLAnchorElement.prototype.click;
      URL.createObjectURL = (blob) => {
        const url = createObjectURL(blob);
        blobs.set(url, blob);
        return url;
      };
      HTMLAnchorElement.prototype.click = function () {
        if (!this.download) return click.call(this);
        URL.createObjectURL = createObjectURL;
        HTMLAnchorElement.prototype.click = click;
        window.inkmathDownload = blobs.has(this.href) ? blobs.get(this.href).text() : Promise.reject(new Error(`download of ${this.href}`));
      };
    });
    await this.clickButton(buttonName);
    return this.waitFor(() => window.inkmathDownload);
  }

  intercept(pattern, response, options) {
    this.requireServer('intercept requests').intercept(pattern, response, options);
  }

  stopIntercepting(pattern) {
    this.requireServer('intercept requests').stopIntercepting(pattern);
  }

  async close() {
    if (this.closed) return;
    this.closed = true;
    this.onClose();
    if (this.blocksServiceWorker) this.server.stopIntercepting('/sw.js');
    if (this.wentOffline) await this.server.setOffline(false);
    if (this.uploads) fs.rmSync(this.uploads, { recursive: true, force: true });
    // A MiniBrowser that does not quit within 10 s is stopped, so the next session can start.
    const quit = this.driver.quit().then(() => true, () => true);
    const quitInTime = await Promise.race([quit, new Promise((r) => setTimeout(() => r(false), 10000).unref())]);
    if (!quitInTime) this.onHang();
  }
}
