// A function name written letter by letter (s i n) is one symbol, \sin: CROHME's truths always
// say so, the LaTeX writer writes it so, and a reader who taps it means the name. The classifier
// reads most names letter by letter, and some letters as their look-alikes: the t of tan as a
// +, the o of cos as a 0, a capital S or C.
#pragma once
#include <vector>

#include "base/symbol.h"
#include "base/tree.h"

namespace inkmath {

// Merges each function name (latex/function_names.h) that a row of the layout `tree` spells
// into one symbol, labelled with the name, made of the letters' strokes, in the place of its
// first letter. A letter is read as itself, in either case, or as one of the symbol's
// alternatives (its look-alikes), but at most one letter of a name so: in train2014's truths,
// `+ a n` as a row is never written, \tan 178 times. Fixed symbols are not merged: the user chose
// what they are. Returns how many names were merged; the tree no longer fits the symbols then.
int merge_function_names(std::vector<RecognizedSymbol>& symbols, const LayoutRow& tree);

}  // namespace inkmath
