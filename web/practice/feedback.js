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

  // A formula; with the class practice-big it is set at display size (a fraction stays legible).
  math(latex, className = 'practice-math') {
    const span = el('span', { class: className, 'data-latex': latex });
    const display = className.includes('practice-big') ? `\\displaystyle ${latex}` : latex;
    if (!typeset(this.katex, display, span, { displayMode: false })) span.textContent = latex;
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

  // reading: { latex, unsure: [symbol], readable }; pick(symbol, label) fixes a symbol's
  // reading, other(symbol) offers every symbol for it, join(symbol) joins it with the next
  // symbol, split(symbol) takes it apart.
  // Only math can be checked, so "Yes, check it" is offered only for a reading that is.
  // question: what to ask instead of the usual words (a line of worked steps).
  confirm({ latex, unsure, readable, next, question }, { pick, other, join, split, yes, rewrite }) {
    const asks = unsure.map((symbol) => el('div', { class: 'practice-unsure', 'data-symbol': symbol.ids.join(',') },
      el('span', {}, 'Is this '), this.math(symbol.label, 'practice-symbol'), el('span', {}, '? Or: '),
      ...(symbol.alternatives || []).filter((a) => a.label !== symbol.label).slice(0, 4).map((alt) =>
        button(this.math(alt.label, 'practice-symbol'), () => pick(symbol, alt.label),
          { class: 'practice-alternative', 'data-label': alt.label, 'aria-label': `It is ${alt.label}` })),
      button('Something else', () => other(symbol), { class: 'practice-other', 'aria-label': `${symbol.label} is something else` }),
      next(symbol) && button('Join with the next one', () => join(symbol), { class: 'practice-join', 'aria-label': `Join ${symbol.label} with the next symbol` }),
      symbol.ids.length > 1 && button('Split it', () => split(symbol), { class: 'practice-split', 'aria-label': `Split ${symbol.label} into two symbols` })));
    this.show('confirm',
      el('p', {}, question || (readable ? 'I am not sure I read that right. I read:' : 'I cannot read that as math yet. I read:')),
      el('p', { class: 'practice-read' }, latex ? this.math(latex, 'practice-math practice-big') : '(nothing)'),
      ...asks,
      !readable && el('p', { class: 'practice-fix-tip' }, 'Tap a symbol below to change it, or write it again.'),
      el('div', { class: 'practice-actions' },
        readable && button('Yes, check it', yes, { id: 'practice-confirm', class: 'primary' }),
        button('Write it again', rewrite, { id: 'practice-rewrite', class: readable ? '' : 'primary' })));
  }

  // "Did you write A or B?": choices are readings ({ latex }), typeset; pick(choice) takes
  // one, other() asks about the symbols instead.
  choose({ choices }, { pick, other, rewrite }) {
    const options = choices.map((c, i) => [
      i > 0 && el('span', { class: 'practice-or' }, i === choices.length - 1 ? ' or ' : ', '),
      button(this.math(c.latex, 'practice-math practice-big'), () => pick(c),
        { class: 'practice-reading', 'data-latex': c.latex, 'aria-label': `I wrote ${c.latex}` }),
    ]).flat().filter(Boolean);
    this.show('confirm',
      el('p', {}, 'Did you write'),
      el('div', { class: 'practice-readings' }, ...options, el('span', {}, '?')),
      el('div', { class: 'practice-actions' },
        button('Something else', other, { id: 'practice-something-else' }),
        button('Write it again', rewrite, { id: 'practice-rewrite' })));
  }

  // Which symbol is this? A pad of the symbols children write, for joined or split strokes.
  keypad(question, onPick, cancel) {
    const labels = ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9', 'x', 'y', '+', '-', '\\times', '=', '(', ')', '.', '<', '>'];
    this.show('confirm',
      el('p', {}, question),
      el('div', { class: 'practice-keypad' }, ...labels.map((label) =>
        button(this.math(label, 'practice-symbol'), () => onPick(label), { class: 'practice-key', 'data-label': label, 'aria-label': `It is ${label}` }))),
      el('div', { class: 'practice-actions' }, button('Back', cancel, { id: 'practice-keypad-back' })));
  }

  right({ latex, nextLabel, next }) {
    this.show('right',
      el('p', { class: 'practice-verdict' }, 'Right! ', this.math(latex, 'practice-math practice-big')),
      button(nextLabel, next, { id: 'practice-next', class: 'primary' }));
  }

  wrong({ latex, message, hint, miniProblem, startMini, rewrite, notMine }) {
    this.show('wrong',
      el('p', { class: 'practice-verdict' }, 'Not quite: ', this.math(latex, 'practice-math practice-big')),
      message && this.text(message, 'practice-mistake'),
      hint && this.text(`Hint: ${hint}`, 'practice-hint'),
      miniProblem && el('div', { class: 'practice-mini-offer' },
        this.text(`Let's practise that first: ${miniProblem.prompt}`, 'practice-mini-prompt'),
        button('Try the mini problem', startMini, { id: 'practice-start-mini', class: 'primary' })),
      el('div', { class: 'practice-actions' }, button('Write it again', rewrite, { id: 'practice-rewrite' }),
        button('That is not what I wrote', notMine, { id: 'practice-not-mine' })));
  }

  // Worked steps with a wrong line (line: its 0-based index; null when every line follows
  // but the last is not the answer): the line, why (the misconception's message), the hint
  // and the mini problem on that misconception.
  wrongStep({ line, latex, message, misconception, hint, miniProblem, startMini, rewrite, notMine }) {
    this.show('wrong',
      el('p', { class: 'practice-verdict', 'data-line': line === null ? '' : String(line) },
        line === null ? 'Not quite.' : `Not quite: line ${line + 1}, `, line !== null && this.math(latex, 'practice-math practice-big')),
      message && el('div', { class: 'practice-mistake', 'data-misconception': misconception || '' }, this.text(message)),
      line !== null && el('p', { class: 'practice-fix-tip' }, `Fix line ${line + 1} and the lines after it, then check again.`),
      hint && this.text(`Hint: ${hint}`, 'practice-hint'),
      miniProblem && el('div', { class: 'practice-mini-offer' },
        this.text(`Let's practise that first: ${miniProblem.prompt}`, 'practice-mini-prompt'),
        button('Try the mini problem', startMini, { id: 'practice-start-mini', class: 'primary' })),
      el('div', { class: 'practice-actions' }, button('Write it again', rewrite, { id: 'practice-rewrite' }),
        line !== null && button('That is not what I wrote', notMine, { id: 'practice-not-mine' })));
  }

  unreadable({ reason, rewrite }) {
    this.show('unreadable',
      el('p', {}, `I still cannot read that as math (${reason}). Tap a symbol below to change it, or write it again.`),
      button('Write it again', rewrite, { id: 'practice-rewrite' }));
  }
}
