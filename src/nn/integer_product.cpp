#include "nn/integer_product.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <stdexcept>

#if defined(__wasm_simd128__)
#include <wasm_simd128.h>
#elif defined(__SSE2__)
#include <immintrin.h>

#include <cstring>
#endif

namespace inkmath {

namespace {

#if defined(__wasm_simd128__)
constexpr int kBlock = 4;  // rows that share one 8-lane vector of weights
#else
constexpr int kBlock = 16;  // rows whose sums one loop grows together
#endif

int blocks_of(const IntegerWeights& w) { return (w.rows + kBlock - 1) / kBlock; }

// Where w(r, j) lies in IntegerWeights::w: in blocks of kBlock rows, each pair of columns of
// the block's rows together, for a multiply-add of 16-bit pairs (WebAssembly SIMD's dot).
size_t weight_index(const IntegerWeights& w, int r, int j) {
  return (size_t(r / kBlock) * size_t(w.pairs) + size_t(j / 2)) * 2 * kBlock + 2 * size_t(r % kBlock) + size_t(j % 2);
}

// x as integers, column by column, 2 * pairs values each (the last one 0 when x's rows are odd).
// x * x_scale is exact (a power of two); nearbyint rounds half to even, as f32x4.nearest does.
void quantize_x(const IntegerWeights& w, const Eigen::MatrixXf& x, std::vector<int16_t>& out) {
  const int rows = int(x.rows()), stride = 2 * w.pairs, batch = int(x.cols());
  out.assign(size_t(stride) * size_t(batch), 0);
  for (int b = 0; b < batch; ++b) {
    const float* in = x.data() + size_t(b) * rows;
    int16_t* q = out.data() + size_t(b) * stride;
    int j = 0;
#if defined(__wasm_simd128__)
    const v128_t scale = wasm_f32x4_splat(w.x_scale), low = wasm_f32x4_splat(-w.x_scale);
    const auto quantized = [&](const float* p) {
      const v128_t v = wasm_f32x4_pmax(wasm_f32x4_pmin(wasm_f32x4_mul(wasm_v128_load(p), scale), scale), low);
      return wasm_i32x4_trunc_sat_f32x4(wasm_f32x4_nearest(v));
    };
    for (; j + 8 <= rows; j += 8) wasm_v128_store(q + j, wasm_i16x8_narrow_i32x4(quantized(in + j), quantized(in + j + 4)));
#endif
    for (; j < rows; ++j) {
      // |x| <= 1, else it is clamped; not a number (weights gone wrong) reads as 0, as the SIMD
      // lanes' saturating conversion gives.
      const float v = in[j] * w.x_scale;
      q[j] = v == v ? int16_t(std::nearbyint(std::clamp(v, -w.x_scale, w.x_scale))) : 0;
    }
  }
}

#if defined(__wasm_simd128__)
// Blocks block.. (4 rows each) by Columns columns from c: each lane of a dot sums two products,
// one row's pair of columns of w against the same pair of x.
template <int Blocks, int Columns>
inline void tile(const IntegerWeights& w, const int16_t* xq, int block, int c, Eigen::Ref<Eigen::MatrixXf> gates) {
  const int pairs = w.pairs, stride = 2 * pairs;
  v128_t acc[Blocks][Columns];
  for (int v = 0; v < Blocks; ++v)
    for (int j = 0; j < Columns; ++j) acc[v][j] = wasm_i32x4_splat(0);
  const int16_t* wb = w.w.data() + size_t(block) * 2 * kBlock * pairs;
  for (int k = 0; k < pairs; ++k) {
    v128_t wk[Blocks];
    for (int v = 0; v < Blocks; ++v) wk[v] = wasm_v128_load(wb + (size_t(v) * pairs + k) * 2 * kBlock);
    for (int j = 0; j < Columns; ++j) {
      const v128_t xk = wasm_v128_load32_splat(xq + size_t(c + j) * stride + 2 * k);
      for (int v = 0; v < Blocks; ++v) acc[v][j] = wasm_i32x4_add(acc[v][j], wasm_i32x4_dot_i16x8(wk[v], xk));
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
inline void tile_columns(const IntegerWeights& w, const int16_t* xq, int block, Eigen::Ref<Eigen::MatrixXf> gates) {
  const int cols = int(gates.cols());
  int c = 0;
  for (; c + 2 <= cols; c += 2) tile<Blocks, 2>(w, xq, block, c, gates);
  if (c < cols) tile<Blocks, 1>(w, xq, block, c, gates);
}

// Tiles of 16 rows by 2 columns: measured in V8 (x86-64), 2.3 times as fast as 8 rows by 4
// columns, which load x more often.
void multiply_add(const IntegerWeights& w, const int16_t* xq, Eigen::Ref<Eigen::MatrixXf> gates) {
  const int blocks = blocks_of(w);
  int block = 0;
  for (; block + 4 <= blocks; block += 4) tile_columns<4>(w, xq, block, gates);
  for (; block < blocks; ++block) tile_columns<1>(w, xq, block, gates);
}
#elif defined(__SSE2__)
// x86-64 (SSE2 at least): a block's 16 rows by a pair of columns of w are 64 bytes, one to four
// vectors of the widest integer multiply-add of 16-bit pairs this CPU has.
#if defined(__AVX512BW__)
using Lanes = __m512i;
inline Lanes multiply_pairs(Lanes a, Lanes b) { return _mm512_madd_epi16(a, b); }
inline Lanes add(Lanes a, Lanes b) { return _mm512_add_epi32(a, b); }
inline Lanes pair_of(const int16_t* p) { int32_t v; std::memcpy(&v, p, 4); return _mm512_set1_epi32(v); }
inline Lanes load(const int16_t* p) { return _mm512_loadu_si512(p); }
inline void store(int32_t* p, Lanes v) { _mm512_storeu_si512(p, v); }
#elif defined(__AVX2__)
using Lanes = __m256i;
inline Lanes multiply_pairs(Lanes a, Lanes b) { return _mm256_madd_epi16(a, b); }
inline Lanes add(Lanes a, Lanes b) { return _mm256_add_epi32(a, b); }
inline Lanes pair_of(const int16_t* p) { int32_t v; std::memcpy(&v, p, 4); return _mm256_set1_epi32(v); }
inline Lanes load(const int16_t* p) { return _mm256_loadu_si256(reinterpret_cast<const Lanes*>(p)); }
inline void store(int32_t* p, Lanes v) { _mm256_storeu_si256(reinterpret_cast<Lanes*>(p), v); }
#else
using Lanes = __m128i;
inline Lanes multiply_pairs(Lanes a, Lanes b) { return _mm_madd_epi16(a, b); }
inline Lanes add(Lanes a, Lanes b) { return _mm_add_epi32(a, b); }
inline Lanes pair_of(const int16_t* p) { int32_t v; std::memcpy(&v, p, 4); return _mm_set1_epi32(v); }
inline Lanes load(const int16_t* p) { return _mm_loadu_si128(reinterpret_cast<const Lanes*>(p)); }
inline void store(int32_t* p, Lanes v) { _mm_storeu_si128(reinterpret_cast<Lanes*>(p), v); }
#endif
constexpr int kVectors = int(2 * kBlock * sizeof(int16_t) / sizeof(Lanes));

// One block by Columns columns from c; the block's weights are read once for all of them.
template <int Columns>
inline void block_columns(const IntegerWeights& w, const int16_t* xq, int block, int c, Eigen::Ref<Eigen::MatrixXf> gates) {
  const int pairs = w.pairs, stride = 2 * pairs, r0 = block * kBlock, n = std::min(kBlock, w.rows - r0);
  const int16_t* wb = w.w.data() + size_t(block) * 2 * kBlock * pairs;
  Lanes acc[Columns][kVectors];
  for (int j = 0; j < Columns; ++j)
    for (int v = 0; v < kVectors; ++v) acc[j][v] = Lanes{};
  for (int k = 0; k < pairs; ++k) {
    Lanes wk[kVectors];
    for (int v = 0; v < kVectors; ++v) wk[v] = load(wb + size_t(k) * 2 * kBlock + v * sizeof(Lanes) / 2);
    for (int j = 0; j < Columns; ++j) {
      const Lanes xk = pair_of(xq + size_t(c + j) * stride + 2 * k);
      for (int v = 0; v < kVectors; ++v) acc[j][v] = add(acc[j][v], multiply_pairs(wk[v], xk));
    }
  }
  // The product with unit is exact: fused into the addition or not, the same sum.
  for (int j = 0; j < Columns; ++j) {
    alignas(64) int32_t sums[kBlock];
    for (int v = 0; v < kVectors; ++v) store(sums + v * int(sizeof(Lanes) / 4), acc[j][v]);
    for (int i = 0; i < n; ++i) gates(r0 + i, c + j) += float(sums[i]) * w.unit[size_t(r0 + i)];
  }
}

void multiply_add(const IntegerWeights& w, const int16_t* xq, Eigen::Ref<Eigen::MatrixXf> gates) {
  const int cols = int(gates.cols());
  for (int block = 0; block < blocks_of(w); ++block) {
    int c = 0;
    for (; c + 4 <= cols; c += 4) block_columns<4>(w, xq, block, c, gates);
    for (; c < cols; ++c) block_columns<1>(w, xq, block, c, gates);
  }
}
#else
// Other CPUs: the same sums, a loop for the compiler to vectorize.
void multiply_add(const IntegerWeights& w, const int16_t* xq, Eigen::Ref<Eigen::MatrixXf> gates) {
  const int pairs = w.pairs, stride = 2 * pairs, cols = int(gates.cols());
  for (int block = 0; block < blocks_of(w); ++block) {
    const int r0 = block * kBlock, n = std::min(kBlock, w.rows - r0);
    const int16_t* wb = w.w.data() + size_t(block) * 2 * kBlock * pairs;
    for (int c = 0; c < cols; ++c) {
      int32_t acc[kBlock] = {};
      for (int k = 0; k < pairs; ++k)
        for (int i = 0; i < kBlock; ++i)
          acc[i] += wb[(size_t(k) * kBlock + i) * 2] * xq[size_t(c) * stride + 2 * k] +
                    wb[(size_t(k) * kBlock + i) * 2 + 1] * xq[size_t(c) * stride + 2 * k + 1];
      for (int i = 0; i < n; ++i) gates(r0 + i, c) += float(acc[i]) * w.unit[size_t(r0 + i)];
    }
  }
}
#endif

}  // namespace

IntegerWeights quantize_weights(const Eigen::MatrixXf& w) {
  if (!w.allFinite()) throw std::invalid_argument("LSTM weights are not finite");
  IntegerWeights q;
  q.rows = int(w.rows());
  const int columns = int(w.cols());
  q.pairs = (columns + 1) / 2;
  // The largest power of two that keeps every sum of 2 * pairs products within 32 bits
  // (|x| <= 1) and x within 16.
  const double room = 2147483647.0 / (double(kIntegerWeightMax) * std::max(1, 2 * q.pairs));
  q.x_scale = float(std::exp2(std::min(14.0, std::floor(std::log2(room)))));
  const int blocks = blocks_of(q);
  q.w.assign(size_t(blocks) * 2 * kBlock * size_t(q.pairs), 0);
  q.unit.assign(size_t(blocks) * kBlock, 0.f);
  for (int r = 0; r < q.rows; ++r) {
    const float largest = w.row(r).cwiseAbs().maxCoeff();
    // The smallest power of two step that brings the row's largest weight within 12 bits, and
    // no smaller than the smallest normal float (rows of tinier weights read as 0s), so that it
    // never rounds to 0.
    float step = largest > 0 ? float(std::exp2(std::ceil(std::log2(double(largest) / kIntegerWeightMax)))) : 1.f;
    step = std::max(step, std::numeric_limits<float>::min());
    while (largest / step > kIntegerWeightMax) step *= 2;
    q.unit[size_t(r)] = step / q.x_scale;
    for (int j = 0; j < columns; ++j) q.w[weight_index(q, r, j)] = int16_t(std::nearbyint(w(r, j) / step));
  }
  return q;
}

void integer_multiply_add(const IntegerWeights& w, const Eigen::MatrixXf& x, std::vector<int16_t>& scratch,
                          Eigen::Ref<Eigen::MatrixXf> gates) {
  if (gates.rows() != w.rows || x.cols() != gates.cols() || (x.rows() + 1) / 2 != w.pairs)
    throw std::invalid_argument("integer product: shapes do not match the weights");
  quantize_x(w, x, scratch);
  multiply_add(w, scratch.data(), gates);
}

}  // namespace inkmath
