// The size of a writer's strokes, from their other inks. To the recognizer a symbol written
// alone is its own scale, and its size then says nothing: a P reads as p, a ( as 1. Given the
// writer's earlier stroke size (the option earlier_stroke_size), it is read by its size
// against theirs. Each ink of the page (a mode's, a pad's) is known by a name; a reading of
// one is given the median stroke size of the others: those still on the page and the last
// few that are done (cleared). Inks of fewer than 3 strokes say too little to count.
const KEEP = 8;
const LEAST_STROKES = 3;

export class WriterSize {
  #done = [];
  #open = new Map();

  // The last reading of the ink `name`, and how many strokes it had.
  read(name, reading, strokeCount) {
    const size = reading ? reading.stroke_size : undefined;
    if (strokeCount >= LEAST_STROKES && Number.isFinite(size) && size > 0) this.#open.set(name, size);
    else this.#open.delete(name);
  }

  // The ink `name` is done: its size is kept among the last few.
  done(name) {
    if (!this.#open.has(name)) return;
    this.#done.push(this.#open.get(name));
    this.#open.delete(name);
    if (this.#done.length > KEEP) this.#done.shift();
  }

  // What to read the ink `name` with (earlier_stroke_size): undefined while no other ink is
  // known. The median is the upper middle value of an even count, as the core's.
  earlier(name) {
    const sizes = [...this.#done];
    for (const [other, size] of this.#open) if (other !== name) sizes.push(size);
    if (sizes.length === 0) return undefined;
    sizes.sort((a, b) => a - b);
    return sizes[Math.floor(sizes.length / 2)];
  }

  // Another writer (another child on the same device): nothing known.
  forget() {
    this.#done = [];
    this.#open.clear();
  }
}
