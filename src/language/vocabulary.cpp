#include "language/vocabulary.h"

#include <algorithm>
#include <map>
#include <set>

#include "base/error.h"

namespace inkmath {

namespace {

const std::map<std::string, std::vector<std::string>>& sets() {
  static const std::map<std::string, std::vector<std::string>> all = {
      {"school",
       {"0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "a", "b", "c", "k", "m", "n", "t", "x", "y", "z", "+", "-",
        "\\times", "\\div", "=", "\\lt", "\\gt", "\\leq", "\\geq", "\\neq", "(", ")", ".", ",", "\\sqrt", "\\pi"}},
  };
  return all;
}

}  // namespace

const std::vector<std::string>& vocabulary_names() {
  static const std::vector<std::string> names = [] {
    std::vector<std::string> out;
    for (const auto& [name, labels] : sets()) out.push_back(name);
    return out;
  }();
  return names;
}

std::vector<std::string> vocabulary_labels(const std::string& name_or_list) {
  const auto set = sets().find(name_or_list);
  if (set != sets().end()) return set->second;
  std::vector<std::string> out;
  size_t start = 0;
  while (start <= name_or_list.size()) {
    size_t end = start;
    // "{,}" is a comma label, not a separator.
    while (end < name_or_list.size() && (name_or_list[end] != ',' || (end > 0 && name_or_list[end - 1] == '{' &&
                                                                      end + 1 < name_or_list.size() && name_or_list[end + 1] == '}')))
      ++end;
    std::string label = name_or_list.substr(start, end - start);
    if (label == "{,}") label = ",";
    const auto named = sets().find(label);  // a set's name in a list stands for its labels
    if (named != sets().end()) out.insert(out.end(), named->second.begin(), named->second.end());
    else if (!label.empty()) out.push_back(label);
    start = end + 1;
  }
  if (out.empty()) throw Error("vocabulary: empty (give a set's name, e.g. school, or labels separated by commas)");
  if (out.size() == 1 && name_or_list.find(',') == std::string::npos && name_or_list.size() > 1 && name_or_list[0] != '\\') {
    std::string names;
    for (const auto& n : vocabulary_names()) names += (names.empty() ? "" : ", ") + n;
    throw Error("vocabulary: unknown set '" + name_or_list + "' (known: " + names + ")");
  }
  return out;
}

void restrict_to_vocabulary(Eigen::MatrixXf& logits, const std::vector<std::string>& classes, int junk,
                            const std::vector<std::string>& vocabulary) {
  if (vocabulary.empty()) return;
  const std::set<std::string> allowed(vocabulary.begin(), vocabulary.end());
  for (const std::string& label : allowed)
    if (label == "junk" || std::find(classes.begin(), classes.end(), label) == classes.end())
      throw Error("vocabulary: unknown label '" + label + "' (not a symbol the classifier knows)");
  // Far below any real logit, yet finite after the temperature divides it: softmax gives 0.
  constexpr float kRuledOut = -1e30f;
  for (long c = 0; c < logits.rows() && size_t(c) < classes.size(); ++c)
    if (c != junk && !allowed.count(classes[size_t(c)])) logits.row(c).setConstant(kRuledOut);
}

void drop_ruled_out(std::vector<RecognizedSymbol>& symbols, const std::vector<std::string>& vocabulary) {
  const std::set<std::string> allowed(vocabulary.begin(), vocabulary.end());
  const auto ruled_out = [&](const Alternative& a) { return a.score <= 0 || (!allowed.empty() && !allowed.count(a.label)); };
  for (RecognizedSymbol& s : symbols)
    if (s.alternatives.size() > 1)
      s.alternatives.erase(std::remove_if(s.alternatives.begin() + 1, s.alternatives.end(), ruled_out), s.alternatives.end());
}

}  // namespace inkmath
