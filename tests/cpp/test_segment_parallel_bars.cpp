// Two straight bars side by side (a norm's, or |x| written close) are never one symbol, though
// the classifier may read the pair as an x.
#include <catch2/catch.hpp>

#include <algorithm>

#include "segment/segment.h"
#include "strokes.h"

using namespace inkmath;
using testing::line;

namespace {

// Groups by the largest gap (no grouping model), wide enough for both bars.
SegmentationParams loose() {
  SegmentationParams p;
  p.limits.max_gap = 2;
  return p;
}

bool has_group(const Candidates& c, std::vector<int> strokes) {
  return std::find(c.groups.begin(), c.groups.end(), strokes) != c.groups.end();
}

}  // namespace

TEST_CASE("two straight bars side by side are two candidates, not one", "[segment]") {
  Ink ink;
  ink.strokes = {line(0, 0, 1, 60), line(12, 2, 11, 62), line(30, 20, 50, 40)};
  const Candidates c = candidates(ink, {}, loose());
  CHECK(has_group(c, {0}));
  CHECK(has_group(c, {1}));
  CHECK_FALSE(has_group(c, {0, 1}));
  CHECK(has_group(c, {0, 1, 2}));  // larger groups still grow through them
  CHECK(has_group(c, {1, 2}));
}

TEST_CASE("bars that cross, meet, or stand one above the other may be one symbol", "[segment]") {
  Ink cross{{line(0, 0, 20, 60), line(20, 0, 0, 60)}};  // an x
  CHECK(has_group(candidates(cross, {}, loose()), {0, 1}));
  Ink stacked{{line(0, 0, 0, 40), line(1, 50, 1, 58)}};  // the bar and point of a !
  CHECK(has_group(candidates(stacked, {}, loose()), {0, 1}));
  Ink v{{line(0, 0, 10, 60), line(10, 60, 20, 0)}};  // a V written in two strokes
  CHECK(has_group(candidates(v, {}, loose()), {0, 1}));
}
