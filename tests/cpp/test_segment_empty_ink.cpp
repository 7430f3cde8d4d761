// Ink with nothing to segment still gives a complete answer: no symbols and an empty row.
#include <catch2/catch.hpp>

#include "../fuzz/tiny_model.h"
#include "api/inkmath.h"
#include "api/json.h"
#include "pipeline/model.h"
#include "segment/segment.h"

using namespace inkmath;

namespace {

const Recognizer& small_recognizer() {
  static const Recognizer r(testing::tiny_weights());
  return r;
}

}  // namespace

TEST_CASE("segmenting ink without points gives no symbols", "[segment]") {
  Ink ink;
  ink.strokes.resize(3);  // three empty strokes
  const SymbolClassifier& classifier = small_recognizer().model().classifier;
  const Candidates c = candidates(ink, {}, {});
  CHECK(c.groups.empty());
  const std::vector<Partition> found = search(ink, c, classify(ink, c, classifier), classifier, {}, 5, 3);
  REQUIRE(found.size() == 1);  // the one partition of nothing
  CHECK(found[0].symbols.empty());
}

TEST_CASE("empty ink is recognized as an empty row, never a null tree", "[segment]") {
  const Recognition r = small_recognizer().recognize(Ink{});
  CHECK(r.symbols.empty());
  CHECK(r.latex.empty());
  const nlohmann::json j = to_json(r);
  REQUIRE(j["tree"].is_object());
  CHECK(j["tree"]["type"] == "row");
  CHECK(j["tree"]["children"].empty());
}
