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
  // The ink's typical stroke size (the median of its strokes' sizes; 0 without points): what a
  // later reading of the same writer's ink takes as RecognizeOptions::earlier_stroke_size.
  double stroke_size = 0;
};

struct RecognizeOptions {
  // Stroke groups whose reading the user fixed (e.g. picked an alternative on the page).
  std::vector<SymbolTruth> fixed;
  // Read the page as written lines, one under another (worked steps), as the setting
  // lines.split does for every reading. Otherwise the ink is one expression.
  bool lines = false;
  // Labels symbols may be read as (language/vocabulary.h); empty: the config's vocabulary.
  std::vector<std::string> vocabulary;
  // The typical stroke size of the same writer's earlier ink (Recognition::stroke_size of it, or
  // the median of several), in this ink's units; 0: not known. The writer's scale, which the
  // classifier reads sizes in, then leans on it (features/features.h, EarlierInk): a symbol
  // written alone is read by its size against the writer's (a P, not p). Finite and >= 0.
  double earlier_stroke_size = 0;
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

// The reading of one writing surface's ink as it changes a stroke at a time: each pen-up
// classifies only the stroke groups it created or changed, and reads exactly as
// Recognizer::recognize() of the same ink. The recognizer must outlive its sessions; its
// config() at the time of each reading is used.
class Session {
 public:
  explicit Session(const Recognizer& recognizer);
  ~Session();
  Session(Session&&) noexcept;
  Session& operator=(Session&&) noexcept;

  // Appends a stroke (not checked until read); returns its index.
  int add_stroke(Stroke stroke);
  // Removes the strokes at these indices (undo, erase); later strokes move down, fixed symbols
  // follow their strokes, and a fixed symbol that loses a stroke is dropped. Throws Error on an
  // index out of range, changing nothing.
  void remove_strokes(const std::vector<int>& strokes);
  // Fixes a symbol's reading (replacing fixed symbols that share a stroke with it).
  void fix(SymbolTruth symbol);
  const Ink& ink() const;
  const std::vector<SymbolTruth>& fixed() const;
  const Recognizer& recognizer() const;

  // Reads the current ink with its fixed symbols; options.lines and options.vocabulary as for
  // recognize() (options.fixed must be empty: fix() sets them). Throws Error on invalid ink,
  // fixed symbols or settings, keeping the ink.
  Recognition read(const RecognizeOptions& options = {});
  // Replaces the ink and the fixed symbols (options.fixed) and reads it: for a surface that
  // sends its whole ink after each change. What stays the same is not classified again.
  Recognition recognize(Ink ink, const RecognizeOptions& options = {});

  // Work for the time the next stroke is being written: classifies the last reading's stroke
  // groups ahead in the writer's scales one stroke more or fewer would move the ink to, so that
  // such a stroke's reading finds them known (a long expression's slowest pen-up otherwise).
  // At most max_groups groups per call, a few milliseconds; returns how many are left (0: done).
  // Readings are the same whether it is called or not; the next reading drops what is left.
  int prepare(int max_groups);

  // Stroke groups classified (run through the network's LSTM) and reused (their LSTM output
  // kept: only the dense layers ran again, or nothing) by readings, and classified ahead by
  // prepare(), since the session began.
  long long groups_classified() const;
  long long groups_reused() const;
  long long groups_prepared() const;

 private:
  struct State;
  std::unique_ptr<State> state_;
};

// Throws Error naming the path when it cannot be read or holds more than max_bytes (a model
// file is a few MiB; the default leaves room).
std::vector<uint8_t> read_file_bytes(const std::string& path, size_t max_bytes = size_t(256) << 20);

}  // namespace inkmath
