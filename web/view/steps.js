// Each written line typeset beside its ink, as a column of steps on the paper: the column
// starts right of the widest line, each step level with its line (above the line, at its
// left, where the paper has no room on the right). The steps let the pen through; a step can
// be marked (the first wrong one, the right ones, one asked about).
import { loadKatex, typeset } from './katex.js';

const GAP = 24;        // CSS pixels between the ink and the column
const MIN_ROOM = 100;  // CSS pixels the column needs on the right at least

export class StepsView {
  // layer: an element over the paper, in the ink's coordinates (the sheet).
  constructor(layer) {
    this.layer = layer;
    this.lines = [];
    this.marks = [];
    this.shown = 0;
  }

  // lines: [{ latex, box: [x0, y0, x1, y1] }] top to bottom; fewer than two clears the column.
  async show(lines) {
    const token = ++this.shown;
    const katex = lines.length > 1 ? await loadKatex() : null;
    if (token !== this.shown) return;
    this.lines = lines.length > 1 ? lines : [];
    this.layer.replaceChildren(...this.lines.map((line, i) => {
      const step = document.createElement('div');
      step.className = 'step';
      step.dataset.line = String(i);
      step.dataset.latex = line.latex;
      if (!typeset(katex, line.latex, step, { displayMode: false })) step.textContent = line.latex;
      return step;
    }));
    this.layer.dataset.lines = String(this.lines.length);
    this.place();
    this.mark(this.marks);
  }

  place() {
    if (this.lines.length === 0) return;
    const width = this.layer.clientWidth;
    const right = Math.max(...this.lines.map((l) => l.box[2])) + GAP;
    const widest = Math.max(MIN_ROOM, ...[...this.layer.children].map((step) => step.offsetWidth));
    const beside = width - right >= widest;
    [...this.layer.children].forEach((step, i) => {
      const [x0, y0, , y1] = this.lines[i].box;
      const h = step.offsetHeight;
      step.style.left = `${beside ? right : x0}px`;
      step.style.top = `${Math.max(0, beside ? (y0 + y1 - h) / 2 : y0 - h - 4)}px`;
      step.dataset.place = beside ? 'beside' : 'above';
    });
  }

  // marks: per line '' | 'right' | 'wrong' | 'doubt' (the first wrong step, the lines before
  // it right); kept for the next readings until marked again ([] clears).
  mark(marks) {
    this.marks = marks;
    [...this.layer.children].forEach((step, i) => {
      if (marks[i]) step.dataset.mark = marks[i];
      else delete step.dataset.mark;
    });
  }
}
