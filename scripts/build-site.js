// Assembles the deployable static site in dist/ from the page (index.html, web/), the
// WebAssembly module (build/wasm), the weights and KaTeX, then writes the service worker
// that precaches all of it, so that the page works offline after its first load.
//
// dist/
//   index.html, web/...        the page
//   report.html                the teacher's view of practice reports (web/report.html)
//   editor.html                the problem set editor (web/editor.html)
//   lib/                       the library (web/lib), which the page uses too, and the npm
//                              package made from it (package.json, LICENSE, README.md):
//     inkmath.js, inkmath-pad.js, practice.js   ES modules bundled by rollup from web/
//     inkmath.d.ts, inkmath-pad.d.ts, practice.d.ts   their types
//     inkmath-worker.js        the recognition worker (web/worker/recognizer-worker.js)
//     wasm/inkmath.js          the recognizer: a classic script defining createInkmath(),
//     wasm/inkmath.wasm        loaded by the worker with importScripts() (require() in
//                              Node); createInkmath({ wasmBinary }) or let it fetch
//                              inkmath.wasm next to it (locateFile). Uses WebAssembly SIMD.
//     wasm/inkmath-scalar.js   the same without WebAssembly SIMD (build/wasm-scalar), for
//     wasm/inkmath-scalar.wasm browsers that lack it (Safari before 16.4)
//     weights/inkmath.bin      the model file (classifier and fitted parts)
//     compute-engine.js        the Compute Engine (ES module) that checks answers
//   vendor/katex/              katex.mjs (ES module), katex.min.js, katex.min.css, fonts/
//   vendor/chart.js/           Chart.js (UMD script) for the teacher's view's charts
//   sw.js                      the service worker (web/sw-src.js with the precache list
//                              injected when that file exists, else a generated one)
'use strict';

const fs = require('fs');
const path = require('path');
const workbox = require('workbox-build');
const { rollup } = require('rollup');

const root = path.resolve(__dirname, '..');
const dist = path.join(root, 'dist');
const from = (...p) => path.join(root, ...p);
const swSource = from('web', 'sw-src.js');
const precacheStamp = from('build', 'site-precache.json');

// What lands in dist/: [source, destination relative to dist/]. Missing optional sources
// (the page may be in progress, the weights may not be trained yet) are reported, not fatal.
const parts = [
  { from: from('index.html'), to: 'index.html' },
  // The page's copy of web/ leaves out what it uses from lib/ and the pages that live at
  // the top of the site.
  { from: from('web'), to: 'web', skip: ['report.html', 'editor.html', 'worker/recognizer-worker.js', 'examples', 'lib/inkmath.d.ts', 'lib/inkmath-pad.d.ts', 'lib/practice.d.ts', 'lib/LICENSE', 'lib/README.md'] },
  { from: from('web', 'report.html'), to: 'report.html', required: true },
  { from: from('web', 'editor.html'), to: 'editor.html', required: true },
  { from: from('web', 'examples'), to: 'examples', required: true },
  { from: from('web', 'worker', 'recognizer-worker.js'), to: 'lib/inkmath-worker.js', required: true },
  ...['inkmath.d.ts', 'inkmath-pad.d.ts', 'practice.d.ts'].map((f) => ({ from: from('web', 'lib', f), to: `lib/${f}`, required: true })),
  { from: from('build', 'wasm', 'inkmath.js'), to: 'lib/wasm/inkmath.js', required: true },
  { from: from('build', 'wasm', 'inkmath.wasm'), to: 'lib/wasm/inkmath.wasm', required: true },
  { from: from('build', 'wasm-scalar', 'inkmath-scalar.js'), to: 'lib/wasm/inkmath-scalar.js', required: true },
  { from: from('build', 'wasm-scalar', 'inkmath-scalar.wasm'), to: 'lib/wasm/inkmath-scalar.wasm', required: true },
  { from: from('node_modules', 'katex', 'dist', 'katex.mjs'), to: 'vendor/katex/katex.mjs', required: true },
  { from: from('node_modules', 'katex', 'dist', 'katex.min.js'), to: 'vendor/katex/katex.min.js', required: true },
  { from: from('node_modules', 'katex', 'dist', 'katex.min.css'), to: 'vendor/katex/katex.min.css', required: true },
  { from: from('node_modules', 'katex', 'dist', 'fonts'), to: 'vendor/katex/fonts', required: true },
  { from: from('node_modules', '@cortex-js', 'compute-engine', 'dist', 'compute-engine.min.esm.js'), to: 'lib/compute-engine.js', required: true },
  { from: from('node_modules', '@cortex-js', 'compute-engine', 'LICENSE'), to: 'lib/compute-engine.LICENSE', required: true },
  { from: from('node_modules', 'chart.js', 'dist', 'chart.umd.min.js'), to: 'vendor/chart.js/chart.umd.min.js', required: true },
  { from: from('node_modules', 'chart.js', 'LICENSE.md'), to: 'vendor/chart.js/LICENSE.md', required: true },
  ...listFiles(from('weights'))
    .filter((f) => f.endsWith('.bin'))
    .map((f) => ({ from: from('weights', f), to: `lib/weights/${f}` })),
];

// The library's entry points, bundled with what they import from web/ into dist/lib/.
const libraryEntries = { inkmath: 'inkmath.js', 'inkmath-pad': 'inkmath-pad.js', practice: 'practice.js' };

// Every browser that runs the WebAssembly module (Safari 15+ with the scalar one) reads woff2, so the other
// KaTeX font formats are copied but not precached.
const precache = {
  globDirectory: dist,
  globPatterns: ['**/*.{html,js,mjs,css,wasm,bin,json,webmanifest,svg,png,ico,woff2}'],
  globIgnores: ['sw.js', 'web/sw-src.js'],
  maximumFileSizeToCacheInBytes: 64 * 1024 * 1024,
};

function listFiles(dir) {
  return fs.existsSync(dir) ? fs.readdirSync(dir) : [];
}

function assemble() {
  // Start from an empty dist/ (but keep the service worker until it is rewritten), so files
  // removed from the sources do not linger in the site.
  fs.mkdirSync(dist, { recursive: true });
  for (const entry of fs.readdirSync(dist)) {
    if (entry !== 'sw.js') fs.rmSync(path.join(dist, entry), { recursive: true, force: true });
  }
  for (const part of parts) {
    if (!fs.existsSync(part.from)) {
      if (part.required) throw new Error(`${path.relative(root, part.from)} is missing`);
      console.log(`build-site: ${path.relative(root, part.from)} not found; the site has no ${part.to}`);
      continue;
    }
    const skipped = new Set((part.skip || []).map((f) => path.join(part.from, f)));
    fs.cpSync(part.from, path.join(dist, part.to), { recursive: true, preserveTimestamps: true, filter: (f) => !skipped.has(f) });
  }
}

async function bundleLibrary() {
  const input = Object.fromEntries(Object.entries(libraryEntries).map(([name, file]) => [name, from('web', 'lib', file)]));
  const bundle = await rollup({ input, onwarn: (w) => console.warn(`build-site: rollup: ${w.message}`) });
  await bundle.write({ dir: path.join(dist, 'lib'), format: 'es', entryFileNames: '[name].js', chunkFileNames: 'chunks/[name].js' });
  await bundle.close();
  writePackage();
}

// dist/lib/ is also the npm package "inkmath": its package.json, README and LICENSE.
function writePackage() {
  const lib = path.join(dist, 'lib');
  const site = JSON.parse(fs.readFileSync(from('package.json'), 'utf8'));
  const entry = (name) => ({ types: `./${name}.d.ts`, default: `./${name}.js` });
  const pkg = {
    name: 'inkmath',
    version: site.version,
    description: 'Handwritten math recognition in the browser: offline, on the device, no key',
    type: 'module',
    license: 'SEE LICENSE IN LICENSE',
    main: './inkmath.js',
    types: './inkmath.d.ts',
    exports: {
      '.': entry('inkmath'),
      './pad': entry('inkmath-pad'),
      './practice': entry('practice'),
      './inkmath.js': entry('inkmath'),
      './inkmath-pad.js': entry('inkmath-pad'),
      './practice.js': entry('practice'),
      './package.json': './package.json',
    },
    files: ['*.js', '*.d.ts', 'chunks/', 'wasm/', 'weights/', 'compute-engine.LICENSE', 'LICENSE', 'README.md'],
    sideEffects: ['./inkmath-pad.js'],
    keywords: ['handwriting', 'math', 'recognition', 'latex', 'offline', 'webassembly'],
  };
  fs.writeFileSync(path.join(lib, 'package.json'), JSON.stringify(pkg, null, 2) + '\n');
  fs.copyFileSync(from('web', 'lib', 'LICENSE'), path.join(lib, 'LICENSE'));
  fs.copyFileSync(from('web', 'lib', 'README.md'), path.join(lib, 'README.md'));
}

async function writeServiceWorker() {
  const { manifestEntries, warnings } = await workbox.getManifest(precache);
  warnings.forEach((w) => console.warn(`build-site: ${w}`));
  const source = fs.existsSync(swSource) ? fs.readFileSync(swSource, 'utf8') : 'generated';
  const stamp = JSON.stringify({ manifestEntries, source });
  const swFile = path.join(dist, 'sw.js');
  if (fs.existsSync(swFile) && fs.existsSync(precacheStamp) && fs.readFileSync(precacheStamp, 'utf8') === stamp) {
    console.log('build-site: sw.js is up to date');
    return;
  }
  const result = fs.existsSync(swSource)
    ? await workbox.injectManifest({ ...precache, swSrc: swSource, swDest: swFile })
    : await workbox.generateSW({
        ...precache,
        swDest: swFile,
        mode: 'production',
        sourcemap: false,
        inlineWorkboxRuntime: true,
        cleanupOutdatedCaches: true,
        // The first visit's page comes under the worker at once; a new version waits until
        // the page is closed, so a page never mixes files of two versions.
        clientsClaim: true,
      });
  result.warnings.forEach((w) => console.warn(`build-site: ${w}`));
  const kib = Math.round(result.size / 1024);
  console.log(`build-site: sw.js precaches ${result.count} files (${kib} KiB)`);
  fs.mkdirSync(path.dirname(precacheStamp), { recursive: true });
  fs.writeFileSync(precacheStamp, stamp);
}

async function main() {
  assemble();
  await bundleLibrary();
  await writeServiceWorker();
}

main().catch((e) => {
  console.error(`build-site: ${e.message}`);
  process.exit(1);
});
