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

}  // namespace

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
