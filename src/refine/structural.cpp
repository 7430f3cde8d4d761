#include "refine/structural.h"

#include <algorithm>

#include "base/geometry.h"

namespace inkmath {

namespace {

const Alternative* find_alternative(const RecognizedSymbol& s, const std::string& label, float min_score) {
  for (const Alternative& a : s.alternatives)
    if (a.label == label && a.score >= min_score) return &a;
  return nullptr;
}

// Another, clearly smaller symbol sits where the body of a root sign of this box would be.
bool encloses_symbols(const std::vector<RecognizedSymbol>& symbols, size_t i) {
  const Box& r = symbols[i].box;
  for (size_t j = 0; j < symbols.size(); ++j)
    if (j != i && in_root_body(r, symbols[j].box) && symbols[j].box.height() < 0.8 * r.height()) return true;
  return false;
}

// A flat mark with symbols in its column clearly above it and clearly below it.
bool spans_above_and_below(const std::vector<RecognizedSymbol>& symbols, size_t i) {
  const Box& b = symbols[i].box;
  if (b.width() < 2 * std::max(b.height(), 1e-9)) return false;
  bool above = false, below = false;
  for (size_t j = 0; j < symbols.size(); ++j) {
    const Box& t = symbols[j].box;
    if (j == i || !in_bar_column(b, t)) continue;
    above = above || t.y1 < b.cy();
    below = below || t.y0 > b.cy();
  }
  return above && below;
}

}  // namespace

int prefer_structural_alternatives(std::vector<RecognizedSymbol>& symbols, float min_score) {
  int changed = 0;
  for (size_t i = 0; i < symbols.size(); ++i) {
    RecognizedSymbol& s = symbols[i];
    if (s.fixed || s.label == "\\sqrt" || s.label == "-") continue;
    if (const Alternative* a = find_alternative(s, "\\sqrt", min_score); a && encloses_symbols(symbols, i)) {
      choose_alternative(s, *a);
      ++changed;
    } else if (const Alternative* b = find_alternative(s, "-", min_score); b && spans_above_and_below(symbols, i)) {
      choose_alternative(s, *b);
      ++changed;
    }
  }
  return changed;
}

}  // namespace inkmath
