#include <catch2/catch.hpp>

#include <cmath>

#include "latex/normalize.h"
#include "model/container.h"
#include "pipeline/model.h"
#include "shipped_model.h"
#include "structure/layout.h"

using namespace inkmath;
using testing::lay_out;

namespace {

// Symbols placed by hand, y growing downwards as on a screen; the x-height is about 10.
RecognizedSymbol sym(const std::string& label, double x0, double y0, double x1, double y1) {
  RecognizedSymbol s;
  s.label = label;
  s.box = {x0, y0, x1, y1};
  return s;
}

std::string parse(std::vector<RecognizedSymbol> symbols) {
  return normalize_latex(lay_out(Ink{}, symbols).latex);
}

}  // namespace

TEST_CASE("a row of symbols on one baseline", "[structure]") {
  CHECK(parse({sym("a", 0, 10, 10, 20), sym("+", 14, 10, 24, 20), sym("b", 28, 2, 36, 20)}) == "a + b");
}

TEST_CASE("superscript and subscript", "[structure]") {
  CHECK(parse({sym("x", 0, 10, 10, 20), sym("2", 11, 2, 16, 9)}) == "x ^ { 2 }");
  CHECK(parse({sym("x", 0, 10, 10, 20), sym("i", 11, 18, 14, 26)}) == "x _ { i }");
  CHECK(parse({sym("x", 0, 10, 10, 20), sym("i", 11, 18, 14, 26), sym("2", 11, 2, 16, 9)}) == "x _ { i } ^ { 2 }");
  // The script ends where the baseline resumes.
  CHECK(parse({sym("x", 0, 10, 10, 20), sym("2", 11, 2, 16, 9), sym("+", 20, 10, 30, 20), sym("1", 34, 4, 38, 20)}) ==
        "x ^ { 2 } + 1");
}

TEST_CASE("a closing bracket whose opening one is in the script closes it there", "[structure]") {
  CHECK(parse({sym("2", 0, 10, 8, 24), sym("(", 10, -6, 13, 8), sym("n", 14, 0, 19, 6), sym("-", 21, 2, 25, 3),
               sym("1", 27, -4, 29, 6), sym(")", 31, -4, 34, 20)}) == "2 ^ { ( n - 1 ) }");
  CHECK(parse({sym("2", 0, 10, 8, 24), sym("n", 10, 0, 15, 6), sym(")", 17, -4, 20, 20)}) == "2 ^ { n } )");
}

TEST_CASE("a comma between two symbols of a subscript is in it; one before the baseline resumes is not", "[structure]") {
  // Y_{l,m}: the l, comma and m written small, below the line.
  CHECK(parse({sym("Y", 0, 2, 10, 20), sym("l", 11, 16, 13, 26), sym(",", 14, 24, 15, 28), sym("m", 16, 20, 22, 26)}) ==
        "Y _ { l , m }");
  // x_1 , y: the letter after the comma is back on the line.
  CHECK(parse({sym("x", 0, 10, 10, 20), sym("1", 11, 16, 13, 26), sym(",", 15, 18, 16, 23), sym("y", 19, 10, 28, 26)}) ==
        "x _ { 1 } , y");
  // S_{20,w}: the comma hangs below the subscript's line, as commas do.
  CHECK(parse({sym("S", 0, 0, 10, 20), sym("2", 11, 18, 14, 26), sym("0", 15, 19, 18, 26), sym(",", 19, 26, 20, 31),
               sym("w", 22, 21, 27, 25)}) == "S _ { 2 0 , w }");
}

TEST_CASE("nested superscripts", "[structure]") {
  CHECK(parse({sym("e", 0, 10, 10, 20), sym("x", 11, 3, 17, 9), sym("2", 18, -2, 21, 3)}) == "e ^ { x ^ { 2 } }");
}

TEST_CASE("a fraction, and a fraction inside a fraction", "[structure]") {
  CHECK(parse({sym("a", 2, 0, 10, 8), sym("-", 0, 11, 12, 12), sym("b", 2, 15, 10, 25)}) == "\\frac { a } { b }");
  CHECK(parse({sym("1", 10, -12, 14, 0), sym("-", 6, 3, 18, 4), sym("2", 10, 6, 15, 16), sym("-", 0, 19, 24, 20),
               sym("3", 8, 23, 14, 33)}) == "\\frac { \\frac { 1 } { 2 } } { 3 }");
  // A minus sign with nothing above or below stays a minus.
  CHECK(parse({sym("a", 0, 10, 10, 20), sym("-", 14, 14, 24, 15), sym("b", 28, 2, 36, 20)}) == "a - b");
}

TEST_CASE("a numerator goes on left of the bar as far as a row's space: the - of -b", "[structure]") {
  CHECK(parse({sym("-", 0, 12, 6, 13), sym("b", 14, 4, 22, 20), sym("+", 26, 8, 34, 16), sym("c", 38, 10, 46, 20),
               sym("-", 10, 24, 50, 25), sym("2", 26, 28, 33, 40)}) == "\\frac { - b + c } { 2 }");
}

TEST_CASE("a denominator does not end with an operator: what follows it past the bar's end is in it", "[structure]") {
  CHECK(parse({sym("1", 12, 4, 15, 18), sym("-", 0, 20, 30, 21), sym("a", 2, 26, 10, 34), sym("+", 14, 26, 22, 34),
               sym("b", 36, 22, 44, 34)}) == "\\frac { 1 } { a + b }");
}

TEST_CASE("a relation written level with a numerator, left of the bar, is the row's", "[structure]") {
  CHECK(parse({sym("x", 0, 14, 8, 24), sym("=", 11, 12, 19, 16), sym("a", 24, 6, 32, 16), sym("-", 22, 20, 40, 21),
               sym("b", 27, 24, 35, 38)}) == "x = \\frac { a } { b }");
}

TEST_CASE("a small fraction whose bar is above the line is an exponent; one on the line is in the row", "[structure]") {
  CHECK(parse({sym("x", 0, 10, 10, 20), sym("3", 12, -6, 16, 2), sym("-", 11, 4, 18, 5), sym("2", 12, 7, 16, 15)}) ==
        "x ^ { \\frac { 3 } { 2 } }");
  CHECK(parse({sym("x", 0, 10, 10, 20), sym("a", 12, 2, 18, 12), sym("-", 11, 14, 20, 15), sym("b", 12, 17, 18, 27)}) ==
        "x \\frac { a } { b }");
  // A function name is followed by its argument, and an opening bracket by its content.
  CHECK(parse({sym("\\sin", 0, 10, 16, 20), sym("\\pi", 32, 2, 38, 8), sym("-", 30, 9, 40, 10), sym("4", 32, 11, 38, 17)}) ==
        "\\sin \\frac { \\pi } { 4 }");
  CHECK(parse({sym("(", 0, 0, 4, 24), sym("1", 8, -6, 10, 2), sym("-", 6, 3, 14, 4), sym("2", 8, 5, 12, 12),
               sym(")", 16, 0, 20, 24)}) == "( \\frac { 1 } { 2 } )");
}

TEST_CASE("square roots, with and without an index", "[structure]") {
  CHECK(parse({sym("\\sqrt", 0, 0, 30, 22), sym("x", 12, 8, 22, 18)}) == "\\sqrt { x }");
  CHECK(parse({sym("3", 0, 0, 4, 7), sym("\\sqrt", 0, 0, 30, 22), sym("x", 12, 8, 22, 18)}) ==
        "\\sqrt [ 3 ] { x }");
  CHECK(parse({sym("\\sqrt", 0, 0, 30, 22), sym("x", 12, 8, 22, 18), sym("+", 34, 8, 44, 18), sym("1", 48, 2, 52, 18)}) ==
        "\\sqrt { x } + 1");
  // An exponent written beside the root's bar rather than above it.
  CHECK(parse({sym("\\sqrt", 0, 0, 30, 30), sym("x", 12, 12, 22, 26), sym("2", 32, 0, 37, 10)}) == "\\sqrt { x } ^ { 2 }");
}

TEST_CASE("a root's body ends under its bar: a closing bracket or an operator at its end is the row's", "[structure]") {
  CHECK(parse({sym("(", 0, 0, 3, 26), sym("\\sqrt", 4, 0, 30, 24), sym("n", 14, 12, 22, 22), sym(")", 28, 0, 32, 26)}) ==
        "( \\sqrt { n } )");
  CHECK(parse({sym("\\sqrt", 0, 0, 30, 22), sym("x", 12, 8, 20, 18), sym("+", 24, 8, 30, 16), sym("1", 34, 2, 37, 18)}) ==
        "\\sqrt { x } + 1");
  // A bracket opened in the body closes there.
  CHECK(parse({sym("\\sqrt", 0, 0, 40, 24), sym("(", 10, 6, 13, 24), sym("n", 15, 12, 22, 22), sym(")", 35, 6, 39, 24)}) ==
        "\\sqrt { ( n ) }");
}

TEST_CASE("under a long root the body starts right after the hook, which is as wide as the sign is tall", "[structure]") {
  // The hook of a root 24 tall ends about 7 to its right, whatever the length of the bar.
  CHECK(parse({sym("\\sqrt", 0, 0, 120, 24), sym("a", 9, 10, 17, 20), sym("+", 22, 10, 30, 20), sym("b", 35, 6, 43, 20),
               sym("+", 48, 10, 56, 20), sym("c", 61, 10, 69, 20), sym("+", 74, 10, 82, 20), sym("d", 87, 6, 95, 20)}) ==
        "\\sqrt { a + b + c + d }");
  // An index may reach down to the hook's tip, below the sign's middle.
  CHECK(parse({sym("3", 0, 8, 4, 19), sym("\\sqrt", 3, 0, 30, 30), sym("a", 12, 14, 22, 28)}) == "\\sqrt [ 3 ] { a }");
  // A root's index sits over its hook; the exponent of the symbol before a long root does not.
  CHECK(parse({sym("x", 0, 10, 8, 20), sym("2", 9, 0, 14, 7), sym("\\sqrt", 16, 0, 100, 24), sym("a", 26, 10, 34, 20),
               sym("+", 40, 10, 48, 20), sym("b", 54, 6, 62, 20)}) == "x ^ { 2 } \\sqrt { a + b }");
}

TEST_CASE("big operators take limits above and below", "[structure]") {
  const auto sum = parse({sym("\\sum", 0, 0, 20, 24), sym("i", 2, 28, 5, 36), sym("=", 7, 30, 12, 34),
                          sym("1", 14, 28, 16, 36), sym("n", 6, -10, 14, -3), sym("i", 24, 6, 27, 18)});
  CHECK(sum == normalize_latex("\\sum_{i=1}^{n} i"));
  CHECK(parse({sym("\\int", 0, 0, 10, 40), sym("0", 11, 34, 15, 42), sym("1", 12, -4, 15, 4), sym("x", 18, 15, 28, 25)}) ==
        normalize_latex("\\int_0^1 x"));
}

TEST_CASE("an integral's limit written at its right, past its slant, is still its limit", "[structure]") {
  CHECK(parse({sym("\\int", 0, 0, 10, 40), sym("a", 2, 42, 7, 48), sym("b", 12, -6, 17, 2), sym("f", 11, 10, 17, 38)}) ==
        "\\int _ { a } ^ { b } f");
}

TEST_CASE("a summand written low beside a small \\sum reaches up past its foot: it is no limit", "[structure]") {
  CHECK(parse({sym("\\sum", 0, 0, 20, 24), sym("P", 22, 10, 30, 28)}) == "\\sum P");
  CHECK(parse({sym("\\sum", 0, 0, 20, 24), sym("n", 22, 22, 27, 28)}) == "\\sum _ { n }");
}

TEST_CASE("\\lim takes a limit below it and nothing above: what rises over it stays in the row", "[structure]") {
  const std::vector<RecognizedSymbol> below = {sym("\\lim", 0, 10, 20, 20), sym("x", 0, 24, 5, 30),
                                               sym("\\rightarrow", 7, 25, 13, 29), sym("0", 15, 24, 19, 30)};
  std::vector<RecognizedSymbol> symbols = below;
  symbols.push_back(sym("2", 14, -2, 19, 8));
  CHECK(parse(symbols) == normalize_latex("\\lim_{x \\rightarrow 0} 2"));
  symbols = below;
  symbols.push_back(sym("(", 22, -4, 27, 26));
  symbols.push_back(sym("x", 29, 10, 35, 20));
  CHECK(parse(symbols) == normalize_latex("\\lim_{x \\rightarrow 0} ( x"));
}

TEST_CASE("brackets with a superscript; relations are never scripts", "[structure]") {
  CHECK(parse({sym("(", 0, 2, 5, 26), sym("a", 7, 10, 15, 20), sym(")", 17, 2, 22, 26), sym("2", 23, -4, 28, 6)}) ==
        "( a ) ^ { 2 }");
  CHECK(parse({sym("y", 0, 10, 10, 26), sym("=", 14, 4, 24, 12), sym("1", 28, 2, 32, 20)}) == "y = 1");
}

TEST_CASE("LaTeX output renders < and > and the tree lists every symbol", "[structure]") {
  std::vector<RecognizedSymbol> symbols = {sym("a", 0, 10, 10, 20), sym("\\lt", 14, 10, 24, 20), sym("b", 28, 2, 36, 20)};
  const auto layout = lay_out(Ink{}, symbols);
  CHECK(layout.latex == "a < b");
  REQUIRE(layout.tree["type"] == "row");
  REQUIRE(layout.tree["children"].size() == 3);
  CHECK(layout.tree["children"][1]["label"] == "\\lt");
  CHECK(layout.tree["children"][2]["symbol"] == 2);
}

TEST_CASE("no symbols give an empty layout", "[structure]") {
  std::vector<RecognizedSymbol> none;
  const auto layout = lay_out(Ink{}, none);
  CHECK(layout.latex.empty());
  CHECK(layout.tree["children"].empty());
}

TEST_CASE("the layout picks a root sign among the alternatives when symbols sit inside it", "[structure]") {
  RecognizedSymbol root = sym("r", 0, 0, 30, 22);
  root.alternatives = {{"r", 0.5f}, {"\\sqrt", 0.3f}, {"n", 0.1f}};
  std::vector<RecognizedSymbol> symbols = {root, sym("x", 12, 8, 22, 18)};
  const auto read = lay_out(Ink{}, symbols);
  CHECK(normalize_latex(read.latex) == "\\sqrt { x }");
  CHECK(read.symbols[0].label == "\\sqrt");
  CHECK(read.symbols[0].alternatives[0].label == "\\sqrt");
  CHECK(read.symbols[0].alternatives.size() == 3);
  // Without symbols inside, the classifier's reading stands.
  std::vector<RecognizedSymbol> alone = {root, sym("x", 40, 8, 50, 18)};
  CHECK(normalize_latex(lay_out(Ink{}, alone).latex) == "r x");
}

namespace {

int count_symbols(const nlohmann::json& node) {
  int n = node.contains("symbol") ? 1 : 0;
  for (const auto& [key, value] : node.items())
    if (value.is_object()) n += count_symbols(value);
    else if (key == "children")
      for (const auto& child : value) n += count_symbols(child);
  return n;
}

}  // namespace

TEST_CASE("deeply nested writing keeps every symbol", "[structure]") {
  // A staircase of 300 ever smaller symbols, each a superscript of the one before.
  std::vector<RecognizedSymbol> symbols;
  double x = 0, y = 0, size = 100;
  for (int i = 0; i < 300; ++i) {
    symbols.push_back(sym("x", x, y, x + size, y + size));
    x += size;
    size *= 0.98;
    y -= 0.9 * size;
  }
  const auto layout = lay_out(Ink{}, symbols);
  CHECK(count_symbols(layout.tree) == 300);
  CHECK(layout.latex.find("x^{x^{") == 0);
}

TEST_CASE("fitting the relations: the parser follows the truth it is given and records its decisions", "[structure]") {
  // x 2 y written on one line: the geometry says a row, the truth says 2 is a superscript.
  const std::vector<PlacedSymbol> placed = {{"x", {0, 10, 10, 20}}, {"2", {12, 3, 19, 20}}, {"y", {22, 10, 31, 26}}};
  LayoutTeacher teacher;
  teacher.truth = [](int base, int t) { return base == 0 && t == 1 ? '^' : 'R'; };
  const LayoutRow row = parse_rows(placed, {}, nullptr, &teacher);
  REQUIRE(row.size() == 2);
  CHECK(row[0].sup.size() == 1);
  REQUIRE(teacher.samples.size() == 2);
  CHECK(teacher.samples[0].truth == '^');
  CHECK(teacher.samples[0].features.size() == size_t(kRelationFeatures));
  // Without a teacher the same symbols are one row.
  CHECK(parse_rows(placed).size() == 3);
}

TEST_CASE("the relation model sees a symbol's size against its label's usual size", "[structure]") {
  // A p beside a V, as tall as half the V. With every label as tall as a digit the p is small;
  // told that a p is usually 0.7 of a digit, it is less so, while its raw geometry is unchanged.
  RelationContext c;
  c.base_label = "V";
  c.base_box = {0, 0, 10, 20};
  c.line = {14, 10, true};
  c.label = "p";
  c.box = {12, 14, 18, 24};
  c.own = {17, 5, true};
  const RelationFeatures as_digits = relation_features(c);
  c.log_height = std::log(0.7);
  const RelationFeatures typical = relation_features(c);
  CHECK(as_digits[21] == Approx(std::log(0.5)));
  CHECK(typical[21] == Approx(std::log(0.5 / 0.7)));
  for (int i = 0; i < 21; ++i) CHECK(as_digits[size_t(i)] == typical[size_t(i)]);
  // Its foot and top against the base's, in the base's digit heights: 4 and 14 below.
  CHECK(typical[22] == Approx(0.2));
  CHECK(typical[23] == Approx(0.7));
}

TEST_CASE("the relation model tells letters from digits: a digit low after a capital is its subscript", "[structure]") {
  // A small 1 whose foot is level with the base's: X_1 after a letter, but a number's next
  // digit after a digit, though capitals and digits sit on the line alike.
  const RecognizedSymbol one = sym("1", 11, 10, 15, 21);
  CHECK(parse({sym("X", 0, 0, 10, 20), one}) == "X _ { 1 }");
  CHECK(parse({sym("2", 0, 0, 10, 20), one}) == "2 1");
  RelationContext c;
  c.base_label = "\\alpha";
  c.label = "7";
  const RelationFeatures f = relation_features(c);
  CHECK((f[24] == 1 && f[25] == 0 && f[26] == 0 && f[27] == 1));
}

TEST_CASE("the layout says how sure the relation model is of it", "[structure]") {
  const RelationModel& model = testing::shipped_model().relations;
  const auto sureness = [&](const std::vector<PlacedSymbol>& placed, const RelationModel* relations) {
    double log_probability = 1;
    parse_rows(placed, {}, relations, nullptr, &log_probability);
    return log_probability;
  };
  // x^2 written clearly high, and a 2 half-way up: the model is sure of the first, not of the second.
  const std::vector<PlacedSymbol> clear = {{"x", {0, 10, 10, 20}}, {"2", {11, 0, 16, 8}}};
  const std::vector<PlacedSymbol> halfway = {{"x", {0, 10, 10, 20}}, {"2", {11, 5, 17, 15}}};
  CHECK(sureness(clear, &model) <= 0);
  CHECK(sureness(clear, &model) > std::log(0.9));
  CHECK(sureness(halfway, &model) < sureness(clear, &model));
  // Without a model the rules decide, and are as sure as can be.
  CHECK(sureness(halfway, nullptr) == 0);
}

TEST_CASE("a relations part fitted on other features is stale: named, and the rules decide", "[structure][model]") {
  const std::string old = R"({"hidden": 2, "mean": [0], "scale": [1]})";  // no version: the first features
  const RelationModel m = relation_model_from_json(old);
  CHECK(m.version == 1);
  CHECK(m.hidden == 0);
  ModelFile f = read_model_file(testing::shipped_bytes());
  for (ModelPart& p : f.parts)
    if (p.name() == "relations") p.bytes.assign(old.begin(), old.end());
  const std::vector<uint8_t> bytes = write_model_file(f);
  const auto problems = stale_parts(bytes);
  REQUIRE(problems.size() == 1);
  CHECK_THAT(problems[0], Catch::Contains("'relations' was fitted on features version 1"));
  CHECK(load_model(bytes).relations.hidden == 0);
  CHECK(testing::shipped_model().relations.version == kRelationFeaturesVersion);
  CHECK(testing::shipped_model().relations.hidden > 0);
}

namespace {

// Strokes: x (two strokes of size 10), then three dots of size 1 along the line, then y.
const Ink kDotsInk{{{{0, 10}, {10, 20}}, {{10, 10}, {0, 20}}, {{14, 19}, {15, 20}}, {{19, 19}, {20, 20}},
                    {{24, 19}, {25, 20}}, {{30, 10}, {38, 20}}}};

// A symbol of kDotsInk's strokes, read surely.
RecognizedSymbol symbol(const std::string& label, std::vector<int> strokes) {
  RecognizedSymbol s;
  s.label = label;
  s.score = 0.9f;
  s.strokes = strokes;
  s.box = bounding_box(kDotsInk, strokes);
  s.alternatives = {{label, 0.9f}};
  return s;
}

}  // namespace

TEST_CASE("three dots in a row are one \\ldots; two dots, or dots with a symbol between, are not", "[structure]") {
  const Ink& ink = kDotsInk;
  std::vector<RecognizedSymbol> three = {symbol("x", {0, 1}), symbol(".", {2}), symbol(".", {3}), symbol(".", {4}),
                                         symbol("y", {5})};
  const auto merged = lay_out(ink, three);
  CHECK(normalize_latex(merged.latex) == "x \\ldots y");
  REQUIRE(merged.symbols.size() == 3);
  CHECK(merged.symbols[1].strokes == std::vector<int>{2, 3, 4});

  std::vector<RecognizedSymbol> two = {symbol("x", {0, 1}), symbol(".", {2}), symbol(".", {3}), symbol("y", {5})};
  CHECK(normalize_latex(lay_out(ink, two).latex) == "x . . y");

  std::vector<RecognizedSymbol> between = {symbol(".", {2}), symbol(".", {3}), symbol("y", {5}), symbol(".", {4})};
  between[2].box = {21, 12, 23, 20};  // a symbol between the second and third dots
  between[3].box = {26, 19, 27, 20};
  CHECK(normalize_latex(lay_out(ink, between).latex).find("\\ldots") == std::string::npos);
}

TEST_CASE("an \\ldots read from two of the dots takes the third beside it on its line", "[structure]") {
  const Ink& ink = kDotsInk;
  // The first two dots read as one \ldots, the third alone: one \ldots of all three.
  const auto after = lay_out(ink, {symbol("x", {0, 1}), symbol("\\ldots", {2, 3}), symbol(".", {4}), symbol("y", {5})});
  CHECK(normalize_latex(after.latex) == "x \\ldots y");
  REQUIRE(after.symbols.size() == 3);
  CHECK(after.symbols[1].strokes == std::vector<int>{2, 3, 4});
  // The last two read as one: the first dot joins it from the left.
  const auto before = lay_out(ink, {symbol("x", {0, 1}), symbol(".", {2}), symbol("\\ldots", {3, 4}), symbol("y", {5})});
  CHECK(normalize_latex(before.latex) == "x \\ldots y");
  REQUIRE(before.symbols.size() == 3);
  CHECK(before.symbols[1].strokes == std::vector<int>{2, 3, 4});
  // A dot off the line stays a dot, and an \ldots of three strokes takes no more.
  auto dot = symbol(".", {4});
  dot.box = {24, 29, 25, 30};
  CHECK(lay_out(ink, {symbol("x", {0, 1}), symbol("\\ldots", {2, 3}), dot, symbol("y", {5})}).symbols.size() == 4);
  dot.box = {26, 19, 27, 20};
  CHECK(lay_out(ink, {symbol("x", {0, 1}), symbol("\\ldots", {2, 3, 4}), dot, symbol("y", {5})}).symbols.size() == 4);
}

TEST_CASE("numbers are written as numbers: digits and a decimal point between digits join", "[latex]") {
  const auto latex = [](std::vector<RecognizedSymbol> symbols) { return lay_out(Ink{}, symbols).latex; };
  CHECK(latex({sym("4", 0, 0, 8, 20), sym("2", 10, 0, 18, 20)}) == "42");
  CHECK(latex({sym("0", 0, 0, 8, 20), sym(".", 10, 18, 12, 20), sym("5", 14, 0, 22, 20)}) == "0.5");
  CHECK(latex({sym("x", 0, 10, 10, 20), sym("=", 12, 12, 22, 17), sym("-", 24, 14, 30, 15), sym("3", 32, 0, 40, 20)}) ==
        "x = - 3");
  // A point after the last digit is punctuation, not part of the number.
  CHECK(latex({sym("1", 0, 0, 4, 20), sym("2", 6, 0, 14, 20), sym(".", 16, 18, 18, 20)}) == "12 .");
  // A digit carrying a script ends the number it belongs to.
  CHECK(latex({sym("1", 0, 0, 4, 20), sym("2", 6, 0, 14, 20), sym("3", 15, -6, 19, 2), sym("4", 24, 0, 32, 20)}) ==
        "12^{3} 4");
}

TEST_CASE("function names written letter by letter are written as the function", "[latex]") {
  const auto latex = [](std::vector<RecognizedSymbol> symbols) { return lay_out(Ink{}, symbols).latex; };
  // c o s x: the name, then its argument.
  CHECK(latex({sym("c", 0, 10, 8, 20), sym("o", 10, 10, 18, 20), sym("s", 20, 10, 28, 20), sym("x", 34, 10, 42, 20)}) ==
        "\\cos x");
  // The last letter's script is the function's: s i n^2 x.
  CHECK(latex({sym("s", 0, 10, 8, 20), sym("i", 10, 4, 14, 20), sym("n", 16, 10, 24, 20), sym("2", 26, 2, 31, 9),
               sym("x", 36, 10, 44, 20)}) == "\\sin^{2} x");
  // A script inside the word breaks it: the letters stay letters.
  CHECK(latex({sym("t", 0, 4, 6, 20), sym("a", 8, 10, 16, 20), sym("2", 17, 2, 21, 9), sym("n", 24, 10, 32, 20)}) ==
        "t a^{2} n");
  // Other words stay letters.
  CHECK(latex({sym("c", 0, 10, 8, 20), sym("o", 10, 10, 18, 20), sym("t", 20, 4, 26, 20)}) == "c o t");
}
