// Candidate stroke groups for segmentation: which sets of strokes might form one symbol.
#pragma once
#include <vector>

#include "ink/ink.h"
#include "segment/grouping.h"
#include "segment/params.h"

namespace inkmath {

// The order in which strokes are grouped: writing order, except that a stroke added later to an
// earlier symbol (the dot of an i, the bar of a 7, the second stroke of an x) moves right after
// the stroke it touches. `strokes` are the indices to order (non-empty strokes).
std::vector<int> grouping_order(const Ink& ink, const std::vector<int>& strokes, double typical_size);

// Groups of consecutive strokes in `order` (positions [begin, begin + count)) that may be one
// symbol. Returns, for each begin position, the allowed counts. Without a grouping model, a group
// grows by the next stroke while it lies within limits.max_gap; with one, while the model gives
// the stroke at least `threshold` of joining. `join`, when given, receives for each begin the
// model's probability of each growth tried, the refused one included (empty without a model).
std::vector<std::vector<int>> candidate_groups(const Ink& ink, const std::vector<int>& order, double typical_size,
                                               const SegmentationLimits& limits, const GroupingModel* model = nullptr,
                                               double threshold = 0, std::vector<std::vector<double>>* join = nullptr);

}  // namespace inkmath
