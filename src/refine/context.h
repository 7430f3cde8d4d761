// Choosing between labels that look alike in isolation (P/p, X/x, , ) \prime /, 0/o ...) by how
// big a symbol is and where it sits next to its neighbours.
#pragma once
#include <string>
#include <vector>

#include "base/symbol.h"
#include "base/typical_heights.h"

namespace inkmath {

// A symbol's size and vertical place relative to its nearest upright neighbours.
struct SymbolContext {
  double log_height = 0;  // log(height / H), H: the neighbours' median height, each as a digit's
  double bottom = 0;      // (bottom - neighbours' median centre) / H; y grows down
};

// Flat marks (-, =, fraction bars) say nothing about the line's scale; upright symbols do.
inline bool is_upright(const Box& b) { return b.height() >= 0.4 * b.width(); }

// False when no neighbour gives a scale (a lone symbol, or only flat marks around it).
bool symbol_context(const std::vector<RecognizedSymbol>& symbols, size_t i, const TypicalHeights& heights,
                    SymbolContext& out);

// Where one label sits among its neighbours: median and robust deviation of each SymbolContext
// measure, fitted on train2014's ground-truth symbols (scripts/fit-context, from `inkmath context`).
struct ContextStats {
  std::string label;
  float log_height = 0, log_height_spread = 1, bottom = 0, bottom_spread = 1;
  int samples = 0;
};
struct ContextTables {
  std::vector<ContextStats> labels;
  TypicalHeights heights;  // empty: neighbours' heights as they are
};

// The model file's "context" part: {"labels": [{"label", "log_height", "log_height_spread",
// "bottom", "bottom_spread", "samples"}, ...], "heights": {label: log height, ...}} ("heights"
// optional). Throws Error when it is malformed.
ContextTables context_tables_from_json(const std::string& text);

// True for labels of a look-alike group: those `inkmath context` measures and the tables describe.
bool has_look_alikes(const std::string& label);

// Moves each symbol's look-alike scores (alternatives of its group with score >= min_score) by
// the context: each becomes proportional to score * likelihood^weight, their sum kept; the
// symbol takes the best of its alternatives. Fixed symbols are left alone. Returns how many
// symbols changed label.
int prefer_context_alternatives(std::vector<RecognizedSymbol>& symbols, const ContextTables& tables, float weight,
                                float min_score);

}  // namespace inkmath
