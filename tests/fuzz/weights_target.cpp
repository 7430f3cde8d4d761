// Fuzz target: the weight-file reader and the classifier's checks of its meta data. Each
// input is tried as given and again with its checksum made right, so that the fuzzer gets
// past the CRC into the header and the tensors. An accepted file must then classify ink.
#include <cstdint>
#include <cstring>
#include <vector>

#include "api/inkmath.h"
#include "nn/weights_file.h"

using namespace inkmath;

namespace {

void try_weights(const std::vector<uint8_t>& bytes) {
  try {
    const Recognizer recognizer(bytes);
    const Ink ink{{{{0, 0}, {10, 10}, {20, 0}}, {{0, 20}, {20, 20}}}};
    recognizer.recognize(ink);
  } catch (const Error&) {
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::vector<uint8_t> bytes(data, data + size);
  try_weights(bytes);
  if (size >= 16) {
    const uint32_t crc = crc32(bytes.data(), size - 4);
    std::memcpy(bytes.data() + size - 4, &crc, 4);
    try_weights(bytes);
  }
  return 0;
}
