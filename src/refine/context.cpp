#include "refine/context.h"

#include <algorithm>
#include <cmath>

#include <nlohmann/json.hpp>

#include "base/error.h"
#include "base/median.h"

namespace inkmath {

namespace {

// Labels the classifier confuses because they differ mostly in size or position.
const std::vector<std::vector<std::string>> kGroups = {
    {"X", "x"}, {"P", "p"}, {"C", "c"}, {"S", "s"}, {"o", "0", "O"},
    {",", ")", "\\prime", "/"}, {"v", "V"}, {"w", "W"}, {"z", "Z"}, {"k", "K"}, {"y", "Y"}, {"u", "U"}};

constexpr size_t kNeighbours = 4;
// One neighbour alone is often a script of the symbol (x^{2}, x^{\prime}), which says little of the line.
constexpr size_t kLeastNeighbours = 2;

const ContextLabel* context_label_of(const ContextTables& tables, const std::string& label) {
  for (const ContextLabel& m : tables.labels)
    if (label == m.label) return &m;
  return nullptr;
}

const std::vector<std::string>* group_of(const std::string& label) {
  for (const auto& g : kGroups)
    if (std::find(g.begin(), g.end(), label) != g.end()) return &g;
  return nullptr;
}

}  // namespace

bool symbol_context(const std::vector<RecognizedSymbol>& symbols, size_t i, const TypicalHeights& heights,
                    SymbolContext& out) {
  const Box& s = symbols[i].box;
  // The nearest upright neighbours set the scale.
  std::vector<std::pair<double, size_t>> by_gap;
  for (size_t j = 0; j < symbols.size(); ++j) {
    const Box& t = symbols[j].box;
    if (j == i || !is_upright(t)) continue;
    by_gap.push_back({std::max({t.x0 - s.x1, s.x0 - t.x1, 0.0}), j});
  }
  if (by_gap.size() < kLeastNeighbours) return false;
  std::stable_sort(by_gap.begin(), by_gap.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  by_gap.resize(std::min(by_gap.size(), kNeighbours));
  std::vector<double> scales, centres;
  for (const auto& [gap, j] : by_gap) {
    scales.push_back(symbols[j].box.height() / std::exp(typical_log_height(heights, symbols[j].label)));
    centres.push_back(symbols[j].box.cy());
  }
  const double h = median(scales);
  if (!(h > 0)) return false;
  out.log_height = std::log(std::max(s.height(), 0.05 * h) / h);
  out.bottom = (s.y1 - median(centres)) / h;
  return true;
}

int look_alike_group(const std::string& label) {
  const std::vector<std::string>* g = group_of(label);
  return g ? int(g - kGroups.data()) : -1;
}

ContextTables context_tables_from_json(const std::string& text) {
  const auto j = nlohmann::json::parse(text, nullptr, false);
  if (j.is_discarded() || !j.is_object() || !j.contains("labels") || !j["labels"].is_array())
    throw Error("model: context part: expected {\"labels\": [...]}");
  ContextTables tables;
  if (j.contains("heights")) {
    if (!j["heights"].is_object()) throw Error("model: context part: \"heights\" must map labels to numbers");
    for (const auto& [label, h] : j["heights"].items()) {
      if (!h.is_number() || !std::isfinite(h.get<double>()) || std::abs(h.get<double>()) > 5)
        throw Error("model: context part: bad height for '" + label + "'");
      tables.heights[label] = h.get<float>();
    }
  }
  for (const auto& row : j["labels"]) {
    ContextLabel s;
    try {
      s.label = row.at("label").get<std::string>();
      s.height_weight = row.at("height_weight").get<float>();
      s.bottom_weight = row.at("bottom_weight").get<float>();
      s.bias = row.at("bias").get<float>();
      const nlohmann::json samples = row.value("samples", nlohmann::json(0));
      if (samples.is_number_unsigned() && samples.get<unsigned long long>() < (1u << 31)) s.samples = samples.get<int>();
    } catch (const nlohmann::json::exception&) {
      throw Error("model: context part: each label needs label, height_weight, bottom_weight, bias");
    }
    // Bounded, so that exp(weight * score) stays finite for any context.
    for (const float v : {s.height_weight, s.bottom_weight, s.bias})
      if (!std::isfinite(v) || std::abs(v) > 100) throw Error("model: context part: bad weights for '" + s.label + "'");
    tables.labels.push_back(s);
  }
  return tables;
}

int prefer_context_alternatives(std::vector<RecognizedSymbol>& symbols, const ContextTables& tables, float weight,
                                float min_score) {
  if (tables.labels.empty() || !(weight > 0)) return 0;
  // Contexts first, from the labels as classified, so one change does not sway the next.
  std::vector<SymbolContext> contexts(symbols.size());
  std::vector<bool> known(symbols.size());
  for (size_t i = 0; i < symbols.size(); ++i) known[i] = symbol_context(symbols, i, tables.heights, contexts[i]);
  int changed = 0;
  for (size_t i = 0; i < symbols.size(); ++i) {
    RecognizedSymbol& s = symbols[i];
    const std::vector<std::string>* group = group_of(s.label);
    if (s.fixed || !known[i] || !group || !context_label_of(tables, s.label) || !(s.score > 0)) continue;
    // The group's share of the classifier's belief is kept; within it, each look-alike's share
    // moves by how well the symbol's size and place fit that label.
    struct Member {
      Alternative* alternative;
      double context_score;
      double weighted = 0;  // its score times exp(weight * context score), against the best
    };
    std::vector<Member> members;
    double mass = 0, best = -HUGE_VAL;
    for (Alternative& a : s.alternatives) {
      const ContextLabel* m = context_label_of(tables, a.label);
      if (!m || !(a.score >= min_score) || std::find(group->begin(), group->end(), a.label) == group->end()) continue;
      members.push_back({&a, m->score(contexts[i])});
      mass += a.score;
      best = std::max(best, members.back().context_score);
    }
    if (members.size() < 2) continue;
    // Against the best member's context score, so that exp() stays finite.
    double weighted_mass = 0;
    for (Member& m : members) weighted_mass += m.weighted = m.alternative->score * std::exp(weight * (m.context_score - best));
    if (!(weighted_mass > 0)) continue;
    for (const Member& m : members) m.alternative->score = float(mass * m.weighted / weighted_mass);
    std::stable_sort(s.alternatives.begin(), s.alternatives.end(),
                     [](const Alternative& a, const Alternative& b) { return a.score > b.score; });
    if (s.alternatives.front().label != s.label) ++changed;
    s.label = s.alternatives.front().label;
    s.score = s.alternatives.front().score;
  }
  return changed;
}

}  // namespace inkmath
