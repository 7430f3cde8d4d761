// A symbol as recognized: its strokes, its box and what it may be, best first.
#pragma once
#include <algorithm>
#include <string>
#include <vector>

#include "base/box.h"

namespace inkmath {

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

}  // namespace inkmath
