// Practice mode: shows a problem, checks the answer written on the paper and responds:
// right -> the next problem; wrong -> the hint, then the mini problem for a known mistake,
// then back. An unsure reading is shown for confirmation before it is judged. Every judged
// answer goes into the report, which stays on the device until it is downloaded.
// The page hands it the ink store and its reading (web/reading.js): setUpPractice({ store, reading }).
import { paths, pageUrl } from '../config.js';
import { loadKatex, typeset } from '../view/katex.js';
import { downloadText } from '../view/files.js';
import { AnswerChecker } from './check.js';
import { assessReading, readingMatchesInk } from './confidence.js';
import { loadProblemSet, parseProblemSet, unreadableAnswers, listProblemSets } from './problem-set.js';
import { saveProgress as keepProgress, loadProgress } from './progress.js';
import { renderPrompt } from './prompt.js';
import { PracticeSession } from './session.js';
import { AttemptLog } from './attempts.js';
import { attemptsToCsv, attemptsToJson } from './report.js';
import { buildPanel } from './panel.js';
import { Feedback } from './feedback.js';
import { button } from './dom.js';

const ENGINE = `${paths.lib}compute-engine.js`;
const SETS_INDEX = 'web/problems/index.json';
const READING_TIMEOUT_MS = 30000;

let store = null;     // the ink (web/ink/store.js)
let reading = null;   // the latest reading and the recognizer's state (web/reading.js)
let container = null;
let ui = null;
let feedback = null;
// Reading the localStorage property itself throws where the browser forbids storage.
const storage = (() => {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
})();
const log = new AttemptLog();
let session = null;
let source = null;    // where the set came from: { url } or { name, text }
let phase = 'idle';   // idle | answering | reading | confirm | right | wrong | unreadable | done
let started = null;
let checking = null;

function setPhase(next) {
  phase = next;
  container.dataset.state = next;
  ui.check.disabled = !['answering', 'wrong', 'unreadable'].includes(next);
  ui.skip.disabled = next === 'done' || next === 'idle';
}

// --- the answer checker ------------------------------------------------------------------

let engine = null;
function checker() {
  engine ??= import(pageUrl(ENGINE)).then((m) => new AnswerChecker(new m.ComputeEngine()), (err) => {
    engine = null;
    throw new Error(`the answer checker could not be loaded (${err.message})`);
  });
  return engine;
}

// The reading of the ink now on the paper (waits for one still being recognized).
function currentReading() {
  if (readingMatchesInk(reading.latest, store.state)) return Promise.resolve(reading.latest);
  return new Promise((resolve, reject) => {
    const done = (fn, value) => {
      clearTimeout(timer);
      reading.removeEventListener('reading', onReading);
      fn(value);
    };
    const onReading = () => { if (readingMatchesInk(reading.latest, store.state)) done(resolve, reading.latest); };
    const timer = setTimeout(() => done(reject, new Error('the recognizer did not answer in time; try again')), READING_TIMEOUT_MS);
    reading.addEventListener('reading', onReading);
  });
}

// --- checking ------------------------------------------------------------------------------

async function check() {
  if (checking || !session || session.done) return;
  if (store.strokes.length === 0) return feedback.info('Write your answer on the paper first.');
  if (!reading.working) return feedback.info('The recognizer is not working right now, so answers cannot be checked. Your ink is kept.', 'error');
  setPhase('reading');
  feedback.info('Reading your answer…');
  checking = Promise.all([currentReading(), checker(), katexReady()]);
  try {
    const [read, answers] = await checking;
    const { unsure } = assessReading(read);
    const readable = answers.readable(read.latex);
    if (unsure.length > 0 || !readable) askToConfirm();
    else judge(answers, read, { confirmed: false });
  } catch (err) {
    setPhase('answering');
    feedback.info(`Could not check the answer: ${err.message}.`, 'error');
  } finally {
    checking = null;
  }
}

function askToConfirm() {
  setPhase('confirm');
  showConfirm();
}

// The confirmation follows the ink: picking an alternative (or any edit) reads it again.
async function showConfirm() {
  if (store.strokes.length === 0) {
    setPhase('answering');
    return feedback.clear();
  }
  let read;
  try {
    read = await currentReading();
  } catch (err) {
    if (phase !== 'confirm') return;
    setPhase('answering');
    return feedback.info(`Could not read the answer: ${err.message}.`, 'error');
  }
  if (phase !== 'confirm') return;
  const answers = await checker();
  const { unsure } = assessReading(read);
  feedback.confirm({ latex: read.latex, unsure, readable: answers.readable(read.latex) }, {
    pick: (symbol, label) => store.fix(symbol.ids, label),
    yes: confirmed,
    rewrite,
  });
}

async function confirmed() {
  if (phase !== 'confirm') return;
  let read, answers;
  try {
    [read, answers] = await Promise.all([currentReading(), checker()]);
  } catch (err) {
    return feedback.info(`Could not check the answer: ${err.message}.`, 'error');
  }
  if (phase !== 'confirm') return;
  const parsed = answers.read(read.latex);
  if (!parsed.ok) {
    setPhase('unreadable');
    return feedback.unreadable({ reason: parsed.reason, rewrite });
  }
  judge(answers, read, { confirmed: true });
}

function judge(answers, read, { confirmed }) {
  const problem = session.problem;
  const verdict = answers.judge(problem, read.latex);
  if (verdict.verdict === 'unreadable') {
    setPhase('unreadable');
    return feedback.unreadable({ reason: verdict.reason, rewrite });
  }
  record(problem, read, verdict, confirmed);
  if (verdict.verdict === 'right') {
    setPhase('right');
    const label = session.mini ? 'Back to the problem' : session.index + 1 < session.set.problems.length ? 'Next problem' : 'Finish';
    return feedback.right({ latex: read.latex, nextLabel: label, next: session.mini ? backFromMini : nextProblem });
  }
  session.wrong();
  setPhase('wrong');
  const mistake = verdict.mistake;
  const mini = !session.mini && mistake && mistake.mini ? mistake.mini : null;
  feedback.wrong({
    latex: read.latex,
    message: mistake ? mistake.message : '',
    hint: session.hint,
    miniProblem: mini,
    startMini: () => startMini(mistake),
    rewrite,
  });
}

function record(problem, read, verdict, confirmed) {
  const { confidence } = assessReading(read);
  log.add({
    time: new Date().toISOString(),
    set: session.set.title,
    problem: session.problemId,
    miniOf: session.mini ? session.parent.id : '',
    prompt: problem.prompt,
    expected: problem.answer,
    latex: read.latex,
    confidence,
    confirmed,
    result: verdict.verdict,
    mistake: verdict.mistake ? verdict.mistake.id : '',
    strokes: store.snapshot().strokes,
  }).then(showCount);
}

// --- moving through the set ---------------------------------------------------------------

function rewrite() {
  store.clear();
  setPhase('answering');
  feedback.clear();
}

function startMini(mistake) {
  if (!session.startMini(mistake)) return;
  store.clear();
  showProblem();
}

function backFromMini() {
  session.endMini();
  store.clear();
  showProblem('Now try the problem again.');
}

function nextProblem() {
  session.next();
  store.clear();
  saveProgress();
  showProblem();
}

function skip() {
  if (!session || session.done) return;
  if (session.mini) return backFromMini();
  nextProblem();
}

async function showProblem(note = '') {
  await katexReady();
  const katex = await loadKatex();
  if (session.done) {
    setPhase('done');
    ui.where.textContent = session.set.title;
    ui.prompt.textContent = `All ${session.set.problems.length} problems done. Well done!`;
    container.dataset.problem = '';
    return feedback.show('done', feedback.text('Start the set again, or pick other problems below.'),
      button('Start again', restart, { id: 'practice-restart', class: 'primary' }));
  }
  const p = session.problem;
  const n = session.set.problems.length;
  ui.where.textContent = session.mini
    ? `Mini problem for problem ${session.index + 1} of ${n}`
    : `Problem ${session.index + 1} of ${n}${p.topic ? ` · ${p.topic}` : ''}`;
  renderPrompt(ui.prompt, p.prompt, (latex, span) => typeset(katex, latex, span, { displayMode: false }));
  container.dataset.problem = session.problemId;
  container.dataset.mini = session.mini ? 'true' : 'false';
  setPhase('answering');
  askForLines();
  if (note) feedback.info(note);
  else feedback.clear();
}

function restart() {
  session.restart();
  store.clear();
  saveProgress();
  showProblem();
}

async function katexReady() {
  feedback.katex = await loadKatex();
}

// --- problem sets ---------------------------------------------------------------------------

async function useSet(set, from, index = 0) {
  const answers = await checker();
  const bad = unreadableAnswers(set, (latex) => answers.readable(latex));
  if (bad.length) throw new Error(bad.slice(0, 3).join('; '));
  session = new PracticeSession(set, index);
  source = from;
  saveProgress();
  markChosenSet();
  await showProblem();
}

async function chooseSet(url) {
  if (url) await loadUrl(url);
}

async function loadUrl(input) {
  if (!String(input).trim()) return message('Type the path of a problem file on this site, e.g. web/problems/my-set.json.');
  try {
    const { url, set } = await loadProblemSet(input, document.baseURI);
    await useSet(set, { url });
    message(`Loaded "${set.title}" (${set.problems.length} problems).`);
  } catch (err) {
    message(`Could not load the problems: ${err.message}. The current problems stay.`, 'error');
    markChosenSet();
  }
}

async function openFile(file) {
  try {
    const text = await file.text();
    const set = parseProblemSet(text);
    await useSet(set, { name: file.name, text });
    message(`Opened "${set.title}" from ${file.name} (${set.problems.length} problems).`);
  } catch (err) {
    message(`Could not open ${file.name}: ${err.message}. The current problems stay.`, 'error');
  }
}

async function fillSetList() {
  const sets = await listProblemSets(pageUrl(SETS_INDEX));
  ui.sets.replaceChildren(...sets.map(({ url, title }) => {
    const option = document.createElement('option');
    option.value = url;
    option.textContent = title;
    return option;
  }));
  return sets.map((s) => s.url);
}

function markChosenSet() {
  const url = source && source.url;
  let option = [...ui.sets.options].find((o) => o.value === url);
  if (!option && source) {
    option = document.createElement('option');
    option.value = url || '';
    option.textContent = session.set.title + (source.name ? ` (${source.name})` : '');
    ui.sets.append(option);
  }
  if (option) ui.sets.value = option.value;
}

function message(text, kind = 'info') {
  ui.message.textContent = text;
  ui.message.dataset.kind = kind;
}

// --- progress and report --------------------------------------------------------------------

function saveProgress() {
  if (storage) keepProgress(storage, source, session.index);
}

async function showCount() {
  const n = (await log.all()).length;
  ui.count.textContent = `${n} answer${n === 1 ? '' : 's'}${log.persistent ? '' : ' (kept until this page closes)'}`;
}

async function saveReport(kind) {
  const attempts = await log.all();
  if (attempts.length === 0) return message('No answers yet: the report is empty.');
  const day = new Date().toISOString().slice(0, 10);
  if (kind === 'csv') downloadText(attemptsToCsv(attempts), `inkmath-practice-${day}.csv`, 'text/csv');
  else downloadText(attemptsToJson(attempts), `inkmath-practice-${day}.json`, 'application/json');
}

async function clearReport() {
  if (!window.confirm('Remove every answer from the report on this device?')) return;
  await log.clear();
  showCount();
  message('The report is empty now.');
}

// --- start ------------------------------------------------------------------------------------

async function start() {
  setPhase('idle');
  feedback.info('Loading the problems…');
  const listed = await fillSetList();
  const asked = new URLSearchParams(location.search).get('set');
  const saved = storage && loadProgress(storage);
  // The set named in the address, else the one in use last time, else the first listed.
  const candidates = [
    asked && (() => loadProblemSet(asked, document.baseURI).then(({ url, set }) => useSet(set, { url }))),
    saved && saved.source.text && (() => useSet(parseProblemSet(saved.source.text), saved.source, saved.index)),
    saved && saved.source.url && (() => loadProblemSet(saved.source.url, document.baseURI).then(({ url, set }) => useSet(set, { url }, saved.index))),
    listed.length && (() => loadProblemSet(listed[0], document.baseURI).then(({ url, set }) => useSet(set, { url }))),
  ].filter(Boolean);
  const errors = [];
  for (const load of candidates) {
    try {
      await load();
      break;
    } catch (err) {
      errors.push(err.message);
    }
  }
  if (!session) {
    feedback.info(errors.length ? `The problems could not be loaded: ${errors.join('; ')}.`
      : 'No problems found on this site. Open a problem file under "For teachers and parents".', 'error');
  } else if (errors.length) {
    message(`Some problems could not be loaded: ${errors.join('; ')}.`, 'error');
  }
  showCount();
}

// Worked steps are written one under another: the page reads them line by line.
function askForLines() {
  const work = document.body.dataset.mode === 'practice' && session && !session.done && session.problem.work;
  reading.ask(work ? { lines: true } : {});
}

function onMode(mode) {
  if (mode === 'practice' && !started) started = start();
  askForLines();
}

export function setUpPractice(page) {
  ({ store, reading } = page);
  container = document.getElementById('practice');
  ui = buildPanel(container, {
    check, skip, chooseSet, openFile, loadUrl,
    saveCsv: () => saveReport('csv'),
    saveJson: () => saveReport('json'),
    clearReport,
  });
  feedback = new Feedback(ui.feedback);
  // Follow the ink while a reading waits for confirmation.
  reading.addEventListener('reading', () => { if (phase === 'confirm') showConfirm(); });
  window.addEventListener('inkmath:mode', (e) => onMode(e.detail.mode));
  onMode(document.body.dataset.mode);
}
