// Letting the layout pick among a symbol's classifier alternatives where the layout is clear and
// the classifier is not: a mark with symbols inside it is a root sign, a flat stroke with symbols
// above and below it is a fraction bar.
#pragma once
#include <vector>

#include "base/symbol.h"

namespace inkmath {

// Relabels symbols in place (moving the chosen alternative first; alternatives scoring under
// min_score are not chosen; fixed symbols are left alone); returns how many changed.
int prefer_structural_alternatives(std::vector<RecognizedSymbol>& symbols, float min_score);

}  // namespace inkmath
