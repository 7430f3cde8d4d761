// Readable forms of what practice records, for people and spreadsheets: a reading without
// the recognizer's spaces between digits ("3 2" is 32), LaTeX as plain text (6 × 7, 3/4, x²),
// a prompt with its math as plain text, and local times with their offset from UTC.
import { splitPrompt } from './prompt.js';

// The recognizer separates symbols with spaces ("x = - 4", "3 2"); they only hide the
// number, so the reading drops them, keeping only those that end a command (\times x).
export function compactReading(latex) {
  return String(latex ?? '').trim().replace(/(\\[a-zA-Z]+)\s+(?=[a-zA-Z])/g, '$1\u0000')
    .replace(/\s+/g, '').replace(/\u0000/g, ' ');
}

const SYMBOLS = {
  times: '×', div: '÷', cdot: '·', pm: '±', mp: '∓', le: '≤', leq: '≤', ge: '≥', geq: '≥', ne: '≠', neq: '≠',
  lt: '<', gt: '>', pi: 'π', alpha: 'α', beta: 'β', theta: 'θ', infty: '∞', ldots: '…', dots: '…', cdots: '⋯',
  approx: '≈', rightarrow: '→', to: '→', left: '', right: '', quad: ' ', qquad: ' ', ',': ' ', ';': ' ', '!': '',
  sin: 'sin', cos: 'cos', tan: 'tan', log: 'log', ln: 'ln', '%': '%', '$': '$', '{': '{', '}': '}',
};
const SUPERSCRIPTS = { 0: '⁰', 1: '¹', 2: '²', 3: '³', 4: '⁴', 5: '⁵', 6: '⁶', 7: '⁷', 8: '⁸', 9: '⁹', '-': '⁻', '+': '⁺', n: 'ⁿ' };

// One brace group or single token starting at i: [text, next index].
function group(latex, i) {
  while (latex[i] === ' ') i++;
  if (latex[i] === '{') {
    let depth = 1, j = i + 1;
    while (j < latex.length && depth > 0) {
      if (latex[j] === '{') depth++;
      else if (latex[j] === '}') depth--;
      j++;
    }
    return [latexToText(latex.slice(i + 1, j - 1)), j];
  }
  if (latex[i] === '\\') {
    const m = /^\\([a-zA-Z]+|.)/.exec(latex.slice(i));
    return [latexToText(m[0]), i + m[0].length];
  }
  return [latex[i] ?? '', i + 1];
}

const wrap = (s) => (/^[\w.]+$/.test(s) ? s : `(${s})`);

// Plain text for a LaTeX formula: good enough to read in a spreadsheet, not a typesetter.
export function latexToText(latex) {
  latex = String(latex ?? '');
  let out = '';
  for (let i = 0; i < latex.length;) {
    const c = latex[i];
    if (c === '\\') {
      const m = /^\\([a-zA-Z]+|.)/.exec(latex.slice(i));
      const name = m[1];
      i += m[0].length;
      if (name === 'frac' || name === 'dfrac' || name === 'tfrac') {
        const [a, j] = group(latex, i);
        const [b, k] = group(latex, j);
        out += `${wrap(a)}/${wrap(b)}`;
        i = k;
      } else if (name === 'sqrt') {
        const [a, j] = group(latex, i);
        out += `√${wrap(a)}`;
        i = j;
      } else if (name === 'mathrm' || name === 'text' || name === 'mathbf' || name === 'operatorname') {
        const [a, j] = group(latex, i);
        out += a;
        i = j;
      } else {
        out += SYMBOLS[name] ?? name;
      }
    } else if (c === '^') {
      const [a, j] = group(latex, i + 1);
      out += [...a].every((ch) => SUPERSCRIPTS[ch]) ? [...a].map((ch) => SUPERSCRIPTS[ch]).join('') : `^${wrap(a)}`;
      i = j;
    } else if (c === '_') {
      const [a, j] = group(latex, i + 1);
      out += `_${wrap(a)}`;
      i = j;
    } else if (c === '{' || c === '}') {
      i++;
    } else {
      out += c;
      i++;
    }
  }
  return out.replace(/([0-9.,])\s+(?=[0-9.])/g, '$1').replace(/\s+/g, ' ').replace(/\s*([=<>≤≥≠+×÷−])\s*/g, ' $1 ').replace(/\s+/g, ' ').trim()
    .replace(/^- /, '-').replace(/([=<>≤≥(]) - (?=\S)/g, '$1 -');
}

// A prompt with its math as plain text: "What is $6 \times 7$?" is "What is 6 × 7?".
export function promptToText(prompt) {
  return splitPrompt(String(prompt ?? '')).map((p) => (p.math ? latexToText(p.text) : p.text)).join('');
}

const pad = (n, width = 2) => String(Math.trunc(Math.abs(n))).padStart(width, '0');

// The local time with its offset, e.g. 2026-03-02T09:15:03+01:00.
export function localTime(date = new Date()) {
  const offset = -date.getTimezoneOffset();
  const sign = offset >= 0 ? '+' : '-';
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}` +
    `${sign}${pad(offset / 60)}:${pad(offset % 60)}`;
}
