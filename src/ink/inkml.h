// InkML (W3C) reader for the native tools: traces, and the CROHME ground truth when present.
#pragma once
#include <cstddef>
#include <string>
#include <vector>

#include "ink/ink.h"

namespace inkmath {

struct InkmlDocument {
  Ink ink;
  std::string truth_latex;           // <annotation type="truth"> (or typx="truth"), without $...$
  std::vector<SymbolTruth> symbols;  // innermost <traceGroup>s with a label, stroke indices into ink
  // Where each symbol sits in the truth layout (the MathML annotation), one entry per symbol:
  // the path of containers from the top row, e.g. "/2^/5_" = in the subscript of symbol 5,
  // itself in the superscript of symbol 2 (fractions: n/d, roots: r/i); "?" for a symbol the
  // MathML does not name. Empty when the file has no MathML truth.
  std::vector<std::string> scopes;
};

// The truth relation of symbol t to symbol `base` (indices into doc.symbols) from the scopes:
// 'R' same row, '^' in base's superscript (or upper limit), '_' in its subscript (or lower
// limit), 0 when the layout says neither or is unknown.
char truth_relation(const InkmlDocument& doc, int base, int t);

// Bounds on what the reader accepts, so that a hostile file costs bounded memory and stack.
constexpr size_t kMaxInkmlBytes = 64 << 20;
constexpr int kMaxTraceGroupDepth = 32;  // CROHME nests two levels

// Throws Error("<path>: <reason>") for unreadable, malformed or over-large files.
InkmlDocument read_inkml_file(const std::string& path);
InkmlDocument read_inkml_string(const std::string& xml, const std::string& name = "<string>");

}  // namespace inkmath
