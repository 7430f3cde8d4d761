// The LSTM's products in integers, gates += w * x for |x| <= 1: the recurrent product (w_hh by
// h) and the input projection (w_ih by the inputs read at every step). w as 12-bit integers
// with a power-of-two scale per row, x rounded to integers by a power of two. The products are
// summed exactly (32-bit integers), so the result does not depend on the order of the sum:
// every build (native, WebAssembly with or without SIMD) computes the same bits whatever its
// vector width. And WebAssembly SIMD multiplies 8 pairs of 16-bit integers at a time
// (i32x4.dot_i16x8_s) where it multiplies 4 floats. They are most of the network's work: 192
// hidden units and 16 inputs per point.
#pragma once
#include <Eigen/Core>
#include <cstdint>
#include <vector>

namespace inkmath {

struct IntegerWeights {
  int rows = 0;              // of w (4H)
  int pairs = 0;             // of its columns, the last one filled up with a 0 when they are odd
  float x_scale = 0;         // x enters as round(x * x_scale), a power of two
  std::vector<int16_t> w;    // in the order the build's kernel reads (integer_product.cpp,
                             // weight_index), rows filled up to whole blocks with 0s
  std::vector<float> unit;   // per row (padded to whole blocks): what 1 of the integer sum is worth
};

inline constexpr int kIntegerWeightMax = 2047;  // |w| as an integer: 12 bits

// Throws std::invalid_argument for a w that is not finite.
IntegerWeights quantize_weights(const Eigen::MatrixXf& w);

// gates (rows x batch) += w * x (columns x batch, |x| <= 1); scratch holds x as integers
// between calls.
void integer_multiply_add(const IntegerWeights& w, const Eigen::MatrixXf& x, std::vector<int16_t>& scratch,
                          Eigen::Ref<Eigen::MatrixXf> gates);

}  // namespace inkmath
