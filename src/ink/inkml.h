// InkML (W3C) reader for the native tools: traces, and the CROHME ground truth when present.
#pragma once
#include <cstddef>
#include <string>
#include <vector>

#include "ink/ink.h"

namespace inkmath {

struct InkmlDocument {
  Ink ink;
  std::string truth_latex;           // <annotation type="truth">, without surrounding $...$
  std::vector<SymbolTruth> symbols;  // innermost <traceGroup>s with a label, stroke indices into ink
};

// Bounds on what the reader accepts, so that a hostile file costs bounded memory and stack.
constexpr size_t kMaxInkmlBytes = 64 << 20;
constexpr int kMaxTraceGroupDepth = 32;  // CROHME nests two levels

// Throws Error("<path>: <reason>") for unreadable, malformed or over-large files.
InkmlDocument read_inkml_file(const std::string& path);
InkmlDocument read_inkml_string(const std::string& xml, const std::string& name = "<string>");

}  // namespace inkmath
