// The settings of the whole-reading search (language/refine.h) and of vocabularies.
#pragma once
#include <string>
#include <vector>

namespace inkmath {

struct LanguageParams {
  // The weight of the language model's log-probability against the classifier's; 0 leaves the
  // labels to the classifier, refinement and layout. The model file's settings part gives the
  // value scripts/fit-language chose on every 12th train2014 file.
  double weight = 0.2;
  // How many of each symbol's alternatives the search considers, and how likely one must be.
  int alternatives = 3;
  double min_score = 0.0;
  // Whole readings given, at most (Recognition::readings).
  int readings = 3;
  // A writer keeps to one case for one letter: of train2014's truths that write a letter whose
  // capital looks like it (c o p s u v w x y z k) twice or more, 4.7% mix the cases (ln 0.047 is
  // about -3). A reading that mixes them loses this much from its score for each such letter,
  // and the reading with each mixed letter made one case competes with it; 0 turns the rule off.
  // On every 12th train2014 file: 59.5% exact at 2, 59.7% at 3 and 5, 59.3% at 0.
  double mixed_case = 3;
  // Bars | come in pairs (|x|, ||v||): no train2014 truth has an odd number. A reading with an
  // odd number loses this much, and the reading with one symbol more or fewer read as a bar
  // competes with it; 0 turns the rule off. On every 12th train2014 file: 60.0% exact at 3
  // against 59.7% at 0 (with mixed_case 3); 3 and 9 read alike without the case rule. Where no
  // likelier change gives a lone bar a partner, its look-alike 1 is tried even below min_score:
  // 60.8% against 60.5% (with all three rules).
  double odd_bars = 3;
  // Parentheses balance: no train2014 truth has more ( than ) or the reverse. A reading that
  // does not balance loses this much, and the reading with one symbol read otherwise so that
  // they are closer to balanced competes with it; 0 turns the rule off. On every 12th train2014
  // file (with the rules above): 60.5% exact at 3 and 6, 60.4% at 1, 60.0% at 0.
  double unbalanced = 3;
  // Ink is read while it is written (the page reads at every pen-up): a ( just written has no )
  // yet, and the rule above would read it 1 (a lone ( : 102 of 374 valid2013 ones). A reading
  // whose only imbalance is a ( that nothing after it could close (no symbol after it offers a
  // ) among its alternatives) loses this much instead of `unbalanced`. On every 12th train2014
  // file: 63.67% exact at 1 as at 3, 63.40% at 0; 76.19% within 1 error against 76.33% at 3.
  // Symbols read right right after their last stroke (`inkmath eval --as-written`, valid2013):
  // 87.92% at 1, 87.64% at 3, 88.08% at 0.
  double unclosed = 1;
  // A 1 alone as the superscript of a letter or a closing bracket (x^1) is rare, a prime there
  // (x') common; but the language model reads no places, and after a letter it has mostly seen
  // the 1 of subscripts (x_1): of the 1,169 times a 1 follows a letter in train2014's truths, 9
  // are its lone superscript (674 its lone subscript); a \prime there is one 19 times of 82 (the
  // rest are primes the truth writes otherwise: f^{^{\prime}}, x \prime). A reading with such a
  // 1 that the classifier finds could be a \prime loses this much for each (about ln(1169 / 9)),
  // and the reading with each read as its \prime competes with it; 0 turns the rule off. On
  // every 12th train2014 file: 67.07% exact at 0, 2, 3, 5 and 8 alike, 1,007 token errors at 0,
  // 1,006 at 2, 1,005 from 3 on; on the 123 train2014 files whose truth has a prime or a
  // superscript 1: none read worse at any of them, 643 token errors at 0, 641 at 2, 640 from 3 on.
  double superscript_one = 5;
  // Labels a symbol may be read as (language/vocabulary.h); empty: every label. Not a number:
  // set by the command line's --vocabulary and the ink's "vocabulary" option, not by name.
  std::vector<std::string> vocabulary;
};

}  // namespace inkmath
