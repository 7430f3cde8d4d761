// The shipped model file (weights/inkmath.bin), for tests of the stages that use its fitted
// parts: the relation model, the context tables, the fitted settings.
#pragma once
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "api/inkmath.h"
#include "latex/write.h"
#include "pipeline/model.h"
#include "pipeline/pipeline.h"

namespace inkmath::testing {

inline std::vector<uint8_t> shipped_bytes() { return read_file_bytes(INKMATH_SOURCE_DIR "/weights/inkmath.bin"); }

inline const Model& shipped_model() {
  static const Model m = load_model(shipped_bytes());
  return m;
}

struct LaidOut {
  std::string latex;
  nlohmann::json tree;
  std::vector<RecognizedSymbol> symbols;
};

// The pipeline's stages from refine on (ellipsis, relabelling, layout, LaTeX) over given symbols.
inline LaidOut lay_out(const Ink& ink, std::vector<RecognizedSymbol> symbols) {
  const Model& m = shipped_model();
  Config config = m.config;
  config.language.weight = 0;  // the layout and refinement alone; whole readings have their own tests
  config.layout.weight = 0;
  Reading r = read_symbols(m, ink, std::move(symbols), config);
  std::vector<std::string> labels;
  for (const auto& s : r.symbols) labels.push_back(s.label);
  return {r.latex, layout_json(r.tree, labels), r.symbols};
}

}  // namespace inkmath::testing
