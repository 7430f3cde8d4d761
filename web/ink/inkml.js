// W3C InkML: writes the ink as traces (X Y T channels) and reads traces back.
import { validateStrokes, InkError } from './validate.js';

const NS = 'http://www.w3.org/2003/InkML';

function escapeXml(s) {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function number(v) {
  return String(Math.round(v * 100) / 100);
}

// strokes: [[[x, y, t, p], ...], ...]; latex: the current reading, stored as an annotation.
export function inkToInkML(strokes, latex = '') {
  const t0 = strokes.length ? strokes[0][0][2] || 0 : 0;
  const traces = strokes.map((points, i) => {
    const body = points.map(([x, y, t]) => `${number(x)} ${number(y)} ${number((t || 0) - t0)}`).join(', ');
    return `  <trace id="${i}">${body}</trace>`;
  });
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<ink xmlns="${NS}">`,
    '  <traceFormat>',
    '    <channel name="X" type="decimal"/>',
    '    <channel name="Y" type="decimal"/>',
    '    <channel name="T" type="decimal" units="ms"/>',
    '  </traceFormat>',
    `  <annotation type="truth">${escapeXml(latex ? `$${latex}$` : '')}</annotation>`,
    ...traces,
    '</ink>',
    '',
  ].join('\n');
}

function channelOrder(doc) {
  const format = doc.getElementsByTagNameNS('*', 'traceFormat')[0];
  if (!format) return { x: 0, y: 1, t: -1 };
  const names = Array.from(format.getElementsByTagNameNS('*', 'channel')).map((c) => c.getAttribute('name'));
  return { x: names.indexOf('X'), y: names.indexOf('Y'), t: names.indexOf('T') };
}

// Reads the traces of an InkML document. `parser` is a DOMParser (the browser's, or one
// given by the caller). Throws InkError with a one-line reason for anything unreadable.
export function inkFromInkML(text, parser = new DOMParser()) {
  let doc;
  try {
    doc = parser.parseFromString(text, 'application/xml');
  } catch (err) {
    throw new InkError(`not well-formed XML (${err.message})`);
  }
  if (!doc || !doc.documentElement || doc.getElementsByTagName('parsererror').length > 0)
    throw new InkError('not well-formed XML');
  if (doc.documentElement.localName !== 'ink') throw new InkError('not an InkML file (the root element is not <ink>)');
  const { x, y, t } = channelOrder(doc);
  if (x < 0 || y < 0) throw new InkError('the trace format has no X and Y channels');
  const traces = Array.from(doc.getElementsByTagNameNS('*', 'trace'));
  if (traces.length === 0) throw new InkError('the file holds no traces');
  const strokes = traces.map((trace, i) =>
    trace.textContent.split(',').filter((p) => p.trim() !== '').map((p) => {
      const v = p.trim().split(/\s+/).map(Number);
      if (v.some((n) => !Number.isFinite(n))) throw new InkError(`trace ${i + 1} holds a value that is not a number`);
      return [v[x], v[y], t >= 0 ? v[t] : 0, 0.5];
    }),
  );
  return validateStrokes(strokes.filter((s) => s.length > 0));
}
