// The children who practise on this device, kept in localStorage (key inkmath.children):
// their names (and classes), and who is practising now. Several children can share one
// iPad; each attempt records its child, so their answers never mix.

const KEY = 'inkmath.children';
const MAX_NAME = 60;

export class ChildError extends Error {}

function load(storage) {
  try {
    const saved = JSON.parse(storage?.getItem(KEY));
    if (saved && Array.isArray(saved.children)) {
      const children = saved.children.filter((c) => c && typeof c.name === 'string' && c.name.trim())
        .map((c) => ({ name: c.name.trim(), class: typeof c.class === 'string' ? c.class.trim() : '' }));
      return { children, current: children.some((c) => c.name === saved.current) ? saved.current : '' };
    }
  } catch {
    // Unreadable: start with no children.
  }
  return { children: [], current: '' };
}

export class Children {
  constructor(storage) {
    this.storage = storage;
    this.state = load(storage);
  }

  get list() {
    return this.state.children;
  }

  // The child practising now ({ name, class }), or null when nobody has said who they are.
  get current() {
    return this.state.children.find((c) => c.name === this.state.current) || null;
  }

  // Adds (or updates the class of) a child and makes them the one practising.
  choose(name, className = '') {
    name = String(name ?? '').replace(/\s+/g, ' ').trim();
    className = String(className ?? '').replace(/\s+/g, ' ').trim();
    if (!name) throw new ChildError('Type your name first.');
    if (name.length > MAX_NAME || className.length > MAX_NAME) throw new ChildError(`A name can have at most ${MAX_NAME} letters.`);
    const known = this.state.children.find((c) => c.name.toLowerCase() === name.toLowerCase());
    if (known) {
      if (className) known.class = className;
      name = known.name;
    } else {
      this.state.children.push({ name, class: className });
    }
    this.state.current = name;
    this.save();
    return this.current;
  }

  // Nobody is practising until the next child says who they are.
  leave() {
    this.state.current = '';
    this.save();
  }

  save() {
    try {
      this.storage?.setItem(KEY, JSON.stringify(this.state));
    } catch {
      // Kept for this visit only.
    }
  }
}
