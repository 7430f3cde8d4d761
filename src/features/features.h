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
  online_context_size_place,  // ... + how high it sits against its neighbours (a prime from a comma)
};

// What the ink around a symbol says about it. Default: nothing (a symbol written alone).
struct Surroundings {
  double writer_scale = 0;      // typical_stroke_size of the whole ink; 0: the symbol's own
  bool has_neighbours = false;  // else the median centre and bottom (y) of its nearest upright
  double neighbour_center = 0;  // neighbouring strokes, which say where the line is
  double neighbour_bottom = 0;
};

// The scale the size and place features measure in: the ink's typical stroke size, rounded to
// a step of 2^(1/kWriterScaleSteps). A new stroke then seldom changes it, so a recognition
// session keeps the classifier's output for every group the stroke does not touch.
inline constexpr int kWriterScaleSteps = 8;  // per doubling: within 4.4% of the typical size
// The writer's earlier ink, where it is known (a page keeps it from the child's earlier
// answers): its typical stroke size, in this ink's units, counts as `strokes` strokes of this
// ink (their sizes' logarithms averaged). A symbol written alone is otherwise its own scale,
// and its size says nothing: a lone P reads as p, X as x, ( as 1. 0: not known.
struct EarlierInk {
  double stroke_size = 0;
  // On valid2013, each file given the median typical stroke size of its writer's other files:
  // symbols each as its own ink read 87.65% right at 3 (84.22% without), 87.57% at 2, 87.83%
  // at 4, 88.26% with the earlier size alone; whole expressions 50.37 / 65.42 / 73.03% (exact,
  // within 1, 2) at 3, 50.22 / 64.68 / 72.73% without, 49.33 / 64.53 / 71.54% with it alone.
  double strokes = 3;
};
double writer_scale(const Ink& ink, const EarlierInk& earlier = {});
// The writer's scales, other than writer_scale(ink, earlier), that one stroke more (of any
// size) or one stroke fewer can give, nearest first: at most kMaxScalesAway steps either side.
// A session classifies ahead in these (pipeline/classifier_cache.h).
inline constexpr int kMaxScalesAway = 4;
std::vector<double> writer_scales_one_stroke_away(const Ink& ink, const EarlierInk& earlier = {});

// The surroundings of the strokes `group` of `ink`, whose writer_scale() is writer_scale;
// boxes: stroke_boxes(ink), computed once for all the groups of an ink.
Surroundings surroundings(const Ink& ink, const std::vector<Box>& boxes, const std::vector<int>& group,
                          double writer_scale);

int feature_count(FeatureSet set);
// How many of the last features are the same for every point: the group's size and place. A
// network may take them beside its sequence rather than at every step (nn/network.h).
int group_feature_count(FeatureSet set);
// Those group_feature_count(set) values for one symbol: the last columns of every row of
// symbol_features().
Eigen::VectorXf group_features(const std::vector<Stroke>& strokes, FeatureSet set, const Surroundings& around);
FeatureSet feature_set_from_name(const std::string& name);  // throws Error on unknown names
std::string feature_set_name(FeatureSet set);

// strokes: the raw strokes of one symbol. Returns points × feature_count(set). glyph, when
// given, receives the symbol as the offline view sees it: the normalized strokes rendered and
// blurred, glyph_side() pixels square, row by row (the image the context patches come from).
Eigen::MatrixXf symbol_features(const std::vector<Stroke>& strokes, FeatureSet set, int points,
                                const Surroundings& around = {}, Eigen::VectorXf* glyph = nullptr);
int glyph_side();

}  // namespace inkmath
