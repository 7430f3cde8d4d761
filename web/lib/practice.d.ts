// Types of practice.js: checking answers written by hand.
import type { Reading, RecognizedSymbol } from './inkmath.js';

export type CompareMode = 'equivalent' | 'exact';
export const COMPARE_MODES: CompareMode[];

export interface Mistake {
  id: string;
  /** LaTeX answers that make this mistake */
  answers: string[];
  compare?: CompareMode;
  message?: string;
  [key: string]: unknown;
}

export interface Problem {
  /** the expected answer, in LaTeX */
  answer: string;
  compare?: CompareMode;
  mistakes?: Mistake[];
  /** the symbols the child may write: labels, or 'school' (default: from the answers) */
  symbols?: string[] | 'school';
  [key: string]: unknown;
}

export interface Verdict {
  verdict: 'right' | 'wrong' | 'unreadable';
  /** the known mistake the answer matches (FORM_MISTAKE: a right value in the wrong form) */
  mistake: Mistake | null;
  /** why an answer is unreadable */
  reason?: string;
}

export const FORM_MISTAKE: Mistake;

export class AnswerChecker {
  /** computeEngine: a ComputeEngine of @cortex-js/compute-engine */
  constructor(computeEngine: unknown);
  /** whether the LaTeX is complete math */
  readable(latex: string): boolean;
  /** whether `answer` matches `expected` */
  matches(answer: string, expected: string, compare?: CompareMode): boolean;
  judge(problem: Problem, latex: string): Verdict;
}

/** An AnswerChecker on the given Compute Engine, or on compute-engine.js next to practice.js (or under baseUrl). */
export function createAnswerChecker(options?: { computeEngine?: unknown; baseUrl?: string | URL }): Promise<AnswerChecker>;

export const SURE_SCORE: number;
export const CLOSE_MARGIN: number;
/** a symbol read with a low score, or with another reading close to it */
export function isUnsure(symbol: RecognizedSymbol): boolean;
/** the lowest symbol score (1 for fixed symbols) and the unsure symbols of a reading */
export function assessReading(reading: Pick<Reading, 'symbols'>): { confidence: number; unsure: RecognizedSymbol[] };

export interface ProblemSet {
  title: string;
  problems: (Problem & { id: string; topic: string; prompt: string; hints: string[]; mistakes: Mistake[];
    /** the child writes the steps, from `latex` (the problem's math) to the answer */
    work: boolean; latex: string })[];
}
/** a fault of a problem set and where it is ("problem 3 (\"lin-2\")", "line 4, column 7") */
export interface ProblemSetFault {
  where: string;
  message: string;
}
export class ProblemSetError extends Error {
  /** every fault found; the message names them all */
  faults: ProblemSetFault[];
}
/** parses and checks a problem set (JSON text, the format in inkmath's README) */
export function parseProblemSet(text: string): ProblemSet;

/** one line of worked steps, as checked */
export interface StepResult {
  latex: string;
  /** whether it follows from the line before (the first line: from the problem) */
  ok: boolean;
}
export interface WorkResult {
  steps: StepResult[];
  /** 0-based index of the first wrong line; null when every line follows */
  firstWrong: number | null;
  /** the misconception that writes the first wrong line (`sign-move`, `distribute`...), or null */
  misconception: string | null;
  /** what to tell the child: the misconception's message, "Right!", or why not yet */
  message: string;
  /** whether the last line answers the problem */
  answered: boolean;
}
/** a worked problem of a problem set, or a mini problem made for a misconception */
export interface WorkProblem {
  latex: string;
  answer: string;
  compare?: CompareMode;
  mistakes?: Mistake[];
  [key: string]: unknown;
}
/** checks worked steps line by line, as practice mode and scripts/check-work do */
export class WorkChecker {
  constructor(answerChecker: AnswerChecker);
  check(work: { problem: string; steps: string[]; answer?: string | null; compare?: CompareMode }): WorkResult;
  /** with the set's own message and mini problem for the misconception, else a generated mini problem */
  checkProblem(problem: WorkProblem, steps: string[], options?: { seed?: number }): WorkResult & { mini: WorkProblem | null };
  /** a mini problem on misconception `id` (the same seed gives the same problem), or null */
  miniProblem(id: string, options?: { seed?: number; problem?: string | null }): WorkProblem | null;
}
/** a problem that is not math, or no steps to check */
export class WorkError extends Error {}
export const BLAME_SCORE: number;
/** the symbols of a written line not sure enough to call the line a wrong step (ask the writer first) */
export function doubtfulSymbols(line: { symbols: RecognizedSymbol[] }): RecognizedSymbol[];
/** symbols to fix on the ink ({ ids } are the symbols' `ids`, else their `strokes`) */
export interface Fix {
  ids: number[];
  label: string;
}
/** a reading that may be what was written */
export interface PlausibleReading {
  latex: string;
  probability: number;
  /** the symbols to fix so that the recognizer reads it so */
  fixes: Fix[];
}
export interface Decision {
  /** 'ask': the plausible readings disagree, or the reading is not sure; ask the writer */
  verdict: 'right' | 'wrong' | 'ask' | 'unreadable';
  mistake?: Mistake | null;
  reason?: string;
  /** for 'right' and 'wrong': the reading judged, written as the problem's answers are (an open 4 joined, scripts on the line) */
  latex?: string;
  /** for 'ask': two or more readings to choose from (none: ask about the symbols) */
  choices: PlausibleReading[];
}
export const PLAUSIBLE_READING: number;
export const PLAUSIBLE_SYMBOL: number;
/** an alternative this probable is a look-alike: a wrong reading that it makes right is asked about */
export const LOOK_ALIKE: number;
/** judges every plausible reading; a verdict only when they agree and the reading is sure */
export function decide(checker: AnswerChecker, problem: Problem, reading: Pick<Reading, 'latex' | 'readings' | 'symbols'>): Decision;
/** with a problem, written as its answers are (on the line when none has a script) */
export function plausibleReadings(reading: Pick<Reading, 'latex' | 'readings' | 'symbols'>, problem?: Problem): PlausibleReading[];
/** readings of `latex` with an easy misread undone: a decimal point missed or read in, a look-alike, a stray 1 */
export function misreadings(latex: string, reading: Pick<Reading, 'symbols'>): PlausibleReading[];
/** the fixes that choose a whole reading: its symbols that `reading` does not have, or all of them when it groups the strokes otherwise (labels alone: grouped as `reading`'s) */
export function fixesFor(reading: Pick<Reading, 'symbols'>, whole: { labels: string[]; strokes?: number[][]; ids?: number[][] } | string[]): Fix[];
/** the recognizer's vocabulary for a problem: its `symbols`, else its answers' symbols with digits, signs, = . and the fraction bar */
export function problemVocabulary(problem: Problem): string[] | 'school';
