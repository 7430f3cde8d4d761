// The LSTM's recurrent product, gates += w_hh * h, in integers: w_hh as 12-bit integers with a
// power-of-two scale per row, h rounded to integers at every step. The products are summed
// exactly (32-bit integers), so the result does not depend on the order of the sum: every
// build (native, WebAssembly with or without SIMD) computes the same bits whatever its vector
// width. And WebAssembly SIMD multiplies 8 pairs of 16-bit integers at a time
// (i32x4.dot_i16x8_s) where it multiplies 4 floats. It is most of the network's work: 192
// hidden units against 20 inputs per point.
#pragma once
#include <Eigen/Core>
#include <cstdint>
#include <vector>

namespace inkmath {

struct RecurrentWeights {
  int rows = 0;              // of w_hh (4H)
  int pairs = 0;             // of its columns, the last one filled up with a 0 when H is odd
  float h_scale = 0;         // h enters as round(h * h_scale), a power of two
  std::vector<int16_t> w;    // in the order the build's kernel reads (recurrent.cpp,
                             // weight_index), rows filled up to a multiple of 4 with 0s
  std::vector<float> unit;   // per row (padded to blocks of 4): what 1 of the integer sum is worth
};

inline constexpr int kRecurrentWeightMax = 2047;  // |w| as an integer: 12 bits

// Throws std::invalid_argument for a w_hh that is not finite.
RecurrentWeights quantize_recurrent(const Eigen::MatrixXf& w_hh);

// gates (rows x batch) += w * h (H x batch); scratch holds h as integers between calls.
void recurrent_multiply_add(const RecurrentWeights& w, const Eigen::MatrixXf& h, std::vector<int16_t>& scratch,
                            Eigen::Ref<Eigen::MatrixXf> gates);

}  // namespace inkmath
