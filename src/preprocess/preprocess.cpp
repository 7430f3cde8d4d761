#include "preprocess/preprocess.h"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace inkmath {

namespace {

double length(const Stroke& s) {
  double len = 0;
  for (size_t i = 1; i < s.size(); ++i) len += std::hypot(s[i].x - s[i - 1].x, s[i].y - s[i - 1].y);
  return len;
}

Stroke resample_stroke(const Stroke& s, int n) {
  if (n == 1 || s.size() == 1) {
    // A dot, or a stroke given a single point: its centroid represents it.
    Point c = s[0];
    c.x = c.y = 0;
    for (const Point& p : s) c.x += p.x / s.size(), c.y += p.y / s.size();
    return Stroke(n, c);
  }
  const double step = length(s) / (n - 1);
  Stroke out{s[0]};
  double carried = 0;  // distance already walked along the current segment
  for (size_t i = 1; i < s.size() && int(out.size()) < n; ++i) {
    const double seg = std::hypot(s[i].x - s[i - 1].x, s[i].y - s[i - 1].y);
    if (seg <= 0) continue;  // smoothing can bring neighbours together again
    double along = step - carried;
    while (along <= seg && int(out.size()) < n && step > 0) {
      const double f = along / seg;
      Point p = s[i - 1];
      p.x += f * (s[i].x - s[i - 1].x);
      p.y += f * (s[i].y - s[i - 1].y);
      p.t += f * (s[i].t - s[i - 1].t);
      out.push_back(p);
      along += step;
    }
    carried = seg - (along - step);
  }
  while (int(out.size()) < n) out.push_back(s.back());
  return out;
}

}  // namespace

Stroke remove_duplicates(const Stroke& s) {
  Stroke out;
  for (const Point& p : s)
    if (out.empty() || p.x != out.back().x || p.y != out.back().y) out.push_back(p);
  return out;
}

Stroke smooth(const Stroke& s) {
  if (s.size() < 3) return s;
  Stroke out = s;
  for (size_t i = 1; i + 1 < s.size(); ++i) {
    out[i].x = (s[i - 1].x + s[i].x + s[i + 1].x) / 3;
    out[i].y = (s[i - 1].y + s[i].y + s[i + 1].y) / 3;
  }
  return out;
}

std::vector<Stroke> normalize_size(const std::vector<Stroke>& strokes) {
  Box box = bounding_box(strokes.at(0));
  for (const Stroke& s : strokes) box = merge(box, bounding_box(s));
  const double side = std::max(box.width(), box.height());
  // A symbol too small for its scale to be a finite number (subnormal sizes) is a dot.
  const double scale = side > 0 && std::isfinite(2 / side) ? 2 / side : 1;
  std::vector<Stroke> out = strokes;
  for (Stroke& s : out)
    for (Point& p : s) p.x = (p.x - box.cx()) * scale, p.y = (p.y - box.cy()) * scale;
  return out;
}

std::vector<Stroke> resample(const std::vector<Stroke>& strokes, int total) {
  const int k = int(strokes.size());
  total = std::max(total, k);
  std::vector<double> lengths(k);
  for (int i = 0; i < k; ++i) lengths[i] = length(strokes[i]);
  const double sum = std::accumulate(lengths.begin(), lengths.end(), 0.0);
  // Largest-remainder apportionment of the points, one guaranteed per stroke.
  std::vector<int> counts(k, 1);
  std::vector<double> remainders(k, 0);
  int left = total - k;
  const int to_share = left;
  for (int i = 0; i < k; ++i) {
    const double share = sum > 0 ? to_share * lengths[i] / sum : double(to_share) / k;
    counts[i] += int(share);
    left -= int(share);
    remainders[i] = share - int(share);
  }
  std::vector<int> order(k);
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(), [&](int a, int b) { return remainders[a] > remainders[b]; });
  for (int i = 0; left > 0; i = (i + 1) % k, --left) ++counts[order[i]];
  std::vector<Stroke> out;
  for (int i = 0; i < k; ++i) out.push_back(resample_stroke(strokes[i], counts[i]));
  return out;
}

std::vector<Stroke> preprocess(const std::vector<Stroke>& strokes, int total_points) {
  std::vector<Stroke> clean;
  for (const Stroke& s : strokes) {
    Stroke d = remove_duplicates(s);
    if (!d.empty()) clean.push_back(smooth(d));
  }
  if (clean.empty()) throw Error("symbol has no points");
  return resample(normalize_size(clean), total_points);
}

}  // namespace inkmath
