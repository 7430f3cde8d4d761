// Strokes drawn for tests: a straight line of evenly spaced points (y grows downwards, as on a
// page).
#pragma once
#include "ink/ink.h"

namespace inkmath::testing {

inline Stroke line(double x0, double y0, double x1, double y1, int steps = 10) {
  Stroke s;
  for (int i = 0; i <= steps; ++i) s.push_back({x0 + (x1 - x0) * i / steps, y0 + (y1 - y0) * i / steps});
  return s;
}

}  // namespace inkmath::testing
