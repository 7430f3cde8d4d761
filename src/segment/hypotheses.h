// Candidate stroke groups for segmentation: which sets of strokes might form one symbol.
#pragma once
#include <vector>

#include "ink/ink.h"

namespace inkmath {

struct SegmentationLimits {
  int max_group_strokes = 4;        // strokes in one symbol (CROHME symbols have at most 4 or so)
  double max_gap = 0.6;  // largest gap inside a group, in typical stroke sizes: 1.3 reads 1% more
                        // expressions (the bars of an = can be far apart) but proposes more
                        // candidates than the page's 100 ms after pen-up allows
};

// The order in which strokes are grouped: writing order, except that a stroke added later to an
// earlier symbol (the dot of an i, the bar of a 7, the second stroke of an x) moves right after
// the stroke it touches. `strokes` are the indices to order (non-empty strokes).
std::vector<int> grouping_order(const Ink& ink, const std::vector<int>& strokes, double typical_size);

// Groups of consecutive strokes in `order` (positions [begin, begin + count)) that are close
// enough to be one symbol. Returns, for each begin position, the allowed counts.
std::vector<std::vector<int>> candidate_groups(const Ink& ink, const std::vector<int>& order, double typical_size,
                                               const SegmentationLimits& limits);

}  // namespace inkmath
