// Letting the layout pick among a symbol's classifier alternatives, where the layout is clear
// and the classifier is not: a mark with symbols inside it is a root sign, a flat stroke with
// symbols above and below it is a fraction bar, and look-alikes (P/p, x/\times, ,/)) are told apart
// by size and position among their neighbours (structure/context.h).
#pragma once
#include <vector>

#include "api/inkmath.h"

namespace inkmath {

// Relabels symbols in place (moving the chosen alternative first); returns how many changed.
int prefer_structural_alternatives(std::vector<RecognizedSymbol>& symbols, float min_score = 0.05f);

// Makes `a` the symbol's label and first alternative.
void choose_alternative(RecognizedSymbol& s, const Alternative& a);

}  // namespace inkmath
