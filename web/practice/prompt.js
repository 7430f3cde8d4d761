// A problem's prompt: text with math between $ signs ("Solve $2x + 3 = 11$."), typeset by
// KaTeX. A prompt without $ is text; \$ is a dollar sign.

// [{ math: boolean, text }] in order.
export function splitPrompt(prompt) {
  const parts = [];
  let text = '', math = false;
  for (let i = 0; i < prompt.length; i++) {
    const c = prompt[i];
    if (c === '\\' && prompt[i + 1] === '$') {
      text += math ? '\\$' : '$';
      i++;
    } else if (c === '$') {
      if (text) parts.push({ math, text });
      text = '';
      math = !math;
    } else {
      text += c;
    }
  }
  // An unclosed $ leaves its text as text.
  if (text) parts.push({ math: false, text: math ? `$${text}` : text });
  return parts;
}

// Fills `element` with the prompt; `typeset(latex, element)` returns false when it cannot.
export function renderPrompt(element, prompt, typeset) {
  element.replaceChildren(...splitPrompt(prompt).map((part) => {
    const span = document.createElement('span');
    if (!part.math || !typeset(part.text, span)) span.textContent = part.text;
    return span;
  }));
}
