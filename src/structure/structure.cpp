#include "structure/structure.h"

#include <algorithm>
#include <numeric>

namespace inkmath {

Layout parse_layout(const Ink&, const std::vector<RecognizedSymbol>& symbols) {
  std::vector<int> order(symbols.size());
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(), [&](int a, int b) { return symbols[a].box.x0 < symbols[b].box.x0; });
  Layout layout;
  layout.tree = {{"type", "row"}, {"children", nlohmann::json::array()}};
  for (int i : order) {
    if (!layout.latex.empty()) layout.latex += ' ';
    layout.latex += symbols[i].label;
    layout.tree["children"].push_back({{"type", "symbol"}, {"symbol", i}});
  }
  return layout;
}

}  // namespace inkmath
