// A prime and a superscript 1 look alike: a short stroke at the top right of a letter. The
// language model reads no places and has mostly seen a 1 after a letter as its subscript (x_1),
// so whole readings weigh a 1 written alone as a letter's superscript against its prime.
#include <catch2/catch.hpp>

#include "language/refine.h"
#include "shipped_model.h"
#include "strokes.h"

using namespace inkmath;

namespace {

using testing::line;
using testing::polyline;

// An x on the band y = 10..40, and a mark at its top right.
Ink x_with(const Stroke& mark) {
  Ink ink;
  ink.strokes = {line(0, 10, 20, 40), line(20, 10, 0, 40), mark};
  return ink;
}

// The rule reads the symbols of one partition: here the best one alone, the mark apart from
// the x (whole readings of other partitions may join it to the x: partitions_test.cpp).
std::string read(const Ink& ink, double superscript_one, double language_weight = -1) {
  const Model& m = testing::shipped_model();
  Config config = m.config;
  config.segmentation.partitions = 1;
  config.language.superscript_one = superscript_one;
  if (language_weight >= 0) config.language.weight = language_weight;
  return read_ink(m, ink, {}, config).latex;
}

}  // namespace

TEST_CASE("a short stroke at a letter's top right reads as a prime, a flagged 1 there as 1", "[language]") {
  const double shipped = testing::shipped_model().config.language.superscript_one;
  REQUIRE(shipped > 0);
  // The classifier finds the short steep stroke a prime; a language model weighed heavily
  // prefers x_1's 1, unless the lone superscript 1 costs its reading. The mark stands a tenth
  // of the x's height apart from it, so that segmentation keeps it a symbol of its own.
  const Ink primed = x_with(line(30, 0, 27, 10));
  CHECK(read(primed, 0, 1.0) == "x^{1}");
  CHECK(read(primed, shipped, 1.0) == "x^{\\prime}");
  CHECK(read(primed, shipped) == "x^{\\prime}");
  // A 1 with its flag, which the classifier is sure of, stays a superscript 1.
  const Ink one = x_with(polyline({{24, 4}, {28, -2}, {28, 16}}));
  CHECK(read(one, shipped) == "x^{1}");
}

namespace {

// Two symbols, the second as the first's subscript or superscript, with the classifier's
// alternatives; the labels of the best whole reading.
std::string read_script(const LanguageModel& model, const std::string& base, const std::vector<Alternative>& script,
                        bool superscript, const LanguageParams& params) {
  std::vector<RecognizedSymbol> symbols(2);
  symbols[0].label = base;
  symbols[0].score = 0.9f;
  symbols[0].alternatives = {{base, 0.9f}};
  symbols[1].label = script.front().label;
  symbols[1].score = script.front().score;
  symbols[1].alternatives = script;
  LayoutNode node;
  node.symbol = 0;
  LayoutNode mark;
  mark.symbol = 1;
  (superscript ? node.sup : node.sub).push_back(mark);
  const auto readings = best_readings(&model, {node}, symbols, params);
  return readings.at(0).symbols[0].label + " " + readings.at(0).symbols[1].label;
}

}  // namespace

TEST_CASE("only a lone superscript 1 of a letter or a closing bracket competes with its prime", "[language]") {
  // A model that has seen x_1 (x 1) often and x' (x \prime) once, as the truths have.
  std::vector<std::vector<std::string>> sentences;
  for (int i = 0; i < 20; ++i) sentences.push_back({"x", "1", "+", "y"});
  sentences.push_back({"x", "\\prime", "+", "y"});
  sentences.push_back({"2", "1"});
  const LanguageModel model(3, {"x", "y", "1", "2", "+", "\\prime"}, sentences);
  LanguageParams params;
  params.weight = 0.7;
  params.alternatives = 5;
  const std::vector<Alternative> stroke = {{"1", 0.6f}, {"\\prime", 0.4f}};
  params.superscript_one = 0;
  CHECK(read_script(model, "x", stroke, true, params) == "x 1");
  params.superscript_one = 5;
  CHECK(read_script(model, "x", stroke, true, params) == "x \\prime");
  // A subscript 1 and a digit's superscript 1 are left to the classifier and the model.
  CHECK(read_script(model, "x", stroke, false, params) == "x 1");
  CHECK(read_script(model, "2", stroke, true, params) == "2 1");
  // A 1 that offers no prime stays.
  CHECK(read_script(model, "x", {{"1", 0.6f}, {"l", 0.4f}}, true, params) == "x 1");
}
