// Two fingers on the paper scroll it; one finger, the pen and the mouse write. The paper
// takes every touch for writing (touch-action: none), so the browser never scrolls it:
// this moves the scroller by the fingers' mean movement. A finger that began a stroke
// before the second landed was the start of a scroll: onStart() drops its stroke. While a
// pen is in use, touches are a resting hand and never scroll.
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
  }

  move(e) {
    this.palm.observe(e);
    if (!this.touches.has(e.pointerId)) return;
    const before = this.touches.get(e.pointerId);
    this.touches.set(e.pointerId, e.clientY);
    // Each finger moves the paper by half its movement: together, by their mean.
    if (this.scrolling) this.scroller.scrollTop -= (e.clientY - before) / this.touches.size;
  }

  up(e) {
    this.palm.observe(e);
    this.touches.delete(e.pointerId);
    if (this.touches.size === 0) this.scrolling = false;
  }
}
