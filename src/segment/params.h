// The settings of segmentation: which stroke groups are candidates, and how a partition scores.
// The defaults are those the shipped model was fitted with; the model file's "settings" part
// (scripts/fit-segmentation) overrides them for its classifier.
#pragma once

namespace inkmath {

struct SegmentationLimits {
  int max_group_strokes = 4;  // strokes in one symbol (CROHME symbols have at most 4 or so)
  double max_gap = 0.6;  // without a grouping model: largest gap inside a group, in typical stroke
                         // sizes; 1.3 reads 1% more expressions (the bars of an = can be far apart)
                         // but proposes more candidates than the page's 100 ms after pen-up allows
};

struct SegmentationParams {
  SegmentationLimits limits;
  double symbol_bonus = 0.0;  // added per symbol to the log-probability: > 0 favours more, smaller groups
  double junk_weight = 4.0;   // weight of log(1 - P(junk)) in a group's score
  double size_weight = 0.0;   // weight of log P(stroke count of a symbol) in a group's score
  bool learned = true;        // with the model file's grouping part, groups grow by its probability
                              // (segment/grouping.h) instead of by max_gap
  double grouping_threshold = 0;  // least P(join) for a group to grow; 0: the grouping part's own
  double grouping_weight = 0;     // weight of the log-probability of a group's grouping decisions
                                  // (its strokes joining, the next one not) in its score
  // The whole reading is chosen among the best `partitions` partitions: each is refined, laid out
  // and read by the language model, and its whole readings score their own score
  // (language/refine.h) plus partition_weight times the partition's score less the best
  // partition's (segment/segment.h). 1: the best partition alone. On valid2013 (exact, within 1):
  // 46.94, 61.85% with 1; 47.54, 62.30 with 2 at weight 2; 47.99, 62.59 with 2 at weight 3 and 4;
  // 47.84, 62.30 with 3 at weight 3. Every 12th train2014 file reads 61.50 → 62.18–62.31%.
  // Ink read within a vocabulary is read as its best partition alone (pipeline/pipeline.cpp).
  int partitions = 2;
  double partition_weight = 3.0;
};

}  // namespace inkmath
