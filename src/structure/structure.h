// Structure analysis: the 2D layout of recognized symbols, as a tree and as LaTeX.
#pragma once
#include <string>
#include <vector>

#include "api/inkmath.h"
#include "structure/layout.h"

namespace inkmath {

struct Layout {
  std::string latex;
  nlohmann::json tree;
};

// May relabel a symbol with one of its alternatives where the layout calls for it (a root sign
// read as a letter), keeping the alternatives best first with the label at the front, and
// merge three dots in a row into one \ldots.
Layout parse_layout(const Ink& ink, std::vector<RecognizedSymbol>& symbols, const LayoutParams& params = {});

}  // namespace inkmath
