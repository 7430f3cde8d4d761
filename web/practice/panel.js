// The practice panel's elements: the problem card (where, prompt, Check, feedback) and the
// teachers' and parents' drawer (problem sets, report).
import { el, button } from './dom.js';

export function buildPanel(container, actions) {
  const where = el('span', { id: 'practice-where' });
  const prompt = el('div', { class: 'practice-prompt', id: 'practice-prompt', 'aria-live': 'polite' });
  const check = button('Check my answer', actions.check, { id: 'practice-check', class: 'primary' });
  const skip = button('Skip', actions.skip, { id: 'practice-skip' });
  const feedback = el('div', { class: 'practice-feedback', id: 'practice-feedback', role: 'status', 'aria-live': 'polite' });
  const child = el('span', { class: 'practice-child', id: 'practice-child' });
  const switchChild = button('Switch child', actions.switchChild, { id: 'practice-switch-child' });

  // Who is practising: asked once on a device, and again after Switch child.
  const nameInput = el('input', { id: 'practice-name', type: 'text', autocomplete: 'off', spellcheck: 'false', maxlength: '60' });
  const classInput = el('input', { id: 'practice-class', type: 'text', autocomplete: 'off', spellcheck: 'false', maxlength: '60' });
  const known = el('div', { class: 'practice-known', id: 'practice-known' });
  const whoMessage = el('p', { class: 'practice-message', id: 'practice-who-message', role: 'status' });
  const who = el('form', { class: 'practice-who', id: 'practice-who', hidden: true,
    onsubmit: (e) => { e.preventDefault(); actions.chooseChild(nameInput.value, classInput.value); } },
    el('p', { class: 'practice-who-title' }, 'Who is practising?'),
    known,
    el('div', { class: 'practice-row' },
      el('label', { for: 'practice-name' }, 'Your name'), nameInput,
      el('label', { for: 'practice-class' }, 'Class (if you like)'), classInput,
      el('button', { type: 'submit', class: 'primary', id: 'practice-start' }, 'Start')),
    whoMessage);

  const sets = el('select', { id: 'practice-sets', onchange: (e) => actions.chooseSet(e.target.value) });
  const file = el('input', { type: 'file', id: 'practice-file', accept: '.json,application/json', hidden: true,
    onchange: (e) => { const f = e.target.files[0]; e.target.value = ''; if (f) actions.openFile(f); } });
  const urlInput = el('input', { id: 'practice-url', type: 'text', placeholder: 'web/problems/my-set.json', spellcheck: 'false', autocomplete: 'off' });
  const urlForm = el('form', { class: 'practice-url', onsubmit: (e) => { e.preventDefault(); actions.loadUrl(urlInput.value); } },
    el('label', { for: 'practice-url' }, 'A file on this site'), urlInput, el('button', { type: 'submit' }, 'Load'));
  const count = el('span', { id: 'practice-count', class: 'practice-count' });
  const message = el('p', { id: 'practice-message', class: 'practice-message', role: 'status' });

  const drawer = el('details', { class: 'practice-drawer' },
    el('summary', {}, 'For teachers and parents'),
    el('div', { class: 'practice-row' },
      el('label', { for: 'practice-sets' }, 'Problems'), sets,
      button('Open a problem file', () => file.click(), { id: 'practice-open' }), file,
      el('a', { href: 'editor.html', id: 'practice-editor', target: '_blank' }, 'Write a problem set')),
    el('div', { class: 'practice-row' }, urlForm),
    el('div', { class: 'practice-row' },
      el('span', {}, 'Report'), count,
      button('Save report (CSV)', actions.saveCsv, { id: 'practice-csv' }),
      button('Save report (InkML + JSON)', actions.saveJson, { id: 'practice-json' }),
      button('Clear report', actions.clearReport, { id: 'practice-clear-report' }),
      el('a', { href: 'report.html', id: 'practice-teacher-view', target: '_blank' }, "Open the teacher's view")),
    message);

  const card = el('div', { class: 'practice-card' },
    el('div', { class: 'practice-problem' }, el('p', { class: 'practice-where' }, child, where), prompt),
    el('div', { class: 'practice-actions' }, check, skip, switchChild));
  container.replaceChildren(who, card, feedback, drawer);
  return { where, prompt, check, skip, feedback, sets, message, count, child, who, card, known, nameInput, classInput, whoMessage };
}
