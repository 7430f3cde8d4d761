// An open 4 (a cross and, apart from it, an upright on its left arm) is one candidate, read as a
// 4 where the classifier reads the cross as + and the upright as 1.
#include <catch2/catch.hpp>

#include <algorithm>

#include "segment/segment.h"
#include "strokes.h"

using namespace inkmath;

namespace {

using testing::line;

// y grows downwards, as on a page. Only the segmentation settings' max_gap groups (no model).
SegmentationParams tight() {
  SegmentationParams p;
  p.limits.max_gap = 0.01;
  return p;
}

bool has_group(const Candidates& c, std::vector<int> strokes) {
  return std::find(c.groups.begin(), c.groups.end(), strokes) != c.groups.end();
}

}  // namespace

TEST_CASE("an upright standing apart on a cross's left arm makes an open 4 candidate", "[segment]") {
  Ink ink;
  ink.strokes = {line(20, 0, 20, 40),   // the stem
                 line(5, 25, 30, 25),   // the arm, crossing it
                 line(8, 2, 8, 22)};    // the upright, written last, clear of both
  const Candidates c = candidates(ink, {}, tight());
  REQUIRE(c.open_fours.size() == 1);
  const OpenFour& f = c.open_fours[0];
  CHECK(c.groups[size_t(f.whole)].size() == 3);
  CHECK(c.groups[size_t(f.upright)] == std::vector<int>{2});
  CHECK(c.groups[size_t(f.cross)].size() == 2);
  CHECK(c.grouping[size_t(f.whole)] == 0);

  // Written first, the upright is one too.
  Ink first;
  first.strokes = {ink.strokes[2], ink.strokes[1], ink.strokes[0]};
  CHECK(candidates(first, {}, tight()).open_fours.size() == 1);
}

TEST_CASE("a 1 beside a +, or an upright right of the stem, makes no open 4", "[segment]") {
  Ink beside;
  beside.strokes = {line(0, 5, 0, 35), line(20, 0, 20, 40), line(5, 20, 35, 20)};  // 1 + clear of each other
  CHECK(candidates(beside, {}, tight()).open_fours.empty());
  CHECK_FALSE(has_group(candidates(beside, {}, tight()), {0, 1, 2}));
  Ink right;
  right.strokes = {line(20, 0, 20, 40), line(5, 25, 30, 25), line(27, 2, 27, 22)};
  CHECK(candidates(right, {}, tight()).open_fours.empty());
}

TEST_CASE("an open 4 reads as a 4 as surely as its cross reads as a +", "[segment]") {
  const std::vector<std::string> classes = {"1", "+", "4", "t", "junk"};
  Candidates c;
  c.groups = {{0}, {1, 2}, {0, 1, 2}};
  c.open_fours = {{2, 0, 1}};
  Eigen::MatrixXf logits(5, 3);
  logits.col(0) << 5, 0, 0, 1, 0;  // the upright: 1
  logits.col(1) << 0, 6, 1, 2, 0;  // the cross: +
  logits.col(2) << 0, 4, 1, 3, 0;  // the whole: + as well
  Eigen::MatrixXf read = logits;
  read_open_fours(c, read, classes, 4);
  CHECK(read(2, 2) == 6);  // 4, as the cross's +
  CHECK(read(1, 2) == 1);  // +, as the cross's 4
  CHECK(read(3, 2) == 2);
  CHECK(read.leftCols(2) == logits.leftCols(2));

  // An upright the classifier reads as a t is no open 4's.
  logits.col(0) << 1, 0, 0, 5, 0;
  read = logits;
  read_open_fours(c, read, classes, 4);
  CHECK(read == logits);
}
