// Loads the bundled KaTeX once, on demand. Resolves to null when it cannot be loaded, and
// the page then shows the LaTeX source alone.
import { paths, pageUrl } from '../config.js';

let loading = null;

export function loadKatex() {
  if (!loading) loading = import(pageUrl(paths.katex)).then((m) => m.default, () => null);
  return loading;
}

// Typesets `latex` into `element`; returns false when it could not.
export function typeset(katex, latex, element, { displayMode = true } = {}) {
  if (!katex) return false;
  try {
    katex.render(latex, element, { displayMode, output: 'htmlAndMathml', throwOnError: true, strict: 'ignore', trust: false });
    return true;
  } catch {
    return false;
  }
}
