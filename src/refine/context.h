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

// False when fewer than two neighbours give a scale (a lone symbol, one beside its own script,
// or only flat marks around it).
bool symbol_context(const std::vector<RecognizedSymbol>& symbols, size_t i, const TypicalHeights& heights,
                    SymbolContext& out);

// How well a context fits one label of a look-alike group: a linear score, the label's logit in
// a logistic regression among its group's labels (scripts/fit-context, from `inkmath context`),
// fitted with the labels weighted alike, so that the score ranks contexts, not how common the
// label is: the classifier's probability already says that. Linear, so a taller symbol never
// speaks more for the smaller label.
struct ContextLabel {
  std::string label;
  float height_weight = 0, bottom_weight = 0, bias = 0;
  int samples = 0;

  double score(const SymbolContext& c) const { return height_weight * c.log_height + bottom_weight * c.bottom + bias; }
};
struct ContextTables {
  std::vector<ContextLabel> labels;
  TypicalHeights heights;  // empty: neighbours' heights as they are
};

// The model file's "context" part: {"labels": [{"label", "height_weight", "bottom_weight",
// "bias", "samples"}, ...], "heights": {label: log height, ...}} ("heights" optional). Throws
// Error when it is malformed.
ContextTables context_tables_from_json(const std::string& text);

// The look-alike group of a label (an index into the core's table of groups), -1 for none: the
// labels `inkmath context` measures and the tables describe, and among which each is fitted.
int look_alike_group(const std::string& label);

// Moves each symbol's look-alike scores (alternatives of its group with score >= min_score) by
// the context: each becomes proportional to score * exp(weight * label score), their sum kept; the
// symbol takes the best of its alternatives. Fixed symbols are left alone. Returns how many
// symbols changed label.
int prefer_context_alternatives(std::vector<RecognizedSymbol>& symbols, const ContextTables& tables, float weight,
                                float min_score);

}  // namespace inkmath
