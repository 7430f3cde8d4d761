// InkML (W3C) reader for the native tools: traces, and the CROHME ground truth when present.
#pragma once
#include <string>
#include <vector>

#include "ink/ink.h"

namespace inkmath {

struct InkmlDocument {
  Ink ink;
  std::string truth_latex;           // <annotation type="truth">, without surrounding $...$
  std::vector<SymbolTruth> symbols;  // innermost <traceGroup>s with a label, stroke indices into ink
};

// Throws Error("<path>: <reason>") for unreadable or malformed files.
InkmlDocument read_inkml_file(const std::string& path);
InkmlDocument read_inkml_string(const std::string& xml, const std::string& name = "<string>");

}  // namespace inkmath
