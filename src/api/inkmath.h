// inkmath's public API: ink in, LaTeX and a structured reading out.
// The CLI, the tests and the WebAssembly bindings are thin clients of this header.
#pragma once
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "ink/ink.h"
#include "symbols/classifier.h"

namespace inkmath {

struct RecognizedSymbol {
  std::string label;
  float score = 0;
  std::vector<int> strokes;  // indices into the recognized ink
  Box box;
  std::vector<Alternative> alternatives;  // best first; the first is `label`
};

// One written line of a page, read as the ink of that line alone.
struct RecognizedLine {
  std::vector<int> strokes;  // indices into the page's ink
  Box box;
  std::string latex;
  std::vector<RecognizedSymbol> symbols;  // their strokes index the page's ink too
  nlohmann::json tree;                    // its "symbol" fields index this line's symbols
};

struct Recognition {
  // A page of one line: that line's reading. Of several: the lines joined (see join_lines in
  // latex/write.h), all their symbols, and a tree {"type": "lines", "children": [row, ...]}.
  std::string latex;
  std::vector<RecognizedSymbol> symbols;
  nlohmann::json tree;  // the layout tree: rows, scripts, fractions, roots...
  std::vector<RecognizedLine> lines;  // top to bottom; none for ink without points
  double ms = 0;        // time spent recognizing
};

struct RecognizeOptions {
  // Stroke groups whose reading the user fixed (e.g. picked an alternative on the page).
  std::vector<SymbolTruth> fixed;
  int alternatives = 5;
  Limits limits;
};

class Recognizer {
 public:
  // Throws Error when the weights are wrong, truncated or corrupted.
  explicit Recognizer(const std::vector<uint8_t>& weights);

  // Sanitizes (see Limits), splits the page into lines, and segments, classifies and parses
  // each line. Throws Error on invalid ink.
  Recognition recognize(Ink ink, const RecognizeOptions& options = {}) const;

  const SymbolClassifier& classifier() const { return classifier_; }

 private:
  SymbolClassifier classifier_;
};

nlohmann::json to_json(const Recognition& r);
// Reads {"strokes": [[[x, y, t?], ...], ...], "fixed": [{"strokes": [..], "label": ".."}]}.
// Refuses more strokes than the options' limits allow before copying them.
Ink ink_from_json(const nlohmann::json& j, RecognizeOptions* options = nullptr);

// The same from JSON text. Text over kMaxInkJsonBytes is refused unparsed: parsed JSON
// takes up to about 17 times the memory of its text, and the WebAssembly heap is bounded.
constexpr size_t kMaxInkJsonBytes = 16 << 20;
Ink ink_from_json_text(const std::string& text, RecognizeOptions* options = nullptr);

// Throws Error naming the path when it cannot be read or holds more than max_bytes (a weight
// file is a few MiB; the default leaves room).
std::vector<uint8_t> read_file_bytes(const std::string& path, size_t max_bytes = size_t(256) << 20);

}  // namespace inkmath
