// Types of inkmath.js: handwritten math recognition in a Web Worker.

/** A point: x and y in any unit (y grows downwards), and optionally the time in ms and the pressure 0..1. */
export type Point = [x: number, y: number] | [x: number, y: number, t: number] | [x: number, y: number, t: number, pressure: number];
/** A stroke: the points from pen-down to pen-up. */
export type Stroke = Point[];

/** A group of strokes whose reading is given, e.g. picked among a symbol's alternatives. */
export interface FixedSymbol {
  /** indices into the strokes */
  strokes: number[];
  label: string;
}

export interface RecognizeOptions {
  /** the symbols the writer may use: a named vocabulary, or a list of labels */
  vocabulary?: string | string[];
  /** how many readings each symbol offers (best first) */
  alternatives?: number;
  /** stroke groups whose reading is given */
  fixed?: FixedSymbol[];
  /** which ink of the page this is, when there are several: each is read in its own session,
   * which classifies again only the strokes that changed since its last reading */
  surface?: string;
  /** the typical stroke size of the same writer's earlier ink (`stroke_size` of its reading, or the median of
   * several), in these strokes' units: a symbol written alone is then read by its size against the writer's
   * (a P, not p); WriterSize keeps it */
  earlier_stroke_size?: number;
  /** further options of the core are passed on to it as given */
  [option: string]: unknown;
}

export interface Alternative {
  label: string;
  score: number;
}

export interface RecognizedSymbol {
  /** a LaTeX symbol or command: "x", "2", "\\alpha", "\\sqrt", "-" */
  label: string;
  /** the classifier's probability for the label, 0..1 */
  score: number;
  /** indices of its strokes */
  strokes: number[];
  /** its box: [x0, y0, x1, y1] */
  box: [number, number, number, number];
  /** readings of the same strokes, best first */
  alternatives: Alternative[];
  /** true when its reading was given in `fixed` */
  fixed?: boolean;
}

/** A node of the layout tree; any of them may have `sub` and `sup` rows. */
export type LayoutNode =
  | { symbol: number; sub?: LayoutNode[]; sup?: LayoutNode[]; [key: string]: unknown }
  | { fraction: number; numerator: LayoutNode[]; denominator: LayoutNode[]; sub?: LayoutNode[]; sup?: LayoutNode[]; [key: string]: unknown }
  | { root: number; index?: LayoutNode[]; body: LayoutNode[]; sub?: LayoutNode[]; sup?: LayoutNode[]; [key: string]: unknown };

export interface Reading {
  latex: string;
  /** the best whole readings, best first (the first is `latex`), each with its probability */
  readings: { latex: string; probability: number;
    /** each of this reading's symbols: its label, and its strokes (sorted) beside it; a reading may group the strokes
     * otherwise than `symbols` (fixesFor gives the fixes that choose it) */
    labels: string[]; strokes: number[][] }[];
  /** the symbols in writing order */
  symbols: RecognizedSymbol[];
  /** the layout tree: a row of nodes */
  tree: LayoutNode[] | unknown;
  /** the written lines, top to bottom, when read as lines (`options.lines`); else empty */
  lines: ReadingLine[];
  /** milliseconds the core spent */
  ms: number;
  /** the ink's typical stroke size (the median of its strokes' sizes; 0 without points) */
  stroke_size: number;
  /** time in the worker and from sending to answer (not enumerable) */
  readonly timing?: { workerMs: number; roundTripMs: number };
}

export interface ReadingLine {
  /** stroke indices into the ink, and the line's box [x0, y0, x1, y1] */
  strokes: number[];
  box: [number, number, number, number];
  /** the line read alone */
  latex: string;
  symbols: RecognizedSymbol[];
  tree: LayoutNode[] | unknown;
}

export type RecognizerState = 'loading' | 'ready' | 'crashed' | 'unavailable' | 'failed' | 'closed';

export interface RecognizerOptions {
  /** the folder holding inkmath-worker.js, wasm/ and weights/ (same origin); default: next to inkmath.js */
  baseUrl?: string | URL;
  /** false: load the scalar WebAssembly module even where WebAssembly SIMD runs (default true;
   *  browsers without SIMD, Safari before 16.4, load the scalar module anyway) */
  simd?: boolean;
}

export interface StateChangeEvent extends Event {
  readonly state: RecognizerState;
  readonly message: string;
}

/** Ink the core refuses; the message is the core's. */
export class RecognitionError extends Error {
  name: 'RecognitionError';
}

/** The recognizer could not be loaded ('unavailable'), kept crashing ('failed') or was closed. */
export class RecognizerUnavailable extends Error {
  name: 'RecognizerUnavailable';
  reason: 'unavailable' | 'failed' | 'closed';
}

export class Recognizer extends EventTarget {
  constructor(options?: RecognizerOptions);
  readonly state: RecognizerState;
  /** why the recognizer is not working, when it is not */
  readonly message: string;
  /** whether the loaded module uses WebAssembly SIMD; null until ready */
  readonly simd: boolean | null;
  /** resolves once the model is loaded; rejects with RecognizerUnavailable */
  ready(): Promise<this>;
  /**
   * Reads the strokes. One call is read at a time; a newer call replaces one still waiting,
   * whose promise rejects with a DOMException named 'AbortError'. Rejects with RecognitionError
   * for ink the core refuses, and with RecognizerUnavailable.
   */
  recognize(strokes: Stroke[], options?: RecognizeOptions): Promise<Reading>;
  /** drops the waiting call (it rejects with an AbortError) */
  cancel(): void;
  /** ends the worker; later calls reject */
  close(): void;
  addEventListener(type: 'statechange', listener: (event: StateChangeEvent) => void, options?: boolean | AddEventListenerOptions): void;
  addEventListener(type: string, listener: EventListenerOrEventListenerObject | null, options?: boolean | AddEventListenerOptions): void;
}

/** A recognizer with its own Web Worker, once its model has loaded. */
export function createRecognizer(options?: RecognizerOptions): Promise<Recognizer>;

/** The ink JSON the core reads for these strokes and options. */
export function inkRequest(strokes: Stroke[], options?: RecognizeOptions): { strokes: Stroke[]; fixed: FixedSymbol[]; options?: Record<string, unknown> };

/** The size of a writer's strokes from their other inks, each known by a name: a reading of one is given
 * `earlier(name)` as `earlier_stroke_size` (the median stroke size of the others, those still there and the
 * last few done); inks of fewer than 3 strokes do not count. */
export class WriterSize {
  /** the last reading of the ink `name`, and how many strokes it had */
  read(name: string, reading: Reading | null, strokeCount: number): void;
  /** the ink `name` is done (cleared): its size is kept among the last few */
  done(name: string): void;
  /** the earlier_stroke_size to read the ink `name` with; undefined while no other ink is known */
  earlier(name: string): number | undefined;
  /** another writer: nothing known */
  forget(): void;
}
