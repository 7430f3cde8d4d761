#include "structure/symbol_kind.h"

#include <cctype>
#include <set>

namespace inkmath {

SymbolKind symbol_kind(const std::string& label) {
  static const std::set<std::string> small = {"a", "c", "e", "m", "n", "o", "r", "s", "u", "v", "w", "x", "z",
                                              "\\alpha", "\\pi", "\\sigma", "\\infty", "\\in", "\\cos"};
  static const std::set<std::string> descender = {"g", "p", "q", "y", "\\mu", "\\gamma", "\\rho", "\\eta", "\\chi"};
  static const std::set<std::string> both = {"f", "j", "\\beta", "\\phi", "\\psi", "\\xi", "\\zeta", "\\log"};
  static const std::set<std::string> ops = {"+",       "-",         "=",          "\\times", "\\div", "\\pm",
                                            "\\neq",   "\\leq",     "\\geq",      "\\lt",    "\\gt",  "<",
                                            ">",       "\\rightarrow", "/",       "\\cdot",  "\\sim", "\\approx",
                                            "\\forall", "\\exists", "\\leftarrow", "\\mp"};
  static const std::set<std::string> low = {",", ".", "\\ldots"};
  static const std::set<std::string> high = {"\\prime", "'"};
  static const std::set<std::string> tall = {"(", ")", "[", "]", "\\{", "\\}", "|", "\\sqrt"};
  static const std::set<std::string> big = {"\\sum", "\\prod", "\\int"};
  if (small.count(label)) return SymbolKind::Small;
  if (descender.count(label)) return SymbolKind::Descender;
  if (both.count(label)) return SymbolKind::Both;
  if (ops.count(label)) return SymbolKind::Operator;
  if (low.count(label)) return SymbolKind::Low;
  if (high.count(label)) return SymbolKind::High;
  if (tall.count(label)) return SymbolKind::Tall;
  if (big.count(label)) return SymbolKind::BigOperator;
  return SymbolKind::Ascender;  // digits, capitals, b d h i k l t, ! and the function names
}

LineEstimate line_estimate(const std::string& label, const Box& b, double xh) {
  const double h = b.height();
  switch (symbol_kind(label)) {
    case SymbolKind::Small: return {b.cy(), h, true};
    case SymbolKind::Ascender: return {b.y1 - 0.3 * h, 0.6 * h, true};
    case SymbolKind::Descender: return {b.y0 + 0.3 * h, 0.6 * h, true};
    case SymbolKind::Both: return {b.cy(), 0.5 * h, true};
    case SymbolKind::Tall: return {b.cy(), 0.5 * h, true};
    case SymbolKind::BigOperator: return {b.cy(), 0.5 * h, true};
    case SymbolKind::Low: return {b.y1 - 0.5 * xh, xh, false};
    case SymbolKind::High: return {b.y1 + 0.5 * xh, xh, false};
    case SymbolKind::Operator: return {b.cy(), xh, false};
  }
  return {b.cy(), h, true};
}

}  // namespace inkmath
