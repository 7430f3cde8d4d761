#include "structure/relations.h"

#include <algorithm>
#include <cmath>

#include <nlohmann/json.hpp>

#include "base/error.h"
#include "base/json_floats.h"
#include "base/symbol.h"

namespace inkmath {

namespace {

std::vector<float> floats(const nlohmann::json& j, const char* name, size_t rows, size_t cols) {
  return json_floats(j, name, rows, cols, "relations");
}

float squeeze(double v) { return float(std::clamp(v, -5.0, 5.0)); }

float log_ratio(double a, double b) { return squeeze(std::log(std::max(a, 1e-9) / std::max(b, 1e-9))); }

}  // namespace

RelationFeatures relation_features(const RelationContext& c) {
  RelationFeatures f{};
  const double xh = std::max(c.line.xheight, 1e-9);
  const double bh = std::max(c.base_box.height(), 0.2 * xh);
  const double own = c.own.informative ? c.own.xheight : std::max(c.box.width(), c.box.height());
  f[0] = squeeze((c.own.center - c.line.center) / xh);
  f[1] = log_ratio(own, xh);
  f[2] = squeeze((c.box.y0 - c.base_box.y0) / bh);
  f[3] = squeeze((c.box.y1 - c.base_box.y1) / bh);
  f[4] = log_ratio(std::max(c.box.height(), 0.05 * xh), bh);
  f[5] = squeeze((c.box.x0 - c.base_box.x1) / xh);
  if (c.script != 'R') {
    const double sxh = std::max(c.script_line.xheight, 1e-9);
    f[c.script == '^' ? 6 : 7] = 1;
    f[8] = squeeze((c.own.center - c.script_line.center) / sxh);
    f[9] = log_ratio(own, sxh);
  }
  // The kinds of the two symbols, one-hot: base 10..15, t 16..20.
  static const SymbolKind base_kinds[] = {SymbolKind::Small, SymbolKind::Ascender, SymbolKind::Descender,
                                          SymbolKind::Both, SymbolKind::High, SymbolKind::Tall};
  static const SymbolKind kinds[] = {SymbolKind::Small, SymbolKind::Ascender, SymbolKind::Descender,
                                     SymbolKind::Both, SymbolKind::Operator};
  const SymbolKind bk = symbol_kind(c.base_label), tk = symbol_kind(c.label);
  for (int i = 0; i < 6; ++i) f[10 + i] = bk == base_kinds[i] ? 1.f : 0.f;
  for (int i = 0; i < 5; ++i) f[16 + i] = tk == kinds[i] ? 1.f : 0.f;
  // Size and place in the base's writing: its height as a digit's (its label's usual size taken
  // out), so that a V_p reads as a small p low beside a V, where the kinds alone see a p as
  // tall as the V's x-height band.
  const double digit = std::max(c.base_box.height() / std::exp(c.base_log_height), 0.05 * xh);
  f[21] = squeeze(std::log(std::max(c.box.height(), 0.05 * xh) / digit) - c.log_height);
  f[22] = squeeze((c.box.y1 - c.base_box.y1) / digit);
  f[23] = squeeze((c.box.y0 - c.base_box.y0) / digit);
  // Letters and digits share a kind (a capital sits as a digit does), but not their scripts: a
  // digit low after a capital is its subscript (X_1), after a digit it never is.
  f[24] = is_letter(c.base_label) ? 1.f : 0.f;
  f[25] = is_digit(c.base_label) ? 1.f : 0.f;
  f[26] = is_letter(c.label) ? 1.f : 0.f;
  f[27] = is_digit(c.label) ? 1.f : 0.f;
  return f;
}

RelationModel relation_model_from_json(const std::string& text) {
  const auto j = nlohmann::json::parse(text, nullptr, false);
  if (j.is_discarded() || !j.is_object()) throw Error("model: relations part: not a JSON object");
  RelationModel m;
  try {
    m.version = j.contains("version") ? j.at("version").get<int>() : 1;
    if (m.version != kRelationFeaturesVersion) return m;
    const nlohmann::json& hidden = j.at("hidden");
    if (!hidden.is_number_integer() || hidden.get<long long>() < 1 || hidden.get<long long>() > 4096)
      throw Error("model: relations part: bad hidden size");
    m.hidden = hidden.get<int>();
    const size_t h = size_t(m.hidden), n = kRelationFeatures;
    m.mean = floats(j, "mean", n, 0);
    m.scale = floats(j, "scale", n, 0);
    m.w1 = floats(j, "w1", h, n);
    m.b1 = floats(j, "b1", h, 0);
    m.w2 = floats(j, "w2", 3, h);
    m.b2 = floats(j, "b2", 3, 0);
  } catch (const nlohmann::json::exception&) {
    throw Error("model: relations part: needs version, hidden, mean, scale, w1, b1, w2, b2 as numbers");
  }
  return m;
}

std::array<double, 3> relation_probabilities(const RelationModel& m, const RelationFeatures& f) {
  std::array<float, kRelationFeatures> x{};
  for (int i = 0; i < kRelationFeatures; ++i) x[i] = (f[i] - m.mean[i]) / m.scale[i];
  float score[3];
  for (int k = 0; k < 3; ++k) score[k] = m.b2[k];
  for (int h = 0; h < m.hidden; ++h) {
    float a = m.b1[h];
    for (int i = 0; i < kRelationFeatures; ++i) a += m.w1[size_t(h) * kRelationFeatures + i] * x[i];
    a = std::tanh(a);
    for (int k = 0; k < 3; ++k) score[k] += m.w2[size_t(k) * m.hidden + h] * a;
  }
  const float top = *std::max_element(score, score + 3);
  std::array<double, 3> p{};
  double total = 0;
  for (int k = 0; k < 3; ++k) total += p[size_t(k)] = std::exp(double(score[k] - top));
  for (double& v : p) v /= total;
  return p;
}

}  // namespace inkmath
