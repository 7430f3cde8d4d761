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

// The classifier may read two of three dots as one \ldots: such an ellipsis of fewer than three
// strokes takes the dots beside it on its line, nearest first, until it has three.
int complete_ellipses(std::vector<RecognizedSymbol>& symbols, double size, double step, double rise) {
  std::vector<bool> gone(symbols.size(), false);
  int grown = 0;
  for (int e = 0; e < int(symbols.size()); ++e) {
    if (gone[e] || symbols[e].label != "\\ldots") continue;
    const size_t before = symbols[e].strokes.size();
    while (symbols[e].strokes.size() < 3) {
      const Box& p = symbols[e].box;
      int nearest = -1;
      double best = step * size;
      for (int i = 0; i < int(symbols.size()); ++i) {
        if (gone[i] || i == e || symbols[i].label != ".") continue;
        const Box& q = symbols[i].box;
        const double gap = q.cx() > p.x1 ? q.cx() - p.x1 : q.cx() < p.x0 ? p.x0 - q.cx() : -1;
        if (gap < 0 || gap > best || std::abs(q.cy() - p.cy()) > rise * size) continue;
        const int left = q.cx() < p.x0 ? i : e, right = left == i ? e : i;
        if (!nothing_between(symbols, left, right, size)) continue;
        best = gap;
        nearest = i;
      }
      if (nearest < 0) break;
      RecognizedSymbol& s = symbols[e];
      take_strokes(s, symbols[nearest]);
      s.score = std::min(s.score, symbols[nearest].score);
      s.alternatives = {{s.label, s.score}};
      s.fixed = s.fixed && symbols[nearest].fixed;
      gone[nearest] = true;
    }
    grown += symbols[e].strokes.size() > before;
  }
  if (grown == 0) return 0;
  drop_gone(symbols, gone);
  return grown;
}

}  // namespace

int merge_ellipses(std::vector<RecognizedSymbol>& symbols, double size, double step, double rise) {
  const int completed = complete_ellipses(symbols, size, step, rise);
  std::vector<int> dots;
  for (int i = 0; i < int(symbols.size()); ++i)
    if (symbols[i].label == ".") dots.push_back(i);
  if (dots.size() < 3) return completed;
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
      take_strokes(e, symbols[other]);
      e.score = std::min(e.score, symbols[other].score);
      gone[other] = true;
    }
    e.label = "\\ldots";
    e.alternatives = {{e.label, e.score}};
    e.fixed = e.fixed && symbols[b].fixed && symbols[c].fixed;
    ++merged;
    k += 3;
  }
  if (merged == 0) return completed;
  drop_gone(symbols, gone);
  return completed + merged;
}

}  // namespace inkmath
