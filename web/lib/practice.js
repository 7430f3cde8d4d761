// Answer checking for pages that bring their own problems: the same checks as inkmath's
// practice mode, on the Compute Engine (bundled next to this module as compute-engine.js).
//
//   import { createAnswerChecker } from './lib/practice.js';
//   const checker = await createAnswerChecker();
//   checker.judge({ answer: 'x=4' }, reading.latex).verdict;   // 'right' | 'wrong' | 'unreadable'
//   decide(checker, problem, reading).verdict;   // 'right' | 'wrong' | 'ask' (with choices) | 'unreadable'
//   recognizer.recognize(strokes, { vocabulary: problemVocabulary(problem) });
import { AnswerChecker, COMPARE_MODES, FORM_MISTAKE } from '../practice/check.js';
import { assessReading, isUnsure, SURE_SCORE, CLOSE_MARGIN } from '../practice/confidence.js';
import { parseProblemSet, ProblemSetError } from '../practice/problem-set.js';
import { WorkChecker, WorkError } from '../practice/steps/work.js';
import { doubtfulSymbols, BLAME_SCORE } from '../practice/work-reading.js';
import { decide, plausibleReadings, misreadings, fixesFor, PLAUSIBLE_READING, PLAUSIBLE_SYMBOL, LOOK_ALIKE } from '../practice/judgement.js';
import { problemVocabulary } from '../practice/vocabulary.js';

export {
  AnswerChecker, COMPARE_MODES, FORM_MISTAKE, assessReading, isUnsure, SURE_SCORE, CLOSE_MARGIN, parseProblemSet, ProblemSetError,
  WorkChecker, WorkError, doubtfulSymbols, BLAME_SCORE,
  decide, plausibleReadings, misreadings, fixesFor, PLAUSIBLE_READING, PLAUSIBLE_SYMBOL, LOOK_ALIKE, problemVocabulary,
};

// An AnswerChecker on `computeEngine` (a ComputeEngine instance), or on the Compute Engine
// loaded from compute-engine.js next to this module (or under `baseUrl`).
export async function createAnswerChecker({ computeEngine, baseUrl } = {}) {
  if (!computeEngine) {
    const base = baseUrl ? new URL(baseUrl, globalThis.document ? document.baseURI : import.meta.url) : new URL('.', import.meta.url);
    if (!base.pathname.endsWith('/')) base.pathname += '/';
    const { ComputeEngine } = await import(new URL('compute-engine.js', base).href);
    computeEngine = new ComputeEngine();
  }
  return new AnswerChecker(computeEngine);
}
