// Symbol classifier: features of a stroke group -> BiLSTM (+ CNN over the rendered glyph) ->
// probabilities over the CROHME symbol classes plus "junk" (a stroke group that is not one
// symbol).
//
// Two kinds of probabilities come from the same logits. The search (segmentation's choice of
// stroke groups) ranks hypotheses by the network's own softmax, before the temperature: its
// weights were fitted on those scores, and the temperature would reweigh a group's symbol term
// against the stroke-count and junk terms. What the reading reports (each symbol's score and
// its alternatives' scores, which the page's confidence check uses) and what alternatives are
// filtered by are the calibrated probabilities: softmax(logits / temperature).
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

  // Logit columns for each stroke group (each group: the strokes of one candidate symbol),
  // given what the ink around each says (`around`: one per group, or none: nothing known).
  // A group's column is the same, bit for bit, whatever other groups it is classified with.
  Eigen::MatrixXf logits(const std::vector<std::vector<Stroke>>& groups,
                         const std::vector<Surroundings>& around = {}) const;
  // logits() in two parts, for a caller that keeps what it can between readings
  // (pipeline/classifier_cache.h): each group's encoding (network.h), then the logits of
  // encodings in the given surroundings. Unless encodings_see_surroundings(), an encoding
  // depends on the group's strokes alone.
  Eigen::MatrixXf encodings(const std::vector<std::vector<Stroke>>& groups,
                            const std::vector<Surroundings>& around = {}) const;
  Eigen::MatrixXf logits_of_encodings(const Eigen::MatrixXf& encodings, const std::vector<std::vector<Stroke>>& groups,
                                      const std::vector<Surroundings>& around = {}) const;
  bool encodings_see_surroundings() const;
  // Calibrated probability columns for the same groups.
  Eigen::MatrixXf probabilities(const std::vector<std::vector<Stroke>>& groups,
                                const std::vector<Surroundings>& around = {}) const;
  // One logit column as probabilities: calibrated (what is reported) or the network's own
  // (what the search ranks by).
  Eigen::VectorXf calibrated(const Eigen::VectorXf& logits) const;
  Eigen::VectorXf uncalibrated(const Eigen::VectorXf& logits) const;
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
