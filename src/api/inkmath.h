// inkmath's public API: ink in, LaTeX and a structured reading out.
// The CLI, the tests and the WebAssembly bindings are thin clients of this header; JSON in and
// out is api/json.h.
#pragma once
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "base/error.h"
#include "base/reading.h"
#include "base/symbol.h"
#include "base/tree.h"
#include "ink/ink.h"
#include "pipeline/config.h"

namespace inkmath {

struct Model;  // the classifier and the fitted parts (pipeline/model.h)

struct Recognition {
  // Read as lines (RecognizeOptions::lines, or the setting lines.split), a page of several lines
  // gives the lines joined (\begin{aligned} or \begin{gathered}), all their symbols and an
  // empty tree; each line has its own.
  std::string latex;
  std::vector<WholeReading> readings;     // the best first (its LaTeX is `latex`); different LaTeX each
  std::vector<RecognizedSymbol> symbols;  // the tree refers to them by index
  LayoutRow tree;  // the layout: rows, scripts, fractions, roots...
  std::vector<RecognizedLine> lines;  // read as lines: top to bottom; otherwise none
  double ms = 0;   // time spent recognizing
};

struct RecognizeOptions {
  // Stroke groups whose reading the user fixed (e.g. picked an alternative on the page).
  std::vector<SymbolTruth> fixed;
  // Read the page as written lines, one under another (worked steps), as the setting
  // lines.split does for every reading. Otherwise the ink is one expression.
  bool lines = false;
  // Labels symbols may be read as (language/vocabulary.h); empty: the config's vocabulary.
  std::vector<std::string> vocabulary;
};

class Recognizer {
 public:
  // From a model file (weights/inkmath.bin), or a bare classifier weight file. Throws Error when
  // the bytes are wrong, truncated or corrupted.
  // A model file without a language part reads whole expressions by the classifier alone.
  explicit Recognizer(const std::vector<uint8_t>& model);
  ~Recognizer();
  Recognizer(Recognizer&&) noexcept;
  Recognizer& operator=(Recognizer&&) noexcept;

  // Runs every stage (pipeline/pipeline.h) with config(), or with the config given. Throws
  // Error on invalid ink, fixed groups or settings.
  Recognition recognize(Ink ink, const RecognizeOptions& options = {}) const;
  Recognition recognize(Ink ink, const RecognizeOptions& options, const Config& config) const;

  // The settings in use: default_config() with the model file's fitted settings applied.
  const Config& config() const;
  void set_config(const Config& config);
  // The model file's manifest, as JSON text ("{}" for a bare classifier).
  const std::string& manifest() const;

  // For the command line's measuring and fitting tools.
  const Model& model() const;

 private:
  struct State;
  std::unique_ptr<State> state_;
};

// Throws Error naming the path when it cannot be read or holds more than max_bytes (a model
// file is a few MiB; the default leaves room).
std::vector<uint8_t> read_file_bytes(const std::string& path, size_t max_bytes = size_t(256) << 20);

}  // namespace inkmath
