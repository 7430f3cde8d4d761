// WebKit (the engine of every iPad browser) through WebKitGTK's WebDriver: starts a private
// X display (Xvfb) and WebKitWebDriver on free ports, opens MiniBrowser sessions, and stops
// everything it started when closed, when the process exits, or when it is interrupted.
import fs from 'node:fs';
import net from 'node:net';
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

const DRIVER = process.env.WEBKIT_WEBDRIVER || '/usr/bin/WebKitWebDriver';
const MINIBROWSER = process.env.WEBKIT_MINIBROWSER || '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser';
const XVFB = process.env.XVFB || '/usr/bin/Xvfb';
// The clipboard setting lets a scenario read back what the page copied (Safari would ask).
const BROWSER_ARGS = ['--automation', '--javascript-can-access-clipboard=true'];

// Why WebKit cannot run here, or null when it can.
export function webkitUnavailable() {
  try {
    require.resolve('selenium-webdriver');
  } catch {
    return 'selenium-webdriver is not installed (npm ci)';
  }
  for (const [file, pkg] of [[DRIVER, 'webkit2gtk-driver'], [MINIBROWSER, 'webkit2gtk-driver'], [XVFB, 'xvfb']]) {
    if (!fs.existsSync(file)) return `no ${file} (install ${pkg})`;
  }
  return null;
}

const running = new Set();
function stopAll() {
  for (const child of running) child.kill('SIGKILL');
  running.clear();
}
process.on('exit', stopAll);
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.once(signal, () => {
    stopAll();
    process.exit(128 + (signal === 'SIGINT' ? 2 : 15));
  });
}

function start(command, args, options) {
  const child = spawn(command, args, options);
  running.add(child);
  child.on('exit', () => running.delete(child));
  return child;
}

function stop(child) {
  if (!child || child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', resolve);
    child.kill('SIGTERM');
    setTimeout(() => child.kill('SIGKILL'), 2000).unref();
  });
}

// Xvfb picks a free display itself and writes its number to the given descriptor.
function startDisplay() {
  const xvfb = start(XVFB, ['-displayfd', '3', '-screen', '0', '1600x1200x24', '-nolisten', 'tcp'],
    { stdio: ['ignore', 'ignore', 'pipe', 'pipe'] });
  return new Promise((resolve, reject) => {
    let text = '', errors = '';
    xvfb.stderr.on('data', (d) => { errors += d; });
    xvfb.stdio[3].on('data', (d) => {
      text += d;
      if (text.includes('\n')) resolve({ process: xvfb, display: `:${text.trim()}` });
    });
    xvfb.once('error', reject);
    xvfb.once('exit', (code) => reject(new Error(`Xvfb exited (${code}): ${errors.trim()}`)));
  });
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

async function waitUntilAnswering(url, driver, timeout = 15000) {
  const deadline = Date.now() + timeout;
  for (;;) {
    if (driver.exitCode !== null) throw new Error(`WebKitWebDriver exited (${driver.exitCode})`);
    try {
      if ((await fetch(`${url}/status`)).ok) return;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`WebKitWebDriver did not answer at ${url}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

// Processes whose parent is `pid` (Linux /proc), e.g. the MiniBrowsers a driver started.
function childrenOf(pid) {
  const children = [];
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      // stat: "pid (command) state ppid ..."; the command may contain spaces and parentheses.
      const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
      if (Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]) === pid) children.push(Number(entry));
    } catch {
      // gone meanwhile
    }
  }
  return children;
}

// Starts the display and the driver. `log` receives the driver's and MiniBrowser's output lines.
// Returns { newDriver(), killBrowsers(), close() }; newDriver() opens a fresh MiniBrowser (its
// own profile); killBrowsers() ends the MiniBrowsers that stopped answering the driver.
export async function startWebKit({ log = () => {} } = {}) {
  const reason = webkitUnavailable();
  if (reason) throw new Error(reason);
  const { Builder } = require('selenium-webdriver');
  let display, driver;
  try {
    display = await startDisplay();
    const port = await freePort();
    driver = start(DRIVER, [`--port=${port}`, '--host=127.0.0.1'], {
      // Device scale 1: drawn in software at scale 2, frames come 10 a second, which slows
      // every scenario; the renderers that would be faster cannot take screenshots here.
      env: { ...process.env, DISPLAY: display.display, GDK_BACKEND: 'x11', GDK_SCALE: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let pending = '';
    const lines = (chunk) => {
      pending += chunk;
      const parts = pending.split('\n');
      pending = parts.pop();
      parts.forEach(log);
    };
    driver.stdout.on('data', lines);
    driver.stderr.on('data', lines);
    const url = `http://127.0.0.1:${port}`;
    await waitUntilAnswering(url, driver);
    return {
      newDriver: () => new Builder().usingServer(url).withCapabilities({
        browserName: 'MiniBrowser',
        'webkitgtk:browserOptions': { binary: MINIBROWSER, args: BROWSER_ARGS },
      }).build(),
      killBrowsers: () => {
        for (const pid of childrenOf(driver.pid)) {
          try {
            process.kill(pid, 'SIGKILL');
          } catch {
            // already gone
          }
        }
      },
      close: async () => {
        await stop(driver);
        await stop(display.process);
      },
    };
  } catch (error) {
    await stop(driver);
    await stop(display?.process);
    throw error;
  }
}
