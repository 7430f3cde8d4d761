// The learned grouping of strokes (segment/grouping.h): which candidate groups segmentation
// proposes with the shipped model file's grouping part, and the fallback to the largest gap
// when a model file has no grouping part or one fitted on other features.
#include <algorithm>

#include <catch2/catch.hpp>

#include "model/container.h"
#include "segment/segment.h"
#include "shipped_model.h"
#include "strokes.h"

using namespace inkmath;

namespace {

Stroke line(double x0, double y0, double x1, double y1) { return testing::line(x0, y0, x1, y1, 20); }

Stroke circle(double cx, double cy, double r) {
  Stroke s;
  for (int i = 0; i <= 40; ++i) s.push_back({cx + r * std::sin(i * 0.157), cy - r * std::cos(i * 0.157)});
  return s;
}

// "x = 2" with an = whose bars are 0.9 symbol heights apart (strokes 2 and 3), the x of two
// crossing lines and the 2 as a curve and a foot; symbols are about 10 units tall.
Ink wide_equals() {
  Ink ink;
  ink.strokes = {line(0, 0, 8, 10), line(8, 0, 0, 10),        // x
                 line(14, 0.5, 24, 0.5), line(14, 9.5, 24, 9.5),  // = with far-apart bars
                 line(30, 2, 36, 0), line(36, 0, 30, 10), line(30, 10, 37, 10)};  // 2
  return ink;
}

bool has_group(const Candidates& c, std::vector<int> strokes) {
  std::sort(strokes.begin(), strokes.end());
  return std::any_of(c.groups.begin(), c.groups.end(), [&](std::vector<int> g) {
    std::sort(g.begin(), g.end());
    return g == strokes;
  });
}

// The shipped model file with its grouping part replaced (or, with an empty text, removed).
Model with_grouping(const std::string& text) {
  ModelFile f = read_model_file(testing::shipped_bytes());
  f.parts.erase(std::remove_if(f.parts.begin(), f.parts.end(), [](const ModelPart& p) { return p.name() == "grouping"; }),
                f.parts.end());
  if (!text.empty()) {
    ModelPart p;
    p.info = {{"name", "grouping"}, {"fitted_on", "test"}, {"command", "test"}, {"classifier_crc32", nullptr}};
    p.bytes.assign(text.begin(), text.end());
    f.parts.push_back(p);
  }
  return load_model(write_model_file(f));
}

}  // namespace

TEST_CASE("the shipped model file has a grouping part, and it loads", "[segment][model]") {
  const Model& m = testing::shipped_model();
  REQUIRE(m.grouping.hidden > 0);
  CHECK(m.grouping.version == kGroupingFeaturesVersion);
  CHECK(m.grouping.threshold > 0);
  CHECK(m.grouping.threshold < 0.5);
}

TEST_CASE("the bars of a wide = stay one candidate, though they are far apart", "[segment]") {
  const Ink ink = wide_equals();
  const Model& m = testing::shipped_model();
  const Candidates learned = candidates(ink, {}, m.config.segmentation, &m.grouping);
  CHECK(has_group(learned, {2, 3}));
  CHECK(has_group(learned, {0, 1}));
  // The largest gap alone (0.6 stroke sizes) splits it into two bars.
  const Candidates by_gap = candidates(ink, {}, m.config.segmentation, nullptr);
  CHECK_FALSE(has_group(by_gap, {2, 3}));
  // And recognition reads it as one symbol.
  Config config = m.config;
  config.language.weight = 0;
  const Reading r = read_ink(m, ink, {}, config);
  const auto eq = std::find_if(r.symbols.begin(), r.symbols.end(), [](const RecognizedSymbol& s) { return s.strokes == std::vector<int>{2, 3}; });
  REQUIRE(eq != r.symbols.end());
  CHECK(eq->label == "=");
}

TEST_CASE("two digits side by side are not forced together", "[segment]") {
  Ink ink;
  ink.strokes = {line(5, 0, 5, 10), circle(20, 5, 5)};  // 1 0, a symbol width apart
  const Model& m = testing::shipped_model();
  const Candidates c = candidates(ink, {}, m.config.segmentation, &m.grouping);
  CHECK(has_group(c, {0}));
  CHECK(has_group(c, {1}));
  Config config = m.config;
  config.language.weight = 0;
  const Reading r = read_ink(m, ink, {}, config);
  REQUIRE(r.symbols.size() == 2);
  CHECK(r.symbols[0].strokes == std::vector<int>{0});
  CHECK(r.symbols[1].strokes == std::vector<int>{1});
}

TEST_CASE("a grouping decision's probability falls with the gap", "[segment]") {
  const Model& m = testing::shipped_model();
  auto p = [&](double gap) {  // two upright bars 10 units tall, `gap` apart
    Ink ink;
    ink.strokes = {line(0, 0, 0, 10), line(gap, 0, gap, 10)};
    const double joins = join_probability(m.grouping, grouping_features(ink, {0, 1}, 0, 1, 10));
    INFO("gap " << gap << ": " << joins);
    return joins;
  };
  CHECK(p(0.5) > 0.5);
  CHECK(p(0.5) >= p(3));
  CHECK(p(3) >= p(10));
  CHECK(p(10) >= p(30));
  // Three or more symbol heights apart, they never grow one group.
  for (double gap : {30.0, 100.0, 1000.0}) CHECK(p(gap) < m.grouping.threshold);
}

TEST_CASE("the grouping features count the crossings of the strokes and how straight they are", "[segment]") {
  // The last three features of version 2: crossings of the stroke with the group's strokes (at
  // most 3), and the straightness of the stroke and of the group's last stroke.
  REQUIRE(kGroupingFeaturesVersion == 2);
  constexpr int kCrossings = 20, kStraight = 21, kLastStraight = 22;
  Ink ink;
  ink.strokes = {line(0, 0, 8, 10), line(8, 0, 0, 10),  // an x: two lines that cross once
                 line(10, -3, 9.5, 0),                   // a prime at its top right, apart
                 circle(20, 5, 5)};                      // a closed loop
  const GroupingFeatures x = grouping_features(ink, {0, 1}, 0, 1, 10);
  CHECK(x[kCrossings] == 1);
  CHECK(x[kStraight] == Approx(1));
  CHECK(x[kLastStraight] == Approx(1));
  const GroupingFeatures prime = grouping_features(ink, {0, 1, 2}, 0, 2, 10);
  CHECK(prime[kCrossings] == 0);
  CHECK(prime[kStraight] == Approx(1));
  const GroupingFeatures loop = grouping_features(ink, {0, 1, 2, 3}, 2, 1, 10);
  CHECK(loop[kCrossings] == 0);
  CHECK(loop[kStraight] < 0.1);
  // Two strokes that cross many times count as 3.
  Ink zigzags;
  zigzags.strokes = {testing::polyline({{0, 0}, {2, 10}, {4, 0}, {6, 10}, {8, 0}}), line(0, 5, 8, 5)};
  CHECK(grouping_features(zigzags, {0, 1}, 0, 1, 10)[kCrossings] == 3);
}

TEST_CASE("without a grouping part, or with a stale one, candidates keep to the largest gap", "[segment][model]") {
  const Ink ink = wide_equals();
  const Model missing = with_grouping("");
  CHECK(missing.grouping.hidden == 0);
  const Candidates by_gap = candidates(ink, {}, missing.config.segmentation, &missing.grouping);
  CHECK_FALSE(has_group(by_gap, {2, 3}));
  CHECK(by_gap.groups == candidates(ink, {}, missing.config.segmentation, nullptr).groups);

  // A part fitted on features the core no longer computes is stale: named, and not used.
  const std::string stale = R"({"version": 0, "hidden": 1})";
  const Model old = with_grouping(stale);
  CHECK(old.grouping.hidden == 0);
  CHECK(candidates(ink, {}, old.config.segmentation, &old.grouping).groups == by_gap.groups);
  ModelFile f = read_model_file(testing::shipped_bytes());
  for (ModelPart& p : f.parts)
    if (p.name() == "grouping") p.bytes.assign(stale.begin(), stale.end());
  const auto problems = stale_parts(write_model_file(f));
  REQUIRE(problems.size() == 1);
  CHECK_THAT(problems[0], Catch::Contains("'grouping' was fitted on features version 0"));

  // segmentation.learned=false turns the part off.
  SegmentationParams off = testing::shipped_model().config.segmentation;
  off.learned = false;
  CHECK(candidates(ink, {}, off, &testing::shipped_model().grouping).groups == by_gap.groups);
}

TEST_CASE("a malformed grouping part is refused with the reason", "[segment][model]") {
  REQUIRE_THROWS_WITH(with_grouping("[1, 2]"), Catch::Contains("grouping part: not a JSON object"));
  const std::string short_mean =
      R"({"version": )" + std::to_string(kGroupingFeaturesVersion) + R"(, "hidden": 2, "mean": [0]})";
  REQUIRE_THROWS_WITH(with_grouping(short_mean), Catch::Contains("grouping part"));
}
