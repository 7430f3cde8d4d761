// The ink being written, with undo and redo. Every edit makes a new immutable state;
// history keeps whole states (strokes are shared between them, so this stays small).
//
// state: { strokes: [{ id, points: [[x, y, t, pressure], ...] }], fixed: [{ ids: [strokeId], label }] }
// Emits 'change' with detail { kind } after every edit.

const HISTORY_LIMIT = 500;

export class InkStore extends EventTarget {
  constructor() {
    super();
    this.state = { strokes: [], fixed: [] };
    this.past = [];
    this.future = [];
    this.nextId = 1;
  }

  get strokes() {
    return this.state.strokes;
  }

  get canUndo() {
    return this.past.length > 0;
  }

  get canRedo() {
    return this.future.length > 0;
  }

  addStroke(points) {
    const stroke = { id: this.nextId++, points };
    this.commit({ strokes: [...this.state.strokes, stroke], fixed: this.state.fixed }, 'add');
    return stroke.id;
  }

  erase(ids) {
    const gone = new Set(ids);
    if (!this.state.strokes.some((s) => gone.has(s.id))) return false;
    this.commit({
      strokes: this.state.strokes.filter((s) => !gone.has(s.id)),
      // A fixed reading loses its meaning when any of its strokes is erased.
      fixed: this.state.fixed.filter((f) => !f.ids.some((id) => gone.has(id))),
    }, 'erase');
    return true;
  }

  clear() {
    if (this.state.strokes.length === 0) return;
    this.commit({ strokes: [], fixed: [] }, 'clear');
  }

  // Pins the reading of a group of strokes (the user picked an alternative).
  fix(ids, label) {
    return this.fixAll([{ ids, label }]);
  }

  // Pins several readings in one edit (a whole reading chosen): [{ ids, label }].
  fixAll(fixes) {
    const live = new Set(this.state.strokes.map((s) => s.id));
    if (fixes.length === 0 || !fixes.every(({ ids }) => ids.length > 0 && ids.every((id) => live.has(id)))) return false;
    let fixed = this.state.fixed;
    for (const { ids, label } of fixes) {
      const group = new Set(ids);
      fixed = [...fixed.filter((f) => !f.ids.some((id) => group.has(id))), { ids: [...ids], label }];
    }
    this.commit({ strokes: this.state.strokes, fixed }, 'fix');
    return true;
  }

  // Replaces everything with ink from outside (a file); undo brings the old ink back.
  load(strokes, fixed = [], { keepHistory = true } = {}) {
    const made = strokes.map((points) => ({ id: this.nextId++, points }));
    const state = {
      strokes: made,
      fixed: fixed.map((f) => ({ ids: f.strokes.map((i) => made[i].id), label: f.label })),
    };
    if (keepHistory) return this.commit(state, 'load');
    this.past = [];
    this.future = [];
    this.state = state;
    this.emit('load');
  }

  undo() {
    if (!this.canUndo) return;
    this.future.push(this.state);
    this.state = this.past.pop();
    this.emit('undo');
  }

  redo() {
    if (!this.canRedo) return;
    this.past.push(this.state);
    this.state = this.future.pop();
    this.emit('redo');
  }

  // Moves all ink, in every remembered state (used to keep ink in view when the page resizes).
  transformAll(fn) {
    const mapped = new Map();
    const map = (state) => ({
      strokes: state.strokes.map((s) => {
        if (!mapped.has(s)) mapped.set(s, { id: s.id, points: fn(s.points) });
        return mapped.get(s);
      }),
      fixed: state.fixed,
    });
    this.state = map(this.state);
    this.past = this.past.map(map);
    this.future = this.future.map(map);
    this.emit('transform');
  }

  // What the recognizer reads: points by stroke index, fixed groups by index, and the ids
  // that map indices back to strokes.
  snapshot() {
    const { strokes, fixed } = this.state;
    const index = new Map(strokes.map((s, i) => [s.id, i]));
    return {
      ids: strokes.map((s) => s.id),
      strokes: strokes.map((s) => s.points),
      fixed: fixed.map((f) => ({ strokes: f.ids.map((id) => index.get(id)), label: f.label })),
    };
  }

  commit(state, kind) {
    this.past.push(this.state);
    if (this.past.length > HISTORY_LIMIT) this.past.shift();
    this.future = [];
    this.state = state;
    this.emit(kind);
  }

  emit(kind) {
    this.dispatchEvent(new CustomEvent('change', { detail: { kind } }));
  }
}
