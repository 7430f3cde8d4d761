// Which symbols a child may write for a problem: the symbols of its expected answer and known
// mistakes, plus digits, signs, = and the fraction bar (and the decimal point: a value may be
// written as a decimal). The recognizer then reads each stroke group as one of these (its
// `vocabulary` option), so a 7 between digits is not read T. A problem may give its own as
// `symbols` (a list of labels, or "school"). Labels are as the recognizer writes them
// (`\times`, `\lt`; the fraction bar is `-`).

// The symbols the recognizer knows (CROHME's 101 classes): a vocabulary may only name these.
export const CROHME_LABELS = new Set([
  "!", "(", ")", "+", ",", "-", ".", "/", "0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "=", "[", "]",
  "A", "a", "B", "b", "C", "c", "d", "E", "e", "F", "f", "G", "g", "H", "h", "I", "i", "j", "k", "L", "l",
  "M", "m", "N", "n", "o", "P", "p", "q", "R", "r", "S", "s", "T", "t", "u", "V", "v", "w", "X", "x", "Y",
  "y", "z", "|", "\\alpha", "\\beta", "\\cos", "\\Delta", "\\div", "\\exists", "\\forall", "\\gamma",
  "\\geq", "\\gt", "\\in", "\\infty", "\\int", "\\lambda", "\\ldots", "\\leq", "\\lim", "\\log", "\\lt",
  "\\mu", "\\neq", "\\phi", "\\pi", "\\pm", "\\prime", "\\rightarrow", "\\sigma", "\\sin", "\\sqrt", "\\sum",
  "\\tan", "\\theta", "\\times", "\\{", "\\}"
]);

export const BASE_SYMBOLS = ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9', '+', '-', '=', '.'];

// The write mode's choices: every symbol, the school set (src/language/vocabulary.cpp) or numbers.
export const WRITE_VOCABULARIES = {
  all: null,
  school: 'school',
  numbers: ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9', '+', '-', '.', ','],
};

const COMMAND_LABELS = { '\\frac': '-', '\\dfrac': '-', '\\le': '\\leq', '\\ge': '\\geq', '\\ne': '\\neq', '\\dots': '\\ldots' };
const SKIPPED = new Set(['\\left', '\\right', '\\displaystyle', '\\,', '\\;', '\\!', '\\quad']);

// The symbol labels a LaTeX expression is written with.
export function latexSymbols(latex) {
  const out = [];
  const tokens = String(latex).match(/\\[a-zA-Z]+|\\.|[^\s{}^_]/g) || [];
  for (const t of tokens) {
    if (SKIPPED.has(t)) continue;
    if (t === '<') out.push('\\lt');
    else if (t === '>') out.push('\\gt');
    else out.push(COMMAND_LABELS[t] ?? t);
  }
  return out;
}

// A problem's vocabulary: its own `symbols`, else derived from its answers.
export function problemVocabulary(problem) {
  if (problem.symbols) return problem.symbols;
  const answers = [problem.answer, ...(problem.mistakes || []).flatMap((m) => m.answers || [])];
  return [...new Set([...BASE_SYMBOLS, ...answers.flatMap(latexSymbols)])].filter((s) => CROHME_LABELS.has(s));
}

// A fault of a `symbols` field, or '' when it is fine.
export function symbolsFault(symbols) {
  if (symbols === 'school') return '';
  if (!Array.isArray(symbols) || symbols.length === 0) return 'must be "school" or a non-empty list of symbols';
  const bad = symbols.filter((s) => !CROHME_LABELS.has(s));
  return bad.length ? `has symbols the recognizer does not know: ${bad.map((s) => JSON.stringify(s)).join(', ')}` : '';
}
