// BiLSTM sequence classifier: stacked bidirectional LSTM layers, mean+max pooling over
// time, optionally fused with a small CNN over the rendered glyph (the offline view), then the
// sequence's group inputs (its last inputs, the same at every step: read at the first), dense
// layers (ReLU between them), logits out. Mirrors scripts/model.py.
//
// What the LSTM and the CNN compute (the encoding) depends on neither group input, so a caller
// that keeps encodings can change the group inputs and run the dense layers alone (head()).
#pragma once
#include <Eigen/Core>
#include <vector>

#include "nn/integer_product.h"

namespace inkmath {

struct LstmDirection {
  Eigen::MatrixXf w_ih;  // 4H x input, gate order i, f, g, o (PyTorch's)
  Eigen::MatrixXf w_hh;  // 4H x H, as trained and stored
  Eigen::VectorXf bias;  // 4H, b_ih + b_hh
  IntegerWeights recurrent;  // w_hh as the recurrent product reads it (Network::prepare)
  IntegerWeights per_step;   // w_ih's columns for the inputs read at every step, likewise
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

// A sequence's logits are the same bit for bit whatever it is batched with: every product sums
// each column's terms in one order whatever the batch (nn/network.cpp, nn/integer_product.h), which
// is what lets a recognition session reuse the columns of an earlier reading.

struct Network {
  std::vector<LstmLayer> lstm;
  int group_inputs = 0;  // the last inputs, taken beside the pooled values, not by the LSTM
  // Of the LSTM's inputs, how many of the last ones are the same at every step (the group's
  // size and place): their product with the weights is computed once per sequence, from the
  // first step's values. 0: every input is read at every step. Set before prepare().
  int steady_inputs = 0;
  int glyph_side = 0;  // side of the square glyph image the convolutions read; 0: no offline view
  std::vector<ConvLayer> conv;
  std::vector<DenseLayer> dense;

  // Makes each direction's integer weights (IntegerWeights) from its w_hh and the per-step
  // columns of its w_ih: once the weights and steady_inputs are set, before the first forward.
  // Throws std::logic_error when steady_inputs is more than the first layer's inputs.
  void prepare();
  // Sets steady_inputs on a prepared network, making again only what depends on it (the first
  // layer's per-step weights). Throws as prepare() does.
  void set_steady_inputs(int count);
  // The first layer's inputs read at every step; throws as prepare() does.
  int per_step_inputs() const;

  int input_size() const { return lstm.empty() ? 0 : lstm[0].input + group_inputs; }
  int output_size() const { return dense.empty() ? 0 : int(dense.back().b.size()); }
  // Values the offline view adds to the pooled sequence: channels x the pooled side squared.
  int glyph_outputs() const;
  // Values per sequence that the LSTM and the offline view give the dense layers.
  int encoding_size() const;

  // One sequence, time x input -> logits; glyph: side*side pixels, row by row, when the
  // network has an offline view.
  Eigen::VectorXf forward(const Eigen::MatrixXf& x, const Eigen::VectorXf& glyph = {}) const;
  // Sequences of equal length, run together (matrix-matrix products): one logits column each;
  // glyphs: one per sequence when the network has an offline view, else none.
  Eigen::MatrixXf forward_batch(const std::vector<Eigen::MatrixXf>& xs,
                                const std::vector<Eigen::VectorXf>& glyphs = {}) const;
  // forward_batch in two parts: the encoding of each sequence (its group inputs unread), and
  // the dense layers over encodings and group inputs (group_inputs x batch), one logits column
  // per encoding column. head(encode_batch(xs, glyphs), group_values(xs)) == forward_batch.
  Eigen::MatrixXf encode_batch(const std::vector<Eigen::MatrixXf>& xs,
                               const std::vector<Eigen::VectorXf>& glyphs = {}) const;
  Eigen::MatrixXf head(const Eigen::MatrixXf& encodings, const Eigen::MatrixXf& group_values) const;
  Eigen::MatrixXf group_values(const std::vector<Eigen::MatrixXf>& xs) const;
};

Eigen::VectorXf softmax(const Eigen::VectorXf& logits);

}  // namespace inkmath
