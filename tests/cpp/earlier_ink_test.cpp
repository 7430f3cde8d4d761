// The writer's earlier ink: a symbol written alone is read by its size against the writer's.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "api/json.h"
#include "shipped_model.h"

using namespace inkmath;

namespace {

// Two crossing strokes 20 high: x, X or \times, by size alone.
const Ink kCross{{{{0, 0}, {5, 5}, {10, 10}, {15, 15}, {20, 20}}, {{20, 0}, {15, 5}, {10, 10}, {5, 15}, {0, 20}}}};

float score_of(const RecognizedSymbol& s, const std::string& label) {
  for (const Alternative& a : s.alternatives)
    if (a.label == label) return a.score;
  return 0;
}

}  // namespace

TEST_CASE("a cross written alone reads X when it is larger than the writer's earlier strokes, not when smaller", "[api]") {
  const Recognizer recognizer(testing::shipped_bytes());
  RecognizeOptions options;
  const Recognition alone = recognizer.recognize(kCross, options);
  REQUIRE(alone.symbols.size() == 1);
  CHECK(alone.stroke_size == Approx(20));
  options.earlier_stroke_size = 5;  // the writer's strokes are a quarter of these: a capital
  const Recognition large = recognizer.recognize(kCross, options);
  REQUIRE(large.symbols.size() == 1);
  CHECK(large.symbols[0].label == "X");
  CHECK(score_of(large.symbols[0], "X") > 0.8f);
  options.earlier_stroke_size = 80;  // four times these: a small letter or a times sign
  const Recognition small = recognizer.recognize(kCross, options);
  REQUIRE(small.symbols.size() == 1);
  CHECK(small.symbols[0].label != "X");
  CHECK(score_of(small.symbols[0], "X") < 0.1f);
  CHECK(score_of(small.symbols[0], "X") < score_of(alone.symbols[0], "X"));
}

TEST_CASE("the earlier stroke size comes in the ink JSON's options and the reading gives the ink's own", "[api]") {
  RecognizeOptions options;
  ink_from_json_text(R"({"strokes": [[[0, 0], [1, 1]]], "options": {"earlier_stroke_size": 12.5}})", &options);
  CHECK(options.earlier_stroke_size == 12.5);
  for (const char* bad : {R"("big")", "-1", "null"}) {
    INFO(bad);
    CHECK_THROWS_WITH(ink_from_json_text(std::string(R"({"strokes": [], "options": {"earlier_stroke_size": )") + bad + "}}", &options),
                      Catch::Contains("earlier_stroke_size must be a number, 0 or more"));
  }
  const Recognizer recognizer(testing::shipped_bytes());
  RecognizeOptions wrong;
  wrong.earlier_stroke_size = -3;
  CHECK_THROWS_WITH(recognizer.recognize(kCross, wrong), Catch::Contains("earlier_stroke_size"));
  const nlohmann::json reading = to_json(recognizer.recognize(kCross));
  CHECK(reading["stroke_size"].get<double>() == Approx(20));
  CHECK(recognizer.recognize(Ink{}).stroke_size == 0);
}
