// The learned part of structure analysis: whether a symbol written after a base symbol goes on
// the same row, into its superscript or into its subscript, from the geometry of the two (and of
// the script being written). The model is fitted on train2014's truth layouts by
// scripts/fit-relations, whose weights are the model file's "relations" part.
#pragma once
#include <array>
#include <string>
#include <vector>

#include "structure/symbol_kind.h"

namespace inkmath {

// What the parser knows when it places symbol t after the base symbol.
struct RelationContext {
  std::string base_label;
  Box base_box;
  double base_log_height = 0;  // how tall each label is written (base/typical_heights.h)
  LineEstimate line;        // the row's line, as estimated so far
  std::string label;        // t
  Box box;
  double log_height = 0;
  LineEstimate own;         // t's own estimate of its line
  char script = 'R';        // the script the previous symbol went into: 'R' none, '^' or '_'
  LineEstimate script_line; // that script's line
};

constexpr int kRelationFeatures = 28;
// Raised whenever relation_features changes; a part fitted on other features is stale.
constexpr int kRelationFeaturesVersion = 3;
using RelationFeatures = std::array<float, kRelationFeatures>;

RelationFeatures relation_features(const RelationContext& c);

// A small MLP: standardized features -> tanh hidden layer -> scores for R, ^, _.
struct RelationModel {
  int hidden = 0;  // 0: no model; the parser keeps to its rules
  int version = kRelationFeaturesVersion;  // of the features it was fitted on
  std::vector<float> mean, scale;  // kRelationFeatures each
  std::vector<float> w1, b1;       // hidden x kRelationFeatures (row-major), hidden
  std::vector<float> w2, b2;       // 3 x hidden (row-major), 3
};

// The model file's "relations" part: {"version": V, "hidden": H, "mean": [...], "scale": [...],
// "w1": [[...]...], "b1": [...], "w2": [[...]...], "b2": [...]} (no version: 1). Throws Error
// when the shapes do not fit. A part of another features version is read as far as its version.
RelationModel relation_model_from_json(const std::string& text);

// P(R), P(^), P(_) (model.hidden > 0): the parser takes the most probable.
std::array<double, 3> relation_probabilities(const RelationModel& model, const RelationFeatures& f);

}  // namespace inkmath
