// A small seeded random network with real symbol labels: recognition runs end to end on it
// (fuzzing, hostile-input tests) without the trained weights, and fast.
#pragma once
#include <cstdint>
#include <random>
#include <vector>

#include "features/features.h"
#include "nn/weights_file.h"

namespace inkmath::testing {

inline Eigen::MatrixXf seeded_matrix(int rows, int cols, std::mt19937& rng) {
  std::uniform_real_distribution<float> u(-1.f, 1.f);
  Eigen::MatrixXf m(rows, cols);
  for (int i = 0; i < m.size(); ++i) m.data()[i] = u(rng);
  return m;
}

inline std::vector<uint8_t> tiny_weights() {
  const std::vector<std::string> classes = {"x", "2", "+", "-", "=", "(", ")", "\\sqrt", "\\sum", ".", "junk"};
  const FeatureSet features = FeatureSet::online_context;
  const int hidden = 4;
  std::mt19937 rng(7);
  WeightsFile file;
  LstmLayer lstm;
  lstm.input = feature_count(features);
  lstm.hidden = hidden;
  for (LstmDirection* d : {&lstm.forward, &lstm.backward})
    *d = {seeded_matrix(4 * hidden, lstm.input, rng), seeded_matrix(4 * hidden, hidden, rng), seeded_matrix(4 * hidden, 1, rng)};
  file.network.lstm.push_back(lstm);
  const int pooled = 4 * hidden;  // both directions, mean and max
  file.network.dense.push_back({seeded_matrix(int(classes.size()), pooled, rng), seeded_matrix(int(classes.size()), 1, rng)});
  file.meta = {{"classes", classes}, {"features", feature_set_name(features)}, {"points", 16}};
  return write_weights(file);
}

}  // namespace inkmath::testing
