// Choosing between labels that look alike in isolation (P/p, x/\times, ,/)/\prime, 0/o ...) by how
// big a symbol is and where it sits next to its neighbours.
#pragma once
#include <string>
#include <vector>

#include "base/symbol.h"

namespace inkmath {

// A symbol's size and vertical place relative to its nearest upright neighbours.
struct SymbolContext {
  double log_height = 0;  // log(height / neighbours' median height)
  double bottom = 0;      // (bottom - neighbours' median centre) / neighbours' median height; y grows down
};

// False when no neighbour gives a scale (a lone symbol, or only flat marks around it).
bool symbol_context(const std::vector<RecognizedSymbol>& symbols, size_t i, SymbolContext& out);

// Where one label sits among its neighbours: median and robust deviation of each SymbolContext
// measure, fitted on train2014's ground-truth symbols (scripts/fit-context, from `inkmath context`).
struct ContextStats {
  std::string label;
  float log_height = 0, log_height_spread = 1, bottom = 0, bottom_spread = 1;
  int samples = 0;
};
using ContextTables = std::vector<ContextStats>;

// The model file's "context" part: {"labels": [{"label", "log_height", "log_height_spread",
// "bottom", "bottom_spread", "samples"}, ...]}. Throws Error when it is malformed.
ContextTables context_tables_from_json(const std::string& text);

// True for labels of a look-alike group: those `inkmath context` measures and the tables describe.
bool has_look_alikes(const std::string& label);

// Relabels symbols in place with the look-alike alternative (score >= min_score) that maximises
// log(classifier score) + weight * log(context likelihood); fixed symbols are left alone.
// Returns how many changed.
int prefer_context_alternatives(std::vector<RecognizedSymbol>& symbols, const ContextTables& tables, float weight,
                                float min_score);

}  // namespace inkmath
