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

// Straight lines through the corners given, written as one stroke.
inline Stroke polyline(const std::vector<Point>& corners, int steps = 10) {
  Stroke s = {corners.front()};
  for (size_t i = 1; i < corners.size(); ++i) {
    const Stroke piece = line(corners[i - 1].x, corners[i - 1].y, corners[i].x, corners[i].y, steps);
    s.insert(s.end(), piece.begin() + 1, piece.end());
  }
  return s;
}

}  // namespace inkmath::testing
