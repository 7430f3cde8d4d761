// The one place that orders recognition's stages:
//   sanitize -> lines (when config.lines.split) -> for each line: candidates -> classify ->
//   search (the best partitions) -> for each partition: refine (ellipsis, structural
//   relabelling, context) -> layout -> write -> whole readings (labels re-chosen by the language
//   model, each reading laid out and written again) -> the best whole reading of all partitions.
// The recognizer, `inkmath eval` and the fitting commands all run it, with a Config.
#pragma once
#include <string>
#include <vector>

#include "base/reading.h"
#include "base/symbol.h"
#include "base/tree.h"
#include "ink/ink.h"
#include "pipeline/config.h"
#include "pipeline/model.h"

namespace inkmath {

class ClassifierCache;

struct Reading {
  // One expression, or a page of one line: its reading. A page of several lines: the lines
  // joined (join_lines in latex/write.h), all their symbols, top to bottom, and an empty tree:
  // each line has its own.
  std::string latex;
  std::vector<WholeReading> readings;     // the best first (its LaTeX is `latex`); different LaTeX each
  std::vector<RecognizedSymbol> symbols;  // after refinement; the tree refers to them by index
  LayoutRow tree;
  std::vector<RecognizedLine> lines;  // read as lines: top to bottom (none for ink without points); else none
  double stroke_size = 0;             // the sanitized ink's typical stroke size; 0 without points
};

// All the stages; with config.lines.split, each written line is read as its ink alone. `fixed`: stroke groups whose reading the user fixed. Throws Error on invalid
// ink, fixed groups or settings. `cache`: classifier output kept from earlier readings of the
// same model (pipeline/classifier_cache.h); the reading is the same with it or without.
Reading read_ink(const Model& model, Ink ink, const std::vector<SymbolTruth>& fixed, const Config& config,
                 ClassifierCache* cache = nullptr);

// The stages from refine on, for symbols found elsewhere (the ground truth, when measuring
// structure analysis alone). `ink` must be sanitized.
Reading read_symbols(const Model& model, const Ink& ink, std::vector<RecognizedSymbol> symbols, const Config& config);

}  // namespace inkmath
