// Segmentation: which strokes form each symbol, and what each symbol is.
#pragma once
#include <vector>

#include "api/inkmath.h"

namespace inkmath {

// Symbols in writing order, each with its top alternatives. Empty strokes are skipped;
// groups fixed by the user are kept as given.
std::vector<RecognizedSymbol> segment(const Ink& ink, const SymbolClassifier& classifier, const RecognizeOptions& options);

}  // namespace inkmath
