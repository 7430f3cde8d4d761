// How tall each label is written, as log(height / a digit's height in the same writing): an `x`
// is about 0.7 of a digit, a `(` 1.4. Fitted on train2014 (scripts/fit-context) into the model
// file's "context" part; refinement and layout both read a symbol's size against its label's.
#pragma once
#include <string>
#include <unordered_map>

namespace inkmath {

using TypicalHeights = std::unordered_map<std::string, float>;

// The label's log height; labels missing from the table count as digits (0).
inline double typical_log_height(const TypicalHeights& heights, const std::string& label) {
  const auto h = heights.find(label);
  return h == heights.end() ? 0.0 : double(h->second);
}

}  // namespace inkmath
