// Types of inkmath-pad.js: the <inkmath-pad> writing pad.
import type { Reading, Recognizer, RecognizeOptions, Stroke } from './inkmath.js';

export interface InkChangeDetail {
  kind: 'add' | 'erase' | 'clear' | 'fix' | 'load' | 'undo' | 'redo' | 'transform';
}

/**
 * A writing surface that reads what is written on it. Attributes: `vocabulary`, `eraser`,
 * `base-url` (where its own recognizer finds its files). Events: `reading` (detail: Reading),
 * `readingerror` (detail: Error), `inkchange`. CSS: --inkmath-paper, --inkmath-ink,
 * --inkmath-highlight, --inkmath-line-width, --inkmath-border, --inkmath-radius.
 */
export class InkmathPad extends HTMLElement {
  /** the recognizer it reads with: its own, made when first needed, or one set here to share */
  recognizer: Recognizer;
  /** more recognition options (e.g. alternatives) */
  options: RecognizeOptions;
  /** the latest reading, or null before the first */
  readonly reading: Reading | null;
  /** whether the pen erases */
  eraser: boolean;
  /** the ink, in CSS pixels from the pad's top left corner; setting it replaces the ink (undoable) */
  strokes: Stroke[];
  readonly canUndo: boolean;
  readonly canRedo: boolean;
  undo(): void;
  redo(): void;
  clear(): void;
  /** gives the reading of the strokes at these indices; false when they are not all there */
  fix(strokes: number[], label: string): boolean;
  addEventListener(type: 'reading', listener: (event: CustomEvent<Reading>) => void, options?: boolean | AddEventListenerOptions): void;
  addEventListener(type: 'readingerror', listener: (event: CustomEvent<Error>) => void, options?: boolean | AddEventListenerOptions): void;
  addEventListener(type: 'inkchange', listener: (event: CustomEvent<InkChangeDetail>) => void, options?: boolean | AddEventListenerOptions): void;
  addEventListener(type: string, listener: EventListenerOrEventListenerObject | null, options?: boolean | AddEventListenerOptions): void;
}

declare global {
  interface HTMLElementTagNameMap {
    'inkmath-pad': InkmathPad;
  }
}
