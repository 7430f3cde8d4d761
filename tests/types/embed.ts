// Uses the library's whole API as a TypeScript page would; `tsc -p tests/types` checks it
// against the published types (web/lib/*.d.ts).
import { createRecognizer, Recognizer, RecognitionError, RecognizerUnavailable, inkRequest } from '../../web/lib/inkmath.js';
import type { Reading, RecognizedSymbol, Stroke, StateChangeEvent, LayoutNode } from '../../web/lib/inkmath.js';
import { InkmathPad } from '../../web/lib/inkmath-pad.js';
import { createAnswerChecker, AnswerChecker, assessReading, isUnsure, parseProblemSet, FORM_MISTAKE, COMPARE_MODES, SURE_SCORE, CLOSE_MARGIN, ProblemSetError, WorkChecker, WorkError, doubtfulSymbols, decide, problemVocabulary } from '../../web/lib/practice.js';
import type { Verdict, Problem, WorkResult } from '../../web/lib/practice.js';

export async function main(): Promise<string> {
  const strokes: Stroke[] = [[[0, 0], [0, 40, 16]], [[-15, 20, 30, 0.5], [15, 20, 45, 0.5]]];
  const recognizer: Recognizer = await createRecognizer({ baseUrl: '/lib/' });
  recognizer.addEventListener('statechange', (e: StateChangeEvent) => console.log(e.state, e.message));
  const state: 'loading' | 'ready' | 'crashed' | 'unavailable' | 'failed' | 'closed' = recognizer.state;
  console.log(state, recognizer.message, inkRequest(strokes, { vocabulary: 'school' }).options);
  let reading: Reading;
  try {
    reading = await recognizer.recognize(strokes, { vocabulary: ['0', '1', '+'], alternatives: 3, fixed: [{ strokes: [0], label: '1' }] });
  } catch (err) {
    if (err instanceof DOMException && err.name === 'AbortError') return 'superseded';
    if (err instanceof RecognitionError || err instanceof RecognizerUnavailable) return err.message;
    throw err;
  }
  const first: RecognizedSymbol | undefined = reading.symbols[0];
  const box: [number, number, number, number] | undefined = first?.box;
  const tree = reading.tree as LayoutNode[];
  console.log(reading.latex, reading.ms, reading.timing?.roundTripMs, box, first?.alternatives[0]?.score, first?.fixed, tree.length);
  recognizer.cancel();
  await new Recognizer().ready();

  const pad: InkmathPad = document.createElement('inkmath-pad');
  pad.recognizer = recognizer;
  pad.options = { alternatives: 2 };
  pad.setAttribute('vocabulary', 'school');
  pad.eraser = false;
  pad.strokes = strokes;
  pad.addEventListener('reading', (e) => console.log(e.detail.latex, pad.reading?.symbols.length));
  pad.addEventListener('readingerror', (e) => console.error(e.detail.message));
  pad.addEventListener('inkchange', (e) => console.log(e.detail.kind, pad.canUndo, pad.canRedo));
  pad.fix([0], '1');
  pad.undo();
  pad.redo();
  pad.clear();
  const found: InkmathPad | null = document.querySelector('inkmath-pad');

  const checker: AnswerChecker = await createAnswerChecker();
  const problem: Problem = { answer: 'x=4', compare: COMPARE_MODES[0], mistakes: [{ id: 'sign', answers: ['x=-4'], message: 'Check the sign.' }] };
  const verdict: Verdict = checker.judge(problem, reading.latex);
  const sure = assessReading(reading).unsure.length === 0 && !reading.symbols.some(isUnsure);
  const decision = decide(checker, problem, await recognizer.recognize([[[0, 0], [1, 1]]], { vocabulary: problemVocabulary(problem) }));
  if (decision.verdict === 'ask') console.log(decision.choices.map((c) => `${c.latex} ${c.probability} ${c.fixes.map((f) => f.label)}`));
  try {
    parseProblemSet('{"problems": []}');
  } catch (err) {
    if (err instanceof ProblemSetError) console.log(err.message, err.faults.map((f) => `${f.where}: ${f.message}`));
  }
  const steps = await recognizer.recognize(strokes, { lines: true });
  const work: WorkResult = new WorkChecker(checker).check({ problem: '2x+3=11', steps: steps.lines.map((l) => l.latex) });
  const blame = work.firstWrong === null || doubtfulSymbols(steps.lines[work.firstWrong]).length === 0;
  const mini = new WorkChecker(checker).miniProblem(work.misconception ?? 'sign-move', { seed: 2 });
  console.log(work.message, blame, mini?.latex, new WorkError('x') instanceof Error);
  console.log(verdict.verdict, verdict.mistake === FORM_MISTAKE, sure, checker.readable('x'), checker.matches('2', '4/2'), SURE_SCORE + CLOSE_MARGIN, found);
  recognizer.close();
  return reading.latex;
}
