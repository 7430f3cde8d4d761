#include "ink/ink.h"

#include <algorithm>
#include <cmath>
#include <limits>

#include "base/median.h"

namespace inkmath {

namespace {

Stroke downsample(const Stroke& s, int max_points) {
  Stroke out;
  out.reserve(max_points);
  const double step = double(s.size() - 1) / (max_points - 1);
  for (int i = 0; i < max_points; ++i) out.push_back(s[std::min(s.size() - 1, size_t(std::lround(i * step)))]);
  return out;
}

void check(const Limits& limits) {
  if (limits.max_strokes < 0 || limits.max_points_per_stroke < 2 || limits.max_total_points < 0 ||
      !(limits.max_abs_coordinate > 0))
    throw Error("limits: stroke and point counts must be positive (at least 2 points per stroke)");
}

void check_point(const Point& p, size_t stroke, size_t point, const Limits& limits) {
  const auto where = [&] { return "stroke " + std::to_string(stroke) + ", point " + std::to_string(point); };
  if (!std::isfinite(p.x) || !std::isfinite(p.y) || !std::isfinite(p.t) || !std::isfinite(p.pressure))
    throw Error(where() + ": x, y, time or pressure is not a finite number");
  if (std::abs(p.x) > limits.max_abs_coordinate || std::abs(p.y) > limits.max_abs_coordinate)
    throw Error(where() + ": coordinate out of range");
}

}  // namespace

void sanitize(Ink& ink, const Limits& limits) {
  check(limits);
  if (ink.strokes.size() > size_t(limits.max_strokes))
    throw Error("too many strokes: " + std::to_string(ink.strokes.size()) + " (at most " + std::to_string(limits.max_strokes) + ")");
  size_t total = 0;
  for (size_t i = 0; i < ink.strokes.size(); ++i) {
    Stroke& s = ink.strokes[i];
    for (size_t j = 0; j < s.size(); ++j) check_point(s[j], i, j, limits);
    if (s.size() > size_t(limits.max_points_per_stroke)) s = downsample(s, limits.max_points_per_stroke);
    total += s.size();
  }
  if (total > size_t(limits.max_total_points))
    throw Error("too much ink: " + std::to_string(total) + " points after downsampling long strokes (at most " +
                std::to_string(limits.max_total_points) + ")");
}

Box bounding_box(const Stroke& s) {
  Box b{std::numeric_limits<double>::max(), std::numeric_limits<double>::max(),
        std::numeric_limits<double>::lowest(), std::numeric_limits<double>::lowest()};
  for (const Point& p : s) {
    b.x0 = std::min(b.x0, p.x);
    b.y0 = std::min(b.y0, p.y);
    b.x1 = std::max(b.x1, p.x);
    b.y1 = std::max(b.y1, p.y);
  }
  return b;
}

double stroke_size(const Stroke& s) {
  const Box b = bounding_box(s);
  return std::max(b.width(), b.height());
}

double typical_stroke_size(const Ink& ink, const std::vector<int>& strokes) {
  std::vector<double> sizes;
  for (int i : strokes) sizes.push_back(stroke_size(ink.strokes[i]));
  if (sizes.empty()) return 1;
  return std::max(median(std::move(sizes)), 1e-6);
}

double typical_stroke_size(const Ink& ink) {
  std::vector<int> strokes;
  for (int i = 0; i < int(ink.strokes.size()); ++i)
    if (!ink.strokes[i].empty()) strokes.push_back(i);
  return typical_stroke_size(ink, strokes);
}

Box bounding_box(const Ink& ink, const std::vector<int>& strokes) {
  Box b = bounding_box(ink.strokes.at(strokes.at(0)));
  for (int i : strokes) b = merge(b, bounding_box(ink.strokes.at(i)));
  return b;
}

std::vector<Box> stroke_boxes(const Ink& ink) {
  std::vector<Box> boxes;
  for (const Stroke& s : ink.strokes) boxes.push_back(bounding_box(s));
  return boxes;
}

Box bounding_box(const std::vector<Stroke>& strokes) {
  const auto first = std::find_if(strokes.begin(), strokes.end(), [](const Stroke& s) { return !s.empty(); });
  if (first == strokes.end()) throw Error("bounding box of no points");
  Box b = bounding_box(*first);
  for (auto s = first; s != strokes.end(); ++s)
    if (!s->empty()) b = merge(b, bounding_box(*s));
  return b;
}

}  // namespace inkmath
