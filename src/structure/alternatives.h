// Letting the layout pick among a symbol's classifier alternatives, where the layout is clear
// and the classifier is not: a mark with symbols inside it is a root sign, a flat stroke with
// symbols above and below it is a fraction bar.
#pragma once
#include <vector>

#include "api/inkmath.h"

namespace inkmath {

// Relabels symbols in place (moving the chosen alternative first); returns how many changed.
int prefer_structural_alternatives(std::vector<RecognizedSymbol>& symbols, float min_score = 0.05f);

}  // namespace inkmath
