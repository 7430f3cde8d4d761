#include <catch2/catch.hpp>
#include <algorithm>
#include <cmath>

#include "base/error.h"
#include "latex/normalize.h"
#include "refine/context.h"
#include "shipped_model.h"

using namespace inkmath;

namespace {

// With the shipped model's tables, at the weight these cases were written for (the shipped
// settings' refine.context_weight may differ).
constexpr float kWeight = 2.0f;

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
  // The look-alikes share what the classifier gave them together; P now holds most of it.
  CHECK(symbols[2].score > 0.45f);
  CHECK(symbols[2].alternatives[0].score + symbols[2].alternatives[1].score == Approx(0.90f));
}

TEST_CASE("a neighbour's label sets the scale: as tall as a digit beside digits, an S is upper case", "[context]") {
  const std::vector<RecognizedSymbol> digits = {sym({{"3", 0.9f}}, 0, 0, 10, 20), sym({{"s", 0.6f}, {"S", 0.4f}}, 12, 0, 22, 20),
                                                sym({{"7", 0.9f}}, 24, 0, 34, 20)};
  auto symbols = digits;
  relabel(symbols);
  CHECK(symbols[1].label == "S");
  // Beside capitals almost twice its height, the same shape is a lower-case s.
  const std::vector<RecognizedSymbol> capitals = {sym({{"A", 0.9f}}, 0, -16, 10, 20), sym({{"S", 0.6f}, {"s", 0.4f}}, 12, 0, 22, 20),
                                                  sym({{"B", 0.9f}}, 24, -16, 34, 20)};
  symbols = capitals;
  relabel(symbols);
  CHECK(symbols[1].label == "s");
}

TEST_CASE("an x as tall as a digit among small letters becomes X; one of their height stays x", "[context]") {
  auto tall = row_with(sym({{"x", 0.5f}, {"X", 0.45f}}, 24, 2, 34, 20));
  CHECK(relabel(tall) == 1);
  CHECK(tall[2].label == "X");
  auto small = row_with(sym({{"X", 0.5f}, {"x", 0.45f}}, 24, 10, 34, 20));
  CHECK(relabel(small) == 1);
  CHECK(small[2].label == "x");
}

TEST_CASE("a small low mark after a letter is a comma, a small high one a prime", "[context]") {
  auto low = row_with(sym({{")", 0.5f}, {",", 0.45f}}, 24, 17, 27, 24));
  relabel(low);
  CHECK(low[2].label == ",");
  auto high = row_with(sym({{",", 0.5f}, {"\\prime", 0.45f}}, 24, 4, 27, 10));
  relabel(high);
  CHECK(high[2].label == "\\prime");
}

TEST_CASE("a slanted stroke as tall as the letters is a slash, a small low one a comma", "[context]") {
  // b / c: the stroke spans the letters' height and more.
  std::vector<RecognizedSymbol> tall = {sym({{"b", 0.9f}}, 0, 2, 10, 20), sym({{",", 0.5f}, {"/", 0.45f}}, 13, 0, 21, 24),
                                        sym({{"c", 0.9f}}, 24, 10, 34, 20)};
  relabel(tall);
  CHECK(tall[1].label == "/");
  std::vector<RecognizedSymbol> small = {sym({{"b", 0.9f}}, 0, 2, 10, 20), sym({{"/", 0.5f}, {",", 0.45f}}, 12, 18, 15, 25),
                                         sym({{"c", 0.9f}}, 24, 10, 34, 20)};
  relabel(small);
  CHECK(small[1].label == ",");
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
  CHECK_FALSE(symbol_context(lone, 0, {}, c));
  CHECK(relabel(lone) == 0);
  CHECK(lone[0].label == "p");
}

TEST_CASE("context is measured against the nearest upright neighbours", "[context]") {
  auto symbols = row_with(sym({{"x", 0.9f}}, 24, 10, 34, 30));
  SymbolContext c;
  REQUIRE(symbol_context(symbols, 2, {}, c));
  CHECK(c.log_height == Approx(std::log(2.0)));
  CHECK(c.bottom == Approx(1.5));  // bottom 30, neighbours' centre 15, height 10
}

TEST_CASE("each neighbour counts as tall as a digit would be in its place", "[context]") {
  auto symbols = row_with(sym({{"x", 0.9f}}, 24, 10, 34, 30));
  // Letters written half a digit's height: the row's digits would be 20 tall.
  const TypicalHeights half = {{"a", float(std::log(0.5))}, {"n", float(std::log(0.5))}, {"x", float(std::log(0.5))},
                               {"e", float(std::log(0.5))}};
  SymbolContext c;
  REQUIRE(symbol_context(symbols, 2, half, c));
  CHECK(c.log_height == Approx(0.0).margin(1e-6));
  CHECK(c.bottom == Approx(0.75));  // bottom 30, neighbours' centre 15, a digit 20
}

TEST_CASE("the layout uses the context label", "[context]") {
  auto symbols = row_with(sym({{"p", 0.46f}, {"P", 0.44f}}, 24, 2, 34, 20));
  const Model& m = testing::shipped_model();
  Config config = m.config;
  config.refine.context_weight = kWeight;
  config.language.weight = 0;  // the context alone: no language model, no layout's say
  config.layout.weight = 0;
  CHECK(normalize_latex(read_symbols(m, Ink{}, symbols, config).latex) == "a n P x e");
  config.refine.context_weight = 0;  // off: the classifier's reading stands
  CHECK(read_symbols(m, Ink{}, symbols, config).symbols[2].label == "p");
}

TEST_CASE("the taller a symbol among its neighbours, the more it reads as the capital", "[context]") {
  // From half the letters' height to six times it, bottom on their baseline: the share of P
  // never falls, however far past any written P the symbol grows (a Gaussian per label gives
  // it back to the p, whose sizes spread wider, in its tail).
  float last = 0;
  for (double top = 15; top >= -40; top -= 5) {
    auto symbols = row_with(sym({{"p", 0.5f}, {"P", 0.45f}}, 24, top, 34, 20));
    relabel(symbols);
    const auto& alternatives = symbols[2].alternatives;
    const auto capital = std::find_if(alternatives.begin(), alternatives.end(), [](const Alternative& a) { return a.label == "P"; });
    REQUIRE(capital != alternatives.end());
    CHECK(capital->score >= last);
    last = capital->score;
  }
  CHECK(last > 0.9f);
}

TEST_CASE("one neighbour alone sets no scale: it is often the symbol's own script", "[context]") {
  // x^{2}: beside its small exponent alone, an x would look as tall as a capital.
  std::vector<RecognizedSymbol> symbols = {sym({{"x", 0.6f}, {"X", 0.35f}}, 0, 10, 20, 40), sym({{"2", 0.9f}}, 22, 0, 30, 12)};
  SymbolContext c;
  CHECK_FALSE(symbol_context(symbols, 0, testing::shipped_model().context.heights, c));
  CHECK(relabel(symbols) == 0);
  CHECK(symbols[0].label == "x");
}

TEST_CASE("a context part that is not weights per label is refused with the part named", "[context]") {
  const auto message = [](const std::string& text) {
    try {
      context_tables_from_json(text);
    } catch (const Error& e) {
      return std::string(e.what());
    }
    return std::string();
  };
  // The former statistics per label, and weights that exp() could not take.
  CHECK_THAT(message(R"({"labels": [{"label": "x", "log_height": 0, "log_height_spread": 0.5, "bottom": 0.5, "bottom_spread": 0.5}]})"),
             Catch::Contains("context part"));
  CHECK_THAT(message(R"({"labels": [{"label": "x", "height_weight": 1e30, "bottom_weight": 0, "bias": 0}]})"),
             Catch::Contains("bad weights for 'x'"));
  const ContextTables t =
      context_tables_from_json(R"({"labels": [{"label": "x", "height_weight": -1.5, "bottom_weight": 0.25, "bias": 0.5}]})");
  REQUIRE(t.labels.size() == 1);
  SymbolContext c;
  c.log_height = 1;
  c.bottom = 2;
  CHECK(t.labels[0].score(c) == Approx(-1.5 + 0.5 + 0.5));
}
