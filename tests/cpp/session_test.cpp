// A session reads exactly as a cold recognition of the same ink: the classifier gives a group
// the same logits whatever it is batched with, and the session's edits (add, undo, erase, fix)
// keep the ink and the fixed symbols as the page means them. The replay of valid2013 is skipped,
// with the reason, when the CROHME data is absent.
#include <catch2/catch.hpp>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <random>

#include "api/inkmath.h"
#include "api/json.h"
#include "ink/inkml.h"
#include "../fuzz/tiny_model.h"
#include "features/features.h"
#include "pipeline/classifier_cache.h"
#include "shipped_model.h"

using namespace inkmath;
namespace fs = std::filesystem;

namespace {

const Recognizer& shipped_recognizer() {
  static const Recognizer r(read_file_bytes(INKMATH_SOURCE_DIR "/weights/inkmath.bin"));
  return r;
}

// A reading as JSON, without its time.
nlohmann::json reading(const Recognition& r) {
  nlohmann::json j = to_json(r);
  j.erase("ms");
  return j;
}

Stroke wiggle(std::mt19937& rng, double x, double y) {
  std::uniform_real_distribution<double> d(-1, 1);
  Stroke s;
  for (int i = 0; i < 12; ++i) s.push_back({x + i * 0.8 + d(rng), y + 4 * std::sin(i * 0.7) + d(rng), double(i), 0});
  return s;
}

bool same_points(const Stroke& a, const Stroke& b) {
  return a.size() == b.size() && std::memcmp(a.data(), b.data(), sizeof(Point) * a.size()) == 0;
}

bool same_bits(const Eigen::VectorXf& a, const Eigen::VectorXf& b) {
  return a.size() == b.size() && std::memcmp(a.data(), b.data(), sizeof(float) * size_t(a.size())) == 0;
}

}  // namespace

TEST_CASE("classifier: a group's logits do not depend on the groups classified with it", "[session]") {
  const SymbolClassifier& classifier = testing::shipped_model().classifier;
  std::mt19937 rng(3);
  std::vector<std::vector<Stroke>> groups;
  for (int g = 0; g < 21; ++g) {
    std::vector<Stroke> strokes;
    for (int k = 0; k <= g % 3; ++k) strokes.push_back(wiggle(rng, 30.0 * g, 10.0 * k));
    groups.push_back(strokes);
  }
  // Too many strokes for the point count: a sequence of another length, a batch of its own.
  groups.push_back(std::vector<Stroke>(40, Stroke{{1, 1, 0, 0}, {2, 3, 1, 0}}));
  std::vector<Surroundings> around(groups.size());
  for (size_t g = 0; g < groups.size(); ++g) around[g].writer_scale = 10 + double(g);
  const Eigen::MatrixXf together = classifier.logits(groups, around);
  for (size_t g = 0; g < groups.size(); ++g) {
    INFO("group " << g);
    CHECK(same_bits(classifier.logits({groups[g]}, {around[g]}).col(0), together.col(long(g))));
  }
  // Any other company: every third group, in reverse.
  std::vector<size_t> picked;
  std::vector<std::vector<Stroke>> some;
  std::vector<Surroundings> some_around;
  for (size_t g = groups.size(); g-- > 0;)
    if (g % 3 == 0) picked.push_back(g), some.push_back(groups[g]), some_around.push_back(around[g]);
  const Eigen::MatrixXf partly = classifier.logits(some, some_around);
  for (size_t j = 0; j < picked.size(); ++j) CHECK(same_bits(partly.col(long(j)), together.col(long(picked[j]))));
}

TEST_CASE("session: edits keep the ink and the fixed symbols as meant", "[session]") {
  const Recognizer& recognizer = shipped_recognizer();
  Session session(recognizer);
  std::mt19937 rng(5);
  for (int i = 0; i < 5; ++i) CHECK(session.add_stroke(wiggle(rng, 25.0 * i, 0)) == i);
  const Ink written = session.ink();
  session.fix({{3}, "x"});
  session.fix({{1, 2}, "+"});
  session.fix({{2}, "t"});  // shares stroke 2: replaces the "+"
  REQUIRE(session.fixed().size() == 2);
  CHECK(session.fixed()[0].label == "x");
  CHECK(session.fixed()[1].label == "t");
  session.remove_strokes({0, 2});  // drops the "t"; the "x" moves to stroke 1
  REQUIRE(session.ink().strokes.size() == 3);
  CHECK(same_points(session.ink().strokes[0], written.strokes[1]));
  CHECK(same_points(session.ink().strokes[2], written.strokes[4]));
  REQUIRE(session.fixed().size() == 1);
  CHECK(session.fixed()[0].strokes == std::vector<int>{1});
  CHECK_THROWS_WITH(session.remove_strokes({1, 3}), Catch::Contains("cannot remove stroke 3"));
  CHECK(session.ink().strokes.size() == 3);

  RecognizeOptions options;
  options.fixed = session.fixed();
  const Recognition cold = recognizer.recognize(session.ink(), options);
  CHECK(reading(session.read()) == reading(cold));
  CHECK(session.read().symbols[0].fixed != session.read().symbols[1].fixed);
  CHECK_THROWS_WITH(session.read(options), Catch::Contains("fix()"));

  // Bad ink is refused by the reading, as by recognize(), and stays for the next edit.
  session.add_stroke({{NAN, 0, 0, 0}});
  CHECK_THROWS_AS(session.read(), Error);
  CHECK_THROWS_AS(recognizer.recognize(session.ink()), Error);
  session.remove_strokes({3});
  CHECK(reading(session.read()) == reading(cold));

  // Read as written lines: a second line under the first, each line's groups kept apart.
  for (int i = 0; i < 4; ++i) session.add_stroke(wiggle(rng, 25.0 * i, 80));
  RecognizeOptions lines;
  lines.lines = true;
  options.lines = true;
  const Recognition cold_lines = recognizer.recognize(session.ink(), options);
  CHECK(cold_lines.lines.size() == 2);
  CHECK(reading(session.read(lines)) == reading(cold_lines));
  session.remove_strokes({4});
  options.fixed = session.fixed();
  CHECK(reading(session.read(lines)) == reading(recognizer.recognize(session.ink(), options)));
}

TEST_CASE("session: with size and place beside the LSTM, a moved writer's scale reruns only the dense layers", "[session]") {
  // Two tiny networks that read size and place: at every point, and beside the pooled values.
  const auto features = FeatureSet::online_context_size_place;
  const Recognizer at_every_point(testing::tiny_model(testing::tiny_weights(features, 0)));
  const Recognizer beside(testing::tiny_model(testing::tiny_weights(features, group_feature_count(features))));
  Session per_point(at_every_point), with_head(beside);
  std::mt19937 rng(9);
  int scale_moves = 0;
  for (int i = 0; i < 12; ++i) {
    // Each stroke a little larger than the last: the writer's scale moves.
    Stroke s = wiggle(rng, 30.0 * i, 0);
    for (Point& p : s) p.x *= 1 + 0.15 * i, p.y *= 1 + 0.15 * i;
    const double before = writer_scale(with_head.ink());
    per_point.add_stroke(s);
    with_head.add_stroke(s);
    scale_moves += i > 0 && writer_scale(with_head.ink()) != before;
    INFO(i + 1 << " strokes");
    CHECK(reading(per_point.read()) == reading(at_every_point.recognize(per_point.ink())));
    CHECK(reading(with_head.read()) == reading(beside.recognize(with_head.ink())));
  }
  REQUIRE(scale_moves >= 3);
  // Every scale move classified every group again at every point; beside, only new groups.
  CHECK(with_head.groups_classified() < per_point.groups_classified());
  CHECK(with_head.groups_classified() + with_head.groups_reused() == per_point.groups_classified() + per_point.groups_reused());
}

TEST_CASE("session: classified ahead, a stroke that moves the writer's scale encodes only its own groups", "[session]") {
  // The shipped network reads size and place at every point: a moved scale changes every group.
  const Recognizer& recognizer = shipped_recognizer();
  Session plain(recognizer), ahead(recognizer);
  std::mt19937 rng(13);
  std::uniform_real_distribution<double> size(0.6, 1.6);
  int moves = 0;
  long long groups = 0;  // in the last reading
  for (int i = 0; i < 60; ++i) {
    Stroke s = wiggle(rng, 30.0 * i, 0);
    const double k = size(rng);
    for (Point& p : s) p.x = 30.0 * i + (p.x - 30.0 * i) * k, p.y *= k;
    const double before = writer_scale(plain.ink());
    const long long plain_before = plain.groups_classified(), ahead_before = ahead.groups_classified();
    const long long seen_before = plain.groups_classified() + plain.groups_reused();
    plain.add_stroke(s);
    ahead.add_stroke(s);
    INFO(i + 1 << " strokes");
    const nlohmann::json cold = reading(recognizer.recognize(plain.ink()));
    CHECK(reading(plain.read()) == cold);
    CHECK(reading(ahead.read()) == cold);
    const double steps = std::abs(std::log2(writer_scale(plain.ink()) / before) * kWriterScaleSteps);
    if (i > 0 && steps > 0.5 && steps < kMaxScalesAway + 0.5 && groups >= long(ClassifierCache::kAheadFromGroups)) {
      ++moves;
      CHECK(ahead.groups_classified() - ahead_before < plain.groups_classified() - plain_before);
    }
    groups = plain.groups_classified() + plain.groups_reused() - seen_before;
    int left = 0, calls = 0;
    while ((left = ahead.prepare(4)) > 0) ++calls;
    CHECK(left == 0);
    CHECK(calls < 200);
  }
  REQUIRE(moves >= 2);
  CHECK(ahead.groups_prepared() > 0);
  CHECK(ahead.groups_classified() < plain.groups_classified());
  CHECK(plain.groups_prepared() == 0);
  WARN(moves << " scale moves in long ink; groups encoded by readings " << plain.groups_classified()
             << " without work ahead, " << ahead.groups_classified() << " with (" << ahead.groups_prepared() << " ahead)");
}

// Every prefix of 50 valid2013 expressions, written stroke by stroke into one session, with an
// undo half-way, an erase and a fixed symbol at the end: each reading equals a cold one.
TEST_CASE("session: every pen-up of 50 valid2013 expressions reads as a cold recognition, with the writer's earlier ink or without", "[session][crohme]") {
  const char* env = std::getenv("INKMATH_DATA");
  const fs::path dir = fs::path(env ? env : INKMATH_SOURCE_DIR "/../shared/data/crohme") / "valid2013";
  if (!fs::is_directory(dir)) {
    WARN("skipped: no CROHME data at " << dir.string() << " (set INKMATH_DATA)");
    return;
  }
  std::vector<std::string> files;
  for (const auto& e : fs::directory_iterator(dir))
    if (e.path().extension() == ".inkml") files.push_back(e.path().string());
  std::sort(files.begin(), files.end());
  REQUIRE(files.size() >= 50);
  const Recognizer& recognizer = shipped_recognizer();
  long long readings = 0, classified = 0, reused = 0, prepared = 0;
  for (size_t f = 0; f < 50; ++f) {
    const std::string& path = files[f * (files.size() / 50)];
    const Ink ink = read_inkml_file(path).ink;
    Session session(recognizer);
    // Every other file with the work done ahead between readings, as the page does; every
    // third knowing the writer's earlier ink, its strokes half again as large as these.
    const bool work_ahead = f % 2 == 0;
    RecognizeOptions read_options;
    if (f % 3 == 0) read_options.earlier_stroke_size = 1.5 * typical_stroke_size(ink);
    auto compare = [&](const char* step) {
      INFO(path << ", " << step << ", " << session.ink().strokes.size() << " strokes");
      RecognizeOptions options = read_options;
      options.fixed = session.fixed();
      const nlohmann::json cold = reading(recognizer.recognize(session.ink(), options));
      CHECK(reading(session.read(read_options)) == cold);
      ++readings;
      while (work_ahead && session.prepare(8) > 0) {
      }
    };
    const size_t n = ink.strokes.size();
    for (size_t k = 0; k < n; ++k) {
      session.add_stroke(ink.strokes[k]);
      compare("pen-up");
      if (k + 1 == (n + 1) / 2 && k >= 1) {
        session.remove_strokes({int(k)});
        compare("undo");
        session.add_stroke(ink.strokes[k]);
        compare("rewrite");
      }
    }
    if (n >= 3) {
      const int erased = int(n / 3);
      session.remove_strokes({erased});
      compare("erase");
      session.add_stroke(ink.strokes[size_t(erased)]);
      compare("rewrite");
      // The first symbol fixed as its second reading, where it has one.
      const Recognition r = session.read();
      for (const RecognizedSymbol& s : r.symbols)
        if (s.alternatives.size() > 1) {
          session.fix({s.strokes, s.alternatives[1].label});
          compare("fix");
          break;
        }
    }
    classified += session.groups_classified();
    reused += session.groups_reused();
    prepared += session.groups_prepared();
  }
  CHECK(prepared > 0);
  WARN(readings << " readings; stroke groups classified " << classified << ", reused " << reused << ", classified ahead " << prepared);
}
