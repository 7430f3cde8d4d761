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

Layout parse_layout(const Ink& ink, const std::vector<RecognizedSymbol>& symbols, const LayoutParams& params = {});

}  // namespace inkmath
