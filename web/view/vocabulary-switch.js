// The write mode's choice of symbols: every symbol, school math, or numbers only. The chosen
// set is the recognizer's vocabulary while the page is in write mode, and is kept across
// reloads (localStorage `inkmath.vocabulary`).
import { WRITE_VOCABULARIES } from '../practice/vocabulary.js';

const KEY = 'inkmath.vocabulary';

export function setUpVocabularySwitch(element, { reading, storage }) {
  const buttons = [...element.querySelectorAll('button[data-vocabulary]')];
  let chosen = storage?.getItem(KEY);
  if (!(chosen in WRITE_VOCABULARIES)) chosen = 'all';
  const apply = () => {
    for (const b of buttons) b.setAttribute('aria-pressed', String(b.dataset.vocabulary === chosen));
    if (document.body.dataset.mode !== 'write') return;
    const vocabulary = WRITE_VOCABULARIES[chosen];
    reading.askOption('vocabulary', vocabulary || undefined);
  };
  for (const b of buttons) {
    b.addEventListener('click', () => {
      chosen = b.dataset.vocabulary;
      try {
        storage?.setItem(KEY, chosen);
      } catch {
        // Storage refused: the choice lasts until the page closes.
      }
      apply();
    });
  }
  window.addEventListener('inkmath:mode', apply);
  apply();
}
