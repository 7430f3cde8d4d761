// Per-point features of one symbol, the network's input. The training scripts get
// their features from this same code (through `inkmath dataset`), so the two never drift.
#pragma once
#include <Eigen/Core>
#include <string>
#include <vector>

#include "ink/ink.h"

namespace inkmath {

enum class FeatureSet {
  online,          // x, y, direction (cos, sin), curvature (cos, sin), pen-up before the point
  online_context,  // online + a 3x3 patch of the blurred rendered symbol around the point
};

int feature_count(FeatureSet set);
FeatureSet feature_set_from_name(const std::string& name);  // throws Error on unknown names
std::string feature_set_name(FeatureSet set);

// strokes: the raw strokes of one symbol. Returns points × feature_count(set).
Eigen::MatrixXf symbol_features(const std::vector<Stroke>& strokes, FeatureSet set, int points);

}  // namespace inkmath
