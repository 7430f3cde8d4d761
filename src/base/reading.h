// What a reading is made of: whole readings with their probability, and written lines.
#pragma once
#include <string>
#include <vector>

#include "base/box.h"
#include "base/symbol.h"
#include "base/tree.h"

namespace inkmath {

// A whole reading of the ink, as LaTeX, and its probability among the readings considered;
// `labels` and `strokes` give each of its symbols (the strokes sorted), so that a reader can
// choose this reading by fixing the symbols the reading shown does not have. Readings may group
// the strokes differently.
struct WholeReading {
  std::string latex;
  double probability = 0;
  std::vector<std::string> labels;
  std::vector<std::vector<int>> strokes;
};

// One written line of a page, read as the ink of that line alone.
struct RecognizedLine {
  std::vector<int> strokes;  // indices into the page's ink
  Box box;
  std::string latex;
  std::vector<RecognizedSymbol> symbols;  // their strokes index the page's ink too
  LayoutRow tree;                         // refers to this line's symbols
};

}  // namespace inkmath
