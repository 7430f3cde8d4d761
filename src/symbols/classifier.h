// Symbol classifier: features of a stroke group -> BiLSTM (+ CNN over the rendered glyph) ->
// probabilities over the CROHME symbol classes plus "junk" (a stroke group that is not one
// symbol), calibrated by the temperature fitted with the weights.
#pragma once
#include <string>
#include <vector>

#include "features/features.h"
#include "nn/weights_file.h"

namespace inkmath {

struct Alternative {
  std::string label;
  float score = 0;  // probability
};

class SymbolClassifier {
 public:
  explicit SymbolClassifier(const std::vector<uint8_t>& weight_bytes);

  // Probability columns for each stroke group (each group: the strokes of one candidate symbol),
  // given what the ink around each says (`around`: one per group, or none: nothing known).
  Eigen::MatrixXf probabilities(const std::vector<std::vector<Stroke>>& groups,
                                const std::vector<Surroundings>& around = {}) const;
  // The k most likely labels, best first.
  std::vector<Alternative> top(const Eigen::VectorXf& probabilities, int k) const;
  // The k most likely symbol labels (junk left out), best first: the ranking top-k accuracy measures.
  std::vector<Alternative> most_likely_symbols(const Eigen::VectorXf& probabilities, int k) const;
  // What a group reads as, if it is a symbol, and at most k - 1 alternatives after it that it
  // could really be: known look-alikes of the best label, or any label at least
  // kLikelyAlternative probable. Without a look-alike table: most_likely_symbols.
  std::vector<Alternative> top_symbols(const Eigen::VectorXf& probabilities, int k) const;
  // Look-alikes are offered from this probability up; any other label from kLikelyAlternative.
  static constexpr float kLookalikeFloor = 0.001f, kLikelyAlternative = 0.1f;

  const std::vector<std::string>& classes() const { return classes_; }
  int junk_index() const { return junk_; }  // -1 when the model has no junk class
  const nlohmann::json& meta() const { return weights_.meta; }
  const Network& network() const { return weights_.network; }
  FeatureSet features() const { return features_; }
  int points() const { return points_; }
  float temperature() const { return temperature_; }

 private:
  WeightsFile weights_;
  std::vector<std::string> classes_;
  FeatureSet features_;
  int points_;
  int junk_ = -1;
  float temperature_ = 1;
  std::vector<std::vector<int>> lookalikes_;  // per class, the classes it is mistaken for; empty: no table
};

}  // namespace inkmath
