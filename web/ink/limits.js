// The same hard limits as the recognizer (src/ink/ink.h), applied before ink is accepted
// from storage or a file, so that hostile input is refused with a message, not a hang.
export const limits = {
  maxStrokes: 1000,
  maxPointsPerStroke: 4000,
  maxAbsCoordinate: 1e7,
};
