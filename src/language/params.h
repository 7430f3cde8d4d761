// The settings of the whole-reading search (language/refine.h) and of vocabularies.
#pragma once
#include <string>
#include <vector>

namespace inkmath {

struct LanguageParams {
  // The weight of the language model's log-probability against the classifier's; 0 leaves the
  // labels to the classifier, refinement and layout. The model file's settings part gives the
  // value scripts/fit-language chose on every 12th train2014 file.
  double weight = 0.2;
  // How many of each symbol's alternatives the search considers, and how likely one must be.
  int alternatives = 3;
  double min_score = 0.0;
  // Whole readings given, at most (Recognition::readings).
  int readings = 3;
  // Labels a symbol may be read as (language/vocabulary.h); empty: every label. Not a number:
  // set by the command line's --vocabulary and the ink's "vocabulary" option, not by name.
  std::vector<std::string> vocabulary;
};

}  // namespace inkmath
