#include <catch2/catch.hpp>

#include "latex/normalize.h"

using inkmath::normalize_latex;
using inkmath::normalized_latex_tokens;
using inkmath::token_edit_distance;

TEST_CASE("normalization: script braces and spacing do not matter", "[latex]") {
  CHECK(normalize_latex("x^2") == normalize_latex("x^{2}"));
  CHECK(normalize_latex("x ^ { 2 }") == "x ^ { 2 }");
  CHECK(normalize_latex("a_1^2") == normalize_latex("a^{2}_{1}"));
  CHECK(normalize_latex("{a}b") == "a b");
  CHECK(normalize_latex("\\frac12") == normalize_latex("\\frac{1}{2}"));
}

TEST_CASE("normalization: spellings of one symbol agree", "[latex]") {
  CHECK(normalize_latex("a \\lt b") == "a < b");
  CHECK(normalize_latex("a\\gt b") == "a > b");
  CHECK(normalize_latex("x \\to 0") == "x \\rightarrow 0");
  CHECK(normalize_latex("f'(x)") == normalize_latex("f^{\\prime}(x)"));
  CHECK(normalize_latex("1, \\dots, n") == "1 , \\ldots , n");
}

TEST_CASE("normalization: sizing, limits and text wrappers are dropped", "[latex]") {
  CHECK(normalize_latex("\\left( x \\right)") == "( x )");
  CHECK(normalize_latex("\\sum\\limits_{i=1}^{n} i") == normalize_latex("\\sum_{i=1}^n i"));
  CHECK(normalize_latex("\\mathrm{d}x") == "d x");
  CHECK(normalize_latex("\\mathrm dx") == "d x");
  CHECK(normalize_latex("\\mbox{sin} x") == "\\sin x");
  CHECK(normalize_latex("lim \\limits_{x \\to 0}") == normalize_latex("\\lim_{x\\rightarrow0}"));
}

TEST_CASE("normalization: roots and groups with scripts keep their structure", "[latex]") {
  CHECK(normalize_latex("\\sqrt[3]{x}") == "\\sqrt [ 3 ] { x }");
  CHECK(normalize_latex("\\sqrt x") == "\\sqrt { x }");
  CHECK(normalize_latex("{y'}^2") == "{ y ^ { \\prime } } ^ { 2 }");
  CHECK(normalize_latex("\\frac{a}{b}") != normalize_latex("\\frac{b}{a}"));
  CHECK(normalize_latex("{x_1}_2") == "{ x _ { 1 } } _ { 2 }");
}

TEST_CASE("normalization: braces around a base that can take the scripts are dropped", "[latex]") {
  CHECK(normalize_latex("\\sigma({A}_i)") == normalize_latex("\\sigma(A_i)"));
  CHECK(normalize_latex("{e}^{ht}") == "e ^ { h t }");
  CHECK(normalize_latex("{v_{1}}^{2}") == normalize_latex("v_1^2"));
  CHECK(normalize_latex("{(E)}^{n}") == "( E ) ^ { n }");
  CHECK(normalize_latex("{\\sqrt{2}}^k") == normalize_latex("\\sqrt{2}^{k}"));
  CHECK(normalize_latex("{a}^{2}b") != normalize_latex("a b^2"));
}

TEST_CASE("normalization: malformed input does not throw", "[latex]") {
  CHECK_NOTHROW(normalize_latex("\\frac{a"));
  CHECK_NOTHROW(normalize_latex("}}x^"));
  CHECK_NOTHROW(normalize_latex("\\sqrt["));
  CHECK(normalize_latex("") == "");
}

TEST_CASE("token edit distance counts insertions, deletions and substitutions", "[latex]") {
  const auto a = normalized_latex_tokens("x^2+1");
  CHECK(token_edit_distance(a, a) == 0);
  CHECK(token_edit_distance(a, normalized_latex_tokens("x^2-1")) == 1);
  CHECK(token_edit_distance(a, normalized_latex_tokens("x^2+")) == 1);
  CHECK(token_edit_distance(a, normalized_latex_tokens("x2+1")) == 3);  // ^ { } missing
  CHECK(token_edit_distance({}, a) == int(a.size()));
}
