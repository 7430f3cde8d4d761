// The weight file that scripts/export writes and the core loads.
//
// Layout (little-endian):
//   "INKM"            4 bytes magic
//   u32 version       kWeightsVersion
//   u32 header_size   then header_size bytes of JSON:
//                     {"lstm":[{"hidden":H},...], "input":I, "dense":[out,...], "meta":{...}}
//   f32 tensors       per LSTM layer, forward then backward: w_ih (4H x in), w_hh (4H x H),
//                     bias (4H); then per dense layer: w (out x in), b (out); row-major
//   u32 crc32         of every byte before it
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "nn/network.h"

namespace inkmath {

constexpr uint32_t kWeightsVersion = 1;

struct WeightsFile {
  Network network;
  nlohmann::json meta;  // what the network means: classes, features, points, training figures
};

// Throws Error with a one-line reason for a wrong, truncated or corrupted file.
WeightsFile read_weights(const std::vector<uint8_t>& bytes);
std::vector<uint8_t> write_weights(const WeightsFile& file);

uint32_t crc32(const uint8_t* data, size_t size);

}  // namespace inkmath
