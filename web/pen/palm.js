// Palm rejection: while a pen is in use, touches are a resting hand, not writing.
// A pen counts as in use while it touches the screen and for a moment after it was last
// seen (lifted or hovering), since the palm often lands before and stays after the tip.

const PEN_GRACE_MS = 1500;

export class PalmFilter {
  constructor(graceMs = PEN_GRACE_MS) {
    this.graceMs = graceMs;
    this.pensDown = new Set();
    this.penSeenAt = -Infinity;
  }

  // Call for every pointer event, drawing or not.
  observe(event) {
    if (event.pointerType !== 'pen') return;
    this.penSeenAt = event.timeStamp;
    if (event.type === 'pointerdown') this.pensDown.add(event.pointerId);
    if (event.type !== 'pointerdown' && event.type !== 'pointermove') this.pensDown.delete(event.pointerId);
  }

  penInUse(now) {
    return this.pensDown.size > 0 || now - this.penSeenAt < this.graceMs;
  }

  // Whether a pointer that just went down may draw.
  mayDraw(event) {
    if (event.pointerType === 'touch') return !this.penInUse(event.timeStamp);
    if (event.pointerType === 'mouse') return event.button === 0;
    return true;
  }
}
