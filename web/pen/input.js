// Pointer input on the drawing surface: pen, touch and mouse through Pointer Events.
// One pointer draws at a time; palm rejection decides which. Points are
// [x, y, t, pressure] in CSS pixels relative to the surface.
import { PalmFilter } from './palm.js';

const ERASER_BUTTONS = 32;  // the eraser end of a pen (Surface, Wacom)

function pressureOf(e) {
  // Mouse and most touch screens report 0.5 while pressed, or 0; only pens measure.
  return e.pointerType === 'pen' && e.pressure > 0 ? e.pressure : 0.5;
}

// Samples the browser merged into this event (up to the display's rate), or the event.
function samplesOf(e) {
  const coalesced = typeof e.getCoalescedEvents === 'function' ? e.getCoalescedEvents() : null;
  return coalesced && coalesced.length > 0 ? coalesced : [e];
}

export class PenInput {
  // handlers: begin(point, { eraser, pointerType }), extend(points), end(), cancel().
  // Points are relative to `frame` (the drawing canvas; by default the surface itself).
  constructor(surface, handlers, frame = surface) {
    this.surface = surface;
    this.frame = frame;
    this.handlers = handlers;
    this.palm = new PalmFilter();
    this.active = null;  // { id, type, origin }
    for (const type of ['pointerdown', 'pointermove', 'pointerup', 'pointercancel'])
      surface.addEventListener(type, (e) => this[type](e));
    // A pointer that loses capture without a pointerup (the window lost focus) ends its stroke.
    surface.addEventListener('lostpointercapture', (e) => this.pointerup(e));
    // Safari: no selection loupe, callout or double-tap zoom while writing.
    for (const type of ['touchstart', 'touchmove', 'selectstart', 'contextmenu', 'dblclick'])
      surface.addEventListener(type, (e) => e.preventDefault(), { passive: false });
  }

  point(e) {
    const { left, top } = this.active.origin;
    return [e.clientX - left, e.clientY - top, e.timeStamp, pressureOf(e)];
  }

  pointerdown(e) {
    this.palm.observe(e);
    if (!this.palm.mayDraw(e)) return;
    if (this.active) {
      // A pen landing while a touch draws: the touch was the palm.
      if (e.pointerType !== 'pen' || this.active.type !== 'touch') return;
      this.active = null;
      this.handlers.cancel();
    }
    e.preventDefault();
    try {
      this.surface.setPointerCapture(e.pointerId);
    } catch {
      // synthetic or already-gone pointers cannot be captured; drawing works without it
    }
    const rect = this.frame.getBoundingClientRect();
    this.active = { id: e.pointerId, type: e.pointerType, origin: { left: rect.left, top: rect.top } };
    this.handlers.begin(this.point(e), { eraser: (e.buttons & ERASER_BUTTONS) !== 0, pointerType: e.pointerType });
  }

  pointermove(e) {
    this.palm.observe(e);
    if (!this.active || e.pointerId !== this.active.id) return;
    e.preventDefault();
    this.handlers.extend(samplesOf(e).map((s) => this.point(s)));
  }

  pointerup(e) {
    this.palm.observe(e);
    if (!this.active || e.pointerId !== this.active.id) return;
    this.active = null;
    this.handlers.end();
  }

  // The stroke being written was not one (a second finger began a scroll): cancel it.
  drop() {
    if (!this.active) return;
    this.active = null;
    this.handlers.cancel();
  }

  pointercancel(e) {
    this.palm.observe(e);
    if (!this.active || e.pointerId !== this.active.id) return;
    this.active = null;
    this.handlers.cancel();
  }
}
