#include "structure/ellipsis.h"

#include <algorithm>
#include <cmath>

namespace inkmath {

namespace {

// Between the centres of neighbouring dots of an ellipsis, in typical stroke sizes: on
// train2014's \ldots, 99% of the horizontal steps are under 2.5 and of the vertical ones under 0.31.
constexpr double kMaxStep = 2.5;
constexpr double kMaxRise = 0.4;

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

int merge_ellipses(const Ink& ink, std::vector<RecognizedSymbol>& symbols) {
  std::vector<int> dots;
  for (int i = 0; i < int(symbols.size()); ++i)
    if (symbols[i].label == ".") dots.push_back(i);
  if (dots.size() < 3) return 0;
  const double size = typical_stroke_size(ink);
  std::sort(dots.begin(), dots.end(), [&](int a, int b) { return symbols[a].box.cx() < symbols[b].box.cx(); });
  const auto follows = [&](int a, int b) {
    const Box& p = symbols[a].box;
    const Box& q = symbols[b].box;
    return q.cx() - p.cx() <= kMaxStep * size && std::abs(q.cy() - p.cy()) <= kMaxRise * size &&
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
