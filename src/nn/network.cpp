#include "nn/network.h"

#include <algorithm>
#include <stdexcept>
#include <vector>

#if defined(__wasm_simd128__)
#include <wasm_simd128.h>
#endif

namespace inkmath {

namespace {

using Seq = std::vector<Eigen::MatrixXf>;  // one (features x batch) matrix per time step

// out += w * h, the recurrent product of every step. Eigen has no WebAssembly SIMD path, so
// there a small kernel computes it four rows by four columns at a time; elsewhere Eigen does.
void multiply_add(const Eigen::MatrixXf& w, const Eigen::MatrixXf& h, Eigen::MatrixXf& out) {
#if defined(__wasm_simd128__)
  const int rows = int(w.rows()), inner = int(w.cols()), cols = int(h.cols());
  if (rows % 4 == 0 && cols >= 4) {
    // h regrouped by four columns, so that the four values of one k sit side by side.
    const int blocks = (cols + 3) / 4;
    std::vector<float> grouped(size_t(blocks) * inner * 4, 0.f);
    for (int b = 0; b < cols; ++b)
      for (int k = 0; k < inner; ++k) grouped[(size_t(b / 4) * inner + k) * 4 + b % 4] = h(k, b);
    for (int r = 0; r < rows; r += 4) {
      const float* strip = w.data() + r;  // rows r..r+3 of w; column k at strip + k * rows
      for (int blk = 0; blk < blocks; ++blk) {
        const float* hb = grouped.data() + size_t(blk) * inner * 4;
        v128_t acc[4] = {wasm_f32x4_splat(0), wasm_f32x4_splat(0), wasm_f32x4_splat(0), wasm_f32x4_splat(0)};
        for (int k = 0; k < inner; ++k) {
          const v128_t wk = wasm_v128_load(strip + size_t(k) * rows);
          const float* hk = hb + 4 * k;
          for (int j = 0; j < 4; ++j) acc[j] = wasm_f32x4_add(acc[j], wasm_f32x4_mul(wk, wasm_f32x4_splat(hk[j])));
        }
        for (int j = 0; j < 4 && 4 * blk + j < cols; ++j) {
          float* o = out.data() + size_t(4 * blk + j) * rows + r;
          wasm_v128_store(o, wasm_f32x4_add(wasm_v128_load(o), acc[j]));
        }
      }
    }
    return;
  }
#endif
  out.noalias() += w * h;
}

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
    multiply_add(d.w_hh, h, gates);
    const auto i = gates.topRows(hidden).array().logistic();
    const auto f = gates.middleRows(hidden, hidden).array().logistic();
    // tanh(x) = 2 logistic(2x) - 1: Eigen's logistic is a rational approximation everywhere,
    // where its tanh falls back to the C library's in WebAssembly, which is slower.
    const auto g = 2 * (2 * gates.middleRows(2 * hidden, hidden).array()).logistic() - 1;
    const auto o = gates.bottomRows(hidden).array().logistic();
    c.array() = f * c.array() + i * g;
    h.array() = o * (2 * (2 * c.array()).logistic() - 1);
    out[t].middleRows(offset, hidden) = h;
  }
}

// One glyph through the convolutions: (channels x side*side) in, flattened channel by channel
// (PyTorch's order) out. Each layer is one matrix product over the 3x3 neighbourhoods.
Eigen::VectorXf run_conv(const std::vector<ConvLayer>& layers, int side, const Eigen::VectorXf& glyph) {
  Eigen::MatrixXf x = glyph.transpose();  // 1 x side*side
  for (const ConvLayer& l : layers) {
    Eigen::MatrixXf patches = Eigen::MatrixXf::Zero(9 * l.input, side * side);
    for (int c = 0; c < l.input; ++c)
      for (int ky = 0; ky < 3; ++ky)
        for (int kx = 0; kx < 3; ++kx) {
          const int row = c * 9 + ky * 3 + kx;
          for (int y = 0; y < side; ++y) {
            const int sy = y + ky - 1;
            if (sy < 0 || sy >= side) continue;
            for (int px = 0; px < side; ++px) {
              const int sx = px + kx - 1;
              if (sx >= 0 && sx < side) patches(row, y * side + px) = x(c, sy * side + sx);
            }
          }
        }
    Eigen::MatrixXf z = l.w * patches;
    z.colwise() += l.b;
    z = z.cwiseMax(0.f);
    const int half = side / 2;
    Eigen::MatrixXf pooled(l.output, half * half);
    for (int y = 0; y < half; ++y)
      for (int px = 0; px < half; ++px) {
        const int a = 2 * y * side + 2 * px;
        pooled.col(y * half + px) = z.col(a).cwiseMax(z.col(a + 1)).cwiseMax(z.col(a + side)).cwiseMax(z.col(a + side + 1));
      }
    x = std::move(pooled);
    side = half;
  }
  const Eigen::Matrix<float, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor> flat = x;
  return Eigen::Map<const Eigen::VectorXf>(flat.data(), flat.size());
}

}  // namespace

int Network::glyph_outputs() const {
  if (conv.empty()) return 0;
  int side = glyph_side;
  for (size_t i = 0; i < conv.size(); ++i) side /= 2;
  return conv.back().output * side * side;
}

Eigen::MatrixXf Network::forward_batch(const std::vector<Eigen::MatrixXf>& xs,
                                       const std::vector<Eigen::VectorXf>& glyphs) const {
  if (xs.empty()) return Eigen::MatrixXf(output_size(), 0);
  if (!conv.empty() && glyphs.size() != xs.size()) throw std::invalid_argument("one glyph per sequence needed");
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
  if (!conv.empty()) {
    y.resize(2 * width + glyph_outputs(), batch);
    y.topRows(2 * width) = pooled;
    for (int b = 0; b < batch; ++b) {
      if (glyphs[b].size() != glyph_side * glyph_side) throw std::invalid_argument("glyph size mismatch");
      y.col(b).tail(glyph_outputs()) = run_conv(conv, glyph_side, glyphs[b]);
    }
  }
  for (size_t i = 0; i < dense.size(); ++i) {
    Eigen::MatrixXf z = dense[i].w * y;
    z.colwise() += dense[i].b;
    y = (i + 1 < dense.size()) ? Eigen::MatrixXf(z.cwiseMax(0.f)) : z;
  }
  return y;
}

Eigen::VectorXf Network::forward(const Eigen::MatrixXf& x, const Eigen::VectorXf& glyph) const {
  return forward_batch({x}, conv.empty() ? std::vector<Eigen::VectorXf>{} : std::vector<Eigen::VectorXf>{glyph}).col(0);
}

Eigen::VectorXf softmax(const Eigen::VectorXf& logits) {
  const Eigen::VectorXf e = (logits.array() - logits.maxCoeff()).exp();
  return e / e.sum();
}

}  // namespace inkmath
