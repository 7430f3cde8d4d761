#include "segment/hypotheses.h"

#include <algorithm>
#include <cmath>

namespace inkmath {

namespace {

double overlap_area(const Box& a, const Box& b) {
  const double w = std::min(a.x1, b.x1) - std::max(a.x0, b.x0);
  const double h = std::min(a.y1, b.y1) - std::max(a.y0, b.y0);
  return w > 0 && h > 0 ? w * h : 0;
}

// How far from another stroke's box a stroke's box may lie and still touch it: a small mark (a
// dot) reaches further, since it sits near, not on, its symbol.
double touch_reach(const Box& b, double size) { return (small_mark(b, size) ? 0.5 : 0.05) * size; }

}  // namespace

std::vector<int> grouping_order(const Ink& ink, const std::vector<int>& strokes, double size) {
  std::vector<int> order;
  std::vector<Box> boxes;
  for (int s : strokes) {
    const Box b = bounding_box(ink.strokes[s]);
    const bool small = small_mark(b, size);
    const double reach = touch_reach(b, size);
    bool touches_previous = !boxes.empty() && box_gap(b, boxes.back()) <= reach;
    int best = -1;
    double best_score = 0;
    if (!touches_previous)
      for (int k = 0; k + 1 < int(boxes.size()); ++k) {
        const double area = std::max(b.width() * b.height(), 1e-9);
        const double score = small ? (box_gap(b, boxes[k]) <= reach ? 1.0 / (1 + box_gap(b, boxes[k])) : 0)
                                   : overlap_area(b, boxes[k]) / area;
        // Strokes much larger than this one (a root sign, a fraction bar) are not its symbol.
        const double other = std::max(boxes[k].width(), boxes[k].height());
        const bool plausible = small ? other < 1.5 * size : score >= 0.3 && other < 3 * std::max(b.width(), b.height());
        if (plausible && score > best_score) best = k, best_score = score;
      }
    if (best >= 0) {
      // After the strokes that went on from that one, touching it (the bar of its T, the dot of
      // its i): they are likely of its symbol, which must stay a run of the order.
      const Box joined = boxes[size_t(best)];
      for (size_t next = size_t(best) + 1; next < boxes.size(); ++next, ++best)
        if (box_gap(boxes[next], joined) > touch_reach(boxes[next], size)) break;
      order.insert(order.begin() + best + 1, s);
      boxes.insert(boxes.begin() + best + 1, b);
    } else {
      order.push_back(s);
      boxes.push_back(b);
    }
  }
  return order;
}

std::vector<std::vector<int>> candidate_groups(const Ink& ink, const std::vector<int>& order, double size,
                                               const SegmentationLimits& limits, const GroupingModel* model,
                                               double threshold, std::vector<std::vector<double>>* join) {
  const bool learned = model && model->hidden > 0;
  std::vector<Box> boxes;
  for (int s : order) boxes.push_back(bounding_box(ink.strokes[s]));
  std::vector<std::vector<int>> out(order.size());
  if (join) join->assign(order.size(), {});
  for (size_t begin = 0; begin < order.size(); ++begin) {
    out[begin].push_back(1);
    Box group = boxes[begin];
    for (int count = 2; count <= limits.max_group_strokes && begin + count <= order.size(); ++count) {
      const Box& next = boxes[begin + count - 1];
      if (learned) {
        const double p = join_probability(*model, grouping_features(ink, order, int(begin), count - 1, size));
        if (join) (*join)[begin].push_back(p);
        if (p < threshold) break;
      } else if (box_gap(group, next) > limits.max_gap * size) {
        break;
      }
      group = merge(group, next);
      out[begin].push_back(count);
    }
  }
  return out;
}

}  // namespace inkmath
