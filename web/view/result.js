// Shows the reading: the typeset formula (#math) and its LaTeX source (#latex).
import { loadKatex, typeset } from './katex.js';

export class ResultView {
  constructor({ math, latex }) {
    this.math = math;
    this.latex = latex;
    this.shown = null;
    this.show('');
  }

  async show(latex) {
    // A pen-up that leaves the reading as it was (a dot on an i, a fixed symbol that was already
    // read so) has nothing new to typeset.
    if (latex === this.shown) return;
    this.shown = latex;
    const katex = latex ? await loadKatex() : null;
    if (this.shown !== latex) return;  // a newer reading arrived while KaTeX loaded
    this.latex.textContent = latex;
    this.math.replaceChildren();
    this.math.classList.toggle('empty', !latex);
    if (!latex) {
      this.math.textContent = 'Write a formula below.';
    } else if (!typeset(katex, latex, this.math)) {
      const code = document.createElement('code');
      code.textContent = latex;
      this.math.append(code);
    }
  }
}
