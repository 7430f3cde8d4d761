// BiLSTM sequence classifier: stacked bidirectional LSTM layers, mean+max pooling over
// time, dense layers (ReLU between them), logits out. Mirrors scripts/model.py.
#pragma once
#include <Eigen/Core>
#include <vector>

namespace inkmath {

struct LstmDirection {
  Eigen::MatrixXf w_ih;  // 4H x input, gate order i, f, g, o (PyTorch's)
  Eigen::MatrixXf w_hh;  // 4H x H
  Eigen::VectorXf bias;  // 4H, b_ih + b_hh
};

struct LstmLayer {
  int input = 0, hidden = 0;
  LstmDirection forward, backward;
};

struct DenseLayer {
  Eigen::MatrixXf w;  // out x in
  Eigen::VectorXf b;
};

struct Network {
  std::vector<LstmLayer> lstm;
  std::vector<DenseLayer> dense;

  int input_size() const { return lstm.empty() ? 0 : lstm[0].input; }
  int output_size() const { return dense.empty() ? 0 : int(dense.back().b.size()); }

  // One sequence, time x input -> logits.
  Eigen::VectorXf forward(const Eigen::MatrixXf& x) const;
  // Sequences of equal length, run together (matrix-matrix products): one logits column each.
  Eigen::MatrixXf forward_batch(const std::vector<Eigen::MatrixXf>& xs) const;
};

Eigen::VectorXf softmax(const Eigen::VectorXf& logits);

}  // namespace inkmath
