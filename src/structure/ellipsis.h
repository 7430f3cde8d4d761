// Three dots written in a row are one \ldots. Segmentation keeps far-apart strokes in separate
// symbols, and dots of an ellipsis are often further apart than the strokes of one symbol.
#pragma once
#include <vector>

#include "api/inkmath.h"

namespace inkmath {

// Replaces each run of three dots ('.') side by side on one line, with nothing between them,
// by one \ldots symbol made of their strokes. Returns how many were merged.
int merge_ellipses(const Ink& ink, std::vector<RecognizedSymbol>& symbols);

}  // namespace inkmath
