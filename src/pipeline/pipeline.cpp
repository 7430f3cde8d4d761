#include "pipeline/pipeline.h"

#include <algorithm>
#include <cmath>

#include "base/typical_heights.h"
#include "language/refine.h"
#include "language/vocabulary.h"
#include "latex/write.h"
#include "lines/lines.h"
#include "pipeline/classifier_cache.h"
#include "refine/context.h"
#include "refine/ellipsis.h"
#include "refine/function_names.h"
#include "refine/structural.h"
#include "refine/taps.h"
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

// Layout, then write. Empty ink still gets a layout: an empty row. Returns how sure the
// relation model is of the layout (parse_rows' log_probability).
double lay_out(const Model& model, const Config& config, Reading& r) {
  std::vector<PlacedSymbol> placed;
  std::vector<std::string> labels;
  for (const RecognizedSymbol& s : r.symbols) {
    placed.push_back({s.label, s.box, typical_log_height(model.context.heights, s.label)});
    labels.push_back(s.label);
  }
  double log_probability = 0;
  r.tree = parse_rows(placed, config.layout, &model.relations, nullptr, &log_probability);
  r.latex = write_latex(r.tree, labels);
  return log_probability;
}

// Layout, then the function names its rows spell letter by letter merged into one symbol each
// (refine/function_names.h) and the symbols laid out again.
double lay_out_names(const Model& model, const Config& config, Reading& r) {
  const double log_probability = lay_out(model, config, r);
  return merge_function_names(r.symbols, r.tree) > 0 ? lay_out(model, config, r) : log_probability;
}

// Where a 1 would be a lone superscript: a prime is a superscript wherever it is written, a 1
// only where the layout puts one, so the symbols read as a prime that may be a 1 are laid out
// again as 1. Empty where no symbol is such a prime: the layout as it is tells.
std::vector<bool> lone_superscript_ones(const Model& model, const Config& config, const Reading& r) {
  const auto one = [](const RecognizedSymbol& s) {
    return std::find_if(s.alternatives.begin(), s.alternatives.end(), [](const Alternative& a) { return a.label == "1"; });
  };
  const auto may_be_one = [&](const RecognizedSymbol& s) { return s.label == "\\prime" && one(s) != s.alternatives.end(); };
  if (!(config.language.superscript_one > 0) || std::none_of(r.symbols.begin(), r.symbols.end(), may_be_one)) return {};
  Reading ones = r;
  for (RecognizedSymbol& s : ones.symbols)
    if (may_be_one(s)) choose_alternative(s, *one(s));
  lay_out(model, config, ones);
  return lone_superscripts(ones.tree, ones.symbols);
}

// A whole reading as the search found it: its symbols, laid out and written, and its score.
struct Candidate {
  Reading reading;
  double score = 0;
};

// The stages from refine on, for one set of symbols: its whole readings, best first, each
// scored by the whole-reading search (language/refine.h) plus `bonus`.
void read_partition(const Model& model, const Ink& ink, std::vector<RecognizedSymbol> symbols, const Config& config,
                    double bonus, std::vector<Candidate>& out) {
  // Refine: every change of a label after the classifier happens here, before the layout,
  // which then only reads the symbols (but for the function names its rows spell).
  const RefineParams& refine = config.refine;
  const double size = typical_stroke_size(ink);
  merge_ellipses(symbols, size, refine.ellipsis_step, refine.ellipsis_rise);
  merge_taps(symbols, ink, size, refine.tap_reach);
  prefer_structural_alternatives(symbols, refine.min_score);
  prefer_context_alternatives(symbols, model.context, refine.context_weight, refine.min_score);
  Reading first;
  first.symbols = std::move(symbols);
  const double first_layout = lay_out_names(model, config, first);
  // Whole readings: the labels re-chosen by how the whole expression reads, each reading laid
  // out again with its labels.
  const auto best = best_readings(model.language ? &*model.language : nullptr, first.tree, first.symbols,
                                  config.language, lone_superscript_ones(model, config, first));
  for (const RelabelledSymbols& b : best) {
    Candidate x{first, b.score + bonus};
    double layout = first_layout;
    if (b.changed) {
      x.reading.symbols = b.symbols;
      layout = lay_out_names(model, config, x.reading);
    }
    x.score += config.layout.weight * layout;
    out.push_back(std::move(x));
  }
}

// The reading of the best candidate, with the candidates' distinct LaTeX as its whole readings
// (the probability of each the share of its candidates' scores).
Reading best_reading(std::vector<Candidate> candidates, int readings) {
  std::stable_sort(candidates.begin(), candidates.end(), [](const Candidate& a, const Candidate& b) { return a.score > b.score; });
  if (candidates.size() > size_t(std::max(readings, 1))) candidates.resize(size_t(std::max(readings, 1)));
  Reading r = candidates.at(0).reading;
  double total = 0;
  for (const Candidate& c : candidates) total += std::exp(c.score - candidates[0].score);
  for (const Candidate& c : candidates) {
    const double probability = std::exp(c.score - candidates[0].score) / total;
    const auto same = std::find_if(r.readings.begin(), r.readings.end(), [&](const WholeReading& w) { return w.latex == c.reading.latex; });
    if (same != r.readings.end()) {
      same->probability += probability;
      continue;
    }
    WholeReading w{c.reading.latex, probability, {}, {}};
    for (const RecognizedSymbol& symbol : c.reading.symbols) {
      w.labels.push_back(symbol.label);
      w.strokes.push_back(symbol.strokes);
    }
    r.readings.push_back(std::move(w));
  }
  return r;
}

// One expression: the stages from candidates on. `ink` is sanitized, `fixed` checked. Each of
// the best partitions is read whole; the best whole reading of them all is the reading.
Reading read_expression(const Model& model, const Ink& ink, const std::vector<SymbolTruth>& fixed, const Config& config,
                        ClassifierCache* cache) {
  const Candidates c = candidates(ink, fixed, config.segmentation, &model.grouping);
  Eigen::MatrixXf logits = cache ? cache->classify(ink, c, model.classifier, config.earlier)
                                 : classify(ink, c, model.classifier, config.earlier);
  read_open_fours(c, logits, model.classifier.classes(), model.classifier.junk_index());
  restrict_to_vocabulary(logits, model.classifier.classes(), model.classifier.junk_index(), config.language.vocabulary);
  // Within a vocabulary the classifier's few labels left make odd groups nearly as likely as the
  // right ones (the 1 and 8 of 18 as one x, a root in a root as a pi), and the language model then
  // chooses them: the best partition alone is read (SegmentationParams::partitions).
  const int count = config.language.vocabulary.empty() ? config.segmentation.partitions : 1;
  std::vector<Partition> partitions =
      search(ink, c, logits, model.classifier, config.segmentation, config.alternatives, count);
  std::vector<Candidate> whole;
  for (Partition& p : partitions) {
    drop_ruled_out(p.symbols, config.language.vocabulary);
    const double bonus = config.segmentation.partition_weight * (p.score - partitions[0].score);
    read_partition(model, ink, std::move(p.symbols), config, bonus, whole);
  }
  return best_reading(std::move(whole), config.language.readings);
}

// A line's ink alone, with the fixed symbols that lie in it (lines keep them whole); the
// reading's strokes are then mapped back to the page's.
RecognizedLine read_line(const Model& model, const Ink& page, const InkLine& line, const std::vector<SymbolTruth>& fixed,
                      const Config& config, ClassifierCache* cache) {
  Ink ink;
  std::vector<int> index_in_line(page.strokes.size(), -1);
  for (int i : line.strokes) {
    index_in_line[i] = int(ink.strokes.size());
    ink.strokes.push_back(page.strokes[i]);
  }
  std::vector<SymbolTruth> line_fixed;
  for (const SymbolTruth& f : fixed) {
    if (index_in_line[f.strokes.front()] < 0) continue;
    SymbolTruth mapped{{}, f.label};
    for (int i : f.strokes) mapped.strokes.push_back(index_in_line[i]);
    line_fixed.push_back(std::move(mapped));
  }
  Reading r = read_expression(model, ink, line_fixed, config, cache);
  for (RecognizedSymbol& s : r.symbols)
    for (int& i : s.strokes) i = line.strokes[i];
  return {line.strokes, line.box, std::move(r.latex), std::move(r.symbols), std::move(r.tree)};
}

double stroke_size_of(const Ink& ink) {
  for (const Stroke& s : ink.strokes)
    if (!s.empty()) return typical_stroke_size(ink);
  return 0;
}

Reading read_sanitized(const Model& model, const Ink& ink, const std::vector<SymbolTruth>& fixed, const Config& config,
                       ClassifierCache* cache) {
  if (config.alternatives < 1) throw Error("options: ask for at least one alternative");
  if (config.segmentation.partitions < 1 || config.segmentation.partitions > 50)
    throw Error("settings: segmentation.partitions must be from 1 to 50");
  check_fixed(ink, fixed);
  if (!config.lines.split) return read_expression(model, ink, fixed, config, cache);
  std::vector<std::vector<int>> together;
  for (const SymbolTruth& f : fixed) together.push_back(f.strokes);
  const std::vector<InkLine> lines = split_lines(ink, together, config.lines);
  if (lines.size() <= 1) {
    // One line reads the page's ink as it is, as one expression.
    Reading r = read_expression(model, ink, fixed, config, cache);
    if (!lines.empty()) r.lines.push_back({lines[0].strokes, lines[0].box, r.latex, r.symbols, r.tree});
    return r;
  }
  Reading r;
  std::vector<std::string> latex;
  for (const InkLine& line : lines) {
    r.lines.push_back(read_line(model, ink, line, fixed, config, cache));
    r.symbols.insert(r.symbols.end(), r.lines.back().symbols.begin(), r.lines.back().symbols.end());
    latex.push_back(r.lines.back().latex);
  }
  r.latex = join_lines(latex);
  return r;
}

}  // namespace

Reading read_ink(const Model& model, Ink ink, const std::vector<SymbolTruth>& fixed, const Config& config,
                 ClassifierCache* cache) {
  sanitize(ink, config.limits);
  Reading r = read_sanitized(model, ink, fixed, config, cache);
  r.stroke_size = stroke_size_of(ink);
  return r;
}

Reading read_symbols(const Model& model, const Ink& ink, std::vector<RecognizedSymbol> symbols, const Config& config) {
  std::vector<Candidate> whole;
  read_partition(model, ink, std::move(symbols), config, 0, whole);
  return best_reading(std::move(whole), config.language.readings);
}

}  // namespace inkmath
