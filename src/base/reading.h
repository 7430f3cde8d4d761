// A whole reading of the ink, as LaTeX, and its probability among the readings considered.
#pragma once
#include <string>

namespace inkmath {

struct WholeReading {
  std::string latex;
  double probability = 0;
};

}  // namespace inkmath
