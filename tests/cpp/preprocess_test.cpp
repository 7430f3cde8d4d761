#include <catch2/catch.hpp>
#include <algorithm>
#include <cmath>
#include <random>
#include <set>

#include "features/features.h"
#include "preprocess/preprocess.h"

using namespace inkmath;

namespace {
double dist(const Point& a, const Point& b) { return std::hypot(a.x - b.x, a.y - b.y); }
}  // namespace

TEST_CASE("duplicate points are removed, distinct ones kept in order") {
  const Stroke s = remove_duplicates({{0, 0}, {0, 0}, {1, 0}, {1, 0}, {0, 0}});
  REQUIRE(s.size() == 3);
  REQUIRE(s[1].x == 1);
  REQUIRE(s[2].x == 0);
}

TEST_CASE("smoothing keeps the endpoints and averages the inside") {
  const Stroke s = smooth({{0, 0}, {1, 3}, {2, 0}});
  REQUIRE(s[0].y == 0);
  REQUIRE(s[1].y == Approx(1));
  REQUIRE(s[2].x == 2);
}

TEST_CASE("size normalization keeps the aspect ratio and centres the symbol") {
  const auto out = normalize_size({{{10, 10}, {30, 10}}, {{10, 15}, {30, 15}}});  // a 20 x 5 '='
  const Box b = [&] { Box x = bounding_box(out[0]); return merge(x, bounding_box(out[1])); }();
  REQUIRE(b.width() == Approx(2));
  REQUIRE(b.height() == Approx(0.5));
  REQUIRE(b.cx() == Approx(0).margin(1e-12));
  REQUIRE(b.cy() == Approx(0).margin(1e-12));
}

TEST_CASE("resampling gives the exact count, evenly spaced, shared by stroke length") {
  const auto out = resample({{{0, 0}, {30, 0}}, {{0, 5}, {0, 15}}}, 20);  // lengths 30 and 10
  REQUIRE(out.size() == 2);
  REQUIRE(out[0].size() + out[1].size() == 20);
  REQUIRE(out[0].size() == 15);
  for (size_t i = 1; i < out[0].size(); ++i) REQUIRE(dist(out[0][i], out[0][i - 1]) == Approx(30.0 / 14));
  REQUIRE(out[0].back().x == Approx(30));
}

TEST_CASE("strokes that double back on themselves resample to finite points") {
  // Smoothing turns 0,2,0,2 into coinciding points: zero-length segments must be skipped.
  const auto out = preprocess({{{0, 0}, {2, 0}, {0, 0}, {2, 0}, {0, 0}, {0, 0}, {5, 5}}}, 32);
  for (const Point& p : out[0]) REQUIRE((std::isfinite(p.x) && std::isfinite(p.y)));
}

TEST_CASE("a one-point stroke (a dot) survives the whole chain") {
  const auto out = preprocess({{{5, 5}}, {{0, 0}, {0, 10}}}, 16);
  REQUIRE(out[0].size() >= 1);
  REQUIRE(out[0].size() + out[1].size() == 16);
  REQUIRE_THROWS_AS(preprocess({{}}, 16), Error);
}

TEST_CASE("online features: position, direction and pen-up") {
  const Eigen::MatrixXf f = symbol_features({{{0, 0}, {10, 0}}, {{0, 5}, {10, 5}}}, FeatureSet::online, 8);
  REQUIRE(f.rows() == 8);
  REQUIRE(f.cols() == feature_count(FeatureSet::online));
  REQUIRE(f(0, 2) == Approx(1));  // moving right
  REQUIRE(f(0, 3) == Approx(0).margin(1e-6));
  REQUIRE(f(0, 6) == 0);
  REQUIRE(f(4, 6) == 1);  // first point after the pen-up
  REQUIRE(f(1, 4) == Approx(1));  // straight line: no turn
}

TEST_CASE("context features see ink around each point") {
  const Eigen::MatrixXf f = symbol_features({{{0, 0}, {10, 10}}, {{10, 0}, {0, 10}}}, FeatureSet::online_context, 16);
  REQUIRE(f.cols() == 16);
  REQUIRE(f.col(11).maxCoeff() > 0.1f);  // centre sample of the patch sits on ink
  REQUIRE(f.allFinite());
  REQUIRE_THROWS_AS(feature_set_from_name("offline"), Error);
}

TEST_CASE("size features tell a small x from a big X by the writer's scale") {
  const std::vector<Stroke> cross = {{{0, 0}, {10, 10}}, {{10, 0}, {0, 10}}};
  const std::vector<Stroke> big = {{{0, 0}, {20, 20}}, {{20, 0}, {0, 20}}};
  const FeatureSet set = FeatureSet::online_context_size;
  REQUIRE(feature_count(set) == 18);
  REQUIRE(feature_set_from_name(feature_set_name(set)) == set);
  const Eigen::MatrixXf small_one = symbol_features(cross, set, 16, Surroundings{20.0});
  const Eigen::MatrixXf big_one = symbol_features(big, set, 16, Surroundings{20.0});
  // The shapes are the same, so only the size columns differ: log(10/20) vs log(20/20).
  REQUIRE(small_one.leftCols(16).isApprox(big_one.leftCols(16), 1e-5f));
  REQUIRE(small_one(0, 16) == Approx(std::log(0.5) / 3));
  REQUIRE(big_one(5, 16) == Approx(0).margin(1e-6));
  REQUIRE(small_one.col(17).isApprox(Eigen::VectorXf::Constant(16, std::log(0.5f) / 3)));
  // Without other ink, the symbol is its own scale; a line has no height, and stays finite.
  REQUIRE(symbol_features(big, set, 16)(0, 16) == Approx(0).margin(1e-6));
  REQUIRE(symbol_features({{{0, 0}, {10, 0}}}, set, 8, Surroundings{10.0}).allFinite());
}

TEST_CASE("the writer's scale is the typical stroke size on a grid, which a new stroke seldom moves") {
  // Strokes 10, 11 and 12 high: the median is 11, on the grid within 2^(1/16) of it.
  Ink ink{{{{0, 0}, {1, 10}}, {{5, 0}, {6, 11}}, {{10, 0}, {11, 12}}}};
  const double scale = writer_scale(ink);
  REQUIRE(std::abs(std::log2(scale / typical_stroke_size(ink))) <= 1.0 / (2 * kWriterScaleSteps) + 1e-12);
  const double steps = std::log2(scale) * kWriterScaleSteps;
  REQUIRE(steps == Approx(std::round(steps)).margin(1e-9));
  // A fourth stroke 11.5 high moves the median (the upper middle value) to 11.5; the scale stays.
  ink.strokes.push_back({{15, 0}, {16, 11.5}});
  REQUIRE(typical_stroke_size(ink) != Approx(11));
  REQUIRE(writer_scale(ink) == scale);
  // Writing twice as large doubles it.
  Ink twice = ink;
  for (Stroke& s : twice.strokes)
    for (Point& p : s) p.x *= 2, p.y *= 2;
  REQUIRE(writer_scale(twice) == Approx(2 * scale));
}

TEST_CASE("the writer's earlier ink counts as three strokes in the writer's scale") {
  // One stroke 10 high, the writer's earlier strokes 40: (log 10 + 3 log 40) / 4 = log 28.3.
  const Ink one{{{{0, 0}, {1, 10}}}};
  const EarlierInk earlier{40, 3};
  REQUIRE(writer_scale(one, earlier) == Approx(std::exp2(std::round(std::log2(28.28) * kWriterScaleSteps) / kWriterScaleSteps)));
  // The more strokes the ink has, the less the earlier ink weighs: nine strokes 10 high.
  Ink nine;
  for (int i = 0; i < 9; ++i) nine.strokes.push_back({{10.0 * i, 0}, {10.0 * i + 1, 10}});
  const double scale_nine = writer_scale(nine, earlier);
  REQUIRE(scale_nine < writer_scale(one, earlier));
  REQUIRE(scale_nine > writer_scale(nine));
  // Not known (0), it is the ink's own.
  REQUIRE(writer_scale(nine, EarlierInk{0, 3}) == writer_scale(nine));
}

TEST_CASE("the scales one stroke away are those one stroke more or fewer gives, near the writer's scale") {
  for (const EarlierInk earlier : {EarlierInk{}, EarlierInk{20, 3}, EarlierInk{4, 3}}) {
    INFO("earlier strokes " << earlier.stroke_size);
    // Inks of 1 to 9 strokes of random sizes, against each change of one stroke: every stroke
    // taken away, and a stroke added: of each of 200 sizes from far below to far above the others,
    // and of each size the ink has (where the median's reach ends).
    std::mt19937 rng(11);
    std::uniform_real_distribution<double> size(8, 14);
    int inks_with_a_scale_away = 0;
    for (int trial = 0; trial < 300; ++trial) {
      Ink ink;
      const int n = 1 + trial % 9;
      for (int i = 0; i < n; ++i) ink.strokes.push_back({{10.0 * i, 0}, {10.0 * i + 1, size(rng)}});
      const double now = writer_scale(ink, earlier);
      const std::vector<double> away = writer_scales_one_stroke_away(ink, earlier);
      INFO(n << " strokes, trial " << trial);
      REQUIRE(away.size() <= 2 * kMaxScalesAway);
      std::set<double> reached;
      for (int i = 0; i < n; ++i) {
        Ink fewer = ink;
        fewer.strokes.erase(fewer.strokes.begin() + i);
        if (n > 1) reached.insert(writer_scale(fewer, earlier));
      }
      for (int k = 0; k < 200; ++k) {
        Ink more = ink;
        const double h = 0.1 * std::pow(1.05, k);  // 0.1 to 1,700
        more.strokes.push_back({{-20, 0}, {-19, h}});
        reached.insert(writer_scale(more, earlier));
      }
      for (const Stroke& s : ink.strokes) {
        Ink more = ink;
        more.strokes.push_back(s);
        reached.insert(writer_scale(more, earlier));
      }
      // What it names is reached; what is reached within kMaxScalesAway steps, it names.
      for (double s : away) CHECK(reached.count(s) == 1);
      for (double s : reached) {
        const double steps = std::abs(std::log2(s / now) * kWriterScaleSteps);
        if (steps > 0.5 && steps < kMaxScalesAway + 0.5) CHECK(std::count(away.begin(), away.end(), s) == 1);
      }
      inks_with_a_scale_away += !away.empty();
    }
    CHECK(inks_with_a_scale_away > 50);
  }
  CHECK(writer_scales_one_stroke_away(Ink{}).empty());
}

TEST_CASE("place features tell a prime from a comma by the neighbours' line") {
  // a ' b , : two letters of height 10 on the line y 10..20, a small mark high and one low.
  Ink ink{{{{0, 10}, {5, 20}, {10, 10}}, {{12, 6}, {13, 9}}, {{20, 10}, {25, 20}, {30, 10}}, {{32, 19}, {31, 23}}}};
  const double scale = typical_stroke_size(ink);
  const FeatureSet set = FeatureSet::online_context_size_place;
  REQUIRE(feature_count(set) == 20);
  const std::vector<Box> boxes = stroke_boxes(ink);
  const Surroundings high = surroundings(ink, boxes, {1}, scale), low = surroundings(ink, boxes, {3}, scale);
  REQUIRE(high.has_neighbours);
  CHECK(high.neighbour_center == Approx(15));
  const Eigen::MatrixXf prime = symbol_features({ink.strokes[1]}, set, 8, high);
  const Eigen::MatrixXf comma = symbol_features({ink.strokes[3]}, set, 8, low);
  CHECK(prime(0, 18) < -0.1f);  // centre above the neighbours' centre
  CHECK(comma(0, 18) > 0.1f);
  CHECK(comma(0, 19) > 0.0f);  // bottom below theirs
  // A symbol alone has no neighbours: the place columns stay 0.
  const Ink alone{{ink.strokes[0]}};
  CHECK(surroundings(alone, stroke_boxes(alone), {0}, scale).has_neighbours == false);
  CHECK(symbol_features({ink.strokes[0]}, set, 8)(0, 18) == 0);
}
