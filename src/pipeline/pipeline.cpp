#include "pipeline/pipeline.h"

#include "latex/write.h"
#include "refine/context.h"
#include "refine/ellipsis.h"
#include "refine/structural.h"
#include "segment/segment.h"
#include "structure/layout.h"

namespace inkmath {

namespace {

// Fixed groups come from the page (the user's choices) as much as from code: they are checked
// like the ink, so that a bad index is an Error and not a crash.
void check_fixed(const Ink& ink, const std::vector<SymbolTruth>& fixed) {
  std::vector<bool> used(ink.strokes.size(), false);
  for (const SymbolTruth& f : fixed) {
    if (f.strokes.empty()) throw Error("fixed symbol '" + f.label + "' has no strokes");
    for (int i : f.strokes) {
      if (i < 0 || size_t(i) >= ink.strokes.size()) throw Error("fixed symbol '" + f.label + "' refers to a stroke that does not exist");
      if (ink.strokes[i].empty()) throw Error("fixed symbol '" + f.label + "' refers to an empty stroke");
      if (used[i]) throw Error("stroke " + std::to_string(i) + " belongs to two fixed symbols");
      used[i] = true;
    }
  }
}

}  // namespace

Reading read_ink(const Model& model, Ink ink, const std::vector<SymbolTruth>& fixed, const Config& config) {
  sanitize(ink, config.limits);
  if (config.alternatives < 1) throw Error("options: ask for at least one alternative");
  check_fixed(ink, fixed);
  const Candidates c = candidates(ink, fixed, config.segmentation);
  const Eigen::MatrixXf logits = classify(ink, c, model.classifier);
  std::vector<RecognizedSymbol> symbols = search(ink, c, logits, model.classifier, config.segmentation, config.alternatives);
  return read_symbols(model, ink, std::move(symbols), config);
}

Reading read_symbols(const Model& model, const Ink& ink, std::vector<RecognizedSymbol> symbols, const Config& config) {
  Reading r;
  // Refine: every change of a label after the classifier happens here, before the layout,
  // which then only reads the symbols.
  const RefineParams& refine = config.refine;
  merge_ellipses(symbols, typical_stroke_size(ink), refine.ellipsis_step, refine.ellipsis_rise);
  prefer_structural_alternatives(symbols, refine.min_score);
  prefer_context_alternatives(symbols, model.context, refine.context_weight, refine.min_score);
  // Layout, then write. Empty ink still gets a layout: an empty row.
  std::vector<PlacedSymbol> placed;
  std::vector<std::string> labels;
  for (const RecognizedSymbol& s : symbols) {
    placed.push_back({s.label, s.box});
    labels.push_back(s.label);
  }
  r.tree = parse_rows(placed, config.layout, &model.relations);
  r.latex = write_latex(r.tree, labels);
  r.symbols = std::move(symbols);
  return r;
}

}  // namespace inkmath
