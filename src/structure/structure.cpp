#include "structure/structure.h"

#include "latex/write.h"
#include "structure/alternatives.h"
#include "structure/ellipsis.h"

namespace inkmath {

Layout parse_layout(const Ink& ink, std::vector<RecognizedSymbol>& symbols, const LayoutParams& params) {
  merge_ellipses(ink, symbols);
  prefer_structural_alternatives(symbols);
  std::vector<PlacedSymbol> placed;
  std::vector<std::string> labels;
  for (const auto& s : symbols) {
    placed.push_back({s.label, s.box});
    labels.push_back(s.label);
  }
  const LayoutRow row = parse_rows(placed, params);
  return {write_latex(row, labels), layout_json(row, labels)};
}

}  // namespace inkmath
