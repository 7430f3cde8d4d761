#include "nn/network.h"

#include <stdexcept>

namespace inkmath {

namespace {

using Seq = std::vector<Eigen::MatrixXf>;  // one (features x batch) matrix per time step

// Runs one direction over the sequence; writes its hidden states into rows
// [offset, offset + H) of out[t]. The input projection of every step is one matrix product;
// the gate nonlinearities are vectorized array expressions.
void run_direction(const LstmDirection& d, int hidden, const Seq& in, bool reverse, int offset, Seq& out) {
  const int steps = int(in.size()), batch = int(in[0].cols());
  Eigen::MatrixXf inputs(in[0].rows(), steps * batch);
  for (int t = 0; t < steps; ++t) inputs.middleCols(t * batch, batch) = in[t];
  Eigen::MatrixXf projected = d.w_ih * inputs;
  projected.colwise() += d.bias;
  Eigen::MatrixXf h = Eigen::MatrixXf::Zero(hidden, batch), c = h;
  Eigen::MatrixXf gates(4 * hidden, batch);
  for (int k = 0; k < steps; ++k) {
    const int t = reverse ? steps - 1 - k : k;
    gates = projected.middleCols(t * batch, batch);
    gates.noalias() += d.w_hh * h;
    const auto i = gates.topRows(hidden).array().logistic();
    const auto f = gates.middleRows(hidden, hidden).array().logistic();
    const auto g = gates.middleRows(2 * hidden, hidden).array().tanh();
    const auto o = gates.bottomRows(hidden).array().logistic();
    c.array() = f * c.array() + i * g;
    h.array() = o * c.array().tanh();
    out[t].middleRows(offset, hidden) = h;
  }
}

}  // namespace

Eigen::MatrixXf Network::forward_batch(const std::vector<Eigen::MatrixXf>& xs) const {
  if (xs.empty()) return Eigen::MatrixXf(output_size(), 0);
  const int steps = int(xs[0].rows()), batch = int(xs.size());
  if (steps == 0) throw std::invalid_argument("empty sequence");
  Seq seq(steps, Eigen::MatrixXf(input_size(), batch));
  for (int b = 0; b < batch; ++b) {
    if (xs[b].rows() != steps || xs[b].cols() != input_size()) throw std::invalid_argument("batch shape mismatch");
    for (int t = 0; t < steps; ++t) seq[t].col(b) = xs[b].row(t).transpose();
  }
  for (const LstmLayer& layer : lstm) {
    Seq out(steps, Eigen::MatrixXf(2 * layer.hidden, batch));
    run_direction(layer.forward, layer.hidden, seq, false, 0, out);
    run_direction(layer.backward, layer.hidden, seq, true, layer.hidden, out);
    seq = std::move(out);
  }
  const int width = int(seq[0].rows());
  Eigen::MatrixXf pooled(2 * width, batch);
  Eigen::MatrixXf mean = seq[0], max = seq[0];
  for (int t = 1; t < steps; ++t) mean += seq[t], max = max.cwiseMax(seq[t]);
  pooled.topRows(width) = mean / float(steps);
  pooled.bottomRows(width) = max;
  Eigen::MatrixXf y = pooled;
  for (size_t i = 0; i < dense.size(); ++i) {
    Eigen::MatrixXf z = dense[i].w * y;
    z.colwise() += dense[i].b;
    y = (i + 1 < dense.size()) ? Eigen::MatrixXf(z.cwiseMax(0.f)) : z;
  }
  return y;
}

Eigen::VectorXf Network::forward(const Eigen::MatrixXf& x) const { return forward_batch({x}).col(0); }

Eigen::VectorXf softmax(const Eigen::VectorXf& logits) {
  const Eigen::VectorXf e = (logits.array() - logits.maxCoeff()).exp();
  return e / e.sum();
}

}  // namespace inkmath
