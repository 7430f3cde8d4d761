// The model file (weights/inkmath.bin): one versioned container of named parts and a manifest
// saying what each part is, what it was fitted on, by which command, and against which
// classifier. The classifier part is a weight file as src/nn/weights_file.h describes it.
//
// Layout (little-endian):
//   "INKC"            4 bytes magic
//   u32 version       kModelVersion
//   u32 manifest_size then manifest_size bytes of JSON:
//                     {"format": "inkmath model", "parts": [{"name": ..., "size": N, ...}, ...]}
//   the parts' bytes, in the manifest's order
//   u32 crc32         of every byte before it
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace inkmath {

constexpr uint32_t kModelVersion = 1;

struct ModelPart {
  // name; what; fitted_on; command; classifier_crc32 (the classifier it was fitted against, or
  // null when it was fitted on ground truth alone); size is written from `bytes`.
  nlohmann::json info;
  std::vector<uint8_t> bytes;
  std::string name() const { return info.value("name", ""); }
};

struct ModelFile {
  std::vector<ModelPart> parts;
  const ModelPart* find(const std::string& name) const;  // nullptr when absent
};

// True when the bytes start like a model file (a bare classifier weight file does not).
bool is_model_file(const std::vector<uint8_t>& bytes);
// Throws Error ("model: ...") for a wrong, truncated or corrupted file.
ModelFile read_model_file(const std::vector<uint8_t>& bytes);
std::vector<uint8_t> write_model_file(const ModelFile& file);

// The checksum that names a classifier in the manifest, 8 hex digits: the CRC-32 of its bytes
// before the weight file's own trailing CRC (the CRC-32 of bytes that end with their own CRC is
// the same constant, 2144df1c, for every file).
std::string checksum_text(const std::vector<uint8_t>& bytes);

}  // namespace inkmath
