// Write mode's Lines switch: the ink is read as written lines, one step under another, each
// typeset beside its ink (on), or as one expression (off, the default: a tall expression is
// never split by mistake). Practice decides for itself (worked steps are read as lines), so
// the switch acts only outside practice. Kept in localStorage ('inkmath.lines').
const KEY = 'inkmath.lines';

export function setUpLinesToggle(button, reading, storage) {
  let on = false;
  try {
    on = storage?.getItem(KEY) === 'true';
  } catch {
    // storage refused: the switch starts off
  }
  const apply = () => {
    button.setAttribute('aria-pressed', String(on));
    if (document.body.dataset.mode !== 'practice') reading.askOption('lines', on ? true : undefined);
  };
  button.addEventListener('click', () => {
    on = !on;
    try {
      storage?.setItem(KEY, String(on));
    } catch {
      // not kept after a reload; the switch still works now
    }
    apply();
  });
  window.addEventListener('inkmath:mode', apply);
  apply();
}
