// One line of status for the user, announced to screen readers. Messages have a kind:
// 'info' fades after a while; 'error' stays until replaced or cleared.
export class StatusLine {
  constructor(element) {
    this.element = element;
    this.timer = 0;
    this.sticky = new Map();  // source -> error message that stays until its source clears it
    this.note = '';           // the info message showing now, until its time is up
  }

  info(text, ms = 2500) {
    clearTimeout(this.timer);
    this.note = text;
    this.render();
    this.timer = setTimeout(() => {
      this.note = '';
      this.render();
    }, ms);
  }

  // An error from `source` (e.g. 'recognizer', 'storage'); null clears it.
  error(source, text) {
    if (text) this.sticky.set(source, text);
    else this.sticky.delete(source);
    this.render();
  }

  // An error set or cleared meanwhile (a new reading clears 'reading') leaves the info shown.
  render(text = this.note, kind = 'info') {
    const errors = [...this.sticky.values()];
    if (!text && errors.length === 0) {
      this.element.textContent = '';
      this.element.dataset.kind = '';
      return;
    }
    this.element.textContent = [text, ...errors].filter(Boolean).join(' ');
    this.element.dataset.kind = errors.length ? 'error' : kind;
  }
}
