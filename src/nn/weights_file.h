// The weight file that scripts/export writes and the core loads.
//
// Layout (little-endian):
//   "INKM"            4 bytes magic
//   u32 version       1 or 2 (kWeightsVersion, what write_weights writes)
//   u32 header_size   then header_size bytes of JSON:
//                     {"lstm":[{"hidden":H},...], "input":I, "dense":[out,...], "meta":{...}}
//                     version 2 adds "tensors": "f32" or "f16" (how the numbers are stored)
//                     and, for the offline view, "glyph": {"side":S, "conv":[channels,...]};
//                     "group_inputs": G when the last G inputs join the pooled values (the
//                     LSTM then reads I - G; the first dense layer: pooled, glyph, group)
//   tensors           per LSTM layer, forward then backward: w_ih (4H x in), w_hh (4H x H),
//                     bias (4H); then per conv layer: w (out x in*9), b (out); then per dense
//                     layer: w (out x in), b (out); row-major; f32 (version 1) or as "tensors"
//   u32 crc32         of every byte before it
// meta may hold "temperature" (divides the logits, fitted for calibrated probabilities) and
// "lookalikes" ({label: [labels it is mistaken for]}).
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "nn/network.h"

namespace inkmath {

constexpr uint32_t kWeightsVersion = 2;

struct WeightsFile {
  Network network;
  nlohmann::json meta;  // what the network means: classes, features, points, training figures
  bool half = false;    // tensors stored as IEEE half floats (f16): half the size
};

// Throws Error with a one-line reason for a wrong, truncated or corrupted file.
WeightsFile read_weights(const std::vector<uint8_t>& bytes);
// Writes version 2 (version 1 readers cannot read it); the numbers are rounded to half floats
// when file.half is set.
std::vector<uint8_t> write_weights(const WeightsFile& file);

uint32_t crc32(const uint8_t* data, size_t size);

}  // namespace inkmath
