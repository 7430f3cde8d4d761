// Vocabularies: the labels a reading may use, when the writer is known to write only some
// symbols (a child's answer to a school problem). The classifier's choices and the segmentation's
// group scores are restricted to them; junk stays possible.
#pragma once
#include <string>
#include <vector>

#include <Eigen/Core>

#include "base/symbol.h"

namespace inkmath {

// The built-in sets, by name. "school": digits, the letters a b c k m n t x y z,
// + - \times \div = \lt \gt \leq \geq \neq, ( ) . , (the fraction bar is -), \sqrt and \pi.
const std::vector<std::string>& vocabulary_names();
// Labels of a built-in set's name, or of a list of labels and set names separated by commas
// ("school,T"; a comma itself is written {,}). Throws Error naming an unknown set or an empty list.
std::vector<std::string> vocabulary_labels(const std::string& name_or_list);

// Rules out, in a classifier's logit columns (one row per class), the labels outside the
// vocabulary: their logit is set so low that their probability is 0, so a group scores and
// reads as its best allowed label. Junk stays. Throws Error naming a label that is not among
// `classes`.
void restrict_to_vocabulary(Eigen::MatrixXf& logits, const std::vector<std::string>& classes, int junk,
                            const std::vector<std::string>& vocabulary);
// Drops the alternatives a vocabulary ruled out; the first stays. Their probability is not
// always exactly 0: a vectorized exp bottoms out at a denormal.
void drop_ruled_out(std::vector<RecognizedSymbol>& symbols, const std::vector<std::string>& vocabulary);

}  // namespace inkmath
