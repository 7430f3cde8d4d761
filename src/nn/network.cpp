#include "nn/network.h"

#include <algorithm>
#include <cmath>
#include <stdexcept>
#include <vector>

#if defined(__wasm_simd128__)
#include <wasm_simd128.h>
#endif

namespace inkmath {

namespace {

#if defined(__wasm_simd128__)
// out += w * x for column-major matrices (rows x inner times inner x cols). A tile is 4 * Vectors
// rows from r by Columns columns from c. Every entry sums its terms in one order (k = 0, 1, ...,
// then onto out) whatever the shape, so that a column's result never depends on the columns
// beside it. Eigen has no WebAssembly SIMD path; every float product of the network goes
// through this kernel there.
template <int Vectors, int Columns>
inline void multiply_add_tile(const float* w, int rows, int inner, const float* x, float* out, int r, int c) {
  v128_t acc[Vectors][Columns];
  for (int v = 0; v < Vectors; ++v)
    for (int j = 0; j < Columns; ++j) acc[v][j] = wasm_f32x4_splat(0.f);
  const float* xc = x + size_t(c) * inner;
  for (int k = 0; k < inner; ++k) {
    v128_t wk[Vectors];
    for (int v = 0; v < Vectors; ++v) wk[v] = wasm_v128_load(w + size_t(k) * rows + r + 4 * v);
    for (int j = 0; j < Columns; ++j) {
      const v128_t xk = wasm_v128_load32_splat(xc + size_t(j) * inner + k);
      for (int v = 0; v < Vectors; ++v) acc[v][j] = wasm_f32x4_add(acc[v][j], wasm_f32x4_mul(wk[v], xk));
    }
  }
  for (int j = 0; j < Columns; ++j)
    for (int v = 0; v < Vectors; ++v) {
      float* o = out + size_t(c + j) * rows + r + 4 * v;
      wasm_v128_store(o, wasm_f32x4_add(wasm_v128_load(o), acc[v][j]));
    }
}

// Rows r.. of out (4 * Vectors of them), every column: four at a time, then the rest together,
// so that w's rows are read from memory once for all the columns.
template <int Vectors>
inline void multiply_add_rows(const float* w, int rows, int inner, const float* x, int cols, float* out, int r) {
  int c = 0;
  for (; c + 2 <= cols; c += 2) multiply_add_tile<Vectors, 2>(w, rows, inner, x, out, r, c);
  if (c < cols) multiply_add_tile<Vectors, 1>(w, rows, inner, x, out, r, c);
}

void multiply_add(const Eigen::Ref<const Eigen::MatrixXf>& w, const Eigen::Ref<const Eigen::MatrixXf>& x,
                  Eigen::Ref<Eigen::MatrixXf> out) {
  const int rows = int(w.rows()), inner = int(w.cols()), cols = int(x.cols());
  if (w.outerStride() != rows || x.outerStride() != inner || out.outerStride() != rows)
    throw std::logic_error("multiply_add needs packed columns");
  int r = 0;
  for (; r + 16 <= rows; r += 16) multiply_add_rows<4>(w.data(), rows, inner, x.data(), cols, out.data(), r);
  for (; r + 4 <= rows; r += 4) multiply_add_rows<1>(w.data(), rows, inner, x.data(), cols, out.data(), r);
  for (; r < rows; ++r)
    for (int c = 0; c < cols; ++c) {
      const float* xc = x.data() + size_t(c) * inner;
      float acc = 0.f;
      for (int k = 0; k < inner; ++k) acc += w(r, k) * xc[k];
      out(r, c) += acc;
    }
}
#else
// out += w * x, a matrix-vector product per column: Eigen vectorizes it for the native CPU
// (and runs it scalar in WebAssembly without SIMD). A matrix-matrix product would sum a
// column's terms in an order that depends on how many columns there are.
void multiply_add(const Eigen::Ref<const Eigen::MatrixXf>& w, const Eigen::Ref<const Eigen::MatrixXf>& x,
                  Eigen::Ref<Eigen::MatrixXf> out) {
  for (Eigen::Index c = 0; c < x.cols(); ++c) out.col(c).noalias() += w * x.col(c);
}
#endif

// w * x, through the one product of this build.
Eigen::MatrixXf product(const Eigen::MatrixXf& w, const Eigen::Ref<const Eigen::MatrixXf>& x) {
  Eigen::MatrixXf out = Eigen::MatrixXf::Zero(w.rows(), x.cols());
  multiply_add(w, x, out);
  return out;
}

// The cell update of one step: c = f c + i g, h = o tanh(c), from the gates' pre-activations
// (4H x batch, gate order i, f, g, o). tanh(x) = 2 logistic(2x) - 1: Eigen's logistic is a
// rational approximation everywhere, where its tanh falls back to the C library's in
// WebAssembly, which is slower.
#if defined(__wasm_simd128__)
// Eigen's logistic for floats, four at a time: the same constants and operations in the same
// order as Eigen computes it one value at a time without SIMD (its WebAssembly path), so both
// WebAssembly modules read alike. Below -9 it is exp(x), from the C library as there.
v128_t logistic(v128_t x_in) {
  const v128_t x = wasm_f32x4_pmin(x_in, wasm_f32x4_splat(15.6437711715698242f));
  const v128_t x2 = wasm_f32x4_mul(x, x);
  const auto madd = [](v128_t a, v128_t b, float c) { return wasm_f32x4_add(wasm_f32x4_mul(a, b), wasm_f32x4_splat(c)); };
  v128_t p = madd(x2, wasm_f32x4_splat(4.37031012579801e-11f), 1.15627324459942e-07f);
  p = madd(x2, p, 6.08574864600143e-05f);
  p = madd(x2, p, 8.51377133304701e-03f);
  p = madd(x2, p, 2.48287947061529e-01f);
  p = wasm_f32x4_mul(x, p);
  v128_t q = madd(x2, wasm_f32x4_splat(6.10247389755681e-13f), 5.76102136993427e-09f);
  q = madd(x2, q, 6.29106785017040e-06f);
  q = madd(x2, q, 1.70198817374094e-03f);
  q = madd(x2, q, 1.16817656904453e-01f);
  q = madd(x2, q, 9.93151921023180e-01f);
  v128_t y = wasm_f32x4_add(wasm_f32x4_div(p, q), wasm_f32x4_splat(0.5f));
  const v128_t small = wasm_f32x4_lt(x_in, wasm_f32x4_splat(-9.f));
  if (wasm_v128_any_true(small)) {
    alignas(16) float in[4], out[4];
    wasm_v128_store(in, x_in);
    wasm_v128_store(out, y);
    for (int j = 0; j < 4; ++j)
      if (in[j] < -9.f) out[j] = std::exp(in[j]);
    y = wasm_v128_load(out);
  }
  return y;
}

// Units j..j+3 of one column: gate holds its 4H pre-activations, c and h its state.
inline void update_units(const float* gate, int hidden, float* c, float* h, int j) {
  const v128_t one = wasm_f32x4_splat(1.f), two = wasm_f32x4_splat(2.f);
  const auto tanh = [&](v128_t x) { return wasm_f32x4_sub(wasm_f32x4_mul(two, logistic(wasm_f32x4_mul(two, x))), one); };
  const v128_t i = logistic(wasm_v128_load(gate + j));
  const v128_t f = logistic(wasm_v128_load(gate + hidden + j));
  const v128_t g = tanh(wasm_v128_load(gate + 2 * hidden + j));
  const v128_t o = logistic(wasm_v128_load(gate + 3 * hidden + j));
  const v128_t cj = wasm_f32x4_add(wasm_f32x4_mul(f, wasm_v128_load(c + j)), wasm_f32x4_mul(i, g));
  wasm_v128_store(c + j, cj);
  wasm_v128_store(h + j, wasm_f32x4_mul(o, tanh(cj)));
}

void update_cell(const Eigen::Ref<const Eigen::MatrixXf>& gates, int hidden, Eigen::MatrixXf& c, Eigen::MatrixXf& h) {
  for (int b = 0; b < int(gates.cols()); ++b) {
    const float* gate = gates.data() + size_t(b) * 4 * hidden;
    float* cb = c.data() + size_t(b) * hidden;
    float* hb = h.data() + size_t(b) * hidden;
    int j = 0;
    for (; j + 4 <= hidden; j += 4) update_units(gate, hidden, cb, hb, j);
    if (j == hidden) continue;
    // The last few units, through a copy filled up to four.
    const int n = hidden - j;
    alignas(16) float gate4[16] = {}, c4[4] = {}, h4[4];
    for (int k = 0; k < 4; ++k) std::copy_n(gate + k * hidden + j, n, gate4 + 4 * k);
    std::copy_n(cb + j, n, c4);
    update_units(gate4, 4, c4, h4, 0);
    std::copy_n(c4, n, cb + j);
    std::copy_n(h4, n, hb + j);
  }
}
#else
void update_cell(const Eigen::Ref<const Eigen::MatrixXf>& gates, int hidden, Eigen::MatrixXf& c, Eigen::MatrixXf& h) {
  const auto i = gates.topRows(hidden).array().logistic();
  const auto f = gates.middleRows(hidden, hidden).array().logistic();
  const auto g = 2 * (2 * gates.middleRows(2 * hidden, hidden).array()).logistic() - 1;
  const auto o = gates.bottomRows(hidden).array().logistic();
  c.array() = f * c.array() + i * g;
  h.array() = o * (2 * (2 * c.array()).logistic() - 1);
}
#endif

// Runs one direction over the steps. inputs: the per-step inputs (input x steps*batch, step
// t's batch at columns t*batch...); start: each sequence's gates before its per-step inputs
// (4H x batch: the bias and the product of its steady inputs). Writes its hidden states into
// rows [offset, offset + H) of out (2H x steps*batch).
void run_direction(const LstmDirection& d, int hidden, const Eigen::MatrixXf& inputs, const Eigen::MatrixXf& start,
                   bool reverse, int offset, Eigen::MatrixXf& out) {
  if (d.recurrent.rows != d.w_hh.rows()) throw std::logic_error("LSTM weights set without Network::prepare()");
  const int batch = int(start.cols()), steps = int(inputs.cols()) / batch;
  // Every step's gates: its sequence's start, to which the input projection and then the
  // recurrent product add in place.
  Eigen::MatrixXf gates(start.rows(), inputs.cols());
  for (int t = 0; t < steps; ++t) gates.middleCols(t * batch, batch) = start;  // (Eigen's replicate() is slow here)
  std::vector<int16_t> integers;
  integer_multiply_add(d.per_step, inputs, integers, gates);
  Eigen::MatrixXf h = Eigen::MatrixXf::Zero(hidden, batch), c = h;
  for (int k = 0; k < steps; ++k) {
    const int t = reverse ? steps - 1 - k : k;
    auto step = gates.middleCols(t * batch, batch);
    integer_multiply_add(d.recurrent, h, integers, step);
    update_cell(step, hidden, c, h);
    out.block(offset, t * batch, hidden, batch) = h;
  }
}

// Each sequence's gates before its per-step inputs: the bias, plus the product of the last
// inputs when they are the same at every step (steady: steady x batch), computed once rather
// than at every step.
Eigen::MatrixXf gate_start(const LstmDirection& d, const Eigen::MatrixXf& steady) {
  Eigen::MatrixXf start(d.bias.size(), steady.cols());
  start.colwise() = d.bias;
  if (steady.rows() > 0) multiply_add(d.w_ih.rightCols(steady.rows()), steady, start);
  return start;
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
    Eigen::MatrixXf z = product(l.w, patches);
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

void Network::prepare() {
  for (size_t i = 0; i < lstm.size(); ++i) {
    const int per_step = i == 0 ? per_step_inputs() : lstm[i].input;
    for (LstmDirection* d : {&lstm[i].forward, &lstm[i].backward}) {
      d->recurrent = quantize_weights(d->w_hh);
      d->per_step = quantize_weights(d->w_ih.leftCols(per_step));
    }
  }
}

void Network::set_steady_inputs(int count) {
  steady_inputs = count;
  if (lstm.empty()) return;
  const int per_step = per_step_inputs();
  for (LstmDirection* d : {&lstm[0].forward, &lstm[0].backward}) d->per_step = quantize_weights(d->w_ih.leftCols(per_step));
}

int Network::per_step_inputs() const {
  const int inputs = lstm.empty() ? 0 : lstm[0].input;
  if (steady_inputs < 0 || steady_inputs > inputs) throw std::logic_error("steady inputs out of range");
  return inputs - steady_inputs;
}

int Network::glyph_outputs() const {
  if (conv.empty()) return 0;
  int side = glyph_side;
  for (size_t i = 0; i < conv.size(); ++i) side /= 2;
  return conv.back().output * side * side;
}

int Network::encoding_size() const {
  return lstm.empty() ? 0 : 4 * lstm.back().hidden + glyph_outputs();
}

Eigen::MatrixXf Network::encode_batch(const std::vector<Eigen::MatrixXf>& xs,
                                      const std::vector<Eigen::VectorXf>& glyphs) const {
  if (xs.empty()) return Eigen::MatrixXf(encoding_size(), 0);
  if (!conv.empty() && glyphs.size() != xs.size()) throw std::invalid_argument("one glyph per sequence needed");
  const int steps = int(xs[0].rows()), batch = int(xs.size());
  if (steps == 0) throw std::invalid_argument("empty sequence");
  // The first layer's inputs: the per-step ones, step by step, and the steady ones of step 0.
  const int per_step = per_step_inputs();
  Eigen::MatrixXf inputs(per_step, steps * batch), steady(steady_inputs, batch);
  for (int b = 0; b < batch; ++b) {
    if (xs[b].rows() != steps || xs[b].cols() != input_size()) throw std::invalid_argument("batch shape mismatch");
    for (int t = 0; t < steps; ++t) inputs.col(t * batch + b) = xs[b].row(t).head(per_step).transpose();
    steady.col(b) = xs[b].row(0).segment(per_step, steady_inputs).transpose();
  }
  for (const LstmLayer& layer : lstm) {
    Eigen::MatrixXf out(2 * layer.hidden, steps * batch);
    run_direction(layer.forward, layer.hidden, inputs, gate_start(layer.forward, steady), false, 0, out);
    run_direction(layer.backward, layer.hidden, inputs, gate_start(layer.backward, steady), true, layer.hidden, out);
    inputs = std::move(out);
    steady.resize(0, batch);
  }
  const int width = int(inputs.rows());
  Eigen::MatrixXf y(encoding_size(), batch);
  // Mean and max over the steps, in plain loops over each step's values (one block of the
  // matrix), which the compiler vectorizes where Eigen has no SIMD path (WebAssembly).
  Eigen::MatrixXf mean = inputs.leftCols(batch), max = mean;
  const Eigen::Index values = mean.size();
  for (int t = 1; t < steps; ++t) {
    const float* step = inputs.data() + size_t(t) * size_t(values);
    float *sum = mean.data(), *most = max.data();
    for (Eigen::Index i = 0; i < values; ++i) sum[i] += step[i], most[i] = std::max(most[i], step[i]);
  }
  y.topRows(width) = mean / float(steps);
  y.middleRows(width, width) = max;
  for (int b = 0; b < batch && !conv.empty(); ++b) {
    if (glyphs[b].size() != glyph_side * glyph_side) throw std::invalid_argument("glyph size mismatch");
    y.col(b).tail(glyph_outputs()) = run_conv(conv, glyph_side, glyphs[b]);
  }
  return y;
}

Eigen::MatrixXf Network::group_values(const std::vector<Eigen::MatrixXf>& xs) const {
  Eigen::MatrixXf out(group_inputs, long(xs.size()));
  for (size_t b = 0; b < xs.size(); ++b) {
    if (xs[b].rows() == 0 || xs[b].cols() != input_size()) throw std::invalid_argument("batch shape mismatch");
    out.col(long(b)) = xs[b].row(0).tail(group_inputs).transpose();
  }
  return out;
}

Eigen::MatrixXf Network::head(const Eigen::MatrixXf& encodings, const Eigen::MatrixXf& group_values) const {
  if (encodings.rows() != encoding_size() || group_values.rows() != group_inputs || group_values.cols() != encodings.cols())
    throw std::invalid_argument("head: encodings and group inputs do not match the network");
  Eigen::MatrixXf y(encoding_size() + group_inputs, encodings.cols());
  y.topRows(encoding_size()) = encodings;
  y.bottomRows(group_inputs) = group_values;
  for (size_t i = 0; i < dense.size(); ++i) {
    Eigen::MatrixXf z = product(dense[i].w, y);
    z.colwise() += dense[i].b;
    y = (i + 1 < dense.size()) ? Eigen::MatrixXf(z.cwiseMax(0.f)) : z;
  }
  return y;
}

Eigen::MatrixXf Network::forward_batch(const std::vector<Eigen::MatrixXf>& xs,
                                       const std::vector<Eigen::VectorXf>& glyphs) const {
  return head(encode_batch(xs, glyphs), group_values(xs));
}

Eigen::VectorXf Network::forward(const Eigen::MatrixXf& x, const Eigen::VectorXf& glyph) const {
  return forward_batch({x}, conv.empty() ? std::vector<Eigen::VectorXf>{} : std::vector<Eigen::VectorXf>{glyph}).col(0);
}

Eigen::VectorXf softmax(const Eigen::VectorXf& logits) {
  const Eigen::VectorXf e = (logits.array() - logits.maxCoeff()).exp();
  return e / e.sum();
}

}  // namespace inkmath
