#include "language/labels.h"

#include <algorithm>
#include <cctype>

#include "latex/function_names.h"

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
    else if (is_number(t))
      for (char c : t) out.push_back(std::string(1, c));
    else
      for (std::string& label : label_tokens(t)) out.push_back(std::move(label));
  }
  return out;
}

std::vector<std::string> label_tokens(const std::string& label) {
  const auto& names = spelled_function_names();
  if (label.size() < 2 || label[0] != '\\' || std::find(names.begin(), names.end(), label.substr(1)) == names.end())
    return {label};
  std::vector<std::string> letters;
  for (char c : label.substr(1)) letters.push_back(std::string(1, c));
  return letters;
}

}  // namespace inkmath
