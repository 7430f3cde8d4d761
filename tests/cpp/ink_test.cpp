#include <catch2/catch.hpp>
#include <cmath>
#include <limits>

#include "ink/ink.h"
#include "ink/inkml.h"

using namespace inkmath;

TEST_CASE("sanitize rejects non-finite coordinates with the stroke and point named") {
  Ink ink{{{{0, 0}, {1, std::nan("")}}}};
  REQUIRE_THROWS_WITH(sanitize(ink), Catch::Contains("stroke 0, point 1") && Catch::Contains("finite"));
  Ink inf{{{{std::numeric_limits<double>::infinity(), 0}}}};
  REQUIRE_THROWS_AS(sanitize(inf), Error);
}

TEST_CASE("sanitize bounds stroke count, coordinates and stroke length") {
  Limits limits;
  limits.max_strokes = 3;
  limits.max_points_per_stroke = 10;
  Ink many{std::vector<Stroke>(4, Stroke{{0, 0}})};
  REQUIRE_THROWS_WITH(sanitize(many, limits), Catch::Contains("too many strokes"));
  Ink far{{{{1e9, 0}}}};
  REQUIRE_THROWS_WITH(sanitize(far, limits), Catch::Contains("out of range"));
  Stroke long_stroke;
  for (int i = 0; i < 1000; ++i) long_stroke.push_back({double(i), 0});
  Ink ink{{long_stroke, {}}};
  sanitize(ink, limits);
  REQUIRE(ink.strokes[0].size() == 10);
  REQUIRE(ink.strokes[0].front().x == 0);
  REQUIRE(ink.strokes[0].back().x == 999);
  REQUIRE(ink.strokes[1].empty());  // kept in place so stroke indices stay stable
}

TEST_CASE("bounding boxes cover every point of the strokes named") {
  Ink ink{{{{0, 5}, {2, 1}}, {{-3, 4}}, {{100, 100}}}};
  const Box b = bounding_box(ink, {0, 1});
  REQUIRE(b.x0 == -3);
  REQUIRE(b.y0 == 1);
  REQUIRE(b.x1 == 2);
  REQUIRE(b.y1 == 5);
}

TEST_CASE("InkML traces, truth and symbol groups are read") {
  const auto doc = read_inkml_string(R"(<ink xmlns="http://www.w3.org/2003/InkML">
    <annotation type="truth">$x^2$</annotation>
    <trace id="a">0 0, 10 10</trace>
    <trace id="b">10 0 5, 0 10 6</trace>
    <trace id="c">20 -5, 22 -9, 24 -5</trace>
    <traceGroup xml:id="g"><annotation type="truth">Segmentation</annotation>
      <traceGroup><annotation type="truth">x</annotation><traceView traceDataRef="a"/><traceView traceDataRef="b"/></traceGroup>
      <traceGroup><annotation type="truth">2</annotation><traceView traceDataRef="c"/></traceGroup>
    </traceGroup></ink>)");
  REQUIRE(doc.ink.strokes.size() == 3);
  REQUIRE(doc.ink.strokes[1][0].t == 5);
  REQUIRE(doc.truth_latex == "x^2");
  REQUIRE(doc.symbols.size() == 2);
  REQUIRE(doc.symbols[0].label == "x");
  REQUIRE(doc.symbols[0].strokes == std::vector<int>{0, 1});
  REQUIRE(doc.symbols[1].strokes == std::vector<int>{2});
}

TEST_CASE("a LaTeX truth under the misspelled attribute typx is read as the truth") {
  const auto doc = read_inkml_string(R"(<ink xmlns="http://www.w3.org/2003/InkML">
    <annotation type="writer">w1</annotation>
    <annotation typx="truth">$ a + b $</annotation>
    <trace id="a">0 0, 10 10</trace></ink>)");
  REQUIRE(doc.truth_latex == "a + b");
  // The correctly spelled attribute wins when both are there.
  const auto both = read_inkml_string(R"(<ink><annotation typx="truth">$y$</annotation>
    <annotation type="truth">$x$</annotation><trace>0 0, 1 1</trace></ink>)");
  REQUIRE(both.truth_latex == "x");
}

TEST_CASE("the truth layout in MathML gives each symbol's relation to another") {
  // x_{i}^{2} + \frac{a}{b}: i and 2 are x's scripts, + follows x on the row, a and b are
  // in the fraction, and y names no MathML element.
  const auto doc = read_inkml_string(R"(<ink xmlns="http://www.w3.org/2003/InkML">
    <annotationXML type="truth" encoding="Content-MathML"><math xmlns="http://www.w3.org/1998/Math/MathML"><mrow>
      <msubsup><mi xml:id="x_1">x</mi><mi xml:id="i_1">i</mi><mn xml:id="2_1">2</mn></msubsup>
      <mo xml:id="+_1">+</mo>
      <mfrac xml:id="-_1"><mi xml:id="a_1">a</mi><mi xml:id="b_1">b</mi></mfrac></mrow></math></annotationXML>
    <trace id="0">0 0, 1 1</trace><trace id="1">2 2, 3 3</trace><trace id="2">2 -2, 3 -3</trace>
    <trace id="3">4 0, 5 0</trace><trace id="4">6 -1, 7 -1</trace><trace id="5">6 -3, 7 -2</trace>
    <trace id="6">6 1, 7 2</trace><trace id="7">9 0, 9 1</trace>
    <traceGroup><annotation type="truth">Segmentation</annotation>
      <traceGroup><annotation type="truth">x</annotation><traceView traceDataRef="0"/><annotationXML href="x_1"/></traceGroup>
      <traceGroup><annotation type="truth">i</annotation><traceView traceDataRef="1"/><annotationXML href="i_1"/></traceGroup>
      <traceGroup><annotation type="truth">2</annotation><traceView traceDataRef="2"/><annotationXML href="2_1"/></traceGroup>
      <traceGroup><annotation type="truth">+</annotation><traceView traceDataRef="3"/><annotationXML href="+_1"/></traceGroup>
      <traceGroup><annotation type="truth">-</annotation><traceView traceDataRef="4"/><annotationXML href="-_1"/></traceGroup>
      <traceGroup><annotation type="truth">a</annotation><traceView traceDataRef="5"/><annotationXML href="a_1"/></traceGroup>
      <traceGroup><annotation type="truth">b</annotation><traceView traceDataRef="6"/><annotationXML href="b_1"/></traceGroup>
      <traceGroup><annotation type="truth">y</annotation><traceView traceDataRef="7"/></traceGroup>
    </traceGroup></ink>)");
  REQUIRE(doc.scopes.size() == 8);
  CHECK(truth_relation(doc, 0, 1) == '_');
  CHECK(truth_relation(doc, 0, 2) == '^');
  CHECK(truth_relation(doc, 0, 3) == 'R');
  CHECK(truth_relation(doc, 0, 4) == 'R');  // the fraction bar stands on the row
  CHECK(truth_relation(doc, 4, 5) == 0);    // numerator: neither row nor script
  CHECK(truth_relation(doc, 1, 2) == 0);
  CHECK(truth_relation(doc, 0, 7) == 0);    // y: unknown
  CHECK(doc.scopes[5] == "/4n");
}

TEST_CASE("malformed InkML gives an Error naming the source") {
  REQUIRE_THROWS_WITH(read_inkml_string("<ink><trace>1 2", "broken.inkml"), Catch::StartsWith("broken.inkml: malformed XML"));
  REQUIRE_THROWS_WITH(read_inkml_string("<svg/>", "s.inkml"), Catch::Contains("no <ink> element"));
  REQUIRE_THROWS_WITH(read_inkml_string("<ink><trace>1 2, 3</trace></ink>", "t"), Catch::Contains("single coordinate"));
  REQUIRE_THROWS_WITH(read_inkml_string("<ink><trace>1 x</trace></ink>", "t"), Catch::Contains("unreadable number"));
  REQUIRE_THROWS_WITH(read_inkml_string("<ink>\n<trace>1 2</trace><!-- \xB7 --></ink>", "u.inkml"),
                      Catch::Contains("invalid UTF-8 on line 2"));
  REQUIRE_NOTHROW(read_inkml_string("<ink><annotation>\xC2\xB7</annotation></ink>"));
  REQUIRE_THROWS_WITH(read_inkml_file("/nonexistent/file.inkml"), Catch::Contains("cannot open"));
}
