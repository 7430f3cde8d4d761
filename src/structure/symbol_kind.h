// How a symbol sits on the writing line: which part of its box is the x-height band.
#pragma once
#include <string>

#include "base/box.h"

namespace inkmath {

enum class SymbolKind {
  Small,      // x-height only: a c e m n o r s u v w x z, \alpha \pi ...
  Ascender,   // rises above the x-height: digits, capitals, b d h k l t, \sin ...
  Descender,  // drops below the baseline: g p q y \mu \gamma ...
  Both,       // rises and drops: f j \beta \phi ...
  Operator,   // centred on the math axis: + - = < \times ... (says nothing about the line)
  Low,        // sits on the baseline: , . \ldots
  High,       // sits at the top: \prime
  Tall,       // spans the line: ( ) [ ] \{ \} | \sqrt
  BigOperator // \sum \prod \int
};

SymbolKind symbol_kind(const std::string& label);

// A symbol's own estimate of the line it was written on.
struct LineEstimate {
  double center = 0;   // middle of the x-height band
  double xheight = 0;  // height of that band
  bool informative = false;  // false for kinds whose box says little about the line
};

LineEstimate line_estimate(const std::string& label, const Box& box, double typical_xheight);

}  // namespace inkmath
