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
import { decide } from './judgement.js';
import { problemVocabulary } from './vocabulary.js';
import { loadProblemSet, parseProblemSet, unreadableAnswers, listProblemSets } from './problem-set.js';
import { saveProgress as keepProgress, loadProgress } from './progress.js';
import { renderPrompt } from './prompt.js';
import { PracticeSession } from './session.js';
import { AttemptLog } from './attempts.js';
import { attemptsToCsv, attemptsToJson, reportFileName } from './report.js';
import { localTime } from './readable.js';
import { buildPanel } from './panel.js';
import { Feedback } from './feedback.js';
import { el, button } from './dom.js';
import { Children, ChildError } from './children.js';
import { InkHighlight } from './highlight.js';
import { keepInkPerMode } from './mode-ink.js';
import { WorkChecker, WorkError, MESSAGES as WORK_MESSAGES } from './steps/work.js';
import { stepLines, doubtfulSymbols, firstUnreadable } from './work-reading.js';
import { StepMark } from './step-mark.js';

const ENGINE = `${paths.lib}compute-engine.js`;
const SETS_INDEX = 'web/problems/index.json';
const READING_TIMEOUT_MS = 30000;

let store = null;     // the ink (web/ink/store.js)
let reading = null;   // the latest reading and the recognizer's state (web/reading.js)
let steps = null;     // the written lines typeset on the paper (web/view/steps.js)
let writerSize = null;  // the writer's stroke size from their other inks (web/ink/writer-size.js)
let stepMark = null;  // a line marked on the ink (step-mark.js)
let askLine = null;   // worked steps: the line asked about before it is judged
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
const children = new Children(storage);
let highlight = null;
const log = new AttemptLog();
let session = null;
let source = null;    // where the set came from: { url } or { name, text }
let phase = 'idle';   // idle | answering | reading | choose | confirm | right | wrong | unreadable | done
let started = null;
let checking = null;
let score = { right: 0, first: 0 };  // problems of this set right, and right at the first try
let askAll = false;   // the child said the reading is not what they wrote: ask about every symbol

function setPhase(next) {
  phase = next;
  if (next !== 'confirm') {
    highlight.clear();
    askAll = false;
    askLine = null;
  }
  if (next !== 'confirm' && next !== 'wrong' && next !== 'right') markLine(null);
  container.dataset.state = next;
  ui.check.disabled = !['answering', 'wrong', 'unreadable'].includes(next);
  ui.skip.disabled = next === 'done' || next === 'idle';
}

// --- the answer checker ------------------------------------------------------------------

let engine = null;
let workChecker = null;
function checker() {
  engine ??= import(pageUrl(ENGINE)).then((m) => new AnswerChecker(new m.ComputeEngine()), (err) => {
    engine = null;
    throw new Error(`the answer checker could not be loaded (${err.message})`);
  });
  return engine;
}

// The checker of worked steps, on the same engine (the one scripts/check-work runs).
const stepsChecker = (answers) => (workChecker ??= new WorkChecker(answers));

// The reading of the ink now on the paper (waits for one still being recognized); worked
// steps need one read as lines (a reading asked for before the problem was shown is not).
const isCurrent = (r) => readingMatchesInk(r, store.state) && !(session?.problem?.work && !r.lines?.length);

function currentReading() {
  if (isCurrent(reading.latest)) return Promise.resolve(reading.latest);
  return new Promise((resolve, reject) => {
    const done = (fn, value) => {
      clearTimeout(timer);
      reading.removeEventListener('reading', onReading);
      fn(value);
    };
    const onReading = () => { if (isCurrent(reading.latest)) done(resolve, reading.latest); };
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
    if (session.problem.work) return checkSteps(answers, read);
    // Every plausible reading is judged: a verdict only when they agree (judgement.js).
    const decision = decide(answers, session.problem, read);
    // A try that cannot be read as math is kept in the report as unreadable (never as wrong).
    if (!answers.readable(read.latex)) record(session.problem, read, { verdict: 'unreadable' }, false);
    // The reading judged is the decision's (an open 4 joined, digits read on the line).
    if (decision.verdict === 'right' || decision.verdict === 'wrong') judge(answers, { ...read, latex: decision.latex }, { confirmed: false });
    else if (decision.choices.length > 1) askWhichReading(answers, read, decision.choices);
    else askToConfirm();
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

// "Did you write 42 or 41?": the plausible readings as choices. The one chosen is fixed on
// the ink (its symbols' labels) and judged as confirmed; "Something else" asks about symbols.
let asked = null;  // the reading a "Did you write...?" question is about

function askWhichReading(answers, read, choices) {
  asked = read;
  setPhase('choose');
  feedback.choose({ choices }, {
    pick: (choice) => {
      if (phase !== 'choose') return;
      setPhase('reading');
      if (choice.fixes.length) store.fixAll(choice.fixes);
      judge(answers, { ...read, latex: choice.latex }, { confirmed: true });
    },
    other: () => {
      setPhase('confirm');
      askAll = true;
      showConfirm();
    },
    rewrite,
  });
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
  const lines = session.problem.work ? stepLines(read) : null;
  const line = lines && askLine !== null ? lines[askLine] : null;
  const inOrder = [...(line ? line.symbols : read.symbols)].sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || a.box[0] - b.box[0]);
  const next = (symbol) => inOrder[inOrder.indexOf(symbol) + 1] || null;
  // What cannot be read as math, with no symbol unsure, may be symbols split or joined
  // wrongly: every symbol is asked about (of worked steps, every symbol of the lines that
  // cannot be read). A line about to be blamed for a wrong step: its doubtful symbols.
  // The symbols asked about are shown on the ink.
  const readable = lines ? firstUnreadable(lines, (l) => answers.readable(l)) < 0 : answers.readable(read.latex);
  const asked = line ? (askAll ? inOrder : doubtfulSymbols(line))
    : askAll || (!unsure.length && !readable)
      ? (lines && !askAll ? lines.filter((l) => !answers.readable(l.latex)).flatMap((l) => l.symbols) : inOrder)
      : unsure;
  showOnInk(asked.map((s) => s.ids));
  if (line) markLine(askLine, 'doubt', lines);
  const question = line ? `Before I check line ${askLine + 1}: is this what you wrote?` : undefined;
  feedback.confirm({ latex: line ? line.latex : read.latex, unsure: asked, readable, next, question }, {
    pick: (symbol, label) => store.fix(symbol.ids, label),
    other: (symbol) => {
      showOnInk([symbol.ids]);
      feedback.keypad('Which symbol is it?', (label) => store.fix(symbol.ids, label), showConfirm);
    },
    join: (symbol) => joinSymbols([...symbol.ids, ...next(symbol).ids]),
    split: (symbol) => splitSymbol(symbol.ids),
    yes: confirmed,
    rewrite,
  });
}

// A sure reading can still be wrong (two strokes of an x read as ", >"): the child fixes the
// symbols, joins or splits them, and checks again.
function notMine() {
  if (phase !== 'wrong') return;
  const wrongLine = blamedLine;
  setPhase('confirm');
  askAll = true;
  askLine = wrongLine;
  showConfirm();
}

function showOnInk(groups) {
  const points = new Map(store.strokes.map((s) => [s.id, s.points]));
  highlight.show(groups.map((ids) => ids.filter((id) => points.has(id)).map((id) => points.get(id))));
}

// Strokes the recognizer took for two symbols are one: the child says which.
function joinSymbols(ids) {
  showOnInk([ids]);
  feedback.keypad('These strokes are one symbol. Which one?', (label) => store.fix(ids, label), showConfirm);
}

// One symbol is really two: the first stroke, then the rest, each with its own label.
function splitSymbol(ids) {
  const [first, ...rest] = ids;
  showOnInk([[first]]);
  feedback.keypad('What is this part?', (one) => {
    showOnInk([rest]);
    feedback.keypad('And this part?', (other) => {
      store.fix([first], one);
      store.fix(rest, other);
    }, showConfirm);
  }, showConfirm);
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
  if (session.problem.work) return confirmedSteps(answers, read);
  const parsed = answers.read(read.latex);
  if (!parsed.ok) {
    record(session.problem, read, { verdict: 'unreadable' }, true);
    setPhase('unreadable');
    return feedback.unreadable({ reason: parsed.reason, rewrite });
  }
  judge(answers, read, { confirmed: true });
}

function judge(answers, read, { confirmed }) {
  const problem = session.problem;
  const verdict = answers.judge(problem, read.latex);
  if (verdict.verdict === 'unreadable') {
    record(problem, read, verdict, confirmed);
    setPhase('unreadable');
    return feedback.unreadable({ reason: verdict.reason, rewrite });
  }
  record(problem, read, verdict, confirmed);
  if (verdict.verdict === 'right') return showRight(read.latex);
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
    notMine,
  });
}

function showRight(latex) {
  if (!session.mini) {
    score.right++;
    if (session.wrongAnswers === 0) score.first++;
  }
  setPhase('right');
  const label = session.mini ? 'Back to the problem' : session.index + 1 < session.set.problems.length ? 'Next problem' : 'Finish';
  return feedback.right({ latex, nextLabel: label, next: session.mini ? backFromMini : nextProblem });
}

// --- worked steps ---------------------------------------------------------------------------
// Each written line is a step: the lines go to the WorkChecker (steps/work.js); the first
// wrong step is marked on the ink and among the typeset steps, and its misconception brings
// its message, the hint and a mini problem. A line is blamed only once it is read surely or
// the child confirmed it (work-reading.js).

let blamedLine = null;  // the first wrong line of the latest check

function checkSteps(answers, read) {
  const lines = stepLines(read);
  const bad = firstUnreadable(lines, (latex) => answers.readable(latex));
  // A try that cannot be read as math is kept in the report as unreadable (never as wrong).
  if (bad >= 0) record(session.problem, read, { verdict: 'unreadable', work: workOf(lines) }, false);
  if (bad >= 0 || assessReading(read).unsure.length > 0) return askToConfirm();
  judgeSteps(answers, read, { confirmed: false });
}

function confirmedSteps(answers, read) {
  const lines = stepLines(read);
  const bad = firstUnreadable(lines, (latex) => answers.read(latex).ok);
  if (bad >= 0) {
    record(session.problem, read, { verdict: 'unreadable', work: workOf(lines) }, true);
    setPhase('unreadable');
    return feedback.unreadable({ reason: `line ${bad + 1}: ${answers.read(lines[bad].latex).reason}`, rewrite });
  }
  judgeSteps(answers, read, { confirmed: true });
}

const workOf = (lines, result = null) => ({
  lines: lines.map((l) => l.latex),
  firstWrong: result ? result.firstWrong : null,
  misconception: result ? result.misconception : null,
  message: result ? result.message : '',
});

function judgeSteps(answers, read, { confirmed }) {
  const problem = session.problem;
  const lines = stepLines(read);
  let result;
  try {
    result = stepsChecker(answers).checkProblem(problem, lines.map((l) => l.latex), { seed: session.index + session.wrongAnswers + 1 });
  } catch (err) {
    if (!(err instanceof WorkError)) throw err;
    record(problem, read, { verdict: 'unreadable', work: workOf(lines) }, confirmed);
    setPhase('unreadable');
    return feedback.unreadable({ reason: err.message, rewrite });
  }
  const wrongAt = result.firstWrong;
  // Never blame a misread: a wrong line read with any doubt is shown to the child first.
  if (wrongAt !== null && !confirmed && doubtfulSymbols(lines[wrongAt]).length > 0) {
    setPhase('confirm');
    askLine = wrongAt;
    return showConfirm();
  }
  const work = workOf(lines, result);
  if (wrongAt === null && result.answered) {
    record(problem, read, { verdict: 'right', mistake: null, work }, confirmed);
    markLine(null, 'right', lines);
    return showRight(read.latex);
  }
  // Every line right, the last not yet an answer: the child goes on writing.
  if (wrongAt === null && result.message !== WORK_MESSAGES.notTheAnswer) {
    setPhase('answering');
    markLine(null, 'right', lines);
    return feedback.info(result.message);
  }
  record(problem, read, { verdict: 'wrong', mistake: null, work }, confirmed);
  session.wrong();
  setPhase('wrong');
  blamedLine = wrongAt;
  if (wrongAt !== null) markLine(wrongAt, 'wrong', lines);
  const mistake = result.misconception && result.mini ? { id: result.misconception, message: result.message, mini: result.mini } : null;
  feedback.wrongStep({
    line: wrongAt,
    latex: wrongAt !== null ? lines[wrongAt].latex : read.latex,
    message: result.message,
    misconception: result.misconception,
    hint: session.hint,
    miniProblem: !session.mini && mistake ? mistake.mini : null,
    startMini: () => startMini(mistake),
    rewrite,
    notMine,
  });
}

// Marks line `index` on the ink (kind 'wrong' or 'doubt') and among the typeset steps, the
// lines before it right; index null with kind 'right' marks every line right; no lines clears.
function markLine(index, kind = 'wrong', lines = null) {
  if (!lines || (index === null && kind !== 'right')) {
    stepMark.clear();
    steps?.mark([]);
    return;
  }
  steps?.mark(lines.map((_, i) => index === null ? 'right' : i === index ? kind : i < index && kind === 'wrong' ? 'right' : ''));
  if (index === null) return stepMark.clear();
  const points = new Map(store.strokes.map((s) => [s.id, s.points]));
  stepMark.show(index, lines[index].ids.filter((id) => points.has(id)).map((id) => points.get(id)), kind);
}

// A random id for each attempt, so that the teacher's view counts an attempt found in two
// report files once (crypto.randomUUID exists only on https pages).
function attemptId() {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
}

// Every try goes into the report: judged answers, tries that could not be read as math and
// skipped problems (read null).
function record(problem, read, verdict, confirmed) {
  const { confidence } = read ? assessReading(read) : { confidence: null };
  const now = new Date();
  const mistake = verdict.mistake ? verdict.mistake.id : '';
  log.add({
    uid: attemptId(),
    child: { ...children.current },
    time: now.toISOString(),
    localTime: localTime(now),
    set: session.set.title,
    problem: session.problemId,
    topic: session.parent.topic || '',
    miniOf: session.mini ? session.parent.id : '',
    prompt: problem.prompt,
    expected: problem.answer,
    latex: read ? read.latex : '',
    confidence,
    confirmed,
    result: verdict.verdict,
    hints: Math.min(session.wrongAnswers, problem.hints.length),
    mistake,
    // The misconception behind a wrong answer: the one the step checker named for worked
    // steps, else the id of the known mistake it matched.
    misconception: verdict.work ? verdict.work.misconception || '' : mistake,
    misconceptionText: verdict.work ? (verdict.work.misconception ? verdict.work.message : '') : verdict.mistake ? verdict.mistake.message : '',
    // Worked steps: each line's reading, and the first wrong one (0-based; null: none).
    lines: verdict.work ? verdict.work.lines : [],
    firstWrong: verdict.work ? verdict.work.firstWrong : null,
    strokes: read ? store.snapshot().strokes : [],
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
  record(session.problem, null, { verdict: 'skipped' }, false);
  if (session.mini) return backFromMini();
  nextProblem();
}

async function showProblem(note = '') {
  await katexReady();
  const katex = await loadKatex();
  if (session.done) {
    setPhase('done');
    const n = session.set.problems.length;
    ui.where.textContent = session.set.title;
    ui.prompt.textContent = score.right === n ? `All ${n} problems right. Brilliant!` : `You finished all ${n} problems. Well done!`;
    container.dataset.problem = '';
    const stars = el('p', { class: 'practice-stars', 'aria-hidden': 'true' }, '★'.repeat(Math.min(score.right, 10)) || '☆');
    return feedback.show('done', stars,
      el('p', { class: 'practice-score', id: 'practice-score' },
        `${score.right} of ${n} right` + (score.first ? `, ${score.first} of them at the first try.` : '.')),
      feedback.text(score.right < n ? 'Try the set again to get even more right, or pick other problems below.' : 'Start again, or pick other problems below.'),
      button('Start again', restart, { id: 'practice-restart', class: 'primary' }));
  }
  const p = session.problem;
  const n = session.set.problems.length;
  ui.where.textContent = (session.mini
    ? `Mini problem for problem ${session.index + 1} of ${n}`
    : `Problem ${session.index + 1} of ${n}${p.topic ? ` · ${p.topic}` : ''}`) + (score.right ? ` · ★ ${score.right}` : '');
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
  score = { right: 0, first: 0 };
  store.clear();
  saveProgress();
  showProblem();
}

async function katexReady() {
  feedback.katex = await loadKatex();
}

// --- problem sets ---------------------------------------------------------------------------

async function useSet(set, from, index = 0, kept = null) {
  const answers = await checker();
  const bad = unreadableAnswers(set, (latex) => answers.readable(latex));
  if (bad.length) throw new Error(bad.join('; '));
  session = new PracticeSession(set, index);
  score = kept && Number.isInteger(kept.right) && Number.isInteger(kept.first) ? { right: kept.right, first: kept.first } : { right: 0, first: 0 };
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
  if (storage && session) keepProgress(storage, source, session.index, children.current?.name, score);
}

// This child's answers: those of other children on the same device are not theirs to see.
const mine = (a) => !!children.current && !!a.child && a.child.name === children.current.name;

async function showCount() {
  const n = (await log.all()).filter(mine).length;
  ui.count.textContent = `${n} answer${n === 1 ? '' : 's'}${log.persistent ? '' : ' (kept until this page closes)'}`;
}

async function saveReport(kind) {
  const attempts = (await log.all()).filter(mine);
  if (attempts.length === 0) return message('No answers yet: the report is empty.');
  const now = new Date();
  const child = children.current;
  if (kind === 'csv') downloadText(attemptsToCsv(attempts), reportFileName(child, now, 'csv'), 'text/csv');
  else downloadText(attemptsToJson(attempts, { child, exportedAt: now }), reportFileName(child, now, 'json'), 'application/json');
}

async function clearReport() {
  if (!window.confirm(`Remove ${children.current.name}'s answers from this device?`)) return;
  await log.clear(mine);
  showCount();
  message('The report is empty now.');
}

// --- start ------------------------------------------------------------------------------------

// --- who is practising ------------------------------------------------------------------------

let chosen = null;  // resolves once a child has said who they are

function whoIsPractising() {
  if (children.current) return Promise.resolve(children.current);
  setPhase('who');
  ui.who.hidden = false;
  ui.card.hidden = true;
  feedback.clear();
  ui.known.replaceChildren(...children.list.map((c) => button(c.name, () => chooseChild(c.name, ''),
    { class: 'practice-known-child', 'data-child': c.name })));
  ui.nameInput.value = '';
  ui.classInput.value = '';
  return new Promise((resolve) => { chosen = resolve; });
}

function chooseChild(name, className) {
  let child;
  try {
    child = children.choose(name, className);
  } catch (err) {
    if (!(err instanceof ChildError)) throw err;
    ui.whoMessage.textContent = err.message;
    return;
  }
  ui.whoMessage.textContent = '';
  ui.who.hidden = true;
  ui.card.hidden = false;
  showChild();
  const resolve = chosen;
  chosen = null;
  resolve?.(child);
}

function showChild() {
  const child = children.current;
  ui.child.textContent = child ? `${child.name}${child.class ? ` (${child.class})` : ''} · ` : '';
  showCount();
}

// Another child takes the device: the paper is cleared, they say who they are and go on
// from their own place in their own set.
async function switchChild() {
  if (checking) return;
  children.leave();
  store.clear();
  writerSize?.forget();  // the last child's strokes say nothing of the next one's
  await whoIsPractising();
  session = null;
  source = null;
  await loadSets();
}

async function start() {
  setPhase('idle');
  await whoIsPractising();
  showChild();
  await loadSets();
}

async function loadSets() {
  setPhase('idle');
  feedback.info('Loading the problems…');
  const listed = await fillSetList();
  const asked = new URLSearchParams(location.search).get('set');
  const saved = storage && loadProgress(storage, children.current?.name);
  // The set named in the address, else the one in use last time, else the first listed.
  const candidates = [
    // A child coming back to the set of the link goes on where they were.
    asked && (() => loadProblemSet(asked, document.baseURI).then(({ url, set }) => {
      const same = saved && saved.source.url === url;
      return useSet(set, { url }, same ? saved.index : 0, same ? saved.score : null);
    })),
    saved && saved.source.text && (() => useSet(parseProblemSet(saved.source.text), saved.source, saved.index, saved.score)),
    saved && saved.source.url && (() => loadProblemSet(saved.source.url, document.baseURI).then(({ url, set }) => useSet(set, { url }, saved.index, saved.score))),
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

// Worked steps are written one under another: the page reads them line by line. Other answers
// are read with the problem's vocabulary (vocabulary.js). Outside practice, write mode's
// switches decide (web/view/lines-toggle.js, web/view/vocabulary-switch.js).
function askForLines() {
  if (document.body.dataset.mode !== 'practice') return;
  const problem = session && !session.done ? session.problem : null;
  document.body.dataset.work = String(!!problem?.work);
  reading.ask(problem?.work ? { lines: true } : problem ? { vocabulary: problemVocabulary(problem) } : {});
}

function onMode(mode) {
  if (mode === 'practice' && !started) started = start();
  askForLines();
}

export function setUpPractice(page) {
  ({ store, reading, steps = null, writerSize = null } = page);
  container = document.getElementById('practice');
  ui = buildPanel(container, {
    check, skip, chooseSet, openFile, loadUrl, chooseChild, switchChild,
    saveCsv: () => saveReport('csv'),
    saveJson: () => saveReport('json'),
    clearReport,
  });
  feedback = new Feedback(ui.feedback);
  const sheet = document.getElementById('sheet') || document.querySelector('.surface');
  highlight = new InkHighlight(sheet);
  stepMark = new StepMark(sheet);
  // A line marked wrong is not marked any more once the child changes the ink.
  store.addEventListener('change', () => { if (phase === 'wrong' || phase === 'right') markLine(null); });
  keepInkPerMode(store, storage, document.body.dataset.mode);
  // Follow the ink while a reading waits for confirmation.
  reading.addEventListener('reading', () => {
    if (phase === 'confirm') showConfirm();
    // The ink changed under the question: it is about another answer now.
    else if (phase === 'choose' && !readingMatchesInk(asked, store.state)) {
      setPhase('answering');
      feedback.clear();
    }
  });
  window.addEventListener('inkmath:mode', (e) => onMode(e.detail.mode));
  onMode(document.body.dataset.mode);
}
