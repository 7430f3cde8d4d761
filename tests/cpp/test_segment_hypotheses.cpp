#include <catch2/catch.hpp>

#include "segment/hypotheses.h"
#include "strokes.h"

using namespace inkmath;

namespace {

using testing::line;

}  // namespace

TEST_CASE("a dot written after the next letter moves back to its stem", "[segment]") {
  Ink ink;
  ink.strokes = {line(0, 10, 0, 20),     // stem of i
                 line(10, 10, 20, 20),   // first stroke of x
                 line(20, 10, 10, 20),   // second stroke of x
                 line(0, 5, 0.5, 5.5)};  // the dot of the i, written last
  const double size = typical_stroke_size(ink, {0, 1, 2, 3});
  CHECK(grouping_order(ink, {0, 1, 2, 3}, size) == std::vector<int>{0, 3, 1, 2});
}

TEST_CASE("a stroke moved back to an earlier one goes after the strokes touching it", "[segment]") {
  Ink ink;
  ink.strokes = {line(0, 10, 0, 20),      // stem of an i
                 line(0, 5, 0.5, 5.5),    // its dot, written right after it
                 line(10, 10, 20, 20),    // first stroke of an x
                 line(20, 10, 10, 20),    // second stroke of an x
                 line(1, 15, 1.5, 15.5)};  // a mark beside the stem, written last
  const double size = typical_stroke_size(ink, {0, 1, 2, 3, 4});
  // The i stays a run (0 1), whatever the mark written later joins.
  CHECK(grouping_order(ink, {0, 1, 2, 3, 4}, size) == std::vector<int>{0, 1, 4, 2, 3});
}

TEST_CASE("strokes in writing order keep their order", "[segment]") {
  Ink ink;
  ink.strokes = {line(0, 0, 10, 10), line(10, 0, 0, 10), line(30, 5, 40, 5), line(35, 0, 35, 10)};
  const double size = typical_stroke_size(ink, {0, 1, 2, 3});
  CHECK(grouping_order(ink, {0, 1, 2, 3}, size) == std::vector<int>{0, 1, 2, 3});
}

TEST_CASE("candidate groups are capped in size and need nearby strokes", "[segment]") {
  Ink ink;
  for (int i = 0; i < 8; ++i) ink.strokes.push_back(line(i * 3, 0, i * 3 + 2, 10));  // close together
  ink.strokes.push_back(line(200, 0, 210, 10));                                        // far away
  std::vector<int> order;
  for (int i = 0; i < 9; ++i) order.push_back(i);
  SegmentationLimits limits;
  limits.max_group_strokes = 4;
  const auto groups = candidate_groups(ink, order, typical_stroke_size(ink, order), limits);
  REQUIRE(groups.size() == 9);
  CHECK(groups[0] == std::vector<int>{1, 2, 3, 4});
  CHECK(groups[7] == std::vector<int>{1});  // the far stroke cannot join
  CHECK(groups[8] == std::vector<int>{1});
}
