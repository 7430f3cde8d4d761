// The symbol labels of a LaTeX expression in reading order: the sequence the language model is
// trained on and scores. Reading order is the order in which the layout writes symbols:
// left to right along each row; a fraction's bar, then its numerator, then its denominator; a
// root's sign, its index, its body; a symbol, then its subscript, then its superscript.
#pragma once
#include <string>
#include <vector>

namespace inkmath {

// From normalized LaTeX tokens (latex/normalize.h): braces and script marks go, \frac is its
// bar (-), < and > are \lt and \gt, function names and numbers are their letters and digits,
// and the brackets around a root's index go.
std::vector<std::string> reading_labels(const std::vector<std::string>& normalized_tokens);

// What the language model reads for one symbol of a reading: a function name (\sin, one symbol
// to the classifier) is its letters, as reading_labels spells it; any other label is itself.
std::vector<std::string> label_tokens(const std::string& label);

}  // namespace inkmath
