// The search's best partitions, and whole readings chosen among them: a stroke group that the
// classifier finds a little less likely may still read better as a whole expression.
#include <catch2/catch.hpp>

#include <algorithm>
#include <set>

#include "pipeline/pipeline.h"
#include "segment/segment.h"
#include "shipped_model.h"
#include "strokes.h"

using namespace inkmath;

namespace {

using testing::line;

// An x on the band y = 10..40, and a short mark at its top right: a prime, or part of the x.
Ink x_with_mark() {
  Ink ink;
  ink.strokes = {line(0, 10, 20, 40), line(20, 10, 0, 40), line(27, 0, 24, 10), line(40, 25, 52, 25)};
  return ink;
}

std::vector<std::vector<int>> groups_of(const std::vector<RecognizedSymbol>& symbols) {
  std::vector<std::vector<int>> out;
  for (const RecognizedSymbol& s : symbols) out.push_back(s.strokes);
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace

TEST_CASE("the search gives its best partitions best first, each a different grouping of every stroke", "[segment]") {
  const Model& m = testing::shipped_model();
  const Ink ink = x_with_mark();
  const Candidates c = candidates(ink, {}, m.config.segmentation, &m.grouping);
  const Eigen::MatrixXf logits = classify(ink, c, m.classifier);
  const std::vector<Partition> best = search(ink, c, logits, m.classifier, m.config.segmentation, 3, 4);
  REQUIRE(best.size() >= 2);
  CHECK(best.size() <= 4);
  std::set<std::vector<std::vector<int>>> seen;
  for (size_t k = 0; k < best.size(); ++k) {
    if (k > 0) CHECK(best[k].score <= best[k - 1].score);
    std::vector<int> strokes;
    for (const RecognizedSymbol& s : best[k].symbols) strokes.insert(strokes.end(), s.strokes.begin(), s.strokes.end());
    std::sort(strokes.begin(), strokes.end());
    CHECK(strokes == std::vector<int>{0, 1, 2, 3});
    CHECK(seen.insert(groups_of(best[k].symbols)).second);
  }
  // The first is the one best partition.
  const std::vector<Partition> one = search(ink, c, logits, m.classifier, m.config.segmentation, 3, 1);
  REQUIRE(one.size() == 1);
  CHECK(groups_of(one[0].symbols) == groups_of(best[0].symbols));
  CHECK(one[0].score == best[0].score);
}

TEST_CASE("whole readings may group the strokes differently, and say how", "[segment]") {
  const Model& m = testing::shipped_model();
  Config config = m.config;
  config.segmentation.partitions = 3;
  const Reading r = read_ink(m, x_with_mark(), {}, config);
  REQUIRE(r.readings.size() >= 2);
  double total = 0;
  std::set<std::vector<std::vector<int>>> groupings;
  for (const WholeReading& w : r.readings) {
    REQUIRE(w.labels.size() == w.strokes.size());
    std::vector<std::vector<int>> g = w.strokes;
    std::sort(g.begin(), g.end());
    groupings.insert(g);
    total += w.probability;
  }
  CHECK(total == Approx(1).margin(1e-6));
  // The mark apart (x') and the mark joined to the x are both offered.
  CHECK(groupings.size() >= 2);
  // The first whole reading is the reading itself, symbols and strokes alike.
  CHECK(r.readings[0].latex == r.latex);
  CHECK(groupings.count(groups_of(r.symbols)) == 1);
  // With one partition, every whole reading groups the strokes alike.
  config.segmentation.partitions = 1;
  const Reading alone = read_ink(m, x_with_mark(), {}, config);
  for (const WholeReading& w : alone.readings) {
    std::vector<std::vector<int>> g = w.strokes;
    std::sort(g.begin(), g.end());
    CHECK(g == groups_of(alone.symbols));
  }
  // Asking for no partition at all is an error, not an empty reading.
  config.segmentation.partitions = 0;
  CHECK_THROWS_AS(read_ink(m, x_with_mark(), {}, config), Error);
}
