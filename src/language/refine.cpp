#include "language/refine.h"

#include <algorithm>
#include <cmath>
#include <map>

namespace inkmath {

namespace {

struct Partial {
  std::vector<int> choices;
  std::vector<int> history;  // the last order - 1 token ids
  double score = 0;
};

double log_score(float p) { return std::log(std::max(double(p), 1e-9)); }

// Keeps the n best partial readings for each language model state (its last order - 1 ids).
std::vector<Partial> prune(std::vector<Partial> all, int n) {
  std::sort(all.begin(), all.end(), [](const Partial& a, const Partial& b) { return a.score > b.score; });
  std::map<std::vector<int>, int> kept;
  std::vector<Partial> out;
  for (auto& p : all)
    if (kept[p.history]++ < n) out.push_back(std::move(p));
  return out;
}

// Symbol indices in reading order (language/labels.h), and which the layout reads as structure.
void reading_order(const LayoutRow& row, std::vector<int>& order, std::vector<bool>& structure) {
  for (const LayoutNode& node : row) {
    if (node.symbol >= 0 && size_t(node.symbol) < structure.size()) {
      order.push_back(node.symbol);
      structure[size_t(node.symbol)] = node.type != LayoutNode::Type::Symbol;
    }
    reading_order(node.first, order, structure);
    reading_order(node.second, order, structure);
    reading_order(node.sub, order, structure);
    reading_order(node.sup, order, structure);
  }
}

}  // namespace

std::vector<RelabelledSymbols> best_readings(const LanguageModel* model, const LayoutRow& tree,
                                             const std::vector<RecognizedSymbol>& symbols, const LanguageParams& params) {
  std::vector<int> order;
  std::vector<bool> structure(symbols.size(), false);
  reading_order(tree, order, structure);
  std::vector<std::vector<Alternative>> positions;
  for (int i : order) {
    const RecognizedSymbol& s = symbols[size_t(i)];
    // The label in use first, then the other alternatives. Refinement may have chosen a label
    // the classifier scores lower (by the layout or the context): it scores as the best, so that
    // without a language model the reading stays refinement's.
    float best = s.score;
    for (const Alternative& a : s.alternatives) best = std::max(best, a.score);
    std::vector<Alternative> alts = {{s.label, best}};
    const size_t k = structure[size_t(i)] || s.fixed ? 1 : size_t(std::max(1, params.alternatives));
    for (const Alternative& a : s.alternatives)
      if (alts.size() < k && a.label != s.label && a.score >= params.min_score) alts.push_back(a);
    positions.push_back(std::move(alts));
  }
  const bool use_model = model && params.weight != 0;
  const auto best = best_label_readings(use_model ? model : nullptr, positions, params.weight, params.readings);
  std::vector<RelabelledSymbols> out;
  for (const LabelReading& reading : best) {
    RelabelledSymbols r{symbols, reading.probability, false};
    for (size_t p = 0; p < order.size(); ++p)
      if (reading.choices[p] != 0) {
        choose_alternative(r.symbols[size_t(order[p])], positions[p][size_t(reading.choices[p])]);
        r.changed = true;
      }
    out.push_back(std::move(r));
  }
  return out;
}

std::vector<LabelReading> best_label_readings(const LanguageModel* model, const std::vector<std::vector<Alternative>>& positions,
                                              double weight, int n) {
  n = std::max(n, 1);
  const int history = model ? model->order() - 1 : 0;
  std::vector<Partial> beam(1);
  for (const auto& alternatives : positions) {
    std::vector<Partial> next;
    for (const Partial& p : beam)
      for (size_t a = 0; a < alternatives.size(); ++a) {
        Partial q = p;
        q.choices.push_back(int(a));
        q.score += log_score(alternatives[a].score);
        if (model) {
          const int id = model->id(alternatives[a].label);
          q.score += weight * model->log_prob(p.history, id);
          q.history.push_back(id);
          if (int(q.history.size()) > history) q.history.erase(q.history.begin());
        }
        next.push_back(std::move(q));
      }
    if (!next.empty()) beam = prune(std::move(next), n);
  }
  if (model)
    for (Partial& p : beam) p.score += weight * model->log_prob(p.history, model->end_id());
  std::sort(beam.begin(), beam.end(), [](const Partial& a, const Partial& b) { return a.score > b.score; });
  double total = 0;
  for (const Partial& p : beam) total += std::exp(p.score - beam[0].score);
  std::vector<LabelReading> out;
  for (size_t i = 0; i < beam.size() && int(i) < n; ++i)
    out.push_back({beam[i].choices, beam[i].score, std::exp(beam[i].score - beam[0].score) / total});
  return out;
}

}  // namespace inkmath
