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

// The function name spelled from position i of a row of `size` symbols, or "": letter(k) is the
// k-th symbol's label when it is one plain letter (else anything else), scripted(k) whether it
// carries scripts, which only a name's last letter may (\sin^{2}).
template <class Letter, class Scripted>
std::string function_name_at(size_t i, size_t size, Letter letter, Scripted scripted) {
  for (const std::string& name : spelled_function_names()) {
    if (i + name.size() > size) continue;
    bool spelled = true;
    for (size_t k = 0; k < name.size() && spelled; ++k)
      spelled = letter(i + k) == std::string(1, name[k]) && (k + 1 == name.size() || !scripted(i + k));
    if (spelled) return name;
  }
  return "";
}

}  // namespace inkmath
