// Two fingers on the paper scroll it; one finger, the pen and the mouse write. The paper
// takes every touch for writing (touch-action: none), so the browser never scrolls it:
// this moves the scroller by the fingers' mean movement. A finger that began a stroke
// before the second landed was the start of a scroll: onStart() drops its stroke, and the
// fingers' events go no further while they scroll (listening in the capture phase, this
// comes before the pen input). While a pen is in use, touches are a resting hand and never
// scroll.
import { PalmFilter } from './palm.js';

export class TwoFingerScroll {
  constructor(input, scroller, { onStart = () => {} } = {}) {
    this.scroller = scroller;
    this.onStart = onStart;
    this.palm = new PalmFilter();
    this.touches = new Map();  // pointerId -> clientY
    this.scrolling = false;
    input.addEventListener('pointerdown', (e) => this.down(e), true);
    input.addEventListener('pointermove', (e) => this.move(e), true);
    for (const type of ['pointerup', 'pointercancel', 'lostpointercapture'])
      input.addEventListener(type, (e) => this.up(e), true);
  }

  down(e) {
    this.palm.observe(e);
    if (e.pointerType !== 'touch') return;
    this.touches.set(e.pointerId, e.clientY);
    if (this.touches.size === 2 && !this.palm.penInUse(e.timeStamp)) {
      this.scrolling = true;
      this.onStart();
    }
    if (this.scrolling) e.stopImmediatePropagation();
  }

  move(e) {
    this.palm.observe(e);
    if (!this.touches.has(e.pointerId)) return;
    const before = this.touches.get(e.pointerId);
    this.touches.set(e.pointerId, e.clientY);
    // Each finger moves the paper by half its movement: together, by their mean.
    if (!this.scrolling) return;
    this.scroller.scrollTop -= (e.clientY - before) / this.touches.size;
    e.stopImmediatePropagation();
  }

  up(e) {
    this.palm.observe(e);
    if (this.touches.delete(e.pointerId) && this.scrolling) e.stopImmediatePropagation();
    if (this.touches.size === 0) this.scrolling = false;
  }
}
