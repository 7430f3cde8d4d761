// The ink model: what the pen wrote, before any interpretation.
#pragma once
#include <string>
#include <vector>

#include "base/box.h"
#include "base/error.h"

namespace inkmath {

struct Point {
  double x = 0, y = 0;
  double t = 0;         // milliseconds; 0 when the source has no time channel
  double pressure = 0;  // 0..1; 0 when unknown
};

using Stroke = std::vector<Point>;

struct Ink {
  std::vector<Stroke> strokes;
};

// A symbol as written: the indices of its strokes in the ink, and its label when known.
struct SymbolTruth {
  std::vector<int> strokes;
  std::string label;
};

// Hard limits applied before any recognition, so that hostile or accidental input
// (a stuck pen, a script) costs bounded time and memory on every platform.
struct Limits {
  int max_strokes = 1000;
  int max_points_per_stroke = 4000;  // longer strokes are downsampled, not refused
  int max_total_points = 200000;     // after downsampling; more is refused
  double max_abs_coordinate = 1e7;
};

// Checks and bounds the ink in place: throws Error on non-finite values (position, time
// or pressure), out-of-range coordinates, too many strokes or too many points in all;
// downsamples over-long strokes. Empty strokes stay in place (recognition skips them) so
// that stroke indices keep meaning the same strokes. Throws Error on nonsensical limits.
void sanitize(Ink& ink, const Limits& limits = {});

Box bounding_box(const Stroke& s);
Box bounding_box(const Ink& ink, const std::vector<int>& strokes);
Box bounding_box(const std::vector<Stroke>& strokes);  // of the non-empty ones; at least one
std::vector<Box> stroke_boxes(const Ink& ink);         // one per stroke; an empty stroke's is inverted
// A stroke's size: its box's larger side.
double stroke_size(const Stroke& s);
// Typical stroke size: the median of the strokes' sizes (at least 1e-6), the writer's scale.
// Of the given (non-empty) strokes, or of all non-empty strokes.
double typical_stroke_size(const Ink& ink, const std::vector<int>& strokes);
double typical_stroke_size(const Ink& ink);

}  // namespace inkmath
