#include "features/features.h"

#include <algorithm>
#include <cmath>
#include <optional>

#include "base/median.h"
#include "preprocess/preprocess.h"

namespace inkmath {

namespace {

constexpr int kOnline = 7;
constexpr int kGrid = 24;         // side of the rendered symbol image, pixels
constexpr int kPatchStep = 3;     // pixels between the 3x3 samples around a point

struct Flat {
  float x, y;
  bool stroke_start;
};

std::vector<Flat> flatten(const std::vector<Stroke>& strokes) {
  std::vector<Flat> out;
  for (const Stroke& s : strokes)
    for (size_t i = 0; i < s.size(); ++i) out.push_back({float(s[i].x), float(s[i].y), i == 0});
  return out;
}

// Unit direction from a to b, or (0, 0) when they coincide.
void direction(const Flat& a, const Flat& b, float& c, float& s) {
  const float dx = b.x - a.x, dy = b.y - a.y, n = std::hypot(dx, dy);
  c = n > 1e-6f ? dx / n : 0;
  s = n > 1e-6f ? dy / n : 0;
}

void online_features(const std::vector<Flat>& pts, Eigen::MatrixXf& f) {
  const int n = int(pts.size());
  for (int i = 0; i < n; ++i) {
    // Direction of the pen within the stroke: forward difference, backward at the stroke end.
    const bool last_of_stroke = i + 1 == n || pts[i + 1].stroke_start;
    float c = 0, s = 0;
    if (!last_of_stroke) direction(pts[i], pts[i + 1], c, s);
    else if (!pts[i].stroke_start) direction(pts[i - 1], pts[i], c, s);
    f(i, 0) = pts[i].x;
    f(i, 1) = pts[i].y;
    f(i, 2) = c;
    f(i, 3) = s;
    f(i, 6) = (pts[i].stroke_start && i > 0) ? 1.f : 0.f;
  }
  for (int i = 0; i < n; ++i) {
    // Curvature: turn between the previous and the current direction, within a stroke.
    const bool inside = !pts[i].stroke_start && i + 1 < n && !pts[i + 1].stroke_start;
    f(i, 4) = inside ? f(i - 1, 2) * f(i, 2) + f(i - 1, 3) * f(i, 3) : 1.f;
    f(i, 5) = inside ? f(i - 1, 2) * f(i, 3) - f(i - 1, 3) * f(i, 2) : 0.f;
  }
}

int to_pixel(float v) { return int(std::lround((v + 1.1f) / 2.2f * (kGrid - 1))); }

// Renders the normalized strokes (in [-1, 1]) into a small image and blurs it, so that each
// point can see the ink around it, including other strokes (offline context).
Eigen::MatrixXf render(const std::vector<Stroke>& strokes) {
  Eigen::MatrixXf img = Eigen::MatrixXf::Zero(kGrid, kGrid);
  auto plot = [&](float x, float y) {
    const int px = std::clamp(to_pixel(x), 0, kGrid - 1), py = std::clamp(to_pixel(y), 0, kGrid - 1);
    img(py, px) = 1;
  };
  for (const Stroke& s : strokes) {
    plot(float(s[0].x), float(s[0].y));
    for (size_t i = 1; i < s.size(); ++i) {
      const int steps = 1 + int(std::hypot(s[i].x - s[i - 1].x, s[i].y - s[i - 1].y) * kGrid);
      for (int k = 1; k <= steps; ++k) {
        const double f = double(k) / steps;
        plot(float(s[i - 1].x + f * (s[i].x - s[i - 1].x)), float(s[i - 1].y + f * (s[i].y - s[i - 1].y)));
      }
    }
  }
  const float kernel[5] = {0.06f, 0.24f, 0.40f, 0.24f, 0.06f};  // Gaussian, sigma ~1 pixel
  Eigen::MatrixXf tmp = Eigen::MatrixXf::Zero(kGrid, kGrid), out = Eigen::MatrixXf::Zero(kGrid, kGrid);
  for (int y = 0; y < kGrid; ++y)
    for (int x = 0; x < kGrid; ++x)
      for (int k = -2; k <= 2; ++k)
        if (x + k >= 0 && x + k < kGrid) tmp(y, x) += kernel[k + 2] * img(y, x + k);
  for (int y = 0; y < kGrid; ++y)
    for (int x = 0; x < kGrid; ++x)
      for (int k = -2; k <= 2; ++k)
        if (y + k >= 0 && y + k < kGrid) out(y, x) += kernel[k + 2] * tmp(y + k, x);
  return out;
}

void context_features(const Eigen::MatrixXf& img, const std::vector<Flat>& pts, Eigen::MatrixXf& f) {
  for (int i = 0; i < int(pts.size()); ++i) {
    const int px = to_pixel(pts[i].x), py = to_pixel(pts[i].y);
    int col = kOnline;
    for (int dy = -1; dy <= 1; ++dy)
      for (int dx = -1; dx <= 1; ++dx, ++col) {
        const int x = px + dx * kPatchStep, y = py + dy * kPatchStep;
        f(i, col) = (x >= 0 && y >= 0 && x < kGrid && y < kGrid) ? img(y, x) : 0.f;
      }
  }
}

float squeeze(double v) { return float(std::clamp(v, -3.0, 3.0) / 3); }  // into [-1, 1]

const char* const kNames[] = {"online", "online+context", "online+context+size", "online+context+size+place"};
constexpr int kSets = 4;

}  // namespace

Eigen::VectorXf group_features(const std::vector<Stroke>& strokes, FeatureSet set, const Surroundings& around) {
  // log(side / writer scale) for height and width; with place, the offsets of the symbol's
  // centre and bottom from its neighbours', in writer scales.
  Eigen::VectorXf f = Eigen::VectorXf::Zero(group_feature_count(set));
  if (f.size() == 0 || std::all_of(strokes.begin(), strokes.end(), [](const Stroke& s) { return s.empty(); })) return f;
  const Box box = bounding_box(strokes);
  const double scale = around.writer_scale > 0 ? around.writer_scale : typical_stroke_size(Ink{strokes});
  auto relative = [&](double side) { return squeeze(std::log(std::max(side, 1e-9) / scale)); };
  f(0) = relative(box.height());
  f(1) = relative(box.width());
  if (set == FeatureSet::online_context_size_place && around.has_neighbours) {
    f(2) = squeeze((box.cy() - around.neighbour_center) / scale);
    f(3) = squeeze((box.y1 - around.neighbour_bottom) / scale);
  }
  return f;
}

int feature_count(FeatureSet set) {
  switch (set) {
    case FeatureSet::online: return kOnline;
    case FeatureSet::online_context: return kOnline + 9;
    case FeatureSet::online_context_size: return kOnline + 11;
    case FeatureSet::online_context_size_place: return kOnline + 13;
  }
  return 0;
}

int group_feature_count(FeatureSet set) {
  // The size and place features come last, after the per-point ones of online+context.
  return std::max(0, feature_count(set) - feature_count(FeatureSet::online_context));
}

FeatureSet feature_set_from_name(const std::string& name) {
  for (int i = 0; i < kSets; ++i)
    if (name == kNames[i]) return FeatureSet(i);
  throw Error("unknown feature set '" + name +
              "' (expected online, online+context, online+context+size or online+context+size+place)");
}

std::string feature_set_name(FeatureSet set) { return kNames[int(set)]; }

namespace {

double scale_of_step(double step) { return std::exp2(step / kWriterScaleSteps); }

// The step of the scale of n strokes whose typical size is `size`, with the earlier ink.
double blended_step(double size, size_t n, const EarlierInk& earlier) {
  const double own = std::log2(std::max(size, 1e-6));
  if (!(earlier.stroke_size > 0) || !(earlier.strokes > 0)) return std::round(own * kWriterScaleSteps);
  const double before = std::log2(earlier.stroke_size);
  return std::round((double(n) * own + earlier.strokes * before) / (double(n) + earlier.strokes) * kWriterScaleSteps);
}

}  // namespace

double writer_scale(const Ink& ink, const EarlierInk& earlier) {
  size_t n = 0;
  for (const Stroke& s : ink.strokes) n += !s.empty();
  return scale_of_step(blended_step(typical_stroke_size(ink), n, earlier));
}

std::vector<double> writer_scales_one_stroke_away(const Ink& ink, const EarlierInk& earlier) {
  std::vector<double> sizes;
  for (const Stroke& s : ink.strokes)
    if (!s.empty()) sizes.push_back(stroke_size(s));
  if (sizes.empty()) return {};
  std::sort(sizes.begin(), sizes.end());
  // The typical size is the median: of an even count the upper middle value (base/median.h),
  // never below 1e-6 (ink/ink.h). With one stroke more, it is any value from the one just
  // below the middle to the one just above it, whatever the stroke (any value up from the
  // only one, when there is one); with one fewer, one of those two. The scale of n + 1 or
  // n - 1 strokes grows with it.
  const size_t n = sizes.size(), below = (n - 1) / 2;
  const double now = blended_step(sizes[n / 2], n, earlier);
  const double more_lowest = blended_step(sizes[below], n + 1, earlier);
  const double more_highest = n > 1 ? blended_step(sizes[below + 1], n + 1, earlier) : now + 2 * kMaxScalesAway;
  std::vector<double> fewer;
  if (n > 1) fewer = {blended_step(sizes[below], n - 1, earlier), blended_step(sizes[below + 1], n - 1, earlier)};
  const auto reached = [&](double step) {
    return (step >= more_lowest && step <= more_highest) || std::count(fewer.begin(), fewer.end(), step) > 0;
  };
  std::vector<double> out;
  for (int away = 1; away <= kMaxScalesAway; ++away) {
    if (reached(now - away)) out.push_back(scale_of_step(now - away));
    if (reached(now + away)) out.push_back(scale_of_step(now + away));
  }
  return out;
}

Surroundings surroundings(const Ink& ink, const std::vector<Box>& boxes, const std::vector<int>& group,
                          double writer_scale) {
  Surroundings out;
  out.writer_scale = writer_scale;
  std::vector<bool> in_group(ink.strokes.size(), false);
  for (int i : group) in_group.at(i) = true;
  std::optional<Box> own;
  for (int i : group)
    if (!ink.strokes[i].empty()) own = own ? merge(*own, boxes[i]) : boxes[i];
  if (!own) return out;
  const double cx = own->cx();
  // The nearest strokes across, leaving out flat marks (-, fraction bars) and dots, which sit
  // off the line's middle.
  std::vector<std::pair<double, int>> near;
  for (int i = 0; i < int(ink.strokes.size()); ++i) {
    if (in_group[i] || ink.strokes[i].empty()) continue;
    const Box& b = boxes[i];
    if (b.height() < 0.4 * b.width() || std::max(b.width(), b.height()) < 0.3 * writer_scale) continue;
    near.emplace_back(std::abs(b.cx() - cx), i);
  }
  if (near.empty()) return out;
  const size_t k = std::min<size_t>(4, near.size());
  std::partial_sort(near.begin(), near.begin() + long(k), near.end());
  std::vector<double> centers, bottoms;
  for (size_t j = 0; j < k; ++j) {
    const Box& b = boxes[near[j].second];
    centers.push_back(b.cy());
    bottoms.push_back(b.y1);
  }
  out.has_neighbours = true;
  out.neighbour_center = median(centers);
  out.neighbour_bottom = median(bottoms);
  return out;
}

int glyph_side() { return kGrid; }

Eigen::MatrixXf symbol_features(const std::vector<Stroke>& strokes, FeatureSet set, int points, const Surroundings& around,
                                Eigen::VectorXf* glyph) {
  const std::vector<Stroke> norm = preprocess(strokes, points);
  const std::vector<Flat> pts = flatten(norm);
  Eigen::MatrixXf f = Eigen::MatrixXf::Zero(int(pts.size()), feature_count(set));
  online_features(pts, f);
  Eigen::MatrixXf img;
  if (set != FeatureSet::online || glyph) img = norm.empty() ? Eigen::MatrixXf::Zero(kGrid, kGrid) : render(norm);
  if (set != FeatureSet::online) context_features(img, pts, f);
  if (glyph) {
    glyph->resize(kGrid * kGrid);
    for (int y = 0; y < kGrid; ++y)
      for (int x = 0; x < kGrid; ++x) (*glyph)(y * kGrid + x) = img(y, x);
  }
  const Eigen::VectorXf group = group_features(strokes, set, around);
  f.rightCols(group.size()).rowwise() = group.transpose();
  return f;
}

}  // namespace inkmath
