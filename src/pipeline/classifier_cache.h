// Classifier output kept between readings of ink that changes a stroke at a time. A stroke
// group's encoding (what the network's LSTM makes of it: symbols/classifier.h) depends on its
// strokes' points alone, and its logits on that and its Surroundings (the writer's scale and
// the neighbouring strokes its size and place features see: features/features.h). Both are
// kept, keyed by those bytes, compared byte for byte: a pen-up encodes only the groups that are
// new, and reruns the dense layers alone for the groups whose surroundings changed. The
// classifier gives each group the same column whatever it is batched with, so a reading with
// the cache is identical to one without.
//
// A stroke that moves the writer's scale changes every group's surroundings, and a network that
// reads them at every point then encodes every group again: the one slow pen-up of a long
// expression, and in WebAssembly the slowest tenth of the pen-ups of ink of a few strokes.
// Between readings, while the next stroke is written, prepare() classifies the last reading's
// groups ahead in the scales one stroke could move it to, in small slices. Only inks of
// kAheadFromGroups groups or more: below, encoding every group again is quick (most strokes
// leave the scale where it is, and most work ahead goes unused).
#pragma once
#include <string>
#include <unordered_map>

#include "segment/segment.h"

namespace inkmath {

class ClassifierCache {
 public:
  // classify() of segment/segment.h, with what is known from earlier readings reused.
  Eigen::MatrixXf classify(const Ink& ink, const Candidates& c, const SymbolClassifier& classifier,
                           const EarlierInk& earlier = {});
  // Classifies ahead the groups of the last reading, in each writer's scale that one stroke more
  // or fewer would give their ink (writer_scales_one_stroke_away): at most max_groups of them
  // per call. Returns how many are left; 0 once all are known. The next reading drops the rest.
  int prepare(const SymbolClassifier& classifier, int max_groups);
  // Ends a reading: what no reading used in the last kKeepReadings is dropped (an undo or an
  // erase brings back groups of a few readings ago).
  void end_reading();
  void clear();

  // Groups whose encoding was reused, groups encoded (run through the LSTM) by readings, and
  // groups encoded ahead by prepare().
  struct Counts {
    long long reused = 0, classified = 0, prepared = 0;
  };
  const Counts& counts() const { return counts_; }

  static constexpr long long kKeepReadings = 8;
  // About 4 strokes. From 8 groups rather than 32, a pen-up on valid2013 ink of up to 20
  // strokes encodes at most 13 groups at the p95 instead of 19; the work ahead comes in 46%
  // of the readings, twice as many groups as the readings encode themselves.
  static constexpr size_t kAheadFromGroups = 8;

 private:
  struct Entry {
    Eigen::VectorXf column;
    long long last_used = 0;
  };
  using Columns = std::unordered_map<std::string, Entry>;
  // A group whose logits are not known: its keys, strokes and surroundings.
  struct Work {
    std::string encoding_key, logit_key;
    std::vector<Stroke> strokes;
    Surroundings around;
  };
  // An ink a reading classified, and its groups: what prepare() works from.
  struct Seen {
    Ink ink;
    Candidates candidates;
    EarlierInk earlier;
  };

  const Eigen::VectorXf* find(Columns& columns, const std::string& key);
  // The logits of each work item (its encoding reused when known), kept; returns them and adds
  // the groups encoded to `encoded`.
  Eigen::MatrixXf run(std::vector<Work> work, const SymbolClassifier& classifier, long long& encoded);
  void plan_ahead();

  Columns encodings_, logits_;
  long long reading_ = 0;
  Counts counts_;
  std::vector<Seen> seen_, last_reading_;  // this reading's inks, and the last one's
  std::vector<Work> ahead_;                 // planned by prepare(), not yet classified
  bool planned_ = false;
};

}  // namespace inkmath
