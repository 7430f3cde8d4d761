#include "structure/context.h"

#include <algorithm>
#include <cmath>
#include <string>

#include "structure/alternatives.h"

namespace inkmath {

namespace {

// Labels the classifier confuses because they differ mostly in size or position.
// Kept in step with GROUPS in scripts/fit-context.
const std::vector<std::vector<std::string>> kGroups = {
    {"1", "|", "l"}, {"X", "x", "\\times"}, {"P", "p"}, {"C", "c"}, {"S", "s"}, {"o", "0", "O"},
    {",", ")", "\\prime"}, {"v", "V"}, {"w", "W"}, {"z", "Z"}, {"k", "K"}, {"y", "Y"}, {"u", "U"}};

// Where each label sits among its neighbours: medians and robust deviations of SymbolContext.
struct ContextModel {
  const char* label;
  float log_height, log_height_spread, bottom, bottom_spread;
};

// Fitted by scripts/fit-context on train2014 (labels with fewer than 20 samples left out).
const ContextModel kModels[] = {
    {"1", 0.006f, 0.355f, 0.464f, 0.515f},  // n = 6208
    {"|", 0.537f, 0.580f, 0.756f, 0.658f},  // n = 448
    {"l", 0.132f, 0.459f, 0.474f, 0.276f},  // n = 111
    {"X", 0.183f, 0.494f, 0.596f, 0.397f},  // n = 271
    {"x", -0.230f, 0.517f, 0.447f, 0.486f},  // n = 5032
    {"\\times", -0.334f, 0.289f, 0.481f, 0.153f},  // n = 596
    {"P", 0.107f, 0.360f, 0.501f, 0.308f},  // n = 100
    {"p", 0.143f, 0.499f, 0.797f, 0.728f},  // n = 551
    {"C", 0.144f, 0.443f, 0.744f, 0.807f},  // n = 251
    {"c", -0.359f, 0.467f, 0.495f, 0.467f},  // n = 938
    {"S", 0.123f, 0.365f, 0.552f, 0.301f},  // n = 112
    {"s", -0.161f, 0.514f, 0.481f, 0.369f},  // n = 223
    {"o", -0.633f, 0.525f, 0.391f, 0.284f},  // n = 104
    {"0", -0.278f, 0.461f, 0.514f, 0.366f},  // n = 1785
    {",", -0.687f, 0.535f, 0.708f, 0.292f},  // n = 621
    {")", 0.569f, 0.386f, 0.821f, 0.356f},  // n = 3937
    {"\\prime", -0.789f, 0.346f, -0.588f, 0.299f},  // n = 82
    {"v", -0.066f, 0.537f, 0.278f, 0.342f},  // n = 277
    {"V", 0.140f, 0.681f, 0.508f, 0.418f},  // n = 100
    {"w", -0.346f, 0.408f, 0.472f, 0.316f},  // n = 134
    {"z", -0.063f, 0.547f, 0.580f, 0.862f},  // n = 1060
    {"k", 0.097f, 0.428f, 0.570f, 0.524f},  // n = 613
    {"y", 0.458f, 0.450f, 1.142f, 0.655f},  // n = 1752
    {"Y", 0.226f, 0.390f, 0.573f, 0.554f},  // n = 107
    {"u", -0.204f, 0.518f, 0.351f, 0.347f},  // n = 313
};

constexpr size_t kNeighbours = 4;

const ContextModel* model_for(const std::string& label) {
  for (const ContextModel& m : kModels)
    if (label == m.label) return &m;
  return nullptr;
}

const std::vector<std::string>* group_of(const std::string& label) {
  for (const auto& g : kGroups)
    if (std::find(g.begin(), g.end(), label) != g.end()) return &g;
  return nullptr;
}

double log_likelihood(const ContextModel& m, const SymbolContext& c) {
  const double h = (c.log_height - m.log_height) / m.log_height_spread;
  const double b = (c.bottom - m.bottom) / m.bottom_spread;
  return -0.5 * (h * h + b * b) - std::log(m.log_height_spread) - std::log(m.bottom_spread);
}

double median(std::vector<double> v) {
  std::nth_element(v.begin(), v.begin() + long(v.size() / 2), v.end());
  return v[v.size() / 2];
}

}  // namespace

bool symbol_context(const std::vector<RecognizedSymbol>& symbols, size_t i, SymbolContext& out) {
  const Box& s = symbols[i].box;
  // Flat marks (-, =, fraction bars) say nothing about the line; the nearest upright ones set the scale.
  std::vector<std::pair<double, size_t>> by_gap;
  for (size_t j = 0; j < symbols.size(); ++j) {
    const Box& t = symbols[j].box;
    if (j == i || t.height() < 0.4 * t.width()) continue;
    by_gap.push_back({std::max({t.x0 - s.x1, s.x0 - t.x1, 0.0}), j});
  }
  if (by_gap.empty()) return false;
  std::stable_sort(by_gap.begin(), by_gap.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  by_gap.resize(std::min(by_gap.size(), kNeighbours));
  std::vector<double> heights, centres;
  for (const auto& [gap, j] : by_gap) {
    heights.push_back(symbols[j].box.height());
    centres.push_back(symbols[j].box.cy());
  }
  const double h = median(heights);
  if (!(h > 0)) return false;
  out.log_height = std::log(std::max(s.height(), 0.05 * h) / h);
  out.bottom = (s.y1 - median(centres)) / h;
  return true;
}

int prefer_context_alternatives(std::vector<RecognizedSymbol>& symbols, float weight, float min_score) {
  // Contexts first, from the labels as classified, so one change does not sway the next.
  std::vector<SymbolContext> contexts(symbols.size());
  std::vector<bool> known(symbols.size());
  for (size_t i = 0; i < symbols.size(); ++i) known[i] = symbol_context(symbols, i, contexts[i]);
  int changed = 0;
  for (size_t i = 0; i < symbols.size(); ++i) {
    RecognizedSymbol& s = symbols[i];
    const std::vector<std::string>* group = group_of(s.label);
    const ContextModel* current = model_for(s.label);
    if (!known[i] || !group || !current || !(s.score > 0)) continue;
    const Alternative* best = nullptr;
    double best_score = std::log(s.score) + weight * log_likelihood(*current, contexts[i]);
    for (const Alternative& a : s.alternatives) {
      const ContextModel* m = model_for(a.label);
      if (a.label == s.label || a.score < min_score || !m) continue;
      if (std::find(group->begin(), group->end(), a.label) == group->end()) continue;
      const double score = std::log(a.score) + weight * log_likelihood(*m, contexts[i]);
      if (score > best_score) best = &a, best_score = score;
    }
    if (best) {
      choose_alternative(s, *best);
      ++changed;
    }
  }
  return changed;
}

}  // namespace inkmath
