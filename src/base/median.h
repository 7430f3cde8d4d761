// The median used throughout the core: of an even count, the upper of the two middle values
// (no average, so it is always one of the values). 0 for no values.
#pragma once
#include <algorithm>
#include <vector>

namespace inkmath {

inline double median(std::vector<double> v) {
  if (v.empty()) return 0;
  std::nth_element(v.begin(), v.begin() + long(v.size() / 2), v.end());
  return v[v.size() / 2];
}

}  // namespace inkmath
