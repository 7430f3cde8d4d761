#include "language/labels.h"

#include <cctype>

namespace inkmath {

namespace {

bool is_number(const std::string& t) {
  if (t.size() < 2) return false;
  for (char c : t)
    if (!std::isdigit(static_cast<unsigned char>(c)) && c != '.') return false;
  return true;
}

}  // namespace

std::vector<std::string> reading_labels(const std::vector<std::string>& tokens) {
  std::vector<std::string> out;
  int root_index_brackets = 0;  // \sqrt[ seen, its ] not yet
  for (size_t i = 0; i < tokens.size(); ++i) {
    const std::string& t = tokens[i];
    if (t == "{" || t == "}" || t == "^" || t == "_") continue;
    if (t == "[" && i > 0 && tokens[i - 1] == "\\sqrt") {
      ++root_index_brackets;
      continue;
    }
    if (t == "]" && root_index_brackets > 0) {
      --root_index_brackets;
      continue;
    }
    if (t == "\\frac") out.push_back("-");
    else if (t == "<") out.push_back("\\lt");
    else if (t == ">") out.push_back("\\gt");
    else if (t == "\\sin" || t == "\\cos" || t == "\\tan" || t == "\\log" || t == "\\lim")
      for (char c : t.substr(1)) out.push_back(std::string(1, c));
    else if (is_number(t))
      for (char c : t) out.push_back(std::string(1, c));
    else out.push_back(t);
  }
  return out;
}

}  // namespace inkmath
