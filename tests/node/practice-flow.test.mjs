// The parts of practice mode that need no browser: how sure a reading is, the walk through
// a set (hints, mini problems), and the report's CSV and JSON.
import test from 'node:test';
import assert from 'node:assert/strict';
import { DOMParser } from '@xmldom/xmldom';
import { assessReading, isUnsure, readingMatchesInk } from '../../web/practice/confidence.js';
import { PracticeSession } from '../../web/practice/session.js';
import { attemptsToCsv, attemptsToJson } from '../../web/practice/report.js';
import { mergeReports } from '../../web/report/load.js';
import { inkFromInkML } from '../../web/ink/inkml.js';
import { saveProgress, loadProgress } from '../../web/practice/progress.js';

const symbol = (label, score, others = [], ids = [1]) => ({ label, score, ids, alternatives: [{ label, score }, ...others] });

test('a reading is unsure when a symbol scores low or a second reading comes close', () => {
  assert.equal(isUnsure(symbol('4', 0.95, [{ label: '9', score: 0.03 }])), false);
  assert.equal(isUnsure(symbol('4', 0.45, [{ label: '9', score: 0.1 }])), true);
  assert.equal(isUnsure(symbol('4', 0.7, [{ label: '9', score: 0.6 }])), true);
  assert.equal(isUnsure({ label: '4', score: 1, ids: [1], alternatives: [{ label: '4', score: 1 }] }), false, 'a fixed reading');
  const reading = { latex: 'x=4', symbols: [symbol('x', 0.9), symbol('=', 0.98), symbol('4', 0.5, [{ label: '9', score: 0.4 }])] };
  const { confidence, unsure } = assessReading(reading);
  assert.equal(confidence, 0.5);
  assert.deepEqual(unsure.map((s) => s.label), ['4']);
  assert.deepEqual(assessReading({ latex: '', symbols: [] }), { confidence: 0, unsure: [] });
  // A symbol the writer fixed is sure, whatever other readings it still offers.
  const picked = { label: '9', score: 0.1, ids: [7], fixed: true, alternatives: [{ label: '4', score: 0.8 }, { label: '9', score: 0.1 }] };
  assert.deepEqual(assessReading({ latex: '9', symbols: [picked] }), { confidence: 1, unsure: [] });
  assert.equal(assessReading({ latex: '9', symbols: [{ ...picked, fixed: false }] }).unsure.length, 1);
  // Without alternatives (a core that returns none for fixed symbols) it is still sure.
  assert.deepEqual(assessReading({ latex: '9', symbols: [{ label: '9', score: 1, ids: [7], fixed: true }] }), { confidence: 1, unsure: [] });
});

test('a reading belongs to the ink only when it covers every stroke and every fixed label', () => {
  const state = { strokes: [{ id: 1 }, { id: 2 }, { id: 3 }], fixed: [{ ids: [3], label: '4' }] };
  const reading = { latex: 'x 4', symbols: [symbol('x', 0.9, [{ label: 'y', score: 0.05 }], [2, 1]), { ...symbol('4', 0.7, [], [3]), fixed: true }] };
  assert.equal(readingMatchesInk(reading, state), true);
  assert.equal(readingMatchesInk({ ...reading, symbols: [reading.symbols[0], { label: '4', score: 1, ids: [3] }] }, state), true,
    'a core that does not mark fixed symbols gives them a score of 1');
  const beforeTheFix = { latex: 'x 4', symbols: [reading.symbols[0], symbol('4', 0.7, [{ label: '4', score: 0.7 }, { label: '9', score: 0.2 }], [3])] };
  assert.equal(readingMatchesInk(beforeTheFix, state), false, 'the same label, read before the fix');
  assert.equal(readingMatchesInk(reading, { ...state, strokes: [...state.strokes, { id: 4 }] }), false, 'a stroke not read yet');
  assert.equal(readingMatchesInk(reading, { ...state, fixed: [{ ids: [3], label: '9' }] }), false, 'a fix not read yet');
  assert.equal(readingMatchesInk({ latex: '', symbols: [] }, { strokes: [], fixed: [] }), true);
});

const set = {
  title: 'T',
  problems: [
    { id: 'a', prompt: 'p', answer: 'x=4', hints: ['first', 'second'], mistakes: [{ id: 'sign', answers: ['x=-4'], mini: { id: 'mini', prompt: 'q', answer: '1', hints: ['mini hint'] } }] },
    { id: 'b', prompt: 'r', answer: '2', hints: [], mistakes: [] },
  ],
};

test('wrong answers bring the hints in order; a mistake opens its mini problem, then comes back', () => {
  const s = new PracticeSession(set);
  s.wrong();
  assert.equal(s.hint, 'first');
  s.wrong();
  assert.equal(s.hint, 'second');
  s.wrong();
  assert.equal(s.hint, 'second', 'the last hint stays');
  assert.equal(s.startMini(set.problems[0].mistakes[0]), true);
  assert.equal(s.problem.prompt, 'q');
  assert.equal(s.problemId, 'a/sign');
  s.wrong();
  assert.equal(s.hint, 'mini hint');
  assert.equal(s.startMini(set.problems[0].mistakes[0]), false, 'no mini problem inside a mini problem');
  s.endMini();
  assert.equal(s.problem.id, 'a');
  assert.equal(s.hint, 'second', 'back where it was');
  s.next();
  assert.equal(s.problem.id, 'b');
  assert.equal(s.hint, '');
  s.next();
  assert.equal(s.done, true);
  s.restart();
  assert.equal(s.problem.id, 'a');
  assert.equal(new PracticeSession(set, 99).index, 0, 'saved progress beyond the set starts over');
});

const attempts = [
  { id: 1, child: { name: 'Ana', class: '4B' }, time: '2026-01-05T10:00:00.000Z', localTime: '2026-01-05T11:00:00+01:00', set: 'Week 1, "fractions"', problem: 'a', miniOf: '', prompt: 'Solve $2x+3=11$', expected: 'x=4', latex: 'x = -4', confidence: 0.91234, confirmed: false, result: 'wrong', hints: 0, mistake: 'sign', misconception: 'sign', strokes: [[[0, 0, 0, 0.5], [10, 10, 16, 0.5]]] },
  { id: 2, child: { name: 'Ana', class: '4B' }, time: '2026-01-05T10:01:00.000Z', localTime: '2026-01-05T11:01:00+01:00', set: 'Week 1, "fractions"', problem: 'a/sign', miniOf: 'a', prompt: 'q', expected: '1', latex: '1', confidence: 0.42, confirmed: true, result: 'right', hints: 1, mistake: '', misconception: '', strokes: [[[5, 5, 0, 0.5], [5, 20, 10, 0.5]]] },
];

test('the CSV report has one row per attempt with the recognized LaTeX', () => {
  const lines = attemptsToCsv(attempts).trimEnd().split('\r\n');
  assert.equal(lines.length, 3);
  assert.equal(lines[0], 'child,class,time,problem_set,topic,problem,mini_problem_of,prompt,expected,reading,recognized_latex,confidence,reading_confirmed,result,hints_seen,mistake,misconception,strokes,lines,first_wrong_line');
  assert.equal(lines[1], 'Ana,4B,2026-01-05T11:00:00+01:00,"Week 1, ""fractions""",,a,,Solve 2x + 3 = 11,x = 4,x = -4,x = -4,0.91,no,wrong,0,sign,sign,1,,');
  assert.equal(lines[2], 'Ana,4B,2026-01-05T11:01:00+01:00,"Week 1, ""fractions""",,a/sign,a,q,1,1,1,0.42,yes,right,1,,,1,,');
});

test('worked steps: the report keeps each line, the first wrong one and the misconception; the teacher\'s view reads them', () => {
  const worked = { ...attempts[0], latex: '\\begin{aligned}2 x + 3 &= 1 1 \\\\ 2 x &= 1 1 + 3\\end{aligned}', mistake: '',
    misconception: 'sign-move', lines: ['2 x + 3 = 1 1', '2 x = 1 1 + 3', 'x = 7'], firstWrong: 1 };
  const [, row] = attemptsToCsv([worked]).trimEnd().split('\r\n');
  assert.match(row, /,x = 4,2 x \+ 3 = 11 \| 2 x = 11 \+ 3 \| x = 7,/, 'the reading, line by line');
  assert.match(row, /,sign-move,1,2 x \+ 3 = 11 \| 2 x = 11 \+ 3 \| x = 7,2$/);
  const [read] = mergeReports([{ name: 'r.json', text: attemptsToJson([worked]) }]).attempts;
  assert.deepEqual([read.lines, read.firstWrong, read.misconception], [worked.lines, 1, 'sign-move']);
  const [old] = mergeReports([{ name: 'o.json', text: attemptsToJson([attempts[0]]) }]).attempts;
  assert.deepEqual([old.lines, old.firstWrong], [[], null], 'an answer of one line has no steps');
});

test('the JSON report carries each attempt\'s ink as InkML that reads back', () => {
  const report = JSON.parse(attemptsToJson(attempts, { child: { name: 'Ana', class: '4B' }, exportedAt: new Date('2026-01-06T00:00:00Z') }));
  assert.equal(report.format, 'inkmath-practice-report');
  assert.equal(report.version, 2);
  assert.equal(new Date(report.exported).toISOString(), '2026-01-06T00:00:00.000Z', 'local time with its offset');
  assert.deepEqual(report.child, { name: 'Ana', class: '4B' });
  assert.equal(report.attempts[0].promptText, 'Solve 2x + 3 = 11');
  assert.equal(report.attempts[0].reading, 'x=-4');
  assert.equal(report.attempts.length, 2);
  assert.equal(report.attempts[0].latex, 'x = -4');
  assert.equal('strokes' in report.attempts[0], false);
  const ink = inkFromInkML(report.attempts[0].inkml, new DOMParser());
  assert.deepEqual(ink.map((s) => s.map(([x, y]) => [x, y])), [[[0, 0], [10, 10]]]);
  assert.match(report.attempts[0].inkml, /x = -4/);
});

test('the place in practice survives a reload, and bad saved state is ignored', () => {
  const items = new Map();
  const storage = { getItem: (k) => (items.has(k) ? items.get(k) : null), setItem: (k, v) => items.set(k, String(v)) };
  assert.equal(loadProgress(storage), null);
  saveProgress(storage, { url: 'https://school.example/web/problems/starter.json' }, 3);
  assert.deepEqual(loadProgress(storage), { source: { url: 'https://school.example/web/problems/starter.json' }, index: 3 });
  items.set('inkmath.practice', '{broken');
  assert.equal(loadProgress(storage), null);
  const full = { getItem: () => null, setItem: () => { throw new Error('QuotaExceededError'); } };
  assert.doesNotThrow(() => saveProgress(full, { url: 'x' }, 1));
});
