// Writing a layout tree as LaTeX that KaTeX renders, and as JSON for the page.
#pragma once
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "base/tree.h"

namespace inkmath {

// A symbol label as LaTeX: \lt -> <, \gt -> >; other labels are already LaTeX.
std::string latex_symbol(const std::string& label);

std::string write_latex(const LayoutRow& row, const std::vector<std::string>& labels);

// {"type": "row", "children": [{"type": "symbol", "symbol": 3, "label": "x", "sup": {row}}, ...]};
// fractions {"type": "fraction", "symbol": bar, "numerator", "denominator"}; roots {"type": "root",
// "symbol": sign, "index"?, "body"}.
nlohmann::json layout_json(const LayoutRow& row, const std::vector<std::string>& labels);

// Lines written one under another, as one formula: aligned at their first relation sign
// (\begin{aligned}2x+3 &= 11 \\ 2x &= 8\end{aligned}) when every line has one outside any
// braces, else centred (\begin{gathered}...\end{gathered}). One line is returned as it is.
std::string join_lines(const std::vector<std::string>& lines);

}  // namespace inkmath
