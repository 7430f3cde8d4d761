// Where the page finds its parts, relative to index.html. The build puts them there.
export const paths = {
  worker: 'web/worker/recognizer-worker.js',
  wasmScript: 'wasm/inkmath.js',
  wasmDir: 'wasm/',
  weights: 'weights/inkmath.bin',
  katex: 'vendor/katex/katex.mjs',
  serviceWorker: 'sw.js',
};

// Resolves a path above against the page (not against this module).
export function pageUrl(path) {
  return new URL(path, document.baseURI).href;
}
