#include "structure/relations.h"

#include <algorithm>
#include <cmath>

namespace inkmath {

namespace {

#include "structure/relation_weights.inc"

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
  return f;
}

bool has_learned_relations() { return kRelationHidden > 0; }

char learned_relation(const RelationFeatures& f) {
  // A small MLP: standardized features -> tanh hidden layer -> scores for R, ^, _.
  std::array<float, kRelationFeatures> x{};
  for (int i = 0; i < kRelationFeatures; ++i) x[i] = (f[i] - kRelationMean[i]) / kRelationScale[i];
  float score[3];
  for (int k = 0; k < 3; ++k) score[k] = kRelationB2[k];
  for (int h = 0; h < kRelationHidden; ++h) {
    float a = kRelationB1[h];
    for (int i = 0; i < kRelationFeatures; ++i) a += kRelationW1[h][i] * x[i];
    a = std::tanh(a);
    for (int k = 0; k < 3; ++k) score[k] += kRelationW2[k][h] * a;
  }
  const int best = int(std::max_element(score, score + 3) - score);
  return "R^_"[best];
}

}  // namespace inkmath
