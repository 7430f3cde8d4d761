// The learned part of structure analysis: whether a symbol written after a base symbol goes on
// the same row, into its superscript or into its subscript, from the geometry of the two (and of
// the script being written). The model is fitted on train2014's truth layouts by
// scripts/fit-relations, which writes its weights into relation_weights.inc.
#pragma once
#include <array>
#include <string>

#include "structure/symbol_kind.h"

namespace inkmath {

// What the parser knows when it places symbol t after the base symbol.
struct RelationContext {
  std::string base_label;
  Box base_box;
  LineEstimate line;        // the row's line, as estimated so far
  std::string label;        // t
  Box box;
  LineEstimate own;         // t's own estimate of its line
  char script = 'R';        // the script the previous symbol went into: 'R' none, '^' or '_'
  LineEstimate script_line; // that script's line
};

constexpr int kRelationFeatures = 21;
using RelationFeatures = std::array<float, kRelationFeatures>;

RelationFeatures relation_features(const RelationContext& c);

// 'R', '^' or '_': the most probable relation. False from has_learned_relations() when the
// model has not been fitted, and the parser keeps to its rules.
char learned_relation(const RelationFeatures& f);
bool has_learned_relations();

}  // namespace inkmath
