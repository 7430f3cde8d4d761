// Candidate stroke groups for segmentation: which sets of strokes might form one symbol.
#pragma once
#include <vector>

#include "ink/ink.h"
#include "segment/params.h"

namespace inkmath {

// The order in which strokes are grouped: writing order, except that a stroke added later to an
// earlier symbol (the dot of an i, the bar of a 7, the second stroke of an x) moves right after
// the stroke it touches. `strokes` are the indices to order (non-empty strokes).
std::vector<int> grouping_order(const Ink& ink, const std::vector<int>& strokes, double typical_size);

// Groups of consecutive strokes in `order` (positions [begin, begin + count)) that are close
// enough to be one symbol. Returns, for each begin position, the allowed counts.
std::vector<std::vector<int>> candidate_groups(const Ink& ink, const std::vector<int>& order, double typical_size,
                                               const SegmentationLimits& limits);

}  // namespace inkmath
