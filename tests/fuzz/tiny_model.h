// A small seeded random network with real symbol labels: recognition runs end to end on it
// (fuzzing, hostile-input tests) without the trained weights, and fast.
#pragma once
#include <cstdint>
#include <random>
#include <vector>

#include "features/features.h"
#include "language/ngram.h"
#include "model/container.h"
#include "nn/weights_file.h"
#include "structure/relations.h"

namespace inkmath::testing {

inline Eigen::MatrixXf seeded_matrix(int rows, int cols, std::mt19937& rng) {
  std::uniform_real_distribution<float> u(-1.f, 1.f);
  Eigen::MatrixXf m(rows, cols);
  for (int i = 0; i < m.size(); ++i) m.data()[i] = u(rng);
  return m;
}

// features: what the network reads; group_inputs: how many of its last features (the size
// and place ones) join the pooled values instead of entering the LSTM.
inline std::vector<uint8_t> tiny_weights(FeatureSet features = FeatureSet::online_context, int group_inputs = 0) {
  const std::vector<std::string> classes = {"x", "2", "+", "-", "=", "(", ")", "\\sqrt", "\\sum", ".", "junk"};
  const int hidden = 4;
  std::mt19937 rng(7);
  WeightsFile file;
  LstmLayer lstm;
  lstm.input = feature_count(features) - group_inputs;
  lstm.hidden = hidden;
  for (LstmDirection* d : {&lstm.forward, &lstm.backward})
    *d = {seeded_matrix(4 * hidden, lstm.input, rng), seeded_matrix(4 * hidden, hidden, rng), seeded_matrix(4 * hidden, 1, rng)};
  file.network.lstm.push_back(lstm);
  file.network.group_inputs = group_inputs;
  const int pooled = 4 * hidden;  // both directions, mean and max
  file.network.dense.push_back(
      {seeded_matrix(int(classes.size()), pooled + group_inputs, rng), seeded_matrix(int(classes.size()), 1, rng)});
  file.meta = {{"classes", classes}, {"features", feature_set_name(features)}, {"points", 16}};
  return write_weights(file);
}

// A model file of a classifier (tiny_weights() unless given) with every kind of fitted part: a
// seeded relation model (so the learned relations run), context tables for look-alikes among its
// classes, a language model over its labels, and settings.
inline std::vector<uint8_t> tiny_model(const std::vector<uint8_t>& classifier = tiny_weights()) {
  std::mt19937 rng(11);
  const auto numbers = [&](int n) {
    nlohmann::json a = nlohmann::json::array();
    for (int i = 0; i < n; ++i) a.push_back(std::uniform_real_distribution<float>(-1.f, 1.f)(rng));
    return a;
  };
  const auto rows = [&](int r, int c) {
    nlohmann::json a = nlohmann::json::array();
    for (int i = 0; i < r; ++i) a.push_back(numbers(c));
    return a;
  };
  nlohmann::json scale = nlohmann::json::array();
  for (int i = 0; i < kRelationFeatures; ++i) scale.push_back(1.0);
  const nlohmann::json relations = {{"version", kRelationFeaturesVersion}, {"hidden", 3},
                                    {"mean", numbers(kRelationFeatures)}, {"scale", scale},
                                    {"w1", rows(3, kRelationFeatures)}, {"b1", numbers(3)}, {"w2", rows(3, 3)},
                                    {"b2", numbers(3)}};
  const nlohmann::json context = {{"labels", {{{"label", "x"}, {"height_weight", -1.5}, {"bottom_weight", 0.2}, {"bias", 0.3}},
                                              {{"label", ")"}, {"height_weight", 2.0}, {"bottom_weight", 0.5}, {"bias", -0.3}}}}};
  const nlohmann::json settings = {{"refine", {{"context_weight", 0.5}}}};
  ModelFile file;
  const auto part = [&](const std::string& name, const std::vector<uint8_t>& bytes) {
    ModelPart p;
    p.info = {{"name", name}};
    p.bytes = bytes;
    file.parts.push_back(p);
  };
  const auto text = [](const nlohmann::json& j) {
    const std::string s = j.dump();
    return std::vector<uint8_t>(s.begin(), s.end());
  };
  part("classifier", classifier);
  part("relations", text(relations));
  part("context", text(context));
  const LanguageModel language(3, {"x", "2", "+", "-", "=", "(", ")", "\\sqrt", "\\sum", "."},
                               {{"2", "x", "+", "2"}, {"x", "=", "2"}, {"(", "x", "+", "2", ")"}, {"\\sqrt", "2"}});
  part("language", write_language_model(language));
  part("settings", text(settings));
  return write_model_file(file);
}

}  // namespace inkmath::testing
