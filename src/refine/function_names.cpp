#include "refine/function_names.h"

#include <algorithm>
#include <cctype>
#include <string>

#include "latex/function_names.h"

namespace inkmath {

namespace {

// The score of the symbol read as the letter: its own when it is the letter in either case
// (`as_itself`), else the alternative's that is the letter; 0 when it is not the letter.
float letter_score(const RecognizedSymbol& s, char letter, bool& as_itself) {
  as_itself = false;
  if (s.fixed) return 0;
  if (s.label.size() == 1 && std::tolower(static_cast<unsigned char>(s.label[0])) == letter) {
    as_itself = true;
    return s.score;
  }
  for (const Alternative& a : s.alternatives)
    if (a.label.size() == 1 && a.label[0] == letter) return a.score;
  return 0;
}

bool is_plain(const LayoutNode& n) { return n.type == LayoutNode::Type::Symbol && n.sub.empty() && n.sup.empty(); }

// The name spelled from position i of the row, or "": each letter a symbol of the row, plain
// but the last, which may carry scripts (\sin^{2}). `score` is the least of its letters' scores.
std::string name_at(const LayoutRow& row, size_t i, const std::vector<RecognizedSymbol>& symbols, float& score) {
  for (const std::string& name : spelled_function_names()) {
    if (i + name.size() > row.size()) continue;
    size_t as_itself = 0;
    score = 1;
    for (size_t k = 0; k < name.size() && score > 0; ++k) {
      const LayoutNode& n = row[i + k];
      const bool letter_place = n.type == LayoutNode::Type::Symbol && (k + 1 == name.size() || is_plain(n));
      bool itself = false;
      score = std::min(score, letter_place ? letter_score(symbols.at(size_t(n.symbol)), name[k], itself) : 0.f);
      as_itself += itself;
    }
    if (score > 0 && as_itself + 1 >= name.size()) return name;
  }
  return "";
}

void merge_in_row(const LayoutRow& row, std::vector<RecognizedSymbol>& symbols, std::vector<bool>& gone, int& merged) {
  for (size_t i = 0; i < row.size(); ++i) {
    float score = 0;
    const std::string name = name_at(row, i, symbols, score);
    if (name.empty()) continue;
    RecognizedSymbol& first = symbols.at(size_t(row[i].symbol));
    for (size_t k = 1; k < name.size(); ++k) {
      take_strokes(first, symbols.at(size_t(row[i + k].symbol)));
      gone.at(size_t(row[i + k].symbol)) = true;
    }
    first.label = "\\" + name;
    first.score = score;
    first.alternatives = {{first.label, score}};
    ++merged;
    i += name.size() - 1;
  }
  for (const LayoutNode& n : row)
    for (const LayoutRow* inner : {&n.sub, &n.sup, &n.first, &n.second}) merge_in_row(*inner, symbols, gone, merged);
}

}  // namespace

int merge_function_names(std::vector<RecognizedSymbol>& symbols, const LayoutRow& tree) {
  std::vector<bool> gone(symbols.size(), false);
  int merged = 0;
  merge_in_row(tree, symbols, gone, merged);
  if (merged > 0) drop_gone(symbols, gone);
  return merged;
}

}  // namespace inkmath
