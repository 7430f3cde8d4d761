// A tap of the pen that touches another symbol's ink is part of that symbol, not a dot of its
// own: the start of a μ's tail, the top of a slash, a retouched x. Read alone it is a '.', and a
// stray '.' in the middle of an expression (`p ( x . )`, `F / ( . R T )`) is a misreading no
// reader would make. A decimal point or a full stop sits apart from the ink beside it.
#pragma once
#include <vector>

#include "base/symbol.h"
#include "ink/ink.h"

namespace inkmath {

// Merges each one-stroke '.' whose ink comes within `reach` typical stroke sizes (`size`) of
// another symbol's ink into the nearest such symbol, which keeps its reading. Fixed symbols
// neither merge nor take a tap. Returns how many taps were merged.
int merge_taps(std::vector<RecognizedSymbol>& symbols, const Ink& ink, double size, double reach);

}  // namespace inkmath
