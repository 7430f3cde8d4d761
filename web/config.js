// Where the page finds its parts, relative to index.html. The build puts them there.
export const paths = {
  // The library (web/lib) as built: its worker, WebAssembly recognizer, weights and
  // Compute Engine, which the page uses from there.
  lib: 'lib/',
  katex: 'vendor/katex/katex.mjs',
  serviceWorker: 'sw.js',
};

// Resolves a path above against the page (not against this module).
export function pageUrl(path) {
  return new URL(path, document.baseURI).href;
}
