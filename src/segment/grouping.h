// The learned part of segmentation: whether the next stroke in grouping order belongs to the
// same symbol as the strokes before it, from the geometry of the two (gaps, overlaps, sizes,
// shapes). scripts/fit-grouping fits it on train2014's truth symbols (`inkmath grouping` writes
// the samples with these features); its weights are the model file's "grouping" part.
#pragma once
#include <algorithm>
#include <array>
#include <string>
#include <vector>

#include "ink/ink.h"

namespace inkmath {

constexpr int kGroupingFeatures = 23;
// Changes whenever grouping_features() computes something else: a part fitted on other features
// is stale, and recognition falls back to the largest gap.
constexpr int kGroupingFeaturesVersion = 2;
using GroupingFeatures = std::array<float, kGroupingFeatures>;

// A stroke whose box is this small, in typical stroke sizes, is a mark (a dot) that sits near
// its symbol rather than on it.
inline bool small_mark(const Box& b, double size) { return std::max(b.width(), b.height()) < 0.35 * size; }

// The features of adding the stroke order[begin + count] to the group order[begin, begin + count),
// in units of `size`, the typical stroke size.
GroupingFeatures grouping_features(const Ink& ink, const std::vector<int>& order, int begin, int count, double size);

// A small MLP: standardized features -> tanh hidden layer -> logit of "joins the group".
struct GroupingModel {
  int hidden = 0;                  // 0: no model; candidates keep to the largest gap
  int version = kGroupingFeaturesVersion;  // of the features it was fitted on
  std::vector<float> mean, scale;  // kGroupingFeatures each
  std::vector<float> w1, b1;       // hidden x kGroupingFeatures (row-major), hidden
  std::vector<float> w2;           // hidden
  float b2 = 0;
  double threshold = 0.05;         // a group grows only by strokes at least this likely to join it
};

// The model file's "grouping" part: {"version": V, "hidden": H, "mean": [...], "scale": [...],
// "w1": [[...]...], "b1": [...], "w2": [...], "b2": B, "threshold": T}. Throws Error when the
// shapes do not fit. A part of another features version is read as far as its version only.
GroupingModel grouping_model_from_json(const std::string& text);

// P(the stroke joins the group), model.hidden > 0.
double join_probability(const GroupingModel& model, const GroupingFeatures& f);

}  // namespace inkmath
