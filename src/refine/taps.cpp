#include "refine/taps.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace inkmath {

namespace {

double segment_distance(const Point& p, const Point& a, const Point& b) {
  const double dx = b.x - a.x, dy = b.y - a.y, length2 = dx * dx + dy * dy;
  const double t = length2 > 0 ? std::clamp(((p.x - a.x) * dx + (p.y - a.y) * dy) / length2, 0.0, 1.0) : 0.0;
  return std::hypot(p.x - (a.x + t * dx), p.y - (a.y + t * dy));
}

// The least distance between a point of `tap` and the polyline of `stroke`.
double ink_distance(const Stroke& tap, const Stroke& stroke) {
  double best = std::numeric_limits<double>::infinity();
  for (const Point& p : tap) {
    if (stroke.size() == 1) best = std::min(best, std::hypot(p.x - stroke[0].x, p.y - stroke[0].y));
    for (size_t k = 1; k < stroke.size(); ++k) best = std::min(best, segment_distance(p, stroke[k - 1], stroke[k]));
  }
  return best;
}

}  // namespace

int merge_taps(std::vector<RecognizedSymbol>& symbols, const Ink& ink, double size, double reach) {
  if (!(reach > 0)) return 0;
  std::vector<bool> gone(symbols.size(), false);
  int merged = 0;
  for (size_t t = 0; t < symbols.size(); ++t) {
    const RecognizedSymbol& tap = symbols[t];
    if (tap.label != "." || tap.fixed || tap.strokes.size() != 1) continue;
    const Stroke& dot = ink.strokes.at(size_t(tap.strokes[0]));
    size_t host = symbols.size();
    double nearest = reach * size;
    for (size_t s = 0; s < symbols.size(); ++s) {
      if (s == t || gone[s] || symbols[s].fixed || symbols[s].label == ".") continue;
      const std::vector<int>& strokes = symbols[s].strokes;
      if (std::find(strokes.begin(), strokes.end(), tap.strokes[0]) != strokes.end()) continue;  // not its own tap
      for (int i : strokes) {
        const double d = ink_distance(dot, ink.strokes.at(size_t(i)));
        if (d <= nearest) nearest = d, host = s;
      }
    }
    if (host == symbols.size()) continue;
    take_strokes(symbols[host], tap);
    gone[t] = true;
    ++merged;
  }
  if (merged > 0) drop_gone(symbols, gone);
  return merged;
}

}  // namespace inkmath
