// The problem set editor (editor.html): a form for a set's problems with a live KaTeX
// preview of what the child sees, every fault of the set listed with where it is, and the
// JSON file practice reads, saved on the device.
import { loadKatex, typeset } from '../view/katex.js';
import { paths, pageUrl } from '../config.js';
import { el, button } from '../practice/dom.js';
import { renderPrompt } from '../practice/prompt.js';
import { checkProblemSet, unreadableAnswers } from '../practice/problem-set.js';
import { AnswerChecker } from '../practice/check.js';
import { downloadText } from '../view/files.js';
import { setToJson, blankProblem, blankMistake, fromSet } from './model.js';

const ENGINE = `${paths.lib}compute-engine.js`;
const $ = (id) => document.getElementById(id);
let state = { title: '', problems: [blankProblem()] };
let katex = null;
let checker = null;

// --- preview ------------------------------------------------------------------------------

function preview(node, text, { math = false } = {}) {
  node.replaceChildren();
  if (!text.trim()) return;
  if (math) {
    if (!typeset(katex, text, node, { displayMode: false })) node.textContent = text;
  } else {
    renderPrompt(node, text, (latex, span) => typeset(katex, latex, span, { displayMode: false }));
  }
}

// --- the form -----------------------------------------------------------------------------

// A text field bound to obj[key]; `lines` fields hold lists, one item a line.
function field(label, obj, key, { math = false, prompt = false, lines = false, plain = false, placeholder = '', name } = {}) {
  const input = el(lines ? 'textarea' : 'input', { type: lines ? undefined : 'text', placeholder, spellcheck: 'false', autocomplete: 'off', 'data-field': name || key, rows: lines ? '2' : undefined });
  input.value = lines ? (obj[key] || []).join('\n') : obj[key] || '';
  const shown = el('span', { class: 'preview', 'aria-label': `${label}, as the child sees it` });
  const update = () => {
    obj[key] = lines ? input.value.split('\n').map((l) => l.trim()).filter(Boolean) : input.value;
    if (!lines) return preview(shown, obj[key], { math });
    shown.replaceChildren(...obj[key].map((item) => {
      const one = el('span', { class: 'item' });
      preview(one, item, { math });
      return one;
    }));
  };
  input.addEventListener('input', () => {
    update();
    changed();
  });
  update();
  // Names (ids, topics) are not typeset: there is nothing to preview.
  return el('label', { class: `field${prompt ? ' wide' : ''}` }, el('span', { class: 'name' }, label), input, plain ? null : shown);
}

// "The child writes the steps": a box that, ticked, asks for the math the steps start from.
function workFields(problem, { name = '', placeholder = '2x + 3 = 11' } = {}) {
  const box = el('input', { type: 'checkbox', 'data-field': `${name}work`, checked: problem.work,
    onchange: (e) => { problem.work = e.target.checked; render(); } });
  return [
    el('label', { class: 'field check' }, box, el('span', {}, 'The child writes the steps, each line checked')),
    problem.work ? field('The math the steps start from (LaTeX)', problem, 'latex', { math: true, placeholder, name: `${name}latex` }) : null,
  ];
}

function mistakeForm(problem, mistake, k, n) {
  return el('fieldset', { class: 'mistake', 'data-mistake': String(k + 1) },
    el('legend', {}, `Known mistake ${k + 1}`),
    field('Id', mistake, 'id', { plain: true, placeholder: 'sign' }),
    field(problem.work ? 'Wrong answers (one a line, LaTeX; none: the id names a misconception)' : 'Wrong answers (one a line, LaTeX)',
      mistake, 'answers', { math: true, lines: true, placeholder: 'x=-4' }),
    field('What to tell the child', mistake, 'message', { prompt: true, placeholder: 'Check the sign of your answer.' }),
    field('Mini problem', mistake.mini, 'prompt', { prompt: true, placeholder: 'Solve for $x$: $x - 3 = 1$.', name: 'mini-prompt' }),
    ...workFields(mistake.mini, { name: 'mini-', placeholder: 'x - 3 = 1' }),
    field('Its answer (LaTeX)', mistake.mini, 'answer', { math: true, placeholder: 'x=4', name: 'mini-answer' }),
    field('Its hints (one a line)', mistake.mini, 'hints', { lines: true, name: 'mini-hints' }),
    button('Remove this mistake', () => { problem.mistakes.splice(k, 1); render(); }, { class: 'remove' }));
}

function problemForm(problem, i) {
  const compare = el('select', { 'data-field': 'compare', onchange: (e) => { problem.compare = e.target.value; changed(); } },
    el('option', { value: 'equivalent' }, 'the same value (x = 4, 4 = x, 8/2...)'),
    el('option', { value: 'exact' }, 'the same form (for "simplify")'));
  compare.value = problem.compare || 'equivalent';
  return el('section', { class: 'problem', 'data-problem': String(i + 1) },
    el('h2', {}, `Problem ${i + 1}`),
    el('div', { class: 'fields' },
      field('Id', problem, 'id', { plain: true, placeholder: `p${i + 1}` }),
      field('Topic', problem, 'topic', { plain: true, placeholder: 'Linear equations' }),
      field('Prompt', problem, 'prompt', { prompt: true, placeholder: 'Solve for $x$: $2x + 3 = 11$.' }),
      ...workFields(problem),
      field('Answer (LaTeX)', problem, 'answer', { math: true, placeholder: 'x=4' }),
      el('label', { class: 'field' }, el('span', { class: 'name' }, 'Right when it has'), compare),
      field('Hints (one a line)', problem, 'hints', { lines: true, prompt: true }),
      field('Symbols the child may write (optional: separated by spaces, or school)', problem, 'symbols', { plain: true, placeholder: 'from the answers' })),
    ...problem.mistakes.map((m, k) => mistakeForm(problem, m, k, problem.mistakes.length)),
    el('div', { class: 'row' },
      button('Add a known mistake', () => { problem.mistakes.push(blankMistake()); render(); }),
      i > 0 ? button('Move up', () => { state.problems.splice(i - 1, 0, ...state.problems.splice(i, 1)); render(); }) : null,
      button('Remove this problem', () => { state.problems.splice(i, 1); if (!state.problems.length) state.problems.push(blankProblem()); render(); }, { class: 'remove' })));
}

function render() {
  $('editor-title').value = state.title;
  $('editor-problems').replaceChildren(...state.problems.map(problemForm));
  changed();
}

// --- checks and output ----------------------------------------------------------------------

function faultsOf(json) {
  const { set, faults } = checkProblemSet(json);
  const all = faults.map((f) => ({ ...f }));
  if (set && checker) {
    for (const message of unreadableAnswers(set, (latex) => !latex || checker.readable(latex))) {
      const [, where, rest] = /^(problem "[^"]*"): (.*)$/.exec(message) || [null, '', message];
      all.push({ where, message: rest });
    }
  }
  return all;
}

function changed() {
  const json = setToJson(state);
  $('editor-json').textContent = json;
  const faults = faultsOf(json);
  $('editor-faults').replaceChildren(...(faults.length
    ? faults.map((f) => el('li', { class: 'fault' }, f.where ? el('b', {}, `${f.where}: `) : null, f.message))
    : [el('li', { class: 'ok' }, 'No faults: practice can open this set.')]));
  $('editor-faults').dataset.count = String(faults.length);
  return faults;
}

function save() {
  const faults = changed();
  if (faults.length) {
    $('editor-message').textContent = `Fix the ${faults.length} fault${faults.length === 1 ? '' : 's'} listed first.`;
    return;
  }
  const name = (state.title || 'problems').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'problems';
  downloadText(setToJson(state), `${name}.json`, 'application/json');
  $('editor-message').textContent = `Saved ${name}.json.`;
}

async function open(file) {
  const text = await file.text();
  const { set, faults } = checkProblemSet(text);
  if (!set) {
    $('editor-message').textContent = `Could not open ${file.name}: ${faults.map((f) => (f.where ? `${f.where}: ${f.message}` : f.message)).join('; ')}.`;
    return;
  }
  state = fromSet(JSON.parse(text));
  render();
  $('editor-message').textContent = `Opened ${file.name}${faults.length ? `; it has ${faults.length} fault${faults.length === 1 ? '' : 's'}, listed above` : ''}.`;
}

$('editor-title').addEventListener('input', (e) => { state.title = e.target.value; changed(); });
$('editor-add').addEventListener('click', () => { state.problems.push(blankProblem()); render(); });
$('editor-save').addEventListener('click', save);
$('editor-open').addEventListener('click', () => $('editor-file').click());
$('editor-file').addEventListener('change', (e) => {
  const file = e.target.files[0];
  e.target.value = '';
  if (file) open(file);
});

katex = await loadKatex();
render();
import(pageUrl(ENGINE)).then((m) => {
  checker = new AnswerChecker(new m.ComputeEngine());
  changed();
  document.body.dataset.checker = 'ready';
}, () => {
  $('editor-message').textContent = 'The answer checker could not be loaded: answers are not checked as math.';
});
document.body.dataset.ready = 'true';
