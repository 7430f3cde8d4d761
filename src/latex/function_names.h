// The function names the classifier reads as one symbol (\sin ...). Written letter by letter
// they are the same name: CROHME's truths never write s i n as letters, always \sin. The LaTeX
// writer writes them so, and the normalization reads them so.
#pragma once
#include <string>
#include <vector>

namespace inkmath {

inline const std::vector<std::string>& spelled_function_names() {
  static const std::vector<std::string> names = {"sin", "cos", "tan", "log", "lim"};
  return names;
}

}  // namespace inkmath
