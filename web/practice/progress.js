// The writer's place in practice, kept in localStorage so that a reload continues where it
// was: the set's source ({ url } or, for a file, { name, text }) and the problem's index.
// Each child has their own place (key inkmath.practice.NAME); inkmath.practice is the
// place of practice before children gave their names.

const KEY = 'inkmath.practice';
const keyFor = (child) => (child ? `${KEY}.${child}` : KEY);

export function saveProgress(storage, source, index, child = '', score = null) {
  try {
    storage.setItem(keyFor(child), JSON.stringify(score ? { source, index, score } : { source, index }));
  } catch {
    // Progress is a convenience; practice goes on without it.
  }
}

// { source, index } or null.
export function loadProgress(storage, child = '') {
  try {
    const saved = JSON.parse(storage.getItem(keyFor(child)) ?? storage.getItem(KEY));
    return saved && saved.source && typeof saved.source === 'object' ? saved : null;
  } catch {
    return null;
  }
}
