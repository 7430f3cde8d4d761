// Reading a fitted part's weights from JSON: a vector, or a matrix given as rows, checked for
// its size and for values that are not finite, so that a broken part is an Error naming it.
#pragma once
#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "base/error.h"

namespace inkmath {

// j[name] as rows x cols floats, row after row; cols == 0: a vector of `rows` values.
inline std::vector<float> json_floats(const nlohmann::json& j, const char* name, size_t rows, size_t cols, const std::string& part) {
  const nlohmann::json& v = j.at(name);
  std::vector<float> out;
  if (cols == 0) {
    out = v.get<std::vector<float>>();
  } else {
    for (const auto& row : v) {
      const auto r = row.get<std::vector<float>>();
      if (r.size() != cols) throw Error("model: " + part + " part: " + name + " has rows of the wrong length");
      out.insert(out.end(), r.begin(), r.end());
    }
  }
  if (out.size() != rows * std::max<size_t>(cols, 1)) throw Error("model: " + part + " part: " + name + " has the wrong size");
  for (float x : out)
    if (!std::isfinite(x)) throw Error("model: " + part + " part: " + name + " is not finite");
  return out;
}

}  // namespace inkmath
