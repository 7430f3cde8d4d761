// Paper that grows as the child writes: the sheet is always at least the height of its
// scroller and reaches a stretch of empty paper below the lowest ink, so there is room for
// the next line. It grows after a stroke is written (never during one, so the pen does not
// move the page) and shrinks back when ink below is removed.

const ROOM = 0.5;        // empty paper below the lowest ink, in scroller heights
const MIN_ROOM = 160;    // CSS pixels, for short scrollers
const MAX_SHEETS = 8;    // the sheet is at most this many scroller heights (canvas memory)

// The sheet's height for `strokes` ([{ points }]) on a scroller `view` CSS pixels high.
export function sheetHeight(strokes, view) {
  let lowest = 0;
  for (const s of strokes) for (const p of s.points) if (p[1] > lowest) lowest = p[1];
  const wanted = lowest > 0 ? lowest + Math.max(MIN_ROOM, view * ROOM) : 0;
  return Math.round(Math.min(Math.max(view, wanted), view * MAX_SHEETS));
}

export class GrowingPaper {
  // scroller: the element that scrolls; sheet: the element inside it that holds the canvas;
  // store: the ink store (web/ink/store.js), whose points are in the sheet's CSS pixels.
  constructor({ scroller, sheet, store }) {
    this.scroller = scroller;
    this.sheet = sheet;
    this.store = store;
    store.addEventListener('change', () => this.fit());
    new ResizeObserver(() => this.fit()).observe(scroller);
  }

  fit() {
    const view = this.scroller.clientHeight;
    if (view <= 0) return;
    const height = `${sheetHeight(this.store.strokes, view)}px`;
    if (this.sheet.style.height !== height) this.sheet.style.height = height;
  }
}
