// Segmentation: which strokes form each symbol, and what each symbol is.
#pragma once
#include <vector>

#include "api/inkmath.h"
#include "segment/hypotheses.h"

namespace inkmath {

struct SegmentationParams {
  SegmentationLimits limits;
  // Defaults: chosen by scripts/fit-segmentation for the weights in weights/inkmath.bin.
  double symbol_bonus = 0.0;  // added per symbol to the log-probability: > 0 favours more, smaller groups
  double junk_weight = 4.0;   // weight of log(1 - P(junk)) in a group's score
  double size_weight = 0.0;   // weight of log P(stroke count of a symbol) in a group's score
};

// A symbol of the given strokes (sorted) read as the alternatives given, best first.
RecognizedSymbol make_symbol(const Ink& ink, std::vector<int> strokes, std::vector<Alternative> alternatives);

// Symbols in writing order, each with its top alternatives. Empty strokes are skipped;
// groups fixed by the user are kept as given. Every candidate group is classified in one
// batch; the partition with the best total log-probability is found by dynamic programming.
std::vector<RecognizedSymbol> segment(const Ink& ink, const SymbolClassifier& classifier, const RecognizeOptions& options,
                                      const SegmentationParams& params = {});

}  // namespace inkmath
