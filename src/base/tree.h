// The layout tree of an expression: rows of symbols, each with scripts; fractions; roots.
// Symbols are referred to by their index in the reading's symbol list.
#pragma once
#include <vector>

namespace inkmath {

struct LayoutNode;
using LayoutRow = std::vector<LayoutNode>;

struct LayoutNode {
  enum class Type { Symbol, Fraction, Root };
  Type type = Type::Symbol;
  int symbol = -1;           // the symbol itself; for a fraction its bar, for a root its radical sign
  LayoutRow sub, sup;        // scripts, or limits below/above a big operator
  LayoutRow first, second;   // fraction: numerator, denominator; root: index, body
};

}  // namespace inkmath
