// One line of status for the user, announced to screen readers. Messages have a kind:
// 'info' fades after a while; 'error' stays until replaced or cleared.
export class StatusLine {
  constructor(element) {
    this.element = element;
    this.timer = 0;
    this.sticky = new Map();  // source -> error message that stays until its source clears it
  }

  info(text, ms = 2500) {
    clearTimeout(this.timer);
    this.render(text, 'info');
    this.timer = setTimeout(() => this.render(), ms);
  }

  // An error from `source` (e.g. 'recognizer', 'storage'); null clears it.
  error(source, text) {
    if (text) this.sticky.set(source, text);
    else this.sticky.delete(source);
    this.render();
  }

  render(text, kind) {
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
