// The page's latest reading of the ink and the recognizer's state, shared by the modes.
// Emits 'reading' after each new reading and 'state' when the recognizer's state changes.
//
// latest: { latex, symbols: [{ label, score, ids (stroke ids), box, alternatives, fixed, line }],
// lines: [{ latex, box, ids, symbols }] (read as lines; else empty), ms }
// state: 'loading', 'ready', 'crashed', 'unavailable', 'failed' (see web/lib/inkmath.js)
// options: what the current mode asks of recognition ({ lines: true } for worked steps, read
// line by line); ask() changes them and emits 'options', on which the page reads the ink again.

export class PageReading extends EventTarget {
  constructor() {
    super();
    this.latest = { latex: '', symbols: [] };
    this.state = 'loading';
    this.message = '';
    this.options = {};
  }

  ask(options) {
    if (JSON.stringify(options) === JSON.stringify(this.options)) return;
    this.options = { ...options };
    this.dispatchEvent(new CustomEvent('options', { detail: this.options }));
  }

  // One option set (undefined: removed), the others kept: write mode's switches each own one.
  askOption(name, value) {
    const options = { ...this.options };
    if (value === undefined) delete options[name];
    else options[name] = value;
    this.ask(options);
  }

  // Whether readings can be had now (a recognizer that is loading or restarting will answer).
  get working() {
    return this.state !== 'unavailable' && this.state !== 'failed';
  }

  publish(reading) {
    this.latest = reading;
    this.dispatchEvent(new CustomEvent('reading', { detail: reading }));
  }

  setState(state, message = '') {
    this.state = state;
    this.message = message;
    this.dispatchEvent(new CustomEvent('state', { detail: { state, message } }));
  }
}
