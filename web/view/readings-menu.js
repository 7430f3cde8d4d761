// Tapping the reading offers the recognizer's next best whole readings (the second and third),
// typeset; choosing one fixes the symbols whose label differs in it, or all its symbols when it
// groups the strokes otherwise, so the recognizer reads it so.
import { loadKatex, typeset } from './katex.js';
import { fixesFor } from '../practice/judgement.js';

const OFFERED = 2;  // the readings after the first

export class ReadingsMenu {
  // math: the element that shows the reading (tapped); menu: where the choices appear;
  // onChoose(fixes) applies a reading.
  constructor({ math, menu }, { onChoose }) {
    this.math = math;
    this.menu = menu;
    this.onChoose = onChoose;
    this.reading = null;
    this.menu.hidden = true;
    math.setAttribute('role', 'button');
    math.setAttribute('tabindex', '0');
    math.setAttribute('aria-haspopup', 'true');
    math.setAttribute('aria-expanded', 'false');
    math.setAttribute('aria-label', 'The reading: show other readings');
    math.addEventListener('click', () => this.toggle());
    math.addEventListener('keydown', (e) => {
      if (e.key !== 'Enter' && e.key !== ' ') return;
      e.preventDefault();
      this.toggle();
    });
  }

  // The other readings that can be chosen: [{ latex, probability, fixes }].
  others() {
    const r = this.reading;
    if (!r || !Array.isArray(r.readings)) return [];
    return r.readings.slice(1, 1 + OFFERED)
      .map((x) => ({ latex: x.latex, probability: x.probability, fixes: fixesFor(r, x) }))
      .filter((x) => x.latex && x.fixes.length > 0);
  }

  // A new reading closes the menu.
  show(reading) {
    this.reading = reading;
    this.close();
  }

  close() {
    this.menu.hidden = true;
    this.menu.replaceChildren();
    this.math.setAttribute('aria-expanded', 'false');
  }

  async toggle() {
    if (!this.menu.hidden) return this.close();
    const others = this.others();
    const katex = await loadKatex();
    const heading = document.createElement('p');
    heading.textContent = others.length ? 'Or did you write:' : 'No other reading.';
    const buttons = others.map((x) => {
      const b = document.createElement('button');
      b.type = 'button';
      b.className = 'reading-choice';
      b.dataset.latex = x.latex;
      b.setAttribute('aria-label', `Use the reading ${x.latex} (${Math.round(x.probability * 100)}%)`);
      if (!typeset(katex, x.latex, b, { displayMode: false })) b.textContent = x.latex;
      b.addEventListener('click', () => {
        this.close();
        this.onChoose(x.fixes);
      });
      return b;
    });
    this.menu.replaceChildren(heading, ...buttons);
    this.menu.hidden = false;
    this.math.setAttribute('aria-expanded', 'true');
  }
}
