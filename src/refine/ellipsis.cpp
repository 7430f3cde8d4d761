#include "refine/ellipsis.h"

#include <algorithm>
#include <cmath>

namespace inkmath {

namespace {

// True when no symbol other than the dots a and b has its centre between theirs and covers
// their line.
bool nothing_between(const std::vector<RecognizedSymbol>& symbols, int a, int b, double size) {
  const Box& p = symbols[a].box;
  const Box& q = symbols[b].box;
  const double y = (p.cy() + q.cy()) / 2;
  for (int i = 0; i < int(symbols.size()); ++i) {
    if (i == a || i == b) continue;
    const Box& s = symbols[i].box;
    if (s.cx() > p.cx() && s.cx() < q.cx() && s.y0 < y + 0.5 * size && s.y1 > y - 0.5 * size) return false;
  }
  return true;
}

}  // namespace

int merge_ellipses(std::vector<RecognizedSymbol>& symbols, double size, double step, double rise) {
  std::vector<int> dots;
  for (int i = 0; i < int(symbols.size()); ++i)
    if (symbols[i].label == ".") dots.push_back(i);
  if (dots.size() < 3) return 0;
  std::sort(dots.begin(), dots.end(), [&](int a, int b) { return symbols[a].box.cx() < symbols[b].box.cx(); });
  const auto follows = [&](int a, int b) {
    const Box& p = symbols[a].box;
    const Box& q = symbols[b].box;
    return q.cx() - p.cx() <= step * size && std::abs(q.cy() - p.cy()) <= rise * size &&
           nothing_between(symbols, a, b, size);
  };
  std::vector<bool> gone(symbols.size(), false);
  int merged = 0;
  for (size_t k = 0; k + 2 < dots.size();) {
    const int a = dots[k], b = dots[k + 1], c = dots[k + 2];
    if (!follows(a, b) || !follows(b, c)) {
      ++k;
      continue;
    }
    RecognizedSymbol& e = symbols[a];
    for (int other : {b, c}) {
      e.strokes.insert(e.strokes.end(), symbols[other].strokes.begin(), symbols[other].strokes.end());
      e.box = merge(e.box, symbols[other].box);
      e.score = std::min(e.score, symbols[other].score);
      gone[other] = true;
    }
    std::sort(e.strokes.begin(), e.strokes.end());
    e.label = "\\ldots";
    e.alternatives = {{e.label, e.score}};
    e.fixed = e.fixed && symbols[b].fixed && symbols[c].fixed;
    ++merged;
    k += 3;
  }
  if (merged == 0) return 0;
  std::vector<RecognizedSymbol> kept;
  for (int i = 0; i < int(symbols.size()); ++i)
    if (!gone[i]) kept.push_back(std::move(symbols[i]));
  symbols = std::move(kept);
  return merged;
}

}  // namespace inkmath
