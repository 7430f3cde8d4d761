// The practice report for teachers and parents: every attempt as CSV (one row each) and as
// JSON with each attempt's ink as InkML. Both are made on the device and only saved when
// the user downloads them.
import { inkToInkML } from '../ink/inkml.js';

export const CSV_COLUMNS = [
  ['time', (a) => a.time],
  ['problem_set', (a) => a.set],
  ['problem', (a) => a.problem],
  ['mini_problem_of', (a) => a.miniOf || ''],
  ['prompt', (a) => a.prompt],
  ['expected', (a) => a.expected],
  ['recognized_latex', (a) => a.latex],
  ['confidence', (a) => (Number.isFinite(a.confidence) ? a.confidence.toFixed(2) : '')],
  ['reading_confirmed', (a) => (a.confirmed ? 'yes' : 'no')],
  ['result', (a) => a.result],
  ['mistake', (a) => a.mistake || ''],
  ['strokes', (a) => String((a.strokes || []).length)],
];

function csvCell(value) {
  const text = String(value ?? '');
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function attemptsToCsv(attempts) {
  const rows = [CSV_COLUMNS.map(([name]) => name), ...attempts.map((a) => CSV_COLUMNS.map(([, get]) => get(a)))];
  return rows.map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

export function attemptsToJson(attempts, exportedAt = new Date()) {
  return JSON.stringify({
    format: 'inkmath-practice-report',
    version: 1,
    exported: exportedAt.toISOString(),
    attempts: attempts.map(({ strokes, ...fields }) => ({ ...fields, inkml: inkToInkML(strokes || [], fields.latex || '') })),
  }, null, 2);
}
