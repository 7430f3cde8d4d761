// Splitting a page into written lines, on ink written here: symbol-sized strokes placed as a
// child writes steps one under another.
#include <catch2/catch.hpp>
#include <cmath>

#include "../fuzz/tiny_model.h"
#include "api/inkmath.h"
#include "api/json.h"
#include "latex/write.h"
#include "lines/lines.h"
#include "lines/pages.h"

using namespace inkmath;

namespace {

// A symbol of height h with its top left at (x, y): a zigzag, as a 2 or a z is written.
Stroke glyph(double x, double y, double w = 0.6, double h = 1) {
  return {{x, y}, {x + w, y}, {x, y + h}, {x + w, y + h}};
}
Stroke bar(double x0, double x1, double y) { return {{x0, y}, {(x0 + x1) / 2, y + 0.02}, {x1, y}}; }
Stroke dot(double x, double y) { return {{x, y}, {x + 0.03, y + 0.03}}; }

// "2x+3=11" (7 symbols, 9 strokes) with its top at y, starting at x.
std::vector<Stroke> step(double x, double y, int symbols = 7) {
  std::vector<Stroke> out;
  for (int k = 0; k < symbols; ++k) {
    const double left = x + 0.9 * k;
    if (k == 2 || k == 4) {  // + and =, as two strokes each
      out.push_back(bar(left, left + 0.6, y + 0.5 - (k == 4 ? 0.12 : 0)));
      out.push_back(k == 2 ? Stroke{{left + 0.3, y + 0.2}, {left + 0.3, y + 0.8}} : bar(left, left + 0.6, y + 0.62));
    } else {
      out.push_back(glyph(left, y));
    }
  }
  return out;
}

Ink page(std::vector<std::vector<Stroke>> lines) {
  Ink ink;
  for (auto& line : lines)
    for (auto& s : line) ink.strokes.push_back(std::move(s));
  return ink;
}

std::vector<int> range(int from, int to) {
  std::vector<int> out;
  for (int i = from; i < to; ++i) out.push_back(i);
  return out;
}

std::vector<std::vector<int>> strokes_of(const std::vector<InkLine>& lines) {
  std::vector<std::vector<int>> out;
  for (const auto& l : lines) out.push_back(l.strokes);
  return out;
}

// A fraction (numerator of 3 symbols, bar, denominator of 2) with its bar at y.
std::vector<Stroke> fraction(double x, double y) {
  std::vector<Stroke> out = {glyph(x, y - 1.2), glyph(x + 0.9, y - 1.2), glyph(x + 1.8, y - 1.2)};
  out.push_back(bar(x - 0.1, x + 2.5, y));
  out.push_back(glyph(x + 0.5, y + 0.2));
  out.push_back(glyph(x + 1.4, y + 0.2));
  return out;
}

const Recognizer& small_recognizer() {
  static const Recognizer r(testing::tiny_weights());
  return r;
}

}  // namespace

TEST_CASE("two lines of steps are two lines, top to bottom", "[lines]") {
  const Ink ink = page({step(0, 0), step(0, 1.7, 3)});  // 9 strokes, then "2x+" (4 strokes)
  const auto lines = split_lines(ink);
  REQUIRE(lines.size() == 2);
  CHECK(lines[0].strokes == range(0, 9));
  CHECK(lines[1].strokes == range(9, 13));
  CHECK(lines[0].box.y1 <= lines[1].box.y0);

  // Written bottom line first: still ordered top to bottom.
  const auto reversed = split_lines(page({step(0, 1.7, 3), step(0, 0)}));
  REQUIRE(reversed.size() == 2);
  CHECK(reversed[0].strokes == range(4, 13));
  CHECK(reversed[1].strokes == range(0, 4));
}

TEST_CASE("one line is one line with all its strokes", "[lines]") {
  const auto lines = split_lines(page({step(0, 0)}));
  REQUIRE(lines.size() == 1);
  CHECK(lines[0].strokes == range(0, 9));
}

TEST_CASE("ink without points has no lines", "[lines]") {
  CHECK(split_lines(Ink{}).empty());
  Ink empty;
  empty.strokes.resize(3);
  CHECK(split_lines(empty).empty());
  // Empty strokes are left out of the line, the others keep their indices.
  Ink some = page({step(0, 0, 2)});
  some.strokes.insert(some.strokes.begin() + 1, Stroke{});
  const auto lines = split_lines(some);
  REQUIRE(lines.size() == 1);
  CHECK(lines[0].strokes == std::vector<int>{0, 2});
}

TEST_CASE("a fraction keeps its numerator and denominator in its line", "[lines]") {
  // x = (abc)/(de), then a line below.
  std::vector<Stroke> first = {glyph(0, -0.5), bar(0.9, 1.5, -0.1), bar(0.9, 1.5, 0.1)};
  for (auto& s : fraction(1.9, 0)) first.push_back(s);
  const auto lines = split_lines(page({first, step(0, 1.9, 3)}));
  REQUIRE(lines.size() == 2);
  CHECK(lines[0].strokes == range(0, 9));
  CHECK(lines[1].strokes == range(9, 13));
  // A fraction alone on its line, the bar its only stroke at mid height.
  const auto alone = split_lines(page({fraction(0, 1.3), step(0, 3.2, 3)}));
  REQUIRE(alone.size() == 2);
  CHECK(alone[0].strokes == range(0, 6));
}

TEST_CASE("a minus between two lines does not join them", "[lines]") {
  // "2x = 8" under "2x+3=11", then "x = 4": the bars of the middle line have ink close above
  // and below, but whole lines, not a numerator and a denominator.
  const auto lines = split_lines(page({step(0, 0), step(0, 1.5, 5), step(0, 3.0, 5)}));
  REQUIRE(lines.size() == 3);
  CHECK(lines[1].strokes == range(9, 16));
}

TEST_CASE("a root over two rows of height is one line", "[lines]") {
  // The root sign spans a fraction: its height covers the numerator and the denominator.
  std::vector<Stroke> first = {Stroke{{0, 0.3}, {0.3, 1.2}, {0.7, -1.4}, {3.4, -1.4}}};
  for (auto& s : fraction(0.8, 0)) first.push_back(s);
  first.push_back(bar(3.7, 4.3, -0.1));
  first.push_back(bar(3.7, 4.3, 0.1));
  first.push_back(glyph(4.6, -0.5));
  const auto lines = split_lines(page({first, step(0, 2.0, 3)}));
  REQUIRE(lines.size() == 2);
  CHECK(lines[0].strokes == range(0, 10));
  CHECK(lines[1].strokes == range(10, 14));
}

TEST_CASE("a sum keeps its limits in its line", "[lines]") {
  // \sum_{i=1}^{n} i: a tall sigma, a small n above it, a small i=1 below it.
  std::vector<Stroke> first = {Stroke{{1.2, 0}, {0, 0}, {0.6, 0.75}, {0, 1.5}, {1.2, 1.5}},
                               glyph(0.4, -0.75, 0.4, 0.55),
                               glyph(0.0, 1.75, 0.3, 0.55), bar(0.4, 0.7, 1.95), bar(0.4, 0.7, 2.1),
                               glyph(0.85, 1.75, 0.3, 0.55),
                               glyph(1.6, 0.3)};
  const auto lines = split_lines(page({first, step(0, 3.2, 3)}));
  REQUIRE(lines.size() == 2);
  CHECK(lines[0].strokes == range(0, 7));
}

TEST_CASE("an indented line, a slanted line and a stray dot", "[lines]") {
  SECTION("indented") {
    const auto lines = split_lines(page({step(0, 0), step(2.5, 1.6, 3)}));
    REQUIRE(lines.size() == 2);
    CHECK(lines[1].strokes == range(9, 13));
  }
  SECTION("slanted by 6 degrees, drifting more than the gap between lines") {
    Ink ink = page({step(0, 0, 11), step(0, 2.0, 11), step(0, 4.0, 11)});
    const double c = std::cos(6 * M_PI / 180), s = std::sin(6 * M_PI / 180);
    for (auto& stroke : ink.strokes)
      for (auto& p : stroke) p = {p.x * c - p.y * s, p.x * s + p.y * c};
    const auto lines = split_lines(ink);
    REQUIRE(lines.size() == 3);
    CHECK(strokes_of(lines) == std::vector<std::vector<int>>{range(0, 13), range(13, 26), range(26, 39)});
  }
  SECTION("a dot in the gap joins a line and makes none") {
    Ink ink = page({step(0, 0), step(0, 1.7, 3)});
    ink.strokes.push_back(dot(3.0, 1.3));
    const auto lines = split_lines(ink);
    REQUIRE(lines.size() == 2);
    CHECK(lines[0].strokes.size() + lines[1].strokes.size() == 14);
  }
  SECTION("strokes fixed together stay in one line") {
    const Ink ink = page({step(0, 0), step(0, 1.7, 3)});
    const auto lines = split_lines(ink, {{0, 9}});
    REQUIRE(lines.size() == 1);
  }
}

TEST_CASE("a stroke as tall as two lines joins them", "[lines]") {
  Ink ink = page({step(0.8, 0, 3), step(0.8, 1.6, 3)});
  ink.strokes.push_back({{0.4, -0.1}, {0.1, 1.3}, {0.4, 2.7}});  // a bracket spanning both
  CHECK(split_lines(ink).size() == 1);
}

TEST_CASE("lines are joined as aligned steps, else centred", "[lines][latex]") {
  CHECK(join_lines({"x"}) == "x");
  CHECK(join_lines({"2 x + 3 = 1 1", "2 x = 8"}) == "\\begin{aligned}2 x + 3 &= 1 1 \\\\ 2 x &= 8\\end{aligned}");
  CHECK(join_lines({"\\frac{a=b}{c} < 1", "= 2"}) == "\\begin{aligned}\\frac{a=b}{c} &< 1 \\\\ &= 2\\end{aligned}");
  CHECK(join_lines({"\\{ x \\}", "x = 1"}) == "\\begin{gathered}\\{ x \\} \\\\ x = 1\\end{gathered}");
}

nlohmann::json tree_of(const Recognition& r) { return to_json(r)["tree"]; }

TEST_CASE("read as lines, the recognizer reads each line as that line's ink alone", "[lines][api]") {
  const Recognizer& recognizer = small_recognizer();
  RecognizeOptions as_lines;
  as_lines.lines = true;
  const Ink one = page({step(0, 0)});
  const Recognition single = recognizer.recognize(one, as_lines);
  REQUIRE(single.lines.size() == 1);
  CHECK(single.lines[0].latex == single.latex);
  CHECK(single.lines[0].strokes == range(0, 9));

  const Ink two = page({step(0, 0), step(1.0, 1.7, 3)});
  const Recognition r = recognizer.recognize(two, as_lines);
  REQUIRE(r.lines.size() == 2);
  const nlohmann::json j = to_json(r);
  size_t symbols = 0;
  for (size_t k = 0; k < 2; ++k) {
    const Recognition alone = recognizer.recognize(sub_ink(two, r.lines[k].strokes));
    CHECK(alone.latex == r.lines[k].latex);
    CHECK(tree_of(alone) == j["lines"][k]["tree"]);
    REQUIRE(alone.symbols.size() == r.lines[k].symbols.size());
    for (size_t i = 0; i < alone.symbols.size(); ++i)
      for (size_t j = 0; j < alone.symbols[i].strokes.size(); ++j)
        CHECK(r.lines[k].strokes[alone.symbols[i].strokes[j]] == r.lines[k].symbols[i].strokes[j]);
    symbols += alone.symbols.size();
  }
  CHECK(r.symbols.size() == symbols);
  CHECK(r.latex == join_lines({r.lines[0].latex, r.lines[1].latex}));
  CHECK(j["tree"]["type"] == "lines");
  REQUIRE(j["tree"]["children"].size() == 2);
  REQUIRE(j["lines"].size() == 2);
  CHECK(j["lines"][1]["strokes"] == range(9, 13));
  CHECK(j["lines"][1]["box"].size() == 4);
  CHECK(to_json(recognizer.recognize(Ink{}, as_lines))["lines"].empty());

  // The setting lines.split reads every page as lines, as the option does.
  Config config = recognizer.config();
  set_config(config, "lines.split", "true");
  CHECK(recognizer.recognize(two, {}, config).latex == r.latex);

  // A fixed symbol is kept on its line and read there with the line's stroke indices.
  RecognizeOptions options = as_lines;
  options.fixed.push_back({{10}, "y"});
  const Recognition fixed = recognizer.recognize(two, options);
  REQUIRE(fixed.lines.size() == 2);
  bool found = false;
  for (const auto& s : fixed.lines[1].symbols) found |= s.strokes == std::vector<int>{10} && s.label == "y";
  CHECK(found);
}

TEST_CASE("without the lines mode a page is read as one expression", "[lines][api]") {
  const Recognizer& recognizer = small_recognizer();
  const Ink two = page({step(0, 0), step(1.0, 1.7, 3)});
  const Recognition r = recognizer.recognize(two);
  CHECK(r.lines.empty());
  CHECK(to_json(r)["lines"].empty());
  CHECK(tree_of(r)["type"] == "row");
  CHECK(r.latex.find("aligned") == std::string::npos);
  CHECK(r.latex.find("gathered") == std::string::npos);
  size_t strokes = 0;
  for (const auto& s : r.symbols) strokes += s.strokes.size();
  CHECK(strokes == two.strokes.size());
  CHECK_FALSE(recognizer.config().lines.split);
}

TEST_CASE("ink JSON asks for lines in its options and ignores options it does not know", "[lines][api]") {
  RecognizeOptions options;
  ink_from_json_text(R"({"strokes": [[[0, 0], [1, 1]]], "options": {"lines": true, "vocabulary": ["x"]}})", &options);
  CHECK(options.lines);
  RecognizeOptions plain;
  ink_from_json_text(R"({"strokes": [[[0, 0], [1, 1]]], "options": {"alternatives": 3}})", &plain);
  CHECK_FALSE(plain.lines);
  CHECK_THROWS_WITH(ink_from_json_text(R"({"strokes": [], "options": {"lines": "yes"}})", &plain),
                    Catch::Contains("options.lines must be true or false"));
  CHECK_THROWS_WITH(ink_from_json_text(R"({"strokes": [], "options": 3})", &plain), Catch::Contains("must be an object"));
}

TEST_CASE("writers are read from CROHME file names", "[lines]") {
  CHECK(writer_of("103_em_7") == "103_em");
  CHECK(writer_of("rit_42100_3") == "rit_42100");
  CHECK(writer_of("formulaire001-equation002") == "formulaire001");
  CHECK(writer_of("2009210-947-12") == "2009210-947");
  CHECK(writer_of("101_Fabricio") == "Fabricio");
  CHECK(writer_of("MfrDB0001") == "");
}

// The fitted settings without the learned decision: its weights all 0.
LineParams rules_only() {
  LineParams p;
  p.merge = LineParams::Merge{0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0};
  return p;
}

// "2^a x+3=1^b 1" with the superscripts a and b touching their bases, and a third one, c,
// floating 0.55 above the 3 (further than any rule joins) but reaching into the line's height,
// then "2x+" under it.
Ink floating_script_page() {
  std::vector<Stroke> first = step(0, 0);
  first.push_back(glyph(0.65, -0.75, 0.4, 0.7));
  first.push_back(glyph(5.25, -0.75, 0.4, 0.7));
  first.push_back(glyph(2.8, -1.25, 0.4, 0.7));
  return page({first, step(0, 1.8, 3)});
}

TEST_CASE("a superscript floating above its base stays in its line: the learned decision", "[lines]") {
  const Ink ink = floating_script_page();
  const auto lines = split_lines(ink);
  REQUIRE(lines.size() == 2);
  CHECK(lines[0].strokes == range(0, 12));
  CHECK(lines[1].strokes == range(12, 16));
  // Without the learned weights the rules leave it a line of its own.
  CHECK(split_lines(ink, {}, rules_only()).size() == 3);
}

TEST_CASE("the learned decision is asked about groups close to each other, each with a tall stroke", "[lines]") {
  const Ink ink = floating_script_page();
  const double s = typical_stroke_size(ink);
  const GroupPair* script = nullptr;
  const auto pairs = undecided_pairs(ink, rules_only());
  for (const auto& p : pairs)
    if (p.a == range(0, 11) && p.b == std::vector<int>{11}) script = &p;
  REQUIRE(script != nullptr);
  const auto& f = script->features;  // in the order of LineParams::Merge
  CHECK(f[0] == 1);                               // bias
  CHECK(f[1] == Approx(-0.2 / s).margin(0.01));   // the boxes overlap in height
  CHECK(f[2] == Approx(0.55 / s).margin(0.01));   // nearest strokes: c and the 3
  CHECK(f[8] == Approx(0.2 / 0.7).margin(0.01));  // share of the script's height within the line's
  CHECK(f[9] == 1);                               // and all its width
  // Lines far apart are never asked about, nor is a dot.
  CHECK(undecided_pairs(page({step(0, 0), step(0, 6, 3)}), rules_only()).empty());
  Ink dotted = page({step(0, 0), step(0, 1.7, 3)});
  dotted.strokes.push_back(dot(3.0, 1.3));
  for (const auto& p : undecided_pairs(dotted, rules_only())) {
    CHECK(p.a != std::vector<int>{13});
    CHECK(p.b != std::vector<int>{13});
  }
}

TEST_CASE("a short line just above a tall root is a line of its own", "[lines]") {
  // "x=4" then, 0.6 below it, the root of a fraction that reaches up towards it.
  std::vector<Stroke> root = {Stroke{{0, 0.3}, {0.3, 1.2}, {0.7, -1.4}, {3.4, -1.4}}};
  for (auto& s : fraction(0.8, 0)) root.push_back(s);
  const auto lines = split_lines(page({step(0.2, -3.0, 5), root}));
  REQUIRE(lines.size() == 2);
  CHECK(lines[0].strokes == range(0, 7));
  CHECK(lines[1].strokes == range(7, 14));
}
