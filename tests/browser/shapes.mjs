// Simple ink drawn for the tests (client coordinates relative to the #ink box).

export function line(box, [x0, y0], [x1, y1], n = 12) {
  return Array.from({ length: n }, (_, i) => {
    const t = i / (n - 1);
    return [box.left + x0 + (x1 - x0) * t + 0.25, box.top + y0 + (y1 - y0) * t + 0.5];
  });
}

// A back-and-forth scribble over the horizontal span [x0, x1] around height y.
export function zigzag(box, x0, x1, y, turns = 6) {
  const points = [];
  for (let i = 0; i <= turns; i++) {
    const from = i % 2 === 0 ? x0 : x1, to = i % 2 === 0 ? x1 : x0;
    for (let k = 0; k < 8; k++) points.push([box.left + from + ((to - from) * k) / 8, box.top + y + (k % 2) * 3 + i]);
  }
  return points;
}

// "1 + 1" as four strokes, left to right, in a 300 × 120 area at (x, y).
export function onePlusOne(box, x = 100, y = 100) {
  return [
    line(box, [x + 20, y + 10], [x + 20, y + 110]),
    line(box, [x + 110, y + 60], [x + 190, y + 60]),
    line(box, [x + 150, y + 20], [x + 150, y + 100]),
    line(box, [x + 280, y + 10], [x + 280, y + 110]),
  ];
}

// Whether any pixel in the client-space rectangle is inked (reads the canvas in the page).
export function inkedIn(session, rect) {
  return session.evaluate(({ x0, y0, x1, y1 }) => {
    const canvas = document.getElementById('ink');
    const r = canvas.getBoundingClientRect();
    const k = canvas.width / r.width;
    const data = canvas.getContext('2d').getImageData(Math.round((x0 - r.left) * k), Math.round((y0 - r.top) * k),
      Math.max(1, Math.round((x1 - x0) * k)), Math.max(1, Math.round((y1 - y0) * k))).data;
    for (let i = 3; i < data.length; i += 4) if (data[i] > 0) return true;
    return false;
  }, rect);
}
