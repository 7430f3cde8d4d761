// Synthetic pen input: ink is turned into PointerEvents dispatched on #ink inside the page,
// at fractional client coordinates, as a pen, finger or mouse would produce them.

// Scale and translate `strokes` ([[x, y], ...] in any units) to fit the #ink box with a
// margin, keeping the aspect ratio. Returns strokes in client (CSS pixel) coordinates.
export function fitToBox(strokes, box, margin = 0.12) {
  const xs = strokes.flat().map((p) => p[0]), ys = strokes.flat().map((p) => p[1]);
  const x0 = Math.min(...xs), x1 = Math.max(...xs), y0 = Math.min(...ys), y1 = Math.max(...ys);
  const w = Math.max(x1 - x0, 1e-6), h = Math.max(y1 - y0, 1e-6);
  const scale = Math.min((box.width * (1 - 2 * margin)) / w, (box.height * (1 - 2 * margin)) / h);
  const dx = box.left + (box.width - w * scale) / 2, dy = box.top + (box.height - h * scale) / 2;
  return strokes.map((s) => s.map(([x, y]) => [dx + (x - x0) * scale, dy + (y - y0) * scale]));
}

export function inkBox(session, selector = '#ink') {
  return session.evaluate((selector) => {
    const r = document.querySelector(selector).getBoundingClientRect();
    return { left: r.left, top: r.top, width: r.width, height: r.height };
  }, selector);
}

// Pointer events for strokes drawn one after another by one pointer.
export function strokeEvents(strokes, { pointerType = 'pen', pointerId = 2, pressure = 0.6 } = {}) {
  const events = [];
  for (const stroke of strokes) {
    stroke.forEach(([x, y], i) => {
      const type = i === 0 ? 'pointerdown' : 'pointermove';
      events.push({ type, pointerId, pointerType, x, y, pressure });
    });
    const [x, y] = stroke[stroke.length - 1];
    events.push({ type: 'pointerup', pointerId, pointerType, x, y, pressure: 0, frame: true });
  }
  return events;
}

// Runs in the page: dispatches the events on the surface (#ink unless given); waits a frame
// where an event asks for it.
async function dispatchInPage([events, selector]) {
  const surface = document.querySelector(selector);
  for (const e of events) {
    const down = e.type !== 'pointerup' && e.type !== 'pointercancel';
    surface.dispatchEvent(new PointerEvent(e.type, {
      bubbles: true, cancelable: true, composed: true,
      pointerId: e.pointerId, pointerType: e.pointerType, isPrimary: e.pointerType !== 'touch' || e.primary !== false,
      clientX: e.x, clientY: e.y, pressure: down ? e.pressure : 0,
      button: e.type === 'pointermove' ? -1 : 0, buttons: down ? (e.buttons ?? 1) : 0,
      width: e.pointerType === 'touch' ? 20 : 1, height: e.pointerType === 'touch' ? 20 : 1,
    }));
    if (e.frame) await new Promise((r) => requestAnimationFrame(r));
  }
}

export function dispatch(session, events, selector = '#ink') {
  return session.evaluate(dispatchInPage, [events, selector]);
}

export async function drawStrokes(session, strokes, options = {}) {
  await dispatch(session, strokeEvents(strokes, options), options.selector);
}
