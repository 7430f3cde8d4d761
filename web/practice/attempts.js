// The attempts log, kept on the device in IndexedDB. Where IndexedDB cannot be opened
// (some private modes), attempts are kept for this visit only and `persistent` says so.

const DB_NAME = 'inkmath-practice';
const STORE = 'attempts';

function promised(request) {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

function openDatabase() {
  const request = indexedDB.open(DB_NAME, 1);
  request.onupgradeneeded = () => request.result.createObjectStore(STORE, { keyPath: 'id', autoIncrement: true });
  return promised(request);
}

export class AttemptLog {
  constructor() {
    this.memory = [];
    this.persistent = false;
    this.db = null;
    this.opening = (typeof indexedDB === 'undefined' ? Promise.reject(new Error('no IndexedDB')) : openDatabase())
      .then((db) => { this.db = db; this.persistent = true; }, () => {});
  }

  async add(attempt) {
    await this.opening;
    if (!this.db) {
      this.memory.push({ ...attempt, id: this.memory.length + 1 });
      return;
    }
    try {
      await promised(this.db.transaction(STORE, 'readwrite').objectStore(STORE).add(attempt));
    } catch {
      // Storage full or refused: keep the attempt for this visit rather than lose it.
      this.memory.push({ ...attempt, id: -(this.memory.length + 1) });
    }
  }

  // Every attempt, oldest first.
  async all() {
    await this.opening;
    const stored = this.db ? await promised(this.db.transaction(STORE).objectStore(STORE).getAll()).catch(() => []) : [];
    return [...stored, ...this.memory].sort((a, b) => (a.time < b.time ? -1 : a.time > b.time ? 1 : 0));
  }

  // Removes the attempts for which `match(attempt)` holds (every attempt without it).
  async clear(match = () => true) {
    await this.opening;
    this.memory = this.memory.filter((a) => !match(a));
    if (!this.db) return;
    const store = this.db.transaction(STORE, 'readwrite').objectStore(STORE);
    const stored = await promised(store.getAll());
    await Promise.all(stored.filter(match).map((a) => promised(store.delete(a.id))));
  }
}
