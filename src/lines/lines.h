// Written lines: a page of work (one step under another) split into its lines, top to bottom.
#pragma once
#include <vector>

#include "ink/ink.h"

namespace inkmath {

struct InkLine {
  std::vector<int> strokes;  // indices into the page's ink, in writing order
  Box box;
};

// Distances are in typical stroke sizes (the writer's scale), fractions of a height otherwise.
// Fitted on stacked train2014 expressions by scripts/fit-lines.
struct LineParams {
  double overlap = 0.4;         // tall strokes share a line when their heights overlap this much of the smaller one's
  double reach = 3.0;           // ... and at most this far apart sideways
  double near = 0.5;            // ink this close (box to box) is one line
  double tall = 0.6;            // strokes at least this tall make the lines; smaller ones join the nearest
  double space = 8.0;           // groups side by side share a line when at most this far apart sideways...
  double rise = 0.5;            // ... and this far apart in height
  double beside_overlap = 0.5;  // ... and overlapping sideways by at most this much of the narrower
  double bar_gap = 1.5;         // a fraction bar joins numerator and denominator this close to it
  double limit = 0.6;           // a group at most this much as tall as a stroke just above or below it...
  double limit_gap = 0.8;       // ... and this close to it is a limit or a script of that stroke's line
  double fragment = 8.0;        // a group narrower than this is part of a line...
  double attach = 0.5;          // ... and joins the nearest group when this close
  double sideways = 0.1;        // ... where a gap sideways counts this much of one in height
  double fragment_reach = 2.0;  // ... and ink further apart sideways than this does not count
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

}  // namespace inkmath
