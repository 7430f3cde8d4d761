// Written lines: a page of work (one step under another) split into its lines, top to bottom.
#pragma once
#include <array>
#include <vector>

#include "ink/ink.h"
#include "lines/params.h"

namespace inkmath {

struct InkLine {
  std::vector<int> strokes;  // indices into the page's ink, in writing order
  Box box;
};


// Splits the page's non-empty strokes into written lines, ordered top to bottom. A line is
// ink whose heights overlap, chained sideways (so a slanted line stays one), with groups
// side by side and close in height (scripts, spaced-out parts) joined; a fraction bar
// joins its numerator and denominator to its line, a group much smaller than a tall stroke just
// above or below it (a limit) joins that stroke's line, a stroke whose height covers ink of two lines joins them,
// and a dot joins the nearest line. Strokes of one of `together` (symbols the user fixed) stay
// in one line. Ink without points gives no lines.
std::vector<InkLine> split_lines(const Ink& ink, const std::vector<std::vector<int>>& together = {},
                                 const LineParams& params = {});

// Two groups of strokes that the rules left apart, each with a tall stroke, close enough to be one line, and their
// features in the order of LineParams::Merge's weights: what the learned decision sees.
constexpr int kPairFeatures = 12;
struct GroupPair {
  std::vector<int> a, b;  // stroke indices
  std::array<double, kPairFeatures> features;
};

// The pairs the learned decision is asked about first on this page (for fitting it:
// scripts/fit-lines through `inkmath pages --pairs`).
std::vector<GroupPair> undecided_pairs(const Ink& ink, const LineParams& params = {});

}  // namespace inkmath
