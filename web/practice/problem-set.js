// Problem sets: plain JSON files a teacher writes (the format is in the README). This module
// reads and checks them, and loads them only from the page's own site.

import { MISCONCEPTION_IDS } from './steps/misconceptions.js';
import { symbolsFault } from './vocabulary.js';

const MAX_BYTES = 1024 * 1024;
const MAX_PROBLEMS = 1000;
const MAX_TEXT = 2000;

// A set that is not valid: `faults` lists every fault found, each { where, message }
// (where: "problem 3 (\"lin-2\")", "line 4, column 7"...); the message names them all.
export class ProblemSetError extends Error {
  constructor(message, faults = [{ where: '', message }]) {
    super(message);
    this.faults = faults;
  }
}

// Where in the text a JSON syntax error is, from the position the parser names.
function jsonFault(text, err) {
  const at = /position (\d+)/.exec(err.message);
  const lineColumn = /line (\d+) column (\d+)/.exec(err.message);
  let where = '';
  if (lineColumn) where = `line ${lineColumn[1]}, column ${lineColumn[2]}`;
  else if (at) {
    const before = text.slice(0, Number(at[1])).split('\n');
    where = `line ${before.length}, column ${before[before.length - 1].length + 1}`;
  }
  return { where, message: `it is not valid JSON (${err.message.replace(/^JSON\.parse: /, '')})` };
}

// Checks a problem set. Returns { set, faults }: `set` with defaults filled in (null when
// the text is not a set at all) and every fault found, each { where, message }.
export function checkProblemSet(text) {
  if (typeof text !== 'string') return { set: null, faults: [{ where: '', message: 'the file could not be read as text' }] };
  if (text.length > MAX_BYTES) return { set: null, faults: [{ where: '', message: 'the file is larger than 1 MB' }] };
  let data;
  try {
    data = JSON.parse(text);
  } catch (err) {
    return { set: null, faults: [jsonFault(text, err)] };
  }
  const faults = [];
  const fault = (where, message) => faults.push({ where, message });
  if (!data || typeof data !== 'object' || Array.isArray(data)) return { set: null, faults: [{ where: '', message: 'it must be a JSON object with "problems"' }] };
  if (!Array.isArray(data.problems) || data.problems.length === 0) return { set: null, faults: [{ where: '"problems"', message: '"problems" must be a list with at least one problem' }] };
  if (data.problems.length > MAX_PROBLEMS) return { set: null, faults: [{ where: '"problems"', message: `it has more than ${MAX_PROBLEMS} problems` }] };
  const title = optionalText(data.title, '', '"title"', fault) || 'Problems';
  const ids = new Map();
  const problems = data.problems.map((p, i) => {
    const problem = readProblem(p, `problem ${i + 1}`, String(i + 1), fault);
    if (ids.has(problem.id)) fault(`problem ${i + 1}`, `the id "${problem.id}" is used twice (also by problem ${ids.get(problem.id)})`);
    else ids.set(problem.id, i + 1);
    return problem;
  });
  return { set: { title, problems }, faults };
}

// Parses the text of a problem set. Returns { title, problems } with defaults filled in;
// throws ProblemSetError naming every fault.
export function parseProblemSet(text) {
  const { set, faults } = checkProblemSet(text);
  if (faults.length === 0) return set;
  const described = faults.map((f) => (f.where ? `${f.where}: ${f.message}` : f.message));
  throw new ProblemSetError(described.join('; '), faults);
}

function readProblem(p, where, defaultId, fault, { allowMistakes = true } = {}) {
  const empty = { id: defaultId, topic: '', prompt: '', answer: '', compare: 'equivalent', hints: [], work: false, latex: '', mistakes: [] };
  if (!p || typeof p !== 'object' || Array.isArray(p)) {
    fault(where, 'must be an object');
    return empty;
  }
  const id = p.id === undefined ? defaultId : requiredText(String(p.id), where, '"id"', fault) || defaultId;
  const label = p.id === undefined ? where : `${where} ("${id}")`;
  const compare = p.compare === undefined ? 'equivalent' : p.compare;
  if (compare !== 'equivalent' && compare !== 'exact') fault(label, '"compare" must be "equivalent" or "exact"');
  const problem = {
    id,
    topic: optionalText(p.topic, label, '"topic"', fault),
    prompt: requiredText(p.prompt, label, '"prompt"', fault),
    answer: requiredText(p.answer, label, '"answer"', fault),
    compare: compare === 'exact' ? 'exact' : 'equivalent',
    hints: textList(p.hints, label, '"hints"', fault),
    work: false,
    latex: '',
    mistakes: [],
  };
  // The symbols the child may write (the recognizer's vocabulary); without it, derived from
  // the answers (vocabulary.js).
  if (p.symbols !== undefined) {
    const bad = symbolsFault(p.symbols);
    if (bad) fault(label, `"symbols" ${bad}`);
    else problem.symbols = p.symbols === 'school' ? 'school' : [...p.symbols];
  }
  if (p.work !== undefined && typeof p.work !== 'boolean') fault(label, '"work" must be true or false');
  else if (p.work) {
    // The child writes the steps from this problem's math to the answer.
    problem.work = true;
    problem.latex = requiredText(p.latex, label, '"latex" (the math the steps start from, needed with "work")', fault);
  } else if (p.latex !== undefined) {
    fault(label, '"latex" is only for problems with "work": true');
  }
  if (p.mistakes !== undefined) {
    if (!allowMistakes) fault(label, 'a mini problem cannot have mistakes of its own');
    else if (!Array.isArray(p.mistakes)) fault(label, '"mistakes" must be a list');
    else problem.mistakes = p.mistakes.map((m, k) => readMistake(m, `${label}, mistake ${k + 1}`, String(k + 1), problem.work, fault));
  }
  return problem;
}

// In a worked problem a mistake may name a misconception of the catalogue instead of listing
// answers: its message and mini problem then replace the catalogue's for that problem.
function readMistake(m, where, defaultId, work, fault) {
  if (!m || typeof m !== 'object' || Array.isArray(m)) {
    fault(where, 'must be an object');
    return { id: defaultId, answers: [], compare: 'equivalent', message: '', mini: null };
  }
  if (work && m.answers === undefined) {
    if (!MISCONCEPTION_IDS.includes(m.id)) fault(where, `without "answers", "id" must be a misconception: ${MISCONCEPTION_IDS.join(', ')}`);
    return {
      id: typeof m.id === 'string' ? m.id : defaultId,
      answers: [],
      compare: 'equivalent',
      message: optionalText(m.message, where, '"message"', fault),
      mini: m.mini === undefined ? null : readProblem(m.mini, `${where}: "mini"`, 'mini', fault, { allowMistakes: false }),
    };
  }
  const answers = typeof m.answers === 'string' ? [m.answers] : m.answers;
  const listed = Array.isArray(answers) && answers.length > 0;
  if (!listed) fault(where, '"answers" must list the wrong answers it stands for');
  const compare = m.compare === undefined ? 'equivalent' : m.compare;
  if (compare !== 'equivalent' && compare !== 'exact') fault(where, '"compare" must be "equivalent" or "exact"');
  return {
    id: m.id === undefined ? defaultId : requiredText(String(m.id), where, '"id"', fault) || defaultId,
    answers: listed ? answers.map((a, i) => requiredText(a, where, `answer ${i + 1}`, fault)) : [],
    compare: compare === 'exact' ? 'exact' : 'equivalent',
    message: optionalText(m.message, where, '"message"', fault),
    mini: m.mini === undefined ? null : readProblem(m.mini, `${where}: "mini"`, 'mini', fault, { allowMistakes: false }),
  };
}

// A field's fault is reported as `${where}: ${field} must be...`.
function requiredText(v, where, field, fault) {
  if (typeof v !== 'string' || v.trim() === '') {
    fault(where, `${field} must be non-empty text`);
    return '';
  }
  if (v.length > MAX_TEXT) {
    fault(where, `${field} is longer than ${MAX_TEXT} characters`);
    return '';
  }
  return v;
}

function optionalText(v, where, field, fault) {
  return v === undefined || v === null ? '' : requiredText(v, where, field, fault);
}

function textList(v, where, field, fault) {
  if (v === undefined) return [];
  if (typeof v === 'string') return [requiredText(v, where, field, fault)];
  if (!Array.isArray(v)) {
    fault(where, `${field} must be a list of text`);
    return [];
  }
  return v.map((h, i) => requiredText(h, where, `${field} ${i + 1}`, fault));
}

// Every LaTeX answer in a set that `readable(latex)` refuses, as messages (empty when all read).
export function unreadableAnswers(set, readable) {
  const problems = [];
  for (const p of set.problems) {
    const check = (latex, what) => { if (!readable(latex)) problems.push(`problem "${p.id}": ${what} "${latex}" is not valid math`); };
    check(p.answer, 'the answer');
    if (p.work) check(p.latex, 'the problem\'s "latex"');
    for (const m of p.mistakes) {
      m.answers.forEach((a) => check(a, `mistake "${m.id}"`));
      if (m.mini) check(m.mini.answer, `the mini problem of mistake "${m.id}"`);
      if (m.mini?.work) check(m.mini.latex, `the "latex" of the mini problem of mistake "${m.id}"`);
    }
  }
  return problems;
}

// The URL of a problem set named by `input` (a path or URL), resolved against the page.
// Only the page's own site is allowed: nothing is ever asked of another host.
export function problemSetUrl(input, pageHref) {
  let url;
  try {
    url = new URL(String(input).trim(), pageHref);
  } catch {
    throw new ProblemSetError(`"${input}" is not a path or web address`);
  }
  const page = new URL(pageHref);
  if (url.origin !== page.origin) throw new ProblemSetError(`problem sets load only from this site (${page.origin}), not from ${url.origin}`);
  return url;
}

// Loads and parses the problem set at `input` on the page's site.
export async function loadProblemSet(input, pageHref, fetchFn = fetch) {
  const url = problemSetUrl(input, pageHref);
  let response;
  try {
    response = await fetchFn(url.href, { credentials: 'same-origin', mode: 'same-origin' });
  } catch {
    throw new ProblemSetError(`${url.pathname} could not be downloaded (no connection?)`);
  }
  if (!response.ok) throw new ProblemSetError(`${url.pathname} is not on this site (${response.status})`);
  return { url: url.href, set: parseProblemSet(await response.text()) };
}

// The sets listed in the site's index ({ "sets": [{ "title", "file" }] }), as [{ url, title }]
// with files relative to the index; none when there is no index.
export async function listProblemSets(indexUrl, fetchFn = fetch) {
  try {
    const response = await fetchFn(indexUrl);
    if (!response.ok) return [];
    const { sets } = await response.json();
    return (Array.isArray(sets) ? sets : []).filter((s) => s && typeof s.file === 'string')
      .map((s) => ({ url: new URL(s.file, indexUrl).href, title: typeof s.title === 'string' && s.title ? s.title : s.file }));
  } catch {
    return [];
  }
}
