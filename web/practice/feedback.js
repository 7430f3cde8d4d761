// What the practice panel says after a check: right, not yet (with the hint and the mini
// problem), "is this what you wrote?" for an unsure reading, and plain messages.
import { typeset } from '../view/katex.js';
import { el, button } from './dom.js';
import { renderPrompt } from './prompt.js';

export class Feedback {
  constructor(element) {
    this.element = element;
    this.katex = null;
  }

  show(kind, ...children) {
    this.element.dataset.kind = kind;
    this.element.replaceChildren(...children.filter(Boolean));
  }

  clear() {
    this.show('');
  }

  math(latex, className = 'practice-math') {
    const span = el('span', { class: className, 'data-latex': latex });
    if (!typeset(this.katex, latex, span, { displayMode: false })) span.textContent = latex;
    return span;
  }

  text(withMath, className) {
    const p = el('p', { class: className });
    renderPrompt(p, withMath, (latex, span) => typeset(this.katex, latex, span, { displayMode: false }));
    return p;
  }

  info(message, kind = 'info') {
    this.show(kind, el('p', {}, message));
  }

  // reading: { latex, unsure: [symbol] }; pick(symbol, label) fixes a symbol's reading.
  confirm({ latex, unsure, readable }, { pick, yes, rewrite }) {
    const asks = unsure.map((symbol) => el('div', { class: 'practice-unsure' },
      el('span', {}, 'Is this '), this.math(symbol.label, 'practice-symbol'), el('span', {}, '? Or: '),
      ...(symbol.alternatives || []).filter((a) => a.label !== symbol.label).slice(0, 4).map((alt) =>
        button(this.math(alt.label, 'practice-symbol'), () => pick(symbol, alt.label),
          { class: 'practice-alternative', 'data-label': alt.label, 'aria-label': `It is ${alt.label}` }))));
    this.show('confirm',
      el('p', {}, readable ? 'I am not sure I read that right. I read:' : 'I cannot read that as math yet. I read:'),
      el('p', { class: 'practice-read' }, latex ? this.math(latex) : '(nothing)'),
      ...asks,
      el('div', { class: 'practice-actions' },
        button('Yes, check it', yes, { id: 'practice-confirm', class: 'primary' }),
        button('Write it again', rewrite, { id: 'practice-rewrite' })));
  }

  right({ latex, nextLabel, next }) {
    this.show('right',
      el('p', { class: 'practice-verdict' }, 'Right! ', this.math(latex)),
      button(nextLabel, next, { id: 'practice-next', class: 'primary' }));
  }

  wrong({ latex, message, hint, miniProblem, startMini, rewrite }) {
    this.show('wrong',
      el('p', { class: 'practice-verdict' }, 'Not quite: ', this.math(latex)),
      message && this.text(message, 'practice-mistake'),
      hint && this.text(`Hint: ${hint}`, 'practice-hint'),
      miniProblem && el('div', { class: 'practice-mini-offer' },
        this.text(`Let's practise that first: ${miniProblem.prompt}`, 'practice-mini-prompt'),
        button('Try the mini problem', startMini, { id: 'practice-start-mini', class: 'primary' })),
      el('div', { class: 'practice-actions' }, button('Write it again', rewrite, { id: 'practice-rewrite' })));
  }

  unreadable({ reason, rewrite }) {
    this.show('unreadable',
      el('p', {}, `I still cannot read that as math (${reason}). Fix the symbols above or write it again.`),
      button('Write it again', rewrite, { id: 'practice-rewrite' }));
  }
}
