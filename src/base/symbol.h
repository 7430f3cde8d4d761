// A symbol as recognized: its strokes, its box and what it may be, best first.
#pragma once
#include <algorithm>
#include <string>
#include <vector>

#include "base/box.h"

namespace inkmath {

// What a label names: a digit, or a letter (x, P, \alpha); function names (\sin) are neither.
inline bool is_digit(const std::string& label) { return label.size() == 1 && label[0] >= '0' && label[0] <= '9'; }

inline bool is_letter(const std::string& label) {
  static const std::string greek =
      " \\alpha \\beta \\gamma \\delta \\theta \\lambda \\mu \\pi \\sigma \\phi \\psi \\rho \\eta \\xi \\zeta \\chi "
      "\\omega \\Delta \\Gamma \\Omega \\Phi \\Sigma \\Pi \\Theta \\Lambda ";
  if (label.size() == 1) return (label[0] >= 'a' && label[0] <= 'z') || (label[0] >= 'A' && label[0] <= 'Z');
  return greek.find(" " + label + " ") != std::string::npos;
}

struct Alternative {
  std::string label;
  float score = 0;  // probability
};

struct RecognizedSymbol {
  std::string label;
  float score = 0;
  std::vector<int> strokes;  // indices into the recognized ink
  Box box;
  std::vector<Alternative> alternatives;  // best first; the first is `label`
  bool fixed = false;  // the user chose the label; the alternatives are still the classifier's
};

// Makes `a` the symbol's label and first alternative (removing it from further down the list).
inline void choose_alternative(RecognizedSymbol& s, const Alternative& a) {
  const Alternative chosen = a;
  s.alternatives.erase(std::remove_if(s.alternatives.begin(), s.alternatives.end(),
                                      [&](const Alternative& x) { return x.label == chosen.label; }),
                       s.alternatives.end());
  s.alternatives.insert(s.alternatives.begin(), chosen);
  s.label = chosen.label;
  s.score = chosen.score;
}

// Adds `other`'s strokes and box to `s` (a symbol found to be part of it); `s` keeps its reading.
inline void take_strokes(RecognizedSymbol& s, const RecognizedSymbol& other) {
  s.strokes.insert(s.strokes.end(), other.strokes.begin(), other.strokes.end());
  std::sort(s.strokes.begin(), s.strokes.end());
  s.box = merge(s.box, other.box);
}

// Removes the symbols marked gone (taken into others), keeping the others' order.
inline void drop_gone(std::vector<RecognizedSymbol>& symbols, const std::vector<bool>& gone) {
  std::vector<RecognizedSymbol> kept;
  for (size_t i = 0; i < symbols.size(); ++i)
    if (!gone[i]) kept.push_back(std::move(symbols[i]));
  symbols = std::move(kept);
}

}  // namespace inkmath
