#include "segment/segment.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>
#include <map>
#include <set>

namespace inkmath {

RecognizedSymbol make_symbol(const Ink& ink, std::vector<int> strokes, std::vector<Alternative> alternatives) {
  RecognizedSymbol s;
  std::sort(strokes.begin(), strokes.end());
  s.strokes = std::move(strokes);
  s.box = bounding_box(ink, s.strokes);
  s.alternatives = std::move(alternatives);
  s.label = s.alternatives.at(0).label;
  s.score = s.alternatives.at(0).score;
  return s;
}

namespace {

// log P(a symbol has n strokes), n = 1..4, from the symbol counts of CROHME train2014
// (56460, 25002, 2833 and 1326 symbols of 1, 2, 3 and 4 strokes).
double log_stroke_count_prior(int n) {
  static const double prior[] = {0, std::log(0.6581), std::log(0.2914), std::log(0.0330), std::log(0.0155)};
  return n >= 1 && n <= 4 ? prior[n] : std::log(0.002);
}

// A stroke clearly taller than wide, and one clearly wider than tall.
bool upright(const Box& b) { return b.height() >= 2 * b.width(); }
bool flat(const Box& b) { return b.width() >= 1.5 * b.height(); }

// Strokes u (the upright) and a, b (the cross, in either order) of an open 4: a flat arm reaching
// an upright stem from the left, on its height, and the upright u, no taller than the cross,
// standing on the arm left of the stem (its centre above the arm, its foot not far below it).
bool open_four_shape(const Box& u, const Box& a, const Box& b) {
  const Box& arm = flat(a) ? a : b;
  const Box& stem = flat(a) ? b : a;
  if (!flat(arm) || !upright(stem) || !upright(u)) return false;
  const Box cross = merge(arm, stem);
  const bool meeting = box_gap(arm, stem) <= 0.1 * cross.height() && arm.x0 < stem.cx() && arm.cy() > stem.y0 &&
                       arm.cy() < stem.y1;
  return meeting && u.height() <= cross.height() && u.x1 >= arm.x0 && u.cx() < stem.cx() && u.cy() < arm.cy() &&
         u.y1 <= arm.y1 + 0.25 * cross.height();
}

// A stroke that goes nearly straight from end to end, clearly taller than wide.
bool straight_upright(const Stroke& s) {
  const Box b = bounding_box(s);
  if (s.size() < 2 || b.height() < 3 * b.width()) return false;
  double length = 0;
  for (size_t i = 1; i < s.size(); ++i) length += std::hypot(s[i].x - s[i - 1].x, s[i].y - s[i - 1].y);
  return std::hypot(s.back().x - s.front().x, s.back().y - s.front().y) >= 0.9 * length;
}

// Two straight uprights side by side (their heights shared by at least half the shorter), apart:
// the bars of a norm or of |x| written close, never one symbol (in train2014's truths, one \pi
// of 85,782 symbols), though the classifier may read them as an x.
bool parallel_bars(const Stroke& a, const Stroke& b) {
  if (!straight_upright(a) || !straight_upright(b)) return false;
  const Box p = bounding_box(a), q = bounding_box(b);
  const double shared = std::min(p.y1, q.y1) - std::max(p.y0, q.y0);
  return (p.x1 < q.x0 || q.x1 < p.x0) && shared >= 0.5 * std::min(p.height(), q.height());
}

}  // namespace

Candidates candidates(const Ink& ink, const std::vector<SymbolTruth>& fixed, const SegmentationParams& params,
                      const GroupingModel* grouping) {
  Candidates c;
  std::set<int> used;
  for (const SymbolTruth& f : fixed) {
    if (f.strokes.empty()) continue;
    c.fixed.push_back(f);
    used.insert(f.strokes.begin(), f.strokes.end());
  }
  std::vector<int> strokes;
  for (int i = 0; i < int(ink.strokes.size()); ++i)
    if (!ink.strokes[i].empty() && !used.count(i)) strokes.push_back(i);
  if (!strokes.empty()) {
    const double size = typical_stroke_size(ink, strokes);
    c.order = grouping_order(ink, strokes, size);
    if (!params.learned || (grouping && grouping->hidden == 0)) grouping = nullptr;
    const double threshold = params.grouping_threshold > 0 ? params.grouping_threshold : grouping ? grouping->threshold : 0;
    std::vector<std::vector<double>> join;
    auto counts = candidate_groups(ink, c.order, size, params.limits, grouping, threshold, &join);
    const auto has = [&](size_t b, int n) { return std::count(counts[b].begin(), counts[b].end(), n) > 0; };
    // Open 4s: (first position, position of the upright, position of the cross).
    std::vector<std::array<size_t, 3>> fours;
    for (size_t b = 0; b + 3 <= c.order.size() && params.limits.max_group_strokes >= 3; ++b) {
      const auto box = [&](size_t k) { return bounding_box(ink.strokes[c.order[b + k]]); };
      if (has(b + 1, 2) && open_four_shape(box(0), box(1), box(2))) fours.push_back({b, b, b + 1});
      else if (has(b, 2) && open_four_shape(box(2), box(0), box(1))) fours.push_back({b, b + 2, b});
      else continue;
      if (!has(b, 3)) counts[b].insert(std::upper_bound(counts[b].begin(), counts[b].end(), 3), 3);
    }
    for (size_t b = 0; b + 1 < c.order.size(); ++b)
      if (has(b, 2) && parallel_bars(ink.strokes[c.order[b]], ink.strokes[c.order[b + 1]]))
        counts[b].erase(std::find(counts[b].begin(), counts[b].end(), 2));
    std::map<std::pair<size_t, int>, int> index;  // (first position, strokes) -> group
    for (size_t b = 0; b < c.order.size(); ++b)
      for (int n : counts[b]) {
        index[{b, n}] = int(c.groups.size());
        c.groups.emplace_back(c.order.begin() + long(b), c.order.begin() + long(b) + n);
        c.where.emplace_back(int(b), n);
        // join[b][k]: P(stroke b + k + 1 joins strokes b..b + k).
        double logp = 0;
        for (int k = 0; k < int(join[b].size()) && k < n; ++k)
          logp += std::log(std::max(k + 1 < n ? join[b][k] : 1 - join[b][k], 1e-9));
        c.grouping.push_back(logp);
      }
    for (const auto& [b, u, x] : fours) {
      c.open_fours.push_back({index[{b, 3}], index[{u, 1}], index[{x, 2}]});
      c.grouping[size_t(index[{b, 3}])] = 0;  // joined by its shape, not by the grouping model
    }
  }
  for (const SymbolTruth& f : c.fixed) c.groups.push_back(f.strokes);
  return c;
}

void read_open_fours(const Candidates& c, Eigen::MatrixXf& logits, const std::vector<std::string>& classes, int junk) {
  const auto index = [&](const std::string& label) {
    return int(std::find(classes.begin(), classes.end(), label) - classes.begin());
  };
  const int plus = index("+"), four = index("4");
  if (plus == int(classes.size()) || four == int(classes.size())) return;
  const auto best = [&](int g) {
    int top = -1;
    for (int k = 0; k < int(logits.rows()); ++k)
      if (k != junk && (top < 0 || logits(k, g) > logits(top, g))) top = k;
    return top < 0 ? std::string() : classes[size_t(top)];
  };
  for (const OpenFour& f : c.open_fours) {
    const std::string u = best(f.upright);
    if (best(f.cross) != "+" || (u != "1" && u != "|" && u != "l")) continue;
    logits.col(f.whole) = logits.col(f.cross);
    std::swap(logits(plus, f.whole), logits(four, f.whole));
  }
}

std::vector<Surroundings> group_surroundings(const Ink& ink, const Candidates& c, double writer_scale) {
  const std::vector<Box> boxes = stroke_boxes(ink);
  std::vector<Surroundings> around;
  for (const std::vector<int>& ids : c.groups) around.push_back(surroundings(ink, boxes, ids, writer_scale));
  return around;
}

std::vector<Stroke> group_strokes(const Ink& ink, const std::vector<int>& group) {
  std::vector<Stroke> strokes;
  for (int i : group) strokes.push_back(ink.strokes[i]);
  return strokes;
}

Eigen::MatrixXf classify(const Ink& ink, const Candidates& c, const SymbolClassifier& classifier,
                         const EarlierInk& earlier) {
  std::vector<std::vector<Stroke>> groups;
  for (const std::vector<int>& ids : c.groups) groups.push_back(group_strokes(ink, ids));
  return classifier.logits(groups, group_surroundings(ink, c, writer_scale(ink, earlier)));
}

std::vector<Partition> search(const Ink& ink, const Candidates& c, const Eigen::MatrixXf& logits,
                              const SymbolClassifier& classifier, const SegmentationParams& params, int alternatives,
                              int partitions) {
  alternatives = std::max(1, alternatives);
  partitions = std::max(1, partitions);
  std::vector<RecognizedSymbol> fixed;
  for (size_t k = 0; k < c.fixed.size(); ++k) {
    const SymbolTruth& f = c.fixed[k];
    std::vector<Alternative> readings = {{f.label, 1}};
    for (const Alternative& a : classifier.top_symbols(classifier.calibrated(logits.col(long(c.where.size() + k))), alternatives))
      if (a.label != f.label && int(readings.size()) < alternatives) readings.push_back(a);
    fixed.push_back(make_symbol(ink, f.strokes, readings));
    fixed.back().fixed = true;
  }
  const size_t n = c.order.size();
  if (n == 0) return {{fixed, 0}};
  const int junk = classifier.junk_index();

  // The score of each candidate group as one symbol of a partition.
  std::vector<double> group_score(c.where.size());
  for (size_t g = 0; g < c.where.size(); ++g) {
    const Eigen::VectorXf p = classifier.uncalibrated(logits.col(long(g)));
    float top = 0;
    for (int k = 0; k < p.size(); ++k)
      if (k != junk) top = std::max(top, p[k]);
    const double not_junk = junk >= 0 ? 1.0 - double(p[junk]) : 1.0;
    group_score[g] = std::log(std::max(top, 1e-12f)) + params.symbol_bonus +
                     params.junk_weight * std::log(std::max(not_junk, 1e-12)) +
                     params.size_weight * log_stroke_count_prior(c.where[g].second) +
                     (g < c.grouping.size() ? params.grouping_weight * c.grouping[g] : 0.0);
  }

  // best[e]: the best partitions of the first e strokes of `order`, best first, each as its last
  // group and the rank of the partition before it among best[that group's first position].
  struct Entry {
    double score;
    int group, previous;
  };
  std::vector<std::vector<Entry>> best(n + 1);
  best[0] = {{0, -1, -1}};
  std::vector<std::vector<int>> ending(n + 1);
  for (size_t g = 0; g < c.where.size(); ++g) ending[c.where[g].first + c.where[g].second].push_back(int(g));
  for (size_t e = 1; e <= n; ++e) {
    std::vector<Entry>& here = best[e];
    for (int g : ending[e]) {
      const std::vector<Entry>& before = best[size_t(c.where[size_t(g)].first)];
      for (size_t r = 0; r < before.size(); ++r) here.push_back({before[r].score + group_score[size_t(g)], g, int(r)});
    }
    // Stable: among equal scores, the group found first stays first.
    std::stable_sort(here.begin(), here.end(), [](const Entry& a, const Entry& b) { return a.score > b.score; });
    if (int(here.size()) > partitions) here.resize(size_t(partitions));
  }

  std::vector<Partition> out;
  for (size_t rank = 0; rank < best[n].size(); ++rank) {
    Partition p{fixed, best[n][rank].score};
    std::vector<RecognizedSymbol> found;
    for (size_t e = n, r = rank; e > 0;) {
      const Entry& entry = best[e][r];
      const int g = entry.group;
      found.push_back(make_symbol(ink, c.groups[size_t(g)], classifier.top_symbols(classifier.calibrated(logits.col(g)), alternatives)));
      e = size_t(c.where[size_t(g)].first);
      r = size_t(entry.previous);
    }
    std::sort(found.begin(), found.end(),
              [](const RecognizedSymbol& a, const RecognizedSymbol& b) { return a.strokes[0] < b.strokes[0]; });
    p.symbols.insert(p.symbols.end(), found.begin(), found.end());
    out.push_back(std::move(p));
  }
  return out;
}

}  // namespace inkmath
