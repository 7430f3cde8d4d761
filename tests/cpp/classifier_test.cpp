// The classifier's calibration and the alternatives it offers, on a small seeded network.
#include <catch2/catch.hpp>
#include <algorithm>
#include <cmath>

#include "../fuzz/tiny_model.h"
#include "segment/segment.h"
#include "symbols/classifier.h"

using namespace inkmath;

namespace {

std::vector<uint8_t> with_meta(const nlohmann::json& extra) {
  WeightsFile file = read_weights(testing::tiny_weights());
  for (const auto& [k, v] : extra.items()) file.meta[k] = v;
  return write_weights(file);
}

Eigen::VectorXf probabilities_of(const SymbolClassifier& c, std::initializer_list<std::pair<const char*, float>> given) {
  Eigen::VectorXf p = Eigen::VectorXf::Zero(int(c.classes().size()));
  for (const auto& [label, value] : given)
    p(int(std::find(c.classes().begin(), c.classes().end(), label) - c.classes().begin())) = value;
  return p;
}

std::vector<std::string> labels(const std::vector<Alternative>& alternatives) {
  std::vector<std::string> out;
  for (const auto& a : alternatives) out.push_back(a.label);
  return out;
}

}  // namespace

TEST_CASE("the temperature divides the logits before the softmax") {
  const SymbolClassifier plain(testing::tiny_weights()), sharp(with_meta({{"temperature", 0.5}}));
  REQUIRE(sharp.temperature() == 0.5f);
  const std::vector<std::vector<Stroke>> groups = {{{{0, 0}, {1, 1}, {2, 0}}}};
  const Eigen::VectorXf p = plain.probabilities(groups).col(0), q = sharp.probabilities(groups).col(0);
  // softmax(z / 0.5) is softmax(z) squared, renormalized.
  const Eigen::VectorXf expected = p.array().square() / p.array().square().sum();
  for (int i = 0; i < p.size(); ++i) REQUIRE(q(i) == Approx(expected(i)).margin(1e-5));
  REQUIRE_THROWS_WITH(SymbolClassifier(with_meta({{"temperature", -1}})), Catch::Contains("temperature"));
}

TEST_CASE("alternatives offered are known look-alikes of the reading or likely labels and never rare ones") {
  const SymbolClassifier c(with_meta({{"lookalikes", {{"x", {"+"}}, {"2", {"x"}}}}}));
  // "+" is a look-alike of "x": offered even at 2%; "(" is not, and under 10%: left out;
  // "=" is not a look-alike but 12% likely: offered.
  const Eigen::VectorXf p = probabilities_of(c, {{"x", 0.6f}, {"=", 0.12f}, {"(", 0.08f}, {"+", 0.02f}, {"junk", 0.18f}});
  REQUIRE(labels(c.top_symbols(p, 4)) == std::vector<std::string>{"x", "=", "+"});
  REQUIRE(labels(c.top_symbols(p, 2)) == std::vector<std::string>{"x", "="});
  // The ranking itself is unchanged: what top-3 accuracy measures.
  REQUIRE(labels(c.most_likely_symbols(p, 3)) == std::vector<std::string>{"x", "=", "("});
  // Under the floor even a look-alike is not offered.
  const Eigen::VectorXf q = probabilities_of(c, {{"x", 0.9f}, {"+", 0.0005f}, {"(", 0.09f}});
  REQUIRE(labels(c.top_symbols(q, 4)) == std::vector<std::string>{"x"});
  // Without a table, the k most likely.
  const SymbolClassifier plain(testing::tiny_weights());
  REQUIRE(labels(plain.top_symbols(p, 3)) == std::vector<std::string>{"x", "=", "("});
  REQUIRE_THROWS_WITH(SymbolClassifier(with_meta({{"lookalikes", {{"x", {"\\nope"}}}}})), Catch::Contains("unknown label"));
}

TEST_CASE("the search ranks groups by the network's own probabilities; the reading reports calibrated ones") {
  const SymbolClassifier plain(testing::tiny_weights()), sharp(with_meta({{"temperature", 0.3}}));
  Ink ink;
  ink.strokes = {{{0, 0}, {1, 1}, {2, 0}}, {{0, 1}, {2, 1}}, {{3, 0}, {3, 1}}, {{3.4, 0}, {4, 0.5}, {3.4, 1}}, {{5, 0.5}, {6, 0.5}}};
  const Candidates c = candidates(ink, {}, {});
  const Eigen::MatrixXf logits = classify(ink, c, sharp);
  const std::vector<RecognizedSymbol> a = search(ink, c, classify(ink, c, plain), plain, {}, 3).at(0).symbols;
  const std::vector<RecognizedSymbol> b = search(ink, c, logits, sharp, {}, 3).at(0).symbols;
  REQUIRE(!b.empty());
  REQUIRE(a.size() == b.size());
  for (size_t i = 0; i < a.size(); ++i) {
    REQUIRE(a[i].strokes == b[i].strokes);
    REQUIRE(a[i].label == b[i].label);
    // The score reported is the calibrated probability of the label for that group.
    size_t g = 0;
    while (g < c.groups.size()) {
      std::vector<int> strokes = c.groups[g];
      std::sort(strokes.begin(), strokes.end());
      if (strokes == b[i].strokes) break;
      ++g;
    }
    REQUIRE(g < c.groups.size());
    const Eigen::VectorXf q = sharp.calibrated(logits.col(long(g)));
    const long k = long(std::find(sharp.classes().begin(), sharp.classes().end(), b[i].label) - sharp.classes().begin());
    REQUIRE(b[i].score == Approx(q(k)).margin(1e-6));
  }
}
