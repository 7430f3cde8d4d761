// The recognized symbols as buttons, in reading order (line by line, when read as lines). Choosing one shows its
// alternatives (the recognizer's next best readings); picking one fixes that reading.
import { loadKatex, typeset } from './katex.js';

// A symbol label typeset; commands that need an argument (\\sqrt) get an empty box.
function typesetLabel(katex, label) {
  const span = document.createElement('span');
  if (typeset(katex, label, span, { displayMode: false })) return span;
  if (typeset(katex, `${label}{\\square}`, span, { displayMode: false })) return span;
  span.textContent = label;
  return span;
}

// Each label is typeset once and copied after that: every pen-up shows all the symbols again.
const typesetLabels = new Map();  // label -> typeset span

function sameLabel(katex, label, element) {
  if (!katex) return element.append(typesetLabel(katex, label));
  if (!typesetLabels.has(label)) typesetLabels.set(label, typesetLabel(katex, label));
  element.append(typesetLabels.get(label).cloneNode(true));
}

export class SymbolsView {
  // onSelect(strokeIds | null) highlights ink; onPick(strokeIds, label) fixes a reading.
  constructor({ list, alternatives }, { onSelect, onPick }) {
    this.list = list;
    this.alternatives = alternatives;
    this.onSelect = onSelect;
    this.onPick = onPick;
    this.symbols = [];
    this.selected = -1;
  }

  // symbols: recognized symbols with strokes already mapped to stroke ids.
  async show(symbols) {
    const katex = symbols.length ? await loadKatex() : null;
    const key = (s) => s.ids.join(',');
    const keep = this.selected >= 0 ? key(this.symbols[this.selected]) : null;
    this.symbols = [...symbols].sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || a.box[0] - b.box[0]);
    const lines = new Set(this.symbols.map((s) => s.line ?? 0)).size;
    this.list.replaceChildren(...this.symbols.map((s, i) => {
      const button = document.createElement('button');
      button.type = 'button';
      button.className = 'symbol';
      if (lines > 1) button.dataset.line = String(s.line);
      if (lines > 1 && i > 0 && this.symbols[i - 1].line !== s.line) button.classList.add('new-line');
      button.setAttribute('aria-label', `${lines > 1 ? `Line ${s.line + 1}, s` : 'S'}ymbol ${i + 1}: ${s.label}${s.fixed ? ' (your choice)' : ''}. Show alternatives`);
      button.dataset.label = s.label;
      if (s.fixed) button.dataset.fixed = 'true';
      sameLabel(katex, s.label, button);
      button.addEventListener('click', () => this.select(this.selected === i ? -1 : i));
      return button;
    }));
    const again = this.symbols.findIndex((s) => key(s) === keep);
    this.select(again, { quiet: again < 0 && keep === null });
  }

  select(index, { quiet = false } = {}) {
    this.selected = index;
    this.list.querySelectorAll('.symbol').forEach((b, i) => b.setAttribute('aria-expanded', String(i === index)));
    this.renderAlternatives();
    if (!quiet) this.onSelect(index >= 0 ? this.symbols[index].ids : null);
  }

  async renderAlternatives() {
    const symbol = this.symbols[this.selected];
    this.alternatives.hidden = !symbol;
    if (!symbol) return this.alternatives.replaceChildren();
    const katex = await loadKatex();
    const heading = document.createElement('p');
    heading.textContent = 'Did you mean:';
    // A fixed symbol may come back without alternatives: its own reading is then the only one.
    const offered = symbol.alternatives && symbol.alternatives.length ? symbol.alternatives : [{ label: symbol.label, score: symbol.score }];
    const buttons = offered.map((alt) => {
      const button = document.createElement('button');
      button.type = 'button';
      button.className = 'alternative';
      button.dataset.label = alt.label;
      button.setAttribute('aria-label', `Use ${alt.label} (${Math.round(alt.score * 100)}%)`);
      button.setAttribute('aria-pressed', String(alt.label === symbol.label));
      sameLabel(katex, alt.label, button);
      button.addEventListener('click', () => {
        this.select(-1);
        if (alt.label !== symbol.label) this.onPick(symbol.ids, alt.label);
      });
      return button;
    });
    this.alternatives.replaceChildren(heading, ...buttons);
    this.alternatives.scrollIntoView({ block: 'nearest' });
  }
}
