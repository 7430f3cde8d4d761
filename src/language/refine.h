// Choosing each symbol's label among its classifier alternatives by how the whole expression
// reads: a search over the symbols in reading order (language/labels.h) that scores each label
// sequence by the classifier's log-probabilities plus a weight times the language model's.
// A 7 written between digits and read T becomes 7; a \times between numbers stays \times.
#pragma once
#include <vector>

#include "language/ngram.h"
#include "symbols/classifier.h"

namespace inkmath {

// The weight of the language model's log-probability against the classifier's, how many of
// each symbol's alternatives the search considers and how likely an alternative must be to be
// considered: chosen by scripts/fit-language for the expression rate on every 12th train2014
// file, with a model fitted on the other files minus every expression among those 12ths.
constexpr double kLanguageWeight = 0.2;
constexpr int kLanguageAlternatives = 3;
constexpr double kLanguageMinScore = 0.0;

struct LabelReading {
  std::vector<int> choices;  // for each position, the index of the alternative chosen
  double score = 0;          // sum of ln P(classifier) + weight * ln P(language model), sentence end included
  double probability = 0;    // its share among the readings the search kept (their scores' softmax)
};

// The n best label sequences, best first, for positions in reading order, each with its
// alternatives (all of them are considered: cut them to kLanguageAlternatives first). Without a
// model (nullptr) the classifier alone scores. Exact: for each last order - 1 labels the search
// keeps the n best sequences that end in them.
std::vector<LabelReading> best_label_readings(const LanguageModel* model, const std::vector<std::vector<Alternative>>& positions,
                                              double weight, int n);

}  // namespace inkmath
