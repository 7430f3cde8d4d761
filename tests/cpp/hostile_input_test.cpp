// Hostile and accidental input: each case ends in a result or a clear Error, in bounded
// time and memory (scripts/test-robustness runs these under the sanitizers; the README's
// "Hostile input" table lists the outcomes).
#include <catch2/catch.hpp>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <limits>
#include <string>

#include "../fuzz/tiny_model.h"
#include "api/inkmath.h"
#include "api/json.h"
#include "ink/inkml.h"
#include "nn/weights_file.h"

using namespace inkmath;

namespace {

const Recognizer& tiny_recognizer() {
  static const Recognizer r(testing::tiny_weights());
  return r;
}

Stroke zigzag(int points, double x0 = 0) {
  Stroke s;
  for (int i = 0; i < points; ++i) s.push_back({x0 + i * 0.01, double(i % 7), double(i)});
  return s;
}

std::string repeat(const std::string& s, size_t n) {
  std::string out;
  out.reserve(s.size() * n);
  for (size_t i = 0; i < n; ++i) out += s;
  return out;
}

std::vector<uint8_t> weights_with_header(const std::string& header) {
  std::vector<uint8_t> bytes = {'I', 'N', 'K', 'M', 1, 0, 0, 0};
  const auto size = uint32_t(header.size());
  for (int k = 0; k < 4; ++k) bytes.push_back(uint8_t(size >> (8 * k)));
  bytes.insert(bytes.end(), header.begin(), header.end());
  bytes.resize(bytes.size() + 64, 0);  // far fewer tensor bytes than the header claims
  const uint32_t crc = crc32(bytes.data(), bytes.size());
  for (int k = 0; k < 4; ++k) bytes.push_back(uint8_t(crc >> (8 * k)));
  return bytes;
}

}  // namespace

TEST_CASE("1000 strokes are recognized, 1001 are refused", "[hostile]") {
  Ink ink;
  for (int i = 0; i < 1000; ++i) ink.strokes.push_back(zigzag(20, 3.0 * i));
  const Recognition r = tiny_recognizer().recognize(ink);
  REQUIRE(!r.symbols.empty());
  ink.strokes.push_back(zigzag(20));
  REQUIRE_THROWS_WITH(tiny_recognizer().recognize(ink), Catch::Contains("too many strokes: 1001 (at most 1000)"));
}

TEST_CASE("a 100,000-point stroke is downsampled and recognized", "[hostile]") {
  Ink ink{{zigzag(100000)}};
  Ink bounded = ink;
  sanitize(bounded);
  REQUIRE(bounded.strokes[0].size() == size_t(Limits{}.max_points_per_stroke));
  const Recognition r = tiny_recognizer().recognize(ink);
  REQUIRE(r.symbols.size() == 1);
  REQUIRE(std::isfinite(r.symbols[0].score));
}

TEST_CASE("too many points in all is refused with a message", "[hostile]") {
  Ink ink;
  for (int i = 0; i < 60; ++i) ink.strokes.push_back(zigzag(4000, 50.0 * i));  // 240,000 points
  REQUIRE_THROWS_WITH(tiny_recognizer().recognize(ink), Catch::Contains("too much ink: 240000 points"));
}

TEST_CASE("NaN, infinite and huge values are refused, naming the point", "[hostile]") {
  const double nan = std::numeric_limits<double>::quiet_NaN(), inf = std::numeric_limits<double>::infinity();
  for (const Point& bad : {Point{nan, 0}, Point{0, -inf}, Point{0, 0, inf}, Point{0, 0, 0, nan}}) {
    Ink ink{{{{0, 0}, {1, 1}}, {{2, 2}, bad}}};
    REQUIRE_THROWS_WITH(tiny_recognizer().recognize(ink), Catch::Contains("stroke 1, point 1") && Catch::Contains("finite"));
  }
  Ink huge{{{{1e308, 0}}}};
  REQUIRE_THROWS_WITH(tiny_recognizer().recognize(huge), Catch::Contains("out of range"));
}

TEST_CASE("symbols of subnormal size are recognized as dots, with finite scores", "[hostile]") {
  const double tiny = std::numeric_limits<double>::denorm_min();
  const Recognition r = tiny_recognizer().recognize(Ink{{{{0, 0}, {tiny, tiny}, {2 * tiny, 0}}}});
  REQUIRE(r.symbols.size() == 1);
  for (const auto& a : r.symbols[0].alternatives) REQUIRE(std::isfinite(a.score));
}

TEST_CASE("nonsensical limits and options are refused", "[hostile]") {
  const Ink ink{{zigzag(5), zigzag(5, 10), {}}};
  RecognizeOptions options;
  Config config = tiny_recognizer().config();
  config.limits.max_points_per_stroke = 1;
  REQUIRE_THROWS_WITH(tiny_recognizer().recognize(ink, options, config), Catch::Contains("limits"));
  config = tiny_recognizer().config();
  config.alternatives = 0;
  REQUIRE_THROWS_WITH(tiny_recognizer().recognize(ink, options, config), Catch::Contains("at least one alternative"));
  options.fixed = {{{}, "x"}};
  REQUIRE_THROWS_WITH(tiny_recognizer().recognize(ink, options), Catch::Contains("has no strokes"));
  options.fixed = {{{3}, "x"}};
  REQUIRE_THROWS_WITH(tiny_recognizer().recognize(ink, options), Catch::Contains("does not exist"));
  options.fixed = {{{2}, "x"}};
  REQUIRE_THROWS_WITH(tiny_recognizer().recognize(ink, options), Catch::Contains("empty stroke"));
  options.fixed = {{{0}, "x"}, {{1, 0}, "-"}};
  REQUIRE_THROWS_WITH(tiny_recognizer().recognize(ink, options), Catch::Contains("stroke 0 belongs to two fixed symbols"));
}

TEST_CASE("a 10 MB InkML trace is read, then downsampled", "[hostile]") {
  const std::string xml = "<ink><trace id=\"t\">" + repeat("1234.5 678.25, ", 700000) + "</trace></ink>";
  REQUIRE(xml.size() > 10000000);
  InkmlDocument doc = read_inkml_string(xml);
  REQUIRE(doc.ink.strokes.size() == 1);
  REQUIRE(doc.ink.strokes[0].size() == 700000);
  sanitize(doc.ink);
  REQUIRE(doc.ink.strokes[0].size() == size_t(Limits{}.max_points_per_stroke));
}

TEST_CASE("a 10 MB InkML file of tiny traces is read, then refused for its stroke count", "[hostile]") {
  const std::string path = "hostile_many_traces.inkml";
  {
    std::ofstream out(path);
    out << "<ink>" << repeat("<trace>0 0</trace>", 560000) << "</ink>";
  }
  InkmlDocument doc = read_inkml_file(path);
  std::remove(path.c_str());
  REQUIRE(doc.ink.strokes.size() == 560000);
  REQUIRE_THROWS_WITH(sanitize(doc.ink), Catch::Contains("too many strokes"));
}

TEST_CASE("InkML over 64 MiB is refused before parsing", "[hostile]") {
  const std::string xml = "<ink>" + std::string(kMaxInkmlBytes, ' ') + "</ink>";
  REQUIRE_THROWS_WITH(read_inkml_string(xml, "big.inkml"), Catch::StartsWith("big.inkml: file too large"));
}

TEST_CASE("files that never end are refused, not read until memory runs out", "[hostile]") {
  REQUIRE_THROWS_WITH(read_inkml_file("/dev/zero"), Catch::StartsWith("/dev/zero: file too large"));
  REQUIRE_THROWS_WITH(read_file_bytes("/dev/zero", 1 << 20), Catch::StartsWith("/dev/zero: file too large (at most 1 MiB)"));
  REQUIRE(read_file_bytes("/dev/null").empty());
}

TEST_CASE("deeply nested XML: traceGroups are refused past a depth, other elements are ignored", "[hostile]") {
  const int depth = 100000;
  const std::string groups = "<ink><trace id=\"t\">0 0</trace>" + repeat("<traceGroup>", depth) +
                             "<annotation type=\"truth\">x</annotation><traceView traceDataRef=\"t\"/>" +
                             repeat("</traceGroup>", depth) + "</ink>";
  REQUIRE_THROWS_WITH(read_inkml_string(groups, "deep.inkml"), Catch::Contains("traceGroups nested more than 32 deep"));
  const std::string other = "<ink><trace>0 0, 1 1</trace>" + repeat("<g>", depth) + repeat("</g>", depth) + "</ink>";
  REQUIRE(read_inkml_string(other).ink.strokes.size() == 1);
  REQUIRE_THROWS_WITH(read_inkml_string(repeat("<g>", depth), "open.inkml"), Catch::Contains("malformed XML"));
}

TEST_CASE("thousands of traceGroups are read as symbols", "[hostile]") {
  std::string xml = "<ink>";
  for (int i = 0; i < 1000; ++i) xml += "<trace id=\"t" + std::to_string(i) + "\">" + std::to_string(i) + " 0, 1 1</trace>";
  xml += "<traceGroup>";
  for (int i = 0; i < 5000; ++i)
    xml += "<traceGroup><annotation type=\"truth\">x</annotation><traceView traceDataRef=\"t" + std::to_string(i % 1000) + "\"/></traceGroup>";
  xml += "</traceGroup></ink>";
  const InkmlDocument doc = read_inkml_string(xml);
  REQUIRE(doc.symbols.size() == 5000);
  REQUIRE(doc.symbols[4999].strokes == std::vector<int>{999});
}

TEST_CASE("empty and binary files are refused as malformed", "[hostile]") {
  REQUIRE_THROWS_WITH(read_inkml_string("", "empty.inkml"), Catch::StartsWith("empty.inkml: malformed XML"));
  std::string garbage;
  for (int i = 0; i < 4096; ++i) garbage += char((i * 7919) % 256);
  REQUIRE_THROWS_WITH(read_inkml_string(garbage, "garbage.inkml"), Catch::StartsWith("garbage.inkml: malformed XML"));
  REQUIRE_THROWS_WITH(read_inkml_string(std::string(100, '\0'), "zeros.inkml"), Catch::StartsWith("zeros.inkml: malformed XML"));
  REQUIRE_THROWS_WITH(Recognizer(std::vector<uint8_t>(garbage.begin(), garbage.end())), Catch::Contains("not an inkmath weight file"));
}

TEST_CASE("weight headers claiming huge layers are refused before allocating them", "[hostile]") {
  const auto huge = weights_with_header(R"({"input":4096,"lstm":[{"hidden":4096}],"dense":[4096],"meta":{}})");
  REQUIRE_THROWS_WITH(read_weights(huge), Catch::Contains("truncated"));
  const auto too_big = weights_with_header(R"({"input":4097,"lstm":[{"hidden":1}],"dense":[1]})");
  REQUIRE_THROWS_WITH(read_weights(too_big), Catch::Contains("bad input size"));
  const auto not_object = weights_with_header(R"({"input":7,"lstm":[7],"dense":[1]})");
  REQUIRE_THROWS_WITH(read_weights(not_object), Catch::Contains("bad hidden size"));
  auto header_size = weights_with_header("{}");
  header_size[8] = 0xff, header_size[9] = 0xff, header_size[10] = 0xff, header_size[11] = 0x7f;
  REQUIRE_THROWS_WITH(read_weights(header_size), Catch::Contains("truncated"));
}

TEST_CASE("ink JSON: over-large, invalid, deeply nested and over-long input is refused", "[hostile]") {
  REQUIRE_THROWS_WITH(ink_from_json_text(std::string(kMaxInkJsonBytes + 1, ' ')), Catch::Contains("JSON text too large"));
  REQUIRE_THROWS_WITH(ink_from_json_text("{\"strokes\": [[[0, 0]"), Catch::Contains("not valid JSON"));
  REQUIRE_THROWS_WITH(ink_from_json_text(repeat("[", 100000) + repeat("]", 100000)), Catch::Contains("expected {\"strokes\""));
  REQUIRE_THROWS_WITH(ink_from_json_text("{\"strokes\": [" + repeat("[],", 1000) + "[]]}"), Catch::Contains("too many strokes: 1001"));
  RecognizeOptions options;
  REQUIRE_THROWS_WITH(ink_from_json_text(R"({"strokes": [[[0, 0]]], "fixed": [{"strokes": [], "label": "x"}]})", &options),
                      Catch::Contains("needs strokes and a label"));
  REQUIRE_THROWS_WITH(ink_from_json_text(R"({"strokes": [[[1e400, 0]]]})"), Catch::Contains("not valid JSON"));
}
