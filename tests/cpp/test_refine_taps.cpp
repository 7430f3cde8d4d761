#include <catch2/catch.hpp>

#include "refine/taps.h"
#include "segment/segment.h"
#include "strokes.h"

using namespace inkmath;
using inkmath::testing::line;

namespace {

// The ink of `x . 5`-like rows: strokes given, each symbol named by its strokes and label.
std::vector<RecognizedSymbol> read_as(const Ink& ink, const std::vector<std::pair<std::vector<int>, std::string>>& reading) {
  std::vector<RecognizedSymbol> symbols;
  for (const auto& [strokes, label] : reading) symbols.push_back(make_symbol(ink, strokes, {{label, 0.9f}}));
  return symbols;
}

Stroke tap(double x, double y) { return {{x, y}, {x + 1, y + 1}}; }

}  // namespace

TEST_CASE("a tap touching a symbol's ink becomes part of that symbol, which keeps its reading") {
  // An x of two crossing strokes, 100 high, with a tap on the end of its first stroke.
  Ink ink{{line(0, 0, 100, 100), line(100, 0, 0, 100), tap(101, 102)}};
  auto symbols = read_as(ink, {{{0, 1}, "x"}, {{2}, "."}});
  REQUIRE(merge_taps(symbols, ink, 100, 0.1) == 1);
  REQUIRE(symbols.size() == 1);
  CHECK(symbols[0].label == "x");
  CHECK(symbols[0].strokes == std::vector<int>{0, 1, 2});
  CHECK(symbols[0].box.y1 >= 102);
}

TEST_CASE("a decimal point written apart from the digits stays a point") {
  // 0 . 5: the point sits on the line, a fifth of a digit away from each.
  Ink ink{{line(0, 0, 0, 100), line(140, 0, 140, 100), tap(70, 99)}};
  auto symbols = read_as(ink, {{{0}, "1"}, {{1}, "1"}, {{2}, "."}});
  CHECK(merge_taps(symbols, ink, 100, 0.1) == 0);
  CHECK(symbols.size() == 3);
}

TEST_CASE("a tap goes to the nearest symbol it touches, and a reach of 0 keeps every dot") {
  Ink ink{{line(0, 0, 0, 100), line(12, 0, 12, 100), tap(9, 50)}};
  auto symbols = read_as(ink, {{{0}, "1"}, {{1}, "|"}, {{2}, "."}});
  auto kept = symbols;
  CHECK(merge_taps(kept, ink, 100, 0) == 0);
  CHECK(kept.size() == 3);
  REQUIRE(merge_taps(symbols, ink, 100, 0.1) == 1);
  REQUIRE(symbols.size() == 2);
  CHECK(symbols[1].strokes == std::vector<int>{1, 2});
}

TEST_CASE("fixed symbols neither lose a dot nor take a tap") {
  Ink ink{{line(0, 0, 100, 100), tap(101, 101)}};
  auto symbols = read_as(ink, {{{0}, "\\"}, {{1}, "."}});
  symbols[0].fixed = true;
  CHECK(merge_taps(symbols, ink, 100, 0.1) == 0);
  symbols[0].fixed = false;
  symbols[1].fixed = true;
  CHECK(merge_taps(symbols, ink, 100, 0.1) == 0);
  CHECK(symbols.size() == 2);
}
