#include <catch2/catch.hpp>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <iostream>
#include <fstream>
#include <random>

#include "api/inkmath.h"
#include "pipeline/model.h"
#include "nn/weights_file.h"

using namespace inkmath;

namespace {

Eigen::MatrixXf random_matrix(int rows, int cols, std::mt19937& rng) {
  std::uniform_real_distribution<float> u(-0.5f, 0.5f);
  Eigen::MatrixXf m(rows, cols);
  for (int i = 0; i < m.size(); ++i) m.data()[i] = u(rng);
  return m;
}

Network random_network(int input, std::vector<int> hidden, std::vector<int> dense, unsigned seed) {
  std::mt19937 rng(seed);
  Network net;
  for (int h : hidden) {
    LstmLayer l;
    l.input = input;
    l.hidden = h;
    for (LstmDirection* d : {&l.forward, &l.backward})
      *d = {random_matrix(4 * h, input, rng), random_matrix(4 * h, h, rng), random_matrix(4 * h, 1, rng)};
    net.lstm.push_back(l);
    input = 2 * h;
  }
  input *= 2;
  for (int out : dense) {
    net.dense.push_back({random_matrix(out, input, rng), random_matrix(out, 1, rng)});
    input = out;
  }
  net.prepare();
  return net;
}

// How far the engine's logits may be from the textbook's: its LSTM products are in 12-bit
// integers (nn/integer_product.h); a wrong gate or a transposed matrix costs far more.
constexpr double kIntegerMargin = 1e-4;

// Textbook LSTM, written out scalar by scalar, independent of the engine's matrix code.
using Seq = std::vector<std::vector<double>>;
Seq reference_direction(const LstmDirection& d, int hidden, const Seq& x, bool reverse) {
  const int steps = int(x.size());
  std::vector<double> h(hidden, 0), c(hidden, 0);
  Seq out(steps);
  auto sig = [](double v) { return 1 / (1 + std::exp(-v)); };
  for (int k = 0; k < steps; ++k) {
    const int t = reverse ? steps - 1 - k : k;
    std::vector<double> gate(4 * hidden);
    for (int r = 0; r < 4 * hidden; ++r) {
      double v = d.bias(r);
      for (size_t i = 0; i < x[t].size(); ++i) v += d.w_ih(r, i) * x[t][i];
      for (int j = 0; j < hidden; ++j) v += d.w_hh(r, j) * h[j];
      gate[r] = v;
    }
    for (int j = 0; j < hidden; ++j) {
      c[j] = sig(gate[hidden + j]) * c[j] + sig(gate[j]) * std::tanh(gate[2 * hidden + j]);
      h[j] = sig(gate[3 * hidden + j]) * std::tanh(c[j]);
    }
    out[t] = h;
  }
  return out;
}

// Textbook 3x3 convolution (padding 1), ReLU and 2x2 max pooling, pixel by pixel; the result
// flattened channel by channel.
std::vector<double> reference_conv(const Network& net, const Eigen::VectorXf& glyph) {
  int side = net.glyph_side;
  std::vector<std::vector<double>> x = {std::vector<double>(glyph.data(), glyph.data() + glyph.size())};
  for (const ConvLayer& l : net.conv) {
    std::vector<std::vector<double>> y(l.output, std::vector<double>((side / 2) * (side / 2), 0));
    for (int o = 0; o < l.output; ++o)
      for (int py = 0; py < side / 2; ++py)
        for (int px = 0; px < side / 2; ++px) {
          double best = 0;  // after ReLU nothing is below 0
          for (int dy = 0; dy < 2; ++dy)
            for (int dx = 0; dx < 2; ++dx) {
              const int cy = 2 * py + dy, cx = 2 * px + dx;
              double v = l.b(o);
              for (int c = 0; c < l.input; ++c)
                for (int ky = 0; ky < 3; ++ky)
                  for (int kx = 0; kx < 3; ++kx) {
                    const int sy = cy + ky - 1, sx = cx + kx - 1;
                    if (sy >= 0 && sx >= 0 && sy < side && sx < side) v += l.w(o, c * 9 + ky * 3 + kx) * x[c][sy * side + sx];
                  }
              best = std::max(best, v);
            }
          y[o][py * (side / 2) + px] = best;
        }
    x = y;
    side /= 2;
  }
  std::vector<double> flat;
  for (const auto& channel : x) flat.insert(flat.end(), channel.begin(), channel.end());
  return flat;
}

std::vector<double> reference_forward(const Network& net, const Eigen::MatrixXf& input, const Eigen::VectorXf& glyph = {}) {
  Seq x(input.rows());
  for (int t = 0; t < input.rows(); ++t)
    for (int i = 0; i < input.cols() - net.group_inputs; ++i) x[t].push_back(input(t, i));
  for (const auto& l : net.lstm) {
    const Seq f = reference_direction(l.forward, l.hidden, x, false), b = reference_direction(l.backward, l.hidden, x, true);
    for (size_t t = 0; t < x.size(); ++t) {
      x[t] = f[t];
      x[t].insert(x[t].end(), b[t].begin(), b[t].end());
    }
  }
  std::vector<double> y(2 * x[0].size(), 0);
  const size_t w = x[0].size();
  for (size_t j = 0; j < w; ++j) {
    y[w + j] = x[0][j];
    for (const auto& step : x) y[j] += step[j] / x.size(), y[w + j] = std::max(y[w + j], step[j]);
  }
  if (!net.conv.empty()) {
    const auto offline = reference_conv(net, glyph);
    y.insert(y.end(), offline.begin(), offline.end());
  }
  for (int i = int(input.cols()) - net.group_inputs; i < input.cols(); ++i) y.push_back(input(0, i));
  for (size_t k = 0; k < net.dense.size(); ++k) {
    std::vector<double> z(net.dense[k].b.size());
    for (size_t r = 0; r < z.size(); ++r) {
      z[r] = net.dense[k].b(r);
      for (size_t i = 0; i < y.size(); ++i) z[r] += net.dense[k].w(r, i) * y[i];
      if (k + 1 < net.dense.size()) z[r] = std::max(0.0, z[r]);
    }
    y = z;
  }
  return y;
}

}  // namespace

TEST_CASE("a one-unit LSTM step matches the hand-computed value") {
  Network net;
  LstmLayer l;
  l.input = 1;
  l.hidden = 1;
  // Gates i, f, g, o all see 1 * x; x = 1 -> h = sigmoid(1) * tanh(sigmoid(1) * tanh(1)).
  l.forward = {Eigen::MatrixXf::Ones(4, 1), Eigen::MatrixXf::Zero(4, 1), Eigen::VectorXf::Zero(4)};
  l.backward = l.forward;
  net.lstm.push_back(l);
  net.dense.push_back({Eigen::MatrixXf::Identity(4, 4), Eigen::VectorXf::Zero(4)});
  net.prepare();
  const double s = 1 / (1 + std::exp(-1.0)), h = s * std::tanh(s * std::tanh(1.0));
  const Eigen::VectorXf y = net.forward(Eigen::MatrixXf::Ones(1, 1));
  REQUIRE(y(0) == Approx(h));  // mean, forward
  REQUIRE(y(1) == Approx(h));  // mean, backward
  REQUIRE(y(2) == Approx(h));  // max, forward
}

TEST_CASE("the engine matches an independent scalar implementation, alone and batched") {
  const Network net = random_network(5, {6, 4}, {7, 3}, 42);
  std::mt19937 rng(1);
  std::vector<Eigen::MatrixXf> xs = {random_matrix(9, 5, rng), random_matrix(9, 5, rng), random_matrix(9, 5, rng)};
  const Eigen::MatrixXf batch = net.forward_batch(xs);
  for (size_t b = 0; b < xs.size(); ++b) {
    const auto expected = reference_forward(net, xs[b]);
    const Eigen::VectorXf single = net.forward(xs[b]);
    for (int k = 0; k < 3; ++k) {
      REQUIRE(single(k) == Approx(expected[k]).margin(kIntegerMargin));
      REQUIRE(batch(k, b) == Approx(expected[k]).margin(kIntegerMargin));
    }
  }
}

TEST_CASE("inputs the same at every step are projected once and read as at every step, alone and batched") {
  Network net = random_network(5, {6, 4}, {7, 3}, 43);
  std::mt19937 rng(4);
  std::vector<Eigen::MatrixXf> xs = {random_matrix(9, 5, rng), random_matrix(9, 5, rng), random_matrix(9, 5, rng)};
  for (auto& x : xs) x.rightCols(2) = x.topRightCorner(1, 2).replicate(9, 1);  // the last 2 steady
  const Eigen::MatrixXf every_step = net.forward_batch(xs);
  net.steady_inputs = 2;
  net.prepare();
  const Eigen::MatrixXf batch = net.forward_batch(xs);
  for (size_t b = 0; b < xs.size(); ++b) {
    const Eigen::VectorXf single = net.forward(xs[b]);
    REQUIRE(single == batch.col(long(b)));  // the same bits whatever the batch
    for (int k = 0; k < 3; ++k) REQUIRE(batch(k, long(b)) == Approx(every_step(k, long(b))).margin(1e-5));
  }
  net.steady_inputs = 6;  // more than the LSTM reads
  REQUIRE_THROWS(net.prepare());
  REQUIRE_THROWS(net.forward_batch(xs));
}

Network random_offline_network(unsigned seed) {
  Network net = random_network(5, {3}, {6, 4}, seed);
  std::mt19937 rng(seed + 1);
  net.glyph_side = 8;
  int channels = 1;
  for (int out : {3, 2}) {
    net.conv.push_back({channels, out, random_matrix(out, 9 * channels, rng), random_matrix(out, 1, rng)});
    channels = out;
  }
  net.dense[0].w = random_matrix(6, 4 * 3 + net.glyph_outputs(), rng);
  return net;
}

TEST_CASE("the offline view (CNN over the glyph) matches a scalar implementation, alone and batched") {
  const Network net = random_offline_network(5);
  REQUIRE(net.glyph_outputs() == 2 * 2 * 2);
  std::mt19937 rng(2);
  std::vector<Eigen::MatrixXf> xs = {random_matrix(7, 5, rng), random_matrix(7, 5, rng)};
  std::vector<Eigen::VectorXf> glyphs = {random_matrix(64, 1, rng), random_matrix(64, 1, rng)};
  const Eigen::MatrixXf batch = net.forward_batch(xs, glyphs);
  for (size_t b = 0; b < xs.size(); ++b) {
    const auto expected = reference_forward(net, xs[b], glyphs[b]);
    const Eigen::VectorXf single = net.forward(xs[b], glyphs[b]);
    for (int k = 0; k < 4; ++k) {
      REQUIRE(single(k) == Approx(expected[k]).margin(kIntegerMargin));
      REQUIRE(batch(k, b) == Approx(expected[k]).margin(kIntegerMargin));
    }
  }
  REQUIRE_THROWS(net.forward_batch(xs));  // the glyphs are needed
}

TEST_CASE("group inputs join the pooled values, read at the first point, and the encoding never sees them") {
  Network net = random_offline_network(11);  // LSTM input 5
  std::mt19937 rng(3);
  net.group_inputs = 2;
  net.dense[0].w = random_matrix(6, net.encoding_size() + 2, rng);
  REQUIRE(net.input_size() == 7);
  std::vector<Eigen::MatrixXf> xs = {random_matrix(6, 7, rng), random_matrix(6, 7, rng), random_matrix(6, 7, rng)};
  std::vector<Eigen::VectorXf> glyphs = {random_matrix(64, 1, rng), random_matrix(64, 1, rng), random_matrix(64, 1, rng)};
  const Eigen::MatrixXf logits = net.forward_batch(xs, glyphs);
  for (size_t b = 0; b < xs.size(); ++b) {
    const auto expected = reference_forward(net, xs[b], glyphs[b]);
    for (int k = 0; k < 4; ++k) REQUIRE(logits(k, long(b)) == Approx(expected[k]).margin(kIntegerMargin));
  }
  // Other surroundings: new group values, the same encodings; only the dense layers run again.
  const Eigen::MatrixXf encodings = net.encode_batch(xs, glyphs);
  for (auto& x : xs) x.rightCols(2) = random_matrix(6, 2, rng);
  REQUIRE(net.encode_batch(xs, glyphs) == encodings);
  REQUIRE(net.head(encodings, net.group_values(xs)) == net.forward_batch(xs, glyphs));
  REQUIRE_FALSE(net.forward_batch(xs, glyphs).isApprox(logits));
  // Written and read back with them.
  const WeightsFile back = read_weights(write_weights(WeightsFile{net, {{"classes", {"a", "b", "c", "junk"}}}}));
  REQUIRE(back.network.group_inputs == 2);
  REQUIRE(back.network.forward_batch(xs, glyphs) == net.forward_batch(xs, glyphs));
}

TEST_CASE("half-float weight files hold the offline view and read back rounded; version 1 stays readable") {
  WeightsFile file{random_offline_network(9), {{"classes", {"a", "b", "c", "junk"}}}};
  file.half = true;
  const auto bytes = write_weights(file);
  const WeightsFile back = read_weights(bytes);
  REQUIRE(back.half);
  REQUIRE(back.network.glyph_side == 8);
  REQUIRE(back.network.conv.size() == 2);
  const float w = file.network.conv[1].w(1, 7), r = back.network.conv[1].w(1, 7);
  REQUIRE(r == float(Eigen::half(w)));
  REQUIRE(std::abs(r - w) <= std::abs(w) / 1024);
  file.half = false;
  REQUIRE(bytes.size() < write_weights(file).size() * 6 / 10);

  // A version 1 file: float tensors, no "tensors" or "glyph" in its header.
  WeightsFile plain{random_network(3, {2}, {4}, 7), {{"classes", {"a", "b", "c", "junk"}}}};
  auto v1 = write_weights(plain);
  v1[4] = 1;
  const uint32_t crc = crc32(v1.data(), v1.size() - 4);
  std::memcpy(v1.data() + v1.size() - 4, &crc, 4);
  REQUIRE(read_weights(v1).network.dense[0].w.isApprox(plain.network.dense[0].w));
}

TEST_CASE("weight files round-trip and every kind of damage is a clear Error") {
  WeightsFile file{random_network(3, {2}, {4}, 7), {{"classes", {"a", "b", "c", "junk"}}}};
  const auto bytes = write_weights(file);
  const WeightsFile back = read_weights(bytes);
  REQUIRE(back.meta["classes"][3] == "junk");
  REQUIRE(back.network.lstm[0].backward.w_hh.isApprox(file.network.lstm[0].backward.w_hh));
  REQUIRE(back.network.dense[0].w.isApprox(file.network.dense[0].w));

  auto truncated = bytes;
  truncated.resize(bytes.size() / 2);
  REQUIRE_THROWS_AS(read_weights(truncated), Error);
  auto corrupt = bytes;
  corrupt[bytes.size() - 20] ^= 0x40;
  REQUIRE_THROWS_WITH(read_weights(corrupt), Catch::Contains("checksum"));
  auto magic = bytes;
  magic[0] = 'X';
  REQUIRE_THROWS_WITH(read_weights(magic), Catch::Contains("not an inkmath weight file"));
  auto version = bytes;
  version[4] = 99;
  REQUIRE_THROWS_WITH(read_weights(version), Catch::Contains("version 99"));
  REQUIRE_THROWS_AS(read_weights({}), Error);
  for (size_t cut = 0; cut < bytes.size(); cut += 7) {
    std::vector<uint8_t> prefix(bytes.begin(), bytes.begin() + cut);
    REQUIRE_THROWS_AS(read_weights(prefix), Error);
  }
}

TEST_CASE("CRC-32 matches the standard check value") {
  const std::string s = "123456789";
  REQUIRE(crc32(reinterpret_cast<const uint8_t*>(s.data()), s.size()) == 0xCBF43926u);
}

TEST_CASE("the shipped weights reproduce PyTorch's logits (parity fixture)", "[parity]") {
  const char* env_weights = std::getenv("INKMATH_WEIGHTS");
  const std::string weights = env_weights ? env_weights : INKMATH_SOURCE_DIR "/weights/inkmath.bin";
  const std::string parity = weights.substr(0, weights.size() - 4) + ".parity.json";
  const Recognizer recognizer(read_file_bytes(weights));
  std::ifstream in(parity);
  REQUIRE(in.good());
  const auto fixture = nlohmann::json::parse(in);
  double worst = 0, storage = 0;
  for (size_t s = 0; s < fixture["inputs"].size(); ++s) {
    const auto& seq = fixture["inputs"][s];
    Eigen::MatrixXf x(seq.size(), seq[0].size());
    for (int t = 0; t < x.rows(); ++t)
      for (int i = 0; i < x.cols(); ++i) x(t, i) = seq[t][i].get<float>();
    std::vector<Eigen::VectorXf> glyphs;
    if (fixture.contains("glyphs")) glyphs.push_back(Eigen::Map<const Eigen::VectorXf>(
        fixture["glyphs"][s].get<std::vector<float>>().data(), Eigen::Index(fixture["glyphs"][s].size())));
    // The fixture's inputs are random, not steady in the group's size and place: every input is
    // read at every step, as PyTorch does.
    Network net = recognizer.model().classifier.network();
    net.steady_inputs = 0;
    net.prepare();
    const Eigen::MatrixXf logits = net.forward_batch({x}, glyphs);
    for (int k = 0; k < logits.rows(); ++k) {
      worst = std::max(worst, double(std::abs(logits(k, 0) - fixture["logits"][s][k].get<float>())));
      if (fixture.contains("float_logits"))
        storage = std::max(storage, double(std::abs(logits(k, 0) - fixture["float_logits"][s][k].get<float>())));
    }
  }
  // Against PyTorch with the weights as stored, the difference is what the recurrent product in
  // 12-bit integers costs (nn/integer_product.h; a wrong gate or a transposed matrix costs whole
  // units); against the float network, that and storing the weights as half floats (reported;
  // the accuracy cost is measured on valid2013).
  std::cout << "parity: max abs logit diff " << worst << " (same weights), " << storage << " (vs float weights)\n";
  REQUIRE(worst <= 0.01);
  REQUIRE(storage <= 0.05);
}
