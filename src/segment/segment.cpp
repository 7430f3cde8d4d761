#include "segment/segment.h"

#include <algorithm>
#include <cmath>
#include <limits>
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

}  // namespace

std::vector<RecognizedSymbol> segment(const Ink& ink, const SymbolClassifier& classifier, const RecognizeOptions& options,
                                      const SegmentationParams& params) {
  std::vector<RecognizedSymbol> out;
  std::set<int> used;
  for (const SymbolTruth& f : options.fixed) {
    if (f.strokes.empty()) continue;
    out.push_back(make_symbol(ink, f.strokes, {{f.label, 1}}));
    used.insert(f.strokes.begin(), f.strokes.end());
  }
  std::vector<int> strokes;
  for (int i = 0; i < int(ink.strokes.size()); ++i)
    if (!ink.strokes[i].empty() && !used.count(i)) strokes.push_back(i);
  if (strokes.empty()) return out;

  const double size = typical_stroke_size(ink, strokes);
  const std::vector<int> order = grouping_order(ink, strokes, size);
  const auto counts = candidate_groups(ink, order, size, params.limits);

  // Every candidate group, classified in one batch.
  std::vector<std::vector<Stroke>> groups;
  std::vector<Surroundings> around;
  std::vector<std::pair<int, int>> where;  // (begin, count) of each group
  const double writer_scale = typical_stroke_size(ink);
  const std::vector<Box> boxes = stroke_boxes(ink);
  for (size_t b = 0; b < order.size(); ++b)
    for (int n : counts[b]) {
      const std::vector<int> ids(order.begin() + long(b), order.begin() + long(b) + n);
      std::vector<Stroke> g;
      for (int i : ids) g.push_back(ink.strokes[i]);
      groups.push_back(std::move(g));
      around.push_back(surroundings(ink, boxes, ids, writer_scale));
      where.emplace_back(int(b), n);
    }
  Eigen::MatrixXf p = classifier.probabilities(groups, around);
  const int junk = classifier.junk_index();
  // A vocabulary rules the other labels out: a group scores, and reads, as its best allowed
  // label. Below every probability, they are also never among the alternatives.
  if (!options.vocabulary.empty()) {
    const std::set<std::string> allowed(options.vocabulary.begin(), options.vocabulary.end());
    for (int c = 0; c < p.rows(); ++c)
      if (c != junk && !allowed.count(classifier.classes()[c])) p.row(c).setConstant(-1);
  }

  // best[e]: the best score of a partition of the first e strokes of `order`.
  const size_t n = order.size();
  std::vector<double> best(n + 1, -std::numeric_limits<double>::infinity());
  std::vector<int> choice(n + 1, -1);
  best[0] = 0;
  std::vector<std::vector<int>> ending(n + 1);
  for (size_t g = 0; g < where.size(); ++g) ending[where[g].first + where[g].second].push_back(int(g));
  for (size_t e = 1; e <= n; ++e)
    for (int g : ending[e]) {
      float top = 0;
      for (int c = 0; c < p.rows(); ++c)
        if (c != junk) top = std::max(top, p(c, g));
      const double not_junk = junk >= 0 ? 1.0 - double(p(junk, g)) : 1.0;
      const double score = best[where[g].first] + std::log(std::max(top, 1e-12f)) + params.symbol_bonus +
                           params.junk_weight * std::log(std::max(not_junk, 1e-12)) +
                           params.size_weight * log_stroke_count_prior(where[g].second);
      if (score > best[e]) best[e] = score, choice[e] = g;
    }

  std::vector<RecognizedSymbol> found;
  for (size_t e = n; e > 0;) {
    const int g = choice[e];
    const auto [b, count] = where[g];
    std::vector<int> ids(order.begin() + b, order.begin() + b + count);
    std::vector<Alternative> alternatives = classifier.top_symbols(p.col(g), std::max(1, options.alternatives));
    alternatives.erase(std::remove_if(alternatives.begin() + 1, alternatives.end(), [](const Alternative& a) { return a.score < 0; }),
                       alternatives.end());
    found.push_back(make_symbol(ink, ids, std::move(alternatives)));
    e = size_t(b);
  }
  std::sort(found.begin(), found.end(),
            [](const RecognizedSymbol& a, const RecognizedSymbol& b) { return a.strokes[0] < b.strokes[0]; });
  out.insert(out.end(), found.begin(), found.end());
  return out;
}

}  // namespace inkmath
