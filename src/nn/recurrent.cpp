#include "nn/recurrent.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <stdexcept>

#if defined(__wasm_simd128__)
#include <wasm_simd128.h>
#endif

namespace inkmath {

namespace {

constexpr int kBlock = 4;  // rows that share one 8-lane vector of weights

int blocks_of(const RecurrentWeights& w) { return (w.rows + kBlock - 1) / kBlock; }

// Where w(r, j) lies in RecurrentWeights::w: in blocks of 4 rows, each pair of columns of the 4
// rows together, for WebAssembly SIMD's dot of pairs; row by row elsewhere.
size_t weight_index(const RecurrentWeights& w, int r, int j) {
#if defined(__wasm_simd128__)
  return (size_t(r / kBlock) * size_t(w.pairs) + size_t(j / 2)) * 2 * kBlock + 2 * size_t(r % kBlock) + size_t(j % 2);
#else
  return size_t(r) * 2 * size_t(w.pairs) + size_t(j);
#endif
}

// h as integers, column by column, 2 * pairs values each (the last one 0 when H is odd).
// h * h_scale is exact (a power of two); nearbyint rounds half to even, as f32x4.nearest does.
void quantize_h(const RecurrentWeights& w, const Eigen::MatrixXf& h, std::vector<int16_t>& out) {
  const int hidden = int(h.rows()), stride = 2 * w.pairs, batch = int(h.cols());
  out.assign(size_t(stride) * size_t(batch), 0);
  for (int b = 0; b < batch; ++b) {
    const float* in = h.data() + size_t(b) * hidden;
    int16_t* q = out.data() + size_t(b) * stride;
    int j = 0;
#if defined(__wasm_simd128__)
    const v128_t scale = wasm_f32x4_splat(w.h_scale);
    for (; j + 8 <= hidden; j += 8) {
      const v128_t lo = wasm_i32x4_trunc_sat_f32x4(wasm_f32x4_nearest(wasm_f32x4_mul(wasm_v128_load(in + j), scale)));
      const v128_t hi = wasm_i32x4_trunc_sat_f32x4(wasm_f32x4_nearest(wasm_f32x4_mul(wasm_v128_load(in + j + 4), scale)));
      wasm_v128_store(q + j, wasm_i16x8_narrow_i32x4(lo, hi));
    }
#endif
    for (; j < hidden; ++j) {
      // |h| <= 1 unless the weights make it not a number: then 0, as the SIMD lanes' saturating
      // conversion gives.
      const float v = in[j] * w.h_scale;
      q[j] = v == v ? int16_t(std::nearbyint(std::clamp(v, -w.h_scale, w.h_scale))) : 0;
    }
  }
}

#if defined(__wasm_simd128__)
// Blocks block.. (4 rows each) by Columns columns from c: each lane of a dot sums two products,
// one row's pair of columns of w against the same pair of h.
template <int Blocks, int Columns>
inline void tile(const RecurrentWeights& w, const int16_t* hq, int block, int c, Eigen::Ref<Eigen::MatrixXf> gates) {
  const int pairs = w.pairs, stride = 2 * pairs;
  v128_t acc[Blocks][Columns];
  for (int v = 0; v < Blocks; ++v)
    for (int j = 0; j < Columns; ++j) acc[v][j] = wasm_i32x4_splat(0);
  const int16_t* wb = w.w.data() + size_t(block) * 2 * kBlock * pairs;
  for (int k = 0; k < pairs; ++k) {
    v128_t wk[Blocks];
    for (int v = 0; v < Blocks; ++v) wk[v] = wasm_v128_load(wb + (size_t(v) * pairs + k) * 2 * kBlock);
    for (int j = 0; j < Columns; ++j) {
      const v128_t hk = wasm_v128_load32_splat(hq + size_t(c + j) * stride + 2 * k);
      for (int v = 0; v < Blocks; ++v) acc[v][j] = wasm_i32x4_add(acc[v][j], wasm_i32x4_dot_i16x8(wk[v], hk));
    }
  }
  for (int j = 0; j < Columns; ++j)
    for (int v = 0; v < Blocks; ++v) {
      const int r = (block + v) * kBlock;
      const v128_t add = wasm_f32x4_mul(wasm_f32x4_convert_i32x4(acc[v][j]), wasm_v128_load(w.unit.data() + r));
      float* o = gates.data() + size_t(c + j) * size_t(gates.outerStride()) + r;
      if (r + kBlock <= w.rows) {
        wasm_v128_store(o, wasm_f32x4_add(wasm_v128_load(o), add));
      } else {
        alignas(16) float lanes[kBlock];
        wasm_v128_store(lanes, add);
        for (int i = 0; r + i < w.rows; ++i) o[i] += lanes[i];
      }
    }
}

template <int Blocks>
inline void tile_columns(const RecurrentWeights& w, const int16_t* hq, int block, Eigen::Ref<Eigen::MatrixXf> gates) {
  const int cols = int(gates.cols());
  int c = 0;
  for (; c + 2 <= cols; c += 2) tile<Blocks, 2>(w, hq, block, c, gates);
  if (c < cols) tile<Blocks, 1>(w, hq, block, c, gates);
}

// Tiles of 16 rows by 2 columns: measured in V8 (x86-64), 2.3 times as fast as 8 rows by 4
// columns, which load h more often.
void multiply_add(const RecurrentWeights& w, const int16_t* hq, Eigen::Ref<Eigen::MatrixXf> gates) {
  const int blocks = blocks_of(w);
  int block = 0;
  for (; block + 4 <= blocks; block += 4) tile_columns<4>(w, hq, block, gates);
  for (; block < blocks; ++block) tile_columns<1>(w, hq, block, gates);
}
#else
// Row by row: each row's weights lie together (weight_index), so that each dot product is one
// contiguous loop that the compiler vectorizes for the native CPU; four columns at a time read
// the row once.
void multiply_add(const RecurrentWeights& w, const int16_t* hq, Eigen::Ref<Eigen::MatrixXf> gates) {
  const int stride = 2 * w.pairs, cols = int(gates.cols());
  // The product with unit is exact: fused into the addition or not, the same sum.
  const auto add = [&](int r, int c, int32_t sum) { gates(r, c) += float(sum) * w.unit[size_t(r)]; };
  int c = 0;
  for (; c + 4 <= cols; c += 4) {
    const int16_t *h0 = hq + size_t(c) * stride, *h1 = h0 + stride, *h2 = h1 + stride, *h3 = h2 + stride;
    for (int r = 0; r < w.rows; ++r) {
      const int16_t* wr = w.w.data() + size_t(r) * stride;
      int32_t a0 = 0, a1 = 0, a2 = 0, a3 = 0;
      for (int k = 0; k < stride; ++k) {
        const int32_t x = wr[k];
        a0 += x * h0[k], a1 += x * h1[k], a2 += x * h2[k], a3 += x * h3[k];
      }
      add(r, c, a0), add(r, c + 1, a1), add(r, c + 2, a2), add(r, c + 3, a3);
    }
  }
  for (; c < cols; ++c) {
    const int16_t* hc = hq + size_t(c) * stride;
    for (int r = 0; r < w.rows; ++r) {
      const int16_t* wr = w.w.data() + size_t(r) * stride;
      int32_t a = 0;
      for (int k = 0; k < stride; ++k) a += int32_t(wr[k]) * hc[k];
      add(r, c, a);
    }
  }
}
#endif

}  // namespace

RecurrentWeights quantize_recurrent(const Eigen::MatrixXf& w_hh) {
  if (!w_hh.allFinite()) throw std::invalid_argument("recurrent weights are not finite");
  RecurrentWeights q;
  q.rows = int(w_hh.rows());
  const int hidden = int(w_hh.cols());
  q.pairs = (hidden + 1) / 2;
  // The largest power of two that keeps every sum of 2 * pairs products within 32 bits
  // (|h| <= 1) and h within 16.
  const double room = 2147483647.0 / (double(kRecurrentWeightMax) * std::max(1, 2 * q.pairs));
  q.h_scale = float(std::exp2(std::min(14.0, std::floor(std::log2(room)))));
  const int blocks = blocks_of(q);
  q.w.assign(size_t(blocks) * 2 * kBlock * size_t(q.pairs), 0);
  q.unit.assign(size_t(blocks) * kBlock, 0.f);
  for (int r = 0; r < q.rows; ++r) {
    const float largest = w_hh.row(r).cwiseAbs().maxCoeff();
    // The smallest power of two step that brings the row's largest weight within 12 bits, and
    // no smaller than the smallest normal float (rows of tinier weights read as 0s), so that it
    // never rounds to 0.
    float step = largest > 0 ? float(std::exp2(std::ceil(std::log2(double(largest) / kRecurrentWeightMax)))) : 1.f;
    step = std::max(step, std::numeric_limits<float>::min());
    while (largest / step > kRecurrentWeightMax) step *= 2;
    q.unit[size_t(r)] = step / q.h_scale;
    for (int j = 0; j < hidden; ++j) q.w[weight_index(q, r, j)] = int16_t(std::nearbyint(w_hh(r, j) / step));
  }
  return q;
}

void recurrent_multiply_add(const RecurrentWeights& w, const Eigen::MatrixXf& h, std::vector<int16_t>& scratch,
                            Eigen::Ref<Eigen::MatrixXf> gates) {
  if (gates.rows() != w.rows || h.cols() != gates.cols() || (h.rows() + 1) / 2 != w.pairs)
    throw std::invalid_argument("recurrent product: shapes do not match the weights");
  quantize_h(w, h, scratch);
  multiply_add(w, scratch.data(), gates);
}

}  // namespace inkmath
