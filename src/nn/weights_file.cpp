#include "nn/weights_file.h"

#include <cstring>

#include "base/error.h"

namespace inkmath {

namespace {

class Reader {
 public:
  Reader(const std::vector<uint8_t>& bytes, size_t end) : bytes_(bytes), end_(end) {}
  bool half = false;
  uint32_t u32() {
    uint32_t v = 0;
    take(&v, 4);
    return v;
  }
  Eigen::MatrixXf matrix(int rows, int cols) {
    // Sizes come from the header: the bytes must be there before anything is allocated.
    const size_t count = size_t(rows) * size_t(cols), n = (half ? 2 : 4) * count;
    ensure(n);
    Eigen::Matrix<float, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor> m(rows, cols);
    if (half) {
      std::vector<uint16_t> raw(count);
      take(raw.data(), n);
      for (size_t i = 0; i < count; ++i) m.data()[i] = float(Eigen::numext::bit_cast<Eigen::half>(raw[i]));
    } else {
      take(m.data(), n);
    }
    if (!m.allFinite()) throw Error("weights: tensor holds non-finite values");
    return m;
  }
  std::string text(size_t n) {
    ensure(n);
    std::string s(n, '\0');
    take(s.data(), n);
    return s;
  }
  size_t position() const { return pos_; }

 private:
  void ensure(size_t n) const {
    if (n > end_ - pos_) throw Error("weights: file is truncated");
  }
  void take(void* out, size_t n) {
    ensure(n);
    std::memcpy(out, bytes_.data() + pos_, n);
    pos_ += n;
  }
  const std::vector<uint8_t>& bytes_;
  size_t end_, pos_ = 0;
};

void put(std::vector<uint8_t>& out, const void* data, size_t n) {
  const auto* p = static_cast<const uint8_t*>(data);
  out.insert(out.end(), p, p + n);
}

void put_u32(std::vector<uint8_t>& out, uint32_t v) { put(out, &v, 4); }

void put_matrix(std::vector<uint8_t>& out, const Eigen::MatrixXf& m, bool half) {
  const Eigen::Matrix<float, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor> r = m;
  if (!half) return put(out, r.data(), sizeof(float) * r.size());
  for (Eigen::Index i = 0; i < r.size(); ++i) {
    const uint16_t bits = Eigen::numext::bit_cast<uint16_t>(Eigen::half(r.data()[i]));
    put(out, &bits, 2);
  }
}

int positive(const nlohmann::json& v, const char* what) {
  if (!v.is_number_integer() || v.get<long>() <= 0 || v.get<long>() > 4096)
    throw Error(std::string("weights: bad ") + what + " in header");
  return v.get<int>();
}

}  // namespace

namespace {

// CRC-32 (the polynomial of zlib and PNG) four bytes at a time: table[k][b] is the CRC of byte b
// followed by k zero bytes. Every model load checks a few MiB, and a bit at a time that was most
// of a page's start in engines that run WebAssembly interpreted at first.
struct Crc32Tables {
  uint32_t table[4][256];
  constexpr Crc32Tables() : table() {
    for (uint32_t b = 0; b < 256; ++b) {
      uint32_t crc = b;
      for (int k = 0; k < 8; ++k) crc = (crc >> 1) ^ (0xEDB88320u & (0u - (crc & 1u)));
      table[0][b] = crc;
    }
    for (uint32_t b = 0; b < 256; ++b)
      for (int k = 1; k < 4; ++k) table[k][b] = (table[k - 1][b] >> 8) ^ table[0][table[k - 1][b] & 0xFFu];
  }
};
constexpr Crc32Tables kCrc32;

}  // namespace

uint32_t crc32(const uint8_t* data, size_t size) {
  const auto& t = kCrc32.table;
  uint32_t crc = 0xFFFFFFFFu;
  size_t i = 0;
  for (; i + 4 <= size; i += 4) {
    crc ^= uint32_t(data[i]) | uint32_t(data[i + 1]) << 8 | uint32_t(data[i + 2]) << 16 | uint32_t(data[i + 3]) << 24;
    crc = t[3][crc & 0xFFu] ^ t[2][(crc >> 8) & 0xFFu] ^ t[1][(crc >> 16) & 0xFFu] ^ t[0][crc >> 24];
  }
  for (; i < size; ++i) crc = (crc >> 8) ^ t[0][(crc ^ data[i]) & 0xFFu];
  return ~crc;
}

WeightsFile read_weights(const std::vector<uint8_t>& bytes) {
  if (bytes.size() < 16 || std::memcmp(bytes.data(), "INKM", 4) != 0) throw Error("weights: not an inkmath weight file");
  const size_t body = bytes.size() - 4;
  uint32_t stored_crc;
  std::memcpy(&stored_crc, bytes.data() + body, 4);
  Reader in(bytes, body);
  in.text(4);
  const uint32_t version = in.u32();
  if (version < 1 || version > kWeightsVersion)
    throw Error("weights: version " + std::to_string(version) + " not supported (this build reads versions 1 to " +
                std::to_string(kWeightsVersion) + ")");
  const uint32_t header_size = in.u32();
  if (header_size > body) throw Error("weights: file is truncated");
  // The checksum is checked before the header is trusted, so corruption reads as corruption.
  if (crc32(bytes.data(), body) != stored_crc) throw Error("weights: checksum mismatch (file corrupted)");
  const nlohmann::json header = nlohmann::json::parse(in.text(header_size), nullptr, false);
  if (header.is_discarded() || !header.is_object()) throw Error("weights: header is not valid JSON");

  WeightsFile file;
  file.meta = header.value("meta", nlohmann::json::object());
  if (version >= 2) {
    const nlohmann::json tensors = header.value("tensors", nlohmann::json("f32"));
    if (tensors != "f32" && tensors != "f16") throw Error("weights: unknown tensor type in header (expected f32 or f16)");
    file.half = in.half = tensors == "f16";
  }
  if (!header.contains("lstm") || !header["lstm"].is_array() || header["lstm"].empty() || !header.contains("dense") ||
      !header["dense"].is_array() || header["dense"].empty())
    throw Error("weights: header lacks the layer list");
  int in_size = positive(header.value("input", nlohmann::json()), "input size");
  if (header.contains("group_inputs")) {
    const nlohmann::json& group = header["group_inputs"];
    if (!group.is_number_integer() || group.get<int>() < 0 || group.get<int>() >= in_size)
      throw Error("weights: group_inputs must be a count below the input size");
    file.network.group_inputs = group.get<int>();
    in_size -= file.network.group_inputs;
  }
  for (const auto& l : header["lstm"]) {
    LstmLayer layer;
    layer.input = in_size;
    layer.hidden = positive(l.is_object() ? l.value("hidden", nlohmann::json()) : nlohmann::json(), "hidden size");
    for (LstmDirection* d : {&layer.forward, &layer.backward}) {
      d->w_ih = in.matrix(4 * layer.hidden, layer.input);
      d->w_hh = in.matrix(4 * layer.hidden, layer.hidden);
      d->bias = in.matrix(4 * layer.hidden, 1);
    }
    in_size = 2 * layer.hidden;
    file.network.lstm.push_back(std::move(layer));
  }
  in_size *= 2;  // mean and max pooling
  if (version >= 2 && header.contains("glyph")) {
    const nlohmann::json& glyph = header["glyph"];
    if (!glyph.is_object() || !glyph.contains("conv") || !glyph["conv"].is_array() || glyph["conv"].empty())
      throw Error("weights: bad glyph section in header");
    Network& net = file.network;
    net.glyph_side = positive(glyph.value("side", nlohmann::json()), "glyph side");
    int channels = 1, side = net.glyph_side;
    for (const auto& c : glyph["conv"]) {
      if (side < 2) throw Error("weights: too many conv layers for the glyph side");
      ConvLayer layer;
      layer.input = channels;
      layer.output = channels = positive(c, "conv channels");
      layer.w = in.matrix(layer.output, 9 * layer.input);
      layer.b = in.matrix(layer.output, 1);
      net.conv.push_back(std::move(layer));
      side /= 2;
    }
    in_size += net.glyph_outputs();
  }
  in_size += file.network.group_inputs;
  for (const auto& out : header["dense"]) {
    DenseLayer layer;
    const int out_size = positive(out, "dense size");
    layer.w = in.matrix(out_size, in_size);
    layer.b = in.matrix(out_size, 1);
    in_size = out_size;
    file.network.dense.push_back(std::move(layer));
  }
  if (in.position() != body) throw Error("weights: file has trailing bytes after the tensors");
  file.network.prepare();
  return file;
}

std::vector<uint8_t> write_weights(const WeightsFile& file) {
  const Network& net = file.network;
  nlohmann::json header = {{"input", net.input_size()}, {"lstm", nlohmann::json::array()},
                           {"dense", nlohmann::json::array()}, {"meta", file.meta}};
  for (const auto& l : net.lstm) header["lstm"].push_back({{"hidden", l.hidden}});
  if (net.group_inputs > 0) header["group_inputs"] = net.group_inputs;
  for (const auto& d : net.dense) header["dense"].push_back(d.b.size());
  header["tensors"] = file.half ? "f16" : "f32";
  if (!net.conv.empty()) {
    header["glyph"] = {{"side", net.glyph_side}, {"conv", nlohmann::json::array()}};
    for (const auto& c : net.conv) header["glyph"]["conv"].push_back(c.output);
  }
  const std::string text = header.dump();
  std::vector<uint8_t> out;
  put(out, "INKM", 4);
  put_u32(out, kWeightsVersion);
  put_u32(out, uint32_t(text.size()));
  put(out, text.data(), text.size());
  for (const auto& l : net.lstm)
    for (const LstmDirection* d : {&l.forward, &l.backward}) {
      put_matrix(out, d->w_ih, file.half);
      put_matrix(out, d->w_hh, file.half);
      put_matrix(out, d->bias, file.half);
    }
  for (const auto& c : net.conv) {
    put_matrix(out, c.w, file.half);
    put_matrix(out, c.b, file.half);
  }
  for (const auto& d : net.dense) {
    put_matrix(out, d.w, file.half);
    put_matrix(out, d.b, file.half);
  }
  put_u32(out, crc32(out.data(), out.size()));
  return out;
}

}  // namespace inkmath
