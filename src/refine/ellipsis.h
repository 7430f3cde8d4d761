// Three dots written in a row are one \ldots. Segmentation keeps far-apart strokes in separate
// symbols, and dots of an ellipsis are often further apart than the strokes of one symbol.
#pragma once
#include <vector>

#include "base/symbol.h"

namespace inkmath {

// Replaces each run of three dots ('.') side by side on one line, with nothing between them,
// by one \ldots symbol made of their strokes. `size` is the writer's typical stroke size; `step`
// and `rise` bound the distance between neighbouring dots' centres, in such sizes
// (RefineParams). An \ldots the classifier read from fewer than three strokes (two of the dots)
// takes the dots beside it on its line likewise. Returns how many ellipses were made or completed.
int merge_ellipses(std::vector<RecognizedSymbol>& symbols, double size, double step, double rise);

}  // namespace inkmath
