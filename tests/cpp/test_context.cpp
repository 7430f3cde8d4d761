#include <catch2/catch.hpp>
#include <cmath>

#include "latex/normalize.h"
#include "refine/context.h"
#include "shipped_model.h"

using namespace inkmath;

namespace {

// With the shipped model's tables, at the weight these cases were written for (the shipped
// settings may turn the context off: refine.context_weight).
constexpr float kWeight = 0.25f;

int relabel(std::vector<RecognizedSymbol>& symbols) {
  const Model& m = testing::shipped_model();
  return prefer_context_alternatives(symbols, m.context, kWeight, float(m.config.refine.min_score));
}

}  // namespace

namespace {

// A symbol placed by hand (y grows downwards) with the classifier's alternatives, best first.
RecognizedSymbol sym(const std::vector<Alternative>& alternatives, double x0, double y0, double x1, double y1) {
  RecognizedSymbol s;
  s.label = alternatives.front().label;
  s.score = alternatives.front().score;
  s.alternatives = alternatives;
  s.box = {x0, y0, x1, y1};
  return s;
}

// x-height letters on the band y = 10..20, with a gap at x = 24..34 for the symbol under test.
std::vector<RecognizedSymbol> row_with(const RecognizedSymbol& middle) {
  return {sym({{"a", 0.9f}}, 0, 10, 10, 20), sym({{"n", 0.9f}}, 12, 10, 22, 20), middle,
          sym({{"x", 0.9f}}, 36, 10, 46, 20), sym({{"e", 0.9f}}, 48, 10, 58, 20)};
}

}  // namespace

TEST_CASE("a tall p on the baseline becomes P", "[context]") {
  auto symbols = row_with(sym({{"p", 0.46f}, {"P", 0.44f}}, 24, 2, 34, 20));
  CHECK(relabel(symbols) == 1);
  CHECK(symbols[2].label == "P");
  CHECK(symbols[2].alternatives.front().label == "P");
  CHECK(symbols[2].score == 0.44f);
}

TEST_CASE("a P that drops below the baseline becomes p", "[context]") {
  auto symbols = row_with(sym({{"P", 0.5f}, {"p", 0.45f}}, 24, 10, 34, 28));
  CHECK(relabel(symbols) == 1);
  CHECK(symbols[2].label == "p");
}

TEST_CASE("a small low mark after a letter is a comma, a small high one a prime", "[context]") {
  auto low = row_with(sym({{")", 0.5f}, {",", 0.45f}}, 24, 17, 27, 24));
  relabel(low);
  CHECK(low[2].label == ",");
  auto high = row_with(sym({{",", 0.5f}, {"\\prime", 0.45f}}, 24, 4, 27, 10));
  relabel(high);
  CHECK(high[2].label == "\\prime");
}

TEST_CASE("a confident classifier keeps its label", "[context]") {
  auto symbols = row_with(sym({{"p", 0.97f}, {"P", 0.02f}}, 24, 2, 34, 20));
  CHECK(relabel(symbols) == 0);
  CHECK(symbols[2].label == "p");
}

TEST_CASE("labels outside a look-alike group and lone symbols are left alone", "[context]") {
  auto other = row_with(sym({{"b", 0.5f}, {"h", 0.45f}}, 24, 10, 34, 28));
  CHECK(relabel(other) == 0);
  std::vector<RecognizedSymbol> lone = {sym({{"p", 0.5f}, {"P", 0.45f}}, 0, 0, 10, 30)};
  SymbolContext c;
  CHECK_FALSE(symbol_context(lone, 0, c));
  CHECK(relabel(lone) == 0);
  CHECK(lone[0].label == "p");
}

TEST_CASE("context is measured against the nearest upright neighbours", "[context]") {
  auto symbols = row_with(sym({{"x", 0.9f}}, 24, 10, 34, 30));
  SymbolContext c;
  REQUIRE(symbol_context(symbols, 2, c));
  CHECK(c.log_height == Approx(std::log(2.0)));
  CHECK(c.bottom == Approx(1.5));  // bottom 30, neighbours' centre 15, height 10
}

TEST_CASE("the layout uses the context label", "[context]") {
  auto symbols = row_with(sym({{"p", 0.46f}, {"P", 0.44f}}, 24, 2, 34, 20));
  const Model& m = testing::shipped_model();
  Config config = m.config;
  config.refine.context_weight = kWeight;
  config.language.weight = 0;  // the context alone
  CHECK(normalize_latex(read_symbols(m, Ink{}, symbols, config).latex) == "a n P x e");
  config.refine.context_weight = 0;  // off: the classifier's reading stands
  CHECK(read_symbols(m, Ink{}, symbols, config).symbols[2].label == "p");
}
