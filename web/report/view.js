// The teacher's view (report.html): opens report files from one or more devices, merges
// them, and shows per child and per topic how practice went, the misconceptions behind
// wrong answers, and every answer's ink beside its reading and the expected answer.
import { loadKatex, typeset } from '../view/katex.js';
import { el } from '../practice/dom.js';
import { renderPrompt } from '../practice/prompt.js';
import { mergeReports } from './load.js';
import { filterAttempts, byChild, byTopic, rankMisconceptions, dayOf } from './summary.js';
import { inkSvg } from './ink.js';
import { drawOutcomeChart } from './chart.js';

const $ = (id) => document.getElementById(id);
const files = [];   // [{ name, text }] opened so far
let merged = { attempts: [], files: [], duplicates: 0 };
let katex = null;

const RESULT_WORDS = { right: 'Right', wrong: 'Not quite', unreadable: 'Could not be read', skipped: 'Skipped' };

async function addFiles(list) {
  for (const file of list) {
    try {
      files.push({ name: file.name, text: await file.text() });
    } catch {
      files.push({ name: file.name, text: null });
    }
  }
  katex = await loadKatex();
  merged = mergeReports(files);
  showFiles();
  fillFilters();
  render();
}

function showFiles() {
  $('loaded').replaceChildren(...merged.files.map((f) => el('li', { 'data-kind': f.error ? 'error' : 'ok' },
    f.error ? `${f.name}: not read (${f.error})` : `${f.name}: ${f.attempts} answer${f.attempts === 1 ? '' : 's'}`)),
    ...(merged.duplicates ? [el('li', { id: 'duplicates' }, `${merged.duplicates} answer${merged.duplicates === 1 ? ' was' : 's were'} in more than one file and ${merged.duplicates === 1 ? 'is' : 'are'} counted once.`)] : []));
}

function fillSelect(select, values, all) {
  const keep = select.value;
  select.replaceChildren(el('option', { value: '' }, all), ...values.map((v) => el('option', { value: v }, v)));
  select.value = values.includes(keep) ? keep : '';
}

function fillFilters() {
  const a = merged.attempts;
  fillSelect($('filter-child'), [...new Set(a.map((x) => x.child.name))].sort(), 'All children');
  fillSelect($('filter-set'), [...new Set(a.map((x) => x.set))].sort(), 'All sets');
  $('filters').hidden = a.length === 0;
}

function currentFilter() {
  return { child: $('filter-child').value, set: $('filter-set').value, from: $('filter-from').value, to: $('filter-to').value };
}

function math(latex, className = 'math') {
  const span = el('span', { class: className });
  if (!latex) span.textContent = '—';
  else if (!typeset(katex, latex, span, { displayMode: false })) span.textContent = latex;
  return span;
}

function promptNode(prompt) {
  const p = el('span', { class: 'prompt' });
  renderPrompt(p, prompt, (latex, span) => typeset(katex, latex, span, { displayMode: false }));
  return p;
}

const plural = (n, one, many) => `${n} ${n === 1 ? one : many}`;
const percent = (n, d) => (d ? ` (${Math.round((100 * n) / d)}%)` : '');

function summaryTable(table, rows, first) {
  const head = el('tr', {}, ...[first, 'Problems', 'Answered', 'Right at the first try', 'Right after hints', 'Not right yet',
    'Skipped', 'Hints seen', 'Unreadable tries', 'Mini problems (skipped)'].map((h) => el('th', { scope: 'col' }, h)));
  const body = rows.map((r) => el('tr', { 'data-key': r.key },
    el('th', { scope: 'row' }, r.key, r.class ? el('span', { class: 'class' }, ` · ${r.class}`) : null),
    el('td', { 'data-field': 'problems' }, String(r.problems)),
    el('td', { 'data-field': 'answered' }, String(r.answered)),
    el('td', { 'data-field': 'first' }, `${r.first}${percent(r.first, r.answered)}`),
    el('td', { 'data-field': 'hints' }, `${r.hints}${percent(r.hints, r.answered)}`),
    el('td', { 'data-field': 'notyet' }, String(r.notyet)),
    el('td', { 'data-field': 'skipped' }, String(r.skipped)),
    el('td', { 'data-field': 'hintsSeen' }, String(r.hintsSeen)),
    el('td', { 'data-field': 'unreadable' }, String(r.unreadable)),
    el('td', { 'data-field': 'mini' }, `${r.miniTried} (${r.miniSkipped})`)));
  table.replaceChildren(el('thead', {}, head), el('tbody', {}, ...body));
}

function misconceptionList(ranked) {
  if (ranked.length === 0) return [el('li', { class: 'none' }, 'No wrong answer matched a known misconception.')];
  return ranked.map((m) => el('li', { 'data-id': m.id, 'data-count': String(m.count) },
    el('p', {}, el('b', {}, m.id), ` · ${m.count} answer${m.count === 1 ? '' : 's'} · ${m.children.join(', ')}`,
      m.text ? el('span', { class: 'muted' }, ` · “${m.text}”`) : null),
    el('div', { class: 'examples' }, ...m.examples.map((a) => el('figure', { class: 'example' },
      inkSvg(a.inkml, { width: 120, height: 60 }) || el('span', {}),
      el('figcaption', {}, `${a.child.name}: `, math(a.reading), ' for ', math(a.expected)))))));
}

function attemptCard(a) {
  const where = a.miniOf ? `mini problem of ${a.miniOf}` : a.problem;
  return el('article', { class: 'attempt', 'data-result': a.result, 'data-uid': a.uid },
    el('header', {},
      el('span', { class: 'badge' }, RESULT_WORDS[a.result]),
      el('span', {}, `${a.child.name} · ${a.localTime.slice(0, 16).replace('T', ' ')}${a.localTime.slice(19)} · ${a.set} · ${where}${a.topic ? ` · ${a.topic}` : ''}`)),
    el('p', { class: 'attempt-prompt' }, promptNode(a.prompt)),
    el('div', { class: 'attempt-body' },
      inkSvg(a.inkml) || el('div', { class: 'ink none' }, a.result === 'skipped' ? 'skipped' : 'no ink'),
      el('dl', {},
        // Worked steps are listed line by line below instead.
        a.lines.length ? null : el('dt', {}, 'Read as'),
        a.lines.length ? null : el('dd', { class: 'reading' }, a.result === 'skipped' ? '—' : math(a.reading)),
        el('dt', {}, 'Expected'), el('dd', { class: 'expected' }, math(a.expected)),
        a.hints ? el('dt', {}, 'Hints seen') : null, a.hints ? el('dd', {}, String(a.hints)) : null,
        a.misconception ? el('dt', {}, 'Misconception') : null, a.misconception ? el('dd', {}, a.misconception) : null),
      a.lines.length ? workedSteps(a) : null));
}

// Worked steps: each line typeset, the first wrong one marked with the misconception's words.
function workedSteps(a) {
  return el('ol', { class: 'steps', 'aria-label': 'Worked steps' }, ...a.lines.map((latex, i) => {
    const mark = a.firstWrong === null ? (a.result === 'right' ? 'right' : '') : i < a.firstWrong ? 'right' : i === a.firstWrong ? 'wrong' : '';
    return el('li', { 'data-mark': mark || null, 'data-line': String(i) }, math(latex),
      mark === 'wrong' ? el('span', { class: 'step-note' }, ` ← first wrong step${a.misconception ? `: ${a.misconception}` : ''}`,
        a.misconceptionText ? el('span', { class: 'muted' }, ` · “${a.misconceptionText}”`) : null) : null);
  }));
}

function render() {
  const attempts = filterAttempts(merged.attempts, currentFilter());
  $('report').hidden = merged.attempts.length === 0;
  if (merged.attempts.length === 0) return;
  const days = attempts.map(dayOf).sort();
  $('scope').textContent = attempts.length
    ? `${attempts.length} answer${attempts.length === 1 ? '' : 's'} from ${plural(new Set(attempts.map((a) => a.child.name)).size, 'child', 'children')}, ${days[0]} to ${days[days.length - 1]}.`
    : 'No answers match the filters.';
  const children = byChild(attempts);
  summaryTable($('children'), children, 'Child');
  summaryTable($('topics'), byTopic(attempts), 'Topic');
  drawOutcomeChart($('chart-children'), children);
  $('misconceptions').replaceChildren(...misconceptionList(rankMisconceptions(attempts)));
  const groups = new Map();
  for (const a of attempts) {
    if (!groups.has(a.child.name)) groups.set(a.child.name, []);
    groups.get(a.child.name).push(a);
  }
  $('attempts').replaceChildren(...[...groups.entries()].map(([name, list]) =>
    el('section', { class: 'child-attempts' }, el('h3', {}, name), ...list.map(attemptCard))));
}

// --- opening files -------------------------------------------------------------------------

const input = $('files');
$('pick').addEventListener('click', () => input.click());
input.addEventListener('change', () => {
  const chosen = [...input.files];
  input.value = '';
  if (chosen.length) addFiles(chosen);
});
const drop = $('drop');
for (const type of ['dragenter', 'dragover']) drop.addEventListener(type, (e) => { e.preventDefault(); drop.dataset.over = 'true'; });
drop.addEventListener('dragleave', () => { delete drop.dataset.over; });
drop.addEventListener('drop', (e) => {
  e.preventDefault();
  delete drop.dataset.over;
  const dropped = [...(e.dataTransfer?.files || [])];
  if (dropped.length) addFiles(dropped);
});
// A file dropped beside the drop area is not opened by the browser in place of the report.
window.addEventListener('dragover', (e) => e.preventDefault());
window.addEventListener('drop', (e) => e.preventDefault());

for (const id of ['filter-child', 'filter-set', 'filter-from', 'filter-to']) $(id).addEventListener('change', render);
$('print').addEventListener('click', () => window.print());
document.body.dataset.ready = 'true';
