// Choosing between labels that look alike in isolation (P/p, x/\times, ,/)/\prime, 0/o ...) by how
// big a symbol is and where it sits next to its neighbours, which the classifier never sees: it is
// shown each symbol scaled alone.
#pragma once
#include <vector>

#include "api/inkmath.h"

namespace inkmath {

// A symbol's size and vertical place relative to its nearest upright neighbours.
struct SymbolContext {
  double log_height = 0;  // log(height / neighbours' median height)
  double bottom = 0;      // (bottom - neighbours' median centre) / neighbours' median height; y grows down
};

// False when no neighbour gives a scale (a lone symbol, or only flat marks around it).
bool symbol_context(const std::vector<RecognizedSymbol>& symbols, size_t i, SymbolContext& out);

// How much the context counts against the classifier's log score: the best of 0, 0.25 and 0.5
// for the expression rate on every 12th train2014 file. The classifier itself now sees a
// symbol's size and place among its neighbours, so what is left to gain here is small.
constexpr float kContextWeight = 0.25f;

// Relabels symbols in place with the look-alike alternative (score >= min_score) that maximises
// log(classifier score) + weight * log(context likelihood); returns how many changed.
int prefer_context_alternatives(std::vector<RecognizedSymbol>& symbols, float weight = kContextWeight,
                                float min_score = 0.05f);

}  // namespace inkmath
