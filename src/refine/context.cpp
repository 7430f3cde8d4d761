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

const ContextStats* stats_for(const ContextTables& tables, const std::string& label) {
  for (const ContextStats& m : tables.labels)
    if (label == m.label) return &m;
  return nullptr;
}

const std::vector<std::string>* group_of(const std::string& label) {
  for (const auto& g : kGroups)
    if (std::find(g.begin(), g.end(), label) != g.end()) return &g;
  return nullptr;
}

double log_likelihood(const ContextStats& m, const SymbolContext& c) {
  const double h = (c.log_height - m.log_height) / m.log_height_spread;
  const double b = (c.bottom - m.bottom) / m.bottom_spread;
  return -0.5 * (h * h + b * b) - std::log(m.log_height_spread) - std::log(m.bottom_spread);
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
  if (by_gap.empty()) return false;
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

bool has_look_alikes(const std::string& label) { return group_of(label) != nullptr; }

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
    ContextStats s;
    try {
      s.label = row.at("label").get<std::string>();
      s.log_height = row.at("log_height").get<float>();
      s.log_height_spread = row.at("log_height_spread").get<float>();
      s.bottom = row.at("bottom").get<float>();
      s.bottom_spread = row.at("bottom_spread").get<float>();
      const nlohmann::json samples = row.value("samples", nlohmann::json(0));
      if (samples.is_number_unsigned() && samples.get<unsigned long long>() < (1u << 31)) s.samples = samples.get<int>();
    } catch (const nlohmann::json::exception&) {
      throw Error("model: context part: each label needs label, log_height, log_height_spread, bottom, bottom_spread");
    }
    if (!(s.log_height_spread > 0) || !(s.bottom_spread > 0) || !std::isfinite(s.log_height) || !std::isfinite(s.bottom) ||
        !std::isfinite(s.log_height_spread) || !std::isfinite(s.bottom_spread))
      throw Error("model: context part: bad statistics for '" + s.label + "'");
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
    if (s.fixed || !known[i] || !group || !stats_for(tables, s.label) || !(s.score > 0)) continue;
    // The group's share of the classifier's belief is kept; within it, each look-alike's share
    // moves by how well the symbol's size and place fit that label.
    double mass = 0, weighted_mass = 0;
    std::vector<std::pair<Alternative*, double>> members;
    for (Alternative& a : s.alternatives) {
      const ContextStats* m = stats_for(tables, a.label);
      if (!m || !(a.score >= min_score) || std::find(group->begin(), group->end(), a.label) == group->end()) continue;
      const double w = a.score * std::exp(weight * log_likelihood(*m, contexts[i]));
      members.push_back({&a, w});
      mass += a.score, weighted_mass += w;
    }
    if (members.size() < 2 || !(weighted_mass > 0)) continue;
    for (auto& [a, w] : members) a->score = float(mass * w / weighted_mass);
    std::stable_sort(s.alternatives.begin(), s.alternatives.end(),
                     [](const Alternative& a, const Alternative& b) { return a.score > b.score; });
    if (s.alternatives.front().label != s.label) ++changed;
    s.label = s.alternatives.front().label;
    s.score = s.alternatives.front().score;
  }
  return changed;
}

}  // namespace inkmath
