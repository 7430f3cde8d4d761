// Fuzz target: the model-file and weight-file readers, the fitted parts' readers and the
// classifier's checks of its meta data. Each input is tried as given and again with its checksum
// made right (and, in a model file, its classifier and language parts' checksums too), so that the fuzzer gets
// past the CRCs into the manifest, the parts, the header and the tensors. An accepted file must
// then recognize ink.
#include <cstdint>
#include <cstring>
#include <vector>

#include "api/inkmath.h"
#include "model/container.h"
#include "nn/weights_file.h"

using namespace inkmath;

namespace {

void fix_checksum(std::vector<uint8_t>& bytes) {
  const uint32_t crc = crc32(bytes.data(), bytes.size() - 4);
  std::memcpy(bytes.data() + bytes.size() - 4, &crc, 4);
}

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
    fix_checksum(bytes);
    try_weights(bytes);
    try {
      ModelFile file = read_model_file(bytes);
      for (ModelPart& part : file.parts)
        if ((part.name() == "classifier" || part.name() == "language") && part.bytes.size() >= 16) fix_checksum(part.bytes);
      try_weights(write_model_file(file));
    } catch (const Error&) {
    }
  }
  return 0;
}
