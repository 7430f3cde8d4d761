#include "segment/grouping.h"

#include <algorithm>
#include <cmath>
#include <limits>

#include <nlohmann/json.hpp>

#include "base/error.h"
#include "base/json_floats.h"

namespace inkmath {

namespace {

// How much of the smaller extent the two spans share, 0..1.
double span_overlap(double a0, double a1, double b0, double b1) {
  const double shared = std::min(a1, b1) - std::max(a0, b0);
  const double smaller = std::max(std::min(a1 - a0, b1 - b0), 1e-9);
  return std::clamp(shared / smaller, 0.0, 1.0);
}

// The closest two points of the strokes, at most 32 points of each (the ends always).
double nearest_points(const Stroke& a, const Stroke& b) {
  const size_t sa = std::max<size_t>(1, a.size() / 32), sb = std::max<size_t>(1, b.size() / 32);
  double best = std::numeric_limits<double>::max();  // squared
  auto visit = [&](const Point& p) {
    auto near = [&](const Point& q) { best = std::min(best, (p.x - q.x) * (p.x - q.x) + (p.y - q.y) * (p.y - q.y)); };
    for (size_t j = 0; j < b.size(); j += sb) near(b[j]);
    near(b.back());
  };
  for (size_t i = 0; i < a.size(); i += sa) visit(a[i]);
  visit(a.back());
  return std::sqrt(best);
}

// How many times the strokes' lines cross, at most `most`: strokes that cross are most often
// one symbol's (x + t f), a mark beside a symbol never crosses it. At most 32 segments of each.
int crossings(const Stroke& a, const Stroke& b, int most) {
  const size_t sa = std::max<size_t>(1, a.size() / 32), sb = std::max<size_t>(1, b.size() / 32);
  const auto side = [](const Point& p, const Point& q, const Point& r) {
    return (q.x - p.x) * (r.y - p.y) - (q.y - p.y) * (r.x - p.x);
  };
  int found = 0;
  for (size_t i = sa; i < a.size() + sa - 1 && found < most; i += sa) {
    const Point &p = a[i - sa], &q = a[std::min(i, a.size() - 1)];
    for (size_t j = sb; j < b.size() + sb - 1 && found < most; j += sb) {
      const Point &r = b[j - sb], &t = b[std::min(j, b.size() - 1)];
      const double d1 = side(p, q, r), d2 = side(p, q, t), d3 = side(r, t, p), d4 = side(r, t, q);
      // Ends on the other line count on one side only, so that a crossing at a point both
      // strokes pass through counts once.
      found += ((d1 > 0) != (d2 > 0)) && ((d3 > 0) != (d4 > 0));
    }
  }
  return found;
}

// The distance between a stroke's ends over its length: 1 for a straight line, near 0 for a
// closed loop; a dot counts as straight.
double straightness(const Stroke& s, double size) {
  double length = 0;
  for (size_t i = 1; i < s.size(); ++i) length += std::hypot(s[i].x - s[i - 1].x, s[i].y - s[i - 1].y);
  if (s.empty() || length < 0.05 * size) return 1;
  return std::hypot(s.back().x - s.front().x, s.back().y - s.front().y) / length;
}

// log of width over height, both padded so that a dot or a straight bar stays finite.
double aspect(const Box& b, double size) { return std::log((b.width() + 0.05 * size) / (b.height() + 0.05 * size)); }

bool flat_bar(const Box& b, double size) { return b.height() < 0.25 * b.width() && b.width() > 0.2 * size; }

std::vector<float> floats(const nlohmann::json& j, const char* name, size_t rows, size_t cols) {
  return json_floats(j, name, rows, cols, "grouping");
}

}  // namespace

GroupingFeatures grouping_features(const Ink& ink, const std::vector<int>& order, int begin, int count, double size) {
  const Stroke& next = ink.strokes[order[begin + count]];
  const Box s = bounding_box(next);
  const Stroke& last_stroke = ink.strokes[order[begin + count - 1]];
  const Box last = bounding_box(last_stroke);
  Box g = last;
  double nearest = std::numeric_limits<double>::max();
  int latest = 0, crossed = 0;
  for (int k = begin; k < begin + count; ++k) {
    g = merge(g, bounding_box(ink.strokes[order[k]]));
    nearest = std::min(nearest, nearest_points(ink.strokes[order[k]], next));
    latest = std::max(latest, order[k]);
    crossed += crossings(ink.strokes[order[k]], next, 3 - crossed);
  }
  const double extent_s = std::max(s.width(), s.height()), extent_g = std::max(g.width(), g.height());
  const double inside_w = std::max(0.0, std::min(s.x1, g.x1) - std::max(s.x0, g.x0));
  const double inside_h = std::max(0.0, std::min(s.y1, g.y1) - std::max(s.y0, g.y0));
  const double area_s = std::max((s.width() + 0.05 * size) * (s.height() + 0.05 * size), 1e-12);
  GroupingFeatures f = {
      float(box_gap(g, s) / size),
      float(box_gap(last, s) / size),
      float(nearest / size),
      float(std::max(s.x0 - g.x1, g.x0 - s.x1) / size),  // horizontal gap, < 0 when they overlap
      float(std::max(s.y0 - g.y1, g.y0 - s.y1) / size),  // vertical gap
      float(span_overlap(g.x0, g.x1, s.x0, s.x1)),
      float(span_overlap(g.y0, g.y1, s.y0, s.y1)),
      float((s.cx() - g.cx()) / size),
      float((s.cy() - g.cy()) / size),
      float(std::log((extent_s + 0.01 * size) / size)),
      float(std::log((extent_g + 0.01 * size) / size)),
      float(aspect(s, size)),
      float(aspect(g, size)),
      float(aspect(last, size)),
      float(flat_bar(s, size) && flat_bar(last, size)),  // the bars of = \leq \pm
      float(std::log((s.width() + 0.05 * size) / (g.width() + 0.05 * size))),
      float(count),
      float(std::min(std::abs(order[begin + count] - latest), 5)),  // strokes between them in writing order
      float(small_mark(s, size)),                                     // a dot
      float(inside_w * inside_h / area_s),
      float(crossed),
      float(straightness(next, size)),
      float(straightness(last_stroke, size)),
  };
  for (float& x : f) x = std::isfinite(x) ? std::clamp(x, -20.0f, 20.0f) : 0.0f;
  return f;
}

GroupingModel grouping_model_from_json(const std::string& text) {
  const auto j = nlohmann::json::parse(text, nullptr, false);
  if (j.is_discarded() || !j.is_object()) throw Error("model: grouping part: not a JSON object");
  GroupingModel m;
  try {
    m.version = j.at("version").get<int>();
    if (m.version != kGroupingFeaturesVersion) return m;
    const nlohmann::json& hidden = j.at("hidden");
    if (!hidden.is_number_integer() || hidden.get<long long>() < 1 || hidden.get<long long>() > 4096)
      throw Error("model: grouping part: bad hidden size");
    m.hidden = hidden.get<int>();
    const size_t h = size_t(m.hidden), n = kGroupingFeatures;
    m.mean = floats(j, "mean", n, 0);
    m.scale = floats(j, "scale", n, 0);
    m.w1 = floats(j, "w1", h, n);
    m.b1 = floats(j, "b1", h, 0);
    m.w2 = floats(j, "w2", h, 0);
    m.b2 = j.at("b2").get<float>();
    m.threshold = j.at("threshold").get<double>();
  } catch (const nlohmann::json::exception&) {
    throw Error("model: grouping part: needs version, hidden, mean, scale, w1, b1, w2, b2, threshold as numbers");
  }
  if (!std::isfinite(m.b2) || !(m.threshold >= 0 && m.threshold < 1))
    throw Error("model: grouping part: b2 must be finite and threshold in [0, 1)");
  return m;
}

double join_probability(const GroupingModel& m, const GroupingFeatures& f) {
  std::array<float, kGroupingFeatures> x{};
  for (int i = 0; i < kGroupingFeatures; ++i) x[i] = (f[i] - m.mean[i]) / m.scale[i];
  float logit = m.b2;
  for (int h = 0; h < m.hidden; ++h) {
    float a = m.b1[h];
    for (int i = 0; i < kGroupingFeatures; ++i) a += m.w1[size_t(h) * kGroupingFeatures + i] * x[i];
    logit += m.w2[h] * std::tanh(a);
  }
  return 1.0 / (1.0 + std::exp(-double(logit)));
}

}  // namespace inkmath
