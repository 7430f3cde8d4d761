// Symbol classifier: features of a stroke group -> BiLSTM -> probabilities over the
// CROHME symbol classes plus "junk" (a stroke group that is not one symbol).
#pragma once
#include <string>
#include <vector>

#include "base/symbol.h"
#include "features/features.h"
#include "nn/weights_file.h"

namespace inkmath {

class SymbolClassifier {
 public:
  explicit SymbolClassifier(const std::vector<uint8_t>& weight_bytes);

  // Probability columns for each stroke group (each group: the strokes of one candidate symbol),
  // given what the ink around each says (`around`: one per group, or none: nothing known).
  Eigen::MatrixXf probabilities(const std::vector<std::vector<Stroke>>& groups,
                                const std::vector<Surroundings>& around = {}) const;
  // The k most likely labels, best first.
  std::vector<Alternative> top(const Eigen::VectorXf& probabilities, int k) const;
  // The same among the symbol classes only: what a group reads as, if it is a symbol.
  std::vector<Alternative> top_symbols(const Eigen::VectorXf& probabilities, int k) const;

  const std::vector<std::string>& classes() const { return classes_; }
  int junk_index() const { return junk_; }  // -1 when the model has no junk class
  const nlohmann::json& meta() const { return weights_.meta; }
  const Network& network() const { return weights_.network; }
  FeatureSet features() const { return features_; }
  int points() const { return points_; }

 private:
  WeightsFile weights_;
  std::vector<std::string> classes_;
  FeatureSet features_;
  int points_;
  int junk_ = -1;
};

}  // namespace inkmath
