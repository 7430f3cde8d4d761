// Each mode keeps its own ink: what was written in Write mode waits there while the child
// practises, and the practice paper starts with the practice ink. The ink of the modes not
// shown is kept in localStorage (inkmath.ink.MODE), beside the page's own inkmath.ink,
// whose mode is noted in inkmath.ink.mode.
const OWNER = 'inkmath.ink.mode';
const keyOf = (mode) => `inkmath.ink.${mode}`;

function read(storage, key) {
  try {
    const saved = JSON.parse(storage?.getItem(key));
    return saved && Array.isArray(saved.strokes) && Array.isArray(saved.fixed) ? saved : null;
  } catch {
    return null;
  }
}

function write(storage, key, value) {
  try {
    storage?.setItem(key, typeof value === 'string' ? value : JSON.stringify(value));
  } catch {
    // Kept in memory for this visit.
  }
}

export function keepInkPerMode(store, storage, mode) {
  const memory = new Map();
  const stash = (m) => {
    const { strokes, fixed } = store.snapshot();
    memory.set(m, { strokes, fixed });
    write(storage, keyOf(m), { strokes, fixed });
  };
  const bring = (m) => {
    const saved = memory.get(m) || read(storage, keyOf(m)) || { strokes: [], fixed: [] };
    store.load(saved.strokes, saved.fixed, { keepHistory: false });
    write(storage, OWNER, m);
  };
  // The page restored the ink of the mode it was in last; another mode opened now (a new
  // tab, a ?set= link) gets its own.
  let owner = null;
  try {
    owner = storage?.getItem(OWNER);
  } catch {
    owner = null;
  }
  if (owner && owner !== mode) {
    stash(owner);
    bring(mode);
  } else {
    write(storage, OWNER, mode);
  }
  window.addEventListener('inkmath:mode', (e) => {
    const next = e.detail.mode;
    if (next === mode) return;
    stash(mode);
    mode = next;
    bring(next);
  });
}
