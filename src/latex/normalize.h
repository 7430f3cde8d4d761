// LaTeX comparison for evaluation: a canonical token sequence and a token edit distance.
//
// Two LaTeX strings that typeset the same 2D layout normalize to the same tokens:
//  - whitespace is ignored; braces that group nothing are dropped (x^2 = x^{2}, {a}b = ab), and
//    so are braces around a base whose last symbol can take the scripts ({A}_i = A_i,
//    {v_1}^2 = v_1^2, {(E)}^n = (E)^n);
//  - sizing and spacing commands go (\left \right \big.. \Big.. \limits \displaystyle \, \;);
//  - font and text wrappers keep only their content (\mathrm{d} = d, \mbox{sin} = sin);
//  - spellings of one symbol agree (\lt = <, \gt = >, \to = \rightarrow, \dots \cdots = \ldots,
//    \lbrack = [, \rbrack = ], ' = ^{\prime}, \ge = \geq, \le = \leq, \ne = \neq);
//  - the letters sin cos tan log lim written one by one are the function name (\sin ...);
//  - a symbol's scripts are written _{..} before ^{..}, each in braces.
// Malformed input (unbalanced braces, a missing argument) never throws: it normalizes as far as it reads.
#pragma once
#include <string>
#include <vector>

namespace inkmath {

std::vector<std::string> normalized_latex_tokens(const std::string& latex);
std::string normalize_latex(const std::string& latex);  // the tokens joined by single spaces

// Levenshtein distance between two token sequences (insert, delete, substitute cost 1).
int token_edit_distance(const std::vector<std::string>& a, const std::vector<std::string>& b);

}  // namespace inkmath
