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
  online_context_size,  // online_context + the symbol's height and width relative to the
                        // writer's scale, which tells x from X, p from P, a comma from a ')'
};

int feature_count(FeatureSet set);
FeatureSet feature_set_from_name(const std::string& name);  // throws Error on unknown names
std::string feature_set_name(FeatureSet set);

// strokes: the raw strokes of one symbol; writer_scale: the typical stroke size of the whole
// ink (typical_stroke_size), or 0 where there is no other ink than the symbol's.
// Returns points × feature_count(set).
Eigen::MatrixXf symbol_features(const std::vector<Stroke>& strokes, FeatureSet set, int points, double writer_scale = 0);

}  // namespace inkmath
