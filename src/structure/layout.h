// Structure analysis: the 2D layout of symbols (their labels and boxes) as a tree of rows,
// scripts, fractions, roots and big operators.
#pragma once
#include <functional>
#include <string>
#include <vector>

#include "base/box.h"
#include "base/tree.h"
#include "structure/params.h"
#include "structure/relations.h"

namespace inkmath {

// What the parser needs to know of each symbol.
struct PlacedSymbol {
  std::string label;
  Box box;
  double log_height = 0;  // how tall its label is written (base/typical_heights.h); 0: as a digit
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

// relations: the learned row/script model, or none (the thresholds of `params` decide).
// log_probability, when given, receives the sum of ln P of the learned model's decisions: how
// sure the model is of the layout (0 where the rules decided everything).
LayoutRow parse_rows(const std::vector<PlacedSymbol>& symbols, const LayoutParams& params = {},
                     const RelationModel* relations = nullptr, LayoutTeacher* teacher = nullptr,
                     double* log_probability = nullptr);

}  // namespace inkmath
