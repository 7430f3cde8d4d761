// The practice report for teachers and parents: every attempt as CSV (one row each) and as
// JSON with each attempt's ink as InkML (read by report.html, the teacher's view). Both are
// made on the device and only saved when the user downloads them.
//
// An attempt: { uid, child: { name, class }, time (UTC), localTime (with offset), set,
// problem, topic, miniOf, prompt, expected, latex, confidence, confirmed, result (right,
// wrong, unreadable or skipped), mistake, misconception, hints (hints seen before it),
// lines (worked steps: each line's LaTeX), firstWrong (0-based, null: none), strokes }
import { inkToInkML } from '../ink/inkml.js';
import { compactReading, latexToText, promptToText, localTime } from './readable.js';

export const REPORT_FORMAT = 'inkmath-practice-report';
export const REPORT_VERSION = 2;

const childName = (a) => (a.child && a.child.name) || '';
const childClass = (a) => (a.child && a.child.class) || '';

const linesText = (a) => (a.lines || []).map(latexToText).join(' | ');

export const CSV_COLUMNS = [
  ['child', childName],
  ['class', childClass],
  ['time', (a) => a.localTime || a.time],
  ['problem_set', (a) => a.set],
  ['topic', (a) => a.topic || ''],
  ['problem', (a) => a.problem],
  ['mini_problem_of', (a) => a.miniOf || ''],
  ['prompt', (a) => promptToText(a.prompt)],
  ['expected', (a) => latexToText(a.expected)],
  ['reading', (a) => (a.lines?.length ? linesText(a) : latexToText(a.latex))],
  ['recognized_latex', (a) => a.latex],
  ['confidence', (a) => (Number.isFinite(a.confidence) ? a.confidence.toFixed(2) : '')],
  ['reading_confirmed', (a) => (a.confirmed ? 'yes' : 'no')],
  ['result', (a) => a.result],
  ['hints_seen', (a) => String(a.hints ?? 0)],
  ['mistake', (a) => a.mistake || ''],
  ['misconception', (a) => a.misconception || ''],
  ['strokes', (a) => String((a.strokes || []).length)],
  // Worked steps: the lines as plain text, separated by " | ", and the first wrong one (from 1).
  ['lines', linesText],
  ['first_wrong_line', (a) => (Number.isInteger(a.firstWrong) ? String(a.firstWrong + 1) : '')],
];

function csvCell(value) {
  const text = String(value ?? '');
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function attemptsToCsv(attempts) {
  const rows = [CSV_COLUMNS.map(([name]) => name), ...attempts.map((a) => CSV_COLUMNS.map(([, get]) => get(a)))];
  return rows.map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

export function attemptsToJson(attempts, { child = null, exportedAt = new Date() } = {}) {
  return JSON.stringify({
    format: REPORT_FORMAT,
    version: REPORT_VERSION,
    exported: localTime(exportedAt),
    child,
    attempts: attempts.map(({ strokes, id, ...fields }) => ({
      ...fields,
      promptText: promptToText(fields.prompt),
      reading: compactReading(fields.latex),
      inkml: inkToInkML(strokes || [], fields.latex || ''),
    })),
  }, null, 2);
}

// inkmath-practice-Ana-Lopez-2026-03-02.json: whose report, and from which day.
export function reportFileName(child, date, extension) {
  const name = String((child && child.name) || '').normalize('NFKD').replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 40);
  const day = localTime(date).slice(0, 10);
  return `inkmath-practice-${name ? `${name}-` : ''}${day}.${extension}`;
}
