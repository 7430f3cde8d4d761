// The mode switch: each button[data-mode] shows the panels marked with the same
// data-mode-panel and hides the others. The switch itself shows once there are two modes.
// The page opens in the mode it was last in (sessionStorage, so a reload stays there); a
// link with ?set= opens practice.
const KEY = 'inkmath.mode';

function remembered() {
  try {
    return window.sessionStorage.getItem(KEY);
  } catch {
    return null;
  }
}

function remember(mode) {
  try {
    window.sessionStorage.setItem(KEY, mode);
  } catch {
    // Storage refused: the next visit opens in the first mode.
  }
}

export function setUpModes(nav, root = document) {
  const buttons = [...nav.querySelectorAll('button[data-mode]')];
  const modes = buttons.map((b) => b.dataset.mode);
  nav.hidden = buttons.length < 2;
  const choose = (mode) => {
    for (const b of buttons) b.setAttribute('aria-pressed', String(b.dataset.mode === mode));
    for (const panel of root.querySelectorAll('[data-mode-panel]')) panel.hidden = panel.dataset.modePanel !== mode;
    document.body.dataset.mode = mode;
    remember(mode);
    window.dispatchEvent(new CustomEvent('inkmath:mode', { detail: { mode } }));
  };
  for (const b of buttons) b.addEventListener('click', () => choose(b.dataset.mode));
  const asked = new URLSearchParams(location.search).has('set') && modes.includes('practice') ? 'practice' : null;
  const first = asked || (modes.includes(remembered()) ? remembered() : modes[0]);
  if (first) choose(first);
  return choose;
}
