// Problem sets: plain JSON files a teacher writes (the format is in the README). This module
// reads and checks them, and loads them only from the page's own site.

import { MISCONCEPTION_IDS } from './steps/misconceptions.js';

const MAX_BYTES = 1024 * 1024;
const MAX_PROBLEMS = 1000;
const MAX_TEXT = 2000;

export class ProblemSetError extends Error {}

// Parses the text of a problem set. Returns { title, problems } with defaults filled in;
// throws ProblemSetError naming the first thing that is wrong.
export function parseProblemSet(text) {
  if (typeof text !== 'string') throw new ProblemSetError('the file could not be read as text');
  if (text.length > MAX_BYTES) throw new ProblemSetError('the file is larger than 1 MB');
  let data;
  try {
    data = JSON.parse(text);
  } catch (err) {
    throw new ProblemSetError(`it is not valid JSON (${err.message})`);
  }
  if (!data || typeof data !== 'object' || Array.isArray(data)) throw new ProblemSetError('it must be a JSON object with "problems"');
  if (!Array.isArray(data.problems) || data.problems.length === 0) throw new ProblemSetError('"problems" must be a list with at least one problem');
  if (data.problems.length > MAX_PROBLEMS) throw new ProblemSetError(`it has more than ${MAX_PROBLEMS} problems`);
  const title = optionalText(data.title, '"title"') || 'Problems';
  const ids = new Set();
  const problems = data.problems.map((p, i) => {
    const problem = readProblem(p, `problem ${i + 1}`, String(i + 1));
    if (ids.has(problem.id)) throw new ProblemSetError(`problem ${i + 1}: the id "${problem.id}" is used twice`);
    ids.add(problem.id);
    return problem;
  });
  return { title, problems };
}

function readProblem(p, where, defaultId, { allowMistakes = true } = {}) {
  if (!p || typeof p !== 'object' || Array.isArray(p)) throw new ProblemSetError(`${where} must be an object`);
  const id = p.id === undefined ? defaultId : requiredText(String(p.id), `${where}: "id"`);
  const label = p.id === undefined ? where : `${where} ("${id}")`;
  const compare = p.compare === undefined ? 'equivalent' : p.compare;
  if (compare !== 'equivalent' && compare !== 'exact') throw new ProblemSetError(`${label}: "compare" must be "equivalent" or "exact"`);
  const problem = {
    id,
    topic: optionalText(p.topic, `${label}: "topic"`),
    prompt: requiredText(p.prompt, `${label}: "prompt"`),
    answer: requiredText(p.answer, `${label}: "answer"`),
    compare,
    hints: textList(p.hints, `${label}: "hints"`),
    work: false,
    latex: '',
    mistakes: [],
  };
  if (p.work !== undefined && typeof p.work !== 'boolean') throw new ProblemSetError(`${label}: "work" must be true or false`);
  if (p.work) {
    // The child writes the steps from this problem's math to the answer.
    problem.work = true;
    problem.latex = requiredText(p.latex, `${label}: "latex" (the math the steps start from, needed with "work")`);
  } else if (p.latex !== undefined) {
    throw new ProblemSetError(`${label}: "latex" is only for problems with "work": true`);
  }
  if (p.mistakes !== undefined) {
    if (!allowMistakes) throw new ProblemSetError(`${label}: a mini problem cannot have mistakes of its own`);
    if (!Array.isArray(p.mistakes)) throw new ProblemSetError(`${label}: "mistakes" must be a list`);
    problem.mistakes = p.mistakes.map((m, k) => readMistake(m, `${label}, mistake ${k + 1}`, String(k + 1), problem.work));
  }
  return problem;
}

// In a worked problem a mistake may name a misconception of the catalogue instead of listing
// answers: its message and mini problem then replace the catalogue's for that problem.
function readMistake(m, where, defaultId, work) {
  if (!m || typeof m !== 'object' || Array.isArray(m)) throw new ProblemSetError(`${where} must be an object`);
  if (work && m.answers === undefined) {
    if (!MISCONCEPTION_IDS.includes(m.id)) throw new ProblemSetError(`${where}: without "answers", "id" must be a misconception: ${MISCONCEPTION_IDS.join(', ')}`);
    return {
      id: m.id,
      answers: [],
      compare: 'equivalent',
      message: optionalText(m.message, `${where}: "message"`),
      mini: m.mini === undefined ? null : readProblem(m.mini, `${where}: "mini"`, 'mini', { allowMistakes: false }),
    };
  }
  const answers = typeof m.answers === 'string' ? [m.answers] : m.answers;
  if (!Array.isArray(answers) || answers.length === 0) throw new ProblemSetError(`${where}: "answers" must list the wrong answers it stands for`);
  const compare = m.compare === undefined ? 'equivalent' : m.compare;
  if (compare !== 'equivalent' && compare !== 'exact') throw new ProblemSetError(`${where}: "compare" must be "equivalent" or "exact"`);
  return {
    id: m.id === undefined ? defaultId : requiredText(String(m.id), `${where}: "id"`),
    answers: answers.map((a, i) => requiredText(a, `${where}: answer ${i + 1}`)),
    compare,
    message: optionalText(m.message, `${where}: "message"`),
    mini: m.mini === undefined ? null : readProblem(m.mini, `${where}: "mini"`, 'mini', { allowMistakes: false }),
  };
}

function requiredText(v, where) {
  if (typeof v !== 'string' || v.trim() === '') throw new ProblemSetError(`${where} must be non-empty text`);
  if (v.length > MAX_TEXT) throw new ProblemSetError(`${where} is longer than ${MAX_TEXT} characters`);
  return v;
}

function optionalText(v, where) {
  return v === undefined || v === null ? '' : requiredText(v, where);
}

function textList(v, where) {
  if (v === undefined) return [];
  if (typeof v === 'string') return [requiredText(v, where)];
  if (!Array.isArray(v)) throw new ProblemSetError(`${where} must be a list of text`);
  return v.map((h, i) => requiredText(h, `${where} ${i + 1}`));
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
