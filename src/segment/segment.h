// Segmentation: which strokes form each symbol, and what each symbol is, in the three steps the
// pipeline runs in order: candidate groups, their classification in one batch, and the search
// for the best partition.
#pragma once
#include <string>
#include <utility>
#include <vector>

#include "base/symbol.h"
#include "features/features.h"
#include "ink/ink.h"
#include "segment/hypotheses.h"
#include "segment/params.h"
#include "symbols/classifier.h"

namespace inkmath {

// An open 4 written as a cross and, apart from it, the upright standing on its left arm: the
// indices in Candidates::groups of the whole (three strokes), the upright and the cross.
struct OpenFour {
  int whole, upright, cross;
};

struct Candidates {
  std::vector<int> order;                  // the strokes not fixed by the user, in grouping order
  std::vector<std::vector<int>> groups;    // the strokes of each group: candidates, then fixed groups
  std::vector<std::pair<int, int>> where;  // each candidate's (begin, count) in `order`
  std::vector<double> grouping;            // each candidate's log P of its grouping decisions (its
                                           // strokes joining, the next not); 0 without a grouping
                                           // model; candidates past its end count 0
  std::vector<SymbolTruth> fixed;          // groups whose reading the user fixed, in the order given
  std::vector<OpenFour> open_fours;        // candidates shaped as an open 4 (read_open_fours)
};

// A symbol of the given strokes (sorted) read as the alternatives given, best first.
RecognizedSymbol make_symbol(const Ink& ink, std::vector<int> strokes, std::vector<Alternative> alternatives);

// Every run of up to max_group_strokes consecutive free strokes that may be one symbol (close
// enough, or likely enough to belong together by `grouping` when given: segment/grouping.h), and
// the fixed groups. Empty strokes are skipped. Three strokes shaped as an open 4 (a cross and an
// upright on its left arm, consecutive in grouping order) are a candidate whatever the grouping
// model says: its upright stands apart from the cross. Two straight uprights side by side, apart
// (the bars of a norm), are never a candidate of their own.
Candidates candidates(const Ink& ink, const std::vector<SymbolTruth>& fixed, const SegmentationParams& params,
                      const GroupingModel* grouping = nullptr);

// An open 4's upright and cross are each a symbol to the classifier (1 and +), and the three
// strokes together an unusual shape it reads as a +. Each open-4 candidate whose cross the
// classifier reads as + and whose upright as 1 (or | or l) reads as a 4 as surely as the cross
// reads as a +: its column becomes the cross's with + and 4 swapped.
void read_open_fours(const Candidates& c, Eigen::MatrixXf& logits, const std::vector<std::string>& classes, int junk);

// What the classifier sees of the ink around each group of `c` (features/features.h), in the
// given writer's scale: the ink's writer_scale() when it is read.
std::vector<Surroundings> group_surroundings(const Ink& ink, const Candidates& c, double writer_scale);

// The strokes of one group, in the group's order.
std::vector<Stroke> group_strokes(const Ink& ink, const std::vector<int>& group);

// Logit columns, one per group of `c` (candidates and fixed groups alike), in one batch.
Eigen::MatrixXf classify(const Ink& ink, const Candidates& c, const SymbolClassifier& classifier,
                         const EarlierInk& earlier = {});

// A partition of the ink into symbols: the fixed groups, then the free strokes' groups in
// writing order, and the partition's score (the sum of its groups' scores; 0 for fixed groups).
struct Partition {
  std::vector<RecognizedSymbol> symbols;
  double score = 0;
};

// The `partitions` best partitions of the free strokes by total score (dynamic programming over
// the uncalibrated probabilities), best first, each with the fixed groups first (the label given,
// score 1, and the classifier's other readings after it); each symbol with at most
// `alternatives` readings, best first, scored with the calibrated ones (symbols/classifier.h).
// Ink without free strokes has one partition: the fixed groups.
std::vector<Partition> search(const Ink& ink, const Candidates& c, const Eigen::MatrixXf& logits,
                              const SymbolClassifier& classifier, const SegmentationParams& params, int alternatives,
                              int partitions = 1);

}  // namespace inkmath
