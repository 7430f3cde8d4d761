// The writer's place in practice, kept in localStorage so that a reload continues where it
// was: the set's source ({ url } or, for a file, { name, text }) and the problem's index.

const KEY = 'inkmath.practice';

export function saveProgress(storage, source, index) {
  try {
    storage.setItem(KEY, JSON.stringify({ source, index }));
  } catch {
    // Progress is a convenience; practice goes on without it.
  }
}

// { source, index } or null.
export function loadProgress(storage) {
  try {
    const saved = JSON.parse(storage.getItem(KEY));
    return saved && saved.source && typeof saved.source === 'object' ? saved : null;
  } catch {
    return null;
  }
}
