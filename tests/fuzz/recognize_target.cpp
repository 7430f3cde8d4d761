// Fuzz target: recognition of arbitrary ink, through the two ways ink comes in.
//   first byte even: the rest is a binary stroke array (below), with fuzzed options; when its
//                    bit 1 is set, read by a Session too, which must read as a cold recognition
//                    after working ahead and after its last stroke is taken away;
//   first byte odd:  the rest is JSON text for ink_from_json_text, as the page sends it.
// Binary layout: 3 option bytes (alternatives, small limits, fixed groups), then items:
// a byte < 0x20 starts a stroke; any other byte is a point, followed by x, y (and t when
// the byte is odd). Each value is a selector byte then its bytes: NaN, +-Inf, a power of
// two from 2^-1074 to 2^1023, a raw double, or a 16-bit integer (ordinary pen coordinates).
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <functional>
#include <limits>
#include <string>

#include "api/inkmath.h"
#include "api/json.h"
#include "pipeline/model.h"
#include "tiny_model.h"

using namespace inkmath;

namespace {

class Bytes {
 public:
  Bytes(const uint8_t* data, size_t size) : p_(data), n_(size) {}
  bool empty() const { return n_ == 0; }
  uint8_t byte() {
    if (!n_) return 0;
    --n_;
    return *p_++;
  }
  double value() {
    const uint8_t selector = byte() % 8;
    const double sign = (selector & 1) ? -1 : 1;
    switch (selector) {
      case 0: return std::numeric_limits<double>::quiet_NaN();
      case 1: return -std::numeric_limits<double>::infinity();
      case 2: return std::numeric_limits<double>::infinity();
      case 3:
      case 4: {
        const int high = byte();
        return sign * std::ldexp(1.0, (high << 8 | byte()) % 2098 - 1074);
      }
      case 5: {
        double v = 0;
        uint8_t raw[8] = {};
        for (uint8_t& b : raw) b = byte();
        std::memcpy(&v, raw, 8);
        return v;
      }
      default: {
        const int high = byte();
        return double(int16_t(uint16_t(high << 8 | byte())));
      }
    }
  }

 private:
  const uint8_t* p_;
  size_t n_;
};

const Recognizer& recognizer() {
  static const Recognizer r(testing::tiny_model());
  return r;
}

Ink decode_strokes(Bytes& in) {
  Ink ink;
  while (!in.empty()) {
    const uint8_t item = in.byte();
    if (item < 0x20 || ink.strokes.empty()) ink.strokes.emplace_back();
    if (item < 0x20) continue;
    Point p;
    p.x = in.value();
    p.y = in.value();
    if (item & 1) p.t = in.value();
    ink.strokes.back().push_back(p);
  }
  return ink;
}

RecognizeOptions decode_options(Bytes& in, Config& config) {
  RecognizeOptions options;
  config.alternatives = int(in.byte() % 8) - 1;  // -1 and 0 must be refused cleanly
  const uint8_t limits = in.byte();
  if (limits & 0x80) {  // small limits, so that the fuzzer reaches them
    config.limits.max_strokes = limits & 0x0F;
    config.limits.max_points_per_stroke = 1 + ((limits >> 4) & 0x07) * 4;
    config.limits.max_total_points = 8 * (limits & 0x0F);
  }
  const auto& classes = recognizer().model().classifier.classes();
  for (int groups = in.byte() % 4; groups > 0; --groups) {
    SymbolTruth fixed;
    fixed.label = classes[in.byte() % classes.size()];
    for (int strokes = in.byte() % 4; strokes > 0; --strokes) fixed.strokes.push_back(int(in.byte()) - 2);
    options.fixed.push_back(fixed);
  }
  return options;
}

void check(const Recognition& r, const Ink& ink) {
  for (const RecognizedSymbol& s : r.symbols) {
    if (s.alternatives.empty() || s.strokes.empty() || s.alternatives[0].label != s.label) std::abort();
    for (int i : s.strokes)
      if (i < 0 || size_t(i) >= ink.strokes.size()) std::abort();
  }
  to_json(r).dump();  // what the page receives must serialize
}

// What recognize() of ink gives, as JSON without its time, or the Error's message.
std::string reading_or_error(const std::function<Recognition()>& read) {
  try {
    nlohmann::json j = to_json(read());
    j.erase("ms");
    return j.dump();
  } catch (const Error& e) {
    return std::string("error: ") + e.what();
  }
}

// A session reads as a cold recognition: the ink, then, after the work ahead in slices of
// `slice`, the ink less its last stroke.
void check_session(const Ink& ink, const RecognizeOptions& options, int slice) {
  Session session(recognizer());
  if (reading_or_error([&] { return session.recognize(ink, options); }) !=
      reading_or_error([&] { return recognizer().recognize(ink, options); }))
    std::abort();
  for (int calls = 0; session.prepare(slice) > 0; ++calls)
    if (calls > 100000) std::abort();
  if (ink.strokes.empty()) return;
  Ink fewer = ink;
  fewer.strokes.pop_back();
  if (reading_or_error([&] { return session.recognize(fewer, options); }) !=
      reading_or_error([&] { return recognizer().recognize(fewer, options); }))
    std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  Bytes in(data, size);
  const uint8_t mode = in.byte();
  try {
    if (mode & 1) {
      RecognizeOptions options;
      const Ink ink = ink_from_json_text(std::string(reinterpret_cast<const char*>(data) + 1, size ? size - 1 : 0), &options);
      check(recognizer().recognize(ink, options), ink);
    } else {
      Config config = recognizer().config();
      const RecognizeOptions options = decode_options(in, config);
      const Ink ink = decode_strokes(in);
      if (mode & 2) check_session(ink, options, 1 + mode % 5);
      check(recognizer().recognize(ink, options, config), ink);
    }
  } catch (const Error&) {
  }
  return 0;
}
