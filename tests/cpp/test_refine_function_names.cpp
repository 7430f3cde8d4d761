#include <catch2/catch.hpp>

#include "refine/function_names.h"
#include "segment/segment.h"
#include "strokes.h"

using namespace inkmath;
using inkmath::testing::line;

namespace {

// One stroke per symbol, side by side; each symbol's reading, best first.
std::vector<RecognizedSymbol> written(const std::vector<std::vector<Alternative>>& readings) {
  Ink ink;
  for (size_t i = 0; i < readings.size(); ++i) ink.strokes.push_back(line(60.0 * i, 0, 60.0 * i + 40, 50));
  std::vector<RecognizedSymbol> symbols;
  for (size_t i = 0; i < readings.size(); ++i) symbols.push_back(make_symbol(ink, {int(i)}, readings[i]));
  return symbols;
}

LayoutNode node(int symbol) { return {LayoutNode::Type::Symbol, symbol, {}, {}, {}, {}}; }

// A row of the symbols first to last.
LayoutRow row_of(int first, int last) {
  LayoutRow row;
  for (int i = first; i <= last; ++i) row.push_back(node(i));
  return row;
}

std::vector<std::string> labels(const std::vector<RecognizedSymbol>& symbols) {
  std::vector<std::string> out;
  for (const RecognizedSymbol& s : symbols) out.push_back(s.label);
  return out;
}

}  // namespace

TEST_CASE("a name spelled letter by letter in a row becomes one symbol of its letters' strokes") {
  auto symbols = written({{{"c", 0.9f}}, {{"o", 0.8f}}, {{"s", 0.95f}}, {{"x", 0.9f}}});
  REQUIRE(merge_function_names(symbols, row_of(0, 3)) == 1);
  CHECK(labels(symbols) == std::vector<std::string>{"\\cos", "x"});
  CHECK(symbols[0].strokes == std::vector<int>{0, 1, 2});
  CHECK(symbols[0].box.x1 >= 160);
  CHECK(symbols[0].score == Approx(0.8f));
  CHECK(symbols[0].alternatives.size() == 1);
}

TEST_CASE("one letter of a name may be read as its look-alike, and a capital as the letter") {
  // The t of tan read as a +, with t among its alternatives.
  auto tan = written({{{"+", 0.99f}, {"t", 0.003f}}, {{"a", 0.9f}}, {{"n", 0.9f}}});
  REQUIRE(merge_function_names(tan, row_of(0, 2)) == 1);
  CHECK(labels(tan) == std::vector<std::string>{"\\tan"});
  CHECK(tan[0].score == Approx(0.003f));
  auto sin = written({{{"S", 0.9f}, {"s", 0.1f}}, {{"i", 0.9f}}, {{"n", 0.9f}}});
  CHECK(merge_function_names(sin, row_of(0, 2)) == 1);
  CHECK(labels(sin) == std::vector<std::string>{"\\sin"});
}

TEST_CASE("letters that are not the name, or two look-alikes, stay as they are") {
  // 5 1 n: both the s and the i only among alternatives.
  auto two = written({{{"5", 0.9f}, {"s", 0.1f}}, {{"1", 0.9f}, {"i", 0.1f}}, {{"n", 0.9f}}});
  CHECK(merge_function_names(two, row_of(0, 2)) == 0);
  CHECK(two.size() == 3);
  // x + a n: the + offers no t.
  auto plus = written({{{"x", 0.9f}}, {{"+", 0.99f}}, {{"a", 0.9f}}, {{"n", 0.9f}}});
  CHECK(merge_function_names(plus, row_of(0, 3)) == 0);
  CHECK(labels(plus) == std::vector<std::string>{"x", "+", "a", "n"});
}

TEST_CASE("only the last letter of a name may carry scripts") {
  // s i n^2 x is \sin^{2} x.
  auto last = written({{{"s", 0.9f}}, {{"i", 0.9f}}, {{"n", 0.9f}}, {{"2", 0.9f}}, {{"x", 0.9f}}});
  LayoutRow row = {node(0), node(1), node(2), node(4)};
  row[2].sup = {node(3)};
  REQUIRE(merge_function_names(last, row) == 1);
  CHECK(labels(last) == std::vector<std::string>{"\\sin", "2", "x"});
  // l o_2 g: an o with a subscript is no letter of log.
  auto inner = written({{{"l", 0.9f}}, {{"o", 0.9f}}, {{"2", 0.9f}}, {{"g", 0.9f}}});
  LayoutRow scripted = {node(0), node(1), node(3)};
  scripted[1].sub = {node(2)};
  CHECK(merge_function_names(inner, scripted) == 0);
}

TEST_CASE("names inside a fraction are merged, and fixed symbols never") {
  auto symbols = written({{{"l", 0.9f}}, {{"o", 0.9f}}, {{"g", 0.9f}}, {{"-", 0.9f}}, {{"2", 0.9f}}});
  LayoutNode fraction{LayoutNode::Type::Fraction, 3, {}, {}, row_of(0, 2), {node(4)}};
  auto fixed = symbols;
  fixed[1].fixed = true;
  CHECK(merge_function_names(fixed, {fraction}) == 0);
  REQUIRE(merge_function_names(symbols, {fraction}) == 1);
  CHECK(labels(symbols) == std::vector<std::string>{"\\log", "-", "2"});
}
