// Where the parts of a fraction and of a root lie, judged once: the layout builds structures
// with these, and refinement asks the same questions before it makes a symbol a root sign or a
// fraction bar.
#pragma once
#include <algorithm>

#include "base/box.h"

namespace inkmath {

inline double horizontal_overlap(const Box& a, const Box& b) {
  return std::max(0.0, std::min(a.x1, b.x1) - std::max(a.x0, b.x0));
}

// t stands in a fraction bar's column: at least half of its width over the bar.
inline bool in_bar_column(const Box& bar, const Box& t) {
  return horizontal_overlap(t, bar) >= 0.5 * std::max(t.width(), 1e-9);
}

// t is in a root sign's body: it starts inside the sign, right of the sign's hook (it may reach
// below the sign, as a fraction's denominator does). The hook is as wide as the sign is tall,
// not as long as its bar: under a long bar the body starts soon after the hook.
inline bool in_root_body(const Box& sign, const Box& t) {
  const double w = sign.width(), h = sign.height();
  const double hook = std::min(0.2 * w, 0.3 * h);
  return t.cy() > sign.y0 && t.y0 < sign.y1 && t.cx() > sign.x0 + hook && t.cx() < sign.x1 + 0.1 * w;
}

}  // namespace inkmath
