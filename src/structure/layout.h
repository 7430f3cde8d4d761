// The layout tree of an expression: rows of symbols, each with scripts; fractions; roots.
#pragma once
#include <functional>
#include <string>
#include <vector>

#include "ink/ink.h"

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

// What the parser needs to know of each symbol.
struct PlacedSymbol {
  std::string label;
  Box box;
};

// Spatial-relation thresholds, in units of the base's x-height; the defaults are the best
// expression rate on the training set's ground-truth symbols (scripts/fit-layout).
struct LayoutParams {
  double superscript = 0.8;  // a symbol centred this far above the base's line is a superscript
  double subscript = 0.8;    // ... this far below is a subscript
  double box_weight = 0.5;   // symbol centre: 0 = centre of its own x-height band, 1 = centre of its box
  double size_weight = 1.0;  // 1: thresholds shrink in proportion to how much smaller than the base a symbol is
  double continuation = 0.3; // a symbol this close to the last script's line (in its x-heights) continues it
  bool learned = true;       // row or script between two letters or digits: the learned model
                             // (structure/relations.h) where fitted, else the thresholds above
};

// For fitting the learned relations: the parser asks `truth` (symbol indices of base and t;
// 'R', '^', '_' or 0 for unknown) and follows it, and records each decision the model makes.
struct RelationSample {
  std::vector<float> features;
  char truth;
};
struct LayoutTeacher {
  std::function<char(int base, int t)> truth;
  std::vector<RelationSample> samples;
};

LayoutRow parse_rows(const std::vector<PlacedSymbol>& symbols, const LayoutParams& params = {},
                     LayoutTeacher* teacher = nullptr);

}  // namespace inkmath
