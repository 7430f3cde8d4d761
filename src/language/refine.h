// Choosing each symbol's label among its classifier alternatives by how the whole expression
// reads: a search over the symbols in reading order (language/labels.h) that scores each label
// sequence by the classifier's log-probabilities plus a weight times the language model's.
// A 7 written between digits and read T becomes 7; a \times between numbers stays \times.
#pragma once
#include <vector>

#include "base/symbol.h"
#include "base/tree.h"
#include "language/ngram.h"
#include "language/params.h"

namespace inkmath {

struct LabelReading {
  std::vector<int> choices;  // for each position, the index of the alternative chosen
  double score = 0;          // sum of ln P(classifier) + weight * ln P(language model), sentence end included
  double probability = 0;    // its share among the readings the search kept (their scores' softmax)
};

// The n best label sequences, best first, for positions in reading order, each with its
// alternatives (all of them are considered: cut them to LanguageParams::alternatives first). Without a
// model (nullptr) the classifier alone scores. Exact: for each last order - 1 labels the search
// keeps the n best sequences that end in them.
std::vector<LabelReading> best_label_readings(const LanguageModel* model, const std::vector<std::vector<Alternative>>& positions,
                                              double weight, int n);

// The symbols relabelled as one of the best whole readings, and that reading's probability.
struct RelabelledSymbols {
  std::vector<RecognizedSymbol> symbols;
  double probability = 0;
  double score = 0;      // LabelReading::score, rules' penalties included
  bool changed = false;  // some label differs from the symbols given
};

// By symbol index: written alone as the superscript of a letter or a closing bracket (x^1, x'),
// where the language model, which reads no places, cannot tell a 1 there from x_1.
std::vector<bool> lone_superscripts(const LayoutRow& tree, const std::vector<RecognizedSymbol>& symbols);

// The best whole readings of laid-out symbols, best first: positions in the tree's reading
// order, each with its first params.alternatives alternatives of at least params.min_score;
// structure (a fraction bar, a root sign) and fixed symbols keep their label. Without a model,
// or with weight 0, the classifier alone scores and the first reading is the symbols given.
// `lone_superscript`: where a 1 would be a lone superscript (lone_superscripts of the layout
// with those labels); empty: as the tree places the symbols.
std::vector<RelabelledSymbols> best_readings(const LanguageModel* model, const LayoutRow& tree,
                                             const std::vector<RecognizedSymbol>& symbols, const LanguageParams& params,
                                             const std::vector<bool>& lone_superscript = {});

}  // namespace inkmath
