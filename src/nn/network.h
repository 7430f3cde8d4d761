// BiLSTM sequence classifier: stacked bidirectional LSTM layers, mean+max pooling over
// time, optionally fused with a small CNN over the rendered glyph (the offline view), dense
// layers (ReLU between them), logits out. Mirrors scripts/model.py.
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

// 3x3 convolution (padding 1), ReLU, then 2x2 max pooling.
struct ConvLayer {
  int input = 0, output = 0;  // channels
  Eigen::MatrixXf w;          // output x (input * 9), PyTorch's (out, in, 3, 3) flattened
  Eigen::VectorXf b;
};

struct DenseLayer {
  Eigen::MatrixXf w;  // out x in
  Eigen::VectorXf b;
};

struct Network {
  std::vector<LstmLayer> lstm;
  int glyph_side = 0;  // side of the square glyph image the convolutions read; 0: no offline view
  std::vector<ConvLayer> conv;
  std::vector<DenseLayer> dense;

  int input_size() const { return lstm.empty() ? 0 : lstm[0].input; }
  int output_size() const { return dense.empty() ? 0 : int(dense.back().b.size()); }
  // Values the offline view adds to the pooled sequence: channels x the pooled side squared.
  int glyph_outputs() const;

  // One sequence, time x input -> logits; glyph: side*side pixels, row by row, when the
  // network has an offline view.
  Eigen::VectorXf forward(const Eigen::MatrixXf& x, const Eigen::VectorXf& glyph = {}) const;
  // Sequences of equal length, run together (matrix-matrix products): one logits column each;
  // glyphs: one per sequence when the network has an offline view, else none.
  Eigen::MatrixXf forward_batch(const std::vector<Eigen::MatrixXf>& xs,
                                const std::vector<Eigen::VectorXf>& glyphs = {}) const;
};

Eigen::VectorXf softmax(const Eigen::VectorXf& logits);

}  // namespace inkmath
