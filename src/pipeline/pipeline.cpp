#include "pipeline/pipeline.h"

#include <algorithm>

#include "language/refine.h"
#include "language/vocabulary.h"
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

// Layout, then write. Empty ink still gets a layout: an empty row.
void lay_out(const Model& model, const Config& config, Reading& r) {
  std::vector<PlacedSymbol> placed;
  std::vector<std::string> labels;
  for (const RecognizedSymbol& s : r.symbols) {
    placed.push_back({s.label, s.box});
    labels.push_back(s.label);
  }
  r.tree = parse_rows(placed, config.layout, &model.relations);
  r.latex = write_latex(r.tree, labels);
}

}  // namespace

Reading read_ink(const Model& model, Ink ink, const std::vector<SymbolTruth>& fixed, const Config& config) {
  sanitize(ink, config.limits);
  if (config.alternatives < 1) throw Error("options: ask for at least one alternative");
  check_fixed(ink, fixed);
  const Candidates c = candidates(ink, fixed, config.segmentation);
  Eigen::MatrixXf p = classify(ink, c, model.classifier);
  restrict_to_vocabulary(p, model.classifier.classes(), model.classifier.junk_index(), config.language.vocabulary);
  std::vector<RecognizedSymbol> symbols = search(ink, c, p, model.classifier, config.segmentation, config.alternatives);
  drop_ruled_out(symbols);
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
  r.symbols = std::move(symbols);
  lay_out(model, config, r);
  // Whole readings: the labels re-chosen by how the whole expression reads (the first reading
  // becomes the result), each reading laid out again with its labels.
  const auto best = best_readings(model.language ? &*model.language : nullptr, r.tree, r.symbols, config.language);
  const Reading first = r;
  for (size_t n = 0; n < best.size(); ++n) {
    Reading x = first;
    if (best[n].changed) {
      x.symbols = best[n].symbols;
      lay_out(model, config, x);
    }
    if (n == 0) r.symbols = x.symbols, r.tree = x.tree, r.latex = x.latex;
    const auto same = std::find_if(r.readings.begin(), r.readings.end(), [&](const WholeReading& w) { return w.latex == x.latex; });
    if (same != r.readings.end()) same->probability += best[n].probability;
    else r.readings.push_back({x.latex, best[n].probability});
  }
  return r;
}

}  // namespace inkmath
