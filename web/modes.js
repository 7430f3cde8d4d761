// The mode switch: each button[data-mode] shows the panels marked with the same
// data-mode-panel and hides the others. The switch itself shows once there are two modes.
export function setUpModes(nav, root = document) {
  const buttons = [...nav.querySelectorAll('button[data-mode]')];
  nav.hidden = buttons.length < 2;
  const choose = (mode) => {
    for (const b of buttons) b.setAttribute('aria-pressed', String(b.dataset.mode === mode));
    for (const panel of root.querySelectorAll('[data-mode-panel]')) panel.hidden = panel.dataset.modePanel !== mode;
    document.body.dataset.mode = mode;
    window.dispatchEvent(new CustomEvent('inkmath:mode', { detail: { mode } }));
  };
  for (const b of buttons) b.addEventListener('click', () => choose(b.dataset.mode));
  if (buttons.length) choose(buttons[0].dataset.mode);
  return choose;
}
