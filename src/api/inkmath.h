// inkmath's public API: ink in, LaTeX and a structured reading out.
// The CLI, the tests and the WebAssembly bindings are thin clients of this header.
#pragma once
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "ink/ink.h"
#include "language/ngram.h"
#include "language/refine.h"
#include "symbols/classifier.h"

namespace inkmath {

struct RecognizedSymbol {
  std::string label;
  float score = 0;
  std::vector<int> strokes;  // indices into the recognized ink
  Box box;
  std::vector<Alternative> alternatives;  // best first; the first is `label`
};

// A whole reading of the ink and its probability among the readings considered.
struct Reading {
  std::string latex;
  double probability = 0;
};

struct Recognition {
  std::string latex;
  std::vector<Reading> readings;  // the best first (its LaTeX is `latex`); different LaTeX each
  std::vector<RecognizedSymbol> symbols;
  nlohmann::json tree;  // the layout tree: rows, scripts, fractions, roots...
  double ms = 0;        // time spent recognizing
};

struct RecognizeOptions {
  // Stroke groups whose reading the user fixed (e.g. picked an alternative on the page).
  std::vector<SymbolTruth> fixed;
  int alternatives = 5;
  // Labels a symbol may be read as (language/vocabulary.h); empty: every label.
  std::vector<std::string> vocabulary;
  int readings = 3;  // whole readings to give, at most
  double language_weight = kLanguageWeight;
  int language_alternatives = kLanguageAlternatives;
  double language_min_score = kLanguageMinScore;
  Limits limits;
};

class Recognizer {
 public:
  // Throws Error when the weights or the language model are wrong, truncated or corrupted.
  // Without a language model (no bytes), labels are chosen by the classifier and layout alone.
  explicit Recognizer(const std::vector<uint8_t>& weights, const std::vector<uint8_t>& language_model = {});

  // Sanitizes (see Limits), segments, classifies and parses. Throws Error on invalid ink.
  Recognition recognize(Ink ink, const RecognizeOptions& options = {}) const;

  const SymbolClassifier& classifier() const { return classifier_; }
  const LanguageModel* language_model() const { return language_ ? &*language_ : nullptr; }

 private:
  SymbolClassifier classifier_;
  std::optional<LanguageModel> language_;
};

nlohmann::json to_json(const Recognition& r);
// Reads {"strokes": [[[x, y, t?], ...], ...], "fixed": [{"strokes": [..], "label": ".."}],
//        "vocabulary": "school" or [labels]}.
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
