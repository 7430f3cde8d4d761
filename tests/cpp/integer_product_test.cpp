#include <catch2/catch.hpp>
#include <cmath>
#include <limits>
#include <random>

#include "nn/integer_product.h"

using namespace inkmath;

namespace {

Eigen::MatrixXf uniform(int rows, int cols, float scale, std::mt19937& rng) {
  std::uniform_real_distribution<float> u(-scale, scale);
  Eigen::MatrixXf m(rows, cols);
  for (int i = 0; i < m.size(); ++i) m.data()[i] = u(rng);
  return m;
}

Eigen::MatrixXf product(const IntegerWeights& w, const Eigen::MatrixXf& h, const Eigen::MatrixXf& start) {
  Eigen::MatrixXf gates = start;
  std::vector<int16_t> scratch;
  integer_multiply_add(w, h, scratch, gates);
  return gates;
}

}  // namespace

TEST_CASE("the recurrent product in integers stays within its rounding of the float product") {
  std::mt19937 rng(3);
  for (const int hidden : {192, 7, 1}) {
    const Eigen::MatrixXf w_hh = uniform(4 * hidden, hidden, 0.8f, rng), h = uniform(hidden, 5, 1.f, rng);
    const Eigen::MatrixXf start = uniform(4 * hidden, 5, 1.f, rng);
    const IntegerWeights w = quantize_weights(w_hh);
    const Eigen::MatrixXf gates = product(w, h, start);
    for (int r = 0; r < w_hh.rows(); ++r) {
      // A weight is off by at most half its row's step, an h by half of 1 / x_scale.
      const double largest = w_hh.row(r).cwiseAbs().maxCoeff(), step = double(w.unit[size_t(r)]) * w.x_scale;
      REQUIRE(largest / step <= kIntegerWeightMax);
      REQUIRE(largest / step > kIntegerWeightMax / 2.0);  // no bit left unused
      for (int c = 0; c < h.cols(); ++c) {
        double exact = start(r, c), bound = 0;
        for (int j = 0; j < hidden; ++j) {
          exact += double(w_hh(r, j)) * h(j, c);
          bound += step / 2 * std::abs(h(j, c)) + largest * 0.5 / w.x_scale;
        }
        REQUIRE(std::abs(gates(r, c) - exact) <= bound + 1e-4);
      }
    }
  }
}

TEST_CASE("a column of the recurrent product is the same bit for bit whatever it is batched with") {
  std::mt19937 rng(4);
  const IntegerWeights w = quantize_weights(uniform(4 * 37, 37, 2.f, rng));
  const Eigen::MatrixXf h = uniform(37, 11, 1.f, rng), start = uniform(4 * 37, 11, 1.f, rng);
  const Eigen::MatrixXf together = product(w, h, start);
  for (int c = 0; c < h.cols(); ++c) REQUIRE(product(w, h.col(c), start.col(c)) == together.col(c));
  REQUIRE(product(w, h.middleCols(3, 5), start.middleCols(3, 5)) == together.middleCols(3, 5));
}

TEST_CASE("the recurrent product's integer sums never overflow, even at full scale") {
  for (const int hidden : {192, 256, 1024}) {
    // Every weight and every h at its largest, all of one sign: the largest sum there is.
    const Eigen::MatrixXf w_hh = Eigen::MatrixXf::Constant(8, hidden, 3.f);
    const Eigen::MatrixXf h = Eigen::MatrixXf::Ones(hidden, 2);
    const IntegerWeights w = quantize_weights(w_hh);
    const Eigen::MatrixXf gates = product(w, h, Eigen::MatrixXf::Zero(8, 2));
    REQUIRE(double(kIntegerWeightMax) * w.x_scale * 2 * w.pairs <= double(std::numeric_limits<int32_t>::max()));
    for (int i = 0; i < gates.size(); ++i) REQUIRE(gates.data()[i] == Approx(3.0 * hidden).epsilon(1e-6));
  }
}

TEST_CASE("recurrent weights that are not finite, or a product of the wrong shape, are refused") {
  Eigen::MatrixXf w_hh = Eigen::MatrixXf::Zero(8, 2);
  const IntegerWeights zeros = quantize_weights(w_hh);
  REQUIRE(product(zeros, Eigen::MatrixXf::Ones(2, 1), Eigen::MatrixXf::Ones(8, 1)) == Eigen::MatrixXf::Ones(8, 1));
  // Weights too small for a normal float's step read as 0s (and take no time).
  w_hh(2, 0) = 1e-44f;
  REQUIRE(product(quantize_weights(w_hh), Eigen::MatrixXf::Ones(2, 1), Eigen::MatrixXf::Ones(8, 1)) ==
          Eigen::MatrixXf::Ones(8, 1));
  // An h that is not a number (weights that overflow) counts as 0.
  Eigen::MatrixXf h = Eigen::MatrixXf::Ones(2, 1);
  h(1, 0) = std::numeric_limits<float>::quiet_NaN();
  const IntegerWeights ones = quantize_weights(Eigen::MatrixXf::Ones(4, 2));
  REQUIRE(product(ones, h, Eigen::MatrixXf::Zero(4, 1)) == Eigen::MatrixXf::Ones(4, 1));
  w_hh(3, 1) = std::numeric_limits<float>::quiet_NaN();
  REQUIRE_THROWS_AS(quantize_weights(w_hh), std::invalid_argument);
  w_hh(3, 1) = std::numeric_limits<float>::infinity();
  REQUIRE_THROWS_AS(quantize_weights(w_hh), std::invalid_argument);
  REQUIRE_THROWS_AS(product(zeros, Eigen::MatrixXf::Ones(3, 1), Eigen::MatrixXf::Ones(8, 1)), std::invalid_argument);
  REQUIRE_THROWS_AS(product(zeros, Eigen::MatrixXf::Ones(2, 1), Eigen::MatrixXf::Ones(4, 1)), std::invalid_argument);
}
