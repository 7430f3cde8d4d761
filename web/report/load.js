// Reads practice report files (the JSON that practice saves) and merges those of several
// devices into one list of attempts. An attempt found in two files (the same report saved
// twice, or copied between devices) is counted once.
import { compactReading } from '../practice/readable.js';
import { REPORT_FORMAT } from '../practice/report.js';
const MAX_BYTES = 64 * 1024 * 1024;
const MAX_LINES = 100;  // lines of worked steps kept per attempt

export class ReportFileError extends Error {}

const text = (v) => (typeof v === 'string' ? v : v === undefined || v === null ? '' : String(v));

function readChild(v) {
  if (!v || typeof v !== 'object') return null;
  const name = text(v.name).trim();
  return name ? { name, class: text(v.class).trim() } : null;
}

// One attempt in the shape the teacher's view uses; older files (version 1) lack the child,
// local time, topic, hints and misconception, and record only judged answers.
function readAttempt(a, fileChild, file) {
  const child = readChild(a.child) || fileChild || { name: '(no name)', class: '' };
  const time = text(a.time);
  const when = new Date(time);
  if (!time || Number.isNaN(when.getTime())) throw new ReportFileError('an attempt has no valid "time"');
  const result = ['right', 'wrong', 'unreadable', 'skipped'].includes(a.result) ? a.result : 'wrong';
  const latex = text(a.latex);
  return {
    uid: text(a.uid),
    child,
    time,
    localTime: text(a.localTime) || time,
    set: text(a.set) || 'Problems',
    problem: text(a.problem),
    topic: text(a.topic),
    miniOf: text(a.miniOf),
    prompt: text(a.prompt),
    expected: text(a.expected),
    latex,
    reading: text(a.reading) || compactReading(latex),
    confirmed: !!a.confirmed,
    result,
    hints: Number.isFinite(a.hints) ? a.hints : 0,
    mistake: text(a.mistake),
    misconception: text(a.misconception) || text(a.mistake),
    misconceptionText: text(a.misconceptionText),
    // Worked steps (version 2 files may lack them): each line's LaTeX, the first wrong one.
    lines: Array.isArray(a.lines) ? a.lines.slice(0, MAX_LINES).map(text) : [],
    firstWrong: Number.isInteger(a.firstWrong) && a.firstWrong >= 0 ? a.firstWrong : null,
    inkml: text(a.inkml),
    file,
  };
}

// The attempts of one report file ({ name, text }); throws ReportFileError saying why not.
export function readReport({ name, text: content }) {
  if (typeof content !== 'string') throw new ReportFileError('the file could not be read as text');
  if (content.length > MAX_BYTES) throw new ReportFileError('the file is larger than 64 MB');
  let data;
  try {
    data = JSON.parse(content);
  } catch {
    throw new ReportFileError('it is not a JSON file (save the report as "InkML + JSON")');
  }
  if (!data || data.format !== REPORT_FORMAT || !Array.isArray(data.attempts))
    throw new ReportFileError('it is not an inkmath practice report');
  const child = readChild(data.child);
  return data.attempts.map((a) => {
    if (!a || typeof a !== 'object') throw new ReportFileError('an attempt is not an object');
    return readAttempt(a, child, name);
  });
}

function attemptKey(a) {
  return a.uid || [a.child.name, a.time, a.set, a.problem, a.latex].join('\u0000');
}

// files: [{ name, text }]. Returns { attempts (oldest first), files: [{ name, attempts, error }],
// duplicates (attempts found in more than one file, counted once) }.
export function mergeReports(files) {
  const seen = new Map();
  let duplicates = 0;
  const read = files.map((file) => {
    try {
      const attempts = readReport(file);
      for (const a of attempts) {
        const key = attemptKey(a);
        if (seen.has(key)) duplicates++;
        else seen.set(key, a);
      }
      return { name: file.name, attempts: attempts.length, error: '' };
    } catch (err) {
      return { name: file.name, attempts: 0, error: err.message };
    }
  });
  const attempts = [...seen.values()].sort((a, b) => new Date(a.time) - new Date(b.time));
  return { attempts, files: read, duplicates };
}
