// The editor's set: the form's fields as they stand (empty ones included), and the JSON
// file written from them, with empty optional fields left out. A worked problem ("work") has
// the math its steps start from ("latex"); its known mistakes may name a misconception of the
// catalogue by their id alone, with no wrong answers listed.

export const blankMistake = () => ({ id: '', answers: [], compare: 'equivalent', message: '', mini: { prompt: '', work: false, latex: '', answer: '', compare: 'equivalent', hints: [] } });
export const blankProblem = () => ({ id: '', topic: '', prompt: '', work: false, latex: '', answer: '', compare: 'equivalent', hints: [], symbols: '', mistakes: [] });

const text = (v) => (typeof v === 'string' ? v : v === undefined || v === null ? '' : String(v));
const list = (v) => (Array.isArray(v) ? v.map(text) : typeof v === 'string' ? [v] : []);

// The form's state from a set file's data (faults and all: the editor is where they are fixed).
export function fromSet(data) {
  const problems = Array.isArray(data.problems) ? data.problems : [];
  return {
    title: text(data.title),
    problems: (problems.length ? problems : [{}]).map((p) => ({
      id: text(p?.id), topic: text(p?.topic), prompt: text(p?.prompt), work: p?.work === true, latex: text(p?.latex), answer: text(p?.answer),
      compare: p?.compare === undefined ? 'equivalent' : text(p.compare), hints: list(p?.hints),
      symbols: Array.isArray(p?.symbols) ? p.symbols.map(text).join(' ') : text(p?.symbols),
      mistakes: (Array.isArray(p?.mistakes) ? p.mistakes : []).map((m) => ({
        id: text(m?.id), answers: list(m?.answers), compare: m?.compare === undefined ? 'equivalent' : text(m.compare), message: text(m?.message),
        mini: {
          prompt: text(m?.mini?.prompt), work: m?.mini?.work === true, latex: text(m?.mini?.latex), answer: text(m?.mini?.answer),
          compare: m?.mini?.compare === undefined ? 'equivalent' : text(m.mini.compare), hints: list(m?.mini?.hints),
        },
      })),
    })),
  };
}

function problemData(p) {
  const out = {};
  if (p.id.trim()) out.id = p.id.trim();
  if (p.topic.trim()) out.topic = p.topic.trim();
  out.prompt = p.prompt;
  if (p.work) {
    out.work = true;
    out.latex = p.latex.trim();
  }
  out.answer = p.answer.trim();
  if (p.compare !== 'equivalent') out.compare = p.compare;
  if (p.hints.length) out.hints = p.hints;
  // The symbols field: "school", or symbols separated by spaces.
  const symbols = (p.symbols || '').trim();
  if (symbols) out.symbols = symbols === 'school' ? 'school' : symbols.split(/\s+/);
  if (p.mistakes?.length) {
    out.mistakes = p.mistakes.map((m) => {
      const mistake = {};
      if (m.id.trim()) mistake.id = m.id.trim();
      // In a worked problem, a mistake without wrong answers is a misconception named by its id.
      if (m.answers.length || !p.work) mistake.answers = m.answers;
      // How the wrong answers are compared has no field of its own: kept from the file.
      if (m.compare && m.compare !== 'equivalent') mistake.compare = m.compare;
      if (m.message.trim()) mistake.message = m.message;
      if (m.mini.prompt.trim() || m.mini.answer.trim() || m.mini.work) {
        mistake.mini = { prompt: m.mini.prompt };
        if (m.mini.work) {
          mistake.mini.work = true;
          mistake.mini.latex = m.mini.latex.trim();
        }
        mistake.mini.answer = m.mini.answer.trim();
        if (m.mini.compare && m.mini.compare !== 'equivalent') mistake.mini.compare = m.mini.compare;
        if (m.mini.hints.length) mistake.mini.hints = m.mini.hints;
      }
      return mistake;
    });
  }
  return out;
}

export function setToJson(state) {
  const data = {};
  if (state.title.trim()) data.title = state.title.trim();
  data.problems = state.problems.map(problemData);
  return `${JSON.stringify(data, null, 2)}\n`;
}
