// Keeps the ink across reloads in localStorage. Saved state that cannot be read is
// removed and reported, so a bad save never blocks the page.
import { validateStrokes, validateFixed } from './validate.js';

const KEY = 'inkmath.ink';
const VERSION = 1;

export function saveInk(storage, snapshot) {
  const data = { version: VERSION, strokes: snapshot.strokes, fixed: snapshot.fixed };
  try {
    storage.setItem(KEY, JSON.stringify(data));
    return null;
  } catch (err) {
    return `Could not save your writing in this browser (${err.name || 'storage error'}).`;
  }
}

// Returns { strokes, fixed } or null when nothing is saved; throws Error with a message
// (after removing the saved state) when the saved state is unreadable.
export function loadInk(storage) {
  let text;
  try {
    text = storage.getItem(KEY);
  } catch {
    return null;  // storage disabled (private mode): start empty
  }
  if (text === null) return null;
  try {
    const data = JSON.parse(text);
    if (!data || data.version !== VERSION) throw new Error('unknown format');
    const strokes = validateStrokes(data.strokes);
    return { strokes, fixed: validateFixed(data.fixed, strokes.length) };
  } catch (err) {
    try {
      storage.removeItem(KEY);
    } catch {
      // nothing more to do: the page starts empty either way
    }
    throw new Error(`Your saved writing could not be read (${err.message}), so the page starts empty.`);
  }
}
